"""MeetingRecord builders for the printing tests (no database needed).

`ended_record()` is the Kè Sắt demo meeting after it ended: two co-chairs, every
source (spoken, slip, before), every outcome, a follow-up and its follow-up.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from db.models import (
    DEFAULT_FIELDS,
    AttendanceGroup,
    Chair,
    Field,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    Opinion,
    Outcome,
    Source,
    Speaker,
    SpeakerStatus,
    Step,
)

DATE = "2026-06-18"
FIELDS = [Field(i + 1, i + 1, name) for i, name in enumerate(DEFAULT_FIELDS)]
FIELD_BY_NAME = {f.name: f for f in FIELDS}


def meeting(status: MeetingStatus = MeetingStatus.ENDED, **changes) -> Meeting:
    started = status is not MeetingStatus.PLANNED
    base = Meeting(
        id=1,
        title=("Hội nghị tiếp xúc, đối thoại trực tiếp của Chủ tịch UBND xã với Nhân dân các thôn "
               "Quán Gỏi, Phương Độ, Ngọc Mai, Thượng Khuông năm 2026"),
        organisation="Ủy ban nhân dân xã Kè Sắt",
        parent=None,
        place_name="Kè Sắt",
        venue="Hội trường tầng 3, Nhà C, Trụ sở Đảng ủy - HĐND - UBND - UBMTTQ xã Kè Sắt",
        date=DATE,
        start="07:30",
        end="11:30",
        speaking_limit_minutes=5,
        secretary_name="Nguyễn Thị Hồng Nhung",
        secretary_title="Công chức Văn phòng - Thống kê",
        status=status,
        started_at=f"{DATE}T07:32:10" if started else None,
        ended_at=f"{DATE}T11:05:40" if status is MeetingStatus.ENDED else None,
        conclusion=("Đề nghị các cơ quan được giao nhiệm vụ khẩn trương giải quyết.\n\n"
                    "Văn phòng tổng hợp, tham mưu thông báo kết luận trước ngày 27/6/2026."
                    if status is MeetingStatus.ENDED else None),
        created_at=f"{DATE}T06:00:00",
    )
    return dataclasses.replace(base, **changes)


CHAIRS = [
    Chair(1, 1, "Phạm Thị Thu Hiền", "Q. Chủ tịch UBND xã"),
    Chair(2, 2, "Đỗ Quang Vinh", "Bí thư Đảng ủy xã"),
]

STEP_TEXTS = [
    ("Tuyên bố lý do, giới thiệu đại biểu; quán triệt nội quy tiếp xúc, đối thoại",
     "Văn phòng HĐND và UBND xã", 10, False),
    ("Thông báo khái quát kết quả phát triển kinh tế - xã hội của xã từ đầu năm",
     "Chủ tịch UBND xã", 20, False),
    ("Trả lời các ý kiến, kiến nghị đã tổng hợp qua phiếu lấy ý kiến trước hội nghị",
     "Chủ tịch UBND xã", 20, False),
    ("Nhân dân phát biểu ý kiến theo thứ tự đăng ký; chủ trì trả lời từng ý kiến",
     "Chủ trì", 150, True),
    ("Chủ trì hội nghị kết luận, bế mạc", "Chủ tịch UBND xã", 15, False),
]
STEP_TIMES = [("07:32", "07:45"), ("07:45", "08:05"), ("08:05", "08:30"), ("08:30", "10:50"),
              ("10:50", "11:05")]


def steps(status: MeetingStatus) -> list[Step]:
    out = []
    for i, (content, lead, minutes, dialogue) in enumerate(STEP_TEXTS):
        start, end = STEP_TIMES[i]
        started = ended = None
        if status is MeetingStatus.ENDED or (status is MeetingStatus.LIVE and i < 3):
            started, ended = f"{DATE}T{start}:00", f"{DATE}T{end}:00"
        elif status is MeetingStatus.LIVE and i == 3:
            started = f"{DATE}T{start}:00"
        out.append(Step(i + 1, i + 1, content, lead, minutes, dialogue, started, ended))
    return out


ATTENDANCE = [
    ("Lãnh đạo UBND xã", 4, 4),
    ("Đại diện Đảng ủy, Thường trực HĐND xã", 8, 7),
    ("Lãnh đạo UB MTTQ và các đoàn thể xã", 7, 7),
    ("Nhân dân các thôn Quán Gỏi, Phương Độ, Ngọc Mai, Thượng Khuông", 70, 78),
]


def attendance(status: MeetingStatus) -> list[AttendanceGroup]:
    return [AttendanceGroup(i + 1, i + 1, g, inv, pres if status is MeetingStatus.ENDED else None)
            for i, (g, inv, pres) in enumerate(ATTENDANCE)]


SPEAKERS = [
    Speaker(1, 1, "Ông", "Nguyễn Văn An", "thôn Quán Gỏi", None, 2, "Đất đai, tài nguyên, môi trường",
            SpeakerStatus.DONE, f"{DATE}T07:40:00", f"{DATE}T08:31:00", f"{DATE}T08:40:00", 1),
    Speaker(2, 2, "Bà", "Trần Thị Bình", "thôn Phương Độ", None, 6, "Chính sách xã hội, an sinh",
            SpeakerStatus.DONE, f"{DATE}T07:41:00", f"{DATE}T08:41:00", f"{DATE}T08:50:00", 2),
    Speaker(3, 3, "Ông", "Lê Văn Cường", "thôn Ngọc Mai", None, None, None,
            SpeakerStatus.ABSENT, f"{DATE}T07:42:00", None, None, None),
    Speaker(4, 4, "Ông", "Hoàng Đức Dũng", "thôn Thượng Khuông", None, 3, "Quy hoạch, xây dựng, giao thông",
            SpeakerStatus.DONE, f"{DATE}T07:43:00", f"{DATE}T08:51:00", f"{DATE}T09:05:00", 3),
]


def opinion(id: int, number: int, source: Source, content: str, *, speaker: Speaker | None = None,
            author: str | None = None, address: str | None = None, field: str | None = None,
            follows: Opinion | None = None, answered_by: str | None = None, answer: str | None = None,
            outcome: Outcome | None = None, agency: str | None = None,
            deadline: str | None = None) -> Opinion:
    f = FIELD_BY_NAME.get(field) if field else None
    return Opinion(
        id=id, number=number, source=source, speaker_id=speaker.id if speaker else None,
        speaker_display=speaker.display_name if speaker else None, author=author,
        author_address=address, field_id=f.id if f else None, field_name=field, content=content,
        follows_id=follows.id if follows else None, follows_number=follows.number if follows else None,
        answered_by=answered_by, answer=answer, outcome=outcome, agency=agency, deadline=deadline,
        created_at=f"{DATE}T08:{number:02d}:00",
        answered_at=f"{DATE}T09:{number:02d}:00" if outcome else None,
    )


def all_opinions() -> list[Opinion]:
    an, binh, _cuong, dung = SPEAKERS
    b1 = opinion(1, 1, Source.BEFORE,
                 "Đoạn đường trục thôn Quán Gỏi từ nhà văn hóa đến cầu Đồng Bông xuống cấp, nhiều ổ gà.",
                 author="Ông Nguyễn Văn Thắng", address="thôn Quán Gỏi", field="Quy hoạch, xây dựng, giao thông",
                 answered_by="Phạm Thị Thu Hiền, Q. Chủ tịch UBND xã",
                 answer="UBND xã đã đưa tuyến đường vào kế hoạch duy tu năm 2026, thi công trong quý III.",
                 outcome=Outcome.ANSWERED)
    b2 = opinion(2, 2, Source.BEFORE,
                 "Hồ sơ hưởng trợ cấp xã hội của mẹ tôi (85 tuổi) nộp từ tháng 3 chưa được giải quyết.",
                 author="Bà Lê Thị Huệ", address="thôn Phương Độ", field="Chính sách xã hội, an sinh",
                 answered_by="Công chức Văn hóa - Xã hội", answer="Hồ sơ đã được thẩm định.",
                 outcome=Outcome.ASSIGNED, agency="Công chức Văn hóa - Xã hội", deadline="2026-06-30")
    s1 = opinion(3, 3, Source.SPOKEN,
                 "Gia đình tôi chưa được cấp giấy chứng nhận quyền sử dụng đất dù đã nộp hồ sơ từ năm 2024.",
                 speaker=an, field="Đất đai, tài nguyên, môi trường",
                 answered_by="Công chức Địa chính - Xây dựng",
                 answer="Hồ sơ còn thiếu trích đo địa chính; xã sẽ hướng dẫn bổ sung.",
                 outcome=Outcome.ASSIGNED, agency="Công chức Địa chính - Xây dựng", deadline="2026-07-05")
    s2 = opinion(4, 4, Source.SPOKEN, "Đề nghị xã ghi rõ thời hạn trả kết quả cho gia đình tôi.",
                 speaker=an, follows=s1, answered_by="Phạm Thị Thu Hiền",
                 answer="Chậm nhất ngày 05/7/2026 xã trả lời bằng văn bản.", outcome=Outcome.ANSWERED)
    slip = opinion(5, 5, Source.SLIP, "Đèn chiếu sáng ở ngã ba chợ Kè hỏng đã hai tháng.",
                   author="Bà Vũ Thị Lan", address="thôn Ngọc Mai", field="Quy hoạch, xây dựng, giao thông",
                   outcome=Outcome.NOTED)
    s3 = opinion(6, 6, Source.SPOKEN, "Đề nghị nâng mức hỗ trợ người cao tuổi neo đơn.",
                 speaker=binh, field="Chính sách xã hội, an sinh", answered_by="Phạm Thị Thu Hiền",
                 answer="Mức hỗ trợ do tỉnh quy định; xã sẽ kiến nghị.", outcome=Outcome.FORWARDED,
                 agency="UBND tỉnh Hải Dương")
    s4 = opinion(7, 7, Source.SPOKEN, "Xe tải chở vật liệu chạy quá tốc độ qua khu dân cư Thượng Khuông.",
                 speaker=dung, field="An ninh trật tự, quốc phòng", answered_by="Trưởng Công an xã",
                 answer="Công an xã sẽ tăng cường tuần tra, xử lý vi phạm.", outcome=Outcome.ANSWERED)
    anon = opinion(8, 8, Source.SLIP, "Cán bộ một cửa cần hướng dẫn tận tình hơn.",
                   field="Tinh thần thái độ của cán bộ", outcome=Outcome.NOTED)
    s5 = opinion(9, 9, Source.SPOKEN, "Tôi vẫn chưa rõ, đề nghị xã cử cán bộ xuống tận nhà.",
                 speaker=an, follows=s2, outcome=Outcome.ASSIGNED,
                 agency="Công chức Địa chính - Xây dựng", deadline="2026-07-01")
    return [b1, b2, s1, s2, slip, s3, s4, anon, s5]


def make_record(status: MeetingStatus = MeetingStatus.ENDED, *, opinions: Iterable[Opinion] | None = None,
                chairs: list[Chair] | None = None, **meeting_changes) -> MeetingRecord:
    if opinions is None:
        if status is MeetingStatus.PLANNED:
            opinions = [op for op in all_opinions() if op.source is Source.BEFORE]
        elif status is MeetingStatus.LIVE:
            opinions = [dataclasses.replace(op, outcome=None, answer=None, answered_by=None, agency=None,
                                            deadline=None) if op.number == 7 else op
                        for op in all_opinions() if op.number <= 7]
        else:
            opinions = all_opinions()
    speakers = SPEAKERS if status is not MeetingStatus.PLANNED else []
    return MeetingRecord(
        meeting=meeting(status, **meeting_changes),
        chairs=list(CHAIRS if chairs is None else chairs),
        attendance=attendance(status),
        fields=FIELDS,
        steps=steps(status),
        speakers=list(speakers),
        opinions=list(opinions),
    )


def ended_record(**changes) -> MeetingRecord:
    return make_record(MeetingStatus.ENDED, **changes)


def bundled_font():
    """Liberation Serif 2 shipped in the package, registered: the tests never depend on system fonts."""
    from reports.fonts import bundled_family, resolve_font

    return resolve_font(families=[bundled_family()])
