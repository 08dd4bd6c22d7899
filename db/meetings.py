"""The meeting aggregate: creation from a plan, status, programme steps, attendance,
the conclusion and the typing drafts. Each operation is one transaction with its
journal row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from . import journal
from .backup import backup_database
from .clock import moment
from .connection import transaction
from .errors import DatabaseUnavailable, NotFound, SealedError, StateError, ValidationError
from .models import (
    AttendanceGroup, Chair, Field, Meeting, MeetingRecord, MeetingStatus, Step,
)
from .plans import Plan, PlanOpinion
from .text import LONG, clean_optional
from .vndate import iso_date, iso_time as hhmm


# -- reading ---------------------------------------------------------------------

def _meeting(row: dict) -> Meeting:
    return Meeting(
        id=row["id"], title=row["title"], organisation=row["organisation"], parent=row["parent"],
        place_name=row["place_name"], venue=row["venue"], date=row["date"], start=row["start"],
        end=row["end"], speaking_limit_minutes=row["speaking_limit_minutes"],
        secretary_name=row["secretary_name"], secretary_title=row["secretary_title"],
        status=MeetingStatus(row["status"]), started_at=row["started_at"], ended_at=row["ended_at"],
        conclusion=row["conclusion"], created_at=row["created_at"],
        sealed_hash=row["sealed_hash"], sealed_at=row["sealed_at"],
        reopened_at=row.get("reopened_at"), reopened_reason=row.get("reopened_reason"),
        broken_seal=row.get("broken_seal"),
    )


def get_meeting(db: sqlite_utils.Database, meeting_id: int) -> Meeting:
    rows = list(db.query("SELECT * FROM meetings WHERE id = ?", [meeting_id]))
    if not rows:
        raise NotFound(f"Không có hội nghị số {meeting_id}.")
    return _meeting(rows[0])


def list_meetings(db: sqlite_utils.Database) -> list[Meeting]:
    """All meetings, most recent date first."""
    return [_meeting(r) for r in db.query("SELECT * FROM meetings ORDER BY date DESC, id DESC")]


def latest_meeting_id(db: sqlite_utils.Database) -> int | None:
    """The meeting commands act on by default: a live one, else the most recently created."""
    row = db.execute(
        "SELECT id FROM meetings ORDER BY (status = 'live') DESC, id DESC LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def live_meeting_id(db: sqlite_utils.Database) -> int | None:
    row = db.execute("SELECT id FROM meetings WHERE status = 'live' ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else None


def get_chairs(db: sqlite_utils.Database, meeting_id: int) -> list[Chair]:
    return [Chair(r["id"], r["position"], r["name"], r["title"]) for r in db.query(
        "SELECT * FROM chairs WHERE meeting_id = ? ORDER BY position", [meeting_id])]


def get_attendance(db: sqlite_utils.Database, meeting_id: int) -> list[AttendanceGroup]:
    return [AttendanceGroup(r["id"], r["position"], r["group"], r["invited"], r["present"])
            for r in db.query("SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position",
                              [meeting_id])]


def get_fields(db: sqlite_utils.Database, meeting_id: int) -> list[Field]:
    return [Field(r["id"], r["position"], r["name"]) for r in db.query(
        "SELECT * FROM fields WHERE meeting_id = ? ORDER BY position", [meeting_id])]


def get_steps(db: sqlite_utils.Database, meeting_id: int) -> list[Step]:
    return [Step(r["id"], r["position"], r["content"], r["lead"], r["minutes"], bool(r["dialogue"]),
                 r["started_at"], r["ended_at"])
            for r in db.query("SELECT * FROM steps WHERE meeting_id = ? ORDER BY position", [meeting_id])]


def current_step(db: sqlite_utils.Database, meeting_id: int) -> Step | None:
    return next((s for s in get_steps(db, meeting_id) if s.is_current), None)


def load_record(db: sqlite_utils.Database, meeting_id: int) -> MeetingRecord:
    """Everything about one meeting, read in one read transaction (a consistent snapshot)."""
    from .opinions import list_opinions
    from .speakers import list_speakers

    with db.atomic():
        return MeetingRecord(
            meeting=get_meeting(db, meeting_id), chairs=get_chairs(db, meeting_id),
            attendance=get_attendance(db, meeting_id), fields=get_fields(db, meeting_id),
            steps=get_steps(db, meeting_id), speakers=list_speakers(db, meeting_id),
            opinions=list_opinions(db, meeting_id),
        )


def require_editable(db: sqlite_utils.Database, meeting_id: int) -> Meeting:
    """The meeting, or NotFound / SealedError. Every write calls this first."""
    meeting = get_meeting(db, meeting_id)
    if meeting.sealed_hash:
        raise SealedError(
            "Biên bản hội nghị đã được niêm phong; muốn sửa phải mở niêm phong (doithoai reopen)."
        )
    return meeting


# -- creating ----------------------------------------------------------------------

def create_meeting(db: sqlite_utils.Database, plan: Plan, *, now: datetime | None = None) -> int:
    """Create a meeting (status planned) from a validated plan; return its id."""
    at = moment(now)
    with transaction(db):
        cursor = db.execute(
            """INSERT INTO meetings (title, organisation, parent, place_name, venue, date, start, "end",
               speaking_limit_minutes, secretary_name, secretary_title, status, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?)""",
            [plan.title, plan.organisation, plan.parent, plan.place_name, plan.venue,
             iso_date(plan.date), hhmm(plan.start), hhmm(plan.end), plan.speaking_limit_minutes,
             plan.secretary_name, plan.secretary_title, at],
        )
        meeting_id = cursor.lastrowid
        _insert_plan_rows(db, meeting_id, plan)
        journal.record(db, meeting_id, "meeting.create", "meeting", meeting_id,
                       {"title": plan.title}, now)
    return meeting_id


def _insert_plan_rows(db: sqlite_utils.Database, meeting_id: int, plan: Plan) -> None:
    for i, chair in enumerate(plan.chairs, start=1):
        db.execute("INSERT INTO chairs (meeting_id, position, name, title) VALUES (?, ?, ?, ?)",
                   [meeting_id, i, chair.name, chair.title])
    for i, group in enumerate(plan.attendance, start=1):
        db.execute('INSERT INTO attendance (meeting_id, position, "group", invited) VALUES (?, ?, ?, ?)',
                   [meeting_id, i, group.group, group.invited])
    for i, name in enumerate(plan.fields, start=1):
        db.execute("INSERT INTO fields (meeting_id, position, name) VALUES (?, ?, ?)",
                   [meeting_id, i, name])
    for i, step in enumerate(plan.programme, start=1):
        db.execute("INSERT INTO steps (meeting_id, position, content, lead, minutes, dialogue) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   [meeting_id, i, step.content, step.lead, step.minutes, int(step.dialogue)])
    if plan.before:
        from .opinions import insert_before_opinions

        insert_before_opinions(db, meeting_id, plan.before)


def update_plan(db: sqlite_utils.Database, meeting_id: int, plan: Plan, *,
                now: datetime | None = None) -> None:
    """Replace the plan of a meeting that has not started (the meeting form's Save).

    Chairs, attendance groups and programme steps are replaced; fields are matched by
    name so opinions keep theirs (a field still used by an opinion or a speaker cannot be
    removed). Opinions gathered before the meeting are not touched here.
    """
    with transaction(db):
        meeting = require_editable(db, meeting_id)
        if meeting.status is not MeetingStatus.PLANNED:
            raise StateError("Hội nghị đã bắt đầu; không sửa kế hoạch được nữa.")
        db.execute(
            """UPDATE meetings SET title = ?, organisation = ?, parent = ?, place_name = ?, venue = ?,
               date = ?, start = ?, "end" = ?, speaking_limit_minutes = ?, secretary_name = ?,
               secretary_title = ? WHERE id = ?""",
            [plan.title, plan.organisation, plan.parent, plan.place_name, plan.venue, iso_date(plan.date),
             hhmm(plan.start), hhmm(plan.end), plan.speaking_limit_minutes, plan.secretary_name,
             plan.secretary_title, meeting_id])
        for table in ("chairs", "attendance", "steps"):
            db.execute(f"DELETE FROM {table} WHERE meeting_id = ?", [meeting_id])
        existing = {f.name: f.id for f in get_fields(db, meeting_id)}
        for name, field_id in existing.items():
            if name in plan.fields:
                continue
            used = db.execute("SELECT (SELECT count(*) FROM opinions WHERE field_id = ?) + "
                              "(SELECT count(*) FROM speakers WHERE field_id = ?)", [field_id, field_id]).fetchone()[0]
            if used:
                raise ValidationError("Lĩnh vực", f"'{name}' đang được dùng cho {used} ý kiến/người đăng ký; "
                                                  "không xóa được")
            db.execute("DELETE FROM fields WHERE id = ?", [field_id])
        # Two passes so the UNIQUE(meeting_id, position) never collides while reordering.
        db.execute("UPDATE fields SET position = -position - 1000 WHERE meeting_id = ?", [meeting_id])
        for i, name in enumerate(plan.fields, start=1):
            if name in existing:
                db.execute("UPDATE fields SET position = ? WHERE id = ?", [i, existing[name]])
            else:
                db.execute("INSERT INTO fields (meeting_id, position, name) VALUES (?, ?, ?)", [meeting_id, i, name])
        _insert_plan_rows(db, meeting_id, Plan(**{**plan.__dict__, "fields": [], "before": []}))
        journal.record(db, meeting_id, "meeting.update_plan", "meeting", meeting_id, {"title": plan.title}, now)


def plan_of(db: sqlite_utils.Database, meeting_id: int, *, with_before: bool = True) -> Plan:
    """The plan a meeting was made from (as it stands now): to save or to copy."""
    from datetime import date as _date, time as _time

    from .models import Source
    from .opinions import list_opinions
    from .plans import PlanChair, PlanGroup, PlanStep

    m = get_meeting(db, meeting_id)
    before = []
    if with_before:
        for o in list_opinions(db, meeting_id, source=Source.BEFORE):
            before.append(PlanOpinion(
                content=o.content, author=o.author, address=o.author_address, field=o.field_name,
                answer=o.answer, answered_by=o.answered_by,
                outcome=o.outcome.value if o.outcome else None, agency=o.agency,
                deadline=_date.fromisoformat(o.deadline) if o.deadline else None, key=o.external_key))
    return Plan(
        title=m.title, organisation=m.organisation, parent=m.parent, place_name=m.place_name,
        venue=m.venue, date=_date.fromisoformat(m.date), start=_time.fromisoformat(m.start),
        end=_time.fromisoformat(m.end) if m.end else None,
        speaking_limit_minutes=m.speaking_limit_minutes, secretary_name=m.secretary_name,
        secretary_title=m.secretary_title,
        chairs=[PlanChair(c.name, c.title) for c in get_chairs(db, meeting_id)],
        attendance=[PlanGroup(g.group, g.invited) for g in get_attendance(db, meeting_id)],
        programme=[PlanStep(s.content, s.lead, s.minutes, s.dialogue) for s in get_steps(db, meeting_id)],
        fields=[f.name for f in get_fields(db, meeting_id)], before=before,
    )


# -- the meeting's course ----------------------------------------------------------

def start_meeting(db: sqlite_utils.Database, meeting_id: int, *, now: datetime | None = None) -> None:
    """Planned -> live: record the actual start and open the first programme step."""
    at = moment(now)
    with transaction(db):
        meeting = require_editable(db, meeting_id)
        if meeting.status is not MeetingStatus.PLANNED:
            raise StateError("Hội nghị đã bắt đầu rồi." if meeting.status is MeetingStatus.LIVE
                             else "Hội nghị đã kết thúc.")
        db.execute("UPDATE meetings SET status = 'live', started_at = ? WHERE id = ?", [at, meeting_id])
        db.execute("UPDATE steps SET started_at = ? WHERE meeting_id = ? AND position = "
                   "(SELECT min(position) FROM steps WHERE meeting_id = ?)", [at, meeting_id, meeting_id])
        journal.record(db, meeting_id, "meeting.start", "meeting", meeting_id, {"at": at}, now)


@dataclass(frozen=True)
class Ended:
    """What ending a meeting did besides recording the end: the backup copy."""

    backup: Path | None = None  # None in memory, when not asked, or when it failed
    backup_error: str | None = None  # one Vietnamese sentence if the copy failed


def end_meeting(db: sqlite_utils.Database, meeting_id: int, *, now: datetime | None = None,
                backup: bool = True) -> Ended:
    """Live -> ended: close the current step, finish whoever is speaking, record the end.

    Then (after the commit) write a backup copy of the database next to it with SQLite's
    backup API. A failed backup does not undo the end: it is reported in the result."""
    at = moment(now)
    with transaction(db):
        meeting = require_editable(db, meeting_id)
        if meeting.status is not MeetingStatus.LIVE:
            raise StateError("Hội nghị chưa bắt đầu." if meeting.status is MeetingStatus.PLANNED
                             else "Hội nghị đã kết thúc rồi.")
        db.execute("UPDATE steps SET ended_at = ? WHERE meeting_id = ? AND started_at IS NOT NULL "
                   "AND ended_at IS NULL", [at, meeting_id])
        db.execute("UPDATE speakers SET status = 'done', finished_at = ? WHERE meeting_id = ? "
                   "AND status = 'speaking'", [at, meeting_id])
        db.execute("UPDATE meetings SET status = 'ended', ended_at = ? WHERE id = ?", [at, meeting_id])
        journal.record(db, meeting_id, "meeting.end", "meeting", meeting_id, {"at": at}, now)
    if not backup:
        return Ended()
    try:
        return Ended(backup=backup_database(db, label=f"hoi-nghi-{meeting_id}-ket-thuc", now=now))
    except DatabaseUnavailable as exc:
        return Ended(backup_error=exc.message)


def _require_live(db: sqlite_utils.Database, meeting_id: int) -> Meeting:
    meeting = require_editable(db, meeting_id)
    if meeting.status is MeetingStatus.PLANNED:
        raise StateError("Hội nghị chưa bắt đầu; hãy bắt đầu hội nghị trước.")
    if meeting.status is MeetingStatus.ENDED:
        raise StateError("Hội nghị đã kết thúc.")
    return meeting


def next_step(db: sqlite_utils.Database, meeting_id: int, *, now: datetime | None = None) -> Step:
    """Close the current step and open the next one; return the new current step."""
    at = moment(now)
    with transaction(db):
        _require_live(db, meeting_id)
        steps = get_steps(db, meeting_id)
        current = next((s for s in steps if s.is_current), None)
        if current is None:
            upcoming = next((s for s in steps if s.started_at is None), None)
        else:
            upcoming = next((s for s in steps if s.position > current.position), None)
        if upcoming is None:
            raise StateError("Đã ở bước cuối của chương trình; dùng 'Kết thúc hội nghị'.")
        if current is not None:
            db.execute("UPDATE steps SET ended_at = ? WHERE id = ?", [at, current.id])
        # A step gone back over keeps its first start (and ends at its last end).
        db.execute("UPDATE steps SET started_at = COALESCE(started_at, ?), ended_at = NULL WHERE id = ?",
                   [at, upcoming.id])
        journal.record(db, meeting_id, "step.next", "step", upcoming.id,
                       {"from": current.position if current else None, "to": upcoming.position}, now)
    return current_step(db, meeting_id)


def previous_step(db: sqlite_utils.Database, meeting_id: int, *, now: datetime | None = None) -> Step:
    """Go back one step (moved on by mistake): the previous one is open again, keeping
    its first start; the current one is closed for now, keeping its first start too,
    and reopens with it when the programme moves on again. A step's span is thus
    from its first start to its last end."""
    at = moment(now)
    with transaction(db):
        _require_live(db, meeting_id)
        steps = get_steps(db, meeting_id)
        current = next((s for s in steps if s.is_current), None)
        if current is None or current.position == steps[0].position:
            raise StateError("Đang ở bước đầu tiên của chương trình.")
        previous = [s for s in steps if s.position < current.position][-1]
        db.execute("UPDATE steps SET ended_at = ? WHERE id = ?", [at, current.id])
        db.execute("UPDATE steps SET ended_at = NULL WHERE id = ?", [previous.id])
        journal.record(db, meeting_id, "step.previous", "step", previous.id,
                       {"from": current.position, "to": previous.position}, now)
    return current_step(db, meeting_id)


def set_attendance(db: sqlite_utils.Database, meeting_id: int, group_id: int, present: int | None,
                   *, now: datetime | None = None) -> None:
    if present is not None and (not isinstance(present, int) or isinstance(present, bool)
                                or present < 0 or present > 100_000):
        raise ValidationError("Số có mặt", "phải là số nguyên từ 0 đến 100000")
    with transaction(db):
        require_editable(db, meeting_id)
        cursor = db.execute("UPDATE attendance SET present = ? WHERE id = ? AND meeting_id = ?",
                            [present, group_id, meeting_id])
        if cursor.rowcount != 1:
            raise NotFound(f"Không có nhóm thành phần số {group_id} trong hội nghị này.")
        journal.record(db, meeting_id, "attendance.set", "attendance", group_id, {"present": present}, now)


def set_conclusion(db: sqlite_utils.Database, meeting_id: int, text: str | None,
                   *, now: datetime | None = None) -> None:
    value = clean_optional(text, "Kết luận của chủ trì", max_len=LONG, multiline=True)
    with transaction(db):
        require_editable(db, meeting_id)
        db.execute("UPDATE meetings SET conclusion = ? WHERE id = ?", [value, meeting_id])
        journal.record(db, meeting_id, "meeting.conclusion", "meeting", meeting_id,
                       {"conclusion": value}, now)


# -- typing drafts (not journaled: they are not the record, only its safety net) ----

def save_draft(db: sqlite_utils.Database, meeting_id: int, key: str, text: str,
               *, now: datetime | None = None) -> None:
    """Keep what is being typed, so a crash loses at most the last seconds of it."""
    with transaction(db):
        db.execute(
            "INSERT INTO drafts (meeting_id, key, text, saved_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (meeting_id, key) DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at",
            [meeting_id, key, text, moment(now)],
        )


def get_draft(db: sqlite_utils.Database, meeting_id: int, key: str) -> str | None:
    row = db.execute("SELECT text FROM drafts WHERE meeting_id = ? AND key = ?", [meeting_id, key]).fetchone()
    return row[0] if row else None


def drafts(db: sqlite_utils.Database, meeting_id: int) -> dict[str, str]:
    return {r["key"]: r["text"] for r in db.query(
        "SELECT key, text FROM drafts WHERE meeting_id = ?", [meeting_id])}


def clear_draft(db: sqlite_utils.Database, meeting_id: int, key: str) -> None:
    with transaction(db):
        db.execute("DELETE FROM drafts WHERE meeting_id = ? AND key = ?", [meeting_id, key])

