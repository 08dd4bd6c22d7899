"""The meeting aggregate: creation from a plan, status, programme steps, attendance,
the conclusion and the typing drafts. Each operation is one transaction with its
journal row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from . import journal, limits
from .backup import backup_database, end_label
from .clock import moment
from .conclusions import list_groups
from .connection import read_snapshot, transaction
from .errors import DatabaseUnavailable, NotFound, StateError, ValidationError
from .fields import PLAN_COLUMNS
from .meeting_row import (  # noqa: F401  (get_meeting and the guards live below the aggregate)
    get_meeting,
    meeting_from_row as _meeting,
    require_editable,
    require_live as _require_live,
)
from .models import (
    AttendanceGroup, Chair, Field, Meeting, MeetingRecord, MeetingStatus, Person, Source, Step, Task,
)
from .opinions import insert_before_opinions, list_opinions
from .plans import Plan, PlanChair, PlanGroup, PlanOpinion, PlanPerson, PlanStep, PlanTask
from .speakers import list_speakers
from .substance import minutes_approved
from .text import LONG, clean_optional
from .vocabulary import Document

if TYPE_CHECKING:
    import sqlite_utils


# -- reading ---------------------------------------------------------------------

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


def _people(db: sqlite_utils.Database, table: str, meeting_id: int) -> list[Person]:
    return [Person(r["id"], r["position"], r["name"], r["title"]) for r in db.query(
        f"SELECT * FROM {table} WHERE meeting_id = ? ORDER BY position", [meeting_id])]


def get_delegates(db: sqlite_utils.Database, meeting_id: int) -> list[Person]:
    """The named delegates of the higher level, in the plan's order."""
    return _people(db, "delegates", meeting_id)


def get_officials(db: sqlite_utils.Database, meeting_id: int) -> list[Person]:
    """The officials present who may answer, in the plan's order."""
    return _people(db, "officials", meeting_id)


def get_recipients(db: sqlite_utils.Database, meeting_id: int, document: Document) -> list[str]:
    """The plan's Nơi nhận for a document, as typed ("(b/c)" kept); [] when the plan has none."""
    return [r[0] for r in db.execute(
        "SELECT text FROM recipients WHERE meeting_id = ? AND document = ? ORDER BY position",
        [meeting_id, Document(document).value])]


def get_timeline(db: sqlite_utils.Database, meeting_id: int) -> list[Task]:
    """The tasks after the meeting with their due dates, in the plan's order."""
    return [Task(r["id"], r["position"], r["task"], r["due"]) for r in db.query(
        "SELECT * FROM timeline WHERE meeting_id = ? ORDER BY position", [meeting_id])]


def get_attendance(db: sqlite_utils.Database, meeting_id: int) -> list[AttendanceGroup]:
    return [AttendanceGroup(r["id"], r["position"], r["group"], r["invited"], r["present"])
            for r in db.query("SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position",
                              [meeting_id])]


def get_fields(db: sqlite_utils.Database, meeting_id: int) -> list[Field]:
    return [Field(r["id"], r["position"], r["name"]) for r in db.query(
        "SELECT * FROM fields WHERE meeting_id = ? ORDER BY position", [meeting_id])]


def get_steps(db: sqlite_utils.Database, meeting_id: int) -> list[Step]:
    return [Step(r["id"], r["position"], r["content"], r["lead"], r["minutes"], bool(r["dialogue"]),
                 r["started_at"], r["ended_at"], r.get("presenter"), r.get("gist"))
            for r in db.query("SELECT * FROM steps WHERE meeting_id = ? ORDER BY position", [meeting_id])]


def current_step(db: sqlite_utils.Database, meeting_id: int) -> Step | None:
    return next((s for s in get_steps(db, meeting_id) if s.is_current), None)


def load_record(db: sqlite_utils.Database, meeting_id: int) -> MeetingRecord:
    """Everything about one meeting, read in one read transaction (a consistent snapshot)."""
    with read_snapshot(db):
        return MeetingRecord(
            meeting=get_meeting(db, meeting_id), chairs=get_chairs(db, meeting_id),
            attendance=get_attendance(db, meeting_id), fields=get_fields(db, meeting_id),
            steps=get_steps(db, meeting_id), speakers=list_speakers(db, meeting_id),
            opinions=list_opinions(db, meeting_id),
            delegates=get_delegates(db, meeting_id), officials=get_officials(db, meeting_id),
            notice_recipients=get_recipients(db, meeting_id, Document.NOTICE),
            minutes_recipients=get_recipients(db, meeting_id, Document.MINUTES),
            timeline=get_timeline(db, meeting_id),
            conclusion_groups=list_groups(db, meeting_id), minutes_approved=minutes_approved(db, meeting_id),
        )


# -- creating ----------------------------------------------------------------------

_PLAN_NAMES = ", ".join(f'"{spec.attr}"' for spec in PLAN_COLUMNS)


def _plan_values(plan: Plan) -> list:
    return [spec.to_store(getattr(plan, spec.attr)) for spec in PLAN_COLUMNS]


def create_meeting(db: sqlite_utils.Database, plan: Plan, *, now: datetime | None = None) -> int:
    """Create a meeting (status planned) from a validated plan; return its id."""
    limits.check_steps(len(plan.programme))
    at = moment(now)
    with transaction(db):
        cursor = db.execute(
            f"INSERT INTO meetings ({_PLAN_NAMES}, status, created_at) "
            f"VALUES ({', '.join('?' * len(PLAN_COLUMNS))}, ?, ?)",
            [*_plan_values(plan), MeetingStatus.PLANNED.value, at],
        )
        meeting_id = cursor.lastrowid
        _insert_plan_rows(db, meeting_id, plan)
        if plan.before:
            insert_before_opinions(db, meeting_id, plan.before)
        journal.record(db, meeting_id, "meeting.create", "meeting", meeting_id,
                       {"title": plan.title}, now)
    return meeting_id


