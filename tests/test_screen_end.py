"""The end-of-meeting screen: conclusion and attendance committed, printing in a worker
with the files named on screen, sealing from the screen."""

from __future__ import annotations

from pypdf import PdfReader
from textual.widgets import Input, Static

from db import meetings, opinions, speakers
from db.connection import open_db
from db.seal import verify
from screens.end import EndScreen
from tui.app import build_app


def _ended(db_path, clock):
    db = open_db(db_path)
    meetings.start_meeting(db, 1, now=clock())
    s = speakers.register_speaker(db, 1, honorific="Ông", name="Vũ Văn Khải", hamlet="thôn Thượng Khuông")
    speakers.call_next(db, 1, now=clock.advance(minutes=2))
    o = opinions.record_opinion(db, 1, "Đề nghị làm rõ việc thu quỹ <b>xây dựng</b> & phí", speaker_id=s.id)
    opinions.record_answer(db, o.id, outcome="forwarded", agency="UBND huyện")
    meetings.end_meeting(db, 1, now=clock.advance(minutes=40), backup=False)
    return db


async def _wait(pilot, condition, tries=200):
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


async def test_conclusion_attendance_print_and_seal(db_path, tmp_path, clock):
    db = _ended(db_path, clock)
    app = build_app(db_path, db=db, clock=clock)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        app.push_screen(EndScreen(1))
        await pilot.pause()
        screen = app.screen
        await pilot.click("#conclusion")
        await pilot.press(*"Giao Công chức Tư pháp trả lời bằng văn bản.")
        group = meetings.get_attendance(db, 1)[4]
        present = screen.query_one(f"#present-{group.id}", Input)
        present.value = "63"
        screen.query_one("#out-dir", Input).value = str(tmp_path / "in")
        await pilot.press("f9")
        assert await _wait(pilot, lambda: not screen.printing and "Đã in xong" in str(
            screen.query_one("#result", Static).render()))
        # committed before printing
        assert meetings.get_meeting(db, 1).conclusion == "Giao Công chức Tư pháp trả lời bằng văn bản."
        assert meetings.get_attendance(db, 1)[4].present == 63
        minutes = tmp_path / "in" / "bien-ban-2026-06-18.pdf"
        shown = str(screen.query_one("#result", Static).render())
        assert str(minutes) in shown and str(tmp_path / "in" / "thong-bao-ket-luan-2026-06-18.pdf") in shown
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(minutes).pages)
        assert "Giao Công chức Tư pháp trả lời bằng văn bản." in text
        assert "<b>xây dựng</b> & phí" in text
        # seal from the screen
        await pilot.press("f10")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert verify(db, 1).matches
        assert "SHA-256" in str(screen.query_one("#end-status", Static).render())
        assert screen.query_one("#conclusion").read_only
        assert not screen.check_action("seal", ())


async def test_a_print_error_is_shown_and_nothing_is_lost(db_path, tmp_path, clock):
    db = _ended(db_path, clock)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    app = build_app(db_path, db=db, clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.pause()
        app.push_screen(EndScreen(1))
        await pilot.pause()
        screen = app.screen
        await pilot.click("#conclusion")
        await pilot.press(*"Kết luận")
        screen.query_one("#out-dir", Input).value = str(blocker / "sub")
        await pilot.press("f9")
        assert await _wait(pilot, lambda: not screen.printing)
        assert "Không ghi được tệp vào thư mục" in str(screen.query_one("#result", Static).render())
        assert meetings.get_meeting(db, 1).conclusion == "Kết luận"
        assert screen.query_one("#conclusion").text == "Kết luận"
