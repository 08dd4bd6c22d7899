"""The reader's fallbacks (intake/plan_fallback*.py): fields found anywhere by their context when
no rule knows how the document writes them, and nothing taken without strong context."""

from __future__ import annotations

from intake.plan_documents import read_plan_text
from intake.plan_extract import extract
from intake.plan_fallback import FIELDS
from intake.plan_fallback_programme import NOTE
from tests.reader_helpers import check_nothing_invented, lines_of, missing_of

HEAD = """ỦY BAN NHÂN DÂN XÃ CAM HIẾU
Số: 12/KH-UBND
KẾ HOẠCH
Tổ chức Hội nghị đối thoại với Nhân dân năm 2026
Hội nghị được tổ chức vào lúc 14 giờ 00 phút, ngày 17 tháng 12 năm 2026, tại Hội trường UBND xã Cam Hiếu.
"""

SENTENCE_STEPS = HEAD + """V. DIỄN BIẾN HỘI NGHỊ
Một là, ổn định tổ chức, giới thiệu đại biểu, do Văn phòng UBND xã thực hiện (10 phút).
Hai là, báo cáo kết quả giải quyết kiến nghị, do Phó Chủ tịch UBND xã trình bày (20 phút).
Ba là, Nhân dân phát biểu ý kiến; lãnh đạo UBND xã trả lời, giải trình (120 phút).
Bốn là, Chủ tịch UBND xã kết luận hội nghị (10 phút).
"""


def test_steps_told_as_ordinal_sentences():
    result = read_plan_text(SENTENCE_STEPS)
    check_nothing_invented(result)
    steps = [(s.content, s.lead, s.minutes, s.dialogue) for s in result.plan.programme]
    assert steps == [
        ("Ổn định tổ chức, giới thiệu đại biểu", "Văn phòng UBND xã", 10, False),
        ("Báo cáo kết quả giải quyết kiến nghị", "Phó Chủ tịch UBND xã", 20, False),
        ("Nhân dân phát biểu ý kiến; lãnh đạo UBND xã trả lời, giải trình", None, 120, True),
        ("Chủ tịch UBND xã kết luận hội nghị", None, 10, False),
    ]
    assert lines_of(result)["programme[0].content"] == 7
    assert "programme" not in missing_of(result)
    # the secretary is told where each value came from, and that it needs checking
    assert next(f for f in result.findings if f.field == "programme[0].content").note == NOTE


def test_ordinal_sentences_that_are_not_a_programme_are_left_alone():
    """Purposes written "Thứ nhất, … Thứ hai, …": no meeting verbs, no times, no heading."""
    text = HEAD + """I. MỤC ĐÍCH
Thứ nhất, nắm bắt tâm tư, nguyện vọng của Nhân dân về đất đai.
Thứ hai, nâng cao trách nhiệm của cán bộ, công chức trong thực thi công vụ.
Thứ ba, củng cố niềm tin của Nhân dân đối với chính quyền.
"""
    result = read_plan_text(text)
    assert result.plan.programme == []
    assert "programme" in missing_of(result)


def test_the_tasks_of_preparing_the_meeting_are_no_programme():
    """A seed plan lists what to prepare, each task naming the meeting ("buổi tiếp xúc, đối thoại")."""
    text = HEAD + """III. NỘI DUNG CÔNG TÁC CHUẨN BỊ
1. Xây dựng Kế hoạch tiếp xúc, đối thoại với nhân dân, nêu rõ mục đích, thành phần, thời gian.
2. Chuẩn bị chương trình, nội dung và tài liệu phục vụ buổi tiếp xúc, đối thoại.
3. Chọn nhân sự tham gia tiếp xúc, đối thoại, thư ký và bộ phận giúp việc.
4. Gửi giấy mời và thông báo rộng rãi để nhân dân biết tham dự buổi đối thoại.
"""
    assert read_plan_text(text).plan.programme == []


def test_steps_in_one_paragraph_after_an_introducing_sentence():
    text = HEAD + ("Hội nghị tiến hành theo trình tự: Thứ nhất, tuyên bố lý do, giới thiệu thành phần "
                   "(Văn phòng UBND xã, 05 phút). Thứ hai, báo cáo tình hình địa phương (20 phút). Thứ ba, "
                   "Nhân dân phát biểu ý kiến, lãnh đạo xã đối thoại (90 phút). Thứ tư, kết luận hội nghị "
                   "(10 phút).\n")
    result = read_plan_text(text)
    check_nothing_invented(result)
    assert [(s.content, s.minutes) for s in result.plan.programme] == [
        ("Tuyên bố lý do, giới thiệu thành phần", 5), ("Báo cáo tình hình địa phương", 20),
        ("Nhân dân phát biểu ý kiến, lãnh đạo xã đối thoại", 90), ("Kết luận hội nghị", 10)]


