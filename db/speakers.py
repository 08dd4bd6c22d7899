"""The speaker queue: registration order, calling, absence, withdrawal, finishing.

Rules: citizens are called in registration order (lowest reg_no among the waiting);
the chair may direct anyone waiting or absent to speak out of turn; nobody withdrawn
or done is ever called; at most one person speaks at a time (a unique index says so
too). `spoke_order` keeps the order in which people actually took the floor.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from . import journal, limits
from .clock import moment
from .connection import transaction
from .errors import NotFound, StateError, ValidationError
from .meeting_row import require_editable, require_live as _require_live
from .models import HONORIFICS, Speaker, SpeakerStatus
from .text import clean, clean_optional

if TYPE_CHECKING:
    import sqlite_utils

_SELECT = """
    SELECT s.*, f.name AS field_name FROM speakers s
    LEFT JOIN fields f ON f.id = s.field_id
"""


def _speaker(r: dict) -> Speaker:
    return Speaker(
        id=r["id"], reg_no=r["reg_no"], honorific=r["honorific"], name=r["name"], hamlet=r["hamlet"],
        organisation=r["organisation"], field_id=r["field_id"], field_name=r["field_name"],
        status=SpeakerStatus(r["status"]), registered_at=r["registered_at"], called_at=r["called_at"],
        finished_at=r["finished_at"], spoke_order=r["spoke_order"],
    )


def list_speakers(db: sqlite_utils.Database, meeting_id: int,
                  statuses: tuple[SpeakerStatus, ...] | None = None) -> list[Speaker]:
    """Speakers in registration order, optionally only those with the given statuses."""
    sql = _SELECT + " WHERE s.meeting_id = ?"
    params: list = [meeting_id]
    if statuses:
        sql += f" AND s.status IN ({', '.join('?' for _ in statuses)})"
        params += [s.value for s in statuses]
    return [_speaker(r) for r in db.query(sql + " ORDER BY s.reg_no", params)]


def get_speaker(db: sqlite_utils.Database, speaker_id: int) -> Speaker:
    rows = list(db.query(_SELECT + " WHERE s.id = ?", [speaker_id]))
    if not rows:
        raise NotFound(f"Không có người đăng ký số {speaker_id}.")
    return _speaker(rows[0])


def current_speaker(db: sqlite_utils.Database, meeting_id: int) -> Speaker | None:
    rows = list(db.query(_SELECT + " WHERE s.meeting_id = ? AND s.status = 'speaking'", [meeting_id]))
    return _speaker(rows[0]) if rows else None


def counts(db: sqlite_utils.Database, meeting_id: int) -> dict[SpeakerStatus, int]:
    out = {status: 0 for status in SpeakerStatus}
    for status, n in db.execute(
            "SELECT status, count(*) FROM speakers WHERE meeting_id = ? GROUP BY status", [meeting_id]):
        out[SpeakerStatus(status)] = n
    return out


def _meeting_of(db: sqlite_utils.Database, speaker_id: int) -> int:
    row = db.execute("SELECT meeting_id FROM speakers WHERE id = ?", [speaker_id]).fetchone()
    if row is None:
        raise NotFound(f"Không có người đăng ký số {speaker_id}.")
    return row[0]


def check_field(db: sqlite_utils.Database, meeting_id: int, field_id: int | None) -> None:
    if field_id is None:
        return
    row = db.execute("SELECT 1 FROM fields WHERE id = ? AND meeting_id = ?", [field_id, meeting_id]).fetchone()
    if row is None:
        raise ValidationError("Lĩnh vực", "không thuộc danh sách lĩnh vực của hội nghị này")


def _clean_person(honorific: str, name: str, hamlet: str | None, organisation: str | None):
    honorific = clean(honorific, "Danh xưng")
    if honorific not in HONORIFICS:
        raise ValidationError("Danh xưng", "phải là 'Ông' hoặc 'Bà'")
    return (honorific, clean(name, "Họ và tên"), clean_optional(hamlet, "Thôn / địa chỉ"),
            clean_optional(organisation, "Tổ chức"))


def register_speaker(db: sqlite_utils.Database, meeting_id: int, *, honorific: str, name: str,
                     hamlet: str | None = None, organisation: str | None = None,
                     field_id: int | None = None, now: datetime | None = None) -> Speaker:
    """Register a citizen to speak; registration numbers go 1, 2, 3 ... per meeting."""
    honorific, name, hamlet, organisation = _clean_person(honorific, name, hamlet, organisation)
    at = moment(now)
    with transaction(db):
        meeting = require_editable(db, meeting_id)
        if meeting.status.value == "ended":
            raise StateError("Hội nghị đã kết thúc; không đăng ký thêm được.")
        check_field(db, meeting_id, field_id)
        limits.check_room_for_speaker(db, meeting_id)
        reg_no = db.execute("SELECT coalesce(max(reg_no), 0) + 1 FROM speakers WHERE meeting_id = ?",
                            [meeting_id]).fetchone()[0]
        cursor = db.execute(
            "INSERT INTO speakers (meeting_id, reg_no, honorific, name, hamlet, organisation, field_id, "
            "status, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting', ?)",
            [meeting_id, reg_no, honorific, name, hamlet, organisation, field_id, at])
        speaker_id = cursor.lastrowid
        journal.record(db, meeting_id, "speaker.register", "speaker", speaker_id,
                       {"reg_no": reg_no, "honorific": honorific, "name": name, "hamlet": hamlet,
                        "organisation": organisation, "field_id": field_id}, now)
    return get_speaker(db, speaker_id)


def update_speaker(db: sqlite_utils.Database, speaker_id: int, *, honorific: str, name: str,
                   hamlet: str | None = None, organisation: str | None = None,
                   field_id: int | None = None, now: datetime | None = None) -> Speaker:
    """Correct a speaker's details (a typo in the name, the hamlet, the field)."""
    honorific, name, hamlet, organisation = _clean_person(honorific, name, hamlet, organisation)
    with transaction(db):
        meeting_id = _meeting_of(db, speaker_id)
        require_editable(db, meeting_id)
        check_field(db, meeting_id, field_id)
        db.execute("UPDATE speakers SET honorific = ?, name = ?, hamlet = ?, organisation = ?, field_id = ? "
                   "WHERE id = ?", [honorific, name, hamlet, organisation, field_id, speaker_id])
        journal.record(db, meeting_id, "speaker.edit", "speaker", speaker_id,
                       {"honorific": honorific, "name": name, "hamlet": hamlet,
                        "organisation": organisation, "field_id": field_id}, now)
    return get_speaker(db, speaker_id)


