"""The live meeting: the programme, the current speaker, the queue, the opinion being
typed and the opinions recorded so far, on one screen.

The store is the only source of truth: every action calls one `db` function (which
commits), then the screen re-reads what it shows. Attributes hold the last values
read, never the data. The one-second tick redraws the two clocks only; tables are
re-read after a write and updated row by row. The actions, their keys and when each
is possible are declared once, in live_commands.ACTIONS.
"""

from __future__ import annotations

import sqlite3

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Static

from db.vndate import dmy
from db.connection import describe_sqlite_error
from db.meetings import get_fields, get_meeting, get_steps
from db.models import Field, Meeting, MeetingStatus, Opinion, Speaker, SpeakerStatus
from db.opinions import list_opinions, outcome_counts
from db.speakers import counts, list_speakers

from .live_actions import LiveActions
from .live_commands import LiveCommands, LiveState, allowed, bindings, in_bar, keys_display
from .live_editor import OPINION_DRAFT, LiveEditor
from .live_opinions import LiveOpinionActions
from .opinion_filter import OpinionFilter
from .store_call import WAITING, StoreAccess, Writer
from .timing import bell_due
from .widgets.draft_area import DraftArea
from .widgets.key_bar import KeyBar
from .widgets.opinions_table import OpinionsTable
from .widgets.programme import ProgrammePanel
from .widgets.queue_table import QUEUE_STATUSES, QueueTable
from .widgets.speaker_panel import SpeakerPanel



def size_class(size: int, breakpoints: list[tuple[int, str]]) -> list[str]:
    """The class Textual's breakpoints give a screen of this width or height."""
    return [name for at, name in sorted(breakpoints, reverse=True) if size >= at][:1]


