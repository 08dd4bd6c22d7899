"""Defect 2: the end-of-meeting backup is whole or absent, and start-up repairs a
missing or unreadable one (saying so)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

from db import meetings
from db.connection import open_db

from .conftest import REPO

#: A child process that ends meeting 1 and is killed (os._exit, like kill -9) while
#: SQLite copies the second page of the backup.
KILLED_DURING_BACKUP = textwrap.dedent("""
    import os, sqlite3, sys
    import sqlite_utils
    from db import meetings
    from db.connection import open_db

    class Dying(sqlite3.Connection):
        def backup(self, target, **kwargs):
            def progress(status, remaining, total):
                os._exit(9)
            return super().backup(target, pages=1, progress=progress)

    path = sys.argv[1]
    open_db(path).close()  # migrations and pragmas, as the app would
    db = sqlite_utils.Database(sqlite3.connect(path, factory=Dying))
    db.execute("PRAGMA journal_mode = WAL")
    meetings.start_meeting(db, 1)
    meetings.end_meeting(db, 1)
    print("not killed")
""")


def _readable_with_meeting_ended(path) -> bool:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        row = conn.execute("SELECT status FROM meetings WHERE id = 1").fetchone()
        conn.close()
    except sqlite3.Error:
        return False
    return row == ("ended",)


def _copies(folder):
    return sorted(p for p in folder.iterdir() if "-ket-thuc-" in p.name and p.suffix == ".db")


def test_a_kill_during_the_backup_leaves_no_empty_copy_and_start_up_makes_one(db_path):
    from db.backup import ensure_backups

    # Enough pages that the copy takes several steps.
    db = open_db(db_path)
    db.execute("CREATE TABLE IF NOT EXISTS ballast (x)")  # harmless extra pages
    db.execute("INSERT INTO ballast VALUES (zeroblob(200000))")
    db.close()
    child = subprocess.run([sys.executable, "-c", KILLED_DURING_BACKUP, str(db_path)], cwd=REPO,
                           capture_output=True, text=True, timeout=60)
    assert child.returncode == 9, child.stderr
    folder = db_path.parent
    # Whatever is under a final backup name is a good copy (here: nothing is).
    assert all(_readable_with_meeting_ended(p) for p in _copies(folder))
    db = open_db(db_path)
    assert meetings.get_meeting(db, 1).status.value == "ended"
    notes = ensure_backups(db)
    assert len(notes) == 1 and "Hội nghị số 1" in notes[0] and "đã tạo bản sao lưu mới" in notes[0]
    copies = _copies(folder)
    assert len(copies) == 1 and _readable_with_meeting_ended(copies[0])
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert ensure_backups(db) == []  # a good copy: nothing more to do
    db.close()


def test_start_up_replaces_an_unreadable_copy(db_path, clock):
    from db.backup import ensure_backups

    db = open_db(db_path)
    meetings.start_meeting(db, 1, now=clock())
    ended = meetings.end_meeting(db, 1, now=clock.advance(minutes=30))
    assert _readable_with_meeting_ended(ended.backup)
    assert ensure_backups(db) == []
    ended.backup.write_bytes(b"")  # emptied by a crash or a careless copy
    notes = ensure_backups(db, now=clock.advance(minutes=5))
    assert notes and "không đọc được" in notes[0]
    assert any(_readable_with_meeting_ended(p) for p in _copies(db_path.parent))
    db.close()


def test_the_copy_is_self_contained_and_checked(db_path, clock):
    """The copy is in rollback mode (no -wal needed beside it), 0600, and holds the meeting."""
    import os
    import stat

    db = open_db(db_path)
    meetings.start_meeting(db, 1, now=clock())
    ended = meetings.end_meeting(db, 1, now=clock.advance(minutes=30))
    copy = sqlite3.connect(ended.backup)
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()
    if os.name != "nt":
        assert stat.S_IMODE(ended.backup.stat().st_mode) == 0o600


def test_start_up_of_the_app_says_it_made_a_new_copy(db_path, clock, capsys, monkeypatch):
    """`doithoai` (open): the sentence is printed and handed to the app, which shows it."""
    from textual.app import App

    from tui.app import build_app
    from tui.cli import main

    db = open_db(db_path)
    meetings.start_meeting(db, 1, now=clock())
    meetings.end_meeting(db, 1, now=clock.advance(minutes=30), backup=False)  # as if the copy was lost
    db.close()
    seen = {}
    monkeypatch.setattr(App, "run", lambda self, *a, **k: seen.setdefault("notes", self.start_notes))
    assert main(["--db", str(db_path), "open"]) == 0
    err = capsys.readouterr().err
    assert "Hội nghị số 1 đã kết thúc nhưng bản sao lưu bị thiếu" in err
    assert seen["notes"] and "đã tạo bản sao lưu mới" in seen["notes"][0]
    assert any(_readable_with_meeting_ended(p) for p in _copies(db_path.parent))
    assert build_app(db_path).start_notes == ()


async def test_the_app_shows_the_start_up_notes(db_path):
    from tui.app import build_app

    app = build_app(db_path, notes=["Đã tạo bản sao lưu mới: x.db"])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Đã tạo bản sao lưu mới: x.db"]
