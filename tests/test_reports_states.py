"""The minutes in each meeting state: planned (paper form), live (provisional), ended."""

from __future__ import annotations

from datetime import datetime

from db.models import MeetingStatus
from reports import build_minutes, print_documents
from reports.minutes import PAPER_SLOTS, PROVISIONAL

from .reports_fixtures import bundled_font, make_record
from .reports_pdf import assert_in_order, body_text, decoration_texts

NOW = datetime(2026, 6, 18, 9, 40)


def test_planned_prints_the_frame_with_the_plan_and_blank_slots(tmp_path):
    record = make_record(MeetingStatus.PLANNED)
    path = build_minutes(record, tmp_path / "bb.pdf", font=bundled_font(), now=NOW)
    text = body_text(path)
    assert PROVISIONAL not in text
    assert_in_order(text, [
        "BIÊN BẢN", record.meeting.title,
        "Thời gian bắt đầu: 7 giờ 30 phút, ngày 18 tháng 6 năm 2026",  # the planned start
        "- Lãnh đạo UBND xã: mời 4 người, có mặt ...... người.",
        "Tổng số: mời 89 người, có mặt ...... người.",
        "Thư ký (người ghi biên bản): Nguyễn Thị Hồng Nhung",
        "1. Tuyên bố lý do", "(dự kiến 10 phút; từ ...... giờ ...... phút đến ...... giờ ...... phút)",
        "Ý kiến, kiến nghị tổng hợp trước hội nghị",
        record.opinions[0].content, record.opinions[0].answer,
        "4. Nhân dân phát biểu ý kiến", "(dự kiến 150 phút;",
    ])
    # numbered blank slots continue after the before-meeting opinions (1 and 2)
    slots = [f"Ý kiến số {n} Người phát biểu (họ tên, thôn) hoặc phiếu ý kiến:" for n in range(3, 3 + PAPER_SLOTS)]
    assert_in_order(text, slots + ["5. Chủ trì hội nghị kết luận"])
    assert text.count("Người phát biểu (họ tên, thôn) hoặc phiếu ý kiến:") == PAPER_SLOTS == 12
    assert text.count("□ Giao (cơ quan, người được giao, thời hạn):") == PAPER_SLOTS
    assert_in_order(text, [
        "Kết luận của chủ trì:",
        "Hội nghị kết thúc vào ...... giờ ...... phút, ngày 18 tháng 6 năm 2026./.",
        "THƯ KÝ", "Nơi nhận:", "CHỦ TỌA",
    ])


def test_live_is_marked_provisional_at_the_top_and_on_every_page(tmp_path):
    record = make_record(MeetingStatus.LIVE)
    path = build_minutes(record, tmp_path / "bb.pdf", font=bundled_font(), now=NOW)
    text = body_text(path)
    assert text.startswith(f"{PROVISIONAL} In lúc 9 giờ 40 phút, ngày 18 tháng 6 năm 2026")
    decorations = decoration_texts(path)
    assert len(decorations) >= 2
    for page, line in decorations.items():
        assert f"{PROVISIONAL} – in lúc 9 giờ 40 phút, ngày 18 tháng 6 năm 2026" in line, page
    assert "BẢN GHI TẠM – HỘI NGHỊ ĐANG DIỄN RA" == PROVISIONAL


def test_live_prints_the_record_so_far(tmp_path):
    record = make_record(MeetingStatus.LIVE)
    text = body_text(build_minutes(record, tmp_path / "bb.pdf", font=bundled_font(), now=NOW))
    assert "Thời gian bắt đầu: 7 giờ 32 phút" in text
    assert "(8 giờ 05 phút – 8 giờ 30 phút)" in text
    assert "4. Nhân dân phát biểu ý kiến theo thứ tự đăng ký; chủ trì trả lời từng ý kiến " \
           "(từ 8 giờ 30 phút, đang diễn ra)" in text
    assert "5. Chủ trì hội nghị kết luận, bế mạc (chưa thực hiện)" in text
    for op in record.opinions:
        assert op.content in text
    assert "Ý kiến số 9" not in text
    assert_in_order(text, [record.opinions[-1].content, "Kết quả: chưa trả lời."])
    assert "có mặt ...... người" in text
    assert "(Chưa ghi kết luận.)" in text
    assert "Hội nghị chưa kết thúc; bản ghi tạm in lúc 9 giờ 40 phút, ngày 18 tháng 6 năm 2026." in text
    assert "Hội nghị kết thúc vào" not in text


def test_ended_has_no_provisional_mark(tmp_path):
    record = make_record(MeetingStatus.ENDED)
    path = build_minutes(record, tmp_path / "bb.pdf", font=bundled_font(), now=NOW)
    text = body_text(path)
    assert PROVISIONAL not in text and "BẢN GHI TẠM" not in text
    assert all("BẢN GHI TẠM" not in t for t in decoration_texts(path).values())
    assert "Hội nghị kết thúc vào 11 giờ 05 phút, ngày 18 tháng 6 năm 2026. Biên bản đã được đọc lại" in text


def test_every_state_prints_both_documents(tmp_path):
    for status in MeetingStatus:
        minutes, notice = print_documents(make_record(status), tmp_path / status.value, font=bundled_font(),
                                          now=NOW)
        assert "BIÊN BẢN" in body_text(minutes)
        assert "THÔNG BÁO" in body_text(notice) and "DỰ THẢO" in body_text(notice)


def test_demo_meeting_from_the_store_prints(demo_db, tmp_path):
    """The real store's record of the demo plan (planned) prints as the paper form."""
    from db.meetings import load_record

    db, meeting_id = demo_db
    record = load_record(db, meeting_id)
    minutes, notice = print_documents(record, tmp_path, font=bundled_font(), now=NOW)
    text = body_text(minutes)
    assert "XÃ KÈ SẮT" in text and record.meeting.title in text
    for opinion in record.opinions:
        assert opinion.content in text
    assert "Phạm Thị Thu Hiền" in body_text(notice)


def test_a_bare_record_still_prints(tmp_path):
    """No chairs, groups, steps, fields or place name; ended without an end moment."""
    import dataclasses

    record = make_record(MeetingStatus.ENDED)
    record = dataclasses.replace(
        record, meeting=dataclasses.replace(record.meeting, ended_at=None, place_name="", secretary_title=None),
        chairs=[], attendance=[], steps=[], fields=[], speakers=[],
    )
    minutes, notice = print_documents(record, tmp_path, font=bundled_font(), now=NOW)
    text = body_text(minutes)
    assert_in_order(text, ["Chủ trì (chủ tọa):", "Thư ký (người ghi biên bản): Nguyễn Thị Hồng Nhung",
                           "Nội dung (theo diễn biến hội nghị):", "Ý kiến, kiến nghị tổng hợp trước hội nghị",
                           "Ý kiến phát biểu, phiếu ý kiến tại hội nghị",
                           "Hội nghị kết thúc vào ...... giờ ...... phút, ngày 18 tháng 6 năm 2026./."])
    notice_text = body_text(notice)
    assert "......, ngày 18 tháng 6 năm 2026" in notice_text
    assert_in_order(notice_text, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"])
    for opinion in record.opinions:
        assert opinion.content in text
