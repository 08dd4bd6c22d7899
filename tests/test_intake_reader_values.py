"""Dates, times and head counts as plans write them (intake/plan_dates.py)."""

from __future__ import annotations

from datetime import date, time

import pytest

from intake.plan_dates import find_counts, find_dates, start_and_end
from intake.plan_documents import read_plan_text


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



# -- the meeting's date and time, chosen by context (intake/plan_when.py) --------------------

HEAD = "ỦY BAN NHÂN DÂN\nXÃ KÈ SẮT\nKè Sắt, ngày 20 tháng 5 năm 2026\nKẾ HOẠCH\nTổ chức hội nghị đối thoại năm 2026\n"


@pytest.mark.parametrize("body, when, start, end", [
    ("Hội nghị được tổ chức vào 07 giờ 30 phút, ngày 29/10/2025 tại Hội trường xã.", date(2025, 10, 29),
     time(7, 30), None),
    ("Vào lúc 07h30 ngày 13 /12/2023 ( sáng thứ 4), tại Hội trường. Hội nghị kết thúc lúc 11 giờ 30 phút.",
     date(2023, 12, 13), time(7, 30), time(11, 30)),
    ("Hội nghị sẽ bắt đầu lúc 19h 30, thứ Sáu ngày 14/11/2025.", date(2025, 11, 14), time(19, 30), None),
    ("Hội nghị tổ chức lúc 8h00' ngày 31/10/2025, tại Hội trường thôn.", date(2025, 10, 31), time(8), None),
    ("Thời gian: Từ 14 giờ đến 16 giờ 30 phút, thứ Bảy, ngày 15 tháng 11 năm 2025.", date(2025, 11, 15),
     time(14), time(16, 30)),
])
def test_meeting_time_in_a_sentence(body, when, start, end):
    plan = read_plan_text(HEAD + body).plan
    assert (plan.date, plan.start, plan.end) == (when, start, end)


@pytest.mark.parametrize("body", [
    "Ủy ban MTTQ xã lấy ý kiến của Nhân dân từ ngày 15/10/2025 đến ngày 24/10/2025.",
    "Ngày đăng: 21/10/2025 - Cổng thông tin điện tử xã",
    "Cập nhật lúc: 09:15 ngày 20/10/2025 | Lượt xem: 312",
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; Hội nghị tổ chức trong năm.",
    "Văn phòng gửi giấy mời trước ngày 10/6/2026.",
])
def test_dates_that_are_not_the_meetings(body):
    result = read_plan_text(HEAD + body)
    assert result.plan.date is None  # the issue date (line 3) is not the meeting's either
    assert "date" in {m.field for m in result.missing}


def test_the_meeting_sentence_wins_over_an_earlier_date():
    result = read_plan_text(HEAD + "Ý kiến gửi về trước ngày 12/11/2025; hộp thư mở ngày 01/11/2025.\n"
                            "Hội nghị diễn ra vào lúc 14 giờ 00, Chủ nhật ngày 9/11/2025 tại Hội trường khối phố.")
    assert result.plan.date == date(2025, 11, 9) and result.finding("date").line == 7
    assert result.plan.venue == "Hội trường khối phố"


def test_secretary_named_in_a_sentence_and_a_programme_table_without_step_numbers():
    result = read_plan_text(
        HEAD + "Thời gian: 7h30 ngày 05/6/2026.\n"
        "Cử bà Trần Thị Bích, công chức Văn phòng - Thống kê làm thư ký hội nghị.\nChương trình:\n"
        "Thời gian\tNội dung\tThực hiện\n7h30 - 7h45\tKhai mạc\tVăn phòng\n"
        "7h45 - 10h30\tNhân dân phát biểu, đối thoại\tChủ trì\n10h30 - 11h00\tKết luận\tChủ tịch UBND xã\n"
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n")
    plan = result.plan
    assert (plan.secretary_name, plan.secretary_title) == ("Trần Thị Bích", "Công chức Văn phòng - Thống kê")
    assert [(s.content, s.lead, s.minutes, s.dialogue) for s in plan.programme] == [
        ("Khai mạc", "Văn phòng", 15, False), ("Nhân dân phát biểu, đối thoại", "Chủ trì", 165, True),
        ("Kết luận", "Chủ tịch UBND xã", 30, False)]
    assert plan.end == time(11) and "bước cuối" in result.finding("end").note
