"""General rules added for the seventh blind set (issue 15, round 15: ordinary plans by different
hands): a step's details on its own line, a programme told as sentences, "Đại biểu mời" bullets,
the end after "bế mạc", the chair as "Người điều hành hội nghị", the secretary who "ghi biên bản",
a total over its groups, an invitation's bulleted groups. Each test states the rule on a text of its
own."""

from __future__ import annotations

import datetime as dt

from tests.reader_helpers import check_nothing_invented
from intake.plan_documents import read_plan_text

HEAD = "ỦY BAN NHÂN DÂN\nXÃ PHÚ LỘC\n\nKẾ HOẠCH\nTổ chức Hội nghị đối thoại với Nhân dân năm 2026\n\n"
WHEN = "1. Thời gian: 8 giờ 00 ngày 14/10/2026.\n2. Địa điểm: Hội trường UBND xã Phú Lộc.\n"


def _read(body: str):
    result = read_plan_text(HEAD + body)
    check_nothing_invented(result)  # every value is a piece of its whole source line
    return result


def _steps(plan):
    return [(s.content, s.lead, s.minutes) for s in plan.programme]


def test_a_steps_lead_after_its_content_on_the_same_line_is_its_lead():
    plan = _read(WHEN + "3. Chương trình:\n"
                 "- 8h00 – 8h10: Khai mạc hội nghị. Thực hiện: Chủ tịch UBND xã.\n"
                 "- 8h10 – 9h40: Nhân dân phát biểu, đối thoại. Người thực hiện: Chủ trì hội nghị.\n"
                 "- 9h40 – 10h00: Kết luận hội nghị. Thực hiện: Bí thư Đảng ủy xã.\n").plan
    assert _steps(plan) == [("Khai mạc hội nghị", "Chủ tịch UBND xã", 10),
                            ("Nhân dân phát biểu, đối thoại", "Chủ trì hội nghị", 90),
                            ("Kết luận hội nghị", "Bí thư Đảng ủy xã", 20)]


def test_lead_and_minutes_each_after_a_long_dash():
    plan = _read(WHEN + "3. Chương trình:\n"
                 "a) Khai mạc, giới thiệu đại biểu — Văn phòng UBND xã — 10 phút.\n"
                 "b) Nhân dân phát biểu, đối thoại — Chủ trì hội nghị — 90 phút.\n"
                 "c) Báo cáo kinh tế - xã hội năm 2026 — Chủ tịch UBND xã — 20 phút.\n").plan
    assert _steps(plan) == [("Khai mạc, giới thiệu đại biểu", "Văn phòng UBND xã", 10),
                            ("Nhân dân phát biểu, đối thoại", "Chủ trì hội nghị", 90),
                            ("Báo cáo kinh tế - xã hội năm 2026", "Chủ tịch UBND xã", 20)]


def test_a_programme_told_as_sentences_in_one_paragraph():
    plan = _read(WHEN + "3. Chương trình hội nghị\n"
                 "Đầu tiên, Văn phòng UBND xã tuyên bố lý do (5 phút). Tiếp theo, đồng chí Chủ tịch UBND xã "
                 "báo cáo kết quả năm 2026 (20 phút). Nội dung chính là Nhân dân phát biểu, đối thoại với "
                 "lãnh đạo xã, do chủ trì điều hành (90 phút). Cuối cùng, đồng chí Bí thư Đảng ủy xã kết "
                 "luận (10 phút).\n").plan
    assert _steps(plan) == [("tuyên bố lý do", "Văn phòng UBND xã", 5),
                            ("báo cáo kết quả năm 2026", "đồng chí Chủ tịch UBND xã", 20),
                            ("Nhân dân phát biểu, đối thoại với lãnh đạo xã", "chủ trì", 90),
                            ("kết luận", "đồng chí Bí thư Đảng ủy xã", 10)]
    assert plan.programme[2].dialogue


def test_two_timed_sentences_are_no_programme():
    plan = _read(WHEN + "3. Chương trình hội nghị\n"
                 "Đầu tiên, Văn phòng UBND xã tuyên bố lý do (5 phút). Cuối cùng, đồng chí Bí thư kết "
                 "luận (10 phút).\n").plan
    assert plan.programme == []


