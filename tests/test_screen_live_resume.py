"""Closing the app mid-opinion loses nothing: reopening brings back the same step, the
same speaker, the same counter and the same text; drafts are kept while typing."""

from __future__ import annotations

from db.connection import open_db
from db.meetings import get_draft
from screens.widgets.speaker_panel import SpeakerPanel
from textual.widgets import Digits
from tui.app import build_app

from .live_helpers import keys, make_meeting, screen_name, type_text

TEXT = "Đường thôn Quán Gỏi xuống cấp, đề nghị sửa chữa"


async def _start_and_call(pilot, clock) -> None:
    await keys(pilot, "ctrl+n", "enter")  # start 07:30
    clock.advance(minutes=12)
    await keys(pilot, "ctrl+n")  # step 2 at 07:42
    await keys(pilot, "f2")
    await type_text(pilot, "Nguyễn Văn An")
    await keys(pilot, "enter")
    clock.advance(minutes=1)
    await keys(pilot, "f3")  # 07:43


async def test_close_mid_opinion_and_reopen(tmp_path, clock):
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _start_and_call(pilot, clock)
        await keys(pilot, "ctrl+l", "3")  # field: the third of the plan
        await type_text(pilot, TEXT)
        # Closed at once: no time for the periodic draft save.
    clock.advance(minutes=2, seconds=5)  # 07:45:05, two minutes later

    db = open_db(path)
    assert get_draft(db, meeting_id, "opinion") == TEXT
    db.close()

    app = build_app(path, clock=clock)  # no meeting named: the live one is resumed
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert screen_name(app) == "LiveScreen"
        screen = app.screen
        assert [s.position for s in screen.query_one("#programme")._steps if s.is_current] == [2]
        assert screen.speaker.name == "Nguyễn Văn An"
        assert screen.query_one(SpeakerPanel).query_one(Digits).value == "02:05"
        assert screen.editor.text == TEXT
        assert screen.focused is screen.editor
        assert str(screen.editor.border_subtitle).startswith("Lĩnh vực: Quy hoạch, xây dựng, giao thông")
        await keys(pilot, "f6")
        opinion = screen.query_one("#opinions")
        assert opinion.get_row_at(opinion.cursor_row)[2].plain == TEXT
    db = open_db(path)
    assert get_draft(db, meeting_id, "opinion") is None
    row = db.execute("SELECT content, f.name FROM opinions o JOIN fields f ON f.id = o.field_id "
                     "WHERE source = 'spoken'").fetchall()
    assert row == [(TEXT, "Quy hoạch, xây dựng, giao thông")]
    db.close()


async def test_draft_is_saved_while_typing(tmp_path, clock):
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _start_and_call(pilot, clock)
        await type_text(pilot, "Đề nghị")
        await pilot.pause(0.35)  # the draft is saved at most 0.3 s after a key
        assert get_draft(app.db, meeting_id, "opinion") == "Đề nghị"
        await type_text(pilot, " xã")
        await keys(pilot, "tab")  # focus leaves the text: saved at once
        assert get_draft(app.db, meeting_id, "opinion") == "Đề nghị xã"


async def test_answer_typed_then_closed_with_escape_comes_back(tmp_path, clock):
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _start_and_call(pilot, clock)
        await type_text(pilot, "Đèn đường hỏng")
        await keys(pilot, "f6", "f7")
        await type_text(pilot, "Xã sẽ thay")
        await keys(pilot, "escape")
        assert screen_name(app) == "LiveScreen"
        await keys(pilot, "f7")
        assert app.screen.query_one("#answer-text").text == "Xã sẽ thay"
        await type_text(pilot, " bóng đèn.")
        await keys(pilot, "ctrl+s")
        assert screen_name(app) == "LiveScreen"
    db = open_db(path)
    assert db.execute("SELECT answer, outcome FROM opinions WHERE source = 'spoken'").fetchall() == [
        ("Xã sẽ thay bóng đèn.", "answered")]
    assert db.execute("SELECT count(*) FROM drafts WHERE key LIKE 'answer:%'").fetchone()[0] == 0
    db.close()
