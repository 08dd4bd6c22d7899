"""Opinions (ý kiến) and their answers: recorded, edited, followed up, answered.

An opinion comes from a speaker (spoken), from a slip handed in during the meeting
(slip), or from the forms gathered before it (before). Its answer says who answered,
what, and the outcome: answered at the meeting, assigned (agency and deadline),
forwarded to the competent level, or noted.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Iterable

from . import journal, limits
from .clock import moment
from .connection import transaction
from .errors import NotFound, ValidationError
from .meeting_row import require_editable
from .models import Opinion, Outcome, Source
from .speakers import check_field
from .text import LONG, clean, clean_optional
from .vndate import iso_date
from .who import person

if TYPE_CHECKING:
    import sqlite_utils

_UNCHANGED = object()

_SELECT = """
    SELECT o.*, f.name AS field_name, p.number AS follows_number,
           s.honorific AS s_honorific, s.name AS s_name, s.hamlet AS s_hamlet
    FROM opinions o
    LEFT JOIN fields f ON f.id = o.field_id
    LEFT JOIN opinions p ON p.id = o.follows_id
    LEFT JOIN speakers s ON s.id = o.speaker_id
"""


def _opinion(r: dict) -> Opinion:
    display = person(r["s_honorific"], r["s_name"], r["s_hamlet"]) if r["s_name"] else None
    return Opinion(
        id=r["id"], number=r["number"], source=Source(r["source"]), speaker_id=r["speaker_id"],
        speaker_display=display, author=r["author"], author_address=r["author_address"],
        field_id=r["field_id"], field_name=r["field_name"], content=r["content"],
        follows_id=r["follows_id"], follows_number=r["follows_number"], answered_by=r["answered_by"],
        answer=r["answer"], outcome=Outcome(r["outcome"]) if r["outcome"] else None, agency=r["agency"],
        deadline=r["deadline"], created_at=r["created_at"], answered_at=r["answered_at"],
        external_key=r["external_key"], co_agency=r.get("co_agency"),
    )


def list_opinions(db: sqlite_utils.Database, meeting_id: int, *, source: Source | None = None,
                  unanswered_only: bool = False, field_id: int | None = None,
                  speaker_id: int | None = None, limit: int | None = None,
                  after_number: int | None = None) -> list[Opinion]:
    """Opinions of a meeting in number order, filtered as asked; the first `limit` only
    when given (what a screen shows at once), those numbered after `after_number` only
    when given (the next ones a screen shows)."""
    sql = _SELECT + " WHERE o.meeting_id = ?"
    params: list = [meeting_id]
    if after_number is not None:
        sql += " AND o.number > ?"
        params.append(after_number)
    if source is not None:
        sql += " AND o.source = ?"
        params.append(Source(source).value)
    if unanswered_only:
        sql += " AND o.outcome IS NULL"
    if field_id is not None:
        sql += " AND o.field_id = ?"
        params.append(field_id)
    if speaker_id is not None:
        sql += " AND o.speaker_id = ?"
        params.append(speaker_id)
    sql += " ORDER BY o.number"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [_opinion(r) for r in db.query(sql, params)]


def get_opinion(db: sqlite_utils.Database, opinion_id: int) -> Opinion:
    rows = list(db.query(_SELECT + " WHERE o.id = ?", [opinion_id]))
    if not rows:
        raise NotFound(f"Không có ý kiến mã {opinion_id}.")
    return _opinion(rows[0])


def get_opinion_by_number(db: sqlite_utils.Database, meeting_id: int, number: int) -> Opinion:
    rows = list(db.query(_SELECT + " WHERE o.meeting_id = ? AND o.number = ?", [meeting_id, number]))
    if not rows:
        raise NotFound(f"Không có ý kiến số {number}.")
    return _opinion(rows[0])


def outcome_counts(db: sqlite_utils.Database, meeting_id: int) -> dict[Outcome | None, int]:
    """How many opinions per outcome (None: not answered yet)."""
    out: dict[Outcome | None, int] = {None: 0, **{o: 0 for o in Outcome}}
    for outcome, n in db.execute(
            "SELECT outcome, count(*) FROM opinions WHERE meeting_id = ? GROUP BY outcome", [meeting_id]):
        out[Outcome(outcome) if outcome else None] = n
    return out


def answerer_names(db: sqlite_utils.Database, meeting_id: int) -> list[str]:
    """Names to offer for "who answered": this meeting's chairs first, then the
    officials present, then every name typed before (in any meeting), most used first."""
    chairs = [f"{r[0]}, {r[1]}" for r in db.execute(
        "SELECT name, title FROM chairs WHERE meeting_id = ? ORDER BY position", [meeting_id])]
    officials = [f"{r[0]}, {r[1]}" if r[1] else r[0] for r in db.execute(
        "SELECT name, title FROM officials WHERE meeting_id = ? ORDER BY position", [meeting_id])]
    typed = [r[0] for r in db.execute(
        "SELECT answered_by FROM opinions WHERE answered_by IS NOT NULL "
        "GROUP BY answered_by ORDER BY count(*) DESC, max(id) DESC LIMIT 200")]
    return list(dict.fromkeys(chairs + officials + typed))


def agency_names(db: sqlite_utils.Database) -> list[str]:
    """Agencies (and levels) typed before for an assignment or a forward, in any
    meeting, most used first."""
    return [r[0] for r in db.execute(
        "SELECT agency FROM opinions WHERE agency IS NOT NULL AND agency != '' "
        "GROUP BY agency ORDER BY count(*) DESC, max(id) DESC LIMIT 200")]


def _meeting_of(db: sqlite_utils.Database, opinion_id: int) -> int:
    row = db.execute("SELECT meeting_id FROM opinions WHERE id = ?", [opinion_id]).fetchone()
    if row is None:
        raise NotFound(f"Không có ý kiến mã {opinion_id}.")
    return row[0]


def _check_speaker(db: sqlite_utils.Database, meeting_id: int, speaker_id: int | None) -> None:
    if speaker_id is None:
        return
    row = db.execute("SELECT 1 FROM speakers WHERE id = ? AND meeting_id = ?", [speaker_id, meeting_id]).fetchone()
    if row is None:
        raise ValidationError("Người phát biểu", "không có trong danh sách đăng ký của hội nghị này")


def _next_number(db: sqlite_utils.Database, meeting_id: int) -> int:
    return db.execute("SELECT coalesce(max(number), 0) + 1 FROM opinions WHERE meeting_id = ?",
                      [meeting_id]).fetchone()[0]


def record_opinion(db: sqlite_utils.Database, meeting_id: int, content: str, *,
                   speaker_id: int | None = None, source: Source | str | None = None,
                   field_id: int | None = None, author: str | None = None,
                   author_address: str | None = None, follows_id: int | None = None,
                   external_key: str | None = None, draft_key: str | None = None,
                   now: datetime | None = None) -> Opinion:
    """Record one opinion; returns it with its number. `draft_key`, if given, is the
    typing draft this opinion came from: it is cleared in the same transaction."""
    content = clean(content, "Nội dung ý kiến", max_len=LONG, multiline=True)
    author = clean_optional(author, "Người viết phiếu")
    author_address = clean_optional(author_address, "Địa chỉ")
    external_key = clean_optional(external_key, "Mã phiếu")
    source = Source(source) if source else (Source.SPOKEN if speaker_id else Source.SLIP)
    if source is Source.SPOKEN and speaker_id is None:
        raise ValidationError("Người phát biểu", "ý kiến phát biểu cần có người phát biểu")
    at = moment(now)
    with transaction(db):
        require_editable(db, meeting_id)
        _check_speaker(db, meeting_id, speaker_id)
        check_field(db, meeting_id, field_id)
        if follows_id is not None and _meeting_of(db, follows_id) != meeting_id:
            raise ValidationError("Ý kiến trước", "không thuộc hội nghị này")
        limits.check_room_for_opinions(db, meeting_id)
        number = _next_number(db, meeting_id)
        cursor = db.execute(
            "INSERT INTO opinions (meeting_id, number, source, speaker_id, author, author_address, field_id, "
            "content, follows_id, created_at, external_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [meeting_id, number, source.value, speaker_id, author, author_address, field_id, content,
             follows_id, at, external_key])
        opinion_id = cursor.lastrowid
        if draft_key:
            db.execute("DELETE FROM drafts WHERE meeting_id = ? AND key = ?", [meeting_id, draft_key])
        journal.record(db, meeting_id, "opinion.record", "opinion", opinion_id,
                       {"number": number, "source": source.value, "speaker_id": speaker_id,
                        "field_id": field_id, "follows_id": follows_id, "content": content}, now)
    return get_opinion(db, opinion_id)


def record_followup(db: sqlite_utils.Database, opinion_id: int, content: str, *,
                    draft_key: str | None = None, now: datetime | None = None) -> Opinion:
    """The citizen speaks again after hearing the answer: a new opinion linked to the
    earlier one, same speaker and field."""
    earlier = get_opinion(db, opinion_id)
    meeting_id = _meeting_of(db, opinion_id)
    return record_opinion(
        db, meeting_id, content, speaker_id=earlier.speaker_id, source=earlier.source,
        field_id=earlier.field_id, author=earlier.author, author_address=earlier.author_address,
        follows_id=earlier.id, draft_key=draft_key, now=now)


def edit_opinion(db: sqlite_utils.Database, opinion_id: int, *, content: object = _UNCHANGED,
                 field_id: object = _UNCHANGED, speaker_id: object = _UNCHANGED,
                 author: object = _UNCHANGED, author_address: object = _UNCHANGED,
                 now: datetime | None = None) -> Opinion:
    """Correct an opinion; only the named arguments change."""
    changes: dict[str, object] = {}
    if content is not _UNCHANGED:
        changes["content"] = clean(content, "Nội dung ý kiến", max_len=LONG, multiline=True)
    if author is not _UNCHANGED:
        changes["author"] = clean_optional(author, "Người viết phiếu")
    if author_address is not _UNCHANGED:
        changes["author_address"] = clean_optional(author_address, "Địa chỉ")
    with transaction(db):
        meeting_id = _meeting_of(db, opinion_id)
        require_editable(db, meeting_id)
        if field_id is not _UNCHANGED:
            check_field(db, meeting_id, field_id)  # type: ignore[arg-type]
            changes["field_id"] = field_id
        if speaker_id is not _UNCHANGED:
            _check_speaker(db, meeting_id, speaker_id)  # type: ignore[arg-type]
            changes["speaker_id"] = speaker_id
        if changes:
            sets = ", ".join(f"{key} = ?" for key in changes)
            db.execute(f"UPDATE opinions SET {sets} WHERE id = ?", list(changes.values()) + [opinion_id])
            journal.record(db, meeting_id, "opinion.edit", "opinion", opinion_id, changes, now)
    return get_opinion(db, opinion_id)


def record_answer(db: sqlite_utils.Database, opinion_id: int, *, outcome: Outcome | str,
                  answered_by: str | None = None, answer: str | None = None,
                  agency: str | None = None, deadline: date | str | None = None,
                  draft_key: str | None = None, now: datetime | None = None,
                  co_agency: str | None = None) -> Opinion:
    """Record (or correct) the answer to an opinion. What each outcome requires (the
    answer text, the agency, the deadline) is declared in db/vocabulary.py; `co_agency`
    (phối hợp) is optional and kept only beside an agency."""
    try:
        outcome = Outcome(outcome)
    except ValueError:
        raise ValidationError("Kết quả", "phải là: " + ", ".join(o.value for o in Outcome)) from None
    answered_by = clean_optional(answered_by, "Người trả lời")
    answer = clean_optional(answer, "Nội dung trả lời", max_len=LONG, multiline=True)
    agency = clean_optional(agency, "Cơ quan được giao")
    co_agency = clean_optional(co_agency, "Cơ quan phối hợp") if agency else None
    try:
        deadline = iso_date(deadline)
    except ValueError:
        raise ValidationError("Thời hạn", "ngày không hợp lệ (ví dụ 2026-06-30)") from None
    for missing in outcome.missing(answer=answer, agency=agency, deadline=deadline):
        raise ValidationError(missing.label, f"không được để trống {outcome.when}")
    at = moment(now)
    with transaction(db):
        meeting_id = _meeting_of(db, opinion_id)
        require_editable(db, meeting_id)
        before = get_opinion(db, opinion_id)
        db.execute("UPDATE opinions SET answered_by = ?, answer = ?, outcome = ?, agency = ?, co_agency = ?, "
                   "deadline = ?, answered_at = ? WHERE id = ?",
                   [answered_by, answer, outcome.value, agency, co_agency, deadline, at, opinion_id])
        if draft_key:
            db.execute("DELETE FROM drafts WHERE meeting_id = ? AND key = ?", [meeting_id, draft_key])
        journal.record(db, meeting_id, "answer.edit" if before.has_answer else "answer.record",
                       "opinion", opinion_id,
                       {"number": before.number, "outcome": outcome.value, "answered_by": answered_by,
                        "answer": answer, "agency": agency, "deadline": deadline,
                        **({"co_agency": co_agency} if co_agency else {})}, now)
    return get_opinion(db, opinion_id)


def insert_before_opinions(db: sqlite_utils.Database, meeting_id: int, items: Iterable,
                           *, now: datetime | None = None) -> list[int]:
    """Insert opinions gathered before the meeting (PlanOpinion-like objects with content,
    author, address, field (name), answer, answered_by, outcome, agency, deadline, key).
    Runs inside the caller's transaction. Items whose key already exists are skipped
    (a re-import adds nothing). Returns the ids inserted."""
    fields = {r[1]: r[0] for r in db.execute("SELECT id, name FROM fields WHERE meeting_id = ?", [meeting_id])}
    inserted = []
    at = moment(now)
    for item in items:
        key = clean_optional(getattr(item, "key", None), "Mã phiếu")
        if key and db.execute("SELECT 1 FROM opinions WHERE meeting_id = ? AND external_key = ?",
                              [meeting_id, key]).fetchone():
            continue
        field_name = getattr(item, "field", None)
        if field_name and field_name not in fields:
            raise ValidationError("Lĩnh vực", f"'{field_name}' không có trong danh sách lĩnh vực của hội nghị")
        content = clean(item.content, "Nội dung ý kiến", max_len=LONG, multiline=True)
        number = _next_number(db, meeting_id)
        outcome = Outcome(item.outcome).value if getattr(item, "outcome", None) else None
        cursor = db.execute(
            "INSERT INTO opinions (meeting_id, number, source, author, author_address, field_id, content, "
            "answered_by, answer, outcome, agency, deadline, created_at, answered_at, external_key) "
            "VALUES (?, ?, 'before', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [meeting_id, number, clean_optional(item.author, "Người viết phiếu"),
             clean_optional(item.address, "Địa chỉ"), fields.get(field_name) if field_name else None,
             content, clean_optional(item.answered_by, "Người trả lời"),
             clean_optional(item.answer, "Nội dung trả lời", max_len=LONG, multiline=True),
             outcome, clean_optional(item.agency, "Cơ quan được giao"), iso_date(item.deadline), at,
             at if outcome else None, key])
        inserted.append(cursor.lastrowid)
        journal.record(db, meeting_id, "opinion.import_before", "opinion", cursor.lastrowid,
                       {"number": number, "key": key, "content": content}, now)
    limits.check_room_for_opinions(db, meeting_id, 0)  # the caller's transaction is rolled back
    return inserted
