"""The follow-up of an assignment, after the meeting and after the seal.

An opinion assigned to an agency or forwarded to the competent level is followed to
its written answer. The follow-up is a record of its own (tables `followups`,
`followup_journal`): the seal covers the minutes, not this, so recording an answer
never breaks a seal and never reopens the meeting. Every change is one transaction
with a row in the follow-up's hash-chained journal (db/followup_journal.py).

The vocabulary of the follow-up (its states and its deadline flags) is in db/vocabulary.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime

from . import followup_journal
from .clock import moment, system_clock
from .connection import transaction
from .errors import NotFound, StateError, ValidationError
from .vocabulary import Outcome
from .vocabulary_followup import DeadlineFlag, FollowState
from .plans import Plan, PlanStep
from .text import LONG, clean, clean_optional
from .workdays import parse_deadline

if TYPE_CHECKING:
    import sqlite_utils

#: Days after the meeting within which the results are published (Luật Tổ chức chính
#: quyền địa phương 2025, Điều 43), when the plan gives no timeline of its own.
NOTICE_DAYS = 10
#: An open item is "Sắp đến hạn" when at most this many working days remain.
DUE_SOON_WORKING_DAYS = 3


#: The journal's operation for the chair's later assignment (its day counts deadlines).
ASSIGN_OP = "followup.assign"

#: The programme step the next meeting opens with (copied plans are offered it).
CARRY_OVER_STEP = "Báo cáo kết quả giải quyết ý kiến, kiến nghị của Nhân dân tại hội nghị lần trước"


def with_carry_over_step(plan: Plan) -> Plan:
    """The plan copied for the next meeting, with the step "kết quả giải quyết kiến nghị
    lần trước" before the dialogue unless a step already reports it."""
    if any("lan truoc" in _fold(step.content) for step in plan.programme):
        return plan
    at = next((i for i, step in enumerate(plan.programme) if step.dialogue), len(plan.programme))
    step = PlanStep(CARRY_OVER_STEP, lead=None, minutes=10)
    return replace(plan, programme=[*plan.programme[:at], step, *plan.programme[at:]])


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: The follow-up's vocabulary lives in db/vocabulary.py; these names are its short forms here.
State = FollowState
Flag = DeadlineFlag
#: The outcomes of the meeting that need a follow-up without anyone asking.
FOLLOWED_OUTCOMES = tuple(o for o in Outcome if o.followed_up)


@dataclass(frozen=True)
class Answer:
    """The written answer (văn bản trả lời)."""

    doc_date: date
    doc_number: str | None = None
    signer: str | None = None
    agency: str | None = None
    summary: str | None = None
    file_path: str | None = None


def _opinion_row(db: sqlite_utils.Database, opinion_id: int) -> dict:
    rows = list(db.query(
        "SELECT o.id, o.number, o.meeting_id, o.outcome, o.agency, o.deadline, m.date AS meeting_date, "
        "f.state, f.id AS followup_id, f.assigned_later FROM opinions o JOIN meetings m ON m.id = o.meeting_id "
        "LEFT JOIN followups f ON f.opinion_id = o.id WHERE o.id = ?", [opinion_id]))
    if not rows:
        raise NotFound(f"Không có ý kiến mã {opinion_id}.")
    return rows[0]


def _followed(row: dict) -> bool:
    return row["outcome"] in {o.value for o in FOLLOWED_OUTCOMES} or bool(row["assigned_later"])


def _ensure_row(db: sqlite_utils.Database, row: dict, at: str) -> None:
    if row["followup_id"] is None:
        db.execute("INSERT INTO followups (opinion_id, state, updated_at) VALUES (?, ?, ?)",
                   [row["id"], State.PENDING.value, at])


