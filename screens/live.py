"""The live meeting: the programme, the current speaker, the queue, the opinion being
typed and the opinions recorded so far, on one screen.

The store is the only source of truth: every action calls one `db` function (which
commits), then the screen re-reads what it shows. Attributes hold the last values
read, never the data. The one-second tick redraws the two clocks only; tables are
re-read after a write and updated row by row.
"""

from __future__ import annotations

import json
import sqlite3

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header

from db.connection import describe_sqlite_error
from db.meetings import clear_draft, get_draft, get_fields, get_meeting, get_steps, save_draft
from db.models import Field, Meeting, MeetingStatus, Opinion, Speaker, SpeakerStatus
from db.opinions import get_opinion, list_opinions, outcome_counts
from db.speakers import counts, list_speakers

from .live_actions import LiveActions
from .live_commands import LiveCommands
from .store_call import FAILED, attempt, attempt_unasked
from .widgets.draft_area import DraftArea
from .widgets.opinions_table import OpinionsTable, who
from .widgets.programme import ProgrammePanel
from .widgets.queue_table import QUEUE_STATUSES, QueueTable
from .widgets.speaker_panel import SpeakerPanel

OPINION_DRAFT = "opinion"
CONTEXT_DRAFT = "opinion.context"  # {"speaker_id", "field_id", "follows_id"} of the typed opinion


