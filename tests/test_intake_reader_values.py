"""Dates, times and head counts as plans write them (intake/plan_dates.py)."""

from __future__ import annotations

from datetime import date, time

import pytest

from intake.plan_dates import find_counts, find_dates, start_and_end


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

