"""The draft plan file and the report the reader writes (intake/plan_documents.py)."""

from __future__ import annotations

import re
import tomllib

import pytest

from intake.plan_documents import read_plan_document, report_lines, result_to_toml
from intake.plan_file import PlanError, parse_plan
from tests.reader_helpers import FIXTURES, toml_sources


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
    assert "  - Giờ kết thúc (dòng 35): 11:00  (văn bản: “11h”) — giờ kết thúc lấy theo bước cuối của chương trình" \
        in lines
    assert any(line.startswith("Chưa tìm thấy hoặc chưa chắc (4 mục)") for line in lines)

