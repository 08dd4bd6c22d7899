"""Questions the screens ask before an action that cannot be taken back (start or end
the meeting, leave a live meeting) or that may be a slip ("finished" with nothing
recorded). Every answer has one key: the digit on its button, Enter for the first,
Esc to cancel."""

from __future__ import annotations

from typing import Any, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

#: Dismissed with this when the question is cancelled (Esc).
CANCEL = None


class ChoiceModal(ModalScreen[Any]):
    """Dismisses with the value of the chosen answer, or None (Esc)."""

    CSS_PATH = "live.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Hủy"),
        *[Binding(str(i + 1), f"choose({i})", show=False) for i in range(4)],
    ]

    def __init__(self, title: str, message: str, choices: Sequence[tuple[str, Any]],
                 cancel: str = "Hủy", ids: Sequence[str] | None = None, cancel_id: str = "cancel") -> None:
        super().__init__()
        self.title_text, self.message = title, message
        self.choices = list(choices)
        self.cancel_label = cancel
        self.ids = list(ids) if ids else [f"choice-{i}" for i in range(len(self.choices))]
        self.cancel_id = cancel_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Static(Text(self.title_text), classes="dialog-title")
            yield Static(Text(self.message), classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                for i, (label, _) in enumerate(self.choices):
                    key = "Enter" if len(self.choices) == 1 else str(i + 1)
                    yield Button(f"{key} {label}", id=self.ids[i],
                                 variant="primary" if i == 0 else "default")
                yield Button(f"Esc {self.cancel_label}", id=self.cancel_id)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#{self.ids[0]}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == self.cancel_id:
            self.action_cancel()
        else:
            self.action_choose(self.ids.index(event.button.id))

    def action_choose(self, index: int) -> None:
        if index < len(self.choices):
            self.dismiss(self.choices[index][1])

    def action_cancel(self) -> None:
        self.dismiss(CANCEL)


class ConfirmModal(ChoiceModal):
    """Yes (Enter) or no (Esc): dismisses with True or False."""

    def __init__(self, title: str, message: str, yes: str, no: str = "Hủy") -> None:
        super().__init__(title, message, [(yes, True)], cancel=no.removesuffix(" (Esc)"),
                         ids=["yes"], cancel_id="no")

    def action_cancel(self) -> None:
        self.dismiss(False)
