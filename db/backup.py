"""Backup copies of the store, written so that a copy is either whole or absent.

`backup_database` copies the database with SQLite's online backup API into a
temporary name beside the final one, checks the copy (integrity_check, and the
meeting it is made for is in it), makes it a self-contained file (no WAL), flushes
it to disk and only then renames it into place. A `kill -9` at any moment leaves
either no copy or a good one (and perhaps a `.tmp` that is cleared later).

`ensure_backups` runs at start-up: every ended meeting must be found, ended, in
some readable copy beside the store; if not, one new copy is made and a sentence
says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import contextlib
import glob
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from .connection import describe_sqlite_error
from .errors import DatabaseUnavailable

if TYPE_CHECKING:
    import sqlite_utils

#: What every end-of-meeting copy's name holds, between the store's name and the time.
END_LABEL = "ket-thuc"
#: A copy being written; renamed away once checked.
PARTIAL_SUFFIX = ".tmp"


def store_path(db: sqlite_utils.Database) -> Path | None:
    """The file behind `db`, or None for an in-memory store."""
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None


def end_label(meeting_ids: list[int] | tuple[int, ...]) -> str:
    """'hoi-nghi-1-ket-thuc', 'hoi-nghi-1-3-ket-thuc'."""
    return "hoi-nghi-" + "-".join(str(i) for i in meeting_ids[:8]) + f"-{END_LABEL}"


def backup_database(db: sqlite_utils.Database, *, label: str, now: datetime | None = None,
                    meeting_ids: tuple[int, ...] = ()) -> Path | None:
    """Copy the whole database beside it; return the copy's path (None in memory).

    The copy is checked before it gets its final name: SQLite's integrity_check says
    "ok" and every meeting in `meeting_ids` is in it. Raises DatabaseUnavailable with
    one sentence if the copy cannot be written or fails the check (nothing is left
    under the final name then).
    """
    source = store_path(db)
    if source is None:
        return None
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}-{label}-{stamp}{source.suffix or '.db'}")
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        _remove(partial)
        fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        os.close(fd)
        dest = sqlite3.connect(partial)
        try:
            db.conn.backup(dest)
            # A self-contained file: the copy must not depend on a -wal beside it.
            dest.execute("PRAGMA journal_mode = DELETE")
            problem = _check(dest, meeting_ids)
        finally:
            dest.close()
        if problem:
            _remove(partial)
            raise DatabaseUnavailable(f"Bản sao lưu {target} không đạt khi kiểm tra ({problem}); "
                                      "dữ liệu gốc vẫn nguyên vẹn — hãy thử lại.")
        _flush(partial)
        os.replace(partial, target)
        _flush_folder(target.parent)
    except sqlite3.Error as exc:
        _remove(partial)
        raise DatabaseUnavailable(f"Không tạo được bản sao lưu {target}: {describe_sqlite_error(exc)}") from exc
    except OSError as exc:
        _remove(partial)
        raise DatabaseUnavailable(f"Không tạo được bản sao lưu {target}: {exc.strerror or exc}.") from exc
    return target


def _check(conn: sqlite3.Connection, meeting_ids: tuple[int, ...]) -> str | None:
    """None if the copy is sound and holds the meetings; else what is wrong (Vietnamese)."""
    result = conn.execute("PRAGMA integrity_check").fetchone()
    if not result or result[0] != "ok":
        return "tệp hỏng"
    for meeting_id in meeting_ids:
        if conn.execute("SELECT 1 FROM meetings WHERE id = ?", [meeting_id]).fetchone() is None:
            return f"thiếu hội nghị số {meeting_id}"
    return None


def ended_in_copy(path: Path) -> set[int]:
    """The ids of the meetings recorded as ended in the copy at `path`; empty if the copy
    cannot be read (missing, empty, truncated, not SQLite, or with a hot journal)."""
    try:
        if path.stat().st_size == 0:
            return set()
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return set()
    try:
        return {row[0] for row in conn.execute("SELECT id FROM meetings WHERE status = 'ended'")}
    except sqlite3.Error:
        return set()
    finally:
        conn.close()


def end_copies(source: Path) -> list[Path]:
    """The end-of-meeting copies beside the store at `source`, newest first."""
    suffix = source.suffix or ".db"
    found = [p for p in source.parent.glob(f"{glob.escape(source.stem)}-*-{END_LABEL}-*{suffix}")
             if p.name != source.name]
    return sorted(found, key=lambda p: p.name, reverse=True)


def ensure_backups(db: sqlite_utils.Database, *, now: datetime | None = None) -> list[str]:
    """At start-up: make a new copy if an ended meeting has no readable one.

    Returns the sentences to show (empty when every ended meeting is in a good copy).
    Leftover `.tmp` copies from an interrupted backup are removed.
    """
    source = store_path(db)
    if source is None:
        return []
    ended = [row[0] for row in db.execute("SELECT id FROM meetings WHERE status = 'ended' ORDER BY id")]
    suffix = source.suffix or ".db"
    for leftover in source.parent.glob(f"{glob.escape(source.stem)}-*-{END_LABEL}-*{suffix}{PARTIAL_SUFFIX}"):
        _remove(leftover)
    if not ended:
        return []
    missing = set(ended)
    for copy in end_copies(source):
        missing -= ended_in_copy(copy)
        if not missing:
            return []
    ids = tuple(sorted(missing))
    numbers = ", ".join(str(i) for i in ids)
    try:
        target = backup_database(db, label=end_label(ids), now=now, meeting_ids=ids)
    except DatabaseUnavailable as exc:
        return [f"Hội nghị số {numbers} đã kết thúc nhưng chưa có bản sao lưu đọc được, "
                f"và chưa tạo lại được: {exc.message}"]
    return [f"Hội nghị số {numbers} đã kết thúc nhưng bản sao lưu bị thiếu hoặc không đọc được; "
            f"đã tạo bản sao lưu mới: {target}"]


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _flush(path: Path) -> None:
    """Force the file's bytes to disk before it is renamed into place."""
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _flush_folder(folder: Path) -> None:
    """Make the rename durable (POSIX). Windows cannot open a folder; NTFS journals
    the rename itself, so nothing is done there."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
