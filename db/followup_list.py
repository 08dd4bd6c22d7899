"""Reading the follow-up: open items across meetings with their flags, the plan's
tasks after the meeting, overdue counts, and agency names matched as people type them.

Flags depend on "today", which callers pass from their (injectable) clock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import difflib
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from .connection import read_snapshot
from .errors import StoreError
from .followup import DUE_SOON_WORKING_DAYS, FOLLOWED_OUTCOMES, NOTICE_DAYS, Flag, State
from .vocabulary import HIGHER_LEVEL, MeetingStatus
from .meetings import get_timeline
from .models import Outcome, Source
from .workdays import count_between

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class FollowItem:
    opinion_id: int
    meeting_id: int
    meeting_title: str
    meeting_date: str  # YYYY-MM-DD
    number: int  # the opinion's number in its meeting
    content: str
    source: Source
    field: str | None
    locality: str | None  # the speaker's hamlet or the writer's address
    author: str | None  # "Ông Nguyễn Văn An" or the slip's writer
    outcome: Outcome | None
    agency: str  # who must answer (HIGHER_LEVEL for a forwarded opinion without one)
    deadline: str | None  # YYYY-MM-DD
    state: State
    reason: str | None
    doc_number: str | None
    doc_date: str | None
    signer: str | None
    answer_agency: str | None
    summary: str | None
    file_path: str | None
    assigned_later: bool
    repeated_in: tuple[str, ...]  # "18/06/2027 (ý kiến số 4)": later meetings where it came back
    repeats: str | None  # "18/06/2026 (ý kiến số 7)": the earlier opinion this one repeats
    flag: Flag | None  # None once answered
    days: int | None  # working days overdue (Quá hạn) or left (otherwise); None without deadline

    @property
    def is_open(self) -> bool:
        return not self.state.answered

    @property
    def flag_text(self) -> str:
        """'Quá hạn 4 ngày làm việc', 'Sắp đến hạn (còn 2 ngày)', 'Đã giải quyết'."""
        if self.flag is None:
            return self.state.short
        if self.flag is Flag.OVERDUE:
            return f"{self.flag.label} {self.days} ngày làm việc" if self.days else self.flag.label
        if self.flag is Flag.DUE_SOON:
            return f"{self.flag.label} (còn {self.days} ngày)" if self.days else f"{self.flag.label} (hôm nay)"
        return self.flag.label

    @property
    def flag_short(self) -> str:
        """'Quá hạn 4', 'Sắp đến hạn 2' (working days), 'Trong hạn', 'Đã giải quyết'."""
        if self.flag in (Flag.OVERDUE, Flag.DUE_SOON) and self.days:
            return f"{self.flag.label} {self.days}"
        return self.flag.label if self.flag else self.state.short

    @property
    def answer_reference(self) -> str | None:
        """'Số 12/UBND, ngày 25/06/2026' for the exchange sheet's column."""
        if not self.doc_date:
            return None
        when = date.fromisoformat(self.doc_date).strftime("%d/%m/%Y")
        return f"Số {self.doc_number}, ngày {when}" if self.doc_number else f"Ngày {when}"

    def urgency(self) -> tuple:
        if self.flag is None:
            return (len(Flag), 0, self.meeting_date, self.number)
        days = -(self.days or 0) if self.flag is Flag.OVERDUE else (self.days if self.days is not None else 0)
        return (self.flag.rank, days, self.deadline or "", self.meeting_date, self.number)


def is_overdue(deadline: date, today: date) -> bool:
    """An open item is overdue (Quá hạn) from the day after its deadline."""
    return today > deadline


def flag_for(deadline: date | None, today: date) -> tuple[Flag, int | None]:
    """The flag of an open item and its working days (overdue, or left until the deadline)."""
    if deadline is None:
        return Flag.NO_DEADLINE, None
    if is_overdue(deadline, today):
        return Flag.OVERDUE, count_between(deadline, today)
    left = count_between(today, deadline)
    return (Flag.DUE_SOON if left <= DUE_SOON_WORKING_DAYS else Flag.IN_TIME), left


