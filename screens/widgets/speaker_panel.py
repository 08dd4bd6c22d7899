"""The current speaker: registration number, honorific, name, hamlet, field, and a
speaking-time counter against the limit, computed from the stored call moment
(so it survives a restart). `show` takes what the screen read; `tick` redraws the
counter only."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from db.models import Speaker
from ..timing import css_class, elapsed_seconds, level, mmss, time_words

_TIMER_CLASSES = ("timer-ok", "timer-near", "timer-over")


class SpeakerPanel(Vertical):
    DEFAULT_CSS = """
    SpeakerPanel {
        height: auto;
    }
    SpeakerPanel > Static {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    SpeakerPanel > .speaker--who {
        text-style: bold;
    }
    SpeakerPanel > Digits {
        width: auto;
    }
    """

    BORDER_TITLE = "Người phát biểu"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._speaker: Speaker | None = None
        self._limit: int | None = None
        self._level = ""

    def compose(self) -> ComposeResult:
        yield Static(classes="speaker--who")
        yield Static(classes="speaker--where")
        yield Digits("--:--", classes="speaker--digits")
        yield Static(classes="speaker--counter")

    @property
    def speaker(self) -> Speaker | None:
        return self._speaker

    def show(self, speaker: Speaker | None, limit_minutes: int | None, next_up: list[Speaker],
             now: datetime) -> None:
        """The speaker as last read (None: nobody has the floor) and who is next."""
        self._speaker, self._limit = speaker, limit_minutes
        who = self.query_one(".speaker--who", Static)
        where = self.query_one(".speaker--where", Static)
        if speaker is None:
            who.update(Text("Chưa mời ai phát biểu"))
            if next_up:
                where.update(Text("Tiếp theo: " + " · ".join(
                    f"số {s.reg_no} {s.short_name}" for s in next_up)))
            else:
                where.update(Text("Không có ai đang chờ phát biểu"))
        else:
            who.update(Text(f"Số {speaker.reg_no} · {speaker.short_name}"))
            parts = [speaker.hamlet, speaker.organisation, speaker.field_name]
            where.update(Text(" · ".join(p for p in parts if p) or "—"))
        self.tick(now)

    def tick(self, now: datetime) -> None:
        """Redraw the counter only."""
        speaker = self._speaker
        digits = self.query_one(Digits)
        counter = self.query_one(".speaker--counter", Static)
        if speaker is None:
            digits.update("--:--")
            counter.update(Text(f"giới hạn {self._limit} phút" if self._limit else ""))
            lvl = ""
        else:
            seconds = elapsed_seconds(speaker.called_at, now)
            limit = f" / {mmss(self._limit * 60)}" if self._limit else ""
            digits.update(mmss(seconds))
            words = time_words(seconds, self._limit)
            if words:  # short enough for 36 columns: '40:04/05:00 · HẾT GIỜ · quá 35:04'
                line = Text(f"{mmss(seconds)}{limit.replace(' / ', '/')} · ")
                line.append(words, style="bold reverse")
            else:
                line = Text(f"Đã nói {mmss(seconds)}{limit} · lượt thứ {speaker.spoke_order}")
            counter.update(line)
            lvl = css_class(level(seconds, self._limit))
        if lvl != self._level:
            for widget in (digits, counter):
                widget.remove_class(*_TIMER_CLASSES)
                if lvl:
                    widget.add_class(lvl)
            self._level = lvl
