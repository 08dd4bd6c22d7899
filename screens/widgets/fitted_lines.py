"""A list of one-line entries showing as many as fit, and how many did not."""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget


class FittedLines(Widget):
    """Shows `lines` (rich Text, never parsed as markup), each cut to one line with an
    ellipsis. When they do not all fit the widget's height, the last row says how many
    entries are left out, using `more(n)`. Lines whose index is in `headers` are group
    headings: not counted as entries, never left last without an entry under them.
    Set the content with `set_lines`."""

    DEFAULT_CSS = """
    FittedLines {
        height: auto;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    FittedLines > .fitted-lines--more {
        color: $text-muted;
        text-style: italic;
    }
    """
    COMPONENT_CLASSES = {"fitted-lines--more"}

    def __init__(self, *, more: Callable[[int], str] = lambda n: f"… +{n}",
                 empty: str = "", id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: tuple[Text, ...] = ()
        self._headers: frozenset[int] = frozenset()
        self._more = more
        self._empty = empty

    @property
    def lines(self) -> tuple[Text, ...]:
        return self._lines

    def set_lines(self, lines: Sequence[Text], *, headers: Iterable[int] = (),
                  empty: str | None = None) -> None:
        """Replace the entries; repaints only when they changed."""
        lines, headers = tuple(lines), frozenset(headers)
        empty = self._empty if empty is None else empty
        if (lines, headers, empty) == (self._lines, self._headers, self._empty):
            return
        self._lines, self._headers, self._empty = lines, headers, empty
        self.refresh(layout=True)

    def visible_lines(self, height: int) -> list[Text]:
        """What fits in `height` rows: all lines, or the first ones and a "more" row."""
        if not self._lines:
            return [Text(self._empty, style=self.get_component_rich_style("fitted-lines--more"))]
        if height <= 0:
            return []
        if len(self._lines) <= height:
            return list(self._lines)
        count = height - 1
        while count > 0 and (count - 1) in self._headers:
            count -= 1
        hidden = sum(1 for i in range(count, len(self._lines)) if i not in self._headers)
        shown = list(self._lines[:count])
        more = Text(self._more(hidden),
                    style=self.get_component_rich_style("fitted-lines--more"))
        return shown + [more]

    def render(self):
        return Text("\n").join(self.visible_lines(self.content_region.height))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self._lines))
