"""The seal of version 2: the journal as a hash chain, tampering behind the app's back
(with the `sqlite3` module on the file itself), the hash on the signed paper, and
reopens that stay visible after a new seal."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest
from pypdf import PdfReader

from db import journal, meetings, opinions, speakers
from db.connection import open_db
from db.seal import record_hash, reopen_meeting, seal_footer, seal_meeting, verify
from db.seal_canonical import CURRENT
from reports.printing import print_meeting
from tui.cli import main

from .reports_pdf import squash

REASON = "Chủ tọa yêu cầu sửa lỗi chính tả"


def _run_and_end(db, mid, clock):
    meetings.start_meeting(db, mid, now=clock())
    s = speakers.register_speaker(db, mid, honorific="Bà", name="Trần Thị Bình", hamlet="thôn Ngọc Mai",
                                  now=clock.advance(minutes=1))
    speakers.call_next(db, mid, now=clock.advance(minutes=1))
    o = opinions.record_opinion(db, mid, "Đề nghị lắp đèn đường", speaker_id=s.id, now=clock.advance(minutes=1))
    opinions.record_answer(db, o.id, outcome="answered", answer="Quý III sẽ lắp.", now=clock.advance(minutes=1))
    meetings.set_conclusion(db, mid, "Tiếp thu toàn bộ ý kiến.", now=clock.advance(minutes=5))
    meetings.end_meeting(db, mid, now=clock.advance(minutes=5), backup=False)
    return o


@pytest.fixture
def sealed(db_path, clock):
    """A real file with meeting 1 run, ended and sealed; returns (path, seal printed on paper)."""
    db = open_db(db_path)
    _run_and_end(db, 1, clock)
    digest = seal_meeting(db, 1, now=clock.advance(minutes=10))
    db.close()
    return db_path, digest


def _raw(path, *statements):
    """Change the file behind the app's back, as someone with the sqlite3 tool would."""
    raw = sqlite3.connect(path)
    for sql, *params in statements:
        raw.execute(sql, *params)
    raw.commit()
    raw.close()


def _seq_of(path, op):
    raw = sqlite3.connect(path)
    seq = raw.execute("SELECT seq FROM journal WHERE meeting_id = 1 AND op = ? ORDER BY seq LIMIT 1", [op]).fetchone()[0]
    raw.close()
    return seq


def _verify(path, capsys, *args):
    code = main(["--db", str(path), "verify", *args])
    return code, capsys.readouterr().out


def test_every_journal_row_is_chained_to_the_one_before(sealed):
    path, digest = sealed
    db = open_db(path)
    rows = journal.chain_rows(db, 1)
    assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0]["prev_hash"] is None
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(rows, rows[1:]))
    assert rows[-1]["op"] == "meeting.seal" and json.loads(rows[-1]["data"])["sha256"] == digest
    verdict = verify(db, 1)
    assert verdict.ok and verdict.version == CURRENT == 3 and verdict.journal_rows == len(rows)
    assert journal.check_chain(db, 1).intact


def test_chains_are_per_meeting_and_survive_a_write_outside_a_transaction(sealed, demo_plan, clock):
    path, _ = sealed
    db = open_db(path)
    other = meetings.create_meeting(db, demo_plan, now=clock())
    before = len(journal.chain_rows(db, other))
    journal.record(db, other, "meeting.note", "meeting", other, {"x": 1}, clock())  # no transaction open
    assert [r["seq"] for r in journal.chain_rows(db, other)] == list(range(1, before + 2))
    journal.record(db, None, "app.note", "app", None, {}, clock())
    journal.record(db, None, "app.note", "app", None, {}, clock())
    assert journal.check_chain(db, None).intact and journal.check_chain(db, other).intact
    assert verify(db, 1).ok


def test_a_deleted_journal_row_is_caught_and_named(sealed, capsys):
    path, digest = sealed
    seq = _seq_of(path, "opinion.record")
    _raw(path, ("DELETE FROM journal WHERE meeting_id = 1 AND seq = ?", [seq]))
    code, out = _verify(path, capsys)
    assert code == 1
    assert out.startswith("KHÔNG KHỚP niêm phong: nhật ký thay đổi đã bị xóa hoặc sửa")
    assert f"- Mất dòng nhật ký số {seq}: đã bị xóa khỏi tệp dữ liệu." in out.splitlines()


