"""Someone still has the floor when the next speaker is called: finish them or mark
them absent first. Never drop them silently."""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from db.models import Speaker

Choice = Literal["finish", "absent"]


class ConfirmCallModal(ModalScreen["Choice | None"]):
    """Dismisses with "finish", "absent", or None (cancel: nobody is called)."""

    CSS_PATH = "live.tcss"
    BINDINGS = [
        Binding("f5", "choose('finish')", "Đã nói xong", priority=True),
        Binding("alt+x", "choose('finish')", "Đã nói xong", show=False, priority=True),
        Binding("f4", "choose('absent')", "Vắng mặt", priority=True),
        Binding("alt+v", "choose('absent')", "Vắng mặt", show=False, priority=True),
        Binding("escape", "choose(None)", "Hủy"),
    ]

    def __init__(self, speaking: Speaker, calling: str) -> None:
        super().__init__()
        self.speaking = speaking
        self.calling = calling

    def compose(self) -> ComposeResult:
        s = self.speaking
        with Vertical(classes="dialog confirm"):
            yield Static(Text("Đang có người phát biểu"), classes="dialog-title")
            yield Static(Text(f"Số {s.reg_no} · {s.display_name} đang phát biểu.\n"
                              f"Trước khi mời {self.calling}, ghi nhận người đang nói:"),
                         classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("F5/Alt+X Đã nói xong", id="finish", variant="primary")
                yield Button("F4/Alt+V Vắng mặt", id="absent", variant="warning")
                yield Button("Esc Hủy", id="cancel")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#finish", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(None if event.button.id == "cancel" else event.button.id)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)
