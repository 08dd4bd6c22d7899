"""Snapshots of the live screen: fixed clock, fixed data (the demo meeting in its
dialogue step, five speakers, one absent, the fourth speaking near the limit, a
draft being typed). Look at a changed SVG before accepting it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from db.connection import open_db
from db.meetings import save_draft
from db.speakers import current_speaker
from tui.app import build_app

from .conftest import FakeClock
from .live_helpers import fill_meeting, make_meeting

DRAFT = "Đường thôn Quán Gỏi xuống cấp, đề nghị sửa chữa [trước] mùa mưa & <sớm>"


def _live(tmp_path) -> tuple:
    clock = FakeClock(datetime(2026, 6, 18, 7, 30, 0))
    path = tmp_path / "live.db"
    meeting_id = make_meeting(path, clock)
    db = open_db(path)
    fill_meeting(db, meeting_id, clock, speakers=5, opinions=4, answered=2)
    speaking = current_speaker(db, meeting_id)
    save_draft(db, meeting_id, "opinion", DRAFT, now=clock())
    db.close()
    # 4 min 10 s into a 5-minute turn: the counter shows "near".
    now = datetime.fromisoformat(speaking.called_at) + timedelta(minutes=4, seconds=10)
    return path, meeting_id, (lambda: now)


async def _settle(pilot) -> None:
    """Wait until the screen has given the focus to its editor (under load that comes a
    few frames after the first paint), then stop the blink so the cursor is drawn."""
    await pilot.pause()
    for _ in range(200):
        if pilot.app.screen.focused is not None:
            break
        await pilot.pause()
    for area in pilot.app.screen.query("DraftArea"):
        area.cursor_blink = False
    await pilot.pause()


SIZES = [(80, 24), (100, 30), (120, 40), (160, 48)]
SIZE_IDS = ["80x24", "100x30", "120x40", "160x48"]


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_live_screen(snap_compare, tmp_path, size):
    path, meeting_id, clock = _live(tmp_path)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    assert snap_compare(app, terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_live_answer_form(snap_compare, tmp_path, size):
    path, meeting_id, clock = _live(tmp_path)
    app = build_app(path, clock=clock, meeting_id=meeting_id)

    async def open_answer(pilot) -> None:
        await pilot.pause()
        await pilot.press("f7")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_answer)


def test_live_planned_meeting(snap_compare, tmp_path):
    clock = FakeClock(datetime(2026, 6, 18, 7, 25, 0))
    path = tmp_path / "planned.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)
