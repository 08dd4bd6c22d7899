"""General rules added for plans written in styles the corpus first lacked (issue 15, second
round): each test states the rule on a text of its own, not on a corpus document."""

from __future__ import annotations

import datetime as dt

from intake.plan_dates import find_times
from intake.plan_documents import read_plan_text


def _plan(text: str):
    return read_plan_text(text).plan


def test_a_number_of_places_is_not_a_head_count_but_a_number_of_people_is():
    plan = _plan("KẾ HOẠCH\nĐối thoại với Nhân dân\nThành phần: Đại diện 9 thôn; 40 hộ dân ven sông.\n")
    assert [(g.group, g.invited) for g in plan.attendance] == [("Đại diện 9 thôn", None), ("Hộ dân ven sông", 40)]


def test_half_past_in_words():
    assert [t.value for t in find_times("vào lúc 7 giờ rưỡi sáng")] == [dt.time(7, 30)]


def test_a_schedule_table_gives_date_time_place_and_chair_by_column():
    plan = _plan("THÔNG BÁO\nLịch đối thoại với Nhân dân tổ 4\n"
                 "Ngày\tGiờ\tĐịa điểm\tChủ trì\n"
                 "Thứ Ba, 03/02/2026\t14 giờ 00\tNhà văn hóa tổ 4\tÔng Lý Văn Sáu, Chủ tịch UBND xã\n")
    assert plan.date == dt.date(2026, 2, 3) and plan.start == dt.time(14, 0)
    assert plan.venue == "Nhà văn hóa tổ 4"
    assert [(c.name, c.title) for c in plan.chairs] == [("Lý Văn Sáu", "Chủ tịch UBND xã")]


def test_a_bracketed_line_under_the_title_gives_the_place():
    plan = _plan("KỊCH BẢN\nHỘI NGHỊ ĐỐI THOẠI VỚI NHÂN DÂN\n(Nhà văn hóa thôn 2 – 8 giờ 00, ngày 10/3/2026)\n"
                 "1. Khai mạc\n2. Nhân dân phát biểu, đối thoại\n3. Kết luận\n")
    assert plan.venue == "Nhà văn hóa thôn 2" and plan.date == dt.date(2026, 3, 10)
    assert [s.content for s in plan.programme] == ["Khai mạc", "Nhân dân phát biểu, đối thoại", "Kết luận"]


def test_named_delegates_are_not_attendance_groups_but_the_other_side_is():
    plan = _plan("THÔNG BÁO\nĐối thoại với Nhân dân\n"
                 "Về phía xã có: ông Vũ Văn Bình, Chủ tịch UBND xã; đại diện Công an xã.\n"
                 "Về phía thôn có: Chi hội trưởng các hội; cùng khoảng 60 hộ dân.\n")
    assert [(g.group, g.invited) for g in plan.attendance] == [("Chi hội trưởng các hội", None), ("Hộ dân", 60)]


def test_a_blank_to_fill_in_is_not_a_group():
    plan = _plan("GIẤY MỜI\nDự buổi đối thoại với Nhân dân\nKính mời: Ông (Bà) ....................\n")
    assert plan.attendance == []
