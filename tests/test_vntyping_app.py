"""The built-in typing in the real App: keys in order (input methods that retype), the
Telex/VNI mode in every text field, its key, palette commands, badge and settings."""

from __future__ import annotations

import json

from textual import events
from textual._xterm_parser import XTermParser
from textual.app import App
from textual.widgets import Input, TextArea

from db.connection import open_db
from screens.vntyping.engine import Method
from screens.vntyping.hook import VnTypingApp, VnTypingBadge, is_text_field, takes_vietnamese
from screens.vntyping.syllable import Style
from tui.app import build_app
from tui.settings import Settings, load_settings, save_settings

from .live_helpers import keys, make_meeting, type_text

# What Unikey sends for "Tieengs" in a terminal: the second e becomes a backspace and ê,
# the s becomes backspaces over the whole syllable and the syllable typed again.
UNIKEY_TIENG = ["T", "i", "e", "backspace", "ê", "n", "g"] + ["backspace"] * 5 + list("Tiếng")
# Unikey's other habit: erase only from the changed letter on ("ếng" for "êng").
UNIKEY_VIET = ["V", "i", "e", "backspace", "ê", "t", "backspace", "backspace", "ệ", "t"]


def burst(app, names: list[str]) -> None:
    """Send keys the way the terminal driver does when they arrive in one read: no waiting."""
    for name in names:
        char = {"backspace": "\x7f", "space": " "}.get(name, name if len(name) == 1 else None)
        event = events.Key(name, char)
        event.set_sender(app)
        app._driver.send_message(event)


def spoken(path) -> list[str]:
    db = open_db(path)
    try:
        return [r[0] for r in db.execute("SELECT content FROM opinions WHERE source = 'spoken' ORDER BY number")]
    finally:
        db.close()


async def start_and_call(pilot) -> None:
    await keys(pilot, "ctrl+n", "enter", "f2")
    await type_text(pilot, "An")
    await keys(pilot, "tab", "enter", "f3")


