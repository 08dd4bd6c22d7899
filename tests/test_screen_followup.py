"""The follow-up screen through the real app (Pilot): reached from the meeting list,
most urgent first, filters, the form writes the answer on a sealed meeting."""

from __future__ import annotations

from datetime import date, datetime

import platformdirs
import pytest
from textual.widgets import DataTable, Input, RadioButton

from db.connection import open_db
from db.followup import State
from db.followup_list import get_item
from db.seal import verify
from screens.followup import FollowupScreen
from screens.followup_form import FollowupFormModal
from screens.meetings import MeetingListScreen
from tui.app import build_app

from .conftest import FakeClock
from .followup_fixtures import run_meeting

JULY_1 = FakeClock(datetime(2026, 7, 1, 9, 0, 0))


@pytest.fixture
def followed_db(db_path, clock):
    db = open_db(db_path)
    run_meeting(db, 1, clock, seal=True)
    db.close()
    return db_path


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """The user's Documents folder, redirected; documents from a screen go to its doithoai/."""
    folder = tmp_path / "Documents"
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(folder))
    return folder / "doithoai"


def written(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix in (".pdf", ".docx", ".xlsx")) if folder.is_dir() else []


def rows(screen) -> list[str]:
    table = screen.query_one("#follow-table", DataTable)
    return [table.get_row_at(i)[2] for i in range(table.row_count)]


async def test_overdue_count_on_the_list_and_the_screen_in_urgency_order(followed_db):
    app = build_app(followed_db, clock=JULY_1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingListScreen)
        table = app.screen.query_one("#meetings", DataTable)
        assert str(table.get_row_at(0)[3]) == "3"
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FollowupScreen)
        assert rows(screen) == ["1/9", "1/2", "1/4", "1/5", "1/7"]
        assert "5 việc: 3 quá hạn, 1 trong hạn, 1 chưa có hạn ·" in str(screen.query_one("#follow-summary").render())
        await pilot.press("o")
        await pilot.pause()
        assert rows(screen) == ["1/9", "1/2", "1/4"]
        await pilot.press("r", "c")
        await pilot.pause()
        # the picker: (tất cả) first, then the agencies most used first
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert screen.agency is not None
        assert all(i.agency == screen.agency for i in screen.items.values())


async def test_recording_an_answer_on_a_sealed_meeting(followed_db):
    app = build_app(followed_db, clock=JULY_1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        first = screen.highlighted()
        assert first.number == 9
        await pilot.press("x")
        await pilot.pause()
        db = app.db
        assert get_item(db, first.opinion_id, date(2026, 7, 1)).state is State.REVIEWING
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FollowupFormModal)
        list(form.query(RadioButton))[list(State).index(State.RESOLVED)].value = True
        form.query_one("#doc-date", Input).value = "02/07/2026"  # in the future: refused, form stays
        form.query_one("#doc-number", Input).value = "88/LĐTBXH"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # The screen records what the form returned; refused, the form opens again with it.
        assert isinstance(app.screen, FollowupFormModal) and app.screen is not form
        form = app.screen
        assert form.query_one("#doc-number", Input).value == "88/LĐTBXH"
        assert form.query_one("#doc-date", Input).value == "02/07/2026"
        assert list(form.query(RadioButton))[list(State).index(State.RESOLVED)].value
        assert get_item(db, first.opinion_id, date(2026, 7, 1)).state is State.REVIEWING
        form.query_one("#doc-date", Input).value = "30/06/2026"
        form.query_one("#answer-agency", Input).value = "cong chuc lao dong - thuong binh va xa hoi"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        item = get_item(db, first.opinion_id, date(2026, 7, 1))
        assert item.state is State.RESOLVED and item.answer_reference == "Số 88/LĐTBXH, ngày 30/06/2026"
        assert item.answer_agency == "Công chức Lao động - Thương binh và Xã hội"
        assert rows(screen) == ["1/2", "1/4", "1/5", "1/7"]
        assert verify(db, 1).ok