def test_the_deleted_seal_row_at_the_end_is_caught(sealed, capsys):
    path, _ = sealed
    _raw(path, ("DELETE FROM journal WHERE meeting_id = 1 AND op = 'meeting.seal'",))
    code, out = _verify(path, capsys)
    assert code == 1 and "ở cuối nhật ký (có cả dòng ghi việc niêm phong)" in out


def test_an_edited_journal_row_is_caught_and_named(sealed, capsys):
    path, _ = sealed
    seq = _seq_of(path, "opinion.record")
    _raw(path, ("UPDATE journal SET data = replace(data, 'lắp đèn', 'sửa đèn') WHERE meeting_id = 1 AND seq = ?",
                [seq]))
    code, out = _verify(path, capsys)
    assert code == 1
    assert f"- Dòng nhật ký số {seq} (Ghi ý kiến, lúc 2026-06-18 07:33:00) đã bị sửa sau khi ghi." in out


def test_a_journal_rewritten_with_its_hashes_no_longer_matches_the_seal(sealed, capsys):
    """Edit one row and recompute every hash after it: the chain is whole again, but the
    seal covered the old head."""
    path, _ = sealed
    raw = sqlite3.connect(path)
    raw.execute("UPDATE journal SET data = replace(data, 'lắp đèn', 'sửa đèn') WHERE meeting_id = 1")
    prev = None
    for rid, seq, mid, at, op, entity, eid, data in raw.execute(
            "SELECT id, seq, meeting_id, at, op, entity, entity_id, data FROM journal WHERE meeting_id = 1 "
            "ORDER BY seq").fetchall():
        digest = journal.row_hash(prev, seq, mid, at, op, entity, eid, data)
        raw.execute("UPDATE journal SET prev_hash = ?, hash = ? WHERE id = ?", [prev, digest, rid])
        prev = digest
    raw.commit()
    raw.close()
    code, out = _verify(path, capsys)
    assert code == 1 and out.startswith("KHÔNG KHỚP niêm phong: dữ liệu đã bị thay đổi sau khi niêm phong")


def _forge(path, content):
    """Change an opinion, then recompute and store everything a program can: the seal
    (as the current code computes it), the seal's journal row and its chain hash."""
    _raw(path, ("UPDATE opinions SET content = ? WHERE meeting_id = 1 AND number = 4", [content]))
    db = open_db(path)
    version, head_seq = db.execute("SELECT seal_version, seal_head_seq FROM meetings WHERE id = 1").fetchone()
    head = db.execute("SELECT hash FROM journal WHERE meeting_id = 1 AND seq = ?", [head_seq]).fetchone()[0]
    forged = record_hash(db, 1, version, (head_seq, head))
    db.close()
    raw = sqlite3.connect(path)
    rid, seq, mid, at, op, entity, eid, data, prev = raw.execute(
        "SELECT id, seq, meeting_id, at, op, entity, entity_id, data, prev_hash FROM journal "
        "WHERE meeting_id = 1 AND op = 'meeting.seal'").fetchone()
    data = json.dumps({**json.loads(data), "sha256": forged}, ensure_ascii=False, sort_keys=True)
    raw.execute("UPDATE journal SET data = ?, hash = ? WHERE id = ?",
                [data, journal.row_hash(prev, seq, mid, at, op, entity, eid, data), rid])
    raw.execute("UPDATE meetings SET sealed_hash = ? WHERE id = 1", [forged])
    raw.commit()
    raw.close()
    return forged


def test_data_and_stored_hash_changed_together_are_caught_with_the_paper_seal(sealed, capsys):
    path, paper = sealed
    forged = _forge(path, "Không có ý kiến gì")
    code, out = _verify(path, capsys)
    assert code == 0 and forged in out  # without the paper, a careful forgery looks sealed
    code, out = _verify(path, capsys, "--seal", paper.upper())
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"KHÔNG KHỚP mã niêm phong trên giấy: dữ liệu hiện tại cho mã {forged}, trên giấy là {paper}."
    assert ("Dữ liệu và mã niêm phong lưu trong tệp đã bị thay đổi cùng nhau sau khi ký, "
            "hoặc bản giấy là của hội nghị khác.") in lines


