"""A copy of the whole database beside it, written with SQLite's online backup API
(at the end of a meeting)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

import sqlite_utils

from .connection import describe_sqlite_error
from .errors import DatabaseUnavailable


def backup_database(db: sqlite_utils.Database, *, label: str, now: datetime | None = None) -> Path | None:
    """Copy the whole database next to it with SQLite's online backup API.

    Returns the copy's path, or None for an in-memory store. Raises
    DatabaseUnavailable with a clear sentence if the copy cannot be written.
    """
    row = db.execute("PRAGMA database_list").fetchone()
    if not row or not row[2]:
        return None
    source = Path(row[2])
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}-{label}-{stamp}{source.suffix or '.db'}")
    try:
        fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        os.close(fd)
        dest = sqlite3.connect(target)
        try:
            db.conn.backup(dest)
        finally:
            dest.close()
    except sqlite3.Error as exc:
        raise DatabaseUnavailable(f"Không tạo được bản sao lưu {target}: {describe_sqlite_error(exc)}") from exc
    except OSError as exc:
        raise DatabaseUnavailable(f"Không tạo được bản sao lưu {target}: {exc.strerror or exc}.") from exc
    return target