async def test_an_input_method_that_retypes_at_full_speed_ends_with_the_right_text(tmp_path, clock):
    path = tmp_path / "m.db"
    app = build_app(path, clock=clock, meeting_id=make_meeting(path, clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await start_and_call(pilot)
        assert isinstance(app.focused, TextArea)
        burst(app, UNIKEY_TIENG + ["space"] + UNIKEY_VIET)
        await pilot.pause()
        assert app.focused.text == "Tiếng Việt"
        await keys(pilot, "f6")
    assert spoken(path) == ["Tiếng Việt"]


async def test_retyping_in_a_one_line_field_too(tmp_path, clock):
    path = tmp_path / "m.db"
    app = build_app(path, clock=clock, meeting_id=make_meeting(path, clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await keys(pilot, "ctrl+n", "enter", "f2")
        assert isinstance(app.focused, Input)
        burst(app, UNIKEY_TIENG + ["left", "left", "left", "left", "left", "home"] + list("An "))
        await pilot.pause()
        assert app.focused.value == "An Tiếng"


async def test_telex_in_the_opinion_editor_and_the_register_form(tmp_path, clock):
    path = tmp_path / "m.db"
    app = build_app(path, clock=clock, meeting_id=make_meeting(path, clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await keys(pilot, "alt+z")
        assert app.vn_method is Method.TELEX
        await keys(pilot, "ctrl+n", "enter", "f2")
        await type_text(pilot, "Nguyeenx Vawn Tieens")
        assert app.focused.value == "Nguyễn Văn Tiến"
        await keys(pilot, "tab")
        await type_text(pilot, "thoon Quans Gooi")
        await keys(pilot, "backspace")  # backspace takes one letter: "Gô"
        await type_text(pilot, "ir")
        assert app.focused.value == "thôn Quán Gổi"
        await keys(pilot, "enter", "f3")
        await type_text(pilot, "DDeef nghij suwar QL1A, text 2026 ass")
        assert app.focused.text == "Đề nghị sửa QL1A, text 2026 as"
        await keys(pilot, "f6")
    db = open_db(path)
    assert db.execute("SELECT name, hamlet FROM speakers").fetchall() == [("Nguyễn Văn Tiến", "thôn Quán Gổi")]
    db.close()
    assert spoken(path) == ["Đề nghị sửa QL1A, text 2026 as"]


async def test_the_key_turns_it_off_and_text_then_passes_through(tmp_path, clock):
    path = tmp_path / "m.db"
    app = build_app(path, clock=clock, meeting_id=make_meeting(path, clock))
    text = "Tieengs Vieetj dd aw ow uw w [ ] a1 e6 o7 d9 QL1A 07:30 ass z j f r x"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await start_and_call(pilot)
        await keys(pilot, "alt+z")
        await type_text(pilot, "Vieetj ")
        await keys(pilot, "ctrl+backslash")  # the other key: off again
        assert app.vn_method is None
        await type_text(pilot, text)
        assert app.focused.text == "Việt " + text
        await keys(pilot, "ctrl+backslash")
        assert app.vn_method is Method.TELEX


async def test_badge_shows_the_mode_on_every_screen(tmp_path, clock):
    path = tmp_path / "m.db"
    app = build_app(path, clock=clock, meeting_id=make_meeting(path, clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not [b for b in app.screen.query(VnTypingBadge) if b.display]
        await keys(pilot, "alt+z")
        badge = app.screen.query_one(VnTypingBadge)
        assert badge.display and str(badge.render()) == "TELEX"
        assert badge.region.right == 100 and badge.region.y == 0  # top right corner
        await keys(pilot, "ctrl+n", "enter", "f2")  # a modal on top
        assert str(app.screen.query_one(VnTypingBadge).render()) == "TELEX"
        await keys(pilot, "alt+z")
        assert not app.screen.query_one(VnTypingBadge).display


async def test_palette_commands_choose_the_method(tmp_path, clock):
    path = tmp_path / "m.db"
    app = build_app(path, clock=clock, meeting_id=make_meeting(path, clock))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await keys(pilot, "ctrl+p")
        await type_text(pilot, "Gõ tiếng Việt (VNI)")
        await keys(pilot, "enter")
        assert app.vn_method is Method.VNI
        assert str(app.screen.query_one(VnTypingBadge).render()) == "VNI"
        await start_and_call(pilot)
        await type_text(pilot, "Vie65t Nam")
        assert app.focused.text == "Việt Nam"
        await keys(pilot, "ctrl+p")
        await type_text(pilot, "Tắt gõ tiếng Việt")
        await keys(pilot, "enter")
        assert app.vn_method is None


async def test_the_choice_is_remembered_between_runs(tmp_path, clock):
    path = tmp_path / "m.db"
    settings = tmp_path / "config" / "settings.json"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id, settings_path=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await keys(pilot, "alt+z")
    assert json.loads(settings.read_text(encoding="utf-8"))["vn_typing"] == "telex"
    app = build_app(path, clock=clock, meeting_id=meeting_id, settings_path=settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.vn_method is Method.TELEX
        assert app.screen.query_one(VnTypingBadge).display
        await keys(pilot, "alt+z")
    assert load_settings(settings) == Settings(vn_typing=None, vn_method="telex", vn_style="old")


def test_settings_survive_a_broken_file_and_are_written_whole(tmp_path):
    path = tmp_path / "settings.json"
    assert load_settings(path) == Settings()
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    path.write_text('{"vn_typing": 3, "vn_style": "new", "other": 1}', encoding="utf-8")
    assert load_settings(path) == Settings(vn_style="new")
    save_settings(Settings(vn_typing="vni"), path)
    assert load_settings(path).vn_typing == "vni"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temporary file left
    save_settings(Settings(), None)  # tests and the chair display keep nothing


async def test_a_settings_file_with_unknown_values_starts_off(tmp_path, clock):
    path = tmp_path / "m.db"
    settings = tmp_path / "settings.json"
    settings.write_text('{"vn_typing": "qwerty", "vn_method": "vni", "vn_style": "x"}', encoding="utf-8")
    app = build_app(path, clock=clock, meeting_id=make_meeting(path, clock), settings_path=settings)
    assert (app.vn_method, app.vn_last, app.vn_style) == (None, Method.VNI, Style.OLD)


async def test_which_fields_take_vietnamese():
    class Fields(App):
        def compose(self):
            yield Input(id="plain")
            yield Input(type="integer", id="number")
            yield Input(password=True, id="secret")
            yield Input(restrict=r"[0-9]*", id="digits")
            yield Input("/home/thuky/bien-ban", id="posix")
            yield Input("C:\\Users\\thuky", id="windows")
            yield TextArea(id="area")
            yield TextArea(read_only=True, id="shown")

    app = Fields()
    async with app.run_test():
        w = {widget.id: widget for widget in app.query("Input, TextArea")}
        assert is_text_field(w["plain"]) and takes_vietnamese(w["plain"])
        assert not is_text_field(w["number"]) and not is_text_field(w["secret"])
        assert not takes_vietnamese(w["digits"])
        assert not takes_vietnamese(w["posix"]) and not takes_vietnamese(w["windows"])
        assert is_text_field(w["area"]) and not is_text_field(w["shown"])


def parsed(sequence: str) -> list[str]:
    parser = XTermParser()
    return [e.key for e in [*parser.feed(sequence), *parser.feed("")] if isinstance(e, events.Key)]


def test_what_terminals_send_for_the_toggle_keys():
    # Alt+Z arrives as ESC z and Ctrl+\ as one control byte: both reach the binding.
    assert parsed("\x1bz") == ["alt+z"]
    assert parsed("\x1c") == ["ctrl+backslash"]
    # Why not Ctrl+Alt or Ctrl+Shift: without the kitty keyboard protocol (which few terminals
    # on Windows speak) Ctrl+Alt+Z arrives as plain Ctrl+Z and Ctrl+Shift+Z cannot be told apart.
    assert parsed("\x1b\x1a") == ["ctrl+z"]
    # Both backspace bytes (DEL from most terminals, BS from some Windows consoles) are backspace.
    assert parsed("\x7f") == parsed("\x08") == ["backspace"]


async def test_the_tone_style_command(tmp_path):
    class Fields(VnTypingApp):
        def compose(self):
            yield Input(id="line")

    settings_seen = []

    class Remembering(Fields):
        def remember_vn_typing(self):
            settings_seen.append((self.vn_method, self.vn_style))

    app = Remembering(vn_method=Method.TELEX)
    async with app.run_test() as pilot:
        await keys(pilot, "ctrl+p")
        await type_text(pilot, "Đặt dấu kiểu mới")
        await keys(pilot, "enter")
        assert app.vn_style is Style.NEW
        app.query_one(Input).focus()
        await type_text(pilot, "hoaf khoer thuyr hoanf")
        assert app.query_one(Input).value == "hoà khoẻ thuỷ hoàn"
    assert settings_seen == [(Method.TELEX, Style.NEW)]
