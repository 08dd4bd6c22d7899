"""A text area that asks its screen to keep what is typed as a draft.

The widget never touches storage: it posts `DraftArea.DraftDue` at most `QUIET` seconds
after a key (one save per 0.3 s however fast the typing, so at most 0.3 s of typing
is ever unsaved) and when focus leaves; the screen saves the draft and calls
`mark_saved`. `pending()` gives the unsaved text for a
synchronous save when the screen goes away.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.timer import Timer
from textual.widgets import TextArea


class DraftArea(TextArea):
    DEFAULT_CSS = """
    DraftArea {
        height: 1fr;
    }
    """

    #: Seconds after the last change the draft is saved (a save costs ~0.3 ms).
    QUIET = 0.3

    @dataclass
    class DraftDue(Message):
        """The text changed since the last saved draft: keep it."""

        area: "DraftArea"
        text: str

        @property
        def control(self) -> "DraftArea":
            return self.area

    def __init__(self, text: str = "", *, draft_key: str | None = None, placeholder: str = "",
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", show_line_numbers=False,
                         highlight_cursor_line=False, placeholder=placeholder, id=id, classes=classes)
        self.draft_key = draft_key
        self._saved = text
        self._timer: Timer | None = None

    def _on_text_area_changed(self, event: TextArea.Changed) -> None:
        # One cheap check per keystroke; the save itself happens on the timer, which
        # is not pushed back by later keys: steady typing is saved every QUIET seconds
        # too, and the last key at most QUIET seconds after it was typed.
        if event.text_area is self and self._timer is None and self.text != self._saved:
            self._timer = self.set_timer(self.QUIET, self._timer_fired)

    def _timer_fired(self) -> None:
        self._timer = None
        self.flush()

    def _on_blur(self, event) -> None:
        super()._on_blur(event)
        self.flush()

    def flush(self) -> None:
        """Post DraftDue now if the text differs from the last saved draft."""
        text = self.pending()
        if text is not None:
            self.post_message(self.DraftDue(self, text))

    def pending(self) -> str | None:
        """The text if it is not saved as a draft yet, else None."""
        text = self.text
        return None if text == self._saved else text

    def mark_saved(self, text: str) -> None:
        """The screen kept `text` as the draft (or the store cleared it: "")."""
        self._saved = text

    def show_text(self, text: str) -> None:
        """Show `text` (a restored draft, or "" after recording) as already saved."""
        self._saved = text
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.load_text(text)
        self.move_cursor(self.document.end)