_SELECT = """
SELECT o.id, o.number, o.meeting_id, m.title, m.date AS meeting_date, o.content, o.source, o.outcome,
       fl.name AS field_name, coalesce(s.hamlet, o.author_address) AS locality,
       coalesce(s.honorific || ' ' || s.name, o.author) AS author,
       coalesce(f.agency, o.agency) AS agency, coalesce(f.deadline, o.deadline) AS deadline,
       f.state AS state, f.reason, f.doc_number, f.doc_date, f.signer, f.answer_agency,
       f.summary, f.file_path, coalesce(f.assigned_later, 0) AS assigned_later,
       em.date AS earlier_date, eo.number AS earlier_number
FROM opinions o
JOIN meetings m ON m.id = o.meeting_id
LEFT JOIN followups f ON f.opinion_id = o.id
LEFT JOIN fields fl ON fl.id = o.field_id
LEFT JOIN speakers s ON s.id = o.speaker_id
LEFT JOIN repeats r ON r.opinion_id = o.id
LEFT JOIN opinions eo ON eo.id = r.earlier_id
LEFT JOIN meetings em ON em.id = eo.meeting_id
WHERE (o.outcome IN ({outcomes}) OR f.assigned_later = 1)
"""


def _where(meeting_id: int | None, opinion_id: int | None) -> tuple[str, list]:
    sql = _SELECT.format(outcomes=", ".join("?" for _ in FOLLOWED_OUTCOMES))
    params: list = [o.value for o in FOLLOWED_OUTCOMES]
    if meeting_id is not None:
        sql += " AND o.meeting_id = ?"
        params.append(meeting_id)
    if opinion_id is not None:
        sql += " AND o.id = ?"
        params.append(opinion_id)
    return sql, params


def _ref(day: str, number: int) -> str:
    return f"{date.fromisoformat(day):%d/%m/%Y} (ý kiến số {number})"


def _repeated_in(db: sqlite_utils.Database) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for earlier_id, day, number in db.execute(
            "SELECT r.earlier_id, m.date, o.number FROM repeats r JOIN opinions o ON o.id = r.opinion_id "
            "JOIN meetings m ON m.id = o.meeting_id ORDER BY m.date, o.number"):
        out.setdefault(earlier_id, []).append(_ref(day, number))
    return {k: tuple(v) for k, v in out.items()}


def _state(r: dict) -> State:
    return State(r["state"]) if r["state"] else State.PENDING  # no follow-up row yet


def _item(r: dict, today: date, repeated: dict[int, tuple[str, ...]]) -> FollowItem:
    state = _state(r)
    deadline = r["deadline"]
    flag, days = (None, None) if state.answered else flag_for(
        date.fromisoformat(deadline) if deadline else None, today)
    return FollowItem(
        opinion_id=r["id"], meeting_id=r["meeting_id"], meeting_title=r["title"], meeting_date=r["meeting_date"],
        number=r["number"], content=r["content"], source=Source(r["source"]), field=r["field_name"],
        locality=r["locality"], author=r["author"], outcome=Outcome(r["outcome"]) if r["outcome"] else None,
        agency=r["agency"] or HIGHER_LEVEL, deadline=deadline, state=state, reason=r["reason"],
        doc_number=r["doc_number"], doc_date=r["doc_date"], signer=r["signer"],
        answer_agency=r["answer_agency"], summary=r["summary"], file_path=r["file_path"],
        assigned_later=bool(r["assigned_later"]), repeated_in=repeated.get(r["id"], ()),
        repeats=_ref(r["earlier_date"], r["earlier_number"]) if r["earlier_date"] else None,
        flag=flag, days=days)


def read_items(db: sqlite_utils.Database, today: date, *, meeting_id: int | None = None) -> list[FollowItem]:
    """Every followed opinion (of one meeting or all), most urgent first."""
    sql, params = _where(meeting_id, None)
    with read_snapshot(db):
        repeated = _repeated_in(db)
        items = [_item(r, today, repeated) for r in db.query(sql, params)]
    return sorted(items, key=FollowItem.urgency)


