"""Note who presented a programme step and the gist of it; the minutes print it under
the step. Returns the note; the screen that opened it stores it
(`db.substance.set_step_note`)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label, Static, TextArea

from db.substance import get_step

from . import text


@dataclass(frozen=True)
class StepNote:
    step_id: int
    presenter: str
    gist: str


class StepNoteModal(ModalScreen[StepNote | None]):
    CSS_PATH = ["live.tcss", "notice_forms.tcss"]
    BINDINGS = [
        Binding("ctrl+s", "save", text.KEY_SAVE, priority=True),
        Binding("escape", "cancel", text.KEY_CLOSE),
    ]

    def __init__(self, step_id: int, names: list[str] | None = None) -> None:
        super().__init__()
        self.step_id = step_id
        self.names = names or []  # suggestions for the presenter (the chairs, the step's lead)

    def compose(self) -> ComposeResult:
        step = get_step(self.app.db, self.step_id)
        suggestions = [n for n in [step.lead or "", *self.names] if n]
        with Vertical(classes="dialog"):
            yield Static(Text(text.STEP_NOTE_TITLE.format(n=step.position, content=step.content)),
                         classes="dialog-title")
            with Grid(classes="form"):
                yield Label(text.STEP_NOTE_PRESENTER)
                yield Input(step.presenter or "", id="presenter", compact=True,
                            placeholder=text.STEP_NOTE_PRESENTER_HINT,
                            suggester=SuggestFromList(suggestions, case_sensitive=False) if suggestions else None)
            yield Label(text.STEP_NOTE_GIST)
            yield TextArea(step.gist or "", id="gist", classes="note", soft_wrap=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#presenter", Input).focus()

    def action_save(self) -> None:
        self.dismiss(StepNote(self.step_id, self.query_one("#presenter", Input).value,
                              self.query_one("#gist", TextArea).text))

    def action_cancel(self) -> None:
        self.dismiss(None)