def set_state(db: sqlite_utils.Database, opinion_id: int, state: State | str, *,
              reason: str | None = None, answer: Answer | None = None,
              now: datetime | None = None) -> None:
    """Move an assignment to `state`. An answered state needs the written answer (its
    date not in the future); "chưa giải quyết được" also needs the reason."""
    try:
        state = State(state)
    except ValueError:
        raise ValidationError("Trạng thái", "phải là: " + ", ".join(s.label for s in State)) from None
    now = now or system_clock()
    reason = clean_optional(reason, "Lý do", max_len=LONG, multiline=True)
    if state.needs_reason and not reason:
        raise ValidationError("Lý do", "cần ghi lý do khi chưa giải quyết được")
    values: dict[str, object] = {"state": state.value, "reason": reason if state.needs_reason else None}
    if state.answered:
        if answer is None:
            raise ValidationError("Văn bản trả lời", "cần ngày của văn bản trả lời")
        values.update(_answer_values(answer, now.date()))
    else:
        values.update(dict.fromkeys(("doc_number", "doc_date", "signer", "answer_agency", "summary",
                                     "file_path")))
    at = moment(now)
    with transaction(db):
        row = _opinion_row(db, opinion_id)
        if not _followed(row):
            raise StateError(f"Ý kiến số {row['number']} không được giao giải quyết; "
                             "muốn theo dõi hãy giao cơ quan trước.")
        if values.get("doc_date") and values["doc_date"] < row["meeting_date"]:
            raise ValidationError("Ngày văn bản trả lời", "ở trước ngày họp; hãy kiểm tra lại ngày")
        _ensure_row(db, row, at)
        sets = ", ".join(f"{k} = ?" for k in values)
        db.execute(f"UPDATE followups SET {sets}, updated_at = ? WHERE opinion_id = ?",
                   [*values.values(), at, opinion_id])
        followup_journal.append(db, row["meeting_id"], "followup.state", row["number"],
                                {k: v for k, v in values.items() if v is not None}, at=at)


def _answer_values(answer: Answer, today: date) -> dict[str, object]:
    if not isinstance(answer.doc_date, date):
        raise ValidationError("Ngày văn bản trả lời", "không hợp lệ")
    if answer.doc_date > today:
        raise ValidationError("Ngày văn bản trả lời",
                              f"{answer.doc_date:%d/%m/%Y} là ngày trong tương lai (hôm nay {today:%d/%m/%Y})")
    return {
        "doc_number": clean_optional(answer.doc_number, "Số văn bản"),
        "doc_date": answer.doc_date.isoformat(),
        "signer": clean_optional(answer.signer, "Người ký"),
        "answer_agency": clean_optional(answer.agency, "Cơ quan trả lời"),
        "summary": clean_optional(answer.summary, "Trích yếu nội dung trả lời", max_len=LONG, multiline=True),
        "file_path": clean_optional(answer.file_path, "Tệp văn bản trả lời", max_len=1000),
    }


def assigned_on(db: sqlite_utils.Database, row: dict) -> date:
    """The day the item was assigned, from which "N ngày làm việc" is counted: the
    meeting's date for an opinion assigned or forwarded at the meeting, the day of the
    chair's later assignment (its row in the follow-up journal) for one assigned later."""
    day = date.fromisoformat(row["meeting_date"])
    if row["assigned_later"]:
        found = db.execute(
            "SELECT at FROM followup_journal WHERE meeting_id = ? AND op = ? AND opinion = ? "
            "ORDER BY seq DESC LIMIT 1", [row["meeting_id"], ASSIGN_OP, row["number"]]).fetchone()
        if found:
            day = datetime.fromisoformat(found[0]).date()
    return day


def reschedule(db: sqlite_utils.Database, opinion_id: int, deadline: str | date, *,
               agency: str | None = None, now: datetime | None = None) -> date:
    """Set a new deadline and, if given, another agency, for an item already followed.
    The deadline is a date, or 'N ngày làm việc' counted from the assignment
    (`assigned_on`: the meeting, or the chair's later assignment), never from the day it
    is typed; a date before the meeting is refused. Returns the deadline."""
    now = now or system_clock()
    agency = clean_optional(agency, "Cơ quan được giao")
    at = moment(now)
    with transaction(db):
        row = _opinion_row(db, opinion_id)
        if not _followed(row):
            raise StateError(f"Ý kiến số {row['number']} không được giao giải quyết.")
        due = parse_deadline(deadline, assigned_on(db, row), not_before=date.fromisoformat(row["meeting_date"]))
        if due is None:
            raise ValidationError("Thời hạn", "không được để trống")
        _ensure_row(db, row, at)
        db.execute("UPDATE followups SET deadline = ?, agency = coalesce(?, agency), updated_at = ? "
                   "WHERE opinion_id = ?", [due.isoformat(), agency, at, opinion_id])
        followup_journal.append(db, row["meeting_id"], "followup.deadline", row["number"],
                                {"deadline": due.isoformat(), "agency": agency}, at=at)
    return due


