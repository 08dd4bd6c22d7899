"""The keys possible now, on as many lines as the width needs (two at 80 columns):
what the compact Footer cannot show at 80×24. Each entry is its keys then its label;
lines break only between entries. The screen hands it the entries (`show`)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

#: Keeps an entry on one line.
_NBSP = "\u00a0"


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        height: auto;
        max-height: 3;
        background: $footer-background;
        color: $footer-foreground;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._entries: tuple[tuple[str, str], ...] = ()

    def show(self, entries: list[tuple[str, str]]) -> None:
        """`entries`: (keys as shown, label). Redrawn only when they changed."""
        entries = tuple(entries)
        if entries == self._entries:
            return
        self._entries = entries
        text = Text()
        for i, (keys, label) in enumerate(entries):
            if i:
                text.append("  ")
            text.append(keys.replace(" ", _NBSP), style="bold reverse")
            text.append(_NBSP + label.replace(" ", _NBSP))
        self.update(text)
