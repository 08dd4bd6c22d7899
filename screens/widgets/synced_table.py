"""A DataTable that is handed the full list of rows it should show and changes
only what differs: changed cells are updated, missing rows removed, new rows
appended. A full rebuild happens only when the order itself changed (a new filter).

Rows come in as plain values, (text, style) per cell, cheap to compare; only new or
changed cells become rich `Text` (a plain str cell would be parsed as markup: user
text must never be)."""

from __future__ import annotations

from typing import Sequence

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

Cell = tuple[str, str]  # (text, style)
Row = tuple[str, tuple[Cell, ...]]


def cell(value: object, style: str = "") -> Cell:
    """One table cell's plain value: one line of text and its style."""
    plain = "" if value is None else str(value)
    return plain.replace("\n", " "), style


def to_text(value: Cell) -> Text:
    """The cell as shown: literal text, one line, cut with an ellipsis."""
    return Text(value[0], style=value[1], no_wrap=True, overflow="ellipsis")


class SyncedTable(DataTable):
    """Columns are declared once (`COLUMNS`: key, label, width or None); rows are
    given to `sync` as (key, cells) in display order.

    A long list is shown in steps: the first `FIRST_ROWS` rows (what a screen shows)
    at once, the rest `BATCH_ROWS` at a time, a paint apart, so a meeting with
    2,000 opinions opens as fast as a small one; the same when the table holds only
    the first rows (its screen read no more for the first paint) and the whole list
    comes. Any change to the table first adds whatever is still waiting."""

    COLUMNS: tuple[tuple[str, str, int | None], ...] = ()
    FIRST_ROWS = 50
    BATCH_ROWS = 100

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self._shown: dict[str, tuple[Cell, ...]] = {}
        self._waiting: list[Row] = []  # rows still to add, in order, after the shown ones
        self.rebuilds = 0  # how many full rebuilds happened (tests and the benchmark read it)

    @property
    def filling(self) -> bool:
        """Some rows are still to be added."""
        return bool(self._waiting)

    #: Seconds between two batches: the screen paints and takes keys in between.
    BATCH_PAUSE = 0.1

    def _add_later(self, rows: Sequence[Row]) -> None:
        """The first batch a pause after the screen has painted the rows shown now (so it
        never competes with that paint, however long the paint takes)."""
        self._waiting = list(rows)
        self.call_after_refresh(self.set_timer, self.BATCH_PAUSE, self._add_batch)

    def _add_batch(self) -> None:
        batch, self._waiting = self._waiting[: self.BATCH_ROWS], self._waiting[self.BATCH_ROWS:]
        for key, cells in batch:
            self.add_row(*map(to_text, cells), key=key)
            self._shown[key] = cells
        if self._waiting:
            self.set_timer(self.BATCH_PAUSE, self._add_batch)

    def finish_loading(self) -> None:
        """Add every waiting row now (before a change, or to reach a row)."""
        waiting, self._waiting = self._waiting, []
        for key, cells in waiting:
            self.add_row(*map(to_text, cells), key=key)
            self._shown[key] = cells

    def on_mount(self) -> None:
        for key, label, width in self.COLUMNS:
            self.add_column(label, key=key, width=width)

    @property
    def highlighted_key(self) -> str | None:
        if self.row_count == 0:
            return None
        try:
            row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        except RowDoesNotExist:
            return None
        return row_key.value

    def select_key(self, key: str) -> None:
        """Move the cursor to the row `key`, if shown."""
        if key not in self._shown and self._waiting:
            self.finish_loading()
        try:
            self.move_cursor(row=self.get_row_index(key), animate=False)
        except RowDoesNotExist:
            pass

    def sync(self, rows: Sequence[Row]) -> None:
        self.finish_loading()
        if not self._shown and len(rows) > self.FIRST_ROWS:
            self._rebuild(rows[: self.FIRST_ROWS])
            self.rebuilds -= 1  # a first fill, not a rebuild
            self._add_later(rows[self.FIRST_ROWS:])
            return
        shown = len(self._shown)
        if len(rows) > shown + self.FIRST_ROWS and list(self._shown) == [key for key, _ in rows[:shown]]:
            # Only the first rows are shown (those read for the first paint): up to
            # FIRST_ROWS of them now, the rest in steps.
            first = max(shown, self.FIRST_ROWS)
            self._apply(rows[:first])
            self._add_later(rows[first:])
            return
        self._apply(rows)

    def _apply(self, rows: Sequence[Row]) -> None:
        """Show exactly `rows`: changed cells updated, rows removed and appended in
        place, or one rebuild when the order changed."""
        keys = [key for key, _ in rows]
        wanted = set(keys)
        kept = [key for key in self._shown if key in wanted]
        if kept != keys[: len(kept)]:
            self._rebuild(rows)
            return
        column_keys = [key for key, _, _ in self.COLUMNS]
        for key in [k for k in self._shown if k not in wanted]:
            self.remove_row(key)
            del self._shown[key]
        for key, cells in rows:
            old = self._shown.get(key)
            if old is None:
                self.add_row(*map(to_text, cells), key=key)
            elif old != cells:
                for column, before, after in zip(column_keys, old, cells):
                    if before != after:
                        self.update_cell(key, column, to_text(after))
            self._shown[key] = cells

    def sync_one(self, key: str, cells: tuple[Cell, ...] | None) -> bool:
        """Update, append (cells given, row new) or remove (cells None) one row.
        Returns False when that cannot be done in place (the caller syncs all)."""
        self.finish_loading()
        old = self._shown.get(key)
        if cells is None:
            if old is not None:
                self.remove_row(key)
                del self._shown[key]
            return True
        if old is None:
            return False
        for column, before, after in zip([k for k, _, _ in self.COLUMNS], old, cells):
            if before != after:
                self.update_cell(key, column, to_text(after))
        self._shown[key] = cells
        return True

    def append(self, key: str, cells: tuple[Cell, ...]) -> None:
        self.finish_loading()
        self.add_row(*map(to_text, cells), key=key)
        self._shown[key] = cells

    @property
    def last_key(self) -> str | None:
        self.finish_loading()
        return next(reversed(self._shown), None)

    def _rebuild(self, rows: Sequence[Row]) -> None:
        keep = self.highlighted_key
        self.rebuilds += 1
        self.clear()
        self._shown = {}
        for key, cells in rows:
            self.add_row(*map(to_text, cells), key=key)
            self._shown[key] = cells
        if keep is not None and keep in self._shown:
            self.select_key(keep)

