"""Register a citizen to speak, or correct a registration: honorific, name, hamlet,
field, organisation. The form returns what was typed (SpeakerForm); the screen
records it and, if the store refuses, opens the form again with the same values."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label, RadioButton, RadioSet, Select, Static

from db.models import HONORIFICS, Field, Speaker

from .draft_form import FORM_BREAKPOINTS, FormNotices


def field_options(fields: list[Field]) -> list[tuple[Text, int]]:
    return [(Text(f.name), f.id) for f in fields]


def select_value(select: Select) -> int | None:
    value = select.value
    return None if value is Select.NULL else value


@dataclass(frozen=True)
class SpeakerForm:
    """What the secretary typed about a speaker."""

    honorific: str
    name: str
    hamlet: str
    organisation: str
    field_id: int | None

    @classmethod
    def of(cls, s: Speaker) -> "SpeakerForm":
        return cls(s.honorific, s.name, s.hamlet or "", s.organisation or "", s.field_id)

    def as_store_args(self) -> dict:
        return {"honorific": self.honorific, "name": self.name, "hamlet": self.hamlet,
                "organisation": self.organisation, "field_id": self.field_id}


class RegisterModal(FormNotices, ModalScreen["SpeakerForm | None"]):
    """Dismisses with a SpeakerForm, or None (Esc)."""

    CSS_PATH = "live.tcss"
    VERTICAL_BREAKPOINTS = FORM_BREAKPOINTS
    BINDINGS = [
        Binding("ctrl+s", "save", "Lưu"),
        Binding("escape", "cancel", "Hủy"),
    ]

    def __init__(self, fields: list[Field], hamlets: list[str], *, values: SpeakerForm | None = None,
                 title: str = "Đăng ký phát biểu") -> None:
        super().__init__()
        self.fields = fields
        self.hamlets = hamlets
        self.values = values
        self.title_text = title

    def compose(self) -> ComposeResult:
        v = self.values
        honorific = HONORIFICS.index(v.honorific) if v and v.honorific in HONORIFICS else 0
        with VerticalScroll(classes="dialog"):
            yield Static(Text(self.title_text), classes="dialog-title")
            with Grid(classes="form"):
                yield Label("Danh xưng")
                with RadioSet(id="honorific", compact=True):
                    for i, h in enumerate(HONORIFICS):
                        yield RadioButton(h, value=(i == honorific))
                yield Label("Họ và tên")
                yield Input(v.name if v else "", id="name", compact=True)
                yield Label("Thôn / địa chỉ")
                yield Input(v.hamlet if v else "", id="hamlet", compact=True,
                            suggester=SuggestFromList(self.hamlets, case_sensitive=False))
                yield Label("Lĩnh vực")
                yield Select(field_options(self.fields), id="field", prompt="— chưa rõ —", compact=True,
                             value=v.field_id if v and v.field_id is not None else Select.NULL)
                yield Label("Tổ chức")
                yield Input(v.organisation if v else "", id="organisation", compact=True,
                            placeholder="(nếu có)")
            yield Static(Text("Enter hoặc Ctrl+S: lưu · Esc: hủy · → nhận gợi ý thôn"),
                         classes="dialog-hint")
            yield Static("", classes="dialog-error")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # The secretary picked Ông/Bà by hand (or is correcting a registration).
        self._honorific_chosen = self.values is not None
        self._guessing = False
        self.query_one("#name", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """'Thị' as a middle name marks a woman: pre-select Bà until chosen by hand."""
        if event.input.id != "name" or self._honorific_chosen:
            return
        words = unicodedata.normalize("NFC", event.value).casefold().split()
        guess = 1 if "thị" in words[1:] else 0
        button = list(self.query_one("#honorific", RadioSet).query(RadioButton).results(RadioButton))[guess]
        if not button.value:
            self._guessing = True
            button.value = True

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if self._guessing:
            self._guessing = False
        else:
            self._honorific_chosen = True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        radio = self.query_one("#honorific", RadioSet)
        index = radio.pressed_index if radio.pressed_index >= 0 else 0
        name = self.query_one("#name", Input).value
        if not name.strip():
            self.notify("Họ và tên: chưa nhập.", severity="error", markup=False)
            self.query_one("#name", Input).focus()
            return
        self.dismiss(SpeakerForm(
            honorific=HONORIFICS[index], name=name,
            hamlet=self.query_one("#hamlet", Input).value,
            organisation=self.query_one("#organisation", Input).value,
            field_id=select_value(self.query_one("#field", Select)),
        ))

    def action_cancel(self) -> None:
        self.dismiss(None)
