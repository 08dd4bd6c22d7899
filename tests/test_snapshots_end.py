"""Snapshots of the end screen (after Ctrl+T ends the demo meeting): fixed clock, one
speaker with one answered opinion, a typed conclusion, the five attendance groups, the
output folder fixed. At 80×24 every attendance group shows its name, its invited count
and its input, the screen scrolls, and every key is in the key bar. Look at a changed
SVG before accepting it."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.widgets import Input

from db import meetings, opinions, speakers
from db.connection import open_db
from screens.end import EndScreen
from tui.app import build_app

from .conftest import FakeClock

CONCLUSION = "Giao Công chức Địa chính - Xây dựng kiểm tra tuyến đường thôn Quán Gỏi, báo cáo trước 30/7."


def _ended(db_path) -> FakeClock:
    clock = FakeClock(datetime(2026, 6, 18, 7, 30, 0))
    db = open_db(db_path)
    meetings.start_meeting(db, 1, now=clock())
    s = speakers.register_speaker(db, 1, honorific="Ông", name="Vũ Văn Khải", hamlet="thôn Thượng Khuông")
    speakers.call_next(db, 1, now=clock.advance(minutes=2))
    o = opinions.record_opinion(db, 1, "Đề nghị làm rõ việc thu quỹ xây dựng đường thôn", speaker_id=s.id)
    opinions.record_answer(db, o.id, outcome="forwarded", agency="UBND huyện")
    meetings.set_conclusion(db, 1, CONCLUSION, now=clock())
    group = meetings.get_attendance(db, 1)[0]
    meetings.set_attendance(db, 1, group.id, 12, now=clock())
    meetings.end_meeting(db, 1, now=clock.advance(minutes=40), backup=False)
    db.close()
    return clock


async def _open_end(pilot) -> None:
    await pilot.pause()
    pilot.app.push_screen(EndScreen(1))
    await pilot.pause()
    for _ in range(200):
        if pilot.app.screen.focused is not None:
            break
        await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#out-dir", Input).value = "C:\\Users\\thuky\\Documents\\doithoai"
    for area in screen.query("DraftArea"):
        area.cursor_blink = False
    await pilot.pause()


SIZES = [(80, 24), (100, 30), (120, 40), (160, 48)]
SIZE_IDS = ["80x24", "100x30", "120x40", "160x48"]


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_end_screen(snap_compare, db_path, size):
    clock = _ended(db_path)
    app = build_app(db_path, clock=clock)
    assert snap_compare(app, terminal_size=size, run_before=_open_end)


def test_end_screen_scrolled_to_the_end_80x24(snap_compare, db_path):
    """The lower half at 80×24: the output folder and the two long checkbox labels,
    wrapped rather than cut."""
    clock = _ended(db_path)
    app = build_app(db_path, clock=clock)

    async def to_the_end(pilot) -> None:
        await _open_end(pilot)
        pilot.app.screen.query_one("#end").scroll_end(animate=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=to_the_end)
