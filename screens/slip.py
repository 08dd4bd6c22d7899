"""A written slip handed in during the meeting (phiếu ghi ý kiến): an opinion without
a speaker, with its writer and address when the slip gives them. The form returns
what was typed (SlipForm); the screen records it."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label, Select, Static

from db.models import Field

from .draft_form import DraftForm, Drafts
from .register import field_options, select_value
from .widgets.draft_area import DraftArea

SLIP_DRAFT = "slip"


@dataclass(frozen=True)
class SlipForm:
    author: str
    address: str
    field_id: int | None
    content: str


class SlipModal(DraftForm["SlipForm | None"]):
    """Dismisses with a SlipForm, or None."""

    def __init__(self, fields: list[Field], hamlets: list[str], drafts: Drafts, *,
                 values: SlipForm | None = None) -> None:
        super().__init__(drafts, SLIP_DRAFT)
        self.fields = fields
        self.hamlets = hamlets
        self.values = values

    def compose(self) -> ComposeResult:
        v = self.values
        text = self.starting_text("")
        with VerticalScroll(classes="dialog"):
            yield Static(Text("Phiếu ghi ý kiến"), classes="dialog-title")
            with Grid(classes="form"):
                yield Label("Người viết")
                yield Input(v.author if v else "", id="author", compact=True,
                            placeholder="(nếu phiếu có ghi)")
                yield Label("Địa chỉ")
                yield Input(v.address if v else "", id="address", compact=True,
                            suggester=SuggestFromList(self.hamlets, case_sensitive=False))
                yield Label("Lĩnh vực")
                yield Select(field_options(self.fields), id="field", prompt="— chưa rõ —", compact=True,
                             value=v.field_id if v and v.field_id is not None else Select.NULL)
            yield Label("Nội dung phiếu")
            yield DraftArea(text, draft_key=self.draft_key, id="slip-text")
            yield Static(Text("Ctrl+S: lưu · Esc: đóng (nội dung đang gõ được giữ lại)"),
                         classes="dialog-hint")
            yield Static("", classes="dialog-error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        (self.area if self.restored or self.values else self.query_one("#author", Input)).focus()

    def action_save(self) -> None:
        if not self.area.text.strip():
            self.notify("Nội dung phiếu: chưa nhập.", severity="error", markup=False)
            self.area.focus()
            return
        self.submit(SlipForm(author=self.query_one("#author", Input).value,
                             address=self.query_one("#address", Input).value,
                             field_id=select_value(self.query_one("#field", Select)),
                             content=self.area.text))
