"""Several communes' records in one store, for a district's report: database files
and JSON exports merged into an in-memory database. The files are only read."""

from __future__ import annotations

from typing import TYPE_CHECKING

import json
import os
import sqlite3
from dataclasses import dataclass, field as dc_field
from pathlib import Path

from .connection import database, open_db
from .exchange import ExchangeError, export_meeting, import_meeting, loads
from .schema import migrate

if TYPE_CHECKING:
    import sqlite_utils


@dataclass
class Merged:
    db: sqlite_utils.Database
    meetings: int = 0
    skipped: list[str] = dc_field(default_factory=list)  # 'a.db: hội nghị ... (đã có từ tệp trước)'


def _read_db(path: Path) -> sqlite_utils.Database:
    """A read-only file copied into memory and brought to the current schema there."""
    try:
        # a file: URI (forward slashes, special characters escaped) also on Windows
        source = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        copy = sqlite3.connect(":memory:")
        source.backup(copy)
        source.close()
    except sqlite3.Error as exc:
        raise ExchangeError(f"{path}: không đọc được tệp dữ liệu ({exc})") from None
    db = database(copy)
    try:
        migrate(db)
    except sqlite3.Error as exc:
        raise ExchangeError(f"{path}: không phải tệp dữ liệu của doithoai ({exc})") from None
    return db


def merge_files(paths: list[str | os.PathLike]) -> Merged:
    """Every meeting of every file; a meeting already brought by an earlier file
    (same body, title and date) is skipped and named in `skipped`."""
    merged = Merged(open_db(memory=True))
    seen: set[tuple] = set()
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise ExchangeError(f"{path}: không có tệp này")
        if path.suffix.lower() == ".json":
            try:
                docs = [loads(path.read_text(encoding="utf-8"))]
            except (OSError, UnicodeDecodeError) as exc:
                raise ExchangeError(f"{path}: không đọc được tệp ({exc})") from None
            except ExchangeError as exc:
                raise ExchangeError(f"{path}: {exc.message}") from None
        else:
            source = _read_db(path)
            docs = [json.loads(json.dumps(export_meeting(source, r[0])))
                    for r in source.execute("SELECT id FROM meetings ORDER BY id")]
        for doc in docs:
            m = doc.get("meeting") or {}
            key = (m.get("organisation"), m.get("title"), m.get("date"))
            if key in seen:
                merged.skipped.append(f"{path.name}: {m.get('title')} ({m.get('date')})")
                continue
            seen.add(key)
            try:
                import_meeting(merged.db, doc)
            except ExchangeError as exc:
                raise ExchangeError(f"{path}: {exc.message}") from None
            merged.meetings += 1
    return merged
