"""The meeting form, driven through the real app: create, validate, edit, copy, save
the plan as a file, start from a plan document."""

from __future__ import annotations

from textual import events

from db.connection import open_db
from db.followup import with_carry_over_step
from db.meetings import get_meeting, get_steps, list_meetings, plan_of, start_meeting
from db.models import MeetingStatus
from db.opinions import list_opinions
from intake.plan_file import parse_plan
from screens.meeting_form import MeetingFormScreen
from screens.widgets.form_field import FormField
from screens.widgets.row_list import RowList
from tui.app import build_app

from .conftest import seed_file
from .live_helpers import screen_name

STEPS = [
    "Ổn định tổ chức, thông qua chương trình; giới thiệu đại biểu",
    "Khai mạc; quán triệt nguyên tắc đối thoại",
    "Báo cáo tình hình kinh tế - xã hội",
    "Nhân dân phát biểu, đối thoại",
    "Chủ trì tiếp thu, giải trình",
    "Kết luận, bế mạc",
]


async def type_into(pilot, widget, text: str) -> None:
    """Focus an input as a click would, clear it, and type `text` key by key."""
    widget.focus()
    await pilot.pause()
    await pilot.press("end", "ctrl+u", *text)
    await pilot.pause()


async def paste_into(pilot, widget, text: str) -> None:
    """Focus an input, clear it, and paste `text` (as from the plan in Word): long
    values go faster than key by key, through the same Input."""
    widget.focus()
    await pilot.pause()
    await pilot.press("end", "ctrl+u")
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def paste_path(pilot, path) -> None:
    """Replace the path the prompt offers and press Enter."""
    await pilot.press("ctrl+u")
    pilot.app.post_message(events.Paste(str(path)))
    await pilot.pause()
    await pilot.press("enter")


def field_input(app, ident: str):
    return app.screen.query_one(f"#{ident}", FormField).input


def rows(app, name: str) -> RowList:
    return app.screen.query_one(f"#{name}", RowList)