class LiveScreen(LiveActions, Screen):
    CSS_PATH = "live.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    COMMANDS = {LiveCommands}
    AUTO_FOCUS = "#opinion-text"

    # Never a printable key: the secretary is typing. Two bindings may share a key;
    # the first one check_action allows wins (and is the one the footer shows).
    BINDINGS = [
        Binding("ctrl+n", "start", "Bắt đầu hội nghị"),
        Binding("f2", "register", "Đăng ký", priority=True),
        Binding("f3", "call_next", "Mời tiếp", priority=True),
        Binding("f4", "absent", "Vắng", priority=True),
        Binding("f5", "finish", "Xong lượt", priority=True),
        Binding("f6", "record", "Ghi ý kiến", priority=True),
        Binding("ctrl+s", "record", "Ghi ý kiến", show=False),
        Binding("f7", "answer", "Trả lời", priority=True),
        Binding("f8", "slip", "Phiếu", priority=True),
        Binding("f9", "followup", "Ý kiến tiếp", priority=True),
        Binding("ctrl+l", "pick_field", "Lĩnh vực"),
        Binding("ctrl+g", "call_selected", "Mời người chọn"),
        Binding("ctrl+o", "edit_opinion", "Sửa ý kiến"),
        Binding("ctrl+f", "filter", "Lọc"),
        Binding("ctrl+n", "next_step", "Bước tiếp"),
        Binding("ctrl+b", "previous_step", "Bước trước"),
        Binding("ctrl+t", "end_meeting", "Kết thúc HN"),
        Binding("ctrl+e", "documents", "In biên bản"),
        Binding("escape", "focus_editor", "Về ô ghi"),
        Binding("escape", "back", "Danh sách"),
    ]

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
        self.filter_field: int | None = None
        self.filter_unanswered = False
        self._saved_context: dict | None = None  # the context draft as stored (None: none)

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="live-top"):
            yield ProgrammePanel(id="programme")
            yield SpeakerPanel(id="speaker")
        with Horizontal(id="live-middle"):
            yield QueueTable(id="queue")
            yield OpinionsTable(id="opinions")
        yield DraftArea(id="opinion-text", draft_key=OPINION_DRAFT,
                        placeholder="Gõ ý kiến của người đang phát biểu tại đây…")
        yield Footer(compact=True)

    @property
    def editor(self) -> DraftArea:
        return self._editor

    @property
    def is_live(self) -> bool:
        return self.meeting is not None and self.meeting.status is MeetingStatus.LIVE

    def on_mount(self) -> None:
        self._editor = self.query_one("#opinion-text", DraftArea)
        self.fields = get_fields(self.app.db, self.meeting_id)
        self.reload()
        self.restore_draft()
        self.set_interval(1.0, self.tick)

    def on_screen_resume(self) -> None:
        if self.meeting is not None:
            self.reload()

    def on_screen_suspend(self) -> None:
        self.flush_editor()

    def on_unmount(self) -> None:
        self.flush_editor()

    def tick(self) -> None:
        """Once a second: the two clocks, nothing else."""
        now = self.app.clock()
        self.query_one(SpeakerPanel).tick(now)
        self.query_one(ProgrammePanel).tick(now)

    # -- reading -----------------------------------------------------------------

    def reload(self, *, meeting: bool = True, speakers: bool = True, opinions: bool = True,
               changed: Opinion | None = None) -> None:
        """Re-read what the screen shows (after a write). `changed`: the one opinion
        the write touched, as the store read it back: only its row is redrawn."""
        try:
            if meeting:
                self._read_meeting()
            if speakers:
                self._read_speakers()
            if changed is not None:
                self._read_opinion(changed)
            elif opinions:
                self._read_opinions()
        except sqlite3.Error as exc:
            self.notify(describe_sqlite_error(exc), severity="error", markup=False)
        self.show_editor_title()
        self.refresh_bindings()

    def _read_meeting(self) -> None:
        db = self.app.db
        self.meeting = get_meeting(db, self.meeting_id)
        steps = get_steps(db, self.meeting_id)
        current = next((s for s in steps if s.is_current), None)
        self.has_next_step = current is not None and current.position < steps[-1].position
        self.has_previous_step = current is not None and current.position > steps[0].position
        self.sub_title = f"{self.meeting.place_name} · {self.meeting.date[8:10]}/{self.meeting.date[5:7]}"
        self.query_one(ProgrammePanel).show(self.meeting, steps, self.app.clock())

    def _read_speakers(self) -> None:
        db = self.app.db
        queue = list_speakers(db, self.meeting_id, QUEUE_STATUSES)
        self.speaker_counts = counts(db, self.meeting_id)
        self.speaker = next((s for s in queue if s.status is SpeakerStatus.SPEAKING), None)
        next_up = next((s for s in queue if s.status is SpeakerStatus.WAITING), None)
        limit = self.meeting.speaking_limit_minutes if self.meeting else None
        self.query_one(SpeakerPanel).show(self.speaker, limit, next_up, self.app.clock())
        table = self.query_one(QueueTable)
        table.show(queue)
        c = self.speaker_counts
        table.border_title = Text(f"Hàng chờ · chờ {c[SpeakerStatus.WAITING]} · "
                                  f"đã nói {c[SpeakerStatus.DONE]} · vắng {c[SpeakerStatus.ABSENT]}")

    def _read_opinions(self) -> None:
        opinions = list_opinions(self.app.db, self.meeting_id, unanswered_only=self.filter_unanswered,
                                 field_id=self.filter_field)
        self.query_one(OpinionsTable).show(opinions)
        self._count_opinions()

    def _read_opinion(self, opinion: Opinion) -> None:
        visible = ((not self.filter_unanswered or opinion.outcome is None)
                   and (self.filter_field is None or opinion.field_id == self.filter_field))
        table = self.query_one(OpinionsTable)
        if table.show_one(opinion, visible):
            self._count_opinions()
        else:
            self._read_opinions()
        if visible:
            table.select_key(str(opinion.id))

    def _count_opinions(self) -> None:
        tally = outcome_counts(self.app.db, self.meeting_id)
        table = self.query_one(OpinionsTable)
        total = sum(tally.values())
        title = f"Ý kiến · {total} · chưa trả lời {tally[None]}"
        if self.filter_unanswered:
            field = next((f.name for f in self.fields if f.id == self.filter_field), "mọi lĩnh vực")
            title += f" · LỌC: chưa trả lời, {field}"
        table.border_title = Text(title)

    # -- the opinion being typed --------------------------------------------------

    @property
    def field_id(self) -> int | None:
        """The field the typed opinion will be recorded with."""
        if self.follows is not None:
            return self.follows.field_id
        if self.field_choice is not None:
            return self.field_choice
        return self.speaker.field_id if self.speaker else None

    def show_editor_title(self) -> None:
        if self.follows is not None:
            title = f"Ý kiến tiếp theo ý kiến số {self.follows.number} · {who(self.follows)}"
        elif self.speaker is not None:
            title = f"Ý kiến của số {self.speaker.reg_no} · {self.speaker.honorific} {self.speaker.name}"
        else:
            title = "Ý kiến · chưa có người phát biểu (F3 mời, F8 ghi phiếu)"
        field = next((f.name for f in self.fields if f.id == self.field_id), "chưa chọn")
        self.editor.border_title = Text(title)
        self.editor.border_subtitle = Text(f"Lĩnh vực: {field} (Ctrl+L)")

    def on_draft_area_draft_due(self, event: DraftArea.DraftDue) -> None:
        event.stop()
        area = event.area
        if event.text == area.text and attempt_unasked(
                self, save_draft, self.app.db, self.meeting_id, OPINION_DRAFT, event.text,
                now=self.app.clock()) is not FAILED:
            area.mark_saved(event.text)

    def flush_editor(self) -> None:
        """Save the typed text now if it is not saved yet (leaving, closing)."""
        editor = getattr(self, "_editor", None)
        text = editor.pending() if editor is not None else None
        if text is not None and attempt(self, save_draft, self.app.db, self.meeting_id,
                                        OPINION_DRAFT, text, now=self.app.clock()) is not FAILED:
            editor.mark_saved(text)

    def save_context(self) -> None:
        """Keep who the typed opinion is for, its field and what it follows up."""
        context = None  # the default: the current speaker, their field, no follow-up
        if self.field_choice is not None or self.follows is not None:
            context = {"speaker_id": self.speaker.id if self.speaker else None,
                       "field_id": self.field_choice,
                       "follows_id": self.follows.id if self.follows else None}
        if context != self._saved_context:
            if context is None:
                done = attempt(self, clear_draft, self.app.db, self.meeting_id, CONTEXT_DRAFT)
            else:
                done = attempt(self, save_draft, self.app.db, self.meeting_id, CONTEXT_DRAFT,
                               json.dumps(context), now=self.app.clock())
            if done is not FAILED:
                self._saved_context = context
        self.show_editor_title()
        self.refresh_bindings()

    def restore_draft(self) -> None:
        """Reopening a live meeting brings back the text being typed and its context."""
        db = self.app.db
        text = get_draft(db, self.meeting_id, OPINION_DRAFT)
        if text:
            self.editor.show_text(text)
        raw = get_draft(db, self.meeting_id, CONTEXT_DRAFT)
        if raw:
            try:
                context = json.loads(raw)
            except ValueError:
                context = {}
            self._saved_context = context
            if context.get("follows_id"):
                found = attempt(self, get_opinion, db, context["follows_id"])
                self.follows = found or None
            if context.get("speaker_id") == (self.speaker.id if self.speaker else None):
                self.field_choice = context.get("field_id")
        self.show_editor_title()
        self.refresh_bindings()

    def reset_editor(self) -> None:
        """After recording: empty text, no follow-up, the speaker's own field."""
        self.editor.show_text("")
        self.follows = None
        self.field_choice = None
        self.save_context()

    # -- what is possible now -------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        m = self.meeting
        if m is None:
            return True
        live = m.status is MeetingStatus.LIVE
        speaking = self.speaker is not None
        focused = self.focused
        if action == "start":
            return m.status is MeetingStatus.PLANNED
        if action == "register":
            return m.status is not MeetingStatus.ENDED
        if action == "call_next":
            return live and self.speaker_counts.get(SpeakerStatus.WAITING, 0) > 0
        if action == "call_selected":
            return live and isinstance(focused, QueueTable) and focused.row_count > 0
        if action in ("absent", "finish"):
            return live and speaking
        if action == "record":
            return (live and speaking) or self.follows is not None
        if action in ("slip", "end_meeting"):
            return live
        if action in ("next_step",):
            return live and self.has_next_step
        if action == "previous_step":
            return live and self.has_previous_step
        if action in ("answer", "edit_opinion"):
            return m.status is not MeetingStatus.PLANNED and self.query_one(OpinionsTable).row_count > 0
        if action == "followup":
            return self.follows is not None or (live and self.query_one(OpinionsTable).row_count > 0)
        if action == "pick_field":
            return self.follows is None and live
        if action == "focus_editor":
            return focused is not self.editor
        if action == "back":
            return focused is self.editor and not live
        return True  # leave, view_plan
