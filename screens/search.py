"""Search the opinions by any words, accents optional: returns the words typed
("" clears the search) or None (Esc)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static


class SearchModal(ModalScreen["str | None"]):
    CSS_PATH = "live.tcss"
    BINDINGS = [Binding("escape", "cancel", "Hủy")]

    def __init__(self, words: str = "") -> None:
        super().__init__()
        self.words = words

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Static(Text("Tìm ý kiến"), classes="dialog-title")
            yield Input(self.words, id="search-words", compact=True,
                        placeholder="vài chữ, không cần dấu: duong thon, dat dai…")
            yield Static(Text("Enter: tìm (để trống: bỏ tìm) · Esc: hủy"), classes="dialog-hint")
        yield Footer(compact=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
