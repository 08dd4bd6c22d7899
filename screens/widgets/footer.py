"""Textual's Footer, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its keys after every "bindings changed" signal; a
screen opening sends several at once (the screen stacked, the focus set, a table's
first row highlighted), mostly with the same keys, so the meeting list's footer of
twelve keys was built five times before the first paint (~20 ms each). Here a signal
that arrives while a rebuild is waiting joins it, and the rebuild is skipped when the
keys (binding, enabled, tooltip) are those already shown. It reads them when it runs,
so it always shows the latest.

Only the meeting list uses it (the first screen, and one whose keys change as the
cursor moves). The meeting form with it scrolled to a different place after Ctrl+N
added a programme row (tests/test_snapshots_form.py, now and then): the form's scroll
to a just-mounted field depends on how long the footer's rebuilds take, so the other
screens keep Textual's footer until that is looked at."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    _rebuild_waiting = False
    _shown: tuple | None = None

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_waiting:
            self._rebuild_waiting = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_waiting = False
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()

    def compose(self) -> ComposeResult:
        self._shown = self._keys() if self._bindings_ready else None
        yield from super().compose()

    def _keys(self) -> tuple:
        """What the keys shown are made of, in order."""
        return tuple((key, active.binding, active.enabled, active.tooltip)
                     for key, active in self.screen.active_bindings.items())
