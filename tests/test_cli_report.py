"""`doithoai report` on three meetings of the second quarter (and one in July that must
not count): the printed counts against counts computed here from what was recorded,
the .xlsx read back with openpyxl, --from-files merging two communes' files."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

import openpyxl
import pytest

from db import exchange
from db.connection import open_db
from db.followup import Answer, State, set_state
from db.meetings import create_meeting
from intake.plan_file import load_plan
from reports.report import COLUMNS, period

from .conftest import DEMO_PLAN, REPO, FakeClock
from .followup_fixtures import OPINIONS, run_meeting
from .reports_pdf import norm, page_texts

DAYS = [date(2026, 4, 10), date(2026, 5, 20), date(2026, 6, 18), date(2026, 7, 15)]


def run(*args):
    return subprocess.run([sys.executable, "-m", "tui.cli", *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def make_db(path, organisation=None):
    db = open_db(path)
    plan = load_plan(DEMO_PLAN)
    if organisation:
        plan.organisation = organisation
    ids = {}
    for day in DAYS:
        plan.date = day
        clock = FakeClock(datetime.combine(day, datetime.min.time()).replace(hour=7, minute=30))
        mid = create_meeting(db, plan, now=clock())
        ids[day] = run_meeting(db, mid, clock)
    # in the April meeting the road (deadline 30/06) was answered and resolved on 25/06
    set_state(db, ids[DAYS[0]][0], State.RESOLVED, now=datetime(2026, 6, 26, 9),
              answer=Answer(date(2026, 6, 25), doc_number="45/CV", agency="Công chức Địa chính - Xây dựng"))
    db.close()
    return path


@pytest.fixture
def three(tmp_path):
    return make_db(tmp_path / "q2.db")


def expected(meetings: int = 3) -> dict[str, str]:
    """Counted from what the fixture records: the demo plan's three opinions gathered
    before the meeting (answered, assigned by 30/06, noted) and OPINIONS, all spoken by
    one speaker who finished."""
    plan = load_plan(DEMO_PLAN)
    before = [b.outcome for b in plan.before]
    spoken = [o[1] for o in OPINIONS]
    outcomes = before + spoken
    total = meetings * len(outcomes)
    answered = meetings * outcomes.count("answered")
    followed = meetings * (outcomes.count("assigned") + outcomes.count("forwarded"))
    # open on 30/06 with a deadline before it: OPINIONS' 23/06 item in every meeting
    overdue = meetings * sum(1 for o in OPINIONS if o[3] and o[3] < "2026-06-30")
    return {
        "Số hội nghị đã tổ chức": str(meetings),
        "Số người tham dự": str(meetings * sum(g.invited or 0 for g in plan.attendance)),
        "Số lượt phát biểu": str(meetings),
        "Tổng số ý kiến, kiến nghị": str(total),
        "  - Phát biểu trực tiếp": str(meetings * len(spoken)),
        "  - Ý kiến trước hội nghị": str(meetings * len(before)),
        "Đã trả lời tại hội nghị": str(answered),
        "Giao giải quyết, trả lời bằng văn bản": str(meetings * outcomes.count("assigned")),
        "Kiến nghị cấp có thẩm quyền": str(meetings * outcomes.count("forwarded")),
        "Tiếp thu": str(meetings * outcomes.count("noted")),
        "Tỷ lệ trả lời tại hội nghị (%)": f"{100 * answered / total:.1f}".replace(".", ","),
        "Số việc phải theo dõi (giao giải quyết, kiến nghị cấp trên)": str(followed),
        "  - Đã trả lời: đã giải quyết xong": "1",
        "  - Chưa trả lời": str(followed - 1),
        "Quá hạn (tính đến ngày 30/06/2026)": str(overdue),
    }


def printed(stdout: str) -> dict[str, str]:
    out = {}
    for line in stdout.splitlines()[1:]:
        label, sep, value = line.rpartition(": ")
        if sep:
            out[label] = value
    return out


def test_quarter_report_counts_and_xlsx(three, tmp_path):
    xlsx = tmp_path / "bao-cao.xlsx"
    out = run("--db", three, "report", "--period", "quarter", "--year", "2026", "--quarter", "2",
              "--out", xlsx, "--pdf", tmp_path / "bc.pdf", "--today", "10/07/2026")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == ("Báo cáo kết quả tiếp xúc, đối thoại và giải quyết kiến nghị "
                                         "quý II năm 2026")
    got = printed(out.stdout)
    for label, value in expected().items():
        assert got[label] == value, label
    assert out.stdout.splitlines()[-2:] == [str(xlsx), str(tmp_path / "bc.pdf")]
    assert "Kè Sắt, ngày 10 tháng 7 năm 2026" in norm(" ".join(page_texts(tmp_path / "bc.pdf")))
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Tổng hợp", "Ý kiến, kiến nghị"]
    summary = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(values_only=True) if r and len(r) > 1}
    for label, value in expected().items():
        assert str(summary[label]).replace(".", ",") == value, label  # the share is a number in the sheet
    assert isinstance(summary["Tỷ lệ trả lời tại hội nghị (%)"], float)
    rows = list(book["Ý kiến, kiến nghị"].iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert [r[0] for r in rows[1:]] == list(range(1, 28))
    road = next(r for r in rows[1:] if r[1] == OPINIONS[0][0] and "10/04/2026" in r[6])
    assert road[2:6] == ("thôn Quán Gỏi", "Quy hoạch, xây dựng, giao thông", "Công chức Địa chính - Xây dựng",
                         "Số 45/CV, ngày 25/06/2026")
    assert road[6].startswith("Đã trả lời: đã giải quyết xong; hạn 30/06/2026; Hội nghị ngày 10/04/2026")
    late = [r for r in rows[1:] if r[1] == OPINIONS[5][0]]
    assert [r[6].split(";")[1].strip() for r in late] == ["Quá hạn 5 ngày làm việc"] * 3


def test_period_shortcuts():
    assert (period("month", 2026, 2).start, period("month", 2026, 2).end) == (date(2026, 2, 1), date(2026, 2, 28))
    assert period("6m", 2026).end == date(2026, 6, 30) and period("9m", 2026).end == date(2026, 9, 30)
    assert period("quarter", 2026, today=date(2026, 8, 3)).label == "quý III năm 2026"
    assert period("year", 2025, today=date(2026, 8, 3)).end == date(2025, 12, 31)


def test_bad_periods_are_one_sentence(three):
    out = run("--db", three, "report", "--from", "30/06/2026", "--to", "01/04/2026")
    assert out.returncode == 2 and "ngày kết thúc 01/04/2026 ở trước ngày bắt đầu 30/06/2026" in out.stderr
    out = run("--db", three, "report")
    assert out.returncode == 2 and "cần --from NGÀY --to NGÀY, hoặc --period KỲ --year NĂM" in out.stderr
    assert "Traceback" not in out.stderr


def test_from_files_merges_communes_and_skips_a_meeting_given_twice(three, tmp_path):
    other = make_db(tmp_path / "xa-khac.db", organisation="Ủy ban nhân dân xã Thượng Quận")
    db = open_db(three)
    first = db.execute("SELECT id FROM meetings ORDER BY id LIMIT 1").fetchone()[0]
    json_file = tmp_path / "hn1.json"
    json_file.write_text(exchange.dumps(exchange.export_meeting(db, first)), encoding="utf-8")
    db.close()
    out = run("report", "--from", "01/04/2026", "--to", "30/06/2026", "--today", "10/07/2026",
              "--from-files", three, other, json_file)
    assert out.returncode == 0, out.stderr
    got = printed(out.stdout)
    assert got["Số hội nghị đã tổ chức"] == "6"
    assert got["Tổng số ý kiến, kiến nghị"] == expected(6)["Tổng số ý kiến, kiến nghị"]
    assert got["  - Đã trả lời: đã giải quyết xong"] == "2"
    assert "Bỏ qua hội nghị trùng: hn1.json" in out.stderr


def test_from_files_refuses_a_file_that_is_not_a_record(tmp_path):
    junk = tmp_path / "xa.db"
    junk.write_text("không phải SQLite", encoding="utf-8")
    out = run("report", "--period", "year", "--year", "2026", "--from-files", junk)
    assert out.returncode == 2 and out.stderr.startswith(f"{junk}: ") and "Traceback" not in out.stderr
    bad = tmp_path / "xa.json"
    bad.write_text('{"format": "doithoai.meeting", "version": 7}', encoding="utf-8")
    out = run("report", "--period", "year", "--year", "2026", "--from-files", bad)
    assert out.returncode == 2 and "phiên bản định dạng 7 không được hỗ trợ" in out.stderr
    missing = run("report", "--period", "year", "--year", "2026", "--from-files", tmp_path / "khong-co.db")
    assert missing.returncode == 2 and "không có tệp này" in missing.stderr
