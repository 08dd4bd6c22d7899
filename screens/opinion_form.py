"""Correct a recorded opinion: its text and its field. F7 goes on to its answer."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Footer, Label, Select, Static

from db.meetings import clear_draft
from db.models import Field
from db.opinions import edit_opinion, get_opinion

from .draft_form import DraftForm
from .register import field_options, select_value
from .store_call import FAILED, attempt
from .widgets.draft_area import DraftArea
from db.vocabulary import outcome_mark

from .widgets.opinions_table import who

#: Dismissed with this to ask the screen for the answer form of the same opinion.
ANSWER = "answer"


class OpinionFormModal(DraftForm["Opinion | str | None"]):
    """Writes the correction itself; dismisses with the corrected opinion, ANSWER, or None."""

    BINDINGS = [Binding("f7", "answer", "Trả lời", priority=True)]

    def __init__(self, opinion_id: int, meeting_id: int, fields: list[Field]) -> None:
        super().__init__(meeting_id, f"opinion:{opinion_id}")
        self.opinion_id = opinion_id
        self.fields = fields

    def compose(self) -> ComposeResult:
        o = get_opinion(self.app.db, self.opinion_id)
        text = self.starting_text(o.content)
        answer = outcome_mark(o.outcome) + (f" · {o.answered_by}" if o.answered_by else "")
        with Vertical(classes="dialog"):
            yield Static(Text(f"Sửa ý kiến số {o.number}"), classes="dialog-title")
            with Grid(classes="form"):
                yield Label("Người nêu")
                yield Static(Text(who(o)))
                yield Label("Trả lời")
                yield Static(Text(answer))
                yield Label("Lĩnh vực")
                yield Select(field_options(self.fields), id="field", prompt="— chưa rõ —",
                             compact=True, value=o.field_id if o.field_id is not None else Select.NULL)
            yield Label("Nội dung ý kiến")
            yield DraftArea(text, draft_key=self.draft_key, id="edit-text")
            yield Static(Text("Ctrl+S: lưu · F7: sang phần trả lời · Esc: đóng"), classes="dialog-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.area.focus()

    def action_save(self) -> None:
        result = attempt(
            self, edit_opinion, self.app.db, self.opinion_id, content=self.area.text,
            field_id=select_value(self.query_one("#field", Select)), now=self.app.clock(),
        )
        if result is FAILED:
            return
        attempt(self, clear_draft, self.app.db, self.meeting_id, self.draft_key)
        self.recorded(result)

    def action_answer(self) -> None:
        if self.keep_draft():
            self.dismiss(ANSWER)
