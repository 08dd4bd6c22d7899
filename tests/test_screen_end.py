"""The end-of-meeting screen: conclusion and attendance committed, printing in a worker
(which touches no widget) with the files named on screen, the final toggle, the public
version, documents prepared in the background, sealing from the screen."""

from __future__ import annotations

import threading

from pypdf import PdfReader
from textual.widgets import Checkbox, Input, Label, Static

from db import meetings, opinions, speakers
from db.connection import open_db
from db.documents import PublicNaming, get_choices
from db.seal import verify
from screens.end import EndScreen
from screens.widgets.key_bar import KeyBar
from tui.app import build_app

from .reports_docx import docx_text


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
        minutes = tmp_path / "in" / "bien-ban-2026-06-18-hn1.pdf"
        shown = str(screen.query_one("#result", Static).render())
        for name in ("bien-ban-2026-06-18-hn1.pdf", "thong-bao-2026-06-18-hn1.pdf",
                     "bien-ban-2026-06-18-hn1.docx", "thong-bao-2026-06-18-hn1.docx"):
            assert str(tmp_path / "in" / name) in shown and (tmp_path / "in" / name).is_file()
        assert "Giao Công chức Tư pháp trả lời bằng văn bản." in docx_text(tmp_path / "in" / "bien-ban-2026-06-18-hn1.docx")
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


def _watch_threads(screen) -> list[str]:
    """Record any widget query made off the UI thread."""
    off_thread: list[str] = []
    real = screen.query_one

    def query_one(*args, **kwargs):
        if threading.current_thread() is not threading.main_thread():
            off_thread.append(repr(args))
        return real(*args, **kwargs)

    screen.query_one = query_one
    return off_thread


def _text(path):
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


async def test_final_toggle_public_print_and_a_worker_that_touches_no_widget(db_path, tmp_path, clock):
    db = _ended(db_path, clock)
    app = build_app(db_path, db=db, clock=clock)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        app.push_screen(EndScreen(1))
        await pilot.pause()
        screen = app.screen
        off_thread = _watch_threads(screen)
        assert "DỰ THẢO" in str(screen.query_one("#doc-state", Static).render())
        await pilot.press("f7")
        await pilot.pause()
        assert get_choices(db, 1).notice_final
        assert "BẢN CHÍNH THỨC" in str(screen.query_one("#doc-state", Static).render())
        screen.query_one("#out-dir", Input).value = str(tmp_path / "out")
        await pilot.press("f9")
        assert await _wait(pilot, lambda: not screen.printing and "Đã in xong" in str(
            screen.query_one("#result", Static).render()))
        assert "DỰ THẢO" not in _text(tmp_path / "out" / "thong-bao-2026-06-18-hn1.pdf")
        # the public version, naming citizens by hamlet
        screen.query_one("#public-hamlet", Checkbox).value = True
        await pilot.pause()
        assert get_choices(db, 1).public_naming is PublicNaming.HAMLET
        await pilot.press("f8")
        assert await _wait(pilot, lambda: not screen.printing and (
            tmp_path / "out" / "thong-bao-cong-khai-2026-06-18-hn1.docx").is_file())
        public = _text(tmp_path / "out" / "thong-bao-cong-khai-2026-06-18-hn1.pdf")
        assert "Vũ Văn Khải" not in public and "Cử tri thôn Thượng Khuông" in public
        assert off_thread == []


async def test_documents_are_prepared_before_f9(db_path, tmp_path, clock):
    db = _ended(db_path, clock)
    app = build_app(db_path, db=db, clock=clock)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        app.push_screen(EndScreen(1))
        await pilot.pause()
        screen = app.screen

        def prepared():
            return screen.cache_dir is not None and any(screen.cache_dir.glob("*/done"))

        assert await _wait(pilot, prepared)
        cached = sorted(p.name for p in next(screen.cache_dir.glob("*/done")).parent.iterdir())
        assert cached == ["bien-ban-2026-06-18-hn1.docx", "bien-ban-2026-06-18-hn1.pdf", "done",
                          "thong-bao-2026-06-18-hn1.docx", "thong-bao-2026-06-18-hn1.pdf"]
        screen.query_one("#out-dir", Input).value = str(tmp_path / "out")
        await pilot.press("f9")
        assert await _wait(pilot, lambda: not screen.printing)
        assert len(list(screen.cache_dir.glob("*/done"))) == 1  # F9 found them ready: nothing rendered again
        assert (tmp_path / "out" / "thong-bao-2026-06-18-hn1.docx").is_file()
        cache_dir = screen.cache_dir
        await pilot.press("escape")
        await pilot.pause()
    assert not cache_dir.exists()


async def test_at_80x24_every_group_is_labelled_and_every_key_is_shown(db_path, clock):
    db = _ended(db_path, clock)
    app = build_app(db_path, db=db, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(EndScreen(1))
        await pilot.pause()
        screen = app.screen
        bar = screen.query_one(KeyBar)
        keys = [k for k, _ in bar.entries]
        assert keys[:7] == ["F6/Alt+G", "F7/Alt+C", "F8/Alt+K", "F9/Alt+I", "F10/Alt+N", "^S", "Esc"]
        assert "^P" in keys
        # the bar is tall enough for all of them and lies on the screen
        assert bar.region.height >= 2 and bar.region.bottom == 24
        view = screen.query_one("#end").region
        groups = meetings.get_attendance(db, 1)
        for group in groups:
            field = screen.query_one(f"#present-{group.id}", Input)
            field.focus()
            name, invited = field.parent.query(Label)
            # the row scrolls into view a frame or two after the focus
            await _wait(pilot, lambda: view.contains_region(name.region))
            for widget in (name, invited, field):  # scrolled into view, not hidden
                assert widget.region.area > 0 and view.contains_region(widget.region)
            assert name.region.area >= len(group.group)  # the whole name, wrapped if need be
            assert str(invited.render()).endswith(str(group.invited))
        await pilot.press("1", "5", "tab")
        await pilot.pause()
        assert meetings.get_attendance(db, 1)[-1].present == 15
        # sealed: no seal, save nor merge key any more
        await pilot.press("f10")
        await pilot.pause()
        await pilot.press("enter")
        assert await _wait(pilot, lambda: bool(screen.meeting and screen.meeting.sealed_hash))
        await pilot.pause()
        keys = [k for k, _ in bar.entries]
        assert "F10/Alt+N" not in keys and "^S" not in keys and "F6/Alt+G" not in keys and "F9/Alt+I" in keys


async def test_the_alt_twins_work_like_the_f_keys(db_path, clock):
    """Alt+C does what F7 does (the notice final / draft), for laptops without F-keys."""
    db = _ended(db_path, clock)
    app = build_app(db_path, db=db, clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(EndScreen(1))
        await pilot.pause()
        before = get_choices(db, 1).notice_final
        await pilot.press("alt+c")
        await pilot.pause()
        assert get_choices(db, 1).notice_final is (not before)
