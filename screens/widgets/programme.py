"""The programme: every step with its number, content and leader; done steps with
their actual start and end; the current step highlighted with its elapsed time
against the planned minutes. Data comes in through `show`; `tick` only redraws
the one-line clock."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from db.models import Meeting, MeetingStatus, Step
from db.vndate import dmy, hhmm
from ..timing import css_class, elapsed_seconds, level, mmss

_CLOCK_CLASSES = ("timer-ok", "timer-near", "timer-over")


def _hhmm(moment: str | None) -> str:
    return hhmm(moment)


def step_line(step: Step) -> Text:
    """'✓  1 07:30–07:41  10' Tuyên bố lý do … — Văn phòng'."""
    if step.is_done:
        mark, style = "✓", "dim"
    elif step.is_current:
        mark, style = "▶", "bold reverse"
    else:
        mark, style = " ", ""
    times = f"{_hhmm(step.started_at)}–{_hhmm(step.ended_at)}" if step.started_at else ""
    minutes = f"{step.minutes}'" if step.minutes else ""
    text = f"{mark} {step.position:>2} {times:<11} {minutes:>4} {step.content}"
    if step.lead:
        text += f" — {step.lead}"
    return Text(text, style=style, no_wrap=True, overflow="ellipsis")


class ProgrammePanel(Vertical):
    DEFAULT_CSS = """
    ProgrammePanel {
        height: auto;
    }
    ProgrammePanel > Static {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ProgrammePanel > .programme--now {
        text-style: bold;
    }
    ProgrammePanel > .programme--next {
        color: $text-muted;
    }
    """

    BORDER_TITLE = "Chương trình"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._meeting: Meeting | None = None
        self._steps: list[Step] = []
        self._clock_level = ""

    def compose(self) -> ComposeResult:
        yield Static(classes="programme--now")
        yield Static(classes="programme--clock")
        yield Static(classes="programme--next")
        yield Static(classes="programme--steps")

    @property
    def current(self) -> Step | None:
        return next((s for s in self._steps if s.is_current), None)

    def show(self, meeting: Meeting, steps: list[Step], now: datetime) -> None:
        """The meeting and its steps as last read from the store."""
        self._meeting, self._steps = meeting, steps
        current = self.current
        total = len(steps)
        if meeting.status is MeetingStatus.PLANNED:
            now_line = Text(f"Hội nghị chưa bắt đầu · dự kiến {meeting.start} ngày {dmy(meeting.date)}")
            following = steps[0] if steps else None
        elif current is not None:
            now_line = Text(f"Bước {current.position}/{total}: {current.content}"
                            + (f" — {current.lead}" if current.lead else ""))
            following = next((s for s in steps if s.position > current.position), None)
        elif meeting.status is MeetingStatus.ENDED:
            now_line = Text(f"Hội nghị đã kết thúc lúc {_hhmm(meeting.ended_at)}")
            following = None
        else:
            now_line = Text("Chưa vào bước nào của chương trình")
            following = next((s for s in steps if s.started_at is None), None)
        self.query_one(".programme--now", Static).update(now_line)
        next_text = (f"Tiếp theo: {following.position}. {following.content}" if following
                     else ("Đây là bước cuối của chương trình." if current else ""))
        self.query_one(".programme--next", Static).update(Text(next_text))
        self.query_one(".programme--steps", Static).update(
            Text("\n").join(step_line(s) for s in steps))
        self.tick(now)

    def tick(self, now: datetime) -> None:
        """Redraw the clock line only."""
        meeting, current = self._meeting, self.current
        if meeting is None:
            return
        lvl = ""
        if meeting.status is MeetingStatus.PLANNED:
            text = "Bấm Ctrl+N để bắt đầu hội nghị."
        elif meeting.status is MeetingStatus.ENDED:
            spent = elapsed_seconds(meeting.started_at, datetime.fromisoformat(meeting.ended_at)) \
                if meeting.ended_at else 0
            text = f"Thời gian họp: {mmss(spent)}"
        elif current is not None:
            seconds = elapsed_seconds(current.started_at, now)
            planned = f" / dự kiến {current.minutes} phút" if current.minutes else ""
            text = f"Bước này: {mmss(seconds)}{planned} · từ {_hhmm(current.started_at)}"
            lvl = css_class(level(seconds, current.minutes))
        else:
            text = ""
        clock = self.query_one(".programme--clock", Static)
        clock.update(Text(text))
        if lvl != self._clock_level:
            clock.remove_class(*_CLOCK_CLASSES)
            if lvl:
                clock.add_class(lvl)
            self._clock_level = lvl
