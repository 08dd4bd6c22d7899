"""A full disk, a file that is not SQLite, a read-only file: one clear sentence each,
and the store unchanged."""

from __future__ import annotations

import os

import pytest

from db import meetings, opinions, speakers
from db.connection import open_db
from db.errors import DatabaseUnavailable


def test_full_disk_gives_one_sentence_and_rolls_back(db_path):
    db = open_db(db_path)
    meetings.start_meeting(db, 1)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 1}")
    before = len(opinions.list_opinions(db, 1))
    with pytest.raises(DatabaseUnavailable) as info:
        for _ in range(200):
            opinions.record_opinion(db, 1, "Ý kiến rất dài " * 400, author="x")
    assert info.value.message.startswith("Ổ đĩa đầy")
    assert "nội dung đang gõ vẫn còn trên màn hình" in info.value.message
    db.execute("PRAGMA max_page_count = 1000000")
    stored = opinions.list_opinions(db, 1)
    assert all(o.content for o in stored) and len(stored) >= before
    speakers.register_speaker(db, 1, honorific="Bà", name="Lan")  # works again once there is room


def test_not_sqlite_and_read_only_files(tmp_path, db_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    with pytest.raises(DatabaseUnavailable, match="không phải là tệp dữ liệu SQLite"):
        open_db(junk)
    if os.geteuid() != 0:
        db_path.chmod(0o400)
        with pytest.raises(DatabaseUnavailable, match="chỉ đọc"):
            open_db(db_path)


def test_read_only_folder_message(tmp_path, monkeypatch):
    """As root the kernel ignores folder permissions, so the check is simulated there."""
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if str(p).startswith(str(folder)) and
                            mode & os.W_OK else real_access(p, mode))
    with pytest.raises(DatabaseUnavailable, match="Không ghi được vào thư mục"):
        open_db(folder / "x.db")
    assert not (folder / "x.db").exists()


# -- defect 1: another program's SQLite file ---------------------------------------

def _foreign(path, *statements):
    import sqlite3

    conn = sqlite3.connect(path)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("statements", [
    ["CREATE TABLE users (id)"],
    ["CREATE TABLE meetings (id INTEGER PRIMARY KEY, title TEXT)", "INSERT INTO meetings VALUES (1, 'x')"],
    ["PRAGMA application_id = 1234", "CREATE TABLE t (x)"],
], ids=["users", "meetings", "other-app-id"])
def test_another_programs_sqlite_file_is_refused_unchanged(tmp_path, statements):
    path = tmp_path / "other.db"
    before = _foreign(path, *statements)
    for readonly in (False, True):
        with pytest.raises(DatabaseUnavailable, match="chương trình khác") as info:
            open_db(path, readonly=readonly)
        assert "\n" not in info.value.message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no -wal, no -shm


def test_new_store_carries_the_application_id(tmp_path):
    from db.schema import APPLICATION_ID

    path = tmp_path / "new.db"
    open_db(path).close()
    assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID
    open_db(path).close()  # recognised
    empty = tmp_path / "empty.db"
    empty.touch()
    open_db(empty).close()  # an empty file is adopted
    assert int.from_bytes(empty.read_bytes()[68:72], "big") == APPLICATION_ID


def test_store_from_before_the_application_id_is_upgraded(db_path):
    """A doithoai file written before m004: no id in the header, its migrations table
    says doithoai. It opens, keeps its meeting, and gets the id."""
    import sqlite3

    from db.schema import APPLICATION_ID

    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA application_id = 0")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_application_id'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert int.from_bytes(db_path.read_bytes()[68:72], "big") == 0
    db = open_db(db_path)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert meetings.get_meeting(db, 1).title
    db.close()
    open_db(db_path, readonly=True).close()


def test_read_only_open_of_a_store_from_an_older_version_says_to_update_it(db_path):
    """The chair cannot migrate (read-only): it says how to get the file updated."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm004_application_id'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseUnavailable, match="phiên bản doithoai cũ hơn"):
        open_db(db_path, readonly=True)
    open_db(db_path).close()  # the secretary's side updates it
    open_db(db_path, readonly=True).close()
