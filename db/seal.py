"""The seal: a SHA-256 of the meeting's sealed content, stored and printed on the paper.

What is hashed is the seal's own canonical form (db/seal_canonical.py), versioned: the
version is stored with the seal (`meetings.seal_version`, NULL = 1), so a later release
that adds fields to the export still verifies old seals. From version 2 on it covers the
record and the head of the meeting's journal chain (db/journal.py), so a journal row
deleted or changed after the seal is caught as well; version 3 (new seals) adds what the
notice and minutes print since (db/seal_canonical.py lists it).

A sealed meeting refuses edits (`meetings.require_editable`). Reopening it is explicit,
journaled, and stays visible: after a new seal, `verify` and the printed footer still
say when and why the record was reopened (read from the journal, which the seal covers).
`verify(..., paper=HEX)` checks against the hash printed on the signed paper, which
catches data and stored hash changed together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime

from . import journal
from .clock import moment
from .connection import transaction
from .errors import StateError, ValidationError
from .history import describe_break
from .meetings import get_meeting
from .seal_canonical import CURRENT, VERSIONS, canonical
from .text import clean
from .vndate import dmy, hhmm, to_datetime
from .vocabulary import MeetingStatus

if TYPE_CHECKING:
    import sqlite_utils

SEAL = "meeting.seal"
REOPEN = "meeting.reopen"


def record_hash(db: sqlite_utils.Database, meeting_id: int, version: int = CURRENT,
                head: tuple[int, str | None] | None = None) -> str:
    """SHA-256 (hex) of the meeting's canonical form in `version`; `head` is the
    journal row (seq, hash) the seal covers, from version 2 on."""
    return hashlib.sha256(canonical(db, meeting_id, version, head=head)).hexdigest()


def _head(db: sqlite_utils.Database, meeting_id: int) -> tuple[int, str | None]:
    row = db.execute("SELECT seq, hash FROM journal WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1",
                     [meeting_id]).fetchone()
    return (row[0], row[1]) if row else (0, None)


def seal_meeting(db: sqlite_utils.Database, meeting_id: int, *, now: datetime | None = None) -> str:
    """Seal an ended meeting; return the hash (printed in the documents' footer).

    The seal covers the record and the journal up to its current head; the seal's own
    journal row follows that head."""
    at = moment(now)
    with transaction(db):
        meeting = get_meeting(db, meeting_id)
        if meeting.status is not MeetingStatus.ENDED:
            raise StateError("Chỉ niêm phong được hội nghị đã kết thúc.")
        if meeting.sealed_hash:
            raise StateError(f"Hội nghị đã được niêm phong lúc {meeting.sealed_at}.")
        head = _head(db, meeting_id)
        digest = record_hash(db, meeting_id, CURRENT, head)
        db.execute("UPDATE meetings SET sealed_hash = ?, sealed_at = ?, seal_version = ?, seal_head_seq = ? "
                   "WHERE id = ?", [digest, at, CURRENT, head[0], meeting_id])
        journal.record(db, meeting_id, SEAL, "meeting", meeting_id,
                       {"sha256": digest, "version": CURRENT, "head_seq": head[0], "head": head[1]}, now)
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
                   "seal_version = NULL, seal_head_seq = NULL, reopened_at = ?, reopened_reason = ? "
                   "WHERE id = ?", [at, reason, meeting_id])
        journal.record(db, meeting_id, REOPEN, "meeting", meeting_id,
                       {"broken_seal": meeting.sealed_hash, "reason": reason}, now)


# -- the seal's history: every reopen, and the seal that followed it ----------------------

@dataclass(frozen=True)
class Reopen:
    at: str
    reason: str
    broken_seal: str | None
    resealed_at: str | None = None
    reseal: str | None = None


def reopens(db: sqlite_utils.Database, meeting_id: int) -> list[Reopen]:
    """Every time the meeting's seal was broken, oldest first, read from the journal,
    each with the seal made after it (if any)."""
    found: list[Reopen] = []
    for entry in journal.history(db, meeting_id, entity="meeting", entity_id=meeting_id):
        if entry.op == REOPEN:
            found.append(Reopen(entry.at, entry.data.get("reason") or "", entry.data.get("broken_seal")))
        elif entry.op == SEAL and found and found[-1].resealed_at is None:
            last = found[-1]
            found[-1] = Reopen(last.at, last.reason, last.broken_seal, entry.at, entry.data.get("sha256"))
    if not found:
        row = db.execute("SELECT reopened_at, reopened_reason, broken_seal, sealed_at, sealed_hash "
                         "FROM meetings WHERE id = ?", [meeting_id]).fetchone()
        if row and row[0]:  # a reopen the journal does not show (it predates the journal's row)
            found.append(Reopen(row[0], row[1] or "", row[2], row[3], row[4]))
    return found


def _moment(at: str | None) -> datetime | None:
    try:
        return to_datetime(at) if at else None
    except (TypeError, ValueError):  # a moment changed behind the app's back
        return None


def _day(at: str | None) -> str:
    """'18/06/2026' from a stored moment (the stored text itself if it is not one)."""
    d = _moment(at)
    return dmy(d) if d else f"'{at}'"


def _when(at: str | None) -> str:
    """'10:22 ngày 18/06/2026' from a stored moment (the stored text itself if it is not one)."""
    d = _moment(at)
    return f"{hhmm(d)} ngày {dmy(d)}" if d else f"'{at}'"


def _reopen_sentence(r: Reopen) -> str:
    text = f"Đã mở niêm phong lúc {_when(r.at)} vì {r.reason}"
    if r.broken_seal:
        text += f" (mã cũ {r.broken_seal})"
    if r.resealed_at:
        return text + f"; niêm phong lại lúc {_when(r.resealed_at)}."
    return text + "; chưa niêm phong lại."


def seal_footer(db: sqlite_utils.Database, meeting_id: int) -> str | None:
    """The footer line of every printed page: the seal, and every reopen before it;
    or that the seal is broken; None for a meeting never sealed."""
    meeting = get_meeting(db, meeting_id)
    history = reopens(db, meeting_id)
    if meeting.sealed_hash:
        text = f"Mã niêm phong SHA-256: {meeting.sealed_hash}"
        if history:
            text += " — niêm phong lại sau khi mở lại " + "; ".join(
                f"ngày {_day(r.at)} vì {r.reason}" for r in history)
        return text
    if history:
        last = history[-1]
        old = f" (mã cũ {last.broken_seal[:16]}…)" if last.broken_seal else ""
        return f"Niêm phong đã bị mở ngày {_day(last.at)} vì {last.reason}{old}; biên bản chưa được niêm phong lại."
    return None


# -- verifying ------------------------------------------------------------------------

_HEX = re.compile(r"[0-9a-f]{64}")


def parse_seal(text: str) -> str:
    """The seal as typed from the paper: 64 hexadecimal digits, spaces and case ignored."""
    value = re.sub(r"[\s:-]", "", text or "").lower()
    if not _HEX.fullmatch(value):
        raise ValidationError("Mã niêm phong", "phải gồm đúng 64 chữ số 0-9, a-f như in ở chân trang biên bản")
    return value


@dataclass(frozen=True)
class Verdict:
    sealed: bool
    matches: bool  # the data hashes to the stored seal
    stored: str | None
    actual: str | None  # the hash recomputed now (in the stored seal's version)
    version: int | None
    sealed_at: str | None
    journal_rows: int
    problems: tuple[str, ...] = ()  # journal rows deleted, changed, added after the seal
    reopens: tuple[Reopen, ...] = ()
    paper: str | None = None  # the hash on the signed paper, when given
    notes: tuple[str, ...] = field(default=())

    @property
    def paper_matches(self) -> bool | None:
        if self.paper is None:
            return None
        return self.sealed and self.paper == self.actual

    @property
    def ok(self) -> bool:
        return self.sealed and self.matches and not self.problems and self.paper_matches is not False

    @property
    def reopened_at(self) -> str | None:
        return self.reopens[-1].at if self.reopens else None

    @property
    def broken_seal(self) -> str | None:
        return self.reopens[-1].broken_seal if self.reopens else None

    def sentence(self) -> str:
        """The verdict in one sentence (the first line of `lines`)."""
        if not self.sealed:
            if self.reopens:
                return "Niêm phong đã bị mở: biên bản có thể đã được sửa và chưa được niêm phong lại."
            return "Hội nghị chưa được niêm phong."
        if self.actual is None:
            return "KHÔNG KHỚP niêm phong: không tính lại được mã niêm phong từ dữ liệu."
        if not self.matches:
            return (f"KHÔNG KHỚP niêm phong: dữ liệu đã bị thay đổi sau khi niêm phong "
                    f"(niêm phong {self.stored}, hiện tại {self.actual}).")
        if self.problems:
            return "KHÔNG KHỚP niêm phong: nhật ký thay đổi đã bị xóa hoặc sửa ngoài chương trình."
        if self.paper_matches is False:
            return (f"KHÔNG KHỚP mã niêm phong trên giấy: dữ liệu hiện tại cho mã {self.actual}, "
                    f"trên giấy là {self.paper}.")
        return f"Khớp niêm phong: biên bản không bị thay đổi (SHA-256 {self.actual})."

    def lines(self) -> list[str]:
        """Everything `doithoai verify` prints, in Vietnamese."""
        out = [self.sentence()]
        out += [f"- {p}" for p in self.problems]
        if self.sealed and self.actual:
            scope = ("dữ liệu biên bản và toàn bộ nhật ký thay đổi" if self.version and self.version >= 2
                     else "dữ liệu biên bản; nhật ký được kiểm tra bằng chuỗi băm")
            out.append(f"Niêm phong lúc {_when(self.sealed_at)}, dạng niêm phong phiên bản {self.version or 1} "
                       f"({scope}, {self.journal_rows} dòng nhật ký).")
        out += [_reopen_sentence(r) for r in self.reopens]
        out += list(self.notes)
        if self.paper_matches:
            out.append("Khớp với mã niêm phong in trên giấy.")
        elif self.paper is None and self.sealed:
            out.append("Để đối chiếu với bản giấy đã ký: doithoai verify --seal <mã in ở chân trang>.")
        return out


def verify(db: sqlite_utils.Database, meeting_id: int, *, paper: str | None = None) -> Verdict:
    """Recompute the seal of a meeting and walk its journal chain; with `paper`, also
    compare with the hash printed on the signed paper."""
    paper = parse_seal(paper) if paper is not None else None
    with db.atomic():  # one consistent snapshot
        meeting = get_meeting(db, meeting_id)
        row = db.execute("SELECT seal_version, seal_head_seq FROM meetings WHERE id = ?", [meeting_id]).fetchone()
        version, head_seq = (row[0] or 1, row[1]) if meeting.sealed_hash else (None, None)
        chain = journal.check_chain(db, meeting_id)
        problems = [describe_break(b) for b in chain.breaks]
        history = tuple(reopens(db, meeting_id))
        actual = None
        if meeting.sealed_hash and version not in VERSIONS:
            problems.append(f"Dạng niêm phong phiên bản {version} không có trong bản doithoai này: "
                            "hãy dùng bản mới hơn, hoặc thông tin niêm phong trong tệp đã bị sửa.")
        elif meeting.sealed_hash and version >= 2 and head_seq is None:
            problems.append("Thông tin niêm phong trong tệp thiếu dòng nhật ký mà niêm phong bao gồm: đã bị sửa.")
        elif meeting.sealed_hash:
            head = None
            if version >= 2:
                head = (head_seq, chain.hashes.get(head_seq))
                problems += _after_head(db, meeting_id, chain, head_seq, meeting.sealed_hash)
            actual = record_hash(db, meeting_id, version, head)
    notes: list[str] = []
    if paper is not None and not (meeting.sealed_hash and paper == actual):
        notes.append(_paper_note(paper, meeting.sealed_hash, actual, history))
    return Verdict(sealed=bool(meeting.sealed_hash), matches=meeting.sealed_hash == actual,
                   stored=meeting.sealed_hash, actual=actual, version=version, sealed_at=meeting.sealed_at,
                   journal_rows=chain.rows, problems=tuple(problems), reopens=history, paper=paper,
                   notes=tuple(notes))


def _after_head(db: sqlite_utils.Database, meeting_id: int, chain: journal.Chain, head_seq: int,
                stored: str) -> list[str]:
    """What a version-2 seal expects after the head it covers: exactly its own row."""
    problems = []
    seal_seq = head_seq + 1
    if chain.last_seq < seal_seq:
        first = chain.last_seq + 1
        which = f"số {seal_seq}" if first == seal_seq else f"số {first} đến {seal_seq}"
        problems.append(f"Mất dòng nhật ký {which} ở cuối nhật ký (có cả dòng ghi việc niêm phong).")
    else:
        row = db.execute("SELECT op, data FROM journal WHERE meeting_id = ? AND seq = ?",
                         [meeting_id, seal_seq]).fetchone()
        if row is None or row[0] != SEAL or _json(row[1]).get("sha256") != stored:
            problems.append(f"Dòng nhật ký số {seal_seq} không phải là dòng niêm phong với mã đang lưu: "
                            "mã niêm phong lưu trong tệp đã bị thay.")
    if chain.last_seq > seal_seq:
        problems.append(f"Có dòng nhật ký số {seal_seq + 1} đến {chain.last_seq} ghi sau khi niêm phong, "
                        "ngoài chương trình.")
    return problems


def _json(text: str) -> dict:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _paper_note(paper: str, stored: str | None, actual: str | None, history: tuple[Reopen, ...]) -> str:
    for r in history:
        if r.broken_seal == paper:
            return (f"Mã trên giấy là niêm phong cũ, đã bị mở lúc {_when(r.at)} vì {r.reason}: "
                    "bản giấy đó không còn là biên bản hiện hành.")
    if stored is None:
        return "Mã trên giấy không phải niêm phong nào của hội nghị này."
    if stored == actual:
        return ("Dữ liệu và mã niêm phong lưu trong tệp đã bị thay đổi cùng nhau sau khi ký, "
                "hoặc bản giấy là của hội nghị khác.")
    return "Dữ liệu đã bị thay đổi sau khi ký."
