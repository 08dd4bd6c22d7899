"""The answer to one opinion: who answered, what, the outcome; for an assignment or a
forward the agency (and for an assignment the deadline). The form returns what was
typed (AnswerForm); the live screen records it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import Footer, Input, Label, RadioButton, RadioSet, Static

from db import vndate, workdays
from db.models import Opinion, Outcome
from db.vndate import iso_date

from .draft_form import DraftForm, Drafts
from .store_call import FAILED, attempt
from .widgets.choice_input import ChoiceInput
from .widgets.draft_area import DraftArea
from .widgets.opinions_table import who

OUTCOMES = list(Outcome)
#: Outcomes that name an agency (or a level): choosing one moves the focus there.
NEEDS_AGENCY = tuple(o for o in Outcome if o.shows_agency)


def parse_deadline(text: str, meeting_day: date) -> str | None:
    """'30/6/2026', '30/6' (the meeting's year), '30.06.26', '2026-06-30' -> '2026-06-30',
    or 'N ngày làm việc' counted from the meeting's date (an answer given at the meeting
    assigns on that day), as the follow-up form counts (db.workdays.parse_deadline);
    '' -> None. A date before the meeting is refused. Raises ValidationError naming the field."""
    return iso_date(workdays.parse_deadline(text, meeting_day, label="Thời hạn", not_before=meeting_day))


def dmy(iso: str | None) -> str:
    return vndate.dmy(iso, zero=False)


@dataclass(frozen=True)
class AnswerForm:
    """What the secretary typed in the answer form."""

    outcome: Outcome
    answered_by: str
    answer: str
    agency: str
    deadline: str | None  # ISO date
    deadline_text: str = ""
    co_agency: str = ""


class AnswerModal(DraftForm["AnswerForm | None"]):
    """Dismisses with an AnswerForm (the screen records it) or None."""

    BINDINGS = [
        Binding("f2", "focus_name", "Người trả lời", priority=True),
        *(Binding(f"f{3 + i}", f"outcome({i})", o.key_label, priority=True) for i, o in enumerate(OUTCOMES)),
        *(Binding(f"alt+{1 + i}", f"outcome({i})", o.key_label, show=False, priority=True)
          for i, o in enumerate(OUTCOMES)),
    ]

    def __init__(self, opinion: Opinion, names: list[str], agencies: list[str], meeting_day: date,
                 drafts: Drafts, *, values: AnswerForm | None = None, problem: str | None = None) -> None:
        super().__init__(drafts, f"answer:{opinion.id}")
        self.opinion = opinion
        self.names = names
        self.agencies = agencies
        self.meeting_day = meeting_day
        self.values = values
        self.problem = problem

    def compose(self) -> ComposeResult:
        o, v = self.opinion, self.values
        text = self.starting_text(o.answer or "")
        current = v.outcome if v else (o.outcome or Outcome.ANSWERED)
        answered_by = v.answered_by if v else (o.answered_by or (self.names[0] if self.names else ""))
        with VerticalScroll(classes="dialog answer"):
            yield Static(Text(f"Trả lời ý kiến số {o.number} · {who(o)}"
                              + (f" · {o.field_name}" if o.field_name else "")), classes="dialog-title")
            yield Static(Text(o.content), classes="dialog-quote")
            with Grid(classes="form"):
                yield Label("Người trả lời")
                yield ChoiceInput(answered_by, self.names, input_id="answered-by",
                                  placeholder="gõ vài chữ: chủ trì, công chức…")
                yield Label("Kết quả")
                with RadioSet(id="outcome", compact=True):
                    for outcome in OUTCOMES:
                        yield RadioButton(outcome.label, value=(outcome is current))
                yield Label("Cơ quan / cấp")
                yield ChoiceInput(v.agency if v else (o.agency or ""), self.agencies, input_id="agency",
                                  placeholder="giao cho ai / kiến nghị cấp nào")
                yield Label("Thời hạn")
                yield Input(v.deadline_text if v else dmy(o.deadline), id="deadline", compact=True,
                            placeholder="30/6/2026 hoặc 10 ngày làm việc")
                yield Label("Phối hợp")
                yield ChoiceInput(v.co_agency if v else (o.co_agency or ""), self.agencies, input_id="co-agency",
                                  placeholder="cơ quan phối hợp (nếu có)")
            yield Label("Nội dung trả lời")
            yield DraftArea(text, draft_key=self.draft_key, id="answer-text")
            yield Static(Text(self.problem or ""), classes="dialog-error" + (" -shown -error" if self.problem else ""))
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.area.focus()

    def _choose_outcome(self, index: int) -> None:
        radio = self.query_one("#outcome", RadioSet)
        list(radio.query(RadioButton))[index].value = True

    def action_outcome(self, index: int) -> None:
        self._choose_outcome(index)
        if OUTCOMES[index] in NEEDS_AGENCY:
            self.query_one("#agency", Input).focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.has_focus_within and OUTCOMES[event.index] in NEEDS_AGENCY:
            self.query_one("#agency", Input).focus()

    def action_focus_name(self) -> None:
        self.query_one("#answered-by", Input).focus()

    def on_choice_input_chosen(self, event: ChoiceInput.Chosen) -> None:
        if event.choice_input.input_id == "agency":
            self.query_one("#deadline", Input).focus()
        else:
            self.area.focus()

    def action_save(self) -> None:
        radio = self.query_one("#outcome", RadioSet)
        outcome = OUTCOMES[radio.pressed_index if radio.pressed_index >= 0 else 0]
        typed = self.query_one("#deadline", Input).value
        deadline = attempt(self, parse_deadline, typed, self.meeting_day)
        if deadline is FAILED:
            self.query_one("#deadline", Input).focus()
            return
        self.submit(AnswerForm(outcome=outcome, answered_by=self.query_one("#answered-by", Input).value,
                               answer=self.area.text, agency=self.query_one("#agency", Input).value,
                               co_agency=self.query_one("#co-agency", Input).value,
                               deadline=deadline, deadline_text=typed))
