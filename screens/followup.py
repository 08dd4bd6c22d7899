"""The follow-up screen: assignments across all meetings (or one), most urgent first,
filtered by agency, field, state and meeting; record an answer or a state change.

The screen keeps the filters and the last list it read (to describe the highlighted
row); every change goes to the store and the list is read again.
"""

from __future__ import annotations

from datetime import date
from functools import partial

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from db.vndate import dmy
from db.followup import Flag, State, link_repeat, mark_task, record_form, set_state
from db.followup_list import FollowItem, filter_items, known_agencies, later_opinions, open_tasks, read_items, tasks
from db.meetings import get_fields, list_meetings

from . import text_followup as t
from .followup_documents import FollowupDocuments
from .followup_form import FollowupEntry, FollowupFormModal, deadline_note
from .picker import PickerModal
from .report import ReportScreen
from .store_call import FAILED, attempt

FLAG_STYLES = {
    Flag.OVERDUE: "bold red",
    Flag.DUE_SOON: "bold yellow",
    Flag.IN_TIME: "green",
    Flag.NO_DEADLINE: "dim",
}
#: The table's fixed columns (label, key, width); the content takes the rest.
COLUMNS = [(t.COL_FLAG, "flag", 14), (t.COL_DEADLINE, "deadline", 10), (t.COL_WHERE, "where", 5),
           (t.COL_AGENCY, "agency", 20)]
#: Rows added to the table at a time, and how close to the last one the cursor may come
#: before the next page is added.
PAGE = 100
MARGIN = 40
OPEN = "open"
ALL = "all"



def _dmy(iso: str | None) -> str:
    return dmy(iso) or "—"


def _cut(text: str, width: int) -> str:
    one = " ".join(text.split())
    return one if len(one) <= width else one[: width - 1] + "…"


