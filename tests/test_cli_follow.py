"""`doithoai follow` as a user runs it: a real process on a real database file."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from db.connection import open_db

from .conftest import REPO
from .followup_fixtures import run_meeting


def run(*args):
    return subprocess.run([sys.executable, "-m", "tui.cli", *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def followed_db(db_path, clock):
    db = open_db(db_path)
    run_meeting(db, 1, clock, seal=True)
    db.close()
    return db_path


def test_follow_overdue_lists_the_late_items_most_late_first(followed_db):
    out = run("--db", followed_db, "follow", "--overdue", "--today", "01/07/2026")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "Theo dõi việc giao giải quyết, tính đến ngày 01/07/2026"
    heads = [line for line in lines if line.startswith("[")]
    assert heads == [
        "[Quá hạn 6 ngày làm việc] hạn 23/06/2026 · Công chức Lao động - Thương binh và Xã hội",
        "[Quá hạn 1 ngày làm việc] hạn 30/06/2026 · Công chức Văn hóa - Xã hội",
        "[Quá hạn 1 ngày làm việc] hạn 30/06/2026 · Công chức Địa chính - Xây dựng",
        # the plan's timeline (seed 003): review meeting, notice, answers
        "[Quá hạn 4 ngày làm việc] hạn 25/06/2026 · Hội nghị 1: Họp đánh giá rút kinh nghiệm; phân công cơ quan, "
        "đơn vị giải quyết kiến nghị của nhân dân",
        "[Quá hạn 3 ngày làm việc] hạn 27/06/2026 · Hội nghị 1: Ra thông báo kết luận buổi tiếp xúc, đối thoại",
        "[Quá hạn 1 ngày làm việc] hạn 30/06/2026 · Hội nghị 1: Các cơ quan được giao trả lời ý kiến, kiến nghị "
        "bằng văn bản và báo cáo Chủ tịch UBND xã",
    ]
    assert "    Hội nghị 1 (18/06/2026), ý kiến số 9, Quy hoạch, xây dựng, giao thông" in lines
    assert lines[-1] == "3 việc: 3 quá hạn, 0 sắp đến hạn, 0 trong hạn, 0 chưa có hạn."


def test_follow_json_for_machines(followed_db):
    out = run("--db", followed_db, "follow", "--json", "--today", "2026-06-25")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["today"] == "2026-06-25"
    assert [(i["number"], i["flag"], i["working_days"]) for i in doc["items"]] == [
        (9, "overdue", 2), (2, "due_soon", 3), (4, "due_soon", 3), (5, "in_time", 11), (7, "no_deadline", None)]
    first = doc["items"][0]
    assert first["meeting"] == {"id": 1, "title": first["meeting"]["title"], "date": "2026-06-18"}
    assert first["state"] == "pending" and first["state_label"] == "Chưa trả lời"
    assert first["locality"] == "thôn Quán Gỏi" and first["answer"] is None
    assert [(t["due"], t["flag"], t["working_days"]) for t in doc["tasks"]] == [
        ("2026-06-25", "due_soon", 0), ("2026-06-27", "due_soon", 1), ("2026-06-30", "due_soon", 3),
        (None, "no_deadline", None)]


def test_agency_with_other_case_and_diacritics_is_understood(followed_db):
    out = run("--db", followed_db, "follow", "--agency", "CONG AN XA", "--today", "25/06/2026")
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip() == "Hiểu là cơ quan: Công an xã"
    assert [line for line in out.stdout.splitlines() if line.startswith("[")] == [
        "[Trong hạn] hạn 10/07/2026 · Công an xã"]


def test_unknown_agency_offers_the_known_name(followed_db):
    out = run("--db", followed_db, "follow", "--agency", "Cong an xaa")
    assert out.returncode == 2
    assert out.stderr.strip() == "Lỗi: Không có cơ quan 'Cong an xaa'. Có phải: Công an xã?"
    assert out.stdout == ""


def test_unknown_meeting_and_bad_date_are_one_sentence(followed_db):
    out = run("--db", followed_db, "follow", "--meeting", "7")
    assert (out.returncode, out.stderr.strip()) == (2, "Lỗi: Không có hội nghị số 7.")
    out = run("--db", followed_db, "follow", "--today", "32/01/2026")
    assert out.returncode == 2 and "--today: '32/01/2026' không phải ngày hợp lệ" in out.stderr
    assert "Traceback" not in out.stderr


def test_a_repeated_opinion_is_linked_and_the_follow_up_shows_it(followed_db, clock, demo_plan):
    from datetime import date

    from db.meetings import create_meeting

    db = open_db(followed_db)
    demo_plan.date = date(2026, 12, 10)
    later = create_meeting(db, demo_plan, now=clock())
    db.close()
    out = run("--db", followed_db, "follow", "--meeting", later, "--repeat", 2, "--of", "1:9")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"Đã ghi: ý kiến số 2 của hội nghị {later} nêu lại ý kiến số 9 của hội nghị 1."
    shown = run("--db", followed_db, "follow", "--meeting", 1, "--today", "01/07/2026")
    assert "    Nêu lại tại hội nghị ngày 10/12/2026 (ý kiến số 2)" in shown.stdout
    bad = run("--db", followed_db, "follow", "--meeting", 1, "--repeat", 2, "--of", f"{later}:2")
    assert bad.returncode == 2 and "phải thuộc một hội nghị trước đó" in bad.stderr


def test_the_chair_assigns_a_noted_opinion_after_the_meeting(followed_db):
    out = run("--db", followed_db, "follow", "--meeting", 1, "--assign", 8, "--agency", "CONG AN XA",
              "--deadline", "5 ngày làm việc", "--today", "22/06/2026")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "Đã giao ý kiến số 8 cho Công an xã, hạn 29/06/2026."
    listed = run("--db", followed_db, "follow", "--agency", "Công an xã", "--today", "22/06/2026")
    assert "[Trong hạn] hạn 29/06/2026 · Công an xã" in listed.stdout
    again = run("--db", followed_db, "follow", "--meeting", 1, "--assign", 8, "--agency", "Công an xã",
                "--deadline", "30/06/2026")
    assert again.returncode == 2 and "đã được giao giải quyết" in again.stderr
    early = run("--db", followed_db, "follow", "--meeting", 1, "--assign", 3, "--agency", "Công an xã",
                "--deadline", "01/06/2026", "--today", "22/06/2026")
    assert early.returncode == 2 and "ở trước ngày họp 18/06/2026" in early.stderr


def test_check_the_follow_up_chain(followed_db):
    import sqlite3

    assert run("--db", followed_db, "follow", "--meeting", 1, "--assign", 8, "--agency", "Công an xã",
               "--deadline", "30/06/2026", "--today", "22/06/2026").returncode == 0
    out = run("--db", followed_db, "follow", "--check")
    assert (out.returncode, out.stdout.strip()) == (0, "Hội nghị 1: nhật ký theo dõi nguyên vẹn (1 dòng).")
    raw = sqlite3.connect(followed_db)
    raw.execute("UPDATE followup_journal SET data = '{}'")
    raw.commit()
    raw.close()
    out = run("--db", followed_db, "follow", "--check")
    assert out.returncode == 1 and "bị sửa ngoài chương trình từ dòng 1" in out.stdout


def test_letters_accept_the_partial_name_the_list_accepts(followed_db, tmp_path):
    listed = run("--db", followed_db, "follow", "--agency", "van hoa", "--today", "01/07/2026")
    assert listed.returncode == 0 and listed.stderr.strip() == "Hiểu là cơ quan: Công chức Văn hóa - Xã hội"
    out = run("--db", followed_db, "follow", "--letters", "--agency", "van hoa", "--today", "01/07/2026",
              "--out", tmp_path / "out")
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip() == "Hiểu là cơ quan: Công chức Văn hóa - Xã hội"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "don-doc-cong-chuc-van-hoa-xa-hoi-2026-07-01.docx", "don-doc-cong-chuc-van-hoa-xa-hoi-2026-07-01.pdf"]
    assert out.stdout.splitlines() == [str(tmp_path / "out" / n) for n in (
        "don-doc-cong-chuc-van-hoa-xa-hoi-2026-07-01.pdf", "don-doc-cong-chuc-van-hoa-xa-hoi-2026-07-01.docx")]


def test_a_partial_name_of_several_agencies_asks_for_one_letter(followed_db, tmp_path):
    out = run("--db", followed_db, "follow", "--letters", "--agency", "xa hoi", "--today", "01/07/2026",
              "--out", tmp_path / "out")
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.strip() == ("Lỗi: 'xa hoi' khớp với 2 cơ quan: Công chức Lao động - Thương binh và Xã hội; "
                                  "Công chức Văn hóa - Xã hội. Hãy ghi tên một cơ quan.")
    assert not (tmp_path / "out").exists()
    listed = run("--db", followed_db, "follow", "--agency", "xa hoi", "--today", "01/07/2026")
    assert listed.returncode == 0
    assert listed.stderr.strip() == ("Gồm các cơ quan: Công chức Lao động - Thương binh và Xã hội; "
                                     "Công chức Văn hóa - Xã hội")
    assert [line for line in listed.stdout.splitlines() if line.startswith("[")] == [
        "[Quá hạn 6 ngày làm việc] hạn 23/06/2026 · Công chức Lao động - Thương binh và Xã hội",
        "[Quá hạn 1 ngày làm việc] hạn 30/06/2026 · Công chức Văn hóa - Xã hội"]


def test_check_says_so_when_nothing_was_recorded(followed_db):
    out = run("--db", followed_db, "follow", "--check")
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout.strip() == ("Nhật ký theo dõi chưa có dòng nào (chưa ghi gì sau hội nghị); "
                                  "không có gì bị sửa.")
    out = run("--db", followed_db, "follow", "--check", "--meeting", 1)
    assert out.stdout.strip() == ("Hội nghị 1: nhật ký theo dõi chưa có dòng nào (chưa ghi gì sau hội nghị); "
                                  "không có gì bị sửa.")


def test_the_command_line_starts_without_the_print_pipeline():
    """`doithoai --help` (and every command that prints nothing) does not pay for
    reportlab, python-docx or openpyxl: cli_follow imports them where it writes."""
    code = ("import sys, tui.cli; print(sorted(m for m in ('reportlab', 'docx', 'openpyxl', 'textual') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert (out.returncode, out.stdout.strip()) == (0, "[]"), out.stderr
