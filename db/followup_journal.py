"""The follow-up's own journal: one hash chain per meeting, outside the sealed record.

Same style as the meeting's journal (db/journal.py): each row carries its sequence
number within the meeting (`seq`, 1, 2, ...), the previous row's hash (`prev`, NULL
for the first) and its own hash (`hash`, `row_hash` of all of that), computed when the
row is written inside the change's transaction, so a row later changed, deleted or
inserted behind the app's back breaks the chain (`first_break`). Opinions are named
by their number in the meeting and the meeting's id is not hashed, so an exported
chain still verifies after import into another database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from .clock import moment

if TYPE_CHECKING:
    import sqlite_utils

#: Names the row hash's input layout; part of every hash, never change it.
CHAIN_FORM = "doithoai.followup.1"


@dataclass(frozen=True)
class ChainEntry:
    seq: int
    at: str
    op: str
    opinion: int | None
    data: str  # the stored JSON text, hashed as stored
    prev: str | None
    hash: str

    @property
    def values(self) -> dict:
        return json.loads(self.data)


def row_hash(prev: str | None, seq: int, at: str, op: str, opinion: int | None, data: str) -> str:
    payload = json.dumps([CHAIN_FORM, prev, seq, at, op, opinion, data], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(db: sqlite_utils.Database, meeting_id: int, op: str, opinion: int | None,
           data: dict | None = None, now: datetime | None = None, *, at: str | None = None) -> str:
    """Append one row to the meeting's chain (inside the change's transaction); its hash."""
    text = json.dumps(data or {}, ensure_ascii=False, sort_keys=True, default=str)
    at = at or moment(now)
    last = db.execute("SELECT seq, hash FROM followup_journal WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1",
                      [meeting_id]).fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, None)
    digest = row_hash(prev, seq, at, op, opinion, text)
    db.execute("INSERT INTO followup_journal (meeting_id, seq, at, op, opinion, data, prev, hash) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [meeting_id, seq, at, op, opinion, text, prev, digest])
    return digest


def entries(db: sqlite_utils.Database, meeting_id: int) -> list[ChainEntry]:
    return [ChainEntry(r["seq"], r["at"], r["op"], r["opinion"], r["data"], r["prev"], r["hash"])
            for r in db.query("SELECT * FROM followup_journal WHERE meeting_id = ? ORDER BY seq, id", [meeting_id])]


def first_break(chain: list[ChainEntry]) -> int | None:
    """Index of the first row out of place, relinked or changed; None if intact."""
    prev: str | None = None
    for i, e in enumerate(chain):
        if e.seq != i + 1 or e.prev != prev or row_hash(e.prev, e.seq, e.at, e.op, e.opinion, e.data) != e.hash:
            return i
        prev = e.hash
    return None


def verify_chain(db: sqlite_utils.Database, meeting_id: int) -> int | None:
    return first_break(entries(db, meeting_id))
