"""Correct a recorded opinion: its text and its field. F7 goes on to its answer. The
form returns what was typed (OpinionEdit); the screen records it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import Footer, Label, Select, Static

from db.models import Field, Opinion
from db.vocabulary import outcome_mark

from .draft_form import DraftForm, Drafts
from .register import field_options, select_value
from .widgets.draft_area import DraftArea
from .widgets.opinions_table import who

#: Dismissed with this to ask the screen for the answer form of the same opinion.
ANSWER = "answer"


@dataclass(frozen=True)
class OpinionEdit:
    content: str
    field_id: int | None


class OpinionFormModal(DraftForm["OpinionEdit | str | None"]):
    """Dismisses with an OpinionEdit, ANSWER, or None."""

    BINDINGS = [Binding("f7", "answer", "Trả lời", priority=True),
                Binding("alt+t", "answer", "Trả lời", show=False, priority=True)]

    def __init__(self, opinion: Opinion, fields: list[Field], drafts: Drafts, *,
                 values: OpinionEdit | None = None) -> None:
        super().__init__(drafts, f"opinion:{opinion.id}")
        self.opinion = opinion
        self.fields = fields
        self.values = values

    def compose(self) -> ComposeResult:
        o, v = self.opinion, self.values
        text = self.starting_text(o.content)
        field_id = v.field_id if v else o.field_id
        answer = outcome_mark(o.outcome) + (f" · {o.answered_by}" if o.answered_by else "")
        with VerticalScroll(classes="dialog"):
            yield Static(Text(f"Sửa ý kiến số {o.number}"), classes="dialog-title")
            with Grid(classes="form"):
                yield Label("Người nêu")
                yield Static(Text(who(o)))
                yield Label("Trả lời")
                yield Static(Text(answer))
                yield Label("Lĩnh vực")
                yield Select(field_options(self.fields), id="field", prompt="— chưa rõ —",
                             compact=True, value=field_id if field_id is not None else Select.NULL)
            yield Label("Nội dung ý kiến")
            yield DraftArea(text, draft_key=self.draft_key, id="edit-text")
            yield Static(Text("Ctrl+S: lưu · F7: sang phần trả lời · Esc: đóng"), classes="dialog-hint")
            yield Static("", classes="dialog-error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.area.focus()

    def action_save(self) -> None:
        if not self.area.text.strip():
            self.notify("Nội dung ý kiến: không được để trống.", severity="error", markup=False)
            return
        self.submit(OpinionEdit(content=self.area.text,
                                field_id=select_value(self.query_one("#field", Select))))

    def action_answer(self) -> None:
        if self.keep_draft():
            self.dismiss(ANSWER)
