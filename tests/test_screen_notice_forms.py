"""The forms of issue 11 through the real app: merging opinions from the end screen (F6),
the minutes' approved checkbox, the step note form, the co-agency on the answer form."""

from __future__ import annotations

from datetime import date

from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea

from db import meetings
from db.conclusions import list_groups
from db.connection import open_db
from db.meetings import create_meeting
from db.meetings import get_fields
from db.opinions import list_opinions, record_answer
from db.substance import minutes_approved
from screens.answer_form import AnswerModal
from screens.draft_form import Drafts
from screens.end import EndScreen
from screens.merge_opinions import MergeOpinionsModal
from screens.step_note import StepNote, StepNoteModal, open_step_note
from intake.plan_file import load_plan
from tui.app import build_app

from .conftest import DEMO_PLAN
from .notice_fixtures import held_demo


async def _end_screen(app, pilot):
    await pilot.pause()
    app.push_screen(EndScreen(1))
    await pilot.pause()
    return app.screen


async def test_f6_merges_chosen_opinions_under_one_conclusion(tmp_path, clock):
    db, mid = held_demo(tmp_path / "m.db")
    app = build_app(tmp_path / "m.db", db=db, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        end = await _end_screen(app, pilot)
        await pilot.press("f6")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, MergeOpinionsModal)
        # the plan's first field with two opinions or more: land (3, 5 and its follow-up 6)
        items = modal.query_one("#opinions", SelectionList)
        numbers = {o.id: o.number for o in list_opinions(db, mid)}
        offered = lambda: [numbers[items.get_option_at_index(i).value] for i in range(items.option_count)]  # noqa
        assert offered() == [3, 5, 6]
        roads = next(f.id for f in get_fields(db, mid) if f.name.startswith("Quy hoạch"))
        modal.query_one("#field", Select).value = roads
        await pilot.pause()
        assert offered() == [1, 4, 7, 9, 10]
        await pilot.press("ctrl+s")  # nothing chosen: refused, the form stays
        await pilot.pause()
        assert app.screen is modal and list_groups(db, mid) == []
        for index in (1, 2):
            items.select(items.get_option_at_index(index).value)
        modal.query_one("#merge-text", TextArea).text = "Rà soát, sửa chữa đường liên thôn."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is end
        [group] = list_groups(db, mid)
        assert [numbers[i] for i in group.opinion_ids] == [4, 7] and group.text == "Rà soát, sửa chữa đường liên thôn."
        # F2 in the form un-merges the ticked opinions' group
        await pilot.press("f6")
        await pilot.pause()
        app.screen.query_one("#field", Select).value = roads
        await pilot.pause()
        items = app.screen.query_one("#opinions", SelectionList)
        assert "đã gộp" in str(items.get_option_at_index(1).prompt)
        items.select(items.get_option_at_index(1).value)
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen is end and list_groups(db, mid) == []


async def test_unticking_approved_is_stored(tmp_path, clock):
    db, mid = held_demo(tmp_path / "m.db")
    app = build_app(tmp_path / "m.db", db=db, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        end = await _end_screen(app, pilot)
        box = end.query_one("#minutes-approved", Checkbox)
        assert box.value is True
        box.value = False
        await pilot.pause()
        assert minutes_approved(db, mid) is False
        box.value = True
        await pilot.pause()
        assert minutes_approved(db, mid) is True


async def test_step_note_form_returns_the_note(tmp_path, clock):
    db, mid = held_demo(tmp_path / "m.db")
    app = build_app(tmp_path / "m.db", db=db, clock=clock)
    step = [s for s in db.query("SELECT id FROM steps WHERE meeting_id = ? ORDER BY position", [mid])][2]
    got = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(StepNoteModal(step["id"], ["Phạm Thị Thu Hiền, Q. Chủ tịch UBND xã"]), got.append)
        await pilot.pause()
        await pilot.press(*"Đ/c Trần Văn Bình")
        app.screen.query_one("#gist", TextArea).text = "Báo cáo tình hình 6 tháng."
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.push_screen(StepNoteModal(step["id"]), got.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert got == [StepNote(step["id"], "Đ/c Trần Văn Bình", "Báo cáo tình hình 6 tháng."), None]


async def test_answer_form_keeps_the_co_agency(tmp_path, clock):
    """The form returns the co-agency with the rest; the store keeps it (record_answer)."""
    db, mid = held_demo(tmp_path / "m.db")
    op = next(o for o in list_opinions(db, mid) if o.number == 7)
    app = build_app(tmp_path / "m.db", db=db, clock=clock)
    got = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(AnswerModal(op, [], ["Công an xã"], date(2026, 6, 18), Drafts(app.store, mid)), got.append)
        await pilot.pause()
        assert app.screen.query_one("#agency", Input).value == "Công chức Địa chính - Xây dựng"
        app.screen.query_one("#co-agency", Input).value = "Công an xã"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (form,) = got
    assert (form.agency, form.co_agency, form.deadline) == ("Công chức Địa chính - Xây dựng", "Công an xã",
                                                             "2026-06-30")
    record_answer(db, op.id, outcome=form.outcome, answered_by=form.answered_by, answer=form.answer,
                  agency=form.agency, co_agency=form.co_agency, deadline=form.deadline, now=clock())
    again = next(o for o in list_opinions(db, mid) if o.number == 7)
    assert (again.agency, again.co_agency, again.deadline) == ("Công chức Địa chính - Xây dựng", "Công an xã",
                                                                "2026-06-30")


async def test_open_step_note_from_the_live_screen_stores_the_note(tmp_path, clock):
    db = open_db(tmp_path / "live.db")
    mid = create_meeting(db, load_plan(DEMO_PLAN), now=clock())
    meetings.start_meeting(db, mid, now=clock())
    meetings.next_step(db, mid, now=clock())
    app = build_app(tmp_path / "live.db", db=db, clock=clock, meeting_id=mid)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        live = app.screen
        assert open_step_note(live, mid)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, StepNoteModal)
        form.query_one("#presenter", Input).value = "Đ/c Đỗ Quang Vinh, Bí thư Đảng ủy xã"
        form.query_one("#gist", TextArea).text = "Khai mạc, quán triệt nguyên tắc đối thoại."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is live
    step = meetings.get_steps(db, mid)[1]
    assert (step.presenter, step.gist) == ("Đ/c Đỗ Quang Vinh, Bí thư Đảng ủy xã",
                                           "Khai mạc, quán triệt nguyên tắc đối thoại.")
