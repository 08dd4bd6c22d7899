"""Type in one opinion gathered before the meeting, with its prepared answer. Checked
by the same rules as a row of an imported sheet; dismissed with the opinion and what
was typed (TypedOpinion: not yet saved, the screen that asked saves it and, if the
store refuses, opens the form again with the same values) or None."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Select, Static, TextArea

from intake.before_import import opinion_from_values
from db.vocabulary import Outcome
from db.plans import PlanOpinion

from . import text_prepare as t
from .widgets.form_field import FormField

_INPUTS = ("author", "address", "answered_by", "agency", "deadline")


@dataclass(frozen=True)
class TypedOpinion:
    item: PlanOpinion
    values: dict[str, str]  # what was typed, by key (BeforeOpinionModal.values)


class BeforeOpinionModal(ModalScreen[TypedOpinion | None]):
    CSS_PATH = "prepare_dialogs.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", t.KEY_SAVE, priority=True),
        Binding("escape", "cancel", t.KEY_CANCEL),
    ]

    def __init__(self, fields: list[str], values: dict[str, str] | None = None) -> None:
        super().__init__()
        self.fields = fields
        self.typed = values or {}  # what was typed before the store refused it

    def _labelled(self, key: str, widget) -> ComposeResult:
        """A label left of a choice, or above a text; the problem under it."""
        if isinstance(widget, Select):
            with Horizontal(classes="typed-row"):
                yield Label(t.TYPED_LABELS[key], classes="typed-label")
                yield widget
        else:
            yield Label(t.TYPED_LABELS[key], classes="typed-label typed-label-above")
            yield widget
        yield Static("", id=f"typed-{key}-error",
                     classes="dialog-error" + ("" if isinstance(widget, Select) else " -under-text"))

    def compose(self) -> ComposeResult:
        def typed(key: str) -> str:
            return self.typed.get(key, "")

        def chosen(key: str, allowed: list[str]):
            return self.typed[key] if self.typed.get(key) in allowed else Select.NULL

        with Vertical(classes="dialog typed-dialog"):
            yield Static(t.TYPED_TITLE, classes="dialog-title")
            with VerticalScroll():
                yield FormField(t.TYPED_LABELS["author"], typed("author"), id="typed-author")
                yield FormField(t.TYPED_LABELS["address"], typed("address"), id="typed-address")
                yield from self._labelled("field", Select(
                    [(Text(name), name) for name in self.fields], prompt=t.TYPED_NO_FIELD,
                    value=chosen("field", self.fields), id="typed-field", compact=True))
                yield from self._labelled("content", TextArea(typed("content"), id="typed-content", compact=True,
                                                                      highlight_cursor_line=False))
                yield FormField(t.TYPED_LABELS["answered_by"], typed("answered_by"), id="typed-answered_by")
                yield from self._labelled("answer", TextArea(typed("answer"), id="typed-answer", compact=True,
                                                                    highlight_cursor_line=False))
                yield from self._labelled("outcome", Select(
                    [(o.label, o.value) for o in Outcome],
                    prompt=t.TYPED_NO_OUTCOME, value=chosen("outcome", [o.value for o in Outcome]),
                    id="typed-outcome", compact=True))
                yield FormField(t.TYPED_LABELS["agency"], typed("agency"), id="typed-agency")
                yield FormField(t.TYPED_LABELS["deadline"], typed("deadline"), id="typed-deadline",
                                placeholder="dd/mm/yyyy", short=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#typed-author-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def values(self) -> dict[str, str]:
        out = {key: self.query_one(f"#typed-{key}", FormField).value for key in _INPUTS}
        for key in ("content", "answer"):
            out[key] = self.query_one(f"#typed-{key}", TextArea).text
        for key in ("field", "outcome"):
            value = self.query_one(f"#typed-{key}", Select).value
            out[key] = "" if value is Select.NULL else str(value)
        return out

    def action_save(self) -> None:
        values = self.values()
        item, errors = opinion_from_values(values, self.fields)
        for key in _INPUTS:
            self.query_one(f"#typed-{key}", FormField).set_error(errors.get(key))
        for key in ("field", "content", "answer", "outcome"):
            message = errors.get(key)
            shown = self.query_one(f"#typed-{key}-error", Static)
            shown.update(Text("↳ " + message) if message else "")
            shown.set_class(bool(message), "-shown")
        if item is not None:
            self.dismiss(TypedOpinion(item, values))
            return
        order = ("author", "address", "field", "content", "answered_by", "answer", "outcome", "agency",
                 "deadline")
        first = next((key for key in order if key in errors), None)
        if first is not None:
            target = self.query_one(f"#typed-{first}")
            (target.input if isinstance(target, FormField) else target).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