class LiveScreen(LiveActions, LiveOpinionActions, LiveEditor, StoreAccess, Screen):
    CSS_PATH = "live.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    COMMANDS = {LiveCommands}
    AUTO_FOCUS = "#opinion-text"
    # Never a printable key: the secretary is typing. Built from the one table.
    BINDINGS = bindings()

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        # Last values read from the store.
        self.meeting: Meeting | None = None
        self.fields: list[Field] = []
        self.speaker: Speaker | None = None
        self.speaker_counts: dict[SpeakerStatus, int] = {}
        self.has_next_step = False
        self.has_previous_step = False
        self.follows: Opinion | None = None
        # Throwaway UI state.
        self.field_choice: int | None = None  # None: the speaker's own field
        self.opinion_filter = OpinionFilter()
        self.bell = False  # ring once when the speaker's time runs out (palette)
        self._rung_for: int | None = None
        self._saved_context: dict | None = None  # the context draft as stored (None: none)
        self.writer = Writer(self, on_wait=self._show_waiting)
        self.messages: list[tuple[str, str]] = []  # (severity, message) said on the status line
        self._status_timer: Timer | None = None
        self.unanswered = 0
        self._suspended = False
        self._opinions_partial = False  # the list holds only the first opinions read
        self._last_number_read: int | None = None  # the last of them (while partial)

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The size classes (-wide, -tall, ...) before the widgets are styled: Textual
        # gives them at the screen's first resize, after, and then restyles every widget.
        width, height = self.app.size
        self.add_class(*size_class(width, self.HORIZONTAL_BREAKPOINTS),
                       *size_class(height, self.VERTICAL_BREAKPOINTS), update=False)
        yield Header()
        with Horizontal(id="live-top"):
            yield ProgrammePanel(id="programme")
            yield SpeakerPanel(id="speaker")
        with Horizontal(id="live-middle"):
            yield QueueTable(id="queue")
            yield OpinionsTable(id="opinions")
        yield DraftArea(id="opinion-text", draft_key=OPINION_DRAFT,
                        placeholder="Gõ ý kiến của người đang phát biểu tại đây…")
        yield Static("", id="status")
        yield KeyBar(id="keys")

    @property
    def editor(self) -> DraftArea:
        return self._editor

    @property
    def is_live(self) -> bool:
        return self.meeting is not None and self.meeting.status is MeetingStatus.LIVE

    def on_mount(self) -> None:
        self._editor = self.query_one("#opinion-text", DraftArea)
        self.fields = get_fields(self.store.db, self.meeting_id)
        # The first paint reads only the opinions the list shows at once; the others are
        # read a pause after it has painted, a table batch at a time (widgets/synced_table.py).
        self.reload(first_opinions=OpinionsTable.FIRST_ROWS)
        if self._opinions_partial:
            self.call_after_refresh(self.set_timer, OpinionsTable.BATCH_PAUSE, self._read_more_opinions)
        self.restore_draft()
        self.set_interval(1.0, self.tick)

    def on_screen_resume(self) -> None:
        # The first resume follows on_mount, which has just read everything.
        if self.meeting is not None and self._suspended:
            self.reload()
        self._suspended = False

    def on_screen_suspend(self) -> None:
        self._suspended = True
        self.flush_editor()

    def on_unmount(self) -> None:
        self.flush_editor()

    def on_descendant_focus(self, event) -> None:
        self.show_keys()

    def on_data_table_row_highlighted(self, event) -> None:
        self.show_keys()  # what the highlighted speaker allows (call, withdraw)

    def tick(self) -> None:
        """Once a second: the two clocks, nothing else (and the bell, if wanted)."""
        now = self.store.now()
        panel = self.query_one(SpeakerPanel)
        panel.tick(now)
        self.query_one(ProgrammePanel).tick(now)
        speaker = self.speaker
        if self.bell and speaker is not None and self._rung_for != speaker.id and \
                bell_due(speaker.called_at, self.meeting.speaking_limit_minutes, now):
            self._rung_for = speaker.id
            self.app.bell()

    def notify(self, message: str, *, title: str = "", severity: str = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Messages go on the status line above the keys, never in a toast over the
        opinions or the text being typed. Confirmations stay 3 s, errors 8 s."""
        line = next(self.query("#status").results(Static), None)
        if line is None:  # leaving, or not composed yet
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
            return
        if not (self._status_timer is not None and self.messages and self.messages[-1] == (severity, message)):
            self.messages.append((severity, message))  # the same sentence still shown: once
        line.update(Text(("✓ " if severity == "information" else "⚠ ") + message))
        line.set_class(severity == "error", "-error")
        line.set_class(severity == "warning", "-warning")
        if self._status_timer is not None:
            self._status_timer.stop()
        seconds = timeout if timeout is not None else (3 if severity == "information" else 8)
        self._status_timer = self.set_timer(seconds, self._clear_status)

    def _clear_status(self) -> None:
        self._status_timer = None
        for line in self.query("#status").results(Static):
            line.update("")

    def _show_waiting(self, waiting: bool) -> None:
        """A write waits for another program's lock: say so where the secretary looks."""
        if waiting:
            self.editor.border_subtitle = Text(WAITING, style="bold reverse")
        else:
            self.show_editor_title()

    # -- reading -----------------------------------------------------------------

    def reload(self, *, meeting: bool = True, speakers: bool = True, opinions: bool = True,
               changed: Opinion | None = None, first_opinions: int | None = None) -> None:
        """Re-read what the screen shows (after a write). `changed`: the one opinion
        the write touched, as the store read it back: only its row is redrawn.
        `first_opinions`: read only that many opinions (the first paint)."""
        try:
            if meeting:
                self._read_meeting()
            if speakers:
                self._read_speakers()
            if changed is not None:
                self._read_opinion(changed)
            elif opinions:
                self._read_opinions(first_opinions)
        except sqlite3.Error as exc:
            self.notify(describe_sqlite_error(exc), severity="error", markup=False)
        self.show_editor_title()
        self.refresh_bindings()
        self.show_keys()

    def _read_meeting(self) -> None:
        db = self.store.db
        self.meeting = get_meeting(db, self.meeting_id)
        steps = get_steps(db, self.meeting_id)
        current = next((s for s in steps if s.is_current), None)
        self.has_next_step = current is not None and current.position < steps[-1].position
        self.has_previous_step = current is not None and current.position > steps[0].position
        self.sub_title = f"{self.meeting.place_name} · {dmy(self.meeting.date)[:5]}"
        self.query_one(ProgrammePanel).show(self.meeting, steps, self.store.now())

    def _read_speakers(self) -> None:
        db = self.store.db
        queue = list_speakers(db, self.meeting_id, QUEUE_STATUSES)
        self.speaker_counts = counts(db, self.meeting_id)
        self.speaker = next((s for s in queue if s.status is SpeakerStatus.SPEAKING), None)
        waiting = [s for s in queue if s.status is SpeakerStatus.WAITING]
        limit = self.meeting.speaking_limit_minutes if self.meeting else None
        self.query_one(SpeakerPanel).show(self.speaker, limit, waiting[:2], self.store.now())
        table = self.query_one(QueueTable)
        table.show(queue)
        c = self.speaker_counts
        title = (f"Hàng chờ · chờ {c[SpeakerStatus.WAITING]} · đã nói {c[SpeakerStatus.DONE]}"
                 f" · vắng {c[SpeakerStatus.ABSENT]}")
        if c.get(SpeakerStatus.WITHDRAWN):
            title += f" · rút {c[SpeakerStatus.WITHDRAWN]}"
        table.border_title = Text(title)

    def _read_opinions(self, limit: int | None = None) -> None:
        read = list_opinions(self.store.db, self.meeting_id, limit=limit)
        self._opinions_partial = limit is not None and len(read) == limit
        self._last_number_read = read[-1].number if read else None
        self.query_one(OpinionsTable).show(self.opinion_filter.apply(read))
        self._count_opinions()

    def _read_more_opinions(self) -> None:
        """After the first paint: the next opinions not read yet (unless a write, a filter
        or a typed number read them all), one table batch at a time, a pause apart, so
        the screen paints and takes keys in between, however long the meeting."""
        if not (self._opinions_partial and self.is_mounted):
            return
        table = self.query_one(OpinionsTable)
        try:
            read = list_opinions(self.store.db, self.meeting_id, limit=table.BATCH_ROWS,
                                 after_number=self._last_number_read)
        except sqlite3.Error as exc:
            self.notify(describe_sqlite_error(exc), severity="error", markup=False)
            return
        self._opinions_partial = len(read) == table.BATCH_ROWS
        if read:
            self._last_number_read = read[-1].number
        table.show_more(read)
        if self._opinions_partial:
            self.set_timer(table.BATCH_PAUSE, self._read_more_opinions)

    def _read_opinion(self, opinion: Opinion) -> None:
        if self._opinions_partial:  # a write before the others were read: read them now
            self._read_opinions()
        visible = self.opinion_filter.matches(opinion) if self.opinion_filter.active else True
        table = self.query_one(OpinionsTable)
        if table.show_one(opinion, visible):
            self._count_opinions()
        else:
            self._read_opinions()
        if visible:
            table.select_key(str(opinion.id))

    def _count_opinions(self) -> None:
        tally = outcome_counts(self.store.db, self.meeting_id)
        table = self.query_one(OpinionsTable)
        total = sum(tally.values())
        self.unanswered = tally[None]
        title = f"Ý kiến · {total} · chưa trả lời {tally[None]}"
        shown = self.opinion_filter.describe(self.fields)
        if shown:
            title += f" · LỌC: {shown} ({table.row_count})"
        table.border_title = Text(title)

    # -- what is possible now -------------------------------------------------------

    def state(self) -> LiveState:
        m = self.meeting
        focused = self.focused
        if not self.is_mounted or m is None:
            return LiveState()
        queue = self.query_one(QueueTable)
        opinions = self.query_one(OpinionsTable)
        row = queue.highlighted_status
        return LiveState(
            status=m.status,
            speaking=self.speaker is not None,
            waiting=self.speaker_counts.get(SpeakerStatus.WAITING, 0),
            opinions=opinions.row_count,
            follows=self.follows is not None,
            has_next_step=self.has_next_step,
            has_previous_step=self.has_previous_step,
            editor_focused=focused is self.editor,
            queue_focused=focused is queue,
            opinions_focused=focused is opinions,
            queue_row=row is not None,
            queue_row_callable=row in (SpeakerStatus.WAITING, SpeakerStatus.ABSENT),
            queue_row_open=row in (SpeakerStatus.WAITING, SpeakerStatus.ABSENT, SpeakerStatus.SPEAKING),
            filtered=self.opinion_filter.active,
        )

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if self.meeting is None:
            return True
        verdict = allowed(action, self.state())
        return True if verdict is None else verdict

    def show_keys(self) -> None:
        """The key bar: every action possible now, F-key and Ctrl/Alt key."""
        if not self.is_mounted:
            return
        entries = [(keys_display(a), a.label) for a in in_bar(self.state())]
        entries.append(("^P", "Mọi lệnh"))
        self.query_one(KeyBar).show(entries)
