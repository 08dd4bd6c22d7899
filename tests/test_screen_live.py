"""A whole meeting driven through the real app, key by key; then the database is read
back: it must hold exactly what was done, in that order, with the moments of the
(fake) clock."""

from __future__ import annotations

from db.connection import open_db
from db.journal import history
from db.meetings import get_meeting, get_steps
from db.models import MeetingStatus, Outcome, Source, SpeakerStatus
from db.opinions import list_opinions
from db.speakers import list_speakers
from tui.app import build_app

from .live_helpers import keys, make_meeting, screen_name, type_text

CHAIR = "Phạm Thị Thu Hiền, Q. Chủ tịch UBND xã"


async def register(pilot, name: str, hamlet: str, *, woman: bool = False) -> None:
    await keys(pilot, "f2")
    assert screen_name(pilot.app) == "RegisterModal"
    if woman:
        await keys(pilot, "shift+tab", "right", "enter", "tab")
    await type_text(pilot, name)
    await keys(pilot, "tab")
    await type_text(pilot, hamlet)
    await keys(pilot, "enter")
    assert screen_name(pilot.app) == "LiveScreen"


async def speak(pilot, text: str) -> None:
    await type_text(pilot, text)
    await keys(pilot, "f6")


async def answer(pilot, text: str, outcome_key: str, agency: str = "", deadline: str = "") -> None:
    await keys(pilot, "f7")
    assert screen_name(pilot.app) == "AnswerModal"
    await type_text(pilot, text)
    await keys(pilot, outcome_key)
    if agency or deadline:
        # Choosing "assigned" or "forwarded" moves the focus to the agency.
        assert pilot.app.focused.id == "agency"
        await type_text(pilot, agency)
        await keys(pilot, "tab")  # the deadline field
        await type_text(pilot, deadline)
    await keys(pilot, "ctrl+s")
    assert screen_name(pilot.app) == "LiveScreen"


