"""The report across meetings on screen: pick a period, read the counts, write the
Excel workbook (summary and one row per opinion) and the printed report into the
documents folder (out_folder.documents_dir, like every document written from a screen)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from db.connection import open_db
from db.errors import StoreError
from reports.report import PERIODS, Period, build_report, period
from reports.fonts import FontError
from reports.report_print import write_docx, write_pdf
from reports.report_xlsx import write_xlsx

from . import text_followup as t
from .out_folder import documents_dir
from .picker import PickerModal
from .store_call import StoreAccess

#: The period picker's entries: (kind, label).
PERIOD_CHOICES = [("month", "Tháng này"), ("quarter", "Quý này"), ("6m", "6 tháng đầu năm"),
                  ("9m", "9 tháng"), ("year", "Cả năm")]
assert [k for k, _ in PERIOD_CHOICES] == list(PERIODS)


class ReportScreen(StoreAccess, Screen):
    CSS_PATH = "followup.tcss"
    BINDINGS = [
        Binding("escape", "back", t.KEY_BACK),
        Binding("k", "choose_period", t.KEY_PERIOD),
        Binding("x", "write_xlsx", t.KEY_XLSX),
        Binding("i", "print_report", t.KEY_PRINT_REPORT),
    ]

    def __init__(self, kind: str = "quarter") -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="report-title", classes="title")
        yield DataTable(id="report-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#report-table", DataTable)
        table.add_column(t.COL_MEASURE, key="label")
        table.add_column(t.COL_VALUE, key="value")
        self.reload()
        table.focus()

    def today(self) -> date:
        return self.store.now().date()

    def span(self) -> Period:
        return period(self.kind, self.today().year, None, self.today())

    def reload(self) -> None:
        report = build_report(self.store.db, self.span(), self.today())
        self.query_one("#report-title", Static).update(Text(t.REPORT_TITLE.format(label=report.period.label)))
        table = self.query_one("#report-table", DataTable)
        table.clear()
        for label, value in report.summary_rows():
            shown = str(value).replace(".", ",") if isinstance(value, float) else str(value)
            table.add_row(Text(label), Text(shown, justify="right"))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_choose_period(self) -> None:
        def chosen(result) -> None:
            if result is not None:
                self.kind = result[0]
                self.reload()

        self.app.push_screen(PickerModal(t.PICK_PERIOD, PERIOD_CHOICES, self.kind), chosen)

    def action_write_xlsx(self) -> None:
        self._write_as(".xlsx")

    def action_print_report(self) -> None:
        self._write_as(".pdf")

    def _write_as(self, suffix: str) -> None:
        span = self.span()
        out = documents_dir() / f"bao-cao-{span.start.isoformat()}-{span.end.isoformat()}{suffix}"
        self.write(self.store.path, out, span, self.today())

    @work(thread=True, exclusive=True, group="report")
    def write(self, db_path: Path | None, out: Path, span: Period, today: date) -> None:
        """The .xlsx, or the PDF and DOCX (for an out path ending in .pdf), in a worker with
        its own connection; the result reaches the user as a notification."""
        own = None  # the worker's own connection, closed when it is done
        try:
            own = open_db(db_path) if db_path else None
            report = build_report(own or self.store.db, span, today)
            if out.suffix == ".pdf":
                written = [write_pdf(report, out, today=today), write_docx(report, out.with_suffix(".docx"), today=today)]
            else:
                written = [write_xlsx(report, out)]
        except (StoreError, FontError, OSError) as exc:
            message = getattr(exc, "message", None) or getattr(exc, "strerror", None) or str(exc)
            self.app.call_from_thread(self.notify, t.REPORT_FAILED.format(path=out, why=message),
                                      severity="error", markup=False)
            return
        finally:
            if own is not None:
                own.close()
        self.app.call_from_thread(self.notify, t.REPORT_WRITTEN.format(path=", ".join(map(str, written))),
                                  markup=False, timeout=12)
