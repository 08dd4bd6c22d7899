"""A demo meeting in progress for the chair's display, and helpers to read the display."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from db.connection import open_db
from db.meetings import create_meeting, get_fields, next_step, start_meeting
from db.models import Outcome
from db.opinions import record_answer, record_opinion
from intake.plan_file import load_plan
from db.speakers import call_next, finish_speaker, mark_absent, register_speaker

REPO = Path(__file__).resolve().parents[1]
DEMO_PLAN = REPO / "db" / "demo" / "ke-sat-2026.toml"

#: The moment the fixed clock shows in the chair's snapshots.
SNAPSHOT_NOW = datetime(2026, 6, 18, 8, 42, 10)

SPEAKERS = [
    ("Ông", "Nguyễn Văn Thắng", "thôn Quán Gỏi", "Quy hoạch, xây dựng, giao thông"),
    ("Bà", "Lê Thị Huệ", "thôn Phương Độ", "Chính sách xã hội, an sinh"),
    ("Ông", "Trần Đức Mạnh", "thôn Thượng Khuông", "Đất đai, tài nguyên, môi trường"),
    ("Bà", "Phạm Thị [bold]Lan[/bold]", "thôn Ngọc Mai", "Nông nghiệp, nông thôn mới"),
    ("Ông", "Đỗ Văn Hùng", "thôn Quán Gỏi", "An ninh trật tự, quốc phòng"),
    ("Bà", "Hoàng Thị Mai", "thôn Phương Độ", "Văn hóa, y tế, giáo dục"),
    ("Ông", "Vũ Minh Tuấn", "thôn Ngọc Mai", None),
    ("Bà", "Ngô Thị Thu", "thôn Thượng Khuông", "Kinh tế"),
    ("Ông", "Bùi Văn Long", "thôn Quán Gỏi", None),
    ("Bà", "Đinh Thị Hạnh", "thôn Ngọc Mai", "Khác"),
]


def build_demo_meeting(path: Path, now: datetime = SNAPSHOT_NOW) -> int:
    """A live demo meeting at step 4, as it stands at `now`: ten registered, two heard,
    one absent, the fourth speaking for 4 min 12 s (near the 5-minute limit), opinions
    with every outcome and four waiting for an answer. Returns the meeting id."""
    t0 = now.replace(hour=7, minute=30, second=0)

    def at(minutes: float) -> datetime:
        return t0 + timedelta(minutes=minutes)

    db = open_db(path)
    meeting_id = create_meeting(db, load_plan(DEMO_PLAN), now=at(-60))
    fields = {f.name: f.id for f in get_fields(db, meeting_id)}
    start_meeting(db, meeting_id, now=at(0))
    for minutes in (10, 30, 50):
        next_step(db, meeting_id, now=at(minutes))
    ids = []
    for i, (honorific, name, hamlet, field) in enumerate(SPEAKERS):
        s = register_speaker(db, meeting_id, honorific=honorific, name=name, hamlet=hamlet,
                             field_id=fields.get(field), now=at(5 + i))
        ids.append(s.id)
    # 1 speaks: two opinions, one answered, one assigned
    call_next(db, meeting_id, now=at(52))
    o1 = record_opinion(db, meeting_id, "Đoạn đường trục thôn Quán Gỏi từ nhà văn hóa đến cầu Đồng Bông "
                        "xuống cấp, nhiều ổ gà, mùa mưa đi lại rất khó khăn; đề nghị xã sớm sửa chữa.",
                        speaker_id=ids[0], field_id=fields["Quy hoạch, xây dựng, giao thông"], now=at(54))
    o2 = record_opinion(db, meeting_id, "Đèn chiếu sáng [red]đường[/red] liên thôn hỏng đã ba tháng chưa thay.",
                        speaker_id=ids[0], field_id=fields["Quy hoạch, xây dựng, giao thông"], now=at(55))
    finish_speaker(db, ids[0], now=at(56))
    record_answer(db, o1.id, outcome=Outcome.ANSWERED, answered_by="Phạm Thị Thu Hiền",
                  answer="Xã đã đưa tuyến đường vào kế hoạch duy tu năm 2026.", now=at(57))
    record_answer(db, o2.id, outcome=Outcome.ASSIGNED, agency="Công chức Địa chính - Xây dựng",
                  deadline="2026-06-30", now=at(58))
    # 2 speaks: one opinion waiting
    call_next(db, meeting_id, now=at(59))
    record_opinion(db, meeting_id, "Hồ sơ hưởng trợ cấp xã hội của mẹ tôi (85 tuổi) nộp từ tháng 3 đến nay "
                   "chưa được giải quyết, đề nghị xã kiểm tra.", speaker_id=ids[1],
                   field_id=fields["Chính sách xã hội, an sinh"], now=at(61))
    finish_speaker(db, ids[1], now=at(63))
    # 3 is absent
    call_next(db, meeting_id, now=at(64))
    mark_absent(db, ids[2], now=at(64.5))
    # a written slip and another opinion waiting
    record_opinion(db, meeting_id, "Đề nghị tăng cường tuần tra ban đêm ở khu vực chợ Kè Sắt.",
                   author="Ông Lý Văn Bình", field_id=fields["An ninh trật tự, quốc phòng"], now=at(65))
    record_opinion(db, meeting_id, "Phiếu không ghi tên: hỏi về tiến độ cấp giấy chứng nhận quyền sử dụng đất.",
                   now=at(66))
    # 4 speaks now, called 4 min 12 s ago
    call_next(db, meeting_id, now=now - timedelta(minutes=4, seconds=12))
    db.close()
    return meeting_id


def screen_text(app) -> str:
    """The plain text on the app's screen right now, as a terminal would show it."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system=None, record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False)
