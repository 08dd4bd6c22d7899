"""The journal: one row per change, written in the same transaction as the change."""

from __future__ import annotations

import json
from datetime import datetime

import sqlite_utils

from .clock import moment
from .models import JournalEntry


def record(db: sqlite_utils.Database, meeting_id: int | None, op: str, entity: str,
           entity_id: int | None = None, data: dict | None = None,
           now: datetime | None = None) -> None:
    """Append one journal row. Call inside the change's own transaction."""
    db.execute(
        "INSERT INTO journal (meeting_id, at, op, entity, entity_id, data) VALUES (?, ?, ?, ?, ?, ?)",
        [meeting_id, moment(now), op, entity, entity_id,
         json.dumps(data or {}, ensure_ascii=False, sort_keys=True, default=str)],
    )


def history(db: sqlite_utils.Database, meeting_id: int, *, entity: str | None = None,
            entity_id: int | None = None) -> list[JournalEntry]:
    """Every journal row of a meeting, oldest first, optionally for one entity."""
    sql = "SELECT * FROM journal WHERE meeting_id = ?"
    params: list = [meeting_id]
    if entity is not None:
        sql += " AND entity = ?"
        params.append(entity)
    if entity_id is not None:
        sql += " AND entity_id = ?"
        params.append(entity_id)
    sql += " ORDER BY id"
    return [
        JournalEntry(id=r["id"], at=r["at"], op=r["op"], entity=r["entity"],
                     entity_id=r["entity_id"], data=json.loads(r["data"]))
        for r in db.query(sql, params)
    ]
