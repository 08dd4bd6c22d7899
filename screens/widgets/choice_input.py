"""An input that offers known values as you type: any few letters of any word, with
or without accents ("dia" offers "Công chức Địa chính - Xây dựng"). ↓ goes into the
offers, Enter takes one, Esc goes back to the input. The widget only filters the
list it was given; the screen reads the value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from intake.vn_input import fold

#: At most this many offers are shown.
SHOWN = 5


def matching(choices: Sequence[str], typed: str) -> list[str]:
    """The choices holding every typed word (folded) at the start of one of their words,
    or anywhere when no word starts with it; every choice when nothing is typed."""
    words = fold(typed).split()
    if not words:
        return list(choices)
    result = []
    for choice in choices:
        folded = fold(choice)
        starts = " " + folded
        if all((" " + w) in starts or w in folded for w in words) and fold(choice) != fold(typed):
            result.append(choice)
    return result


class _Offers(OptionList):
    """Reached with ↓ only: Tab goes from the input to the next field."""

    can_focus = False

    def _on_blur(self, event) -> None:
        self.can_focus = False
        super()._on_blur(event)


class ChoiceInput(Vertical):
    DEFAULT_CSS = """
    ChoiceInput {
        height: auto;
    }
    ChoiceInput > OptionList {
        height: auto;
        max-height: 5;
        display: none;
        border: none;
        padding: 0;
    }
    ChoiceInput.-open > OptionList {
        display: block;
    }
    """

    BINDINGS = [
        Binding("down", "offers", "Gợi ý", show=False),
        Binding("escape", "close", "Đóng gợi ý", show=False),
    ]

    @dataclass
    class Chosen(Message):
        """One of the offers was taken."""

        choice_input: "ChoiceInput"
        value: str

        @property
        def control(self) -> "ChoiceInput":
            return self.choice_input

    def __init__(self, value: str, choices: Sequence[str], *, input_id: str,
                 placeholder: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self._value = value
        self.choices = list(dict.fromkeys(c for c in choices if c))
        self.input_id = input_id
        self.placeholder = placeholder
        self._offered: list[str] = []

    def compose(self) -> ComposeResult:
        yield Input(self._value, id=self.input_id, compact=True, placeholder=self.placeholder)
        yield _Offers()

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value

    def _offer(self, typed: str) -> None:
        self._offered = matching(self.choices, typed)[:SHOWN]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(Text(c)) for c in self._offered])
        self.set_class(bool(self._offered) and self.input.has_focus, "-open")

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self.input:
            self._offer(event.value)

    def on_descendant_focus(self, event) -> None:
        if event.widget is self.input:
            self._offer(self.input.value)

    def on_descendant_blur(self, event) -> None:
        self.call_after_refresh(self._close_if_left)

    def _close_if_left(self) -> None:
        if not self.has_focus_within:
            self.remove_class("-open")

    def action_offers(self) -> None:
        if self._offered and self.input.has_focus:
            options = self.query_one(OptionList)
            options.highlighted = 0
            options.can_focus = True
            options.focus()

    def action_close(self) -> None:
        if self.has_class("-open"):
            self.remove_class("-open")
            self.input.focus()
        else:
            self.screen.run_action("cancel")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = self._offered[event.option_index]
        self.input.value = value
        self.input.cursor_position = len(value)
        self.remove_class("-open")
        self.post_message(self.Chosen(self, value))
