"""Snapshots of the follow-up screen: a sealed meeting on 01/07/2026 with three
assignments overdue, one in time and one forwarded without a deadline; one answered.
Fixed clock and data. Look at a changed SVG before accepting it."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from db.connection import open_db
from db.followup import Answer, State, set_state
from tui.app import build_app

from .conftest import FakeClock
from .followup_fixtures import run_meeting


@pytest.fixture
def followed_db(db_path, clock):
    db = open_db(db_path)
    ids = run_meeting(db, 1, clock, seal=True)
    set_state(db, ids[1], State.EXPLAINED, now=datetime(2026, 6, 29, 10),
              answer=Answer(date(2026, 6, 29), doc_number="12/CAX", summary="Đã hướng dẫn hồ sơ."))
    db.close()
    return db_path


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_followup_screen(snap_compare, followed_db, size):
    async def run(pilot):
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("s", "1")  # state filter: (tất cả)
        await pilot.pause()
        await pilot.pause()

    app = build_app(followed_db, clock=FakeClock(datetime(2026, 7, 1, 9, 0, 0)))
    assert snap_compare(app, terminal_size=size, run_before=run)


def test_followup_form(snap_compare, followed_db):
    async def run(pilot):
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        for widget in pilot.app.screen.query("Input"):
            widget.cursor_blink = False
        await pilot.pause()

    app = build_app(followed_db, clock=FakeClock(datetime(2026, 7, 1, 9, 0, 0)))
    assert snap_compare(app, terminal_size=(100, 36), run_before=run)
