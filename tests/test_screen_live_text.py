"""Text as typed: decomposed Vietnamese is stored composed (NFC); markup characters
are shown and stored literally; a store error keeps the typed text on screen."""

from __future__ import annotations

import unicodedata

from rich.text import Text
from textual.content import Content

from db.connection import open_db
from db.errors import DatabaseUnavailable
from screens.widgets.speaker_panel import SpeakerPanel
from tui.app import build_app

from .live_helpers import keys, make_meeting, said, screen_name, type_raw, type_text

NAME = "Nguyễn Thị Hồng Nhung"
OPINION = "Đề nghị xã kiểm tra việc lấn chiếm đất công ở thôn Thượng Khuông"


def _spoken(path) -> list[str]:
    """The spoken opinions stored in the file, in order."""
    db = open_db(path)
    try:
        return [row[0] for row in db.execute("SELECT content FROM opinions WHERE source = 'spoken' ORDER BY number")]
    finally:
        db.close()


async def _start(pilot) -> None:
    await keys(pilot, "ctrl+n", "enter")


async def _register_and_call(pilot, name: str, hamlet: str, typing=type_text) -> None:
    await keys(pilot, "f2")
    await typing(pilot, name)
    await keys(pilot, "tab")
    await typing(pilot, hamlet)
    await keys(pilot, "enter", "f3")


async def test_decomposed_input_is_stored_composed(tmp_path, clock):
    nfd_name, nfd_opinion = (unicodedata.normalize("NFD", t) for t in (NAME, OPINION))
    assert nfd_name != NAME and len(nfd_opinion) > len(OPINION)
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _start(pilot)
        await _register_and_call(pilot, nfd_name, unicodedata.normalize("NFD", "thôn Ngọc Mai"),
                                 typing=type_raw)
        await type_raw(pilot, nfd_opinion)
        assert app.screen.editor.text == nfd_opinion  # kept as typed until recorded
        await keys(pilot, "f6")
        table = app.screen.query_one("#opinions")
        assert table.get_row_at(table.cursor_row)[2].plain == OPINION
    db = open_db(path)
    assert db.execute("SELECT name, hamlet FROM speakers").fetchall() == [(NAME, "thôn Ngọc Mai")]
    assert db.execute("SELECT content FROM opinions WHERE source = 'spoken'").fetchall() == [(OPINION,)]
    db.close()


async def test_telex_style_backspaces_end_up_correct(tmp_path, clock):
    # An input method that types "Ddu" then erases and rewrites the syllable.
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _start(pilot)
        await _register_and_call(pilot, "An", "")
        await type_text(pilot, "Ddu")
        await keys(pilot, "backspace", "backspace", "backspace")
        await type_text(pilot, "Đường hỏng")
        await keys(pilot, "f6")
    assert _spoken(path) == ["Đường hỏng"]


MARKUP_NAME = "[b]x[/b] <b> & Co"
MARKUP_OPINION = "Giá [red]tăng[/red] 50% & <i>nhiều</i> [link=x]y[/link]"


async def test_markup_characters_show_and_store_literally(tmp_path, clock):
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _start(pilot)
        await _register_and_call(pilot, MARKUP_NAME, "[i]thôn[/i]")
        screen = app.screen
        queue = screen.query_one("#queue")
        assert queue.get_row_at(0)[2].plain == f"Ông {MARKUP_NAME}"
        who = screen.query_one(SpeakerPanel).query_one(".speaker--who")
        rendered = who.render()
        assert MARKUP_NAME in (rendered.plain if isinstance(rendered, Text) else str(rendered))
        # border_title reads back as markup; the title itself is the literal text.
        assert MARKUP_NAME in Content.from_markup(screen.editor.border_title).plain
        await type_text(pilot, MARKUP_OPINION)
        await keys(pilot, "f6")
        table = screen.query_one("#opinions")
        row = table.get_row_at(table.cursor_row)
        assert row[3].plain == f"Ông {MARKUP_NAME} ([i]thôn[/i])"
        assert row[2].plain == MARKUP_OPINION
        await keys(pilot, "f7")
        assert screen_name(app) == "AnswerModal"
        title = app.screen.query_one(".dialog-title").render()
        assert MARKUP_NAME in getattr(title, "plain", str(title))
        await keys(pilot, "escape")
    db = open_db(path)
    assert db.execute("SELECT name, hamlet FROM speakers").fetchall() == [(MARKUP_NAME, "[i]thôn[/i]")]
    assert db.execute("SELECT content FROM opinions WHERE source = 'spoken'").fetchall() == [(MARKUP_OPINION,)]
    db.close()


async def test_a_store_error_is_shown_and_the_text_stays(tmp_path, clock, monkeypatch):
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _start(pilot)
        await _register_and_call(pilot, "Lê Văn Cường", "thôn Ngọc Mai")
        await type_text(pilot, OPINION)

        def broken(*args, **kwargs):
            raise DatabaseUnavailable("Ổ đĩa đầy hoặc lỗi ghi tệp; nội dung đang gõ vẫn còn trên màn hình.")

        monkeypatch.setattr("screens.live_opinions.record_opinion", broken)
        await keys(pilot, "f6")
        assert app.screen.editor.text == OPINION
        messages = said(app)
        assert "Ổ đĩa đầy hoặc lỗi ghi tệp; nội dung đang gõ vẫn còn trên màn hình." in messages
        assert app.screen.query_one("#opinions").row_count == 3  # only the three from before

        monkeypatch.undo()
        await keys(pilot, "f6")
        assert app.screen.editor.text == ""
        assert app.screen.query_one("#opinions").row_count == 4


async def test_calling_with_nobody_waiting_says_so(tmp_path, clock):
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _start(pilot)
        screen = app.screen
        assert screen.check_action("call_next", ()) is False  # hidden from the footer
        assert screen.check_action("absent", ()) is False
        await keys(pilot, "f6")  # nobody speaks: nothing recorded
        assert screen.query_one("#opinions").row_count == 3
        await keys(pilot, "ctrl+p")
        assert screen_name(app) == "CommandPalette"
        await type_text(pilot, "đăng ký")
        await keys(pilot, "enter")
        assert screen_name(app) == "RegisterModal"


async def test_f6_waits_for_the_keys_already_typed(tmp_path, clock):
    """A letter still queued in the editor when F6 arrives ends up in the opinion."""
    from textual import events

    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _start(pilot)
        await _register_and_call(pilot, "An", "")
        await type_text(pilot, "Đường hỏn")
        screen = app.screen
        # the last letter is queued on the editor, not yet handled, when F6 runs
        screen.editor.post_message(events.Key("g", "g"))
        screen.action_record()
        await pilot.pause()
        await pilot.pause()
    assert _spoken(path) == ["Đường hỏng"]