async def test_a_whole_meeting(tmp_path, clock):
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert screen_name(app) == "LiveScreen"
        screen = app.screen
        assert screen.meeting.status is MeetingStatus.PLANNED

        # Start at 07:32, then the programme: 1 -> 2 -> 3, back to 2 by mistake, 3, 4.
        clock.advance(minutes=2)
        await keys(pilot, "ctrl+n")
        assert screen_name(app) == "ConfirmModal"
        await keys(pilot, "enter")
        assert screen.meeting.status is MeetingStatus.LIVE
        for minutes in (10, 20, 1):
            clock.advance(minutes=minutes)
            await keys(pilot, "ctrl+n")
        clock.advance(minutes=1)
        await keys(pilot, "ctrl+b")  # oops: back to step 3
        clock.advance(minutes=18)
        await keys(pilot, "ctrl+n")  # 08:22: step 4, the dialogue
        steps = get_steps(app.db, meeting_id)
        assert [s.position for s in steps if s.is_current] == [4]

        # Five citizens register.
        await register(pilot, "Nguyễn Văn An", "thôn Quán Gỏi")
        await register(pilot, "Trần Thị Bình", "thôn Phương Độ", woman=True)
        await register(pilot, "Lê Văn Cường", "thôn Ngọc Mai")
        await register(pilot, "Phạm Thị Dung", "thôn Thượng Khuông", woman=True)
        await register(pilot, "Hoàng Văn Em", "thôn Quán Gỏi")

        # 1 speaks, is answered at the meeting, and follows up.
        clock.advance(minutes=1)
        await keys(pilot, "f3")  # 08:23
        clock.advance(minutes=3)
        await speak(pilot, "Đường trục thôn xuống cấp, đề nghị sửa chữa.")
        clock.advance(minutes=2)
        await answer(pilot, "Xã đưa vào kế hoạch duy tu quý III.", "f3")
        clock.advance(minutes=1)
        await keys(pilot, "f9")  # follow-up of the highlighted opinion (the one just answered)
        await speak(pilot, "Đề nghị làm cả rãnh thoát nước.")

        # Calling the next one while 1 still speaks asks first: finish.
        clock.advance(minutes=1)
        await keys(pilot, "f3")
        assert screen_name(app) == "ConfirmCallModal"
        await keys(pilot, "f5")  # 08:30: 1 done, 2 called
        assert screen.speaker.reg_no == 2
        clock.advance(seconds=30)
        await keys(pilot, "f4")  # 2 is not in the hall
        assert screen.speaker is None

        # 3 speaks: assigned to an agency with a deadline.
        await keys(pilot, "f3")
        clock.advance(minutes=4)
        await speak(pilot, "Hồ sơ trợ cấp của mẹ tôi chưa được giải quyết.")
        await answer(pilot, "Giao công chức xem xét.", "f4", agency="Công chức Văn hóa - Xã hội",
                     deadline="30/6/2026")

        # 4 speaks (3 finished by the prompt): forwarded to the competent level.
        clock.advance(minutes=1)
        await keys(pilot, "f3")
        await keys(pilot, "f5")
        assert screen.speaker.reg_no == 4
        clock.advance(minutes=3)
        await speak(pilot, "Đề nghị nâng cấp quốc lộ qua xã.")
        await answer(pilot, "Xã sẽ kiến nghị lên huyện.", "f5", agency="UBND huyện")
        await keys(pilot, "f5")  # 4 finished

        # 2 is back: re-called out of turn from the queue (before 5), noted.
        clock.advance(minutes=1)
        await keys(pilot, "escape")  # leave the editor... (escape in the editor does nothing harmful)
        await keys(pilot, "tab")  # the queue
        assert screen.focused.id == "queue"
        await keys(pilot, "enter")  # first row of the queue: 2 (absent)
        assert screen.speaker.reg_no == 2
        assert screen.focused.id == "opinion-text"
        clock.advance(minutes=2)
        await speak(pilot, "Cảm ơn xã đã quan tâm.")
        await answer(pilot, "", "f6")  # noted: no answer text needed
        await keys(pilot, "f5")

        # 5 speaks; not answered yet.
        clock.advance(minutes=1)
        await keys(pilot, "f3")
        assert screen.speaker.reg_no == 5
        clock.advance(minutes=2)
        await speak(pilot, "Đề nghị lắp đèn đường.")
        await keys(pilot, "f5")

        # A written slip handed in.
        clock.advance(minutes=1)
        await keys(pilot, "f8")
        assert screen_name(app) == "SlipModal"
        await type_text(pilot, "Bà Lý Thị Gấm")
        await keys(pilot, "tab")
        await type_text(pilot, "thôn Ngọc Mai")
        await keys(pilot, "tab", "tab")  # past the field, into the text
        await type_text(pilot, "Đề nghị nạo vét kênh.")
        await keys(pilot, "ctrl+s")
        assert screen_name(app) == "LiveScreen"

        # The chair answers the batch: filter the unanswered, answer the first.
        await keys(pilot, "alt+f")
        assert screen_name(app) == "PickerModal"
        await keys(pilot, "2")  # unanswered, every field
        table = screen.query_one("#opinions")
        assert [table.get_row_at(i)[0].plain for i in range(table.row_count)] == ["5", "9", "10"]
        await keys(pilot, "down")  # 9
        clock.advance(minutes=1)
        await answer(pilot, "Đèn đường sẽ lắp trong năm.", "f3")
        assert [table.get_row_at(i)[0].plain for i in range(table.row_count)] == ["5", "10"]

        # Step 5, then end the meeting.
        clock.advance(minutes=5)
        await keys(pilot, "ctrl+n")
        clock.advance(minutes=10)
        await keys(pilot, "ctrl+t")
        assert screen_name(app) == "ChoiceModal"  # says two opinions are unanswered
        assert "Còn 2 ý kiến chưa có trả lời" in str(app.screen.query_one(".dialog-message").render())
        await keys(pilot, "1")  # end anyway
        assert screen_name(app) == "EndScreen"  # conclusion, attendance, printing
        await keys(pilot, "escape")
        assert screen_name(app) == "MeetingListScreen"

    db = open_db(path)
    meeting = get_meeting(db, meeting_id)
    assert meeting.status is MeetingStatus.ENDED
    assert meeting.started_at == "2026-06-18T07:32:00"
    assert meeting.ended_at == "2026-06-18T09:01:30"
    steps = get_steps(db, meeting_id)
    assert [(s.started_at, s.ended_at) for s in steps] == [
        ("2026-06-18T07:32:00", "2026-06-18T07:42:00"),
        ("2026-06-18T07:42:00", "2026-06-18T08:02:00"),
        ("2026-06-18T08:02:00", "2026-06-18T08:22:00"),  # reopened by Ctrl+B, start kept
        # first opened by mistake at 08:03, gone back over, opened again at 08:22:
        # its span is from its first start to its last end
        ("2026-06-18T08:03:00", "2026-06-18T08:51:30"),
        ("2026-06-18T08:51:30", "2026-06-18T09:01:30"),
        (None, None),
    ]

    speakers = list_speakers(db, meeting_id)
    assert [(s.reg_no, s.honorific, s.name, s.hamlet) for s in speakers] == [
        (1, "Ông", "Nguyễn Văn An", "thôn Quán Gỏi"),
        (2, "Bà", "Trần Thị Bình", "thôn Phương Độ"),
        (3, "Ông", "Lê Văn Cường", "thôn Ngọc Mai"),
        (4, "Bà", "Phạm Thị Dung", "thôn Thượng Khuông"),
        (5, "Ông", "Hoàng Văn Em", "thôn Quán Gỏi"),
    ]
    assert all(s.status is SpeakerStatus.DONE for s in speakers)
    # Registration order 1..5; the floor was taken 1, 3, 4, 2 (re-called), 5.
    assert [s.spoke_order for s in speakers] == [1, 4, 2, 3, 5]
    assert [(s.called_at[11:], s.finished_at[11:]) for s in speakers] == [
        ("08:23:00", "08:30:00"),
        ("08:39:30", "08:41:30"),  # called at 08:30:00, absent, re-called
        ("08:30:30", "08:35:30"),
        ("08:35:30", "08:38:30"),
        ("08:42:30", "08:44:30"),
    ]
    ops = [op for op in history(db, meeting_id, entity="speaker") if op.op != "speaker.register"]
    assert [(op.op, op.data["reg_no"]) for op in ops] == [
        ("speaker.call", 1), ("speaker.finish", 1), ("speaker.call", 2), ("speaker.absent", 2),
        ("speaker.call", 3), ("speaker.finish", 3), ("speaker.call", 4), ("speaker.finish", 4),
        ("speaker.recall", 2), ("speaker.finish", 2), ("speaker.call", 5), ("speaker.finish", 5),
    ]

    opinions = [o for o in list_opinions(db, meeting_id) if o.source is not Source.BEFORE]
    by_reg = {s.id: s.reg_no for s in speakers}
    assert [(o.number, by_reg.get(o.speaker_id), o.source, o.content, o.follows_number)
            for o in opinions] == [
        (4, 1, Source.SPOKEN, "Đường trục thôn xuống cấp, đề nghị sửa chữa.", None),
        (5, 1, Source.SPOKEN, "Đề nghị làm cả rãnh thoát nước.", 4),
        (6, 3, Source.SPOKEN, "Hồ sơ trợ cấp của mẹ tôi chưa được giải quyết.", None),
        (7, 4, Source.SPOKEN, "Đề nghị nâng cấp quốc lộ qua xã.", None),
        (8, 2, Source.SPOKEN, "Cảm ơn xã đã quan tâm.", None),
        (9, 5, Source.SPOKEN, "Đề nghị lắp đèn đường.", None),
        (10, None, Source.SLIP, "Đề nghị nạo vét kênh.", None),
    ]
    assert [(o.outcome, o.answered_by, o.answer, o.agency, o.deadline) for o in opinions] == [
        (Outcome.ANSWERED, CHAIR, "Xã đưa vào kế hoạch duy tu quý III.", None, None),
        (None, None, None, None, None),
        (Outcome.ASSIGNED, CHAIR, "Giao công chức xem xét.", "Công chức Văn hóa - Xã hội", "2026-06-30"),
        (Outcome.FORWARDED, CHAIR, "Xã sẽ kiến nghị lên huyện.", "UBND huyện", None),
        (Outcome.NOTED, CHAIR, None, None, None),
        (Outcome.ANSWERED, CHAIR, "Đèn đường sẽ lắp trong năm.", None, None),
        (None, None, None, None, None),
    ]
    assert [(o.created_at[11:], (o.answered_at or "")[11:]) for o in opinions] == [
        ("08:26:00", "08:28:00"),
        ("08:29:00", ""),
        ("08:34:30", "08:34:30"),
        ("08:38:30", "08:38:30"),
        ("08:41:30", "08:41:30"),
        ("08:44:30", "08:46:30"),
        ("08:45:30", ""),
    ]
    slip = opinions[-1]
    assert (slip.author, slip.author_address) == ("Bà Lý Thị Gấm", "thôn Ngọc Mai")
    # Nothing left over in the drafts: every text typed was recorded.
    assert db.execute("SELECT key, text FROM drafts WHERE text != ''").fetchall() == []
    db.close()
