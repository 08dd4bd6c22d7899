"""Rules added for the second blind set (issue 15, round 5): decoration of pasted posts, Word-style
numbered labels, hard-wrapped list items, steps "(NN phút) – lead", one group per counted item,
"Kính gửi:" addressees and subject lines that continue. Each test states a rule on a text of its
own, not on a corpus document."""

from __future__ import annotations

import datetime as dt

from intake.plan_clean import clean_line
from intake.plan_documents import read_plan_text


def _plan(text: str):
    return read_plan_text(text).plan


def _groups(plan) -> list[tuple[str, int | None]]:
    return [(g.group, g.invited) for g in plan.attendance]


def test_decoration_is_removed_or_read_as_the_marker_it_stands_for():
    assert clean_line("⏰ Thời gian: 8 giờ") == "Thời gian: 8 giờ"  # before a label: dropped
    assert clean_line("📣📣 THÔNG BÁO 📣") == "THÔNG BÁO"  # around a heading: dropped
    assert clean_line("2️⃣ Nhân dân phát biểu") == "2. Nhân dân phát biểu"  # a keycap numbers the item
    assert clean_line("🔹 Khai mạc") == "🔹 Khai mạc"  # before a plain item: its list marker
    assert clean_line("Nhà văn hóa 🏠 thôn 3") == "Nhà văn hóa thôn 3"
    assert clean_line("#ĐốiThoại #XãAn") == "" and clean_line("Số: 12 #1") == "Số: 12 #1"
    assert clean_line("│ Thời gian │ 8 giờ │") == "| Thời gian | 8 giờ |"  # box lines separate cells


def test_a_pasted_post_reads_its_emoji_labels_and_keycap_steps():
    plan = _plan("THÔNG BÁO\nV/v tổ chức hội nghị đối thoại với Nhân dân thôn 3\n"
                 "⏰ Thời gian: 8 giờ ngày 05/01/2027\n📍 Địa điểm: Nhà văn hóa thôn 3\n"
                 "👤 Chủ trì: ông Lò Văn Pọm - Chủ tịch UBND xã\n📝 Nội dung chính:\n"
                 "1️⃣ Khai mạc, báo cáo kết quả\n2️⃣ Nhân dân phát biểu ý kiến\n3️⃣ Chủ tịch UBND xã kết luận\n"
                 "#ĐốiThoại 👍 12\n")
    assert plan.venue == "Nhà văn hóa thôn 3" and plan.start == dt.time(8, 0)
    assert [(c.name, c.title) for c in plan.chairs] == [("Lò Văn Pọm", "Chủ tịch UBND xã")]
    assert [s.content for s in plan.programme] == ["Khai mạc, báo cáo kết quả", "Nhân dân phát biểu ý kiến",
                                                   "Chủ tịch UBND xã kết luận"]
    assert [s.dialogue for s in plan.programme] == [False, True, False]


def test_a_label_takes_the_items_of_its_own_symbol_only():
    plan = _plan("THƯ MỜI HỌP DÂN\nĐối thoại với Nhân dân tổ 5\nMời tham dự:\n✅ Lãnh đạo UBND phường: 05 người\n"
                 "✅ Cử tri tổ 5: khoảng 60 người\n\n📞 Mọi thắc mắc xin liên hệ tổ trưởng\n")
    assert _groups(plan) == [("Lãnh đạo UBND phường", 5), ("Cử tri tổ 5", 60)]


def test_a_numbered_label_takes_the_list_that_restarts_under_it_but_not_the_total_after_it():
    plan = _plan("KẾ HOẠCH\nĐối thoại với Nhân dân năm 2027\n4. Địa điểm: Hội trường xã\n5. Thành phần mời dự:\n"
                 "1. Thường trực Đảng ủy, HĐND xã: 06 đồng chí;\n2. Cử tri các thôn: 80 người.\n"
                 "Tổng số đại biểu dự kiến: 86 người.\n")
    assert _groups(plan) == [("Thường trực Đảng ủy, HĐND xã", 6), ("Cử tri các thôn", 80)]


def test_a_counted_list_item_is_one_group_whatever_it_lists():
    plan = _plan("KẾ HOẠCH\nĐối thoại với Nhân dân năm 2027\nThành phần:\n"
                 "a) Lãnh đạo UBND xã; Trưởng Công an xã; công chức Tư pháp: 07 người.\n"
                 "b) Bí thư chi bộ; trưởng thôn (12 người).\n")
    assert _groups(plan) == [("Lãnh đạo UBND xã; Trưởng Công an xã; công chức Tư pháp", 7),
                             ("Bí thư chi bộ; trưởng thôn", 12)]


def test_a_hard_wrapped_step_is_joined_and_its_minutes_and_lead_read_either_side_of_the_dash():
    plan = _plan("KẾ HOẠCH\nĐối thoại với Nhân dân năm 2027\nChương trình:\n"
                 "- Khai mạc, tuyên bố lý do, giới thiệu đại biểu tham dự hội nghị (10 phút) – Văn phòng HĐND và\n"
                 "UBND xã.\n"
                 "- Nhân dân phát biểu ý kiến, đối thoại với lãnh đạo xã - Chủ trì hội nghị (90 phút).\n")
    steps = [(s.content, s.lead, s.minutes) for s in plan.programme]
    assert steps == [("Khai mạc, tuyên bố lý do, giới thiệu đại biểu tham dự hội nghị", "Văn phòng HĐND và UBND xã", 10),
                     ("Nhân dân phát biểu ý kiến, đối thoại với lãnh đạo xã", "Chủ trì hội nghị", 90)]


def test_a_short_line_is_not_taken_for_a_wrapped_one():
    plan = _plan("KẾ HOẠCH\nĐối thoại với Nhân dân năm 2027\nThành phần:\n- Lãnh đạo UBND xã\nCử tri tự do đến dự\n")
    assert _groups(plan)[0] == ("Lãnh đạo UBND xã", None)


def test_an_invitation_reads_its_addressees_a_count_said_of_one_of_them_and_who_else_attends():
    text = ("GIẤY MỜI\nDự hội nghị đối thoại giữa Chủ tịch\nUBND xã với cử tri thôn Na Hang\n\n"
            "Kính gửi: - Ban công tác Mặt trận thôn Na Hang;\n- Cử tri thôn Na Hang.\n\n"
            "UBND xã trân trọng kính mời cử tri thôn Na Hang (mỗi hộ 01 người, khoảng 70 người) đến dự hội nghị. "
            "Ông Vàng A Tủa, Chủ tịch UBND xã chủ trì; cùng dự có đại diện Công an xã để trả lời bà con.\n")
    plan = _plan(text)
    assert plan.title == "Hội nghị đối thoại giữa Chủ tịch UBND xã với cử tri thôn Na Hang"
    assert _groups(plan) == [("Ban công tác Mặt trận thôn Na Hang", None), ("Cử tri thôn Na Hang", 70),
                             ("Đại diện Công an xã", None)]
    # a count said of others than the addressees goes to none of them
    other = _plan(text.replace("kính mời cử tri thôn Na Hang (", "kính mời đại biểu các ngành ("))
    assert all(g.invited is None for g in other.attendance)


def test_a_complete_subject_does_not_take_the_next_line():
    plan = _plan("KẾ HOẠCH\nTổ chức hội nghị đối thoại với Nhân dân năm 2027\nCăn cứ Luật Tổ chức chính quyền địa phương\n")
    assert plan.title == "Hội nghị đối thoại với Nhân dân năm 2027"