async def test_a_new_deadline_in_working_days_from_the_form(followed_db):
    app = build_app(followed_db, clock=JULY_1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        form.query_one("#deadline", Input).value = "3 ngày làm việc"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # counted from the meeting (Thu 18/06: Fri 19, Mon 22, Tue 23), not from the day typed
        item = get_item(app.db, form.item.opinion_id, date(2026, 7, 1))
        assert item.deadline == "2026-06-23" and item.state is State.PENDING
        said = [n.message for n in app._notifications]
        assert "Thời hạn: 23/06/2026 (3 ngày làm việc tính từ ngày họp)." in said


async def test_report_screen_counts_and_writes_the_workbook(followed_db, documents):
    import openpyxl

    from screens.report import ReportScreen

    app = build_app(followed_db, clock=JULY_1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReportScreen)
        table = screen.query_one("#report-table", DataTable)
        rows = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert "quý III năm 2026" in str(screen.query_one("#report-title").render())
        assert rows["Số hội nghị đã tổ chức"] == "0"  # the meeting was in June
        await pilot.press("k", "3")  # 6 tháng đầu năm
        await pilot.pause()
        rows = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert rows["Số hội nghị đã tổ chức"] == "1" and rows["Tổng số ý kiến, kiến nghị"] == "9"
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.press("i")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert written(followed_db.parent) == []  # not next to the database (AppData on Windows)
    out = documents / "bao-cao-2026-01-01-2026-06-30.xlsx"
    book = openpyxl.load_workbook(out)
    assert book["Ý kiến, kiến nghị"].max_row == 10
    assert out.with_suffix(".pdf").stat().st_size > 1000 and out.with_suffix(".docx").exists()


async def test_a_long_list_is_added_to_the_table_a_page_at_a_time(tmp_path):
    from bench.bench_followup import make_year
    from screens.followup import PAGE

    path = tmp_path / "year.db"
    make_year(path, n_meetings=2, per_meeting=1000)  # 400 assignments and forwards, 402 with the plan's
    app = build_app(path, clock=FakeClock(datetime(2026, 12, 15, 9, 0, 0)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#follow-table", DataTable)
        assert len(screen.items) == 402 and table.row_count == PAGE
        assert "402 việc" in str(screen.query_one("#follow-summary").render())
        for _ in range(PAGE - 30):
            screen.action_move(1)
        await pilot.pause()
        assert table.row_count == 2 * PAGE
        assert screen.highlighted() is screen._order[PAGE - 30]
        last = screen._order[-1]
        screen.reload(keep=last.opinion_id)  # after an answer to the last item, the cursor stays on it
        await pilot.pause()
        assert table.row_count == 402 and screen.highlighted() is screen.items[last.opinion_id]


async def test_filters_by_field_state_and_meeting(followed_db):
    from datetime import datetime as dt

    from db.followup import Answer, set_state

    db = open_db(followed_db)
    set_state(db, 5, State.EXPLAINED, answer=Answer(date(2026, 6, 29)), now=dt(2026, 6, 30, 9))
    db.close()
    app = build_app(followed_db, clock=JULY_1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert rows(screen) == ["1/9", "1/2", "1/4", "1/7"]  # open ones
        await pilot.press("s", "6")  # Đã trả lời: đã giải trình
        await pilot.pause()
        assert rows(screen) == ["1/5"] and "đã giải trình" in screen._filters()
        await pilot.press("s", "1", "l")  # every state; then the field picker
        await pilot.pause()
        await pilot.press("7")  # (tất cả), then the demo's fields in order: 6th is "Chính sách xã hội, an sinh"
        await pilot.pause()
        assert screen.field == "Chính sách xã hội, an sinh" and rows(screen) == ["1/2"]
        await pilot.press("m", "1")  # every meeting
        await pilot.pause()
        assert screen.meeting_id is None and rows(screen) == ["1/2"]
        await pilot.press("r")
        await pilot.pause()
        assert rows(screen) == ["1/9", "1/2", "1/4", "1/7"] and not screen.check_action("clear_filters", ())


async def test_reminder_and_carry_over_written_from_the_screen(followed_db, documents):
    app = build_app(followed_db, clock=JULY_1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert not screen.check_action("letters", ())  # no agency chosen yet
        screen.agency = "Công chức Lao động - Thương binh và Xã hội"
        screen.reload()
        await pilot.pause()
        assert screen.check_action("letters", ())
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.press("k")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert written(followed_db.parent) == []  # not next to the database (AppData on Windows)
    assert written(documents) == [
        "don-doc-cong-chuc-lao-dong-thuong-binh-va-xa-hoi-2026-07-01.docx",
        "don-doc-cong-chuc-lao-dong-thuong-binh-va-xa-hoi-2026-07-01.pdf",
        "ket-qua-giai-quyet-hn1-2026-07-01.docx",
        "ket-qua-giai-quyet-hn1-2026-07-01.pdf",
    ]


async def test_link_an_opinion_of_a_later_meeting_that_repeats_the_item(followed_db, clock, demo_plan):
    from db.meetings import create_meeting

    db = open_db(followed_db)
    demo_plan.date = date(2026, 12, 10)
    create_meeting(db, demo_plan, now=clock())  # its three opinions gathered before the meeting
    db.close()
    app = build_app(followed_db, clock=JULY_1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        item = screen.highlighted()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("2")  # the second opinion of the December meeting
        await pilot.pause()
        shown = screen.items[item.opinion_id]
        assert shown.repeated_in == ("10/12/2026 (ý kiến số 2)",)
        assert "Nêu lại tại hội nghị ngày 10/12/2026 (ý kiến số 2)" in str(screen.query_one("#follow-detail").render())


def test_every_screen_writes_into_the_same_documents_folder(documents):
    from screens import end
    from screens.out_folder import documents_dir

    assert documents_dir() == documents
    assert end.default_out_dir is documents_dir  # the end screen offers the same folder


async def test_the_live_answer_form_counts_working_days_from_the_meeting(followed_db):
    """The answer form of the live screen reads deadlines as the follow-up form does:
    'N ngày làm việc' from the meeting's date (Thu 18/06/2026), a date before it refused."""
    from db.opinions import list_opinions
    from screens.answer_form import AnswerModal
    from screens.draft_form import Drafts

    app = build_app(followed_db, clock=JULY_1)
    got = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        op = next(o for o in list_opinions(app.db, 1) if o.number == 9)
        app.push_screen(AnswerModal(op, [], [], date(2026, 6, 18), Drafts(app.store, 1)), got.append)
        await pilot.pause()
        form = app.screen
        form.query_one("#deadline", Input).value = "17/06/2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and got == []
        assert "trước ngày họp 18/06/2026" in str(form.query_one(".dialog-error").render())
        form.query_one("#deadline", Input).value = "3 ngày làm việc"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [f.deadline for f in got] == ["2026-06-23"]
