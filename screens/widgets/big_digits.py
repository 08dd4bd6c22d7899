"""Digits to read from across a table: Textual's 3-line `Digits`, or a 5-line block
font when the screen has room (`large = True`)."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.renderables.digits import Digits as DigitsRenderable
from textual.widget import Widget

#: 5 rows x 3 pixels per character; "#" is lit. Each pixel is drawn two cells wide,
#: which looks square in a terminal.
_FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", " ##", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
    "-": ("   ", "   ", "###", "   ", "   "),
    " ": ("   ",) * 5,
}
LARGE_ROWS = 5
_PIXEL = "██"
_GAP = "  "


def block_lines(value: str) -> list[str]:
    """The large rendering of `value` as five lines (unknown characters are skipped)."""
    glyphs = [_FONT[ch] for ch in value if ch in _FONT]
    rows = []
    for row in range(LARGE_ROWS):
        cells = [g[row].replace("#", _PIXEL).replace(" ", " " * len(_PIXEL)) for g in glyphs]
        rows.append(_GAP.join(cells))
    return rows


class BigDigits(Widget):
    """A number or a clock ("04:07") in large digits. Set `value`; set `large` to
    switch to the 5-line font. Colour and style come from CSS (`color`, `text-style`)."""

    DEFAULT_CSS = """
    BigDigits {
        width: auto;
        height: auto;
    }
    """

    value: reactive[str] = reactive("", layout=True)
    large: reactive[bool] = reactive(False, layout=True)

    def __init__(self, value: str = "", *, large: bool = False, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(BigDigits.value, value)
        self.set_reactive(BigDigits.large, large)

    def render(self):
        style = self.rich_style
        if self.large:
            return Text("\n".join(block_lines(self.value)), style=style, no_wrap=True, end="")
        return DigitsRenderable(self.value, style)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        if self.large:
            return max((len(line) for line in block_lines(self.value)), default=0)
        return DigitsRenderable.get_width(self.value)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return LARGE_ROWS if self.large else 3
