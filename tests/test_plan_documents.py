"""Reading plan documents (kế hoạch, .txt/.docx) into a draft plan file.

The real plans in shared/seeds/ are tested when shared/ is beside the repository;
the plans in tests/plan_documents/ (written for these tests, in the same style) always.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import unicodedata
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.plan_dates import find_counts, find_dates, start_and_end
from intake.plan_documents import (
    ImportResult,
    PlanDocumentError,
    read_plan_document,
    read_plan_text,
    report_lines,
    result_to_toml,
)
from intake.plan_source import text_lines
from intake.plan_file import PlanError, parse_plan

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "plan_documents"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds is not beside the repository")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} is not in shared/seeds")
    return found[0]


def build_docx(text: str, path: Path) -> Path:
    """A .docx with one paragraph per line; runs of tab-separated lines become a real table."""
    import docx

    document = docx.Document()
    body = document.element.body
    for p in list(body.iterchildren()):  # the template's empty paragraph
        if p.tag.endswith("}p"):
            body.remove(p)
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append([re.sub(r"</?b>", "", c).strip() for c in lines[i].split("\t")])
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    run = table.cell(r, c).paragraphs[0].add_run(value)
                    run.bold = r == 0
            continue
        document.add_paragraph(lines[i])
        i += 1
    document.save(str(path))
    return path


def read_both(source: Path, tmp_path: Path) -> tuple[ImportResult, ImportResult]:
    """The document read as .txt and as a .docx built from it; both must agree."""
    as_text = read_plan_document(source)
    as_docx = read_plan_document(build_docx(source.read_text(encoding="utf-8"), tmp_path / "plan.docx"))
    assert [(f.field, f.value, f.line) for f in as_docx.findings] == \
        [(f.field, f.value, f.line) for f in as_text.findings]
    assert as_docx.plan == as_text.plan
    assert as_docx.missing == as_text.missing
    return as_text, as_docx


def summary(result: ImportResult) -> dict:
    plan = result.plan
    return {
        "title": plan.title, "organisation": plan.organisation, "parent": plan.parent,
        "place_name": plan.place_name, "venue": plan.venue, "date": plan.date,
        "start": plan.start, "end": plan.end,
        "chairs": [(c.name, c.title) for c in plan.chairs],
        "secretary": (plan.secretary_name, plan.secretary_title),
        "signer": (plan.signer_name, plan.signer_title),
        "attendance": [(g.group, g.invited) for g in plan.attendance],
        "invited_total": plan.invited_total,
        "programme": [(s.content, s.lead, s.minutes, s.dialogue) for s in plan.programme],
        "topics": len(plan.topics),
    }


def lines_of(result: ImportResult) -> dict[str, int]:
    return {f.field: f.line for f in result.findings}


def missing_of(result: ImportResult) -> set[str]:
    return {m.field for m in result.missing}


def check_nothing_invented(result: ImportResult) -> None:
    for finding in result.findings:
        assert finding.value.strip(), finding
        assert nfc(finding.value) in nfc(finding.source_text), finding
        last = finding.end_line or finding.line
        assert finding.source_text == " ".join(
            line for line in result.lines[finding.line - 1:last] if line), finding


# -- the real plans (shared/seeds) -------------------------------------------------------

def test_seed_001_hoang_truong(tmp_path):
    result, _ = read_both(seed("001"), tmp_path)
    check_nothing_invented(result)
    got = summary(result)
    assert got == {
        "title": "Hội nghị tiếp xúc, đối thoại với nhân dân năm 2023",
        "organisation": "Ủy ban nhân dân xã Hoằng Trường", "parent": None,
        "place_name": "Hoằng Trường", "venue": "Hội trường công sở xã Hoằng Trường",
        "date": date(2023, 12, 8), "start": None, "end": None,
        "chairs": [(None, "Chủ tịch UBND xã")],
        "secretary": (None, None),
        "signer": ("Lê Thanh Cảnh", "CHỦ TỊCH"),
        "attendance": [
            ("Thường trực Đảng ủy- Hội đồng nhân dân, UBND, UB MTTQ Việt Nam, trưởng các đoàn thể "
             "và các công chức", None),
            ("Bí thư chi bộ, Trưởng thôn, Ban công tác Mặt trận thôn", None),
            ("Đại diện cơ quan trên địa bàn hoặc đại diện cơ quan trực tiếp có liên quan", None),
            ("Đại diện nhân dân trên địa bàn xã", None),
        ],
        "invited_total": None, "programme": [], "topics": 4,
    }
    assert lines_of(result).items() >= {"title": 3, "organisation": 15, "date": 127, "venue": 129,
                                     "chairs[0].title": 112, "signer": 179, "attendance[0].group": 110}.items()
    assert result.finding("date").value == "ngày 08 tháng 12 năm 2023"
    assert result.finding("attendance[0].group").end_line == 112
    assert missing_of(result) == {"start", "chairs[0].name", "secretary.name", "attendance.invited",
                                  "programme"}
    assert "½ ngày" in result.missing_note("start")
    assert "Lê Thanh Cảnh" in result.missing_note("chairs[0].name")


def test_seed_003_ke_sat(tmp_path):
    result, _ = read_both(seed("003"), tmp_path)
    check_nothing_invented(result)
    got = summary(result)
    steps = got.pop("programme")
    attendance = got.pop("attendance")
    assert got == {
        "title": "Hội nghị tiếp xúc, đối thoại trực tiếp của Chủ tịch UBND xã năm 2026",
        "organisation": "Ủy ban nhân dân xã Kè Sắt", "parent": None, "place_name": "Kè Sắt",
        "venue": "Tầng 3- Nhà C- Trụ sở Đảng ủy - HĐND - UBND - UBMTTQ xã",
        "date": None, "start": None, "end": None,
        "chairs": [(None, "Chủ tịch UBND xã")],
        "secretary": (None, None),
        "signer": ("Phạm Thị Thu Hiền", "Q. CHỦ TỊCH"),
        "invited_total": None, "topics": 5,
    }
    assert attendance == [
        ("Cán bộ và nhân dân các thôn Quán Gỏi, Phương Độ, Ngọc Mai, Thượng Khuông", 100),
        ("Lãnh đạo UBND xã", None),
        ("Đại diện lãnh đạo Đảng ủy, Thường trực HĐND xã", None),
        ("Đại diện các cơ quan tham mưu, giúp việc Đảng ủy", None),
        ("Đại diện lãnh đạo UB MTTQ và các đoàn thể xã", None),
        ("Bí thư, trưởng thôn, trưởng ban công tác mặt trận và các đoàn thể ở các thôn Quán Gỏi, "
         "Phương Độ, Ngọc Mai, Thượng Khuông", None),
    ]
    # the programme is a list ("+ ...") under "- Chương trình hội nghị đối thoại:"
    assert len(steps) == 7
    assert [s[3] for s in steps] == [False, False, True, False, False, False, False]
    assert steps[2][0] == "Nhân dân phát biểu ý kiến theo thứ tự đăng ký và theo sự điều hành của chủ tọa hội nghị"
    assert steps[6][0] == "Đ/c Chủ tịch UBND xã - Chủ trì hội nghị kết luận"
    assert all(s[1] is None for s in steps)
    assert lines_of(result).items() >= {"organisation": 13, "place_name": 5, "venue": 63, "chairs[0].title": 39,
                                     "attendance[0].invited": 41, "programme[2].dialogue": 83,
                                     "signer": 149}.items()
    assert result.finding("attendance[0].invited").value == "khoảng 100 người"
    # the many deadlines (trước ngày 01/6, 10/6, 15/6, 25/6 ...) are never the meeting's date
    assert missing_of(result) == {"date", "start", "chairs[0].name", "secretary.name",
                                  "attendance.invited", "programme.lead"}
    assert "chỉ ghi tháng 6/2026, chưa có ngày cụ thể" in result.missing_note("date")
    assert "Phạm Thị Thu Hiền" in result.missing_note("chairs[0].name")


def test_seed_004_hung_chinh(tmp_path):
    result, as_docx = read_both(seed("004"), tmp_path)
    check_nothing_invented(result)
    check_nothing_invented(as_docx)
    got = summary(result)
    assert got == {
        "title": "Hội nghị gặp mặt, đối thoại giữa người đứng đầu cấp ủy, chính quyền xã với nhân dân năm 2023",
        "organisation": "Đảng ủy xã Hưng Chính", "parent": "Đảng bộ thành phố Vinh",
        "place_name": "Hưng Chính", "venue": "Nhà Văn hóa xóm 2",
        "date": date(2023, 8, 11), "start": None, "end": None,
        "chairs": [(None, "Bí thư Đảng ủy - CT HĐND xã"), (None, "CT UBND xã")],
        "secretary": (None, None),
        "signer": ("Lê Minh Định", "BÍ THƯ THƯỜNG TRỰC"),
        "attendance": [
            ("Đại diện lãnh đạo Ban Dân vận Thành ủy, MTTQ Thành phố, các đồng chí được phân công "
             "theo dõi đảng bộ Thành phố", None),
            ("Các đồng chí Ủy viên Ban Thường vụ", None),
            ("Ủy viên Ban Chấp hành Đảng bộ xã", None),
            ("Thường trực HĐND xã, lãnh đạo UBND xã", None),
            ("Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội xã", None),
            ("Hiệu trưởng các trường học, trạm trưởng trạm y tế, giám đốc các HTX trên địa bàn", None),
            ("Chi ủy, trưởng các tổ chức đoàn thể xóm", None),
            ("Đảng viên và quần chúng nhân dân trong xã", None),
        ],
        "invited_total": 150,
        "programme": [
            ("Ôn định tổ chức, thông qua chương trình; giới thiệu đại biểu", "Đ/c VPĐU", None, False),
            ("Khai mạc Hội nghị; quán triệt nguyên tắc đối thoại", "Đ/c Bí thư", None, False),
            ("Báo cáo về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, an ninh - quốc phòng "
             "của địa phương trong thời qua; báo cáo quá trình tổ chức thực hiện việc giải quyết những "
             "kiến nghị, đề xuất của nhân dân", "PCT UBND", None, False),
            ("Nhân dân trao đổi, đối thoại những vấn đề chưa rõ và những vấn đề mới phát sinh đề nghị "
             "Cấp ủy, chính quyền xã giải quyết", "Chủ trì", None, True),
            ("Chủ trì tiếp thu, giải trình những vấn đề mà đảng viên và nhân dân phản ánh", "Chủ trì", None, False),
            ("Kết luận, bế mạc Hội nghị", "Chủ trì", None, False),
        ],
        "topics": 4,
    }
    title = result.finding("title")
    assert (title.line, title.end_line) == (4, 5)
    assert lines_of(result).items() >= {"organisation": 116, "parent": 115, "date": 67, "venue": 69,
                                     "chairs[0].title": 45, "chairs[1].title": 45,
                                     "attendance.total": 47, "programme[0].content": 131,
                                     "programme[3].dialogue": 134, "signer": 113}.items()
    assert result.finding("attendance.total").value == "Dự kiến 120 - 150 đại biểu"
    assert "cận trên 150" in result.finding("attendance.total").note
    assert "dự kiến" in result.finding("date").note
    assert missing_of(result) == {"start", "chairs[0].name", "chairs[1].name", "secretary.name",
                                  "attendance.invited"}


# -- plans written for these tests (tests/plan_documents) --------------------------------

def test_fixture_tan_phu_named_chairs_and_timed_table(tmp_path):
    result, _ = read_both(FIXTURES / "ke-hoach-tan-phu-2024.txt", tmp_path)
    check_nothing_invented(result)
    got = summary(result)
    assert got == {
        "title": "Hội nghị tiếp xúc, đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền xã "
                 "với Nhân dân năm 2024",
        "organisation": "Ủy ban nhân dân xã Tân Phú", "parent": None, "place_name": "Tân Phú",
        "venue": "Hội trường UBND xã Tân Phú",
        "date": date(2024, 5, 20), "start": time(7, 30), "end": None,
        "chairs": [("Nguyễn Văn Hùng", "Bí thư Đảng ủy, Chủ tịch HĐND xã"),
                   ("Trần Thị Mai", "Chủ tịch UBND xã")],
        "secretary": (None, None),
        "signer": ("Trần Thị Mai", "CHỦ TỊCH"),
        "attendance": [
            ("Thường trực Đảng ủy, HĐND, UBND, UBMTTQ xã", 12),
            ("Trưởng các ban, ngành, đoàn thể xã", 15),
            ("Bí thư chi bộ, trưởng thôn các thôn Tân Lập, Tân Hòa, Tân Thịnh", 9),
            ("Đại diện hộ dân các thôn Tân Lập, Tân Hòa, Tân Thịnh", 100),
        ],
        "invited_total": None,
        "programme": [
            ("Tuyên bố lý do, giới thiệu đại biểu", "Văn phòng UBND xã", 10, False),
            ("Khai mạc hội nghị", "Đ/c Nguyễn Văn Hùng", 10, False),
            ("Báo cáo kết quả giải quyết kiến nghị của cử tri và Nhân dân năm 2023",
             "Đ/c Phó Chủ tịch UBND xã", 20, False),
            ("Nhân dân phát biểu ý kiến, đối thoại với lãnh đạo xã", "Chủ trì", 120, True),
            ("Kết luận hội nghị", "Đ/c Trần Thị Mai", 15, False),
        ],
        "topics": 3,
    }
    assert result.finding("date").value == "ngày 20/05/2024"
    assert result.finding("start").value == "7h30p"
    assert result.finding("organisation").end_line == 2  # "ỦY BAN NHÂN DÂN" / "XÃ TÂN PHÚ"
    assert "cận trên 100" in result.finding("attendance[3].invited").note
    assert missing_of(result) == {"end", "secretary.name"}


def test_fixture_an_binh_complete_plan_validates_as_emitted(tmp_path):
    result, _ = read_both(FIXTURES / "ke-hoach-an-binh-2024.txt", tmp_path)
    check_nothing_invented(result)
    got = summary(result)
    assert {k: got[k] for k in ("organisation", "parent", "place_name", "venue", "date", "start", "end",
                                "chairs", "secretary", "invited_total")} == {
        "organisation": "Đảng ủy xã An Bình", "parent": "Đảng bộ huyện Phú Giáo", "place_name": "An Bình",
        "venue": "Hội trường Đảng ủy xã An Bình",
        "date": date(2024, 11, 12), "start": time(14, 0), "end": time(16, 30),
        "chairs": [("Lê Văn Tâm", "Bí thư Đảng ủy xã"), ("Phạm Thị Hoa", "Phó Bí thư, Chủ tịch UBND xã")],
        "secretary": ("Nguyễn Thị Lan", "Chánh Văn phòng Đảng ủy"),
        "invited_total": 120,
    }
    assert got["attendance"] == [
        ("Đại diện Ban Dân vận Huyện ủy, Ủy ban MTTQ huyện", 3),
        ("Ban Thường vụ Đảng ủy, lãnh đạo HĐND, UBND, UBMTTQ và các đoàn thể xã", 20),
        ("Bí thư chi bộ, trưởng ấp, trưởng ban công tác Mặt trận các ấp", 18),
        ("Đảng viên và Nhân dân các ấp Bình Thắng, Bình Hòa, Bình Phước", 80),
    ]
    assert [s[3] for s in got["programme"]] == [False, False, False, True, False]
    assert (result.finding("start").value, result.finding("end").value) == ("14h00'", "16h30'")
    assert result.missing == []
    plan = parse_plan(result_to_toml(result))  # nothing missing: the draft is a valid plan as it is
    assert plan.date == date(2024, 11, 12) and plan.secretary_name == "Nguyễn Thị Lan"
    assert [c.name for c in plan.chairs] == ["Lê Văn Tâm", "Phạm Thị Hoa"]


def test_fixture_phong_dien_skips_references_and_deadlines_in_time_section(tmp_path):
    result, _ = read_both(FIXTURES / "ke-hoach-phong-dien-2025.txt", tmp_path)
    check_nothing_invented(result)
    got = summary(result)
    assert got["organisation"] == "Ủy ban nhân dân thị trấn Phong Điền"
    assert got["place_name"] == "Phong Điền"
    assert (got["date"], got["start"]) == (date(2025, 3, 14), time(7, 30))
    assert result.finding("date").line == 27  # not 25 (Công văn số ... ngày) nor 26 (trước ngày ...)
    assert result.finding("start").value == "7 giờ 30 phút"
    assert got["venue"] == "Nhà văn hóa tổ dân phố 2, thị trấn Phong Điền"
    assert got["chairs"] == [(None, "Chủ tịch UBND thị trấn")]
    assert got["attendance"] == [("Cán bộ, đảng viên và Nhân dân các tổ dân phố 1, 2, 3", 150)]
    assert [s[2] for s in got["programme"]] == [15, 15, 150, 30]
    assert [s[3] for s in got["programme"]] == [False, False, True, False]
    # signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the vice-chairman signed, so he is no chair hint
    assert got["signer"] == ("Hoàng Văn Nam", "PHÓ CHỦ TỊCH")
    assert "Hoàng Văn Nam" not in result.missing_note("chairs[0].name")
    assert missing_of(result) == {"end", "chairs[0].name", "secretary.name", "programme.lead", "topics"}


# -- dates, times and counts -----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Thời gian: vào lúc 7h30p ngày 20/05/2024", date(2024, 5, 20)),
    ("từ 14h00' đến 16h30', ngày 12/11/2024", date(2024, 11, 12)),
    ("dự kiến ngày 11 tháng 8/2023 (có giấy mời cụ thể sau)", date(2023, 8, 11)),
    ("½ ngày, ngày 08 tháng 12 năm 2023.", date(2023, 12, 8)),
    ("8h ngày 5-6-2026", date(2026, 6, 5)),
    ("thứ Sáu, ngày 14 tháng 3 năm 2025", date(2025, 3, 14)),
])
def test_dates(text, expected):
    assert [d.value for d in find_dates(text)] == [expected]


@pytest.mark.parametrize("text, note", [
    ("½ ngày, dự kiến trong tháng 6/2026.", "chỉ ghi tháng 6/2026, chưa có ngày cụ thể"),
    ("ngày 08/12", "không ghi năm"),
    ("ngày 31/02/2024", "không phải ngày có thật"),
    ("thứ Hai, ngày 14/3/2025", "là thứ Sáu"),
])
def test_vague_dates_are_notes_not_values(text, note):
    found = find_dates(text)
    assert len(found) == 1 and not hasattr(found[0], "value") and note in found[0].note


@pytest.mark.parametrize("text", [
    "trước ngày 10/6/2026", "Hoàn thành trước ngày 25/6/2026.", "Chậm nhất đến ngày 30/6/2026",
    "Kế hoạch số 24-KH/ĐU ngày 19/01/2026", "Công văn số 112/UBND-VP ngày 20/02/2025",
])
def test_deadlines_and_document_dates_are_skipped(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("text, start, end", [
    ("vào lúc 7h30p ngày 20/05/2024", time(7, 30), None),
    ("từ 14h00' đến 16h30', ngày 12/11/2024", time(14), time(16, 30)),
    ("7 giờ 30 phút", time(7, 30), None),
    ("bắt đầu 8h", time(8), None),
    ("13h30", time(13, 30), None),
    ("07:30 - 11:00", time(7, 30), time(11)),
    ("2 giờ chiều", time(14), None),
    ("½ ngày, ngày 08 tháng 12 năm 2023", None, None),
    ("Nhà văn hóa xóm 2, 12/11/2024, 5 gia đình", None, None),
])
def test_times(text, start, end):
    first, last = start_and_end(text)
    assert (first and first.value, last and last.value) == (start, end)


def test_counts_range_is_upper_bound():
    (count,) = find_counts("Dự kiến 120 - 150 đại biểu.")
    assert (count.value, count.text) == (150, "Dự kiến 120 - 150 đại biểu")
    assert "cận trên 150" in count.note
    assert [c.value for c in find_counts("khoảng 100 người; 05 đồng chí; Thôn trưởng 9 thôn")] == [100, 5]


# -- the draft plan file ---------------------------------------------------------------

FILL = {"title": '"Hội nghị"', "organisation": '"Ủy ban nhân dân xã Kè Sắt"', "place_name": '"Kè Sắt"',
        "venue": '"Hội trường"', "date": "2026-06-18", "start": "07:30:00", "name": '"Nguyễn Văn An"',
        "content": '"Nhân dân phát biểu, đối thoại"'}


def fill_in(text: str) -> str:
    """What the secretary does: give each "# key = ?" a value and uncomment the placeholders."""
    out = []
    for line in text.splitlines():
        match = re.match(r"# (\w+) = \?", line)
        if match and match.group(1) in FILL:
            line = f"{match.group(1)} = {FILL[match.group(1)]}"
        elif line in ("# [[chairs]]", "# [[programme]]", "# dialogue = true"):
            line = line[2:]
        out.append(line)
    return "\n".join(out) + "\n"


def toml_sources() -> list[Path]:
    sources = sorted(FIXTURES.glob("*.txt"))
    if SEEDS.is_dir():
        sources += sorted(SEEDS.glob("*.txt"))
    return sources


@pytest.mark.parametrize("source", toml_sources(), ids=lambda p: p.name)
def test_toml_does_not_validate_until_completed(source):
    result = read_plan_document(source)
    text = result_to_toml(result)
    tomllib.loads(text)
    required_missing = {m.field for m in result.missing} & {
        "title", "organisation", "place_name", "venue", "date", "start", "secretary.name", "programme",
        "chairs"} | {m.field for m in result.missing if re.fullmatch(r"chairs\[\d+\]\.(name|title)", m.field)}
    if required_missing:
        with pytest.raises(PlanError) as caught:
            parse_plan(text)
        for name in sorted(required_missing):
            key = name.split(".")[-1].split("[")[0]
            assert any(key in message for _, message in caught.value.problems), (name, caught.value)
            # every missing key is left as a commented-out line to fill in
            expected = "# [[programme]]" if key == "programme" else f"# {key} = ?"
            assert expected in text, (name, expected)
    plan = parse_plan(fill_in(text))
    found = result.plan
    for key in ("title", "organisation", "place_name", "venue", "date", "start", "end", "parent"):
        if getattr(found, key) is not None:
            assert getattr(plan, key) == getattr(found, key), key
    assert [c.title for c in plan.chairs] == [c.title for c in found.chairs] or not found.chairs
    assert [(g.group, g.invited) for g in plan.attendance] == [(g.group, g.invited) for g in found.attendance]
    if found.programme:
        assert [(s.content, s.lead, s.dialogue) for s in plan.programme] == \
            [(s.content, s.lead, s.dialogue) for s in found.programme]


def test_toml_comments_unknown_values_and_quotes_sources():
    result = read_plan_document(FIXTURES / "ke-hoach-phong-dien-2025.txt")
    text = result_to_toml(result)
    assert "\n# name = ?  (chưa tìm thấy: kế hoạch chỉ ghi chức vụ, không ghi họ tên)\n" in text
    assert "\ntitle = \"Chủ tịch UBND thị trấn\"\n" in text
    assert "# dòng 27: “- Thời gian: 7 giờ 30 phút, thứ Sáu, ngày 14 tháng 3 năm 2025.”" in text
    assert "\ndate = 2025-03-14\n" in text and "\nstart = 07:30:00\n" in text
    assert "\ndialogue = true\n" in text and text.count("dialogue = true") == 1


def test_toml_missing_date_is_commented_with_its_note(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text("KẾ HOẠCH\nTổ chức hội nghị đối thoại năm 2026\n3. Địa điểm, thời gian:\n"
                      "- Địa điểm: Hội trường UBND xã.\n- Thời gian: ½ ngày, dự kiến trong tháng 6/2026.\n"
                      "Hoàn thành trước ngày 01/6/2026.\n", encoding="utf-8")
    result = read_plan_document(source)
    assert result.plan.date is None and result.plan.venue == "Hội trường UBND xã"
    text = result_to_toml(result)
    assert "# date = ?  (chưa tìm thấy: chỉ ghi tháng 6/2026, chưa có ngày cụ thể (dòng 5))" in text
    assert "\ndate =" not in text


def test_report_lines_say_what_was_found_and_what_not():
    result = read_plan_document(FIXTURES / "ke-hoach-phong-dien-2025.txt")
    lines = report_lines(result)
    assert lines[0] == "Đọc kế hoạch từ tệp ke-hoach-phong-dien-2025.txt:"
    assert "  - Ngày họp (dòng 27): 14/03/2025  (văn bản: “ngày 14 tháng 3 năm 2025”)" in lines
    assert "  - Địa điểm (dòng 28): “Nhà văn hóa tổ dân phố 2, thị trấn Phong Điền”" in lines
    assert "  - Chủ trì 1 – họ tên: kế hoạch chỉ ghi chức vụ, không ghi họ tên" in lines
    assert "  - Thư ký – họ tên: kế hoạch không ghi tên thư ký hội nghị" in lines
    assert any(line.startswith("Chưa tìm thấy hoặc chưa chắc (5 mục)") for line in lines)


# -- Unicode, errors, layering ------------------------------------------------------------

def test_decomposed_input_reads_like_composed(tmp_path):
    for source in toml_sources():
        text = source.read_text(encoding="utf-8")
        decomposed = tmp_path / source.name
        decomposed.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
        assert decomposed.read_text(encoding="utf-8") != nfc(text) or text.isascii()
        a, b = read_plan_document(source), read_plan_document(decomposed)
        assert (a.plan, a.findings, a.missing) == (b.plan, b.findings, b.missing)
    nfd_docx = build_docx(unicodedata.normalize("NFD", (FIXTURES / "ke-hoach-tan-phu-2024.txt").read_text(
        encoding="utf-8")), tmp_path / "nfd.docx")
    assert read_plan_document(nfd_docx).plan == read_plan_document(FIXTURES / "ke-hoach-tan-phu-2024.txt").plan


def _zip_without_word_parts(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "xin chào")


def _damaged_document_xml(path: Path) -> None:
    import zipfile

    build_docx("KẾ HOẠCH\nThời gian: 8h ngày 05/06/2026", path.with_suffix(".ok.docx"))
    with zipfile.ZipFile(path.with_suffix(".ok.docx")) as good, zipfile.ZipFile(path, "w") as bad:
        for name in good.namelist():
            bad.writestr(name, b"<w:document broken" if name == "word/document.xml" else good.read(name))


@pytest.mark.parametrize("damage", [
    lambda path: path.write_bytes(b"this is not a zip file"),
    lambda path: path.write_bytes(b""),
    _zip_without_word_parts,
    _damaged_document_xml,
], ids=["not-a-zip", "empty", "zip-without-word-parts", "damaged-xml"])
def test_broken_docx_names_the_file(tmp_path, damage):
    broken = tmp_path / "ke-hoach-hong.docx"
    damage(broken)
    with pytest.raises(PlanDocumentError) as caught:
        read_plan_document(broken)
    assert str(caught.value) == f"{broken}: không phải tệp Word .docx hợp lệ (tệp hỏng hoặc sai định dạng)"


@pytest.mark.parametrize("name, words", [
    ("ke-hoach.pdf", "không đọc được loại tệp “.pdf”"),
    ("ke-hoach", "không đọc được loại tệp “(không có đuôi)”"),
    ("ke-hoach.doc", "tệp Word cũ (.doc)"),
])
def test_unknown_extension_names_the_file(tmp_path, name, words):
    path = tmp_path / name
    path.write_bytes(b"KE HOACH")
    with pytest.raises(PlanDocumentError) as caught:
        read_plan_document(path)
    assert name in str(caught.value) and words in str(caught.value)


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(PlanDocumentError, match="không tìm thấy tệp"):
        read_plan_document(tmp_path / "khong-co.txt")
    legacy = tmp_path / "tcvn.txt"
    legacy.write_bytes(unicodedata.normalize("NFD", "Ngày họp: 08/12/2023, phòng họp").encode("cp1258"))
    with pytest.raises(PlanDocumentError, match="tcvn.txt: tệp không phải văn bản UTF-8"):
        read_plan_document(legacy)


def test_reader_imports_no_user_interface():
    code = ("import sys, intake.plan_documents; "
            "print(sorted(m for m in ('textual', 'rich', 'reportlab', 'docx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "[]"


# -- nothing is invented, whatever the text ------------------------------------------------

FRAGMENTS = [
    "KẾ HOẠCH", "Tổ chức hội nghị tiếp xúc, đối thoại năm 2024", "ỦY BAN NHÂN DÂN", "XÃ KÈ SẮT",
    "Ủy ban nhân dân xã Hoằng Trường xây dựng kế hoạch", "ĐẢNG BỘ HUYỆN A", "ĐẢNG ỦY XÃ B",
    "Thời gian:", "Địa điểm:", "Thời gian, địa điểm:", "III. THỜI GIAN, ĐỊA ĐIỂM", "tại", "Tại",
    "Chủ trì:", "Đ/c", "Ông Nguyễn Văn An - Chủ tịch UBND xã", "là chủ tọa", "do đồng chí", "chủ trì",
    "ngày 08 tháng 12 năm 2023", "ngày 20/05/2024", "7h30p", "14h00'", "đến", "16h30'", "½ ngày",
    "tháng 6/2026", "trước ngày 10/6/2026", "khoảng 100 người", "120 - 150 đại biểu", "(05 người)",
    "TT\tNội dung\tĐiều hành", "1\tNhân dân phát biểu, đối thoại\tChủ trì", "| TT | Nội dung |",
    "-", "+", "1.", "II.", "a)", "**", "<b>", "\\*", ";", ",", ":", ".", "\t", "CHỦ TỊCH", "Q. CHỦ TỊCH",
    "Lê Thanh Cảnh", "Thành phần tham dự:", "2. Nội dung tiếp xúc:", "- Chương trình hội nghị:",
    "Thư ký: Bà Trần Thị B", "Kính mời", "có thể mời", "Kè Sắt, ngày 15 tháng 6 năm 2026", "Số: 05/KH-UBND",
    "TM. ỦY BAN NHÂN DÂN", "thứ Hai,", "\u0301", "\x00", "\u2028", "\r",
]
_line = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=6).map(" ".join)
_document = st.lists(_line, max_size=24).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document)
def test_arbitrary_text_never_crashes_and_invents_nothing(text):
    result = read_plan_text(text)
    check_nothing_invented(result)
    assert result.lines == text_lines(text)
    fields = {f.field for f in result.findings}
    for key in ("title", "organisation", "place_name", "venue", "date", "start", "end"):
        if getattr(result.plan, key) is not None:
            assert key in fields, key  # every value has its source
    assert all(f"programme[{n}].content" in fields for n in range(len(result.plan.programme)))
    assert all(f"attendance[{n}].group" in fields for n in range(len(result.plan.attendance)))
    tomllib.loads(result_to_toml(result))
    assert all(isinstance(line, str) and "\n" not in line for line in report_lines(result))
    decomposed = read_plan_text(unicodedata.normalize("NFD", text))
    assert (decomposed.plan, decomposed.findings, decomposed.missing) == (result.plan, result.findings,
                                                                          result.missing)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")).filter(
    lambda c: c not in "*_<>#\\\t"), max_size=40))
def test_lines_are_the_text_as_typed_when_there_is_no_markup(line):
    assert text_lines(line) == [nfc(line).translate(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
                                                    ).replace("\u00a0", " ").replace("\u2007", " ")
                                .replace("\u202f", " ").strip()]


def test_word_document_with_header_table_numbered_lists_and_signature_table(tmp_path):
    """A .docx as Word writes it: header and signature in tables, headings auto-numbered."""
    import docx

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    left, right = header.cell(0, 0), header.cell(0, 1)
    left.text = "ỦY BAN NHÂN DÂN"
    left.add_paragraph("XÃ KÈ SẮT")
    left.add_paragraph("Số: 05/KH-UBND")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Kè Sắt, ngày 20 tháng 5 năm 2026")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tổ chức hội nghị tiếp xúc, đối thoại trực tiếp với Nhân dân năm 2026")
    document.add_paragraph("THÀNH PHẦN", style="List Number")
    document.add_paragraph("Chủ trì: Bà Phạm Thị Thu Hiền - Chủ tịch UBND xã.", style="List Bullet")
    document.add_paragraph("Nhân dân các thôn Quán Gỏi, Phương Độ: khoảng 100 người.", style="List Bullet")
    document.add_paragraph("THỜI GIAN, ĐỊA ĐIỂM", style="List Number")
    document.add_paragraph("Thời gian: 7 giờ 30 phút ngày 18/6/2026.", style="List Bullet")
    document.add_paragraph("Địa điểm: Hội trường tầng 3, Nhà C.", style="List Bullet")
    document.add_paragraph("CHƯƠNG TRÌNH", style="List Number")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("TT", "Nội dung", "Điều hành"), ("1", "Khai mạc", "Chủ tịch UBND xã"),
                             ("2", "Nhân dân phát biểu, đối thoại", "Chủ trì")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    sign = document.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:"
    sign.cell(0, 0).add_paragraph("- Lưu: VT.")
    sign.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN"
    for text in ("CHỦ TỊCH", "(Đã ký)", "Phạm Thị Thu Hiền"):
        sign.cell(0, 1).add_paragraph(text)
    path = tmp_path / "ke-hoach-word.docx"
    document.save(str(path))

    result = read_plan_document(path)
    check_nothing_invented(result)
    assert result.lines[3:5] == ["1. THÀNH PHẦN", "- Chủ trì: Bà Phạm Thị Thu Hiền - Chủ tịch UBND xã."]
    got = summary(result)
    assert {k: got[k] for k in ("organisation", "place_name", "date", "start", "venue", "chairs",
                                "attendance", "signer")} == {
        "organisation": "Ủy ban nhân dân xã Kè Sắt", "place_name": "Kè Sắt",
        "date": date(2026, 6, 18), "start": time(7, 30), "venue": "Hội trường tầng 3, Nhà C",
        "chairs": [("Phạm Thị Thu Hiền", "Chủ tịch UBND xã")],
        "attendance": [("Nhân dân các thôn Quán Gỏi, Phương Độ", 100)],
        "signer": ("Phạm Thị Thu Hiền", "CHỦ TỊCH"),
    }
    assert got["programme"] == [("Khai mạc", "Chủ tịch UBND xã", None, False),
                                ("Nhân dân phát biểu, đối thoại", "Chủ trì", None, True)]
    assert result.finding("organisation").line == 1 and result.finding("signer").line == len(result.lines)
    assert missing_of(result) == {"end", "secretary.name", "topics"}


def _plan_lines() -> list[str]:
    lines = []
    for source in toml_sources():
        lines += source.read_text(encoding="utf-8").splitlines()
    return lines


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_plan_lines()), st.integers(0, 200)), max_size=60))
def test_shuffled_and_cut_plan_lines_invent_nothing(picked):
    """Real plan lines in any order, some cut short: still only verbatim findings."""
    text = "\n".join(line[:cut] if cut < 40 else line for line, cut in picked)
    result = read_plan_text(text)
    check_nothing_invented(result)
    tomllib.loads(result_to_toml(result))
