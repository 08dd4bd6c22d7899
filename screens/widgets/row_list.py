"""An editable list of rows of text cells (chairs, attendance groups, programme steps,
fields): add, remove and reorder rows from the keyboard, each row's problems under it.

The list holds only what is typed; `values()` hands it to the screen. Column widths
come from the screen's stylesheet through the classes `col-<key>`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static

from .. import text_prepare as t


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    placeholder: str = ""
    restrict: str | None = None


class RowItem(Vertical):
    """One row: its number, one compact input per column, the flag mark, its problems."""

    def __init__(self, columns: tuple[Column, ...], values: dict, flag_mark: str | None) -> None:
        super().__init__(classes="row-item")
        self.columns = columns
        self.initial = values
        self.flag_mark = flag_mark
        self.flag = bool(values.get("dialogue")) if flag_mark else False
        self.errors: dict[str | None, str] = {}

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row-cells"):
            yield Label("", classes="row-num")
            for column in self.columns:
                yield Input(str(self.initial.get(column.key, "")), placeholder=column.placeholder,
                            compact=True, restrict=column.restrict, select_on_focus=False,
                            classes=f"row-cell col-{column.key}")
            if self.flag_mark:
                yield Label("", classes="row-flag")
        yield Static("", classes="row-error")

    def on_mount(self) -> None:
        self.set_flag(self.flag)

    def cell(self, key: str) -> Input:
        return self.query_one(f".col-{key}", Input)

    def values(self) -> dict:
        out: dict = {c.key: self.cell(c.key).value for c in self.columns}
        if self.flag_mark:
            out["dialogue"] = self.flag
        return out

    def set_flag(self, on: bool) -> None:
        self.flag = on
        if self.flag_mark:
            self.query_one(".row-flag", Label).update(Text(f"[{self.flag_mark}]" if on else ""))
        self.set_class(on, "-flagged")

    def set_errors(self, errors: dict[str | None, str]) -> None:
        if errors == self.errors:
            return  # no relayout while the problems follow the typing
        self.errors = dict(errors)
        labels = {c.key: c.label for c in self.columns} | {"dialogue": t.FLAG_LABEL}
        message = "; ".join(f"{labels[k]}: {m}" if k in labels else m for k, m in errors.items())
        self.query_one(".row-error", Static).update(Text("↳ " + message) if message else "")
        self.set_class(bool(errors), "-invalid")
        for column in self.columns:
            self.cell(column.key).set_class(column.key in errors, "-invalid")


class RowList(Vertical):
    """Rows of cells; the keys below act on the row that holds the focus."""

    DEFAULT_CSS = """
    RowList {
        height: auto;
        padding: 0 1;
    }
    RowList:focus {
        background: $boost;
    }
    RowList .row-head, RowList .row-cells {
        height: 1;
    }
    RowList .row-head Label {
        color: $text-muted;
        text-style: italic;
    }
    RowList .row-items {
        height: auto;
    }
    RowList .row-item {
        height: auto;
    }
    RowList .row-num {
        width: 4;
        color: $text-muted;
    }
    RowList .row-cell {
        width: 1fr;
        margin: 0 1 0 0;
        background: $boost;
    }
    RowList .row-cell:focus {
        background: $primary 25%;
    }
    RowList .row-cell.-invalid {
        background: $error 25%;
    }
    RowList .row-flag {
        width: 13;
        color: $text-success;
        text-style: bold;
    }
    RowList .row-item.-invalid .row-flag {
        color: $text-error;
    }
    RowList .row-error, RowList .section-error {
        display: none;
        color: $text-error;
        padding: 0 0 0 4;
    }
    RowList .row-item.-invalid .row-error, RowList.-invalid .section-error {
        display: block;
    }
    RowList .row-empty {
        color: $text-muted;
        padding: 0 0 0 4;
        display: none;
    }
    RowList.-empty .row-empty {
        display: block;
    }
    """

    BINDINGS = [
        Binding("ctrl+n", "add_row", t.KEY_ADD_ROW),
        Binding("ctrl+r", "remove_row", t.KEY_REMOVE_ROW),
        Binding("ctrl+up,alt+up", "move(-1)", t.KEY_MOVE_UP),
        Binding("ctrl+down,alt+down", "move(1)", t.KEY_MOVE_DOWN),
    ]

    class Changed(Message):
        """Rows were added, removed, moved or flagged (typing posts Input.Changed)."""

        def __init__(self, row_list: RowList) -> None:
            super().__init__()
            self.row_list = row_list

        @property
        def control(self) -> RowList:
            return self.row_list

    flag_mark: str | None = None

    def __init__(self, columns: tuple[Column, ...], rows: list[dict], *, id: str) -> None:
        super().__init__(id=id)
        self.columns = columns
        self._initial = rows
        self.section_error = ""

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row-head"):
            yield Label(t.COL_NUMBER, classes="row-num")
            for column in self.columns:
                yield Label(Text(column.label), classes=f"row-cell col-{column.key}")
            if self.flag_mark:
                yield Label("", classes="row-flag")
        with Vertical(classes="row-items"):
            for values in self._initial:
                yield RowItem(self.columns, values, self.flag_mark)
        yield Static(t.ROWS_EMPTY, classes="row-empty")
        yield Static("", classes="section-error")

    def on_mount(self) -> None:
        self._renumber()

    # -- reading -------------------------------------------------------------------

    @property
    def items(self) -> list[RowItem]:
        return list(self.query_one(".row-items").query_children(RowItem))

    def values(self) -> list[dict]:
        return [item.values() for item in self.items]

    def current(self) -> RowItem | None:
        """The row holding the focus, if any."""
        node = self.screen.focused
        while node is not None and node is not self:
            if isinstance(node, RowItem):
                return node
            node = node.parent
        return None

    # -- problems ------------------------------------------------------------------

    def set_errors(self, errors: dict[int | None, dict[str | None, str]]) -> None:
        """Problems by row index (None: the whole list), each by column key (None: the row)."""
        for index, item in enumerate(self.items):
            item.set_errors(errors.get(index, {}))
        section = "; ".join(errors.get(None, {}).values())
        if section == self.section_error:
            return
        self.section_error = section
        self.query_one(".section-error", Static).update(Text("↳ " + section) if section else "")
        self.set_class(bool(section), "-invalid")

    # -- actions -------------------------------------------------------------------

    def _renumber(self) -> None:
        items = self.items
        for number, item in enumerate(items, start=1):
            if item.is_mounted:
                item.query_one(".row-num", Label).update(f"{number}.")
        self.set_class(not items, "-empty")
        self.can_focus = not items

    def _changed(self) -> None:
        self._renumber()
        self.post_message(self.Changed(self))

    async def action_add_row(self) -> None:
        blank = {c.key: "" for c in self.columns}
        item = RowItem(self.columns, blank, self.flag_mark)
        current = self.current()
        container = self.query_one(".row-items")
        if current is not None:
            await container.mount(item, after=current)
        else:
            await container.mount(item)
        self._changed()
        # One scroll, once the new row is laid out, without animation: focusing it would scroll
        # too (to the centre, only if it is not wholly in view, before or after this one as the
        # machine's speed has it), so where the form ended up depended on timing.
        item.cell(self.columns[0].key).focus(scroll_visible=False)
        self.call_after_refresh(self.screen.scroll_to_center, item, animate=False, origin_visible=True)

    async def action_remove_row(self) -> None:
        current = self.current()
        if current is None:
            return
        items = self.items
        index = items.index(current)
        focused = self.screen.focused
        key = next((c.key for c in self.columns if current.cell(c.key) is focused), self.columns[0].key)
        await current.remove()
        rest = self.items
        self._changed()
        if rest:
            rest[min(index, len(rest) - 1)].cell(key).focus()
        else:
            self.focus()

    def action_move(self, delta: int) -> None:
        current = self.current()
        if current is None:
            return
        items = self.items
        index = items.index(current)
        target = index + delta
        if not 0 <= target < len(items):
            return
        container = self.query_one(".row-items")
        if delta < 0:
            container.move_child(current, before=items[target])
        else:
            container.move_child(current, after=items[target])
        self._changed()
        current.scroll_visible()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("remove_row", "move", "toggle_flag"):
            return self.current() is not None
        return True


class StepList(RowList):
    """The programme: rows are steps; one of them is marked as the dialogue step."""

    BINDINGS = [Binding("ctrl+t", "toggle_flag", t.KEY_DIALOGUE_STEP)]
    flag_mark = t.DIALOGUE_MARK

    def action_toggle_flag(self) -> None:
        """Mark this step as the one where citizens speak (only one is); again to unmark."""
        current = self.current()
        if current is None:
            return
        on = not current.flag
        for item in self.items:
            item.set_flag(on and item is current)
        self._changed()