def filter_items(items: list[FollowItem], *, meeting_id: int | None = None, agency: str | None = None,
                 field: str | None = None, state: State | None = None, open_only: bool = False,
                 overdue_only: bool = False) -> list[FollowItem]:
    """The items that pass every filter given, in their order. `agency` matches without
    regard to case or diacritics, as a part of the name ("cong an" finds "Công an xã")."""
    wanted = fold(agency) if agency else None
    state = State(state) if state is not None else None
    return [i for i in items
            if (meeting_id is None or i.meeting_id == meeting_id)
            and (wanted is None or wanted in fold(i.agency))
            and (field is None or i.field == field)
            and (state is None or i.state is state)
            and (not (open_only or overdue_only) or i.is_open)
            and (not overdue_only or i.flag is Flag.OVERDUE)]


def list_items(db: sqlite_utils.Database, today: date, *, meeting_id: int | None = None,
               agency: str | None = None, field: str | None = None, state: State | None = None,
               open_only: bool = False, overdue_only: bool = False) -> list[FollowItem]:
    """Followed opinions that pass the filters, most urgent first (read, then filtered)."""
    return filter_items(read_items(db, today, meeting_id=meeting_id), agency=agency, field=field, state=state,
                        open_only=open_only, overdue_only=overdue_only)


def get_item(db: sqlite_utils.Database, opinion_id: int, today: date) -> FollowItem | None:
    sql, params = _where(None, opinion_id)
    rows = list(db.query(sql, params))
    return _item(rows[0], today, _repeated_in(db)) if rows else None


def overdue_counts(db: sqlite_utils.Database, today: date) -> dict[int, int]:
    """Overdue open items per meeting id (meetings without any are absent): the items
    list_items(overdue_only=True) gives, counted from their deadlines alone (the meeting
    list's first paint needs no working-day count, hence no holiday calendar)."""
    sql, params = _where(None, None)
    out: dict[int, int] = {}
    for r in db.query(sql, params):
        if not _state(r).answered and r["deadline"] and is_overdue(date.fromisoformat(r["deadline"]), today):
            out[r["meeting_id"]] = out.get(r["meeting_id"], 0) + 1
    return out


# -- agencies ----------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower case without diacritics, spaces collapsed: 'Công An  Xã' -> 'cong an xa'."""
    decomposed = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def known_agencies(db: sqlite_utils.Database) -> list[str]:
    """Every agency named in an assignment or an answer, most used first."""
    rows = db.execute(
        "SELECT name, count(*) AS n FROM (SELECT coalesce(f.agency, o.agency) AS name FROM opinions o "
        "LEFT JOIN followups f ON f.opinion_id = o.id UNION ALL SELECT answer_agency FROM followups) "
        "WHERE name IS NOT NULL GROUP BY name ORDER BY n DESC, name")
    return [r[0] for r in rows]


@dataclass(frozen=True)
class AgencyMatch:
    typed: str
    known: str | None  # the stored spelling when the typed one differs only in case/diacritics
    partial: tuple[str, ...]  # names the typed text is part of ("cong an" -> "Công an xã")
    suggestions: tuple[str, ...]  # close names when nothing matches (a typo)


def match_agency(db: sqlite_utils.Database, typed: str) -> AgencyMatch:
    names = known_agencies(db)
    wanted = fold(typed)
    exact = next((n for n in names if fold(n) == wanted), None)
    if exact is not None:
        return AgencyMatch(typed, exact, (), ())
    partial = tuple(n for n in names if wanted and wanted in fold(n))
    if partial:
        return AgencyMatch(typed, None, partial, ())
    by_fold = {fold(n): n for n in names}
    close = difflib.get_close_matches(wanted, list(by_fold), n=3, cutoff=0.6)
    return AgencyMatch(typed, None, (), tuple(by_fold[c] for c in close))


@dataclass(frozen=True)
class AgencyChoice:
    name: str  # the stored spelling of the one agency meant, or the typed text (a filter on several)
    note: str | None  # "Hiểu là cơ quan: …" when the name differs from what was typed