def test_columns_aligned_by_spaces_even_one_character_off():
    text = HEAD + """Chương trình:
    07g30 - 07g45    Đón tiếp đại biểu, ổn định tổ chức           Văn phòng UBND xã
    07g45 - 08g20    Báo cáo kết quả thực hiện kiến nghị của cử tri Phó Chủ tịch UBND xã
    08g20 - 10g15    Nhân dân phát biểu; lãnh đạo xã giải trình    Chủ tịch UBND xã
    10g15 - 10g30    Kết luận, bế mạc                              Chủ tịch UBND xã
"""
    result = read_plan_text(text)
    check_nothing_invented(result)
    assert [(s.content, s.lead, s.minutes) for s in result.plan.programme] == [
        ("Đón tiếp đại biểu, ổn định tổ chức", "Văn phòng UBND xã", 15),
        ("Báo cáo kết quả thực hiện kiến nghị của cử tri", "Phó Chủ tịch UBND xã", 35),
        ("Nhân dân phát biểu; lãnh đạo xã giải trình", "Chủ tịch UBND xã", 115),
        ("Kết luận, bế mạc", "Chủ tịch UBND xã", 15)]
    assert result.plan.attendance == []  # the programme's lines are no groups


DOTTED = """IV. ĐẠI BIỂU ĐƯỢC MỜI
Đảng ủy, HĐND, Ủy ban MTTQ Việt Nam xã .................. 06 người
Các ban, ngành, đoàn thể xã ................................ 10 người
Nhân dân các thôn ........................................... 80 người
Tổng số ...................................................... 96 người
"""


def test_groups_with_dotted_leaders_under_a_heading_without_the_total():
    result = read_plan_text(HEAD + DOTTED)
    check_nothing_invented(result)
    assert [(g.group, g.invited) for g in result.plan.attendance] == [
        ("Đảng ủy, HĐND, Ủy ban MTTQ Việt Nam xã", 6), ("Các ban, ngành, đoàn thể xã", 10),
        ("Nhân dân các thôn", 80)]


def test_counted_lines_without_words_about_who_attends_are_no_groups():
    text = HEAD + DOTTED.replace("IV. ĐẠI BIỂU ĐƯỢC MỜI", "IV. KẾT QUẢ NĂM 2025")
    assert read_plan_text(text).plan.attendance == []


def test_groups_counted_in_brackets_inside_one_sentence():
    text = HEAD + ("Hội nghị có sự tham gia của Thường trực Đảng ủy, HĐND xã (05 đại biểu), lãnh đạo các "
                   "ban ngành (08 đại biểu) cùng đại diện các hộ dân thôn Đông (60 hộ).\n")
    result = read_plan_text(text)
    check_nothing_invented(result)
    assert [(g.group, g.invited) for g in result.plan.attendance] == [
        ("Thường trực Đảng ủy, HĐND xã", 5), ("Lãnh đạo các ban ngành", 8), ("Đại diện các hộ dân thôn Đông", 60)]


def test_chair_and_secretary_in_an_assignment_table():
    text = HEAD + """Phân công tại hội nghị
| Họ và tên | Chức vụ | Nhiệm vụ |
| Trương Công Định | Chủ tịch UBND xã | Chủ trì |
| Lò Thị Hoa | Bí thư Đoàn xã | Dẫn chương trình |
| Hà Văn Sinh | Công chức Văn hóa - Xã hội | Thư ký, ghi biên bản |
"""
    result = read_plan_text(text)
    check_nothing_invented(result)
    assert [(c.name, c.title) for c in result.plan.chairs] == [("Trương Công Định", "Chủ tịch UBND xã")]
    assert (result.plan.secretary_name, result.plan.secretary_title) == ("Hà Văn Sinh", "Công chức Văn hóa - Xã hội")


def test_chair_and_secretary_each_take_the_role_of_their_own_clause():
    text = HEAD + ("Hội nghị do ông Lê Quang Vinh, Chủ tịch UBND xã trực tiếp điều hành; bà Trần Thị Mỹ Hạnh, "
                   "công chức Văn phòng - Thống kê xã giúp việc điều hành và ghi chép biên bản.\n")
    result = read_plan_text(text)
    check_nothing_invented(result)
    assert [(c.name, c.title) for c in result.plan.chairs] == [("Lê Quang Vinh", "Chủ tịch UBND xã")]
    assert result.plan.secretary_name == "Trần Thị Mỹ Hạnh"


def test_the_fallback_takes_no_chair_of_the_preparations():
    text = HEAD + "Đồng chí Lê Văn Hùng, Phó Chủ tịch UBND xã chủ trì cuộc họp chuẩn bị vào ngày 10/12/2026.\n"
    alone, _, _ = extract(text.splitlines(), rules_off=frozenset(FIELDS))
    assert alone.chairs == []


def test_a_co_chair_said_in_another_sentence_joins_the_chair_the_rules_found():
    text = HEAD + ("Chủ tọa hội nghị: đồng chí Vũ Đức Hiển, Chủ tịch UBND xã. Tham gia điều hành cùng đồng chí "
                   "Chủ tịch có đồng chí Đặng Thu Hà, Phó Chủ tịch UBND xã.\n")
    result = read_plan_text(text)
    check_nothing_invented(result)
    assert [(c.name, c.title) for c in result.plan.chairs] == [
        ("Vũ Đức Hiển", "Chủ tịch UBND xã"), ("Đặng Thu Hà", "Phó Chủ tịch UBND xã")]


def test_rules_off_leaves_only_the_fallbacks():
    """bench/plan_fallback.py's switch: the labelled chair below is read by a rule, not by the fallback."""
    lines = (HEAD + "Chủ trì: Chủ tịch UBND xã.\n").splitlines()
    with_rules, _, _ = extract(lines)
    alone, _, _ = extract(lines, rules_off=frozenset(FIELDS))
    assert [c.title for c in with_rules.chairs] == ["Chủ tịch UBND xã"]
    assert alone.chairs == []  # no name: the fallback never takes an office alone
