"""The follow-up's own journal: one hash chain per meeting, outside the sealed record.

Each row's hash is SHA-256 over the previous row's hash and the row's canonical JSON
(moment, operation, opinion number, data), so a row edited or deleted behind the
app's back breaks the chain from that row on. Opinions are named by their number in
the meeting (not an internal id), so an exported chain still verifies after import.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from .clock import moment

GENESIS = "0" * 64


@dataclass(frozen=True)
class ChainEntry:
    at: str
    op: str
    opinion: int | None
    data: dict
    prev: str
    hash: str


def _canonical(at: str, op: str, opinion: int | None, data: dict) -> bytes:
    return json.dumps({"at": at, "op": op, "opinion": opinion, "data": data}, ensure_ascii=False,
                      sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def chain_hash(prev: str, at: str, op: str, opinion: int | None, data: dict) -> str:
    return hashlib.sha256(prev.encode("ascii") + _canonical(at, op, opinion, data)).hexdigest()


def last_hash(db: sqlite_utils.Database, meeting_id: int) -> str:
    row = db.execute("SELECT hash FROM followup_journal WHERE meeting_id = ? ORDER BY id DESC LIMIT 1",
                     [meeting_id]).fetchone()
    return row[0] if row else GENESIS


def append(db: sqlite_utils.Database, meeting_id: int, op: str, opinion: int | None,
           data: dict | None = None, now: datetime | None = None, *, at: str | None = None) -> str:
    """Append one row to the meeting's chain (inside the change's transaction); its hash."""
    data = json.loads(json.dumps(data or {}, ensure_ascii=False, default=str))
    at = at or moment(now)
    prev = last_hash(db, meeting_id)
    digest = chain_hash(prev, at, op, opinion, data)
    db.execute("INSERT INTO followup_journal (meeting_id, at, op, opinion, data, prev, hash) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
               [meeting_id, at, op, opinion, json.dumps(data, ensure_ascii=False, sort_keys=True), prev, digest])
    return digest


def entries(db: sqlite_utils.Database, meeting_id: int) -> list[ChainEntry]:
    return [ChainEntry(r["at"], r["op"], r["opinion"], json.loads(r["data"]), r["prev"], r["hash"])
            for r in db.query("SELECT * FROM followup_journal WHERE meeting_id = ? ORDER BY id", [meeting_id])]


def first_break(chain: list[ChainEntry]) -> int | None:
    """Index of the first row whose link or hash does not match, or None if intact."""
    prev = GENESIS
    for i, e in enumerate(chain):
        if e.prev != prev or chain_hash(prev, e.at, e.op, e.opinion, e.data) != e.hash:
            return i
        prev = e.hash
    return None


def verify_chain(db: sqlite_utils.Database, meeting_id: int) -> int | None:
    return first_break(entries(db, meeting_id))
