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
