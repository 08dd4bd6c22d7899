"""The follow-up form: the state of one assignment, its deadline (a date or
"N ngày làm việc"), and the written answer when it comes. The form returns what was
typed (FollowupEntry); the follow-up screen records it (`db.followup.record_form`) and,
if the store refuses, opens the form again with the same values."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Footer, Input, Label, RadioButton, RadioSet, Static

from db.followup import Answer, State
from db.followup_list import FollowItem, known_agencies, match_agency
from db.vndate import dmy as _dmy
from db.workdays import counts_working_days, parse_day

from . import text_followup as t
from .store_call import FAILED, StoreAccess, attempt

#: The form's inputs: (id, label, placeholder).
INPUTS = [
    ("deadline", t.FORM_DEADLINE, t.FORM_DEADLINE_HINT),
    ("doc-number", t.FORM_DOC_NUMBER, "45/CV-UBND"),
    ("doc-date", t.FORM_DOC_DATE, "ngày/tháng/năm"),
    ("signer", t.FORM_SIGNER, ""),
    ("answer-agency", t.FORM_ANSWER_AGENCY, ""),
    ("summary", t.FORM_SUMMARY, ""),
    ("reason", t.FORM_REASON, t.FORM_REASON_HINT),
    ("file", t.FORM_FILE, t.FORM_FILE_HINT),
]


@dataclass(frozen=True)
class FollowupEntry:
    """What the form asks the store to record, and what was typed (to open it again)."""

    opinion_id: int
    state: State
    typed: tuple[tuple[str, str], ...]  # (input id, text) for every input of INPUTS
    deadline: str | None  # None: unchanged
    reason: str
    answer: Answer | None
    agency_note: str | None  # "Hiểu là cơ quan: …" when a typed name was matched
    deadline_note: str | None = None  # the date "N ngày làm việc" came to, and from when


class FollowupFormModal(StoreAccess, ModalScreen[FollowupEntry | None]):
    CSS_PATH = "followup.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", t.KEY_SAVE, priority=True),
        Binding("escape", "cancel", t.KEY_CANCEL),
    ]

    def __init__(self, item: FollowItem, entry: FollowupEntry | None = None) -> None:
        super().__init__()
        self.item = item
        self.entry = entry  # what was typed before the store refused it

    def compose(self) -> ComposeResult:
        i = self.item
        agencies = known_agencies(self.store.db)
        values = {"deadline": _dmy(i.deadline), "doc-number": i.doc_number or "", "doc-date": _dmy(i.doc_date),
                  "signer": i.signer or "", "answer-agency": i.answer_agency or i.agency,
                  "summary": i.summary or "", "reason": i.reason or "", "file": i.file_path or ""}
        if self.entry is not None:
            values.update(self.entry.typed)
        chosen = self.entry.state if self.entry is not None else i.state
        with Vertical(classes="dialog followup-form"):
            yield Static(Text(t.FORM_TITLE.format(number=i.number, meeting=i.meeting_id, agency=i.agency)),
                         classes="dialog-title")
            yield Static(Text(i.content), classes="dialog-quote")
            with Grid(classes="form"):
                yield Label(t.FORM_STATE)
                with RadioSet(id="state", compact=True):
                    for state in State:
                        yield RadioButton(state.label, value=state is chosen)
                for key, label, hint in INPUTS:
                    yield Label(label)
                    suggester = SuggestFromList(agencies, case_sensitive=False) if key == "answer-agency" else None
                    yield Input(values[key], id=key, placeholder=hint, compact=True, suggester=suggester)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#state", RadioSet).focus()

    def value(self, key: str) -> str:
        return self.query_one(f"#{key}", Input).value

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        radio = self.query_one("#state", RadioSet)
        state = list(State)[radio.pressed_index] if radio.pressed_index >= 0 else self.item.state
        answer = None
        note = None
        if state.answered:
            doc_date = attempt(self, parse_day, self.value("doc-date"), t.FORM_DOC_DATE, self.store.now().year)
            if doc_date is FAILED:
                return
            agency = self.value("answer-agency").strip()
            if agency:
                known = match_agency(self.store.db, agency).known
                if known and known != agency:
                    note, agency = t.AGENCY_UNDERSTOOD.format(name=known), known
            answer = Answer(doc_date=doc_date, doc_number=self.value("doc-number"), signer=self.value("signer"),
                            agency=agency, summary=self.value("summary"), file_path=self.value("file")) \
                if doc_date else None
        deadline = self.value("deadline")
        if deadline.strip() == _dmy(self.item.deadline):
            deadline = None
        typed = tuple((key, self.value(key)) for key, _, _ in INPUTS)
        self.dismiss(FollowupEntry(self.item.opinion_id, state, typed, deadline=deadline,
                                   reason=self.value("reason"), answer=answer, agency_note=note))


def deadline_note(item, typed: str | None, due) -> str | None:
    """'Thời hạn: 23/06/2026 (3 ngày làm việc tính từ ngày họp).' for a count of
    working days, which may well be a date already past."""
    if due is None or not counts_working_days(typed):
        return None
    since = t.FROM_LATER_ASSIGNMENT if item.assigned_later else t.FROM_MEETING
    return t.DEADLINE_COUNTED.format(due=f"{due:%d/%m/%Y}", typed=" ".join(typed.split()), since=since)
