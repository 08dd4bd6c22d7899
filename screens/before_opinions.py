"""The opinions gathered before a meeting: listed, imported from a sheet (after a
preview), or typed in one by one."""

from __future__ import annotations

from functools import partial

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from db.before import import_before, mark_existing, meeting_fields
from intake.before_import import preview_before
from db.errors import StoreError
from db.meetings import get_meeting
from db.models import Source
from db.opinions import list_opinions
from db.plans import PlanOpinion
from db.vocabulary import outcome_short

from . import text_prepare as t
from .before_import import BeforeImportModal, short
from .before_opinion_form import BeforeOpinionModal, TypedOpinion
from .path_prompt import PathPromptModal
from .store_call import FAILED, StoreAccess, attempt

SHEET_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".tsv", ".txt")


class BeforeOpinionsScreen(StoreAccess, Screen):
    CSS_PATH = "prepare_dialogs.tcss"
    BINDINGS = [
        Binding("i", "import_sheet", t.KEY_BEFORE_IMPORT),
        Binding("a", "add_opinion", t.KEY_BEFORE_ADD),
        Binding("escape", "app.pop_screen", t.KEY_CANCEL),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="before-heading")
        yield Static(id="before-count")
        yield DataTable(id="before-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#before-table", DataTable)
        table.add_columns(t.COL_NO, t.COL_KEY, t.COL_AUTHOR, t.COL_ADDRESS, t.COL_FIELD_SHORT,
                          t.COL_OUTCOME, t.COL_OPINION)
        self.refresh_opinions()
        table.focus()

    def refresh_opinions(self) -> None:
        """Re-read the meeting and its before-meeting opinions."""
        meeting = get_meeting(self.store.db, self.meeting_id)
        self.query_one("#before-heading", Static).update(
            Text(t.BEFORE_TITLE.format(id=meeting.id, title=meeting.title)))
        opinions = list_opinions(self.store.db, self.meeting_id, source=Source.BEFORE)
        table = self.query_one("#before-table", DataTable)
        table.clear()
        for o in opinions:
            key = o.external_key if o.external_key and not o.external_key.startswith("ND-") else ""
            outcome = outcome_short(o.outcome)
            table.add_row(str(o.number), short(key, 8), short(o.author, 22), short(o.author_address, 16),
                          short(o.field_name, 16), Text(outcome), short(o.content, 60))
        answered = sum(o.has_answer for o in opinions)
        self.query_one("#before-count", Static).update(
            t.BEFORE_COUNT.format(n=len(opinions), answered=answered) if opinions else t.BEFORE_EMPTY)

    # -- import from a sheet -------------------------------------------------------

    def action_import_sheet(self) -> None:
        self.app.push_screen(PathPromptModal(t.PATH_READ_BEFORE, str(Path.cwd()) + "/",
                                             suffixes=SHEET_SUFFIXES), self.preview_sheet)

    def preview_sheet(self, path: Path | None) -> None:
        if path is None:
            return
        fields = meeting_fields(self.store.db, self.meeting_id)
        # Reading an .xlsx takes a while: in a thread, so the screen keeps painting.
        self.run_worker(partial(self._read_sheet, path, fields), thread=True, group="read-sheet")

    def _read_sheet(self, path: Path, fields) -> None:
        """In a worker thread: read the sheet, touch no widget nor the store."""
        try:
            read = preview_before(path, fields)
        except StoreError as exc:  # SheetError: the file cannot be read at all
            self.app.call_from_thread(self.notify, exc.message, severity="error", markup=False)
            return
        self.app.call_from_thread(self._sheet_read, read)

    def _sheet_read(self, read) -> None:
        try:
            preview = mark_existing(self.store.db, self.meeting_id, read)
        except StoreError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
        self.app.push_screen(BeforeImportModal(preview), lambda ok: ok and self._import(
            [row.item for row in preview.new_rows]))

    def _import(self, items: list[PlanOpinion]) -> None:
        saved = attempt(self, import_before, self.store.db, self.meeting_id, items, now=self.store.now())
        if saved is FAILED:
            return
        inserted, skipped = saved
        self.notify(t.BEFORE_IMPORTED.format(inserted=inserted, skipped=skipped), markup=False)
        self.refresh_opinions()

    # -- typed in ------------------------------------------------------------------

    def action_add_opinion(self, values: dict[str, str] | None = None) -> None:
        fields = meeting_fields(self.store.db, self.meeting_id)
        self.app.push_screen(BeforeOpinionModal(fields, values), self._typed)

    def _typed(self, typed: TypedOpinion | None) -> None:
        """Save the typed opinion; if the store refuses, open the form again with it."""
        if typed is None:
            return
        saved = attempt(self, import_before, self.store.db, self.meeting_id, [typed.item], now=self.store.now())
        if saved is FAILED:
            self.action_add_opinion(typed.values)
            return
        inserted, _ = saved
        self.notify(t.TYPED_SAVED if inserted else t.TYPED_DUPLICATE,
                    severity="information" if inserted else "warning", markup=False)
        self.refresh_opinions()
