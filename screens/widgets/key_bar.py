"""The keys possible now, on as many lines as the width needs (two or three at 80
columns): what the compact Footer cannot show at 80×24. Each entry is its keys then
its label; lines break only between entries. The screen hands it the entries: the live
screen from its action table, other screens from their bindings (`binding_entries`)."""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.geometry import Size
from textual.widget import Widget

#: Between two entries.
_GAP = "  "


def key_display(key: str) -> str:
    """'f6' -> 'F6', 'ctrl+s' -> '^S', 'alt+m' -> 'Alt+M', 'escape' -> 'Esc'."""
    if key == "escape":
        return "Esc"
    if key.startswith("ctrl+"):
        return "^" + key[5:].upper()
    if key.startswith("alt+"):
        return "Alt+" + key[4:].upper()
    return key.upper()


def binding_entries(screen: Screen) -> list[tuple[str, str]]:
    """The shown bindings `screen` allows now (its check_action), one entry per action:
    the screen's own first, then the focused widget's, then the app's."""
    def rank(active) -> int:
        return 0 if active.node is screen else 2 if active.node is screen.app else 1

    entries: list[tuple[str, str]] = []
    seen: set[str] = set()
    for active in sorted(screen.active_bindings.values(), key=rank):
        binding = active.binding
        if not binding.show or not active.enabled or binding.action in seen:
            continue
        seen.add(binding.action)
        entries.append((binding.key_display or key_display(binding.key), binding.description))
    return entries


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar {
        height: auto;
        background: $footer-background;
        color: $footer-foreground;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._entries: tuple[tuple[str, str], ...] = ()

    @property
    def entries(self) -> tuple[tuple[str, str], ...]:
        return self._entries

    def show(self, entries: list[tuple[str, str]]) -> None:
        """`entries`: (keys as shown, label). Redrawn only when they changed."""
        entries = tuple(entries)
        if entries != self._entries:
            self._entries = entries
            self.refresh(layout=True)

    def _lines(self, width: int) -> list[list[tuple[str, str]]]:
        lines: list[list[tuple[str, str]]] = [[]]
        used = 0
        for keys, label in self._entries:
            size = len(keys) + 1 + len(label)
            if lines[-1] and used + len(_GAP) + size > width:
                lines.append([])
                used = 0
            used += (len(_GAP) if lines[-1] else 0) + size
            lines[-1].append((keys, label))
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(max(1, width)))

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for n, line in enumerate(self._lines(max(1, self.content_region.width))):
            if n:
                text.append("\n")
            for i, (keys, label) in enumerate(line):
                if i:
                    text.append(_GAP)
                text.append(keys, style="bold reverse")
                text.append(" " + label)
        return text