def test_a_seal_downgraded_to_version_1_is_caught_with_the_paper_seal(sealed, capsys):
    path, paper = sealed
    _raw(path, ("UPDATE opinions SET content = 'Không có ý kiến gì' WHERE meeting_id = 1 AND number = 4",))
    db = open_db(path)
    forged = record_hash(db, 1, 1)
    db.close()
    _raw(path, ("UPDATE meetings SET sealed_hash = ?, seal_version = 1 WHERE id = 1", [forged]))
    code, out = _verify(path, capsys, "--seal", paper)
    assert code == 1 and out.startswith("KHÔNG KHỚP")


def test_the_paper_seal_matching_says_so_and_a_bad_one_is_refused(sealed, capsys):
    path, paper = sealed
    code, out = _verify(path, capsys, "--seal", " ".join(paper[i:i + 8] for i in range(0, 64, 8)))
    assert code == 0 and out.splitlines()[-1] == "Khớp với mã niêm phong in trên giấy."
    code = main(["--db", str(path), "verify", "--seal", "abc"])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("Lỗi: Mã niêm phong: phải gồm đúng 64 chữ số") and "Traceback" not in err


def test_a_reopen_stays_visible_after_a_new_seal(sealed, clock, capsys, tmp_path):
    path, first = sealed
    db = open_db(path)
    reopened = clock.advance(minutes=60)
    reopen_meeting(db, 1, REASON, now=reopened)
    o = opinions.get_opinion_by_number(db, 1, 4)
    opinions.edit_opinion(db, o.id, content="Đề nghị lắp đèn đường thôn Ngọc Mai", now=clock.advance(minutes=1))
    assert seal_footer(db, 1).startswith("Niêm phong đã bị mở ngày 18/06/2026 vì " + REASON)
    resealed = clock.advance(minutes=1)
    second = seal_meeting(db, 1, now=resealed)
    verdict = verify(db, 1)
    assert verdict.ok and verdict.stored == second != first
    reopen_line = (f"Đã mở niêm phong lúc {reopened:%H:%M} ngày 18/06/2026 vì {REASON} (mã cũ {first}); "
                   f"niêm phong lại lúc {resealed:%H:%M} ngày 18/06/2026.")
    assert reopen_line in verdict.lines()
    footer = seal_footer(db, 1)
    assert footer == (f"Mã niêm phong SHA-256: {second} — niêm phong lại sau khi mở lại "
                      f"ngày 18/06/2026 vì {REASON}")
    # a second reopen: both stay
    reopen_meeting(db, 1, "Bổ sung kết luận", now=clock.advance(minutes=30))
    third = seal_meeting(db, 1, now=clock.advance(minutes=1))
    assert seal_footer(db, 1).endswith(f"ngày 18/06/2026 vì {REASON}; ngày 18/06/2026 vì Bổ sung kết luận")
    assert len(verify(db, 1).reopens) == 2
    # the old paper is recognised as a broken seal
    code, out = _verify(path, capsys, "--seal", first)
    assert code == 1 and f"Mã trên giấy là niêm phong cũ, đã bị mở lúc {reopened:%H:%M} ngày 18/06/2026" in out
    code, out = _verify(path, capsys, "--seal", third)
    assert code == 0 and reopen_line in out.splitlines()
    # and on the printed paper
    printed = print_meeting(db, 1, tmp_path / "pdf", now=clock())
    page = squash((PdfReader(printed.minutes).pages[0].extract_text()))
    assert squash(f"niêm phong lại sau khi mở lại ngày 18/06/2026 vì {REASON}") in page
    assert third in page


def test_the_seal_ignores_changes_to_the_export_format(sealed, monkeypatch):
    """The export may grow (new fields) without breaking any seal."""
    from db import exchange

    path, _ = sealed
    original = exchange.export_meeting
    monkeypatch.setattr(exchange, "export_meeting",
                        lambda *a, **k: {**original(*a, **k), "new_field": "một trường mới"})
    db = open_db(path)
    assert verify(db, 1).ok