#: The plan's lists the meeting form replaces as a whole (fields are matched by name).
_REPLACED = ("chairs", "attendance", "steps", "delegates", "officials", "recipients", "timeline")


def _insert_plan_rows(db: sqlite_utils.Database, meeting_id: int, plan: Plan, *,
                      with_fields: bool = True) -> None:
    for i, chair in enumerate(plan.chairs, start=1):
        db.execute("INSERT INTO chairs (meeting_id, position, name, title) VALUES (?, ?, ?, ?)",
                   [meeting_id, i, chair.name, chair.title])
    for table, people in (("delegates", plan.delegates), ("officials", plan.officials)):
        for i, p in enumerate(people, start=1):
            db.execute(f"INSERT INTO {table} (meeting_id, position, name, title) VALUES (?, ?, ?, ?)",
                       [meeting_id, i, p.name, p.title])
    for document, items in ((Document.NOTICE, plan.notice_recipients),
                             (Document.MINUTES, plan.minutes_recipients)):
        for i, text in enumerate(items, start=1):
            db.execute("INSERT INTO recipients (meeting_id, document, position, text) VALUES (?, ?, ?, ?)",
                       [meeting_id, document.value, i, text])
    for i, task in enumerate(plan.timeline, start=1):
        db.execute("INSERT INTO timeline (meeting_id, position, task, due) VALUES (?, ?, ?, ?)",
                   [meeting_id, i, task.task, task.due.isoformat() if task.due else None])
    for i, group in enumerate(plan.attendance, start=1):
        db.execute('INSERT INTO attendance (meeting_id, position, "group", invited) VALUES (?, ?, ?, ?)',
                   [meeting_id, i, group.group, group.invited])
    if with_fields:
        for i, name in enumerate(plan.fields, start=1):
            db.execute("INSERT INTO fields (meeting_id, position, name) VALUES (?, ?, ?)",
                       [meeting_id, i, name])
    for i, step in enumerate(plan.programme, start=1):
        db.execute("INSERT INTO steps (meeting_id, position, content, lead, minutes, dialogue) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   [meeting_id, i, step.content, step.lead, step.minutes, int(step.dialogue)])


def update_plan(db: sqlite_utils.Database, meeting_id: int, plan: Plan, *,
                now: datetime | None = None) -> None:
    """Replace the plan of a meeting that has not started (the meeting form's Save).

    Chairs, delegates, officials, recipients, the timeline, attendance groups and
    programme steps are replaced; fields are matched by name so opinions keep theirs (a
    field still used by an opinion or a speaker cannot be removed). Opinions gathered
    before the meeting are not touched here.
    """
    limits.check_steps(len(plan.programme))
    with transaction(db):
        meeting = require_editable(db, meeting_id)
        if meeting.status is not MeetingStatus.PLANNED:
            raise StateError("Hội nghị đã bắt đầu; không sửa kế hoạch được nữa.")
        sets = ", ".join(f'"{spec.attr}" = ?' for spec in PLAN_COLUMNS)
        db.execute(f"UPDATE meetings SET {sets} WHERE id = ?", [*_plan_values(plan), meeting_id])
        for table in _REPLACED:
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
        _insert_plan_rows(db, meeting_id, plan, with_fields=False)
        journal.record(db, meeting_id, "meeting.update_plan", "meeting", meeting_id, {"title": plan.title}, now)


def plan_of(db: sqlite_utils.Database, meeting_id: int, *, with_before: bool = True) -> Plan:
    """The plan a meeting was made from (as it stands now): to save or to copy."""
    m = get_meeting(db, meeting_id)
    before = []
    if with_before:
        for o in list_opinions(db, meeting_id, source=Source.BEFORE):
            before.append(PlanOpinion(
                content=o.content, author=o.author, address=o.author_address, field=o.field_name,
                answer=o.answer, answered_by=o.answered_by,
                outcome=o.outcome.value if o.outcome else None, agency=o.agency,
                deadline=date.fromisoformat(o.deadline) if o.deadline else None, key=o.external_key))
    return Plan(
        **{spec.attr: spec.from_store(getattr(m, spec.attr)) for spec in PLAN_COLUMNS},
        chairs=[PlanChair(c.name, c.title) for c in get_chairs(db, meeting_id)],
        attendance=[PlanGroup(g.group, g.invited) for g in get_attendance(db, meeting_id)],
        programme=[PlanStep(s.content, s.lead, s.minutes, s.dialogue) for s in get_steps(db, meeting_id)],
        fields=[f.name for f in get_fields(db, meeting_id)], before=before,
        delegates=[PlanPerson(p.name, p.title) for p in get_delegates(db, meeting_id)],
        officials=[PlanPerson(p.name, p.title) for p in get_officials(db, meeting_id)],
        notice_recipients=get_recipients(db, meeting_id, Document.NOTICE),
        minutes_recipients=get_recipients(db, meeting_id, Document.MINUTES),
        timeline=[PlanTask(t.task, date.fromisoformat(t.due) if t.due else None)
                  for t in get_timeline(db, meeting_id)],
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
        return Ended(backup=backup_database(db, label=end_label((meeting_id,)), now=now,
                                            meeting_ids=(meeting_id,)))
    except DatabaseUnavailable as exc:
        return Ended(backup_error=exc.message)


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

