"""Keys of the live screen: one table drives bindings, check_action, the key bar and
the palette; every F-key action has a Ctrl/Alt twin; keys sent in one burst after Tab
land in the field Tab moved to."""

from __future__ import annotations

from textual import events
from textual.keys import KEY_NAME_REPLACEMENTS, _character_to_key

from screens.live import LiveScreen
from screens.live_commands import ACTIONS, LiveState, allowed, bindings
from tui.app import PALETTE_PROMPT, build_app

from .live_helpers import keys, make_meeting, screen_name


def _burst(app, text: str) -> None:
    """Every key of `text` sent at once, as a paste or an input method's retyping
    arrives from the terminal ("\t" is Tab)."""
    for char in text:
        if char == "\t":
            event = events.Key("tab", None)
        else:
            name = char if char.isalnum() else _character_to_key(char)
            event = events.Key(KEY_NAME_REPLACEMENTS.get(name, name), char)
        event.set_sender(app)
        app._driver.send_message(event)


def test_every_f_key_action_has_a_ctrl_or_alt_key():
    for a in ACTIONS:
        if any(k.startswith("f") and k[1:].isdigit() for k in a.keys):
            assert any(k.startswith(("ctrl+", "alt+")) for k in a.keys), a.action


def test_bindings_and_check_action_come_from_the_table():
    assert LiveScreen.BINDINGS == bindings()
    declared = {a.action for a in ACTIONS}
    assert {b.action for b in LiveScreen.BINDINGS} <= declared
    assert allowed("call_next", LiveState()) is False
    assert allowed("not_an_action", LiveState()) is None


async def test_keys_sent_in_one_burst_after_tab_go_to_the_next_field(tmp_path, clock):
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "f2")
        assert screen_name(app) == "RegisterModal"
        _burst(app, "Lê Thị Hoa\tPhương Độ")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one("#name").value == "Lê Thị Hoa"
        assert app.screen.query_one("#hamlet").value == "Phương Độ"


async def test_palette_prompt_is_vietnamese(tmp_path, clock):
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await keys(pilot, "ctrl+p")
        await pilot.pause()
        prompt = app.screen.query_one("CommandInput")
        assert prompt.placeholder == PALETTE_PROMPT


async def test_the_meeting_list_footer_shows_enter(tmp_path, clock):
    path = tmp_path / "m.db"
    make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert screen_name(app) == "MeetingListScreen"
        shown = {(k.key, k.description) for k in app.screen.query("FooterKey")}
        assert ("enter", "Mở") in shown
        await keys(pilot, "enter")
        assert screen_name(app) == "LiveScreen"