def test_a_journal_row_added_by_another_program_is_caught(sealed, capsys):
    path, _ = sealed
    _raw(path, ("INSERT INTO journal (meeting_id, at, op, entity, data) VALUES (1, '2026-06-18T09:00:00', "
                "'opinion.edit', 'opinion', '{}')",))
    code, out = _verify(path, capsys)
    assert code == 1 and "được ghi ngoài chương trình, không nằm trong chuỗi" in out


def test_the_seal_hashes_the_versioned_canonical_form(sealed):
    path, digest = sealed
    db = open_db(path)
    from db.seal_canonical import canonical

    head_seq = db.execute("SELECT seal_head_seq FROM meetings WHERE id = 1").fetchone()[0]
    head = (head_seq, journal.check_chain(db, 1).hashes[head_seq])
    body = canonical(db, 1, CURRENT, head=head)
    assert hashlib.sha256(body).hexdigest() == digest
    doc = json.loads(body)
    assert doc["form"] == "doithoai.seal" and doc["version"] == CURRENT and doc["journal"]["seq"] == head_seq


def test_data_and_stored_hash_changed_without_the_journal_are_caught_without_paper(sealed, capsys):
    path, _ = sealed
    _raw(path, ("UPDATE opinions SET content = 'Không có ý kiến gì' WHERE meeting_id = 1 AND number = 4",))
    db = open_db(path)
    version, head_seq = db.execute("SELECT seal_version, seal_head_seq FROM meetings WHERE id = 1").fetchone()
    head = db.execute("SELECT hash FROM journal WHERE meeting_id = 1 AND seq = ?", [head_seq]).fetchone()[0]
    forged = record_hash(db, 1, version, (head_seq, head))
    db.close()
    _raw(path, ("UPDATE meetings SET sealed_hash = ? WHERE id = 1", [forged]))
    code, out = _verify(path, capsys)
    assert code == 1
    assert f"- Dòng nhật ký số {head_seq + 1} không phải là dòng niêm phong với mã đang lưu" in out


@pytest.mark.parametrize("change, says", [
    ("UPDATE meetings SET seal_version = 7 WHERE id = 1", "- Dạng niêm phong phiên bản 7 không có trong bản doithoai này"),
    ("UPDATE meetings SET seal_head_seq = NULL WHERE id = 1", "- Thông tin niêm phong trong tệp thiếu dòng nhật ký"),
    ("UPDATE meetings SET seal_head_seq = 2 WHERE id = 1", "KHÔNG KHỚP niêm phong: dữ liệu đã bị thay đổi"),
])
def test_tampered_seal_details_give_a_sentence_not_a_traceback(sealed, capsys, change, says):
    path, _ = sealed
    _raw(path, (change,))
    code, out = _verify(path, capsys)
    assert code == 1 and says in out


def test_two_writers_at_once_keep_one_unbroken_chain(db_path):
    """Each store write takes the write lock before reading the chain's head."""
    import threading

    errors = []

    def writer(tag):
        db = open_db(db_path)
        try:
            for i in range(40):
                speakers.register_speaker(db, 1, honorific="Ông", name=f"Người {tag} {i}")
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=writer, args=(tag,)) for tag in "AB"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    db = open_db(db_path)
    chain = journal.check_chain(db, 1)
    assert chain.intact and sorted(chain.hashes) == list(range(1, chain.rows + 1))
    assert len(speakers.list_speakers(db, 1)) == 80


def test_a_journal_row_made_unreadable_gives_sentences_not_a_traceback(sealed, capsys, clock):
    path, _ = sealed
    db = open_db(path)
    reopen_meeting(db, 1, REASON, now=clock.advance(minutes=60))
    seal_meeting(db, 1, now=clock.advance(minutes=1))
    db.close()
    _raw(path, ("UPDATE journal SET data = 'hỏng', at = 'hôm qua' WHERE meeting_id = 1 AND op = 'meeting.reopen'",))
    code, out = _verify(path, capsys)
    assert code == 1 and "Traceback" not in out
    assert "(MỞ NIÊM PHONG, lúc hôm qua) đã bị sửa sau khi ghi." in out
    assert "Đã mở niêm phong lúc 'hôm qua' vì " in out
    assert main(["--db", str(path), "history"]) == 0
