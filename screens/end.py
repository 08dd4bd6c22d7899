"""After the meeting: correct the chair's conclusion and the attendance, print the
minutes and the draft conclusion notice, seal the record.

Printing runs in a worker thread (the screen keeps answering) with a progress bar;
the record is read from the store first, so what is printed is what is stored.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, ProgressBar, Static

from db.meetings import (
    clear_draft, get_attendance, get_draft, get_meeting, load_record, save_draft, set_attendance,
    set_conclusion,
)
from db.models import MEETING_STATUS_LABELS, Meeting, MeetingStatus
from db.seal import seal_footer, seal_meeting

from . import text
from .confirm import ConfirmModal
from .store_call import FAILED, attempt
from .widgets.draft_area import DraftArea

CONCLUSION_DRAFT = "conclusion"


def default_out_dir() -> Path:
    return Path(platformdirs.user_documents_dir()) / "doithoai"


class EndScreen(Screen):
    CSS_PATH = "end.tcss"
    AUTO_FOCUS = "#conclusion"
    BINDINGS = [
        Binding("ctrl+s", "save", text.END_KEY_SAVE, priority=True),
        Binding("f9", "print", text.END_KEY_PRINT, priority=True),
        Binding("f10", "seal", text.END_KEY_SEAL, priority=True),
        Binding("escape", "back", text.KEY_BACK),
    ]

    def __init__(self, meeting_id: int, *, backup_note: str | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.backup_note = backup_note
        self.meeting: Meeting | None = None  # last value read
        self.printing = False

    # -- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="end"):
            yield Static(id="end-title", classes="title")
            yield Static(id="end-status", classes="muted")
            yield Label(text.END_CONCLUSION)
            yield DraftArea(id="conclusion", draft_key=CONCLUSION_DRAFT, placeholder=text.END_CONCLUSION_HINT)
            yield Label(text.END_ATTENDANCE)
            yield Vertical(id="attendance")
            with Horizontal(id="out-row"):
                yield Label(text.END_OUT_DIR)
                yield Input(str(default_out_dir()), id="out-dir")
            yield ProgressBar(total=2, id="progress", show_eta=False)
            yield Static(id="result")
        yield Footer()

    def on_mount(self) -> None:
        db = self.app.db
        self.meeting = get_meeting(db, self.meeting_id)
        area = self.query_one("#conclusion", DraftArea)
        area.show_text(get_draft(db, self.meeting_id, CONCLUSION_DRAFT) or self.meeting.conclusion or "")
        rows = self.query_one("#attendance", Vertical)
        for group in get_attendance(db, self.meeting_id):
            rows.mount(Horizontal(
                Label(Text(group.group), classes="group-name"),
                Label(f"{text.COL_INVITED}: {group.invited if group.invited is not None else '—'}",
                      classes="group-invited"),
                Input("" if group.present is None else str(group.present), type="integer",
                      placeholder=text.COL_PRESENT, id=f"present-{group.id}", classes="present"),
                classes="group-row"))
        self.query_one("#progress", ProgressBar).display = False
        if self.backup_note:
            self.query_one("#result", Static).update(Text(self.backup_note))
        self.show_state()

    def show_state(self) -> None:
        m = self.meeting
        self.query_one("#end-title", Static).update(Text(f"{text.END_TITLE}: {m.title}"))
        status = MEETING_STATUS_LABELS[m.status]
        if m.status is MeetingStatus.LIVE:
            status += " — " + text.END_PROVISIONAL
        if m.sealed_hash:
            status += f" — {text.END_SEALED} {m.sealed_at.replace('T', ' ')}, SHA-256 {m.sealed_hash}"
        elif m.reopened_at:
            status += f" — {text.END_REOPENED} {m.reopened_at.replace('T', ' ')}"
        self.query_one("#end-status", Static).update(Text(status))
        sealed = bool(m.sealed_hash)
        self.query_one("#conclusion", DraftArea).read_only = sealed
        for field in self.query(".present").results(Input):
            field.disabled = sealed
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if self.meeting is None:
            return True
        sealed = bool(self.meeting.sealed_hash)
        if action == "save":
            return not sealed
        if action == "print":
            return not self.printing
        if action == "seal":
            return self.meeting.status is MeetingStatus.ENDED and not sealed and not self.printing
        return True

    # -- keeping what is typed ----------------------------------------------------

    def on_draft_area_draft_due(self, event: DraftArea.DraftDue) -> None:
        event.stop()
        if self.meeting and self.meeting.sealed_hash:
            return
        if attempt(self, save_draft, self.app.db, self.meeting_id, CONCLUSION_DRAFT, event.text,
                   now=self.app.clock()) is not FAILED:
            event.area.mark_saved(event.text)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if event.input.id and event.input.id.startswith("present-"):
            self._save_present(event.input)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id and event.input.id.startswith("present-"):
            self._save_present(event.input)

    def _save_present(self, field: Input) -> bool:
        value = field.value.strip()
        group_id = int(field.id.removeprefix("present-"))
        present = int(value) if value else None
        current = next((g.present for g in get_attendance(self.app.db, self.meeting_id) if g.id == group_id), None)
        if present == current:
            return True
        return attempt(self, set_attendance, self.app.db, self.meeting_id, group_id, present,
                       now=self.app.clock()) is not FAILED

    def save_all(self) -> bool:
        """Commit the conclusion and every attendance figure; False if one failed."""
        if self.meeting.sealed_hash:
            return True
        area = self.query_one("#conclusion", DraftArea)
        ok = all([self._save_present(field) for field in self.query(".present").results(Input)])
        if (area.text.strip() or None) != (get_meeting(self.app.db, self.meeting_id).conclusion or None):
            if attempt(self, set_conclusion, self.app.db, self.meeting_id, area.text,
                       now=self.app.clock()) is FAILED:
                return False
        attempt(self, clear_draft, self.app.db, self.meeting_id, CONCLUSION_DRAFT)
        area.mark_saved(area.text)
        self.meeting = get_meeting(self.app.db, self.meeting_id)
        return ok

    def action_save(self) -> None:
        if self.save_all():
            self.notify(text.END_SAVED, markup=False)

    # -- printing -----------------------------------------------------------------

    def action_print(self) -> None:
        if not self.save_all():
            return
        out_dir = Path(self.query_one("#out-dir", Input).value.strip() or default_out_dir()).expanduser()
        record = load_record(self.app.db, self.meeting_id)
        self.printing = True
        self.refresh_bindings()
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=2, progress=0)
        bar.display = True
        self.query_one("#result", Static).update(Text(text.END_PRINTING))
        self._print(record, out_dir, seal_footer(self.app.db, self.meeting_id))

    @work(thread=True, exclusive=True, group="print")
    def _print(self, record, out_dir: Path, footer: str | None) -> None:
        from reports import build_conclusion, build_minutes, document_names
        from reports.fonts import FontError, resolve_font

        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            font = resolve_font()
            minutes_name, notice_name = document_names(record)
            minutes = build_minutes(record, out_dir / minutes_name, font=font, now=self.app.clock(),
                                    footer_text=footer)
            self.app.call_from_thread(self.query_one("#progress", ProgressBar).advance, 1)
            notice = build_conclusion(record, out_dir / notice_name, font=font, now=self.app.clock(),
                                      footer_text=footer)
            self.app.call_from_thread(self.query_one("#progress", ProgressBar).advance, 1)
        except FontError as exc:
            self.app.call_from_thread(self._printed, None, f"{text.END_FONT_ERROR}: {exc}")
        except OSError as exc:
            self.app.call_from_thread(self._printed, None, f"{text.END_WRITE_ERROR} {out_dir}: "
                                                           f"{exc.strerror or exc}")
        else:
            self.app.call_from_thread(self._printed, (minutes, notice), "; ".join(font.warnings))

    def _printed(self, paths: tuple[Path, Path] | None, note: str) -> None:
        self.printing = False
        self.refresh_bindings()
        result = self.query_one("#result", Static)
        if paths is None:
            result.update(Text(note))
            self.notify(note, severity="error", markup=False, timeout=10)
            return
        lines = [text.END_PRINTED] + [f"  {p}" for p in paths]
        if note:
            lines.append(f"{text.END_FONT_WARNING}: {note}")
        result.update(Text("\n".join(lines)))
        self.notify(text.END_PRINTED, markup=False)

    # -- sealing ------------------------------------------------------------------

    def action_seal(self) -> None:
        def go(yes: bool | None) -> None:
            if not yes or not self.save_all():
                return
            digest = attempt(self, seal_meeting, self.app.db, self.meeting_id, now=self.app.clock())
            if digest is FAILED:
                return
            self.meeting = get_meeting(self.app.db, self.meeting_id)
            self.show_state()
            self.query_one("#result", Static).update(Text(f"{text.END_SEALED_NOW} SHA-256: {digest}"))

        self.app.push_screen(ConfirmModal(text.END_SEAL_TITLE, text.END_SEAL_MESSAGE, text.END_KEY_SEAL), go)

    def action_back(self) -> None:
        area = self.query_one("#conclusion", DraftArea)
        pending = area.pending()
        if pending is not None and not (self.meeting and self.meeting.sealed_hash):
            attempt(self, save_draft, self.app.db, self.meeting_id, CONCLUSION_DRAFT, pending,
                    now=self.app.clock())
        self.app.pop_screen()
