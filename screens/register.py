"""Register a citizen to speak: honorific, name, hamlet, field, organisation."""

from __future__ import annotations

import unicodedata

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label, RadioButton, RadioSet, Select, Static

from db.models import HONORIFICS, Field, Speaker
from db.speakers import register_speaker

from .store_call import FAILED, attempt


def field_options(fields: list[Field]) -> list[tuple[Text, int]]:
    return [(Text(f.name), f.id) for f in fields]


def select_value(select: Select) -> int | None:
    value = select.value
    return None if value is Select.NULL else value


class RegisterModal(ModalScreen[Speaker | None]):
    """Writes the registration itself; dismisses with the new speaker. On an error the
    message is shown and everything typed stays."""

    CSS_PATH = "live.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Lưu"),
        Binding("escape", "cancel", "Hủy"),
    ]

    def __init__(self, meeting_id: int, fields: list[Field], hamlets: list[str]) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.fields = fields
        self.hamlets = hamlets

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Đăng ký phát biểu"), classes="dialog-title")
            with Grid(classes="form"):
                yield Label("Danh xưng")
                with RadioSet(id="honorific", compact=True):
                    for i, h in enumerate(HONORIFICS):
                        yield RadioButton(h, value=(i == 0))
                yield Label("Họ và tên")
                yield Input(id="name", compact=True)
                yield Label("Thôn / địa chỉ")
                yield Input(id="hamlet", compact=True,
                            suggester=SuggestFromList(self.hamlets, case_sensitive=False))
                yield Label("Lĩnh vực")
                yield Select(field_options(self.fields), id="field", prompt="— chưa rõ —",
                             compact=True)
                yield Label("Tổ chức")
                yield Input(id="organisation", compact=True, placeholder="(nếu có)")
            yield Static(Text("Enter hoặc Ctrl+S: lưu · Esc: hủy · → nhận gợi ý thôn"),
                         classes="dialog-hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._honorific_chosen = False  # the secretary picked Ông/Bà by hand
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
        result = attempt(
            self, register_speaker, self.app.db, self.meeting_id,
            honorific=HONORIFICS[index],
            name=self.query_one("#name", Input).value,
            hamlet=self.query_one("#hamlet", Input).value,
            organisation=self.query_one("#organisation", Input).value,
            field_id=select_value(self.query_one("#field", Select)),
            now=self.app.clock(),
        )
        if result is not FAILED:
            self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)