def test_indented_bullets_under_dai_bieu_moi_are_groups_with_their_counts():
    plan = _read("   1. Thời gian: 8 giờ 00 ngày 14/10/2026.\n   2. Đại biểu mời\n"
                 "      • Lãnh đạo Đảng ủy, HĐND, UBND xã và các đoàn thể: 12 đ/c\n"
                 "      • Trưởng thôn, Bí thư chi bộ 6 thôn: 12 đ/c\n"
                 "      • Đại diện hộ gia đình các thôn: 60 người\n"
                 "      Tổng số: 84 đại biểu.\n").plan
    assert [(g.group, g.invited) for g in plan.attendance] == [
        ("Lãnh đạo Đảng ủy, HĐND, UBND xã và các đoàn thể", 12), ("Trưởng thôn, Bí thư chi bộ 6 thôn", 12),
        ("Đại diện hộ gia đình các thôn", 60)]


def test_the_end_after_be_mac_or_ket_thuc_truoc():
    for when, end in (("Khai mạc: 14 giờ 00. Bế mạc: 16 giờ 45.", dt.time(16, 45)),
                      ("khai mạc lúc 14 giờ 00, bế mạc lúc 17 giờ 00 cùng ngày.", dt.time(17)),
                      ("14 giờ 00; kết thúc trước 16 giờ 30 phút.", dt.time(16, 30))):
        plan = _read(f"1. Thời gian: ngày 14/10/2026. {when}\n2. Địa điểm: Hội trường UBND xã.\n").plan
        assert (plan.start, plan.end) == (dt.time(14), end), when


def test_nguoi_dieu_hanh_hoi_nghi_is_the_chair_and_a_steps_dieu_hanh_is_not():
    plan = _read(WHEN + "3. Người điều hành hội nghị: đồng chí Lê Văn Tâm – Chủ tịch UBND xã.\n").plan
    assert [(c.name, c.title) for c in plan.chairs] == [("Lê Văn Tâm", "Chủ tịch UBND xã")]
    plan = _read(WHEN + "3. Chương trình:\n- Khai mạc (10 phút).\n- Nhân dân phát biểu, đối thoại (90 phút).\n"
                 "Điều hành: đồng chí Lê Văn Tâm.\n- Kết luận (10 phút).\n").plan
    assert plan.chairs == [] or all(c.name != "Lê Văn Tâm" for c in plan.chairs)


def test_the_one_who_ghi_bien_ban_is_the_secretary():
    plan = _read(WHEN + "3. Chủ trì, thư ký\nÔng Lê Văn Tâm, Chủ tịch UBND xã chủ trì hội nghị. Bà Phan Thị "
                 "Mai, công chức Văn phòng - Thống kê xã, giúp việc chủ trì và ghi biên bản hội nghị.\n").plan
    assert (plan.secretary_name, plan.secretary_title) == ("Phan Thị Mai", "Công chức Văn phòng - Thống kê xã")


def test_a_total_over_its_groups_is_no_group():
    plan = _read(WHEN + "3. Thành phần\n3.1. Chủ trì: đồng chí Lê Văn Tâm - Chủ tịch UBND xã.\n"
                 "3.2. Đại biểu mời tham dự (75 người), gồm:\n- Lãnh đạo các ban, ngành xã (15 người);\n"
                 "- Nhân dân các thôn: 60 người.\n").plan
    assert [(g.group, g.invited) for g in plan.attendance] == [("Lãnh đạo các ban, ngành xã", 15),
                                                              ("Nhân dân các thôn", 60)]
    assert plan.invited_total == 75


def test_an_invitations_bulleted_groups_and_a_pointer_to_a_list():
    plan = _read("Ủy ban nhân dân xã Phú Lộc trân trọng kính mời:\n- Đại diện Thường trực Đảng ủy xã;\n"
                 "- Trưởng các thôn;\n- Đại diện các hộ dân bị ảnh hưởng dự án (có danh sách kèm theo).\n\n"
                 "Tới dự Hội nghị đối thoại với Nhân dân.\n" + WHEN).plan
    assert [(g.group, g.invited) for g in plan.attendance] == [
        ("Đại diện Thường trực Đảng ủy xã", None), ("Trưởng các thôn", None),
        ("Đại diện các hộ dân bị ảnh hưởng dự án", None)]


def test_citizens_presenting_their_views_is_the_dialogue_step():
    plan = _read(WHEN + "IV. NỘI DUNG HỘI NGHỊ\n4.1. Tuyên bố lý do.\n"
                 "4.2. Công dân trình bày ý kiến, kiến nghị; lãnh đạo xã trả lời.\n4.3. Kết luận hội nghị.\n").plan
    assert [s.content for s in plan.programme][1] == "Công dân trình bày ý kiến, kiến nghị; lãnh đạo xã trả lời"
    assert [s.dialogue for s in plan.programme] == [False, True, False]
