"""One meeting's row: read it, and the guards every write runs first.

Kept below db.meetings so the speakers and opinions modules can check a meeting
without importing the meeting aggregate (which reads them for the whole record).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import NotFound, SealedError, StateError
from .fields import PLAN_COLUMNS
from .models import Meeting, MeetingStatus

if TYPE_CHECKING:
    import sqlite_utils

#: The meetings table's columns that are not the plan's (the plan's: db.fields.PLAN_COLUMNS).
STATE_COLUMNS = ("status", "started_at", "ended_at", "conclusion", "created_at", "sealed_hash",
                 "sealed_at", "reopened_at", "reopened_reason", "broken_seal")


def meeting_from_row(row: dict) -> Meeting:
    state = {key: row.get(key) for key in STATE_COLUMNS}
    state["status"] = MeetingStatus(row["status"])
    return Meeting(id=row["id"], **{spec.attr: row[spec.attr] for spec in PLAN_COLUMNS}, **state)


def get_meeting(db: sqlite_utils.Database, meeting_id: int) -> Meeting:
    rows = list(db.query("SELECT * FROM meetings WHERE id = ?", [meeting_id]))
    if not rows:
        raise NotFound(f"Không có hội nghị số {meeting_id}.")
    return meeting_from_row(rows[0])


def require_editable(db: sqlite_utils.Database, meeting_id: int) -> Meeting:
    """The meeting, or NotFound / SealedError. Every write calls this first."""
    meeting = get_meeting(db, meeting_id)
    if meeting.sealed_hash:
        raise SealedError(
            "Biên bản hội nghị đã được niêm phong; muốn sửa phải mở niêm phong (doithoai reopen)."
        )
    return meeting


def require_live(db: sqlite_utils.Database, meeting_id: int) -> Meeting:
    meeting = require_editable(db, meeting_id)
    if meeting.status is MeetingStatus.PLANNED:
        raise StateError("Hội nghị chưa bắt đầu; hãy bắt đầu hội nghị trước.")
    if meeting.status is MeetingStatus.ENDED:
        raise StateError("Hội nghị đã kết thúc.")
    return meeting
