"""The draft conclusion notice (dự thảo thông báo kết luận), template 1.4."""

from __future__ import annotations

from datetime import datetime

import pytest

from db.models import Chair, MeetingStatus, Source
from reports import build_conclusion

from .reports_fixtures import all_opinions, bundled_font, ended_record, make_record
from .reports_pdf import assert_in_order, body_text, decoration_texts

NOW = datetime(2026, 6, 18, 11, 20)


def notice(record, tmp_path, now=NOW, **kw) -> str:
    return body_text(build_conclusion(record, tmp_path / "tb.pdf", font=bundled_font(), now=now, **kw))


@pytest.fixture(scope="module")
def notice_text(tmp_path_factory):
    return notice(ended_record(), tmp_path_factory.mktemp("tb"))


def test_decree_fixed_lines_and_draft_mark(notice_text):
    assert notice_text.startswith("DỰ THẢO")
    assert_in_order(notice_text, [
        "DỰ THẢO", "ỦY BAN NHÂN DÂN XÃ KÈ SẮT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: .../TB-UBND", "Kè Sắt, ngày 18 tháng 6 năm 2026",
        "THÔNG BÁO",
        "Kết luận của Chủ tịch UBND xã tại Hội nghị tiếp xúc, đối thoại trực tiếp với Nhân dân các thôn "
        "Quán Gỏi, Phương Độ, Ngọc Mai, Thượng Khuông năm 2026",
    ])


def test_draft_mark_on_every_page(tmp_path):
    path = build_conclusion(ended_record(), tmp_path / "tb.pdf", font=bundled_font(), now=NOW)
    decorations = decoration_texts(path)
    assert decorations and all("DỰ THẢO – chưa ký ban hành" in t for t in decorations.values())


@pytest.mark.parametrize(
    ("now", "line"),
    [
        (datetime(2026, 7, 5, 8, 0), "Kè Sắt, ngày 05 tháng 7 năm 2026"),  # printed after the meeting
        (datetime(2026, 6, 1, 8, 0), "Kè Sắt, ngày 18 tháng 6 năm 2026"),  # printed before: meeting date
    ],
)
def test_place_date_line(tmp_path, now, line):
    assert line in notice(ended_record(), tmp_path, now=now)


def test_leading_zero_in_place_date_line(tmp_path):
    text = notice(ended_record(date="2026-01-05"), tmp_path, now=datetime(2026, 1, 5, 12, 0))
    assert "Kè Sắt, ngày 05 tháng 01 năm 2026" in text


def test_opening_paragraph_counts(notice_text):
    record = ended_record()
    assert_in_order(notice_text, [
        "I. KHÁI QUÁT CHUNG",
        f"Vào hồi 7 giờ 32 phút, ngày 18 tháng 6 năm 2026, tại {record.meeting.venue}, "
        f"Ủy ban nhân dân xã Kè Sắt tổ chức {record.meeting.title}.",
        "Đồng chí Phạm Thị Thu Hiền, Q. Chủ tịch UBND xã và đồng chí Đỗ Quang Vinh, Bí thư Đảng ủy xã "
        "đồng chủ trì hội nghị.",
        "Tham dự hội nghị có 96 người.",
        # 3 speakers took the floor, Ông An spoke twice more after the answers (issue 11)
        "Tại hội nghị có 05 lượt phát biểu với 07 ý kiến, kiến nghị (05 ý kiến phát biểu, "
        "02 phiếu ý kiến tại hội nghị); ngoài ra có 02 ý kiến tổng hợp trước hội nghị (phiếu lấy ý kiến), "
        "nâng tổng số lên 09 ý kiến, kiến nghị.",
    ])


def test_a_zero_count_is_said_in_words(tmp_path):
    ops = [op for op in all_opinions() if op.number != 6 and op.source is not Source.SLIP]  # no slip, no forward
    text = notice(ended_record(opinions=ops), tmp_path)
    assert "không có phiếu ý kiến tại hội nghị" in text
    assert "Không có ý kiến vượt thẩm quyền đề nghị cấp trên xem xét." in text


def test_general_part_conclusions_and_follow_up_in_three_sections(notice_text):
    assert_in_order(notice_text, [
        "I. KHÁI QUÁT CHUNG", "Vào hồi", "II. KẾT LUẬN CỦA CHỦ TỊCH UBND XÃ THEO TỪNG LĨNH VỰC", "kết luận như sau:",
        "1. Đất đai", "6. Kết luận chung", "III. TỔ CHỨC THỰC HIỆN",
        "1. Công chức Văn hóa - Xã hội (01 nội dung)",
        "- Giao Công chức Văn hóa - Xã hội chủ trì giải quyết ý kiến số 2 của bà Lê Thị Huệ (thôn Phương Độ) về",
        "hoàn thành, trả lời công dân và báo cáo Chủ tịch UBND xã trước ngày 30/06/2026.",
        "2. Công chức Địa chính - Xây dựng (02 nội dung)",
        "- Giao Công chức Địa chính - Xây dựng chủ trì giải quyết ý kiến số 3 của ông Nguyễn Văn An",
        "trước ngày 05/07/2026.",
        "- Giao Công chức Địa chính - Xây dựng chủ trì giải quyết ý kiến số 9 của ông Nguyễn Văn An",
        "trước ngày 01/07/2026.",
        "Đối với 01 ý kiến vượt thẩm quyền (số 6): giao Văn phòng tổng hợp, tham mưu Ủy ban nhân dân xã báo "
        "cáo, kiến nghị UBND tỉnh Hải Dương xem xét, giải quyết.",
        "Chậm nhất đến ngày 05/07/2026, các cơ quan, đơn vị được giao nhiệm vụ theo kết luận phải trả lời ý kiến, "
        "kiến nghị của Nhân dân bằng văn bản và báo cáo với Chủ tịch UBND xã.",
        "Trên đây là kết luận",
    ])
    assert "PHỤ LỤC" not in notice_text  # 9 opinions: no appendix


