"""The meeting list's keys for preparing a meeting: new, edit, copy, read a plan
document, save the plan as a file, the opinions gathered beforehand.

A mixin for MeetingListScreen (which keeps opening and viewing), so the list module
stays small: it needs `selected_meeting_id()` and the `#meetings` table. The forms,
prompts and plan readers are imported by the action that opens them, when first used:
the list's first paint needs none of them.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.widgets import DataTable

from db.errors import StoreError
from db.files import OutputError, write_text
from db.meetings import get_meeting, plan_of
from db.models import MeetingStatus

from . import text_prepare as t
from .store_call import StoreAccess

if TYPE_CHECKING:
    from .meeting_form import MeetingFormScreen

PREPARE_BINDINGS = [
    Binding("n", "new_meeting", t.KEY_NEW),
    Binding("e", "edit_meeting", t.KEY_EDIT),
    Binding("c", "copy_meeting", t.KEY_COPY),
    Binding("d", "read_plan_document", t.KEY_READ_DOCUMENT),
    Binding("s", "save_plan_file", t.KEY_SAVE_PLAN),
    Binding("b", "before_opinions", t.KEY_BEFORE),
]
PREPARE_ACTIONS = {b.action for b in PREPARE_BINDINGS}
DOCUMENT_SUFFIXES = (".docx", ".txt", ".md")


class PrepareActions(StoreAccess):
    """Mixed into MeetingListScreen."""

    def check_prepare_action(self, action: str) -> bool | None:
        if action in ("new_meeting", "read_plan_document"):
            return True
        meeting_id = self.selected_meeting_id() if self.is_mounted else None
        if meeting_id is None:
            return False
        if action == "edit_meeting":
            return get_meeting(self.store.db, meeting_id).status is MeetingStatus.PLANNED or None
        return True

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.refresh_bindings()  # "Sửa" only for a meeting that has not started

    # -- the form ----------------------------------------------------------------

    def _open_form(self, form: MeetingFormScreen) -> None:
        self.app.push_screen(form, self._form_closed)

    def _form_closed(self, meeting_id: int | None) -> None:
        if meeting_id is None:
            return
        self.refresh_meetings()
        table = self.query_one("#meetings", DataTable)
        table.move_cursor(row=table.get_row_index(str(meeting_id)))

    def action_new_meeting(self) -> None:
        from .meeting_form import MeetingFormScreen
        self._open_form(MeetingFormScreen("new"))

    def action_edit_meeting(self) -> None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            return
        if get_meeting(self.store.db, meeting_id).status is not MeetingStatus.PLANNED:
            self.notify(t.FORM_NOT_PLANNED.format(id=meeting_id), severity="warning", markup=False)
            return
        from .meeting_form import MeetingFormScreen
        self._open_form(MeetingFormScreen("edit", meeting_id=meeting_id))

    def action_copy_meeting(self) -> None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is not None:
            from .meeting_form import MeetingFormScreen
            self._open_form(MeetingFormScreen("copy", meeting_id=meeting_id))

    def action_read_plan_document(self) -> None:
        from .path_prompt import PathPromptModal
        self.app.push_screen(PathPromptModal(t.PATH_READ_DOCUMENT, _default_folder(),
                                             suffixes=DOCUMENT_SUFFIXES), self._document_chosen)

    def _document_chosen(self, path: Path | None) -> None:
        if path is None:
            return
        # Reading a .docx takes a while: in a thread, so the screen keeps painting.
        self.notify(f"Đang đọc {path.name}…", markup=False, timeout=2)
        self.run_worker(partial(self._read_document, path), thread=True, group="read-document")

    def _read_document(self, path: Path) -> None:
        """In a worker thread: read the document, touch no widget."""
        from intake.plan_documents import read_plan_document

        try:
            result = read_plan_document(path)
        except StoreError as exc:  # PlanDocumentError: the file cannot be read at all
            self.app.call_from_thread(self.notify, exc.message, severity="error", markup=False)
            return
        self.app.call_from_thread(self._document_read, result)

    def _document_read(self, result) -> None:
        from intake.plan_documents import field_label, report_lines
        from intake.plan_form import values_from_plan

        from .meeting_form import MeetingFormScreen

        notes: dict[str, list[str]] = {}
        for missing in result.missing:
            head = missing.field.split(".")[0].split("[")[0]
            if head in ("chairs", "attendance", "programme"):
                notes.setdefault(head, []).append(f"{field_label(missing.field)}: {missing.note}")
            elif head == "secretary":
                notes.setdefault(missing.field.replace(".", "-"), []).append(missing.note)
            else:
                notes.setdefault(f"meeting-{missing.field}", []).append(missing.note)
        self._open_form(MeetingFormScreen(
            "document", values=values_from_plan(result.plan), source=result.source,
            report=report_lines(result), notes={k: "; ".join(v) for k, v in notes.items()}))

    # -- the plan file -------------------------------------------------------------

    def action_save_plan_file(self) -> None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            return
        meeting = get_meeting(self.store.db, meeting_id)
        from .path_prompt import PathPromptModal
        default = Path(_default_folder()) / f"ke-hoach-{meeting.date}-hoi-nghi-{meeting_id}.toml"
        self.app.push_screen(
            PathPromptModal(t.PATH_SAVE_PLAN.format(id=meeting_id), str(default), write=True,
                            suffixes=(".toml",), default_suffix=".toml"),
            lambda path: self._write_plan(meeting_id, path))

    def _write_plan(self, meeting_id: int, path: Path | None) -> None:
        if path is None:
            return
        from intake.plan_file import plan_to_toml
        text = plan_to_toml(plan_of(self.store.db, meeting_id))
        try:
            write_text(path, text)  # owner-only (0600): the plan names people
        except OutputError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
        except OSError as exc:
            self.notify(t.PLAN_WRITE_FAILED.format(path=path, reason=exc.strerror or exc),
                        severity="error", markup=False)
            return
        self.notify(t.PLAN_WRITTEN.format(path=path), markup=False, timeout=8)

    # -- opinions gathered beforehand ----------------------------------------------

    def action_before_opinions(self) -> None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is not None:
            from .before_opinions import BeforeOpinionsScreen
            self.app.push_screen(BeforeOpinionsScreen(meeting_id))


def _default_folder() -> str:
    """Where the secretary ran the program: the folder a path is typed from."""
    folder = str(Path.cwd())
    return folder if folder.endswith("/") else folder + "/"