def _take_floor(db: sqlite_utils.Database, meeting_id: int, speaker: Speaker, at: str,
                now: datetime | None, op: str) -> None:
    speaking = current_speaker(db, meeting_id)
    if speaking is not None:
        raise StateError(f"{speaking.short_name} (số {speaking.reg_no}) đang phát biểu; "
                         "hãy kết thúc lượt hoặc đánh dấu vắng trước khi mời người khác.")
    order = db.execute("SELECT coalesce(max(spoke_order), 0) + 1 FROM speakers WHERE meeting_id = ?",
                       [meeting_id]).fetchone()[0]
    db.execute("UPDATE speakers SET status = 'speaking', called_at = ?, finished_at = NULL, spoke_order = ? "
               "WHERE id = ?", [at, order, speaker.id])
    journal.record(db, meeting_id, op, "speaker", speaker.id,
                   {"reg_no": speaker.reg_no, "spoke_order": order, "was": speaker.status.value}, now)


def call_next(db: sqlite_utils.Database, meeting_id: int, *, now: datetime | None = None) -> Speaker:
    """Call the waiting speaker with the lowest registration number."""
    at = moment(now)
    with transaction(db):
        _require_live(db, meeting_id)
        waiting = list_speakers(db, meeting_id, (SpeakerStatus.WAITING,))
        if not waiting:
            absent = counts(db, meeting_id)[SpeakerStatus.ABSENT]
            hint = f" Còn {absent} người vắng có thể mời lại." if absent else ""
            raise StateError("Không còn ai đang chờ phát biểu." + hint)
        _take_floor(db, meeting_id, waiting[0], at, now, "speaker.call")
        speaker_id = waiting[0].id
    return get_speaker(db, speaker_id)


