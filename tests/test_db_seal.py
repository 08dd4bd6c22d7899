"""Seal, verify, reopen, backup at the end, and the journal as `history` shows it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from db import journal, meetings, opinions, speakers
from db.connection import open_db
from db.errors import SealedError, StateError
from db.seal import reopen_meeting, seal_meeting, verify

from .conftest import REPO


def _run_meeting(db, mid, clock):
    meetings.start_meeting(db, mid, now=clock())
    s = speakers.register_speaker(db, mid, honorific="Bà", name="Trần Thị Bình", hamlet="thôn Ngọc Mai")
    speakers.call_next(db, mid, now=clock.advance(minutes=1))
    o = opinions.record_opinion(db, mid, "Đề nghị lắp đèn đường", speaker_id=s.id, now=clock.advance(minutes=1))
    opinions.record_answer(db, o.id, outcome="answered", answer="Quý III sẽ lắp.", now=clock())
    return o


def test_end_writes_a_backup_next_to_the_database(db_path, clock):
    db = open_db(db_path)
    _run_meeting(db, 1, clock)
    ended = meetings.end_meeting(db, 1, now=clock.advance(minutes=30))
    backup = ended.backup
    assert ended.backup_error is None
    assert backup.parent == db_path.parent and backup.name.startswith("meeting-hoi-nghi-1-ket-thuc-")
    copy = open_db(backup)
    assert meetings.get_meeting(copy, 1).status.value == "ended"
    assert oct(backup.stat().st_mode & 0o777) == "0o600"


def test_a_failed_backup_does_not_undo_the_end(db_path, clock, monkeypatch):
    import db.meetings as meetings_module
    from db.errors import DatabaseUnavailable

    def fail(*args, **kwargs):
        raise DatabaseUnavailable("Không tạo được bản sao lưu: ổ đĩa đầy.")

    monkeypatch.setattr(meetings_module, "backup_database", fail)
    db = open_db(db_path)
    _run_meeting(db, 1, clock)
    ended = meetings.end_meeting(db, 1, now=clock())
    assert ended.backup is None and "ổ đĩa đầy" in ended.backup_error
    assert meetings.get_meeting(db, 1).status.value == "ended"


def test_seal_refuses_edits_until_reopened_and_reopen_is_visible(demo_db, clock):
    db, mid = demo_db
    o = _run_meeting(db, mid, clock)
    with pytest.raises(StateError, match="đã kết thúc"):
        seal_meeting(db, mid)
    meetings.end_meeting(db, mid, now=clock())
    digest = seal_meeting(db, mid, now=clock())
    assert len(digest) == 64 and verify(db, mid).matches
    with pytest.raises(SealedError):
        opinions.edit_opinion(db, o.id, content="sửa lén")
    with pytest.raises(SealedError):
        meetings.set_conclusion(db, mid, "x")
    reopen_meeting(db, mid, "Chủ tọa yêu cầu sửa lỗi chính tả", now=clock())
    opinions.edit_opinion(db, o.id, content="Đề nghị lắp đèn đường thôn Ngọc Mai")
    verdict = verify(db, mid)
    assert not verdict.sealed and verdict.broken_seal == digest
    assert "Niêm phong đã bị mở" in verdict.sentence()
    assert [e.op for e in journal.history(db, mid)][-3:] == ["meeting.seal", "meeting.reopen", "opinion.edit"]
    assert seal_meeting(db, mid) != digest


def test_verify_catches_a_row_edited_with_the_sqlite3_tool(db_path, clock):
    db = open_db(db_path)
    _run_meeting(db, 1, clock)
    meetings.end_meeting(db, 1, now=clock(), backup=False)
    seal_meeting(db, 1)
    db.close()

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db_path), *args], cwd=REPO,
                              capture_output=True, text=True, timeout=60)

    ok = cli("verify")
    assert ok.returncode == 0 and ok.stdout.startswith("Khớp niêm phong")
    # behind the app's back
    try:
        subprocess.run(["sqlite3", str(db_path), "UPDATE opinions SET content = 'đã bị sửa' WHERE number = 4"],
                       check=True, capture_output=True)
    except FileNotFoundError:
        raw = sqlite3.connect(db_path)
        raw.execute("UPDATE opinions SET content = 'đã bị sửa' WHERE number = 4")
        raw.commit()
        raw.close()
    bad = cli("verify")
    assert bad.returncode == 1 and bad.stdout.startswith("KHÔNG KHỚP niêm phong")
    history = cli("history", "--opinion", "4")
    lines = history.stdout.splitlines()
    assert [line.strip().split("  ", 2)[2].split(" —")[0] for line in lines] == ["Ghi ý kiến", "Ghi trả lời"]
    again = open_db(db_path)
    opinion = opinions.get_opinion_by_number(again, 1, 4)
    seq = journal.history(again, 1, entity="opinion", entity_id=opinion.id)[0].seq
    assert lines[0].startswith(f"{seq:>4}  2026-06-18 07:32:00  ")