def resolve_agency(db: sqlite_utils.Database, typed: str, *, several: bool = False) -> AgencyChoice:
    """The agency `typed` names, for the follow-up list and for the reminders alike:
    the known name equal to it but for case and diacritics ("CONG AN XA"), or the only
    known name it is part of ("van hoa"). When it is part of several names, a list may
    show them all (`several=True`); a letter needs one, so the names are said and one is
    asked for. Nothing close: StoreError offering the nearest names."""
    found = match_agency(db, typed)
    name = found.known or (found.partial[0] if len(found.partial) == 1 else None)
    if name is not None:
        return AgencyChoice(name, None if name == typed.strip() else f"Hiểu là cơ quan: {name}")
    if found.partial:
        listed = "; ".join(found.partial)
        if several:
            return AgencyChoice(typed.strip(), f"Gồm các cơ quan: {listed}")
        raise StoreError(f"'{typed.strip()}' khớp với {len(found.partial)} cơ quan: {listed}. "
                         "Hãy ghi tên một cơ quan.")
    if found.suggestions:
        raise StoreError(f"Không có cơ quan '{typed}'. Có phải: " + "; ".join(found.suggestions) + "?")
    raise StoreError(f"Không có cơ quan nào tên '{typed}' trong các việc được giao.")


# -- the plan's tasks after the meeting ----------------------------------------------

@dataclass(frozen=True)
class TaskItem:
    meeting_id: int
    task: str
    due: str | None  # YYYY-MM-DD; None when the plan gives no date
    done_on: str | None
    flag: Flag | None
    days: int | None


def default_tasks(meeting_date: date) -> list[tuple[str, date | None]]:
    """Without a timeline in the plan: the results are published within 10 days."""
    return [("Công bố kết quả hội nghị (thông báo kết luận)", meeting_date + timedelta(days=NOTICE_DAYS))]


def planned_tasks(db: sqlite_utils.Database, meeting_id: int, meeting_date: date) -> list[tuple[str, date | None]]:
    """The plan's tasks after the meeting with their due dates, or the default one."""
    timeline = [(t.task, date.fromisoformat(t.due) if t.due else None) for t in get_timeline(db, meeting_id)]
    return timeline or default_tasks(meeting_date)


def tasks(db: sqlite_utils.Database, meeting_id: int, today: date) -> list[TaskItem]:
    row = db.execute("SELECT date, status FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    if row is None:
        return []
    done = dict(db.execute("SELECT task, done_on FROM followup_tasks WHERE meeting_id = ?", [meeting_id]).fetchall())
    out = []
    for task, due in planned_tasks(db, meeting_id, date.fromisoformat(row[0])):
        flag, days = (None, None) if task in done else flag_for(due, today)
        out.append(TaskItem(meeting_id, task, due.isoformat() if due else None, done.get(task), flag, days))
    return out


def open_tasks(db: sqlite_utils.Database, today: date, meeting_id: int | None = None) -> list[TaskItem]:
    """The tasks after the ended meetings (or one) not done yet, most urgent first."""
    sql = "SELECT id FROM meetings WHERE status = ?" + (" AND id = ?" if meeting_id is not None else "")
    params = [MeetingStatus.ENDED.value] + ([meeting_id] if meeting_id is not None else [])
    ids = [r[0] for r in db.execute(sql, params)]
    found = [t for mid in ids for t in tasks(db, mid, today) if t.flag is not None]
    return sorted(found, key=lambda t: (t.flag.rank, -(t.days or 0) if t.flag is Flag.OVERDUE else (t.days or 0),
                                        t.due, t.meeting_id))


def later_opinions(db: sqlite_utils.Database, opinion_id: int, limit: int = 300) -> list[tuple[int, str]]:
    """(id, 'HN 3 · 10/12/2026 · số 4: content') of the opinions of meetings held after
    this opinion's meeting, most recent meeting first: those that may repeat it."""
    rows = db.execute(
        "SELECT o.id, m.id, m.date, o.number, o.content FROM opinions o JOIN meetings m ON m.id = o.meeting_id "
        "WHERE m.date > (SELECT m2.date FROM opinions o2 JOIN meetings m2 ON m2.id = o2.meeting_id WHERE o2.id = ?) "
        "ORDER BY m.date DESC, m.id DESC, o.number LIMIT ?", [opinion_id, limit]).fetchall()
    return [(r[0], f"HN {r[1]} · {date.fromisoformat(r[2]):%d/%m/%Y} · số {r[3]}: {' '.join(r[4].split())[:80]}")
            for r in rows]
