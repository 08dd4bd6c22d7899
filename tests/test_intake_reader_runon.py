"""General rules added for the held-out plans B and C (issue 15, third round): sections run on in
one paragraph, co-chairs, a programme in one sentence, a step's note, group labels cut at the
words around them, places that are not the venue. Each test states the rule on a text of its own."""

from __future__ import annotations

import datetime as dt

from intake.plan_documents import read_plan_text
from intake.plan_runon import cuts
from intake.plan_source import paragraphs
from tests.reader_helpers import check_nothing_invented

HEAD = "ỦY BAN NHÂN DÂN\nXÃ TÂN AN\n\nKẾ HOẠCH\nTổ chức Hội nghị đối thoại với Nhân dân năm 2026\n\n"


def _read(body: str):
    result = read_plan_text(HEAD + body)
    check_nothing_invented(result)  # every value is a piece of its whole source line
    return result


def test_sections_run_on_in_one_paragraph_are_read_as_sections():
    result = _read("I. THỜI GIAN, ĐỊA ĐIỂM. 1. Thời gian: 8 giờ 00 ngày 12/9/2026. 2. Địa điểm: Hội trường thôn "
                   "Bắc. II. CHỦ TRÌ, THÀNH PHẦN. 1. Chủ trì: đồng chí Lê Văn An, Chủ tịch UBND xã. 2. Thư ký: bà "
                   "Vũ Thị Hoa, công chức Văn phòng - Thống kê xã. 3. Thành phần: a) Lãnh đạo các ban, ngành xã: 10 "
                   "người; b) Cử tri các thôn: 80 người. III. CHƯƠNG TRÌNH. 1. Khai mạc (10 phút); 2. Nhân dân "
                   "phát biểu, đối thoại (90 phút); 3. Kết luận (15 phút).\n")
    plan = result.plan
    assert (plan.date, plan.start, plan.venue) == (dt.date(2026, 9, 12), dt.time(8), "Hội trường thôn Bắc")
    assert [(c.name, c.title) for c in plan.chairs] == [("Lê Văn An", "Chủ tịch UBND xã")]
    assert (plan.secretary_name, plan.secretary_title) == ("Vũ Thị Hoa", "Công chức Văn phòng - Thống kê xã")
    assert [(g.group, g.invited) for g in plan.attendance] == [("Lãnh đạo các ban, ngành xã", 10),
                                                              ("Cử tri các thôn", 80)]
    assert [(s.content, s.minutes, s.dialogue) for s in plan.programme] == [
        ("Khai mạc", 10, False), ("Nhân dân phát biểu, đối thoại", 90, True), ("Kết luận", 15, False)]
    assert {result.finding(f).line for f in ("venue", "chairs[0].name", "programme[2].content")} == {7}


def test_a_number_after_a_sentence_starts_a_part_only_in_a_sequence():
    lone, listed = paragraphs(["Hội nghị họp tại thôn 3. 1. Mọi ý kiến gửi về xã.",
                               "Nội dung: 1. Khai mạc; 2. Đối thoại; 4. Kết luận."])
    assert cuts(lone) == []  # no "2." follows: not a list
    assert [listed.text[b:b + 2] for _, b in cuts(listed)] == ["1.", "2."]  # "4." does not follow "2."


def test_co_chairs_in_their_own_clause_once_each():
    plan = _read("Hội nghị do đồng chí Chủ tịch UBND xã chủ trì; đồng chủ trì là đồng chí Bí thư Đảng ủy xã.\n").plan
    assert [(c.name, c.title) for c in plan.chairs] == [(None, "Chủ tịch UBND xã"), (None, "Bí thư Đảng ủy xã")]
    plan = _read("Đồng chí Y Kông Niê, Bí thư Đảng ủy xã chủ trì; cùng chủ trì có đồng chí H'Linh Êban, "
                 "Chủ tịch UBND xã.\n").plan
    assert [(c.name, c.title) for c in plan.chairs] == [("Y Kông Niê", "Bí thư Đảng ủy xã"),
                                                        ("H'Linh Êban", "Chủ tịch UBND xã")]
    plan = _read("Hội nghị do ông Lê Văn An, Chủ tịch UBND xã và bà Vũ Thị Hoa, Bí thư Đảng ủy xã "
                 "đồng chủ trì.\n").plan
    assert [c.name for c in plan.chairs] == ["Lê Văn An", "Vũ Thị Hoa"]
    plan = _read("Chủ tọa hội nghị là các đồng chí: Lê Văn An, Bí thư Đảng ủy xã và Vũ Thị Hoa, Chủ tịch UBND xã.\n").plan
    assert [(c.name, c.title) for c in plan.chairs] == [("Lê Văn An", "Bí thư Đảng ủy xã"),
                                                        ("Vũ Thị Hoa", "Chủ tịch UBND xã")]


def test_a_step_note_gives_lead_and_minutes_and_a_note_without_them_stays():
    steps = _read("Chương trình:\n1. Khai mạc (Văn phòng HĐND - UBND xã, 10 phút)\n"
                  "2. Báo cáo kết quả (15' - Phó Chủ tịch UBND xã)\n"
                  "3. Nhân dân phát biểu, đối thoại (có phiếu đăng ký kèm theo)\n"
                  "4. Kết luận (09 giờ 30 - 10 giờ 00)\n").plan.programme
    assert [(s.content, s.lead, s.minutes) for s in steps] == [
        ("Khai mạc", "Văn phòng HĐND - UBND xã", 10), ("Báo cáo kết quả", "Phó Chủ tịch UBND xã", 15),
        ("Nhân dân phát biểu, đối thoại (có phiếu đăng ký kèm theo)", None, None), ("Kết luận", None, 30)]


