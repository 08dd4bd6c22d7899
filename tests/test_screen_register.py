"""The register form guesses Bà from a 'Thị' middle name until Ông/Bà is chosen by hand."""

from __future__ import annotations

from db import speakers
from db.connection import open_db
from tui.app import build_app

from .live_helpers import make_meeting


async def _register(path, clock, name, *, click_first=()):
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        for index in click_first:
            buttons = list(app.screen.query("#honorific RadioButton"))
            await pilot.click(buttons[index])
            await pilot.pause()
        app.screen.query_one("#name").focus()
        await pilot.press(*name)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    db = open_db(path)
    return [(s.honorific, s.name) for s in speakers.list_speakers(db, meeting_id)]


async def test_thi_middle_name_preselects_ba(tmp_path, clock):
    assert await _register(tmp_path / "a.db", clock, "Lê Thị Hoa") == [("Bà", "Lê Thị Hoa")]


async def test_other_names_stay_ong(tmp_path, clock):
    assert await _register(tmp_path / "b.db", clock, "Thị Văn Nam") == [("Ông", "Thị Văn Nam")]


async def test_a_hand_choice_wins(tmp_path, clock):
    # Bà then Ông by hand, then a 'Thị' name: the hand choice stays
    got = await _register(tmp_path / "c.db", clock, "Lê Thị Hoa", click_first=(1, 0))
    assert got == [("Ông", "Lê Thị Hoa")]
