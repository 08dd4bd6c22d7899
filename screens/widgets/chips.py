"""Short labels in a row, wrapping between labels and never inside one."""

from __future__ import annotations

from typing import Sequence

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget


def pack(parts: Sequence[Text], width: int, separator: str = " · ") -> list[Text]:
    """Greedy lines of `parts` joined by `separator`, each line at most `width`
    cells when the parts allow it (a part longer than the line gets a line alone)."""
    lines: list[Text] = []
    line: Text | None = None
    for part in parts:
        if line is not None and line.cell_len + len(separator) + part.cell_len <= width:
            line.append(separator)
            line.append_text(part)
            continue
        if line is not None:
            lines.append(line)
        line = Text()
        line.append_text(part)
    if line is not None:
        lines.append(line)
    return lines


class Chips(Widget):
    """Counts such as "8 ý kiến · 3 chờ trả lời · 2 đã trả lời": set with `set_parts`."""

    DEFAULT_CSS = """
    Chips {
        height: auto;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._parts: tuple[Text, ...] = ()

    @property
    def parts(self) -> tuple[Text, ...]:
        return self._parts

    def set_parts(self, parts: Sequence[Text]) -> None:
        parts = tuple(parts)
        if parts != self._parts:
            self._parts = parts
            self.refresh(layout=True)

    def render(self):
        return Text("\n").join(pack(self._parts, self.content_region.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(pack(self._parts, width)))
