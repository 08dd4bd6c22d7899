"""A small list to pick from by keyboard: digits 1–9 and 0 pick directly, arrows and
Enter pick any, Esc cancels. Used for the opinion's field, the opinions filter and
the names of people who answer."""

from __future__ import annotations

from typing import Any, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

_DIGITS = "1234567890"


class PickerModal(ModalScreen[tuple[Any] | None]):
    """Dismisses with `(value,)` for the chosen entry, or None when cancelled."""

    CSS_PATH = "live.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Hủy"),
        *[Binding(d, f"choose({i})", show=False) for i, d in enumerate(_DIGITS)],
    ]

    def __init__(self, title: str, choices: Sequence[tuple[Any, str]], current: Any = None,
                 hint: str = "Số 1–9, 0 chọn nhanh · ↑↓ Enter chọn · Esc hủy") -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.current = current
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Static(Text(self.title_text), classes="dialog-title")
            options = []
            for i, (_, label) in enumerate(self.choices):
                key = _DIGITS[i] if i < len(_DIGITS) else " "
                options.append(Option(Text(f"{key}  {label}"), id=str(i)))
            yield OptionList(*options, id="picker-options")
            yield Static(Text(self.hint), classes="dialog-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        index = next((i for i, (value, _) in enumerate(self.choices) if value == self.current), 0)
        if self.choices:
            options.highlighted = index
        options.focus()

    def action_choose(self, index: int) -> None:
        if index < len(self.choices):
            self.dismiss((self.choices[index][0],))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose(int(event.option.id))