class FollowupScreen(FollowupDocuments, Screen):
    CSS_PATH = "followup.tcss"
    BINDINGS = [
        Binding("escape", "back", t.KEY_BACK),
        Binding("enter", "edit", t.KEY_EDIT, priority=True),
        Binding("x", "reviewing", t.KEY_REVIEWING),
        Binding("o", "toggle_overdue", t.KEY_OVERDUE),
        Binding("c", "filter_agency", t.KEY_AGENCY),
        Binding("l", "filter_field", t.KEY_FIELD),
        Binding("s", "filter_state", t.KEY_STATE),
        Binding("m", "filter_meeting", t.KEY_MEETING),
        Binding("r", "clear_filters", t.KEY_CLEAR),
        Binding("n", "task_done", t.KEY_TASK_DONE),
        Binding("b", "report", t.KEY_REPORT),
        Binding("w", "letters", t.KEY_LETTERS),
        Binding("k", "carry_over", t.KEY_CARRY_OVER),
        Binding("e", "repeated", t.KEY_REPEATED),
        # The cursor and the detail change in one handler, so they are painted in one frame.
        Binding("down", "move(1)", show=False, priority=True),
        Binding("up", "move(-1)", show=False, priority=True),
    ]

    def __init__(self, meeting_id: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.agency: str | None = None
        self.field: str | None = None
        self.state: str = OPEN  # OPEN, ALL or a State value
        self.overdue = False
        self.items: dict[int, FollowItem] = {}
        self._all: list[FollowItem] = []  # the last list read, most urgent first
        self._read_on: date | None = None  # the day it was read on (flags change with the day)
        self._order: list[FollowItem] = []  # what the filters let through
        self._shown: FollowItem | None = None  # the item the detail shows (no repaint if unchanged)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t.FOLLOW_TITLE, classes="title")
        yield Static("", id="follow-summary", classes="muted")
        yield Static("", id="follow-tasks")
        yield DataTable(id="follow-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="follow-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#follow-table", DataTable)
        for label, key, width in COLUMNS:
            table.add_column(label, key=key, width=width)
        table.add_column(t.COL_CONTENT, key="content", width=self._content_width())
        self.reload()
        table.focus()

    def _content_width(self) -> int:
        fixed = sum(width + 2 for _, _, width in COLUMNS)
        return max(16, self.app.size.width - fixed - 4)

    def today(self) -> date:
        return self.store.now().date()

    # -- reading -----------------------------------------------------------------

    def reload(self, keep: int | None = None, *, reread: bool = True) -> None:
        """Show the list with the current filters: read again from the store (after a
        write, or on opening), or only filter the last list read (a filter key). Rows are
        added to the table a page at a time (`_extend`), so 2,000 items redraw fast."""
        if reread or self._read_on != self.today():
            self._all = read_items(self.store.db, self.today())
            self._read_on = self.today()
        state = None if self.state in (OPEN, ALL) else State(self.state)
        items = filter_items(self._all, meeting_id=self.meeting_id, agency=self.agency, field=self.field,
                             state=state, open_only=self.state == OPEN, overdue_only=self.overdue)
        self.items = {i.opinion_id: i for i in items}
        self._order = items
        table = self.query_one("#follow-table", DataTable)
        table.clear()
        self._extend(PAGE)
        if keep is not None and keep in self.items:
            while str(keep) not in table.rows:
                self._extend(PAGE)
            table.move_cursor(row=table.get_row_index(str(keep)), animate=False)
        self.query_one("#follow-summary", Static).update(Text(self._summary(items)))
        self._show_tasks()
        self._shown = None
        self._show_detail()
        self.refresh_bindings()

    def _extend(self, count: int) -> None:
        """Add the next `count` items of the list to the table."""
        table = self.query_one("#follow-table", DataTable)
        width = self._content_width()
        start = table.row_count
        for i in self._order[start:start + count]:
            style = FLAG_STYLES[i.flag] if i.flag else "italic"
            table.add_row(Text(i.flag_short, style=style), _dmy(i.deadline), f"{i.meeting_id}/{i.number}",
                          Text(_cut(i.agency, 20)), Text(_cut(i.content, width)), key=str(i.opinion_id))

    def _near_end(self) -> None:
        table = self.query_one("#follow-table", DataTable)
        if table.row_count < len(self._order) and table.cursor_row >= table.row_count - MARGIN:
            self._extend(PAGE)

    def _summary(self, items: list[FollowItem]) -> str:
        counts = {f: sum(1 for i in items if i.flag is f) for f in Flag}
        parts = [f"{counts[f]} {f.label.lower()}" for f in Flag if counts[f]]
        answered = sum(1 for i in items if i.flag is None)
        if answered:
            parts.append(f"{answered} đã trả lời")
        head = t.FOLLOW_AS_OF.format(today=self.today().strftime("%d/%m/%Y"))
        body = f"{len(items)} việc" + (": " + ", ".join(parts) if parts else "")
        return f"{head} · {body} · " + t.FOLLOW_FILTERS.format(filters=self._filters())

    def _filters(self) -> str:
        parts = []
        if self.state == OPEN:
            parts.append("đang mở")
        elif self.state != ALL:
            parts.append(State(self.state).short.lower())
        if self.overdue:
            parts.append(t.FILTER_OVERDUE)
        parts.append(f"hội nghị {self.meeting_id}" if self.meeting_id else "mọi hội nghị")
        if self.agency:
            parts.append(self.agency)
        if self.field:
            parts.append(self.field)
        return ", ".join(parts)

    def _show_tasks(self) -> None:
        """The most urgent task after the meetings on one line, and how many others are due."""
        due = [x for x in open_tasks(self.store.db, self.today(), self.meeting_id)
               if x.flag in (Flag.OVERDUE, Flag.DUE_SOON)]
        widget = self.query_one("#follow-tasks", Static)
        widget.display = bool(due)
        if due:
            first = due[0]
            days = f" {first.days}" if first.days else ""
            line = (f"{t.FOLLOW_TASKS} [{first.flag.label}{days}] hạn {_dmy(first.due)} · hội nghị "
                    f"{first.meeting_id}: {_cut(first.task, 70)}")
            widget.update(Text(line + (t.FOLLOW_MORE_TASKS.format(n=len(due) - 1) if len(due) > 1 else "")))

    def highlighted(self) -> FollowItem | None:
        table = self.query_one("#follow-table", DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return self.items.get(int(row_key.value))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._near_end()
        self._show_detail()

    def _show_detail(self) -> None:
        item = self.highlighted()
        if item is not None and item is self._shown:
            return
        self._shown = item
        widget = self.query_one("#follow-detail", Static)
        if item is None:
            widget.update(Text(t.FOLLOW_EMPTY))
            return
        lines = [f"Hội nghị {item.meeting_id} ({_dmy(item.meeting_date)}), ý kiến số {item.number}"
                 + (f" · {item.field}" if item.field else "") + f" · {item.state.label}",
                 " ".join(item.content.split())]
        if item.author:
            lines.append(t.DETAIL_AUTHOR.format(author=item.author + (f" ({item.locality})" if item.locality else "")))
        if item.answer_reference:
            lines.append(t.DETAIL_ANSWER.format(ref=item.answer_reference)
                         + (f" · {t.DETAIL_SIGNER.format(signer=item.signer)}" if item.signer else "")
                         + (f" · {item.summary}" if item.summary else ""))
        if item.reason:
            lines.append(t.DETAIL_REASON.format(reason=item.reason))
        if item.assigned_later:
            lines.append(t.DETAIL_LATER)
        if item.repeats:
            lines.append(t.DETAIL_REPEATS.format(ref=item.repeats))
        if item.repeated_in:
            lines.append(t.DETAIL_REPEATED.format(refs="; ".join(item.repeated_in)))
        widget.update(Text("\n".join(lines)))

    # -- actions -------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("edit", "reviewing"):
            item = self.highlighted() if self.is_mounted else None
            if item is None:
                return False
            return action == "edit" or item.state is State.PENDING
        if action == "letters":
            return bool(self.agency)
        if action in ("carry_over", "repeated"):
            return self.is_mounted and self.highlighted() is not None
        if action == "clear_filters":
            return bool(self.agency or self.field or self.meeting_id or self.overdue or self.state != OPEN)
        if action == "task_done":
            item = self.highlighted() if self.is_mounted else None
            return item is not None and any(x.flag for x in tasks(self.store.db, item.meeting_id, self.today()))
        return True

    def action_move(self, step: int) -> None:
        table = self.query_one("#follow-table", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)), animate=False)
            self._near_end()
            self._show_detail()

    def action_report(self) -> None:
        self.app.push_screen(ReportScreen())

    def action_repeated(self) -> None:
        """Link an opinion of a later meeting that raises this item again."""
        item = self.highlighted()
        if item is None:
            return
        choices = later_opinions(self.store.db, item.opinion_id)
        if not choices:
            self.notify(t.NO_LATER_OPINION, markup=False)
            return

        def chosen(result) -> None:
            if result is None:
                return
            if attempt(self, link_repeat, self.store.db, result[0], item.opinion_id, now=self.store.now()) is FAILED:
                return
            self.notify(t.LINKED.format(number=item.number), markup=False)
            self.reload(keep=item.opinion_id)

        self.app.push_screen(PickerModal(t.PICK_REPEATED.format(number=item.number), choices,
                                         hint=t.PICK_REPEATED_HINT), chosen)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_edit(self) -> None:
        item = self.highlighted()
        if item is not None:
            self.app.push_screen(FollowupFormModal(item), partial(self._record, item))

    def _record(self, item: FollowItem, entry: FollowupEntry | None) -> None:
        """Record what the form returned; if the store refuses, open the form again with it."""
        if entry is None:
            return
        done = attempt(self, record_form, self.store.db, entry.opinion_id, entry.state, deadline=entry.deadline,
                       reason=entry.reason, answer=entry.answer, now=self.store.now())
        if done is FAILED:
            self.app.push_screen(FollowupFormModal(item, entry), partial(self._record, item))
            return
        if entry.agency_note:
            self.notify(entry.agency_note, markup=False)
        if note := deadline_note(item, entry.deadline, done):
            self.notify(note, markup=False)
        self.notify(t.SAVED.format(number=item.number, state=entry.state.label), markup=False)
        self.reload(keep=entry.opinion_id)

    def action_reviewing(self) -> None:
        item = self.highlighted()
        if item is None:
            return
        if attempt(self, set_state, self.store.db, item.opinion_id, State.REVIEWING, now=self.store.now()) is FAILED:
            return
        self.notify(t.MARKED_REVIEWING.format(number=item.number), markup=False)
        self.reload(keep=item.opinion_id)

    def action_toggle_overdue(self) -> None:
        self.overdue = not self.overdue
        self.reload(reread=False)

    def action_clear_filters(self) -> None:
        self.agency = self.field = self.meeting_id = None
        self.state, self.overdue = OPEN, False
        self.reload(reread=False)

    def _pick(self, title: str, choices: list, current, apply) -> None:
        def chosen(result) -> None:
            if result is not None:
                apply(result[0])
                self.reload(reread=False)

        self.app.push_screen(PickerModal(title, [(None, t.ANY), *choices], current), chosen)

    def action_filter_agency(self) -> None:
        names = known_agencies(self.store.db)
        self._pick(t.PICK_AGENCY, [(n, n) for n in names], self.agency, lambda v: setattr(self, "agency", v))

    def action_filter_field(self) -> None:
        names = list(dict.fromkeys(f.name for m in list_meetings(self.store.db) for f in get_fields(self.store.db, m.id)))
        self._pick(t.PICK_FIELD, [(n, n) for n in names], self.field, lambda v: setattr(self, "field", v))

    def action_filter_state(self) -> None:
        choices = [(OPEN, t.OPEN_ONLY), *[(s.value, s.label) for s in State]]

        def apply(value) -> None:
            self.state = ALL if value is None else value

        self._pick(t.PICK_STATE, choices, self.state, apply)

    def action_filter_meeting(self) -> None:
        choices = [(m.id, f"{m.id} · {_dmy(m.date)} · {_cut(m.title, 60)}") for m in list_meetings(self.store.db)]
        self._pick(t.PICK_MEETING, choices, self.meeting_id, lambda v: setattr(self, "meeting_id", v))

    def action_task_done(self) -> None:
        item = self.highlighted()
        if item is None:
            return
        open_tasks = [x for x in tasks(self.store.db, item.meeting_id, self.today()) if x.flag]
        if not open_tasks:
            self.notify(t.NO_TASK, markup=False)
            return
        task = open_tasks[0]
        if attempt(self, mark_task, self.store.db, item.meeting_id, task.task, self.today(),
                   now=self.store.now()) is FAILED:
            return
        self.notify(t.TASK_DONE.format(task=task.task, day=self.today().strftime("%d/%m/%Y")), markup=False)
        self.reload(keep=item.opinion_id)
