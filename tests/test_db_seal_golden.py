"""The golden seal: a database sealed by an old version keeps verifying in every later one.

`tests/fixtures/sealed-v1.db` was made once by `tests/fixtures/make_sealed.py` with the
code of version 1 (see that script); it is copied to a temporary folder, opened by the
current code (migrations applied) and verified. Never regenerate the fixture to make
this test pass: a failure here means sealed records in the field stop verifying.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime

import pytest

from db import journal
from db.connection import open_db
from db.seal import reopen_meeting, seal_footer, seal_meeting, verify
from db.seal_canonical import CURRENT
from tui.cli import main

from .conftest import FIXTURES

GOLDEN = FIXTURES / "sealed-v1.db"
NOTE = json.loads((FIXTURES / "sealed-v1.json").read_text(encoding="utf-8"))


@pytest.fixture
def golden(tmp_path):
    path = tmp_path / "sealed-v1.db"
    shutil.copyfile(GOLDEN, path)
    db = open_db(path)
    yield db
    db.close()


@pytest.mark.parametrize("meeting", NOTE["meetings"], ids=lambda m: f"meeting-{m['id']}")
def test_a_meeting_sealed_by_version_1_still_verifies(golden, meeting):
    verdict = verify(golden, meeting["id"])
    assert verdict.ok and verdict.version == 1, verdict.lines()
    assert verdict.stored == meeting["seal"]


def _paper(meeting_id: int) -> dict:
    return next(m for m in NOTE["meetings"] if m["id"] == meeting_id)


def test_the_migration_chains_the_old_journal_and_keeps_the_seals_at_version_1(tmp_path):
    path = tmp_path / "sealed-v1.db"
    shutil.copyfile(GOLDEN, path)
    raw = sqlite3.connect(path)
    columns = {r[1] for r in raw.execute("PRAGMA table_info(journal)")}
    rows_before = raw.execute("SELECT id, meeting_id, at, op, data FROM journal ORDER BY id").fetchall()
    raw.close()
    assert "seq" not in columns  # the fixture predates the chain
    db = open_db(path)
    assert db.execute("SELECT id, meeting_id, at, op, data FROM journal ORDER BY id").fetchall() == rows_before
    assert db.execute("SELECT id, seal_version FROM meetings ORDER BY id").fetchall() == [(1, 1), (2, 1)]
    for meeting in NOTE["meetings"]:
        chain = journal.check_chain(db, meeting["id"])
        assert chain.intact and chain.rows == sum(1 for r in rows_before if r[1] == meeting["id"])


@pytest.mark.parametrize("meeting", NOTE["meetings"], ids=lambda m: f"meeting-{m['id']}")
def test_the_old_seal_verifies_against_the_paper_from_the_command_line(tmp_path, capsys, meeting):
    path = tmp_path / "sealed-v1.db"
    shutil.copyfile(GOLDEN, path)
    code = main(["--db", str(path), "verify", "--meeting", str(meeting["id"]), "--seal", meeting["seal"]])
    out = capsys.readouterr().out.splitlines()
    assert code == 0, out
    assert out[0] == f"Khớp niêm phong: biên bản không bị thay đổi (SHA-256 {meeting['seal']})."
    assert "dạng niêm phong phiên bản 1" in out[1] and out[-1] == "Khớp với mã niêm phong in trên giấy."


def test_the_old_reopen_stays_visible_in_verify_and_the_footer(golden):
    meeting = _paper(2)
    at = datetime.fromisoformat(meeting["reopened_at"])
    verdict = verify(golden, 2)
    assert any(line.startswith(f"Đã mở niêm phong lúc {at:%H:%M} ngày {at:%d/%m/%Y} vì {meeting['reason']} "
                               f"(mã cũ {meeting['broken_seal']}); niêm phong lại lúc ")
               for line in verdict.lines())
    assert seal_footer(golden, 2) == (f"Mã niêm phong SHA-256: {meeting['seal']} — niêm phong lại sau khi mở lại "
                                      f"ngày {at:%d/%m/%Y} vì {meeting['reason']}")
    assert seal_footer(golden, 1) == f"Mã niêm phong SHA-256: {_paper(1)['seal']}"


def test_tampering_with_an_old_sealed_meeting_is_still_caught(tmp_path, capsys):
    path = tmp_path / "sealed-v1.db"
    shutil.copyfile(GOLDEN, path)
    open_db(path).close()  # upgrade (chain the journal) first, as the app does on start
    raw = sqlite3.connect(path)
    raw.execute("DELETE FROM journal WHERE meeting_id = 1 AND op = 'opinion.record' AND "
                "seq = (SELECT min(seq) FROM journal WHERE meeting_id = 1 AND op = 'opinion.record')")
    raw.execute("UPDATE opinions SET content = 'đã bị sửa' WHERE meeting_id = 2 AND number = 4")
    raw.commit()
    raw.close()
    assert main(["--db", str(path), "verify", "--meeting", "1"]) == 1
    assert "- Mất dòng nhật ký số" in capsys.readouterr().out
    assert main(["--db", str(path), "verify", "--meeting", "2"]) == 1
    assert capsys.readouterr().out.startswith("KHÔNG KHỚP niêm phong: dữ liệu đã bị thay đổi")


def test_an_old_meeting_reopened_and_sealed_again_gets_a_current_seal(golden):
    reopen_meeting(golden, 1, "Sửa số người có mặt")
    digest = seal_meeting(golden, 1)
    verdict = verify(golden, 1, paper=digest)
    assert verdict.ok and verdict.version == CURRENT and len(verdict.reopens) == 1