def test_attendance_falls_back_to_invited(tmp_path):
    text = notice(make_record(MeetingStatus.LIVE), tmp_path)
    assert "Hội nghị mời 89 người tham dự." in text
    assert "(Hội nghị chưa kết thúc khi in dự thảo này.)" in text


def test_conclusions_grouped_by_field_in_meeting_order(notice_text):
    assert_in_order(notice_text, [
        "kết luận như sau:",
        "1. Đất đai, tài nguyên, môi trường",
        "2. Quy hoạch, xây dựng, giao thông",
        "3. Chính sách xã hội, an sinh",
        "4. An ninh trật tự, quốc phòng",
        "5. Tinh thần thái độ của cán bộ",
        "6. Kết luận chung",
    ])
    ops = {op.number: op for op in all_opinions()}
    sections = {
        "1. Đất đai": [3, 4, 9],  # the follow-ups (no field of their own) follow their opinion
        "2. Quy hoạch": [1, 5],
        "3. Chính sách": [2, 6],
        "4. An ninh": [7],
        "5. Tinh thần": [8],
    }
    heads = list(sections)
    for index, head in enumerate(heads):
        start = notice_text.index(head)
        end = notice_text.index(heads[index + 1]) if index + 1 < len(heads) else notice_text.index("6. Kết luận")
        part = notice_text[start:end]
        assert_in_order(part, [ops[n].content for n in sections[head]])


def test_assignments_forwarded_noted_answered(notice_text):
    for line in [
        "Kết luận: Giao Công chức Địa chính - Xây dựng xem xét, giải quyết, trả lời bằng văn bản cho công dân "
        "trước ngày 05/07/2026.",
        "Kết luận: Giao Công chức Địa chính - Xây dựng xem xét, giải quyết, trả lời bằng văn bản cho công dân "
        "trước ngày 01/07/2026.",
        "Kết luận: Giao Công chức Văn hóa - Xã hội xem xét, giải quyết, trả lời bằng văn bản cho công dân "
        "trước ngày 30/06/2026.",
        "Kết luận: Kiến nghị cấp có thẩm quyền (UBND tỉnh Hải Dương) xem xét, giải quyết.",
        "Kết luận: Ủy ban nhân dân xã tiếp thu ý kiến.",
        "Kết luận: Nội dung này đã được Trưởng Công an xã trả lời tại hội nghị: "
        "Công an xã sẽ tăng cường tuần tra, xử lý vi phạm.",
        "- Phiếu ý kiến của Bà Vũ Thị Lan (thôn Ngọc Mai) phản ánh, kiến nghị:",
        "- Ông Nguyễn Văn An (thôn Quán Gỏi) tiếp tục có ý kiến:",
        "- Ông Nguyễn Văn Thắng (thôn Quán Gỏi) (ý kiến gửi trước hội nghị) phản ánh, kiến nghị:",
    ]:
        assert line in notice_text, line


def test_closing_recipients_and_signature(notice_text):
    assert_in_order(notice_text, [
        "6. Kết luận chung",
        "Đề nghị các cơ quan được giao nhiệm vụ khẩn trương giải quyết.",
        "Trên đây là kết luận của Chủ tịch UBND xã",
        "đúng thời hạn./.",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "Q. CHỦ TỊCH",
        "Phạm Thị Thu Hiền",
    ])
    tail = notice_text[notice_text.index("Nơi nhận:"):]
    for agency in ["- Công chức Địa chính - Xây dựng;", "- Công chức Văn hóa - Xã hội;", "- Lưu: VT."]:
        assert agency in tail


def test_chairman_signs_as_chu_tich(tmp_path):
    record = ended_record(chairs=[Chair(1, 1, "Trần Văn Hùng", "Chủ tịch UBND xã")])
    text = notice(record, tmp_path)
    assert_in_order(text, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Hùng"])
    assert "Q. CHỦ TỊCH" not in text


def test_unclassified_opinions_come_last(tmp_path):
    import dataclasses

    ops = all_opinions()
    ops[6] = dataclasses.replace(ops[6], field_id=None, field_name=None)  # opinion 7
    text = notice(ended_record(opinions=ops), tmp_path)
    assert "An ninh trật tự" not in text  # its only opinion lost its field
    assert_in_order(text, ["4. Tinh thần thái độ của cán bộ", "5. Ý kiến chưa phân loại lĩnh vực",
                           ops[6].content, "6. Kết luận chung"])


def test_missing_conclusion_leaves_room_to_write(tmp_path):
    text = notice(ended_record(conclusion=None), tmp_path)
    assert_in_order(text, ["6. Kết luận chung", "Trên đây là kết luận"])
