"""What the minutes say beyond the opinions: each programme step's presenter and gist
(typed by the secretary on the live screen), and whether the minutes were read out to
the meeting and approved (the closing sentence; on unless the secretary unticks it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import datetime

from . import journal
from .clock import moment
from .connection import transaction
from .errors import NotFound
from .meeting_row import require_editable
from .models import Step
from .text import LONG, clean_optional

if TYPE_CHECKING:
    import sqlite_utils


def get_step(db: sqlite_utils.Database, step_id: int) -> Step:
    rows = list(db.query("SELECT * FROM steps WHERE id = ?", [step_id]))
    if not rows:
        raise NotFound(f"Không có bước chương trình mã {step_id}.")
    r = rows[0]
    return Step(r["id"], r["position"], r["content"], r["lead"], r["minutes"], bool(r["dialogue"]),
                r["started_at"], r["ended_at"], r["presenter"], r["gist"])


def set_step_note(db: sqlite_utils.Database, step_id: int, *, presenter: str | None, gist: str | None,
                  now: datetime | None = None) -> Step:
    """Who presented a programme step and what was reported, in brief (empty clears)."""
    presenter = clean_optional(presenter, "Người trình bày")
    gist = clean_optional(gist, "Nội dung tóm tắt", max_len=LONG, multiline=True)
    with transaction(db):
        row = db.execute("SELECT meeting_id, position FROM steps WHERE id = ?", [step_id]).fetchone()
        if row is None:
            raise NotFound(f"Không có bước chương trình mã {step_id}.")
        require_editable(db, row[0])
        db.execute("UPDATE steps SET presenter = ?, gist = ? WHERE id = ?", [presenter, gist, step_id])
        journal.record(db, row[0], "step.note", "step", step_id,
                       {"position": row[1], "presenter": presenter, "gist": gist}, now)
    return get_step(db, step_id)


def minutes_approved(db: sqlite_utils.Database, meeting_id: int) -> bool:
    """True unless the secretary said the minutes were not read out and approved."""
    row = db.execute("SELECT approved FROM minutes_reading WHERE meeting_id = ?", [meeting_id]).fetchone()
    return True if row is None else bool(row[0])


def set_minutes_approved(db: sqlite_utils.Database, meeting_id: int, approved: bool, *,
                         now: datetime | None = None) -> bool:
    with transaction(db):
        require_editable(db, meeting_id)
        db.execute("INSERT INTO minutes_reading (meeting_id, approved, changed_at) VALUES (?, ?, ?) "
                   "ON CONFLICT(meeting_id) DO UPDATE SET approved = excluded.approved, "
                   "changed_at = excluded.changed_at", [meeting_id, int(bool(approved)), moment(now)])
        journal.record(db, meeting_id, "minutes.approved", "meeting", meeting_id,
                       {"approved": bool(approved)}, now)
    return minutes_approved(db, meeting_id)
