"""A read-only view of a meeting's plan and programme."""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from db.meetings import get_attendance, get_chairs, get_fields, get_meeting, get_steps
from db.models import MEETING_STATUS_LABELS

from . import text
from .store_call import StoreAccess


class PlanViewScreen(StoreAccess, Screen):
    BINDINGS = [
        Binding("escape", "app.pop_screen", text.KEY_BACK, show=True),
        Binding("ctrl+q", "app.quit", text.KEY_QUIT, show=True),
    ]

    def __init__(self, meeting_id: int):
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="plan"):
            yield Static(id="details")
            yield Static(text.PLAN_ATTENDANCE, classes="title")
            yield DataTable(id="attendance", cursor_type="none", show_cursor=False)
            yield Static(text.PLAN_PROGRAMME, classes="title")
            yield DataTable(id="programme", cursor_type="row")
            yield Static(id="fields")
        yield Footer()

    def on_mount(self) -> None:
        db = self.store.db
        m = get_meeting(db, self.meeting_id)
        chairs = "; ".join(f"{c.name}, {c.title}" for c in get_chairs(db, self.meeting_id))
        secretary = m.secretary_name + (f", {m.secretary_title}" if m.secretary_title else "")
        when = f"{m.start}" + (f" – {m.end}" if m.end else "") + f", ngày {text.vn_date(m.date)}"
        details = self.query_one("#details", Static)
        details.update(
            f"[b]{_markup_safe(m.title)}[/b]\n"
            f"{text.PLAN_ORGANISATION}: {_markup_safe(m.organisation)}   "
            f"({MEETING_STATUS_LABELS[m.status]})\n"
            f"{text.PLAN_DATE}: {when}\n"
            f"{text.PLAN_VENUE}: {_markup_safe(m.venue)}\n"
            f"{text.PLAN_CHAIRS}: {_markup_safe(chairs)}\n"
            f"{text.PLAN_SECRETARY}: {_markup_safe(secretary)}\n"
            f"{text.PLAN_LIMIT}: {m.speaking_limit_minutes} phút"
        )
        attendance = self.query_one("#attendance", DataTable)
        attendance.add_columns(text.COL_GROUP, text.COL_INVITED, text.COL_PRESENT)
        for g in get_attendance(db, self.meeting_id):
            attendance.add_row(Text(g.group), _num(g.invited), _num(g.present))
        programme = self.query_one("#programme", DataTable)
        programme.add_columns(text.COL_STEP, text.COL_CONTENT, text.COL_LEAD, text.COL_MINUTES)
        for s in get_steps(db, self.meeting_id):
            content = s.content + (f"  [{text.DIALOGUE_MARK}]" if s.dialogue else "")
            programme.add_row(str(s.position), Text(content), Text(s.lead or ""), _num(s.minutes))
        fields = ", ".join(f.name for f in get_fields(db, self.meeting_id))
        self.query_one("#fields", Static).update(f"{text.PLAN_FIELDS}: {_markup_safe(fields)}")
        programme.focus()


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


def _markup_safe(value: str) -> str:
    return escape(value)