def call_speaker(db: sqlite_utils.Database, speaker_id: int, *, now: datetime | None = None) -> Speaker:
    """Call one speaker out of turn, as the chair directs, or re-call an absent one."""
    at = moment(now)
    with transaction(db):
        meeting_id = _meeting_of(db, speaker_id)
        _require_live(db, meeting_id)
        speaker = get_speaker(db, speaker_id)
        if speaker.status not in (SpeakerStatus.WAITING, SpeakerStatus.ABSENT):
            raise StateError(f"{speaker.short_name} "
                             f"{_status_phrase(speaker.status)}; không mời phát biểu được.")
        _take_floor(db, meeting_id, speaker, at, now,
                    "speaker.recall" if speaker.status is SpeakerStatus.ABSENT else "speaker.call_out_of_turn")
    return get_speaker(db, speaker_id)


def _status_phrase(status: SpeakerStatus) -> str:
    return {
        SpeakerStatus.SPEAKING: "đang phát biểu",
        SpeakerStatus.DONE: "đã phát biểu xong",
        SpeakerStatus.WITHDRAWN: "đã rút đăng ký",
        SpeakerStatus.ABSENT: "đang vắng",
        SpeakerStatus.WAITING: "đang chờ",
    }[status]


def _transition(db: sqlite_utils.Database, speaker_id: int, allowed: tuple[SpeakerStatus, ...],
                sets: str, params: list, op: str, now: datetime | None, live: bool = True) -> Speaker:
    with transaction(db):
        meeting_id = _meeting_of(db, speaker_id)
        if live:
            _require_live(db, meeting_id)
        else:
            require_editable(db, meeting_id)
        speaker = get_speaker(db, speaker_id)
        if speaker.status not in allowed:
            raise StateError(f"{speaker.short_name} {_status_phrase(speaker.status)}.")
        db.execute(f"UPDATE speakers SET {sets} WHERE id = ?", params + [speaker_id])
        journal.record(db, meeting_id, op, "speaker", speaker_id,
                       {"reg_no": speaker.reg_no, "was": speaker.status.value}, now)
    return get_speaker(db, speaker_id)


def mark_absent(db: sqlite_utils.Database, speaker_id: int, *, now: datetime | None = None) -> Speaker:
    """Called but not in the hall (or not answering): absent, re-callable later."""
    return _transition(db, speaker_id, (SpeakerStatus.WAITING, SpeakerStatus.SPEAKING),
                       "status = 'absent', spoke_order = NULL", [], "speaker.absent", now)


def finish_speaker(db: sqlite_utils.Database, speaker_id: int, *, now: datetime | None = None) -> Speaker:
    return _transition(db, speaker_id, (SpeakerStatus.SPEAKING,),
                       "status = 'done', finished_at = ?", [moment(now)], "speaker.finish", now)


def withdraw(db: sqlite_utils.Database, speaker_id: int, *, now: datetime | None = None) -> Speaker:
    """The citizen no longer wishes to speak (before being heard, or called and then
    saying nothing): never called again, not counted among those who spoke."""
    return _transition(db, speaker_id, (SpeakerStatus.WAITING, SpeakerStatus.ABSENT, SpeakerStatus.SPEAKING),
                       "status = 'withdrawn', spoke_order = NULL", [], "speaker.withdraw", now, live=False)
