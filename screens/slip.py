"""A written slip handed in during the meeting (phiếu ghi ý kiến): an opinion without
a speaker, with its writer and address when the slip gives them."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label, Select, Static

from db.models import Field, Opinion, Source
from db.opinions import record_opinion

from .draft_form import DraftForm
from .register import field_options, select_value
from .store_call import FAILED, attempt
from .widgets.draft_area import DraftArea

SLIP_DRAFT = "slip"


class SlipModal(DraftForm[Opinion | None]):
    """Writes the slip itself; dismisses with the new opinion."""

    def __init__(self, meeting_id: int, fields: list[Field], hamlets: list[str]) -> None:
        super().__init__(meeting_id, SLIP_DRAFT)
        self.fields = fields
        self.hamlets = hamlets

    def compose(self) -> ComposeResult:
        text = self.starting_text("")
        with Vertical(classes="dialog"):
            yield Static(Text("Phiếu ghi ý kiến"), classes="dialog-title")
            with Grid(classes="form"):
                yield Label("Người viết")
                yield Input(id="author", compact=True, placeholder="(nếu phiếu có ghi)")
                yield Label("Địa chỉ")
                yield Input(id="address", compact=True,
                            suggester=SuggestFromList(self.hamlets, case_sensitive=False))
                yield Label("Lĩnh vực")
                yield Select(field_options(self.fields), id="field", prompt="— chưa rõ —",
                             compact=True)
            yield Label("Nội dung phiếu")
            yield DraftArea(text, draft_key=self.draft_key, id="slip-text")
            yield Static(Text("Ctrl+S: lưu · Esc: đóng (nội dung đang gõ được giữ lại)"),
                         classes="dialog-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        (self.area if self.restored else self.query_one("#author", Input)).focus()

    def action_save(self) -> None:
        result = attempt(
            self, record_opinion, self.app.db, self.meeting_id, self.area.text, source=Source.SLIP,
            author=self.query_one("#author", Input).value,
            author_address=self.query_one("#address", Input).value,
            field_id=select_value(self.query_one("#field", Select)),
            draft_key=self.draft_key, now=self.app.clock(),
        )
        if result is not FAILED:
            self.recorded(result)
