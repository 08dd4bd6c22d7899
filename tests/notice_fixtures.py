"""Meetings in a real store for the notice tests (issue 11): the demo meeting held and
ended through the store functions, and a generated 300-opinion meeting."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from bench.large_meeting import build_large_meeting

from db import meetings, opinions, speakers
from db.connection import open_db
from db.meetings import create_meeting
from intake.plan_file import load_plan

from .conftest import DEMO_PLAN

START = datetime(2026, 6, 18, 7, 30)


def held_demo(path: Path) -> tuple[object, int]:
    """The demo plan (three opinions gathered before), held: three speakers took the floor
    (one spoke again after the answer), one was absent, a slip; every outcome; ended."""
    db = open_db(path)
    mid = create_meeting(db, load_plan(DEMO_PLAN), now=START)
    meetings.start_meeting(db, mid, now=START)
    fields = {f.name: f.id for f in meetings.get_fields(db, mid)}
    land, roads, social = (fields["Đất đai, tài nguyên, môi trường"], fields["Quy hoạch, xây dựng, giao thông"],
                           fields["Chính sách xã hội, an sinh"])
    an = speakers.register_speaker(db, mid, honorific="Ông", name="Nguyễn Văn An", hamlet="thôn Quán Gỏi", now=START)
    binh = speakers.register_speaker(db, mid, honorific="Bà", name="Trần Thị Bình", hamlet="thôn Phương Độ",
                                     now=START)
    absent = speakers.register_speaker(db, mid, honorific="Ông", name="Lê Văn Cường", hamlet="thôn Ngọc Mai",
                                       now=START)
    dung = speakers.register_speaker(db, mid, honorific="Ông", name="Hoàng Đức Dũng", hamlet="thôn Thượng Khuông",
                                     now=START)
    t = START
    speakers.call_speaker(db, an.id, now=(t := t + timedelta(minutes=30)))
    o1 = opinions.record_opinion(db, mid, "Đường trục thôn Quán Gỏi xuống cấp, nhiều ổ gà.", speaker_id=an.id,
                                 field_id=roads, now=t)
    o2 = opinions.record_opinion(db, mid, "Gia đình tôi chưa được cấp giấy chứng nhận quyền sử dụng đất.",
                                 speaker_id=an.id, field_id=land, now=t)
    opinions.record_answer(db, o1.id, outcome="answered", answered_by="Phạm Thị Thu Hiền",
                           answer="Xã đã đưa tuyến đường vào kế hoạch duy tu năm 2026.", now=t)
    opinions.record_answer(db, o2.id, outcome="assigned", agency="Công chức Địa chính - Xây dựng",
                           co_agency="Văn phòng đăng ký đất đai", deadline="2026-07-05", now=t)
    opinions.record_followup(db, o2.id, "Đề nghị ghi rõ thời hạn trả kết quả.", now=t)
    speakers.finish_speaker(db, an.id, now=(t := t + timedelta(minutes=6)))
    speakers.call_speaker(db, absent.id, now=t)
    speakers.mark_absent(db, absent.id, now=t)
    speakers.call_speaker(db, binh.id, now=t)
    o4 = opinions.record_opinion(db, mid, "Đường liên thôn Phương Độ mùa mưa ngập úng.", speaker_id=binh.id,
                                 field_id=roads, now=t)
    o5 = opinions.record_opinion(db, mid, "Đề nghị nâng mức hỗ trợ người cao tuổi neo đơn.", speaker_id=binh.id,
                                 field_id=social, now=t)
    opinions.record_answer(db, o4.id, outcome="assigned", agency="Công chức Địa chính - Xây dựng",
                           deadline="2026-06-30", now=t)
    opinions.record_answer(db, o5.id, outcome="forwarded", agency="UBND tỉnh Hải Dương", now=t)
    speakers.finish_speaker(db, binh.id, now=(t := t + timedelta(minutes=5)))
    speakers.call_speaker(db, dung.id, now=t)
    o6 = opinions.record_opinion(db, mid, "Cống thoát nước ở Thượng Khuông bị lấp.", speaker_id=dung.id,
                                 field_id=roads, now=t)
    opinions.record_answer(db, o6.id, outcome="noted", now=t)
    speakers.finish_speaker(db, dung.id, now=(t := t + timedelta(minutes=4)))
    opinions.record_opinion(db, mid, "Đèn chiếu sáng ngã ba chợ hỏng.", author="Bà Vũ Thị Lan",
                            author_address="thôn Ngọc Mai", field_id=roads, now=t)
    meetings.end_meeting(db, mid, now=t + timedelta(minutes=20), backup=False)
    return db, mid


def held_large(path: Path, n_opinions: int = 300) -> tuple[object, int]:
    """bench/large_meeting.py's meeting with 60 speakers and `n_opinions` opinions, ended."""
    mid = build_large_meeting(path, n_speakers=60, n_opinions=n_opinions)
    db = open_db(path)
    meetings.end_meeting(db, mid, now=START + timedelta(hours=4), backup=False)
    return db, mid
