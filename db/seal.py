"""The seal: a SHA-256 of the meeting's canonical export, stored after printing.

A sealed meeting refuses edits (`meetings.require_editable`). Reopening it is explicit,
journaled, and leaves the broken seal visible (`broken_seal`, `reopened_at`).
`verify` recomputes the hash: a row changed behind the app's back shows up.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

import sqlite_utils

from . import journal
from .clock import moment
from .connection import transaction
from .errors import StateError
from .exchange import canonical_bytes
from .meetings import get_meeting
from .models import MeetingStatus
from .text import clean


def record_hash(db: sqlite_utils.Database, meeting_id: int) -> str:
    return hashlib.sha256(canonical_bytes(db, meeting_id)).hexdigest()


def seal_meeting(db: sqlite_utils.Database, meeting_id: int, *, now: datetime | None = None) -> str:
    """Seal an ended meeting; return the hash (printed in the documents' footer)."""
    at = moment(now)
    with transaction(db):
        meeting = get_meeting(db, meeting_id)
        if meeting.status is not MeetingStatus.ENDED:
            raise StateError("Chỉ niêm phong được hội nghị đã kết thúc.")
        if meeting.sealed_hash:
            raise StateError(f"Hội nghị đã được niêm phong lúc {meeting.sealed_at}.")
        digest = record_hash(db, meeting_id)
        db.execute("UPDATE meetings SET sealed_hash = ?, sealed_at = ? WHERE id = ?", [digest, at, meeting_id])
        journal.record(db, meeting_id, "meeting.seal", "meeting", meeting_id, {"sha256": digest}, now)
    return digest


def reopen_meeting(db: sqlite_utils.Database, meeting_id: int, reason: str, *,
                   now: datetime | None = None) -> None:
    """Break the seal on purpose, with a reason; journaled and visible afterwards."""
    reason = clean(reason, "Lý do mở niêm phong")
    at = moment(now)
    with transaction(db):
        meeting = get_meeting(db, meeting_id)
        if not meeting.sealed_hash:
            raise StateError("Hội nghị chưa được niêm phong.")
        db.execute("UPDATE meetings SET broken_seal = sealed_hash, sealed_hash = NULL, sealed_at = NULL, "
                   "reopened_at = ?, reopened_reason = ? WHERE id = ?", [at, reason, meeting_id])
        journal.record(db, meeting_id, "meeting.reopen", "meeting", meeting_id,
                       {"broken_seal": meeting.sealed_hash, "reason": reason}, now)


@dataclass(frozen=True)
class Verdict:
    sealed: bool
    matches: bool
    stored: str | None
    actual: str
    reopened_at: str | None
    broken_seal: str | None

    def sentence(self) -> str:
        if self.sealed and self.matches:
            return f"Khớp niêm phong: biên bản không bị thay đổi (SHA-256 {self.actual})."
        if self.sealed:
            return (f"KHÔNG KHỚP niêm phong: dữ liệu đã bị thay đổi sau khi niêm phong "
                    f"(niêm phong {self.stored}, hiện tại {self.actual}).")
        if self.reopened_at:
            return (f"Niêm phong đã bị mở lúc {self.reopened_at} (niêm phong cũ {self.broken_seal}); "
                    "biên bản có thể đã được sửa.")
        return "Hội nghị chưa được niêm phong."


def verify(db: sqlite_utils.Database, meeting_id: int) -> Verdict:
    meeting = get_meeting(db, meeting_id)
    row = db.execute("SELECT reopened_at, broken_seal FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    actual = record_hash(db, meeting_id)
    return Verdict(sealed=bool(meeting.sealed_hash), matches=meeting.sealed_hash == actual,
                   stored=meeting.sealed_hash, actual=actual, reopened_at=row[0], broken_seal=row[1])
