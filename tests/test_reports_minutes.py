"""The minutes (biên bản) of an ended meeting: every fact, in the decree's order."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from db.models import Chair, MeetingStatus
from reports import build_minutes, document_names, print_documents

from .reports_fixtures import SPEAKERS, all_opinions, bundled_font, ended_record, make_record
from .reports_pdf import assert_in_order, body_text, decoration_texts, full_text

NOW = datetime(2026, 6, 18, 11, 20)


@pytest.fixture(scope="module")
def minutes_text(tmp_path_factory):
    path = build_minutes(ended_record(), tmp_path_factory.mktemp("bb") / "bb.pdf", font=bundled_font(), now=NOW)
    return body_text(path)


def test_decree_fixed_lines(minutes_text):
    for line in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "ỦY BAN NHÂN DÂN XÃ KÈ SẮT", "Số: .../BB-UBND", "BIÊN BẢN", "THƯ KÝ", "CHỦ TỌA",
                 "Nơi nhận:", "- Lưu: VT, Hồ sơ."]:
        assert line in minutes_text, line
    assert "Kè Sắt, ngày" not in minutes_text  # the minutes have no place/date line
    assert "BẢN GHI TẠM" not in minutes_text and "DỰ THẢO" not in minutes_text


def test_sections_in_template_order(minutes_text):
    record = ended_record()
    assert_in_order(minutes_text, [
        "BIÊN BẢN",
        record.meeting.title,
        "Thời gian bắt đầu: 7 giờ 32 phút, ngày 18 tháng 6 năm 2026",
        f"Địa điểm: {record.meeting.venue}",
        "Thành phần tham dự:",
        "Chủ trì (chủ tọa):",
        "Thư ký (người ghi biên bản): Nguyễn Thị Hồng Nhung, Công chức Văn phòng - Thống kê",
        "Nội dung (theo diễn biến hội nghị):",
        "Kết luận của chủ trì:",
        "Hội nghị kết thúc vào 11 giờ 05 phút, ngày 18 tháng 6 năm 2026. Biên bản đã được đọc lại cho hội nghị "
        "nghe và được hội nghị nhất trí thông qua./.",
        "THƯ KÝ", "Nguyễn Thị Hồng Nhung",
        "Nơi nhận:", "- Lưu: VT, Hồ sơ.", "CHỦ TỌA",
    ])


def test_attendance_and_both_chairs(minutes_text):
    assert_in_order(minutes_text, [
        "- Lãnh đạo UBND xã: mời 4 người, có mặt 4 người.",
        "- Đại diện Đảng ủy, Thường trực HĐND xã: mời 8 người, có mặt 7 người.",
        "- Nhân dân các thôn Quán Gỏi, Phương Độ, Ngọc Mai, Thượng Khuông: mời 70 người, có mặt 78 người.",
        "Tổng số: mời 89 người, có mặt 96 người.",
        "Chủ trì (chủ tọa): - Phạm Thị Thu Hiền, Q. Chủ tịch UBND xã - Đỗ Quang Vinh, Bí thư Đảng ủy xã",
    ])
    # both chairs sign under CHỦ TỌA; "Nơi nhận" is in the left column, under the secretary
    tail = minutes_text[minutes_text.index("THƯ KÝ"):]
    assert_in_order(tail, ["Nguyễn Thị Hồng Nhung", "Nơi nhận:", "- Lưu: VT, Hồ sơ.", "CHỦ TỌA",
                           "Phạm Thị Thu Hiền", "Đỗ Quang Vinh"])


def test_programme_steps_with_actual_times(minutes_text):
    assert_in_order(minutes_text, [
        "1. Tuyên bố lý do, giới thiệu đại biểu; quán triệt nội quy tiếp xúc, đối thoại "
        "(7 giờ 32 phút – 7 giờ 45 phút) Điều hành: Văn phòng HĐND và UBND xã.",
        "2. Thông báo khái quát", "(7 giờ 45 phút – 8 giờ 05 phút)",
        "3. Trả lời các ý kiến, kiến nghị đã tổng hợp", "(8 giờ 05 phút – 8 giờ 30 phút)",
        "4. Nhân dân phát biểu ý kiến", "(8 giờ 30 phút – 10 giờ 50 phút)",
        "5. Chủ trì hội nghị kết luận, bế mạc (10 giờ 50 phút – 11 giờ 05 phút)",
    ])


def test_every_opinion_in_order_and_section(minutes_text):
    ops = {op.number: op for op in all_opinions()}
    before_at = minutes_text.index("Ý kiến, kiến nghị tổng hợp trước hội nghị")
    dialogue_at = minutes_text.index("4. Nhân dân phát biểu ý kiến")
    step5_at = minutes_text.index("5. Chủ trì hội nghị kết luận")
    assert minutes_text.index("3. Trả lời các ý kiến") < before_at < dialogue_at
    # before-meeting opinions in their own section, before the dialogue step
    for number in (1, 2):
        assert before_at < minutes_text.index(ops[number].content) < dialogue_at
    # the dialogue: number order, each follow-up directly under the opinion it follows
    order = [3, 4, 9, 5, 6, 7, 8]
    positions = [minutes_text.index(ops[n].content) for n in order]
    assert positions == sorted(positions)
    assert dialogue_at < positions[0] and positions[-1] < step5_at


@pytest.mark.parametrize("number", range(1, 10))
def test_each_opinion_prints_every_fact(minutes_text, number):
    op = {op.number: op for op in all_opinions()}[number]
    start = minutes_text.index(f"Ý kiến số {number}")
    end = minutes_text.find("Ý kiến số", start + 5)
    block = minutes_text[start:end if end != -1 else None]
    assert f"Nội dung: {op.content}" in block
    if op.field_name:
        assert f"Lĩnh vực: {op.field_name}" in block
    if op.answered_by:
        assert f"Người trả lời: {op.answered_by}" in block
    if op.answer:
        assert f"Trả lời: {op.answer}" in block
    if op.agency:
        assert op.agency in block
    if op.deadline:
        y, m, d = op.deadline.split("-")
        assert f"thời hạn trước ngày {d}/{m}/{y}" in block


def test_who_raised_each_opinion(minutes_text):
    an = SPEAKERS[0].display_name
    assert an == "Ông Nguyễn Văn An (thôn Quán Gỏi)"
    assert f"Ý kiến số 3: {an}" in minutes_text
    assert f"Ý kiến số 4 (tiếp tục có ý kiến sau ý kiến số 3): {an}" in minutes_text
    assert f"Ý kiến số 9 (tiếp tục có ý kiến sau ý kiến số 4): {an}" in minutes_text
    assert "Ý kiến số 5: Phiếu ý kiến của Bà Vũ Thị Lan (thôn Ngọc Mai)" in minutes_text
    assert "Ý kiến số 6: Bà Trần Thị Bình (thôn Phương Độ)" in minutes_text
    assert "Ý kiến số 8: Phiếu ý kiến. Lĩnh vực: Tinh thần thái độ của cán bộ" in minutes_text
    assert "Ý kiến số 1: Ông Nguyễn Văn Thắng (thôn Quán Gỏi)" in minutes_text


def test_outcomes_use_the_model_labels(minutes_text):
    assert "Kết quả: Đã trả lời tại hội nghị." in minutes_text
    assert ("Kết quả: Giao giải quyết, trả lời bằng văn bản: Công chức Địa chính - Xây dựng; "
            "thời hạn trước ngày 05/07/2026.") in minutes_text
    assert "Kết quả: Kiến nghị cấp có thẩm quyền: UBND tỉnh Hải Dương." in minutes_text
    assert "Kết quả: Tiếp thu." in minutes_text


def test_chair_conclusion_paragraphs(minutes_text):
    assert_in_order(minutes_text, [
        "Kết luận của chủ trì:",
        "Đề nghị các cơ quan được giao nhiệm vụ khẩn trương giải quyết.",
        "Văn phòng tổng hợp, tham mưu thông báo kết luận trước ngày 27/6/2026.",
        "Hội nghị kết thúc vào",
    ])


def test_party_committee_number_and_single_chair(tmp_path):
    record = ended_record(organisation="Đảng ủy xã Hưng Chính",
                          chairs=[Chair(1, 1, "Đỗ Quang Vinh", "Bí thư Đảng ủy xã")])
    text = body_text(build_minutes(record, tmp_path / "bb.pdf", font=bundled_font(), now=NOW))
    assert "ĐẢNG ỦY XÃ HƯNG CHÍNH" in text
    assert "Số: .../BB-ĐU" in text
    assert "Chủ trì (chủ tọa): Đỗ Quang Vinh, Bí thư Đảng ủy xã" in text


def test_parent_body_line(tmp_path):
    record = ended_record(parent="Ủy ban nhân dân tỉnh Hải Dương")
    text = body_text(build_minutes(record, tmp_path / "bb.pdf", font=bundled_font(), now=NOW))
    assert_in_order(text, ["ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", "ỦY BAN NHÂN DÂN XÃ KÈ SẮT"])


def test_page_numbers_from_page_two_and_footer_text_on_every_page(tmp_path):
    path = build_minutes(ended_record(), tmp_path / "bb.pdf", font=bundled_font(), now=NOW,
                         footer_text="Mã niêm phong SHA-256: 0123abcd")
    decorations = decoration_texts(path)
    assert len(decorations) >= 2
    assert decorations[1] == "Mã niêm phong SHA-256: 0123abcd"  # no number on page 1
    for page, text in decorations.items():
        if page > 1:
            assert text == f"{page} Mã niêm phong SHA-256: 0123abcd"


def test_print_documents_names_files_by_meeting_date_and_id(tmp_path):
    record = ended_record(date="2026-01-05", id=7)
    assert document_names(record) == ("bien-ban-2026-01-05-hn7.pdf", "thong-bao-2026-01-05-hn7.pdf")
    minutes, notice = print_documents(record, tmp_path / "out", font=bundled_font(), now=NOW)
    assert minutes == tmp_path / "out" / "bien-ban-2026-01-05-hn7.pdf" and minutes.stat().st_size > 5000
    assert notice == tmp_path / "out" / "thong-bao-2026-01-05-hn7.pdf" and notice.stat().st_size > 5000
    assert "BIÊN BẢN" in full_text(minutes) and "THÔNG BÁO" in full_text(notice)
    assert (tmp_path / "out" / "bien-ban-2026-01-05-hn7.docx").is_file()
    assert (tmp_path / "out" / "thong-bao-2026-01-05-hn7.docx").is_file()
    # another meeting of the same day, printed into the same folder, leaves these alone
    before = minutes.read_bytes()
    other, _ = print_documents(ended_record(date="2026-01-05", id=8), tmp_path / "out", font=bundled_font(),
                               now=NOW)
    assert other.name == "bien-ban-2026-01-05-hn8.pdf" and minutes.read_bytes() == before


def test_output_is_reproducible(tmp_path):
    a = build_minutes(ended_record(), tmp_path / "a.pdf", font=bundled_font(), now=NOW)
    b = build_minutes(ended_record(), tmp_path / "b.pdf", font=bundled_font(), now=NOW)
    assert a.read_bytes() == b.read_bytes()


def test_no_opinions_at_all(tmp_path):
    record = make_record(MeetingStatus.ENDED, opinions=[], conclusion=None)
    text = body_text(build_minutes(record, tmp_path / "bb.pdf", font=bundled_font(), now=NOW))
    assert "(Không có ý kiến phát biểu.)" in text
    assert "(Không ghi kết luận.)" in text
    assert "Ý kiến, kiến nghị tổng hợp trước hội nghị" not in text


def test_without_a_dialogue_step_opinions_still_print(tmp_path):
    record = ended_record()
    record = dataclasses.replace(record, steps=[dataclasses.replace(s, dialogue=False) for s in record.steps])
    text = body_text(build_minutes(record, tmp_path / "bb.pdf", font=bundled_font(), now=NOW))
    for op in all_opinions():
        assert op.content in text
    assert_in_order(text, ["5. Chủ trì hội nghị kết luận", "Ý kiến, kiến nghị tổng hợp trước hội nghị",
                           "Ý kiến phát biểu, phiếu ý kiến tại hội nghị", all_opinions()[2].content])
