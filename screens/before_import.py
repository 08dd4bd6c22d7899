"""The preview of a before-meeting sheet: how each column was understood, the rows it
can import (new or already there), and each row it cannot read with its reason.
Nothing is imported here: the modal answers True (import the new rows) or False."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

from db.vocabulary import outcome_short
from intake.before_import import KEYS, BeforePreview, stt_of

from . import text_prepare as t

_CELL = 48  # characters of a long text shown in a table cell


def short(text: str | None, width: int = _CELL) -> Text:
    """One line of user text, never read as markup."""
    line = " ".join((text or "").split())
    return Text(line if len(line) <= width else line[: width - 1] + "…")


class BeforeImportModal(ModalScreen[bool]):
    CSS_PATH = "prepare_dialogs.tcss"
    BINDINGS = [
        Binding("enter", "import", t.KEY_IMPORT_ROWS, priority=True),
        Binding("ctrl+s", "import", t.KEY_IMPORT_ROWS, show=False, priority=True),
        Binding("escape", "cancel", t.KEY_CANCEL),
    ]

    def __init__(self, preview: BeforePreview) -> None:
        super().__init__()
        self.preview = preview

    def compose(self) -> ComposeResult:
        p = self.preview
        new, existing = len(p.new_rows), len(p.rows) - len(p.new_rows)
        with Vertical(classes="dialog preview-dialog"):
            yield Static(Text(t.PREVIEW_TITLE.format(source=p.source, detail=p.detail)), classes="dialog-title")
            if p.header_row is not None:
                yield Static(t.PREVIEW_COLUMNS.format(row=p.header_row), classes="preview-heading")
                yield DataTable(id="preview-columns", cursor_type="row", zebra_stripes=True)
            yield Static(t.PREVIEW_ROWS.format(new=new, existing=existing), classes="preview-heading")
            yield DataTable(id="preview-rows", cursor_type="row", zebra_stripes=True)
            yield Static(t.PREVIEW_PROBLEMS.format(n=len(p.problems)) if p.problems else t.PREVIEW_NO_PROBLEMS,
                         classes="preview-heading")
            with VerticalScroll(id="preview-problems", classes="" if p.problems else "-none"):
                yield Static(Text("\n".join(
                    (t.PREVIEW_ROW_PROBLEM if problem.row else t.PREVIEW_FILE_PROBLEM).format(
                        row=problem.row, message=problem.message) for problem in p.problems)))
        yield Footer()

    def on_mount(self) -> None:
        p = self.preview
        if p.header_row is not None:
            columns = self.query_one("#preview-columns", DataTable)
            columns.add_columns(t.PREVIEW_COL_COLUMN, t.PREVIEW_COL_HEADER, t.PREVIEW_COL_AS)
            for use in p.columns:
                understood = KEYS[use.key] if use.key else t.PREVIEW_IGNORED.format(note=use.note)
                columns.add_row(use.letter, short(use.header, 40),
                                Text(understood, style="" if use.key else "dim italic"))
        rows = self.query_one("#preview-rows", DataTable)
        rows.add_columns(t.PREVIEW_COL_ROW, t.PREVIEW_COL_STATE, t.COL_KEY, t.COL_AUTHOR, t.COL_ADDRESS,
                         t.COL_FIELD_SHORT, t.COL_OUTCOME, t.COL_OPINION)
        for row in p.rows:
            item = row.item
            known = item.key in p.existing
            outcome = outcome_short(item.outcome)
            rows.add_row(str(row.row),
                         Text(t.PREVIEW_STATE_EXISTING if known else t.PREVIEW_STATE_NEW,
                              style="dim" if known else "bold"),
                         short(stt_of(item.key), 8),
                         short(item.author, 22), short(item.address, 16), short(item.field, 16),
                         Text(outcome), short(item.content, 60))
        rows.focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "import":
            return bool(self.preview.new_rows) or None
        return True

    def action_import(self) -> None:
        if self.preview.new_rows:
            self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