def assign_later(db: sqlite_utils.Database, opinion_id: int, agency: str, deadline: str | date, *,
                 now: datetime | None = None) -> date:
    """The chair assigns, after the meeting, an opinion that was answered or noted;
    'N ngày làm việc' counts from this assignment (`now`)."""
    agency = clean(agency, "Cơ quan được giao")
    now = now or system_clock()
    at = moment(now)
    with transaction(db):
        row = _opinion_row(db, opinion_id)
        if _followed(row):
            raise StateError(f"Ý kiến số {row['number']} đã được giao giải quyết.")
        due = parse_deadline(deadline, now.date(), not_before=date.fromisoformat(row["meeting_date"]))
        if due is None:
            raise ValidationError("Thời hạn", "không được để trống khi giao giải quyết")
        _ensure_row(db, row, at)
        db.execute("UPDATE followups SET assigned_later = 1, agency = ?, deadline = ?, updated_at = ? "
                   "WHERE opinion_id = ?", [agency, due.isoformat(), at, opinion_id])
        followup_journal.append(db, row["meeting_id"], ASSIGN_OP, row["number"],
                                {"agency": agency, "deadline": due.isoformat()}, at=at)
    return due


def link_repeat(db: sqlite_utils.Database, opinion_id: int, earlier_id: int | None, *,
                now: datetime | None = None) -> None:
    """Link an opinion to an earlier one (of another meeting) it raises again; None unlinks."""
    at = moment(now)
    with transaction(db):
        row = _opinion_row(db, opinion_id)
        if earlier_id is None:
            db.execute("DELETE FROM repeats WHERE opinion_id = ?", [opinion_id])
            data = {"earlier": None}
        else:
            earlier = _opinion_row(db, earlier_id)
            if earlier["meeting_id"] == row["meeting_id"] or earlier["meeting_date"] > row["meeting_date"]:
                raise ValidationError("Ý kiến lần trước", "phải thuộc một hội nghị trước đó")
            db.execute("INSERT OR REPLACE INTO repeats (opinion_id, earlier_id) VALUES (?, ?)",
                       [opinion_id, earlier_id])
            data = {"earlier_meeting_date": earlier["meeting_date"], "earlier_number": earlier["number"]}
        followup_journal.append(db, row["meeting_id"], "followup.repeat", row["number"], data, at=at)


def mark_task(db: sqlite_utils.Database, meeting_id: int, task: str, done_on: date | None, *,
              now: datetime | None = None) -> None:
    """Mark a task of the plan's timeline after the meeting as done (None: not done)."""
    task = clean(task, "Nhiệm vụ")
    now = now or system_clock()
    if done_on is not None and done_on > now.date():
        raise ValidationError("Ngày hoàn thành", f"{done_on:%d/%m/%Y} là ngày trong tương lai")
    with transaction(db):
        if done_on is None:
            db.execute("DELETE FROM followup_tasks WHERE meeting_id = ? AND task = ?", [meeting_id, task])
        else:
            db.execute("INSERT OR REPLACE INTO followup_tasks (meeting_id, task, done_on) VALUES (?, ?, ?)",
                       [meeting_id, task, done_on.isoformat()])
        followup_journal.append(db, meeting_id, "followup.task", None,
                                {"task": task, "done_on": done_on.isoformat() if done_on else None},
                                at=moment(now))


def record_form(db: sqlite_utils.Database, opinion_id: int, state: State | str, *,
                deadline: str | date | None = None, reason: str | None = None,
                answer: Answer | None = None, now: datetime | None = None) -> date | None:
    """What the follow-up form saves, all or nothing: a new deadline if one is given
    (a date or 'N ngày làm việc', see `reschedule`), then the state with its answer.
    Returns the new deadline, or None when it was not changed."""
    now = now or system_clock()
    due = None
    with transaction(db):
        if deadline not in (None, ""):
            due = reschedule(db, opinion_id, deadline, now=now)
        set_state(db, opinion_id, state, reason=reason, answer=answer, now=now)
    return due
