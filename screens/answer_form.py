"""Record (or correct) the answer to one opinion: who answered, what, the outcome;
for an assignment the agency and the deadline."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label, RadioButton, RadioSet, Static

from db import vndate
from db.errors import ValidationError
from db.models import Opinion, Outcome
from db.opinions import answerer_names, get_opinion, record_answer
from db.vndate import iso_date

from .draft_form import DraftForm
from .picker import PickerModal
from .store_call import FAILED, attempt
from .widgets.draft_area import DraftArea
from .widgets.opinions_table import who

OUTCOMES = list(Outcome)


def parse_deadline(text: str, default_year: int) -> str | None:
    """'30/6/2026', '30/6' (this year), '30.06.26', '2026-06-30' -> '2026-06-30';
    '' -> None. Raises ValidationError naming the field."""
    try:
        return iso_date(vndate.parse_deadline(text, default_year))
    except vndate.InputError as exc:
        raise ValidationError("Thời hạn", exc.message) from None


def dmy(iso: str | None) -> str:
    return vndate.dmy(iso, zero=False)


class AnswerModal(DraftForm[Opinion | None]):
    """Writes the answer itself; dismisses with the updated opinion."""

    BINDINGS = [
        Binding("f2", "pick_name", "Chọn người trả lời", priority=True),
        *(Binding(f"f{3 + i}", f"outcome({i})", o.key_label, priority=True) for i, o in enumerate(OUTCOMES)),
    ]

    def __init__(self, opinion_id: int, meeting_id: int, meeting_year: int) -> None:
        super().__init__(meeting_id, f"answer:{opinion_id}")
        self.opinion_id = opinion_id
        self.meeting_year = meeting_year

    def compose(self) -> ComposeResult:
        db = self.app.db
        o = get_opinion(db, self.opinion_id)
        self.names = answerer_names(db, self.meeting_id)
        text = self.starting_text(o.answer or "")
        current = o.outcome or Outcome.ANSWERED
        with Vertical(classes="dialog answer"):
            yield Static(Text(f"Trả lời ý kiến số {o.number} · {who(o)}"
                              + (f" · {o.field_name}" if o.field_name else "")), classes="dialog-title")
            yield Static(Text(o.content), classes="dialog-quote")
            with Grid(classes="form"):
                yield Label("Người trả lời")
                yield Input(o.answered_by or (self.names[0] if self.names else ""), id="answered-by",
                            compact=True, suggester=SuggestFromList(self.names, case_sensitive=False))
                yield Label("Kết quả")
                with RadioSet(id="outcome", compact=True):
                    for outcome in OUTCOMES:
                        yield RadioButton(outcome.label, value=(outcome is current))
                yield Label("Cơ quan / cấp")
                yield Input(o.agency or "", id="agency", compact=True,
                            placeholder="giao cho ai / kiến nghị cấp nào")
                yield Label("Phối hợp")
                yield Input(o.co_agency or "", id="co-agency", compact=True, placeholder="cơ quan phối hợp (nếu có)")
                yield Label("Thời hạn")
                yield Input(dmy(o.deadline), id="deadline", compact=True, placeholder="ngày/tháng/năm")
            yield Label("Nội dung trả lời")
            yield DraftArea(text, draft_key=self.draft_key, id="answer-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.area.focus()

    def action_outcome(self, index: int) -> None:
        radio = self.query_one("#outcome", RadioSet)
        list(radio.query(RadioButton))[index].value = True

    def action_pick_name(self) -> None:
        def chosen(result) -> None:
            if result is not None:
                self.query_one("#answered-by", Input).value = result[0]
            self.area.focus()

        self.app.push_screen(PickerModal("Người trả lời", [(n, n) for n in self.names],
                                         self.query_one("#answered-by", Input).value), chosen)

    def action_save(self) -> None:
        radio = self.query_one("#outcome", RadioSet)
        outcome = OUTCOMES[radio.pressed_index if radio.pressed_index >= 0 else 0]
        deadline = attempt(self, parse_deadline, self.query_one("#deadline", Input).value,
                           self.meeting_year)
        if deadline is FAILED:
            return
        result = attempt(
            self, record_answer, self.app.db, self.opinion_id, outcome=outcome,
            answered_by=self.query_one("#answered-by", Input).value,
            answer=self.area.text,
            agency=self.query_one("#agency", Input).value, deadline=deadline,
            co_agency=self.query_one("#co-agency", Input).value,
            draft_key=self.draft_key, now=self.app.clock(),
        )
        if result is not FAILED:
            self.recorded(result)