async def test_create_a_meeting_entirely_through_the_form_then_open_it_live(tmp_path, clock):
    path = tmp_path / "x.db"
    app = build_app(path, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert screen_name(app) == "MeetingFormScreen"
        for ident, value in [("meeting-title", "Hội nghị đối thoại với Nhân dân xã Hưng Chính năm 2026"),
                             ("meeting-organisation", "Ủy ban nhân dân xã Hưng Chính"),
                             ("meeting-venue", "Hội trường UBND xã")]:
            await paste_into(pilot, field_input(app, ident), value)
        for ident, value in [("meeting-place_name", "Hưng Chính"), ("meeting-date", "05/01/2026"),
                             ("meeting-start", "7:30"), ("meeting-end", "11:00"),
                             ("meeting-speaking_limit_minutes", "4"), ("secretary-name", "Trần Thị Mai")]:
            await type_into(pilot, field_input(app, ident), value)
        chairs = rows(app, "chairs")
        await type_into(pilot, chairs.items[0].cell("name"), "Nguyễn Văn Hùng")
        await type_into(pilot, chairs.items[0].cell("title"), "Bí thư")
        await pilot.press("ctrl+n")  # a second chair, after the first
        await pilot.pause()
        await pilot.press(*"Lê Thị Hoa", "tab", *"Chủ tịch UBND xã")
        attendance = rows(app, "attendance")
        await type_into(pilot, attendance.items[0].cell("group"), "Nhân dân")
        await type_into(pilot, attendance.items[0].cell("invited"), "120")

        # Six steps, typed with the fifth before the fourth, then put in order.
        programme = rows(app, "programme")
        await paste_into(pilot, programme.items[0].cell("content"), STEPS[0])
        for content in [STEPS[1], STEPS[2], STEPS[4], STEPS[3]]:
            await pilot.press("ctrl+n")
            app.post_message(events.Paste(content))
            await pilot.pause()
        await pilot.press("ctrl+up")  # the step typed last moves above the one before it
        await pilot.press("ctrl+t")  # ... and is the dialogue step
        await pilot.press("tab", *"Chủ trì", "tab", *"120")
        programme.items[-1].cell("content").focus()
        await pilot.press("ctrl+n", *"Kết luận, bế mạc")
        await pilot.pause()
        assert [r["content"] for r in programme.values()] == STEPS
        assert [r["dialogue"] for r in programme.values()] == [False, False, False, True, False, False]

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "MeetingListScreen"

        db = app.db
        [meeting] = list_meetings(db)
        assert (meeting.date, meeting.start, meeting.end, meeting.speaking_limit_minutes) == (
            "2026-01-05", "07:30", "11:00", 4)
        assert meeting.status is MeetingStatus.PLANNED and meeting.secretary_name == "Trần Thị Mai"
        plan = plan_of(db, meeting.id)
        assert [(c.name, c.title) for c in plan.chairs] == [
            ("Nguyễn Văn Hùng", "Bí thư"), ("Lê Thị Hoa", "Chủ tịch UBND xã")]
        assert [(g.group, g.invited) for g in plan.attendance] == [("Nhân dân", 120)]
        steps = get_steps(db, meeting.id)
        assert [s.content for s in steps] == STEPS
        assert [(s.position, s.lead, s.minutes) for s in steps if s.dialogue] == [(4, "Chủ trì", 120)]

        await pilot.press("enter")  # open it: the live screen
        await pilot.pause()
        assert screen_name(app) == "LiveScreen" and app.screen.meeting_id == meeting.id


async def test_problems_show_under_their_field_and_nothing_is_saved(tmp_path, clock):
    app = build_app(tmp_path / "x.db", clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        for ident, value in [("meeting-title", "Hội nghị"), ("meeting-organisation", "UBND xã"),
                             ("meeting-place_name", "Kè Sắt"), ("meeting-venue", "Hội trường"),
                             ("meeting-date", "31/02/2026"), ("meeting-start", "14:00"),
                             ("meeting-end", "08:00"), ("secretary-name", "Nhung")]:
            await paste_into(pilot, field_input(app, ident), value)
        await type_into(pilot, rows(app, "programme").items[0].cell("content"), "Đối thoại")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "MeetingFormScreen"
        assert list_meetings(app.db) == []  # nothing saved
        errors = {f.id: f.error for f in app.screen.query(FormField) if f.error}
        assert errors == {"meeting-date": "tháng 2/2026 không có ngày 31",
                          "meeting-end": "giờ kết thúc 08:00 không sau giờ bắt đầu 14:00"}
        assert rows(app, "chairs").section_error == "cần ít nhất một người chủ trì (họ tên và chức vụ)"
        assert rows(app, "programme").section_error.startswith("chưa có bước đối thoại")
        assert app.screen.focused is field_input(app, "meeting-date")  # the first problem

        # From now on the problems follow the typing.
        await type_into(pilot, field_input(app, "meeting-end"), "16:30")
        assert app.screen.query_one("#meeting-end", FormField).error == ""
        await type_into(pilot, field_input(app, "meeting-date"), "20/02/2026")
        await paste_into(pilot, rows(app, "chairs").items[0].cell("name"), "Phạm Thị Thu Hiền")
        await pilot.pause()
        assert rows(app, "chairs").items[0].errors == {"title": "không được để trống"}
        await pilot.press("tab", *"Chủ tịch")
        rows(app, "programme").items[0].cell("content").focus()
        await pilot.press("ctrl+t", "ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "MeetingListScreen"
        [meeting] = list_meetings(app.db)
        assert (meeting.date, meeting.end) == ("2026-02-20", "16:30")


async def test_edit_a_planned_meeting_keeps_its_opinions(db_path, clock):
    app = build_app(db_path, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert screen_name(app) == "MeetingFormScreen" and app.screen.mode == "edit"
        assert field_input(app, "meeting-date").value == "18/06/2026"
        await paste_into(pilot, field_input(app, "meeting-venue"), "Nhà văn hóa thôn Quán Gỏi")
        programme = rows(app, "programme")
        assert len(programme.items) == 6
        programme.items[4].cell("content").focus()
        await pilot.press("ctrl+r")  # remove step 5
        await pilot.pause()
        fields = rows(app, "fields")
        fields.items[-1].cell("name").focus()
        await pilot.press("ctrl+n", *"Giao thông", "ctrl+up")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "MeetingListScreen"
        plan = plan_of(app.db, 1)
        assert plan.venue == "Nhà văn hóa thôn Quán Gỏi"
        assert len(plan.programme) == 5 and plan.programme[3].dialogue
        assert plan.fields[-2:] == ["Giao thông", "Khác"]
        assert len(plan.before) == 3  # the opinions gathered beforehand are untouched


async def test_a_field_still_used_by_an_opinion_cannot_be_removed(db_path, clock):
    app = build_app(db_path, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        fields = rows(app, "fields")
        used = "Quy hoạch, xây dựng, giao thông"  # the field of a before-meeting opinion
        index = [r["name"] for r in fields.values()].index(used)
        fields.items[index].cell("name").focus()
        await pilot.press("ctrl+r", "ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "MeetingFormScreen"
        assert used in fields.section_error and "không xóa được" in fields.section_error
        assert used in plan_of(app.db, 1).fields  # nothing changed


async def test_a_meeting_that_has_started_cannot_be_edited_but_can_be_copied(db_path, clock):
    db = open_db(db_path)
    start_meeting(db, 1, now=clock())
    db.close()
    app = build_app(db_path, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.pop_screen()  # the app resumes the live meeting; go back to the list
        await pilot.pause()
        assert screen_name(app) == "MeetingListScreen"
        assert app.screen.check_action("edit_meeting", ()) is None  # shown, not available
        await pilot.press("e")
        await pilot.pause()
        assert screen_name(app) == "MeetingListScreen"
        await pilot.press("c")
        await pilot.pause()
        assert screen_name(app) == "MeetingFormScreen" and app.screen.mode == "copy"
        await type_into(pilot, field_input(app, "meeting-date"), "10/12/2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        copy = get_meeting(app.db, 2)
        assert copy.date == "2026-12-10" and copy.status is MeetingStatus.PLANNED
        original, copied = plan_of(app.db, 1, with_before=False), plan_of(app.db, 2)
        copied.date = original.date
        # the plan, and not its opinions; the copy opens with the last meeting's results (issue 12)
        assert copied == with_carry_over_step(original)
        assert list_opinions(app.db, 2) == []
        assert app.screen.query_one("#meetings").cursor_row == 0  # the new meeting, listed first


async def test_escape_warns_once_about_unsaved_changes(db_path, clock):
    app = build_app(db_path, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("escape")  # nothing changed: leaves at once
        await pilot.pause()
        assert screen_name(app) == "MeetingListScreen"
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("x", "escape")
        await pilot.pause()
        assert screen_name(app) == "MeetingFormScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "MeetingListScreen"
        assert get_meeting(app.db, 1).title.endswith("năm 2026")  # not saved


async def test_save_the_plan_as_a_file(db_path, tmp_path, clock):
    target = tmp_path / "ke-hoach"
    app = build_app(db_path, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert screen_name(app) == "PathPromptModal"
        await paste_path(pilot, target)
        await pilot.pause()
        assert screen_name(app) == "MeetingListScreen"
        written = target.with_suffix(".toml")
        assert parse_plan(written.read_text(encoding="utf-8")) == plan_of(app.db, 1)
        # Again: the existing file is replaced only after a second Enter.
        written.write_text("cũ", encoding="utf-8")
        await pilot.press("s")
        await pilot.pause()
        await paste_path(pilot, written)
        await pilot.pause()
        assert screen_name(app) == "PathPromptModal" and written.read_text(encoding="utf-8") == "cũ"
        await pilot.press("enter")
        await pilot.pause()
        assert parse_plan(written.read_text(encoding="utf-8")) == plan_of(app.db, 1)


async def test_a_plan_document_opens_the_form_with_what_was_found(db_path, clock):
    seed = seed_file("003")
    from intake.plan_documents import read_plan_document

    expected = read_plan_document(seed)
    app = build_app(db_path, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        await paste_path(pilot, seed)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingFormScreen) and screen.mode == "document"
        values = screen.values()
        assert values["meeting"]["venue"] == expected.plan.venue
        assert values["meeting"]["date"] == ""  # "tháng 6/2026" only: left empty, with the note
        date = screen.query_one("#meeting-date", FormField)
        assert date.note == expected.missing_note("date") and "tháng 6/2026" in date.note
        assert screen.query_one("#meeting-start", FormField).note == expected.missing_note("start")
        chairs_note = str(screen.query_one(".section-note").render())
        assert "Chủ trì 1 – họ tên" in chairs_note
        assert [s["content"] for s in values["programme"]] == [s.content for s in expected.plan.programme]
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert screen_name(app) == "MeetingListScreen"
        assert len(list_meetings(app.db)) == 1  # nothing saved without the secretary


async def test_officials_recipients_and_timeline_are_edited_in_the_form(db_path, clock):
    app = build_app(db_path, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("e")
        await pilot.pause()
        officials = rows(app, "officials")
        assert [r["title"] for r in officials.values()][2] == "Trưởng Công an xã"
        assert rows(app, "notice_recipients").values()[0] == {"text": "Ban Thường vụ Đảng ủy xã (b/c)"}
        officials.items[-1].cell("name").focus()
        await pilot.press("ctrl+n", *"Vũ Thị Hạnh", "tab", *"Công chức Tư pháp - Hộ tịch")
        timeline = rows(app, "timeline")
        await type_into(pilot, timeline.items[1].cell("due"), "31/06/2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "MeetingFormScreen"  # not saved: the date does not exist
        assert timeline.items[1].errors == {"due": "tháng 6/2026 không có ngày 31"}
        await type_into(pilot, timeline.items[1].cell("due"), "29/06/2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "MeetingListScreen"
        plan = plan_of(app.db, 1)
        assert (plan.officials[-1].name, plan.officials[-1].title) == ("Vũ Thị Hạnh", "Công chức Tư pháp - Hộ tịch")
        assert [t.due.isoformat() if t.due else None for t in plan.timeline] == [
            "2026-06-25", "2026-06-29", "2026-06-30", None]
        assert plan.notice_recipients[0] == "Ban Thường vụ Đảng ủy xã (b/c)"