def test_a_programme_in_one_sentence_but_not_a_list_of_topics():
    plan = _read("Nội dung hội nghị: nghe báo cáo kết quả năm 2025; bà con phát biểu ý kiến; "
                 "Chủ tịch UBND xã trả lời và kết luận.\n").plan
    assert [(s.content, s.dialogue) for s in plan.programme] == [
        ("Nghe báo cáo kết quả năm 2025", False), ("Bà con phát biểu ý kiến", True),
        ("Chủ tịch UBND xã trả lời và kết luận", False)]
    assert _read("Nội dung hội nghị: đất đai; môi trường; an ninh trật tự.\n").plan.programme == []


def test_group_labels_without_the_words_around_them():
    plan = _read("Thành phần mời dự gồm có đại diện lãnh đạo các đoàn thể xã khoảng 15 người; trưởng thôn, bí thư "
                 "chi bộ 04 thôn là 08 người; cùng với khoảng 90 người đại diện các hộ gia đình. Kính mời đại diện "
                 "Công an xã cùng dự.\n").plan
    assert [(g.group, g.invited) for g in plan.attendance] == [
        ("Đại diện lãnh đạo các đoàn thể xã", 15), ("Trưởng thôn, bí thư chi bộ 04 thôn", 8),
        ("Đại diện các hộ gia đình", 90), ("Đại diện Công an xã", None)]


def test_a_document_or_a_place_for_papers_is_not_the_venue():
    plan = _read("Ý kiến nộp tại Bộ phận Một cửa xã trước ngày 01/9/2026. Hội nghị tổ chức lúc 8 giờ ngày 12/9/2026. "
                 "Các ngành trả lời tại thông báo kết luận.\n").plan
    assert plan.date == dt.date(2026, 9, 12) and plan.venue is None
    plan = _read("Hội nghị tổ chức lúc 8 giờ ngày 12/9/2026. Địa điểm: Sân Nhà văn hóa thôn Đông.\n").plan
    assert plan.venue == "Sân Nhà văn hóa thôn Đông"


def test_a_label_without_a_number_takes_the_numbered_list_after_it():
    plan = _read("Thành phần gồm: a) Đại diện Đảng ủy xã: 5 người; b) Cử tri các thôn: 80 người.\n"
                 "Chủ trì: 1. Đồng chí Lê Văn An, Bí thư Đảng ủy xã; 2. Đồng chí Vũ Thị Hoa, Chủ tịch UBND xã.\n").plan
    assert [(g.group, g.invited) for g in plan.attendance] == [("Đại diện Đảng ủy xã", 5), ("Cử tri các thôn", 80)]
    assert [(c.name, c.title) for c in plan.chairs] == [("Lê Văn An", "Bí thư Đảng ủy xã"),
                                                        ("Vũ Thị Hoa", "Chủ tịch UBND xã")]
    plan = _read("Thành phần:\n1. Đại diện Đảng ủy xã: 5 người\n2. Cử tri các thôn: 80 người\nII. CHƯƠNG TRÌNH\n"
                 "1. Khai mạc\n2. Nhân dân phát biểu\n3. Kết luận\n").plan
    assert len(plan.attendance) == 2 and len(plan.programme) == 3


def test_what_is_not_a_programme_a_group_or_a_venue():
    # topics where people complain are not steps: no step of the meeting's procedure among them
    assert _read("Nội dung: Nhân dân phản ánh về đất đai; ô nhiễm môi trường; an ninh trật tự.\n").plan.programme == []
    plan = _read("Thành phần mời: cử tri các thôn (80 người). Kính mời các đồng chí, bà con đến dự đúng giờ.\n"
                 "Hội nghị tổ chức vào 8 giờ ngày 12/9/2026. Địa điểm tại Hội trường thôn 3. Ý kiến trả lời tại "
                 "kỳ họp sau.\n").plan
    assert [(g.group, g.invited) for g in plan.attendance] == [("Cử tri các thôn", 80)]
    assert plan.venue == "Hội trường thôn 3"  # the sentence after the meeting's, not a later "tại"


def test_roman_numbers_with_a_bracket_and_a_dash_before_the_count():
    plan = _read("I) THỜI GIAN: 7 giờ 30, ngày 05/7/2026; II) ĐỊA ĐIỂM: Hội trường ấp Phú Lợi; III) THÀNH PHẦN: "
                 "Thường trực Đảng ủy, HĐND, UBND xã - 06 người; Cử tri đại diện hộ gia đình - 90 người.\n").plan
    assert (plan.date, plan.venue) == (dt.date(2026, 7, 5), "Hội trường ấp Phú Lợi")
    assert [(g.group, g.invited) for g in plan.attendance] == [("Thường trực Đảng ủy, HĐND, UBND xã", 6),
                                                              ("Cử tri đại diện hộ gia đình", 90)]
