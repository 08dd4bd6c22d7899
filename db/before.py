"""Opinions gathered before the meeting: what the store keeps of an imported sheet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import datetime

from .connection import transaction
from .meetings import require_editable
from .opinions import insert_before_opinions
from .plans import PlanOpinion

if TYPE_CHECKING:
    import sqlite_utils


def mark_existing(db: sqlite_utils.Database, meeting_id: int, preview):
    """Note which rows' keys the meeting already has (a re-import skips them)."""
    keys = {r[0] for r in db.execute(
        "SELECT external_key FROM opinions WHERE meeting_id = ? AND external_key IS NOT NULL", [meeting_id])}
    preview.existing = {r.item.key for r in preview.rows if r.item.key in keys}
    return preview


def import_before(db: sqlite_utils.Database, meeting_id: int, items: list[PlanOpinion],
                  *, now: datetime | None = None) -> tuple[int, int]:
    """Insert opinions gathered before the meeting, in one transaction.
    Returns (inserted, skipped because already there)."""
    with transaction(db):
        require_editable(db, meeting_id)
        inserted = insert_before_opinions(db, meeting_id, items, now=now)
    return len(inserted), len(items) - len(inserted)


def meeting_fields(db: sqlite_utils.Database, meeting_id: int) -> list[str]:
    return [r[0] for r in db.execute(
        "SELECT name FROM fields WHERE meeting_id = ? ORDER BY position", [meeting_id])]
