"""Note who presented a programme step and the gist of it; the minutes print it under
the step. Returns the note; the screen that opened it stores it
(`db.substance.set_step_note`), which `open_step_note` does for the live screen:
its action is one call, `open_step_note(self, self.meeting_id)`."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label, Static, TextArea

from db.meetings import current_step, get_chairs
from db.substance import get_step, set_step_note

from . import text
from .store_call import FAILED, StoreAccess, attempt


@dataclass(frozen=True)
class StepNote:
    step_id: int
    presenter: str
    gist: str


class StepNoteModal(StoreAccess, ModalScreen[StepNote | None]):
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
        step = get_step(self.store.db, self.step_id)
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


def open_step_note(screen, meeting_id: int) -> bool:
    """Open the form for the current programme step from `screen` and store what it
    returns; False when no step is under way."""
    db = screen.store.db
    step = current_step(db, meeting_id)
    if step is None:
        return False
    names = [f"{c.name}, {c.title}" if c.title else c.name for c in get_chairs(db, meeting_id)]

    def done(note: StepNote | None) -> None:
        if note is not None and attempt(screen, set_step_note, screen.store.db, note.step_id,
                                        presenter=note.presenter, gist=note.gist,
                                        now=screen.store.now()) is not FAILED:
            screen.notify(text.STEP_NOTE_SAVED.format(n=step.position), markup=False)

    screen.app.push_screen(StepNoteModal(step.id, names), done)
    return True
