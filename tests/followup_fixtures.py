"""A meeting with assignments, for the follow-up tests: ended (and sealed if asked)."""

from __future__ import annotations

from datetime import datetime

from db import meetings, opinions, speakers
from db.seal import seal_meeting

#: (content, outcome, agency, deadline) of the opinions the fixture records, in order.
OPINIONS = [
    ("Đề nghị sửa đường liên thôn Quán Gỏi bị sụt lún", "assigned", "Công chức Địa chính - Xây dựng", "2026-06-30"),
    ("Cấp giấy chứng nhận quyền sử dụng đất còn chậm", "assigned", "Công an xã", "2026-07-10"),
    ("Đề nghị lắp đèn chiếu sáng thôn Ngọc Mai", "answered", None, None),
    ("Kiến nghị nâng cấp trạm bơm của huyện", "forwarded", None, None),
    ("Tình trạng đổ rác thải ra kênh", "noted", None, None),
    ("Giải quyết chế độ người có công còn chậm", "assigned", "Công chức Lao động - Thương binh và Xã hội",
     "2026-06-23"),
]


def run_meeting(db, mid: int, clock, *, seal: bool = False, opinions_spec=OPINIONS) -> list[int]:
    """Start, record the opinions with their outcomes, end (and seal); their ids."""
    meetings.start_meeting(db, mid, now=clock())
    s = speakers.register_speaker(db, mid, honorific="Ông", name="Nguyễn Văn An", hamlet="thôn Quán Gỏi",
                                  now=clock())
    speakers.call_next(db, mid, now=clock.advance(minutes=1))
    fields = {f.name: f.id for f in meetings.get_fields(db, mid)}
    ids = []
    for content, outcome, agency, deadline in opinions_spec:
        o = opinions.record_opinion(db, mid, content, speaker_id=s.id, field_id=fields["Quy hoạch, xây dựng, giao thông"],
                                    now=clock.advance(minutes=1))
        opinions.record_answer(db, o.id, outcome=outcome, answer="Trả lời tại chỗ." if outcome == "answered" else None,
                               answered_by="Chủ tịch UBND xã", agency=agency, deadline=deadline, now=clock())
        ids.append(o.id)
    meetings.end_meeting(db, mid, now=clock.advance(minutes=5), backup=False)
    if seal:
        seal_meeting(db, mid, now=clock())
    return ids


def at(day: str) -> datetime:
    return datetime.fromisoformat(day + "T09:00:00")
