"""The follow-up's documents through the print pipeline: the reminder to an agency
(công văn đôn đốc) and the report across meetings, as PDF and DOCX whose text is read
back and compared letter for letter."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import docx
import pytest

from db.connection import open_db
from reports.reminders import reminder_document, reminder_text, write_reminders
from reports.report import build_report, period
from reports.report_print import report_document, report_text, write_docx, write_pdf
from db.followup_list import list_items

from .conftest import REPO
from .followup_fixtures import run_meeting
from .reports_pdf import page_texts, squash
from .test_cli_report import make_db

AGENCY = "Công chức Lao động - Thương binh và Xã hội"
TODAY = date(2026, 7, 1)
TODAY_9 = datetime(2026, 7, 1, 9)


@pytest.fixture
def followed_db(db_path, clock):
    db = open_db(db_path)
    run_meeting(db, 1, clock, seal=True)
    yield db
    db.close()


def docx_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs) + "\n" + "\n".join(
        cell.text for table in docx.Document(str(path)).tables for row in table.rows for cell in row.cells)


def test_reminder_lists_what_the_agency_owes(followed_db):
    items = list_items(followed_db, TODAY, agency=AGENCY, open_only=True)
    lines = reminder_text(reminder_document(followed_db, AGENCY, items, TODAY))
    assert "Kính gửi: Công chức Lao động - Thương binh và Xã hội." in lines
    assert any(line.startswith("Thực hiện kết luận tại hội nghị tiếp xúc, đối thoại trực tiếp với Nhân dân "
                               "ngày 18/06/2026, Ủy ban nhân dân xã Kè Sắt đã giao") for line in lines)
    assert ("1. Ý kiến của cử tri thôn Quán Gỏi tại hội nghị ngày 18/06/2026 (ý kiến số 9): Giải quyết chế độ "
            "người có công còn chậm — thời hạn trả lời 23/06/2026, đã quá hạn 6 ngày làm việc.") in lines
    assert lines[-1].endswith("trước ngày 08/07/2026 để tổng hợp, báo cáo Chủ tịch./.")
    assert not any("Nguyễn Văn An" in line for line in lines)  # citizens named by their place


def test_reminder_pdf_and_docx_say_the_same(followed_db, tmp_path):
    written = write_reminders(followed_db, AGENCY, TODAY, tmp_path)
    assert [p.name for p in written] == [f"don-doc-cong-chuc-lao-dong-thuong-binh-va-xa-hoi-2026-07-01.{x}"
                                         for x in ("pdf", "docx")]
    pdf = squash("".join(page_texts(written[0])))
    word = squash(docx_text(written[1]))
    items = list_items(followed_db, TODAY, agency=AGENCY, open_only=True)
    for line in reminder_text(reminder_document(followed_db, AGENCY, items, TODAY)):
        assert squash(line) in pdf, line
        assert squash(line) in word, line
    assert write_reminders(followed_db, "Công an xã", date(2026, 6, 19), tmp_path)  # open, in time
    assert write_reminders(followed_db, "Không ai", TODAY, tmp_path) == []


def test_follow_letters_from_the_command_line(db_path, clock, tmp_path):
    db = open_db(db_path)
    run_meeting(db, 1, clock, seal=True)
    db.close()
    out = subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db_path), "follow", "--letters",
                          "--agency", "cong chuc lao dong - thuong binh va xa hoi", "--today", "01/07/2026",
                          "--out", str(tmp_path)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip() == f"Hiểu là cơ quan: {AGENCY}"
    assert [Path(line).name for line in out.stdout.splitlines()] == [
        "don-doc-cong-chuc-lao-dong-thuong-binh-va-xa-hoi-2026-07-01.pdf",
        "don-doc-cong-chuc-lao-dong-thuong-binh-va-xa-hoi-2026-07-01.docx"]


def test_report_pdf_and_docx(tmp_path):
    db = open_db(make_db(tmp_path / "q2.db"))
    report = build_report(db, period("quarter", 2026, 2), date(2026, 7, 10))
    lines = report_text(report_document(report, date(2026, 7, 10)))
    assert lines[1].startswith("Từ ngày 01/04/2026 đến ngày 30/06/2026, đã tổ chức 3 hội nghị tiếp xúc, "
                               "đối thoại trực tiếp với Nhân dân")
    assert any(line.startswith("Tại hội nghị: đã trả lời tại hội nghị 6 ý kiến") for line in lines)
    assert any("trong đó 3 ý kiến đã quá thời hạn trả lời./." in line for line in lines)
    pdf = write_pdf(report, tmp_path / "bc.pdf", today=date(2026, 7, 10))
    word = write_docx(report, tmp_path / "bc.docx", today=date(2026, 7, 10))
    pdf_text, word_text = squash("".join(page_texts(pdf))), squash(docx_text(word))
    for line in lines:
        assert squash(line) in pdf_text and squash(line) in word_text, line
    assert "BÁOCÁO" in pdf_text


def test_carry_over_summary_for_the_next_meeting(followed_db, tmp_path):
    from db.followup import Answer, State, set_state
    from reports.carry_over import carry_over_document, carry_over_text, write_carry_over

    items = {i.number: i for i in list_items(followed_db, TODAY)}
    set_state(followed_db, items[4].opinion_id, State.RESOLVED, now=TODAY_9,
              answer=Answer(date(2026, 6, 29), doc_number="45/CV", summary="Đã vá đường."))
    set_state(followed_db, items[5].opinion_id, State.UNRESOLVED, reason="Chờ quy hoạch.", now=TODAY_9,
              answer=Answer(date(2026, 6, 30)))
    lines = carry_over_text(carry_over_document(followed_db, 1, TODAY))
    assert lines[0] == ("Tại hội nghị ngày 18/06/2026, 5 ý kiến, kiến nghị được giao giải quyết hoặc kiến nghị "
                        "cấp có thẩm quyền. Đến ngày 01/07/2026: đã giải quyết xong hoặc đã giải trình 1 ý kiến; "
                        "chưa giải quyết được 1 ý kiến; đang giải quyết 3 ý kiến.")
    assert ("1. Đề nghị sửa đường liên thôn Quán Gỏi bị sụt lún (cử tri thôn Quán Gỏi; giao Công chức Địa chính - "
            "Xây dựng): đã giải quyết xong, số 45/CV, ngày 29/06/2026 — Đã vá đường.") in lines
    assert any(line.endswith("chưa giải quyết được, ngày 30/06/2026 — lý do: Chờ quy hoạch.") for line in lines)
    pdf, word = write_carry_over(followed_db, 1, TODAY, tmp_path)
    text = squash("".join(page_texts(pdf)))
    assert all(squash(line) in text for line in lines) and squash(lines[0]) in squash(docx_text(word))


def test_written_files_are_owner_only(followed_db, tmp_path):
    import os
    import stat

    if os.name == "nt":
        pytest.skip("mode bits mean nothing on Windows")
    written = write_reminders(followed_db, AGENCY, TODAY, tmp_path / "moi")
    assert [stat.S_IMODE(p.stat().st_mode) for p in written] == [0o600, 0o600]
