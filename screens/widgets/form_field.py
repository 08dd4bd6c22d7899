"""One labelled line of a form, with the problem shown right under it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static


class FormField(Vertical):
    """A label, a compact input and, when there is one, the problem with the value.

    The input's id is the field's id + "-input"; `value` reads and writes it."""

    DEFAULT_CSS = """
    FormField {
        height: auto;
        padding: 0 1;
    }
    FormField > Horizontal {
        height: 1;
    }
    FormField Label.form-label {
        width: 24;
        color: $text-muted;
    }
    FormField Label.form-label.-required {
        color: $text;
    }
    FormField Input {
        width: 1fr;
        background: $boost;
    }
    FormField Input:focus {
        background: $primary 25%;
    }
    FormField.-short Input {
        width: 12;
    }
    FormField .form-hint {
        width: auto;
        color: $text-muted;
        padding: 0 0 0 1;
    }
    FormField .form-error {
        display: none;
        color: $text-error;
        padding: 0 0 0 24;
    }
    FormField.-invalid .form-error {
        display: block;
    }
    FormField .form-note {
        color: $text-warning;
        padding: 0 0 0 24;
    }
    FormField.-invalid .form-note {
        display: none;
    }
    FormField.-invalid Input {
        background: $error 25%;
    }
    """

    def __init__(self, label: str, value: str = "", *, id: str, placeholder: str = "",
                 hint: str = "", required: bool = False, max_length: int = 0,
                 restrict: str | None = None, short: bool = False, note: str = "") -> None:
        super().__init__(id=id, classes="-short" if short else None)
        self._label, self._value, self._placeholder = label, value, placeholder
        self._hint, self._required = hint, required
        self._max_length, self._restrict = max_length, restrict
        self.error = ""
        self.note = note  # e.g. what a plan document did not say: shown until there is a problem

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(Text(self._label + (" *" if self._required else "")),
                        classes="form-label" + (" -required" if self._required else ""))
            yield Input(self._value, placeholder=self._placeholder, compact=True, id=f"{self.id}-input",
                        max_length=self._max_length, restrict=self._restrict, select_on_focus=False)
            if self._hint:
                yield Label(Text(self._hint), classes="form-hint")
        yield Static("", classes="form-error")
        if self.note:
            yield Static(Text("ⓘ " + self.note), classes="form-note")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def value(self) -> str:
        return self.input.value

    @value.setter
    def value(self, text: str) -> None:
        self.input.value = text

    def set_error(self, message: str | None) -> None:
        if (message or "") == self.error:
            return  # no relayout while the problems follow the typing
        self.error = message or ""
        self.query_one(".form-error", Static).update(Text("↳ " + message) if message else "")
        self.set_class(bool(message), "-invalid")
