"""The live screen for a real secretary: correct and withdraw a speaker, guards that
answer to one key, finding an opinion fast, the people who answer, the time left in
words, and the screen that keeps painting while another program holds the lock."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

import screens.store_call as store_call
from db.connection import open_db
from db.models import Outcome, SpeakerStatus
from db.opinions import list_opinions
from db.speakers import list_speakers
from screens.live_commands import LiveState, available
from screens.opinion_filter import OpinionFilter
from screens.store_call import GAVE_UP, WAITING
from screens.timing import bell_due, time_words
from screens.widgets.choice_input import matching
from screens.widgets.opinions_table import OpinionsTable
from screens.widgets.queue_table import QueueTable
from tui.app import build_app

from .live_helpers import fill_meeting, keys, make_meeting, said, screen_name, type_text


def _filled(tmp_path, clock, **kwargs):
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    db = open_db(path)
    fill_meeting(db, meeting_id, clock, **kwargs)
    db.close()
    return path, meeting_id


def _journal_ops(path, meeting_id) -> list[str]:
    db = open_db(path)
    try:
        return [r[0] for r in db.execute("SELECT op FROM journal WHERE meeting_id = ? ORDER BY id",
                                         [meeting_id])]
    finally:
        db.close()


# -- speakers: corrected, withdrawn ------------------------------------------------------

async def test_correct_and_withdraw_a_speaker_from_the_queue(tmp_path, clock):
    path, meeting_id = _filled(tmp_path, clock, speakers=5, opinions=2, answered=0)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        queue = screen.query_one(QueueTable)
        queue.focus()
        await pilot.pause()
        # the first row is the absent speaker (no. 2), then no. 3 waiting ...
        rows = [queue.get_row_at(i)[0].plain for i in range(queue.row_count)]
        queue.move_cursor(row=rows.index("3"))
        await pilot.pause()
        assert "Sửa người PB" in [label for _, label in screen.query_one("#keys").entries]
        await keys(pilot, "alt+s")
        assert screen_name(app) == "RegisterModal"
        name = app.screen.query_one("#name")
        assert name.value == "Lê Văn Cường"
        name.value = "Lê Văn Cương"
        await keys(pilot, "ctrl+s")
        assert screen_name(app) == "LiveScreen"
        assert "Đã sửa số 3" in said(app)[-1]

        await keys(pilot, "alt+r")
        assert screen_name(app) == "ConfirmModal"
        await keys(pilot, "enter")
        row = queue.get_row(str(next(s.id for s in list_speakers(app.db, meeting_id) if s.reg_no == 3)))
        assert row[1].plain == "rút" and "strike" in str(row[2].style)  # stays, greyed
        assert "rút 1" in str(queue.border_title)

        screen.editor.focus()
        await keys(pilot, "f3")  # the next one in order, never the withdrawn
        assert screen.speaker.reg_no == 4
    speakers = {s.reg_no: s for s in list_speakers(open_db(path), meeting_id)}
    assert speakers[3].name == "Lê Văn Cương" and speakers[3].status is SpeakerStatus.WITHDRAWN
    assert speakers[4].status is SpeakerStatus.SPEAKING
    ops = _journal_ops(path, meeting_id)
    assert "speaker.edit" in ops and "speaker.withdraw" in ops


def test_palette_offers_correct_and_withdraw_for_the_highlighted_speaker():
    names = {a.name for a in available(LiveState(status=None, queue_row=True, queue_row_open=True))}
    assert {"Sửa người phát biểu", "Rút đăng ký"} <= names


# -- guards ------------------------------------------------------------------------------

async def test_finish_with_nothing_recorded_asks_whether_they_spoke(tmp_path, clock):
    path, meeting_id = _filled(tmp_path, clock, speakers=3, opinions=0, answered=0)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await keys(pilot, "f3")
        assert app.screen.speaker.reg_no == 1
        await keys(pilot, "f5")
        assert screen_name(app) == "ChoiceModal"
        await keys(pilot, "2")  # did not speak
        assert screen_name(app) == "LiveScreen"
        assert app.screen.speaker is None
    first = list_speakers(open_db(path), meeting_id)[0]
    assert first.status is SpeakerStatus.WITHDRAWN  # not counted among those who spoke


async def test_quitting_a_live_meeting_asks_once(tmp_path, clock):
    path, meeting_id = _filled(tmp_path, clock, speakers=1, opinions=0, answered=0)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await keys(pilot, "ctrl+q")
        assert screen_name(app) == "ConfirmModal"
        await keys(pilot, "escape")
        assert screen_name(app) == "LiveScreen"
        await keys(pilot, "ctrl+q", "enter")
        assert app.return_code == 0 or not app.is_running


# -- finding an opinion ----------------------------------------------------------------------

async def test_jump_to_the_list_by_number_search_without_accents_and_filter(tmp_path, clock):
    path, meeting_id = _filled(tmp_path, clock, speakers=6, opinions=5, answered=2)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(OpinionsTable)
        await keys(pilot, "alt+o")
        assert app.focused is table
        await keys(pilot, "6")
        assert table.get_row_at(table.cursor_row)[0].plain == "6"
        await keys(pilot, "alt+o")
        assert app.focused is screen.editor

        await keys(pilot, "ctrl+f")
        assert screen_name(app) == "SearchModal"
        await type_text(pilot, "duong truc")
        await keys(pilot, "enter")
        shown = [table.get_row_at(i)[2].plain for i in range(table.row_count)]
        assert shown and all("đường trục" in s.lower() for s in shown)
        assert "LỌC" in str(table.border_title)

        await keys(pilot, "alt+f", "1")  # clear
        total = table.row_count
        await keys(pilot, "alt+f", "3")  # outcome: answered at the meeting
        answered = [o for o in list_opinions(app.db, meeting_id) if o.outcome is Outcome.ANSWERED]
        assert table.row_count == len(answered) < total


def test_filter_words_ignore_accents_and_case():
    opinions = list_opinions(_demo_db(), 1)
    found = OpinionFilter(words="DUONG thon").apply(opinions)
    assert found and all("đường" in o.content.lower() for o in found)


def _demo_db():
    from db.meetings import create_meeting
    from intake.plan_file import load_plan

    from .live_helpers import DEMO_PLAN
    db = open_db(memory=True)
    create_meeting(db, load_plan(DEMO_PLAN), now=datetime(2026, 6, 18, 7, 0))
    return db


# -- the people who answer ------------------------------------------------------------------

def test_officials_are_offered_by_a_few_letters_without_accents():
    names = ["Phạm Thị Thu Hiền, Q. Chủ tịch UBND xã", "Công chức Địa chính - Xây dựng", "Trưởng Công an xã"]
    assert matching(names, "dia") == ["Công chức Địa chính - Xây dựng"]
    assert matching(names, "cong an") == ["Trưởng Công an xã"]
    assert matching(names, "") == names


async def test_assigning_moves_to_the_agency_which_offers_those_used_before(tmp_path, clock):
    path, meeting_id = _filled(tmp_path, clock, speakers=3, opinions=3, answered=0)
    db = open_db(path)
    from db.opinions import record_answer
    first = list_opinions(db, meeting_id)[0]
    record_answer(db, first.id, outcome="assigned", answered_by="Chủ tịch", answer="Giao.",
                  agency="Công chức Địa chính - Xây dựng", deadline="2026-06-30")
    db.close()
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await keys(pilot, "alt+o", "5", "f7")
        assert screen_name(app) == "AnswerModal"
        await keys(pilot, "f4")
        assert app.focused.id == "agency"
        await type_text(pilot, "dia")
        box = app.screen.query_one("#agency").parent
        assert box.has_class("-open")
        await keys(pilot, "down", "enter")
        assert app.screen.query_one("#agency").value == "Công chức Địa chính - Xây dựng"
        assert app.focused.id == "deadline"
        await type_text(pilot, "30/6")
        await keys(pilot, "ctrl+s")
        assert screen_name(app) == "LiveScreen"
    answered = list_opinions(open_db(path), meeting_id)
    fifth = next(o for o in answered if o.number == 5)
    assert fifth.outcome is Outcome.ASSIGNED and fifth.agency == "Công chức Địa chính - Xây dựng"
    assert fifth.deadline == "2026-06-30"


async def test_a_refused_answer_opens_the_form_again_with_what_was_typed(tmp_path, clock):
    path, meeting_id = _filled(tmp_path, clock, speakers=3, opinions=3, answered=0)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await keys(pilot, "f7")
        await type_text(pilot, "Giao xem xét.")
        await keys(pilot, "f4", "ctrl+s")  # assigned without an agency: the store refuses
        assert screen_name(app) == "AnswerModal"
        assert app.screen.area.text.endswith("Giao xem xét.")  # nothing typed is lost
        assert str(app.screen.query_one(".dialog-error").render()).strip()


# -- time running out ---------------------------------------------------------------------------

@pytest.mark.parametrize("seconds, words", [
    (0, ""), (239, ""), (240, "Còn 1 phút"), (299, "Còn 1 phút"), (300, "HẾT GIỜ"),
    (385, "HẾT GIỜ · quá 01:25"),
])
def test_time_left_in_words(seconds, words):
    assert time_words(seconds, 5) == words


def test_no_words_and_no_bell_without_a_limit():
    assert time_words(999, None) == ""
    now = datetime(2026, 6, 18, 8, 5)
    assert bell_due("2026-06-18T08:00:00", 5, now) and not bell_due("2026-06-18T08:00:01", 5, now)
    assert not bell_due("2026-06-18T08:00:00", None, now)


# -- another program holds the write lock ------------------------------------------------------

async def test_the_screen_keeps_painting_under_a_held_lock_and_records_after(tmp_path, clock):
    path, meeting_id = _filled(tmp_path, clock, speakers=3, opinions=1, answered=0)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    other = sqlite3.connect(path, isolation_level=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        await type_text(pilot, "Đề nghị sửa cống")
        other.execute("BEGIN IMMEDIATE")  # another program takes the write lock
        await keys(pilot, "f6")
        assert screen.writer.busy
        await type_text(pilot, " thôn Đông")  # typing goes on: the screen was not frozen
        assert screen.editor.text == "Đề nghị sửa cống thôn Đông"
        await pilot.pause(0.7)
        assert WAITING in str(screen.editor.border_subtitle)
        other.execute("COMMIT")
        await pilot.pause(0.3)
        assert not screen.writer.busy
        assert said(app)[-1].startswith("Đã ghi ý kiến số")
        assert screen.editor.text == "thôn Đông"  # what was typed meanwhile stays
    recorded = [o.content for o in list_opinions(open_db(path), meeting_id)]
    assert "Đề nghị sửa cống" in recorded
    other.close()


async def test_a_lock_held_too_long_is_refused_clearly_and_the_text_stays(tmp_path, clock, monkeypatch):
    monkeypatch.setattr(store_call, "LOCK_PATIENCE_SECONDS", 0.8)
    path, meeting_id = _filled(tmp_path, clock, speakers=3, opinions=1, answered=0)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    other = sqlite3.connect(path, isolation_level=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Đề nghị sửa cống")
        other.execute("BEGIN IMMEDIATE")
        await keys(pilot, "f6")
        await pilot.pause(1.2)
        assert said(app, "error")[-1] == GAVE_UP.format(seconds=0.8)
        assert app.screen.editor.text == "Đề nghị sửa cống"
        assert not app.screen.writer.busy
        other.execute("ROLLBACK")
        await keys(pilot, "f6")  # again, now that the lock is gone
        assert app.screen.editor.text == ""
    other.close()


async def test_who_answered_offers_the_officials_present_by_a_few_letters(tmp_path, clock):
    path, meeting_id = _filled(tmp_path, clock, speakers=3, opinions=3, answered=0)
    db = open_db(path)
    from db.meetings import get_officials
    official = get_officials(db, meeting_id)[0]
    db.close()
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await keys(pilot, "alt+o", "5", "f7", "f2")
        assert app.focused.id == "answered-by"
        app.focused.value = ""
        await type_text(pilot, official.name.split()[-1].lower())  # a few letters, no accents needed
        box = app.screen.query_one("#answered-by").parent
        assert box.has_class("-open")
        await keys(pilot, "down", "enter")
        assert app.screen.query_one("#answered-by").value == official.line
