"""The journal: one row per change, written in the same transaction as the change.

The journal is a hash chain per meeting: each row carries its sequence number within
the meeting (`seq`, 1, 2, ...), the hash of the meeting's previous row (`prev_hash`,
NULL for the first) and its own hash (`hash`, `row_hash` of all of that). The chain is
computed here when the row is written, inside the change's transaction, so a row that
is later deleted or changed behind the app's back breaks it (`check_chain`). A seal
covers the chain's head (db/seal.py), so rewriting the whole chain is caught too.
Rows of no meeting (meeting_id NULL) form a chain of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from .clock import moment
from .models import JournalEntry

if TYPE_CHECKING:
    import sqlite_utils

#: Names the row hash's input layout; part of every hash, never change it.
CHAIN_FORM = "doithoai.journal.1"


def row_hash(prev: str | None, seq: int, meeting_id: int | None, at: str, op: str, entity: str,
             entity_id: int | None, data: str) -> str:
    """SHA-256 of one journal row as stored (`data` is the stored JSON text) and the
    hash of the row before it."""
    payload = json.dumps([CHAIN_FORM, prev, seq, meeting_id, at, op, entity, entity_id, data],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(db: sqlite_utils.Database, meeting_id: int | None, op: str, entity: str,
           entity_id: int | None = None, data: dict | None = None,
           now: datetime | None = None) -> None:
    """Append one journal row, chained to the meeting's previous row.

    Call inside the change's own transaction (`connection.transaction`, which holds
    the write lock, so reading the chain's head and appending cannot interleave with
    another writer); outside one, the row gets a transaction of its own."""
    text = json.dumps(data or {}, ensure_ascii=False, sort_keys=True, default=str)
    if db.conn.in_transaction:
        _append(db, meeting_id, moment(now), op, entity, entity_id, text)
    else:
        with db.atomic():
            _append(db, meeting_id, moment(now), op, entity, entity_id, text)


def _append(db: sqlite_utils.Database, meeting_id: int | None, at: str, op: str, entity: str,
            entity_id: int | None, text: str) -> None:
    last = db.execute("SELECT seq, hash FROM journal WHERE meeting_id IS ? ORDER BY seq DESC LIMIT 1",
                      [meeting_id]).fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, None)
    db.execute(
        "INSERT INTO journal (meeting_id, at, op, entity, entity_id, data, seq, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [meeting_id, at, op, entity, entity_id, text, seq, prev,
         row_hash(prev, seq, meeting_id, at, op, entity, entity_id, text)],
    )


def history(db: sqlite_utils.Database, meeting_id: int, *, entity: str | None = None,
            entity_id: int | None = None, op: str | None = None) -> list[JournalEntry]:
    """Every journal row of a meeting, oldest first, optionally for one entity or one op."""
    sql = "SELECT * FROM journal WHERE meeting_id = ?"
    params: list = [meeting_id]
    if entity is not None:
        sql += " AND entity = ?"
        params.append(entity)
    if entity_id is not None:
        sql += " AND entity_id = ?"
        params.append(entity_id)
    if op is not None:
        sql += " AND op = ?"
        params.append(op)
    sql += " ORDER BY id"
    return [
        JournalEntry(id=r["id"], at=r["at"], op=r["op"], entity=r["entity"],
                     entity_id=r["entity_id"], data=_data(r["data"]), seq=r["seq"])
        for r in db.query(sql, params)
    ]


def _data(text: str) -> dict:
    """A row's data; a row whose text is no longer JSON (changed behind the app's back)
    still reads, its text kept under "invalid"."""
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {"invalid": text}
    return value if isinstance(value, dict) else {"invalid": text}


# -- checking the chain ------------------------------------------------------------------

#: Kinds of break `check_chain` reports.
CHANGED = "changed"  # the row's content (or its own hash) differs from what was written
MISSING = "missing"  # rows seq..last_seq are gone
RELINKED = "relinked"  # the row does not follow the one before it (that one was replaced)
OUTSIDE = "outside"  # a row without a place in the chain (written by another program)


@dataclass(frozen=True)
class Break:
    kind: str
    seq: int | None  # the first sequence number concerned (None for OUTSIDE)
    last_seq: int | None = None  # for MISSING: the last missing number
    row_id: int | None = None
    at: str | None = None
    op: str | None = None


@dataclass(frozen=True)
class Chain:
    """A meeting's journal chain as found in the file."""
    rows: int
    hashes: dict[int, str]  # seq -> stored hash
    breaks: tuple[Break, ...]

    @property
    def intact(self) -> bool:
        return not self.breaks

    @property
    def last_seq(self) -> int:
        return max(self.hashes, default=0)


def chain_rows(db: sqlite_utils.Database, meeting_id: int | None) -> list[dict]:
    return list(db.query("SELECT id, meeting_id, at, op, entity, entity_id, data, seq, prev_hash, hash "
                         "FROM journal WHERE meeting_id IS ? ORDER BY seq, id", [meeting_id]))


def check_chain(db: sqlite_utils.Database, meeting_id: int | None) -> Chain:
    """Walk the meeting's journal in sequence: every row must hash to its stored hash
    and follow the row before it without a gap."""
    breaks: list[Break] = []
    hashes: dict[int, str] = {}
    rows = chain_rows(db, meeting_id)
    previous: dict | None = None
    for r in rows:
        if r["seq"] is None:
            breaks.append(Break(OUTSIDE, None, row_id=r["id"], at=r["at"], op=r["op"]))
            continue
        hashes[r["seq"]] = r["hash"]
        expected = previous["seq"] + 1 if previous else 1
        if r["seq"] > expected:
            breaks.append(Break(MISSING, expected, r["seq"] - 1))
        elif previous is not None and r["prev_hash"] != previous["hash"]:
            breaks.append(Break(RELINKED, r["seq"], row_id=r["id"], at=r["at"], op=r["op"]))
        elif previous is None and r["seq"] == 1 and r["prev_hash"] is not None:
            breaks.append(Break(RELINKED, r["seq"], row_id=r["id"], at=r["at"], op=r["op"]))
        if r["hash"] != row_hash(r["prev_hash"], r["seq"], r["meeting_id"], r["at"], r["op"], r["entity"],
                                 r["entity_id"], r["data"]):
            breaks.append(Break(CHANGED, r["seq"], row_id=r["id"], at=r["at"], op=r["op"]))
        previous = r
    return Chain(rows=len(rows), hashes=hashes, breaks=tuple(breaks))


def chain_all(db: sqlite_utils.Database) -> None:
    """Give every journal row its place in its meeting's chain, in id order (the
    migration that introduced the chain; rows already chained are left alone)."""
    heads: dict[int | None, tuple[int, str | None]] = {}
    for r in db.query("SELECT * FROM journal ORDER BY id"):
        key = r["meeting_id"]
        if r["seq"] is not None:
            heads[key] = (r["seq"], r["hash"])
            continue
        seq, prev = heads.get(key, (0, None))
        seq += 1
        digest = row_hash(prev, seq, key, r["at"], r["op"], r["entity"], r["entity_id"], r["data"])
        db.execute("UPDATE journal SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?", [seq, prev, digest, r["id"]])
        heads[key] = (seq, digest)
