"""The meeting list: the first screen. Pick a meeting and open it.

The screens it opens are imported when first opened, not before the list's first paint."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from db.followup_list import overdue_counts
from db.meetings import list_meetings
from db.models import MEETING_STATUS_LABELS

from . import text, text_followup
from .meeting_actions import PREPARE_ACTIONS, PREPARE_BINDINGS, PrepareActions
from .widgets.footer import Footer


class MeetingListScreen(PrepareActions, Screen):
    BINDINGS = [
        # priority: the table binds Enter too (hidden), which would hide this one
        Binding("enter", "open", text.KEY_OPEN, show=True, priority=True),
        Binding("v", "view_plan", text.KEY_VIEW_PLAN, show=True),
        Binding("p", "documents", text.KEY_DOCUMENTS, show=True),
        Binding("t", "follow", text_followup.KEY_FOLLOW, show=True),
        *PREPARE_BINDINGS,  # new, edit, copy, read a plan document, plan file, before-meeting opinions
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(text.MEETINGS_TITLE, classes="title")
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Static("", id="empty", classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        table.add_column("Số", key="id")
        table.add_column(text.COL_DATE, key="date")
        table.add_column(text.COL_STATUS, key="status")
        table.add_column(text_followup.COL_OVERDUE, key="overdue")
        table.add_column(text.COL_TITLE, key="title")
        self.refresh_meetings()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_meetings()

    def refresh_meetings(self) -> None:
        """Re-read the list from the store."""
        table = self.query_one("#meetings", DataTable)
        table.clear()
        meetings = list_meetings(self.store.db)
        overdue = overdue_counts(self.store.db, self.store.now().date())
        for m in meetings:
            late = Text(str(overdue[m.id]), style="bold red") if m.id in overdue else ""
            table.add_row(str(m.id), text.vn_date(m.date), MEETING_STATUS_LABELS[m.status], late, Text(m.title),
                          key=str(m.id))
        self.query_one("#empty", Static).update("" if meetings else text.NO_MEETINGS)

    def selected_meeting_id(self) -> int | None:
        table = self.query_one("#meetings", DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_meeting(int(event.row_key.value))

    def action_open(self) -> None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is not None:
            self.open_meeting(meeting_id)

    def action_view_plan(self) -> None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is not None:
            from .plan_view import PlanViewScreen
            self.app.push_screen(PlanViewScreen(meeting_id))

    def action_documents(self) -> None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is not None:
            from .end import EndScreen
            self.app.push_screen(EndScreen(meeting_id))

    def action_follow(self) -> None:
        # Imported here, not at the top: the follow-up screens bring the document and
        # spreadsheet libraries (reportlab, python-docx, openpyxl), which the first
        # screen does not need; importing them at start-up doubled the start-up time.
        from .followup import FollowupScreen

        self.app.push_screen(FollowupScreen())

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in PREPARE_ACTIONS:
            return self.check_prepare_action(action)
        if action in ("open", "view_plan", "documents"):
            return self.is_mounted and self.query_one("#meetings", DataTable).row_count > 0
        return True

    def open_meeting(self, meeting_id: int) -> None:
        """Open a meeting in the screen that fits it: the live screen, where a planned
        meeting is started, a live one resumed and an ended one corrected."""
        from .live import LiveScreen
        self.app.push_screen(LiveScreen(meeting_id))
