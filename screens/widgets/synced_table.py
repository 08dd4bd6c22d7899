"""A DataTable that is handed the full list of rows it should show and changes
only what differs: changed cells are updated, missing rows removed, new rows
appended. A full rebuild happens only when the order itself changed (a new filter).

Cells are rich `Text` (a plain str cell would be parsed as markup: user text must
never be)."""

from __future__ import annotations

from typing import Sequence

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

Row = tuple[str, tuple[Text, ...]]


def cell(value: object, style: str = "") -> Text:
    """One table cell: literal text, one line, cut with an ellipsis."""
    plain = "" if value is None else str(value)
    return Text(plain.replace("\n", " "), style=style, no_wrap=True, overflow="ellipsis")


class SyncedTable(DataTable):
    """Columns are declared once (`COLUMNS`: key, label, width or None); rows are
    given to `sync` as (key, cells) in display order."""

    COLUMNS: tuple[tuple[str, str, int | None], ...] = ()

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self._shown: dict[str, tuple[tuple[str, str], ...]] = {}
        self.rebuilds = 0  # how many full rebuilds happened (tests and the benchmark read it)

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
        try:
            self.move_cursor(row=self.get_row_index(key), animate=False)
        except RowDoesNotExist:
            pass

    def sync(self, rows: Sequence[Row]) -> None:
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
            new = _signature(cells)
            if old is None:
                self.add_row(*cells, key=key)
            elif old != new:
                for column, before, after, value in zip(column_keys, old, new, cells):
                    if before != after:
                        self.update_cell(key, column, value)
            self._shown[key] = new

    def _rebuild(self, rows: Sequence[Row]) -> None:
        keep = self.highlighted_key
        self.rebuilds += 1
        self.clear()
        self._shown = {}
        for key, cells in rows:
            self.add_row(*cells, key=key)
            self._shown[key] = _signature(cells)
        if keep is not None and keep in self._shown:
            self.select_key(keep)


def _signature(cells: tuple[Text, ...]) -> tuple[tuple[str, str], ...]:
    # rich's Text equality ignores the base style; compare text and style both.
    return tuple((c.plain, str(c.style)) for c in cells)
