"""Snapshots of the chair's display: fixed clock, fixed data (the demo meeting at step 4,
the fourth speaker near the limit). Look at a changed SVG before accepting it."""

from __future__ import annotations

import pytest

from db.connection import open_db
from db.meetings import create_meeting
from intake.plan_file import load_plan
from tui.chair_app import build_chair_app

from .chair_fixtures import DEMO_PLAN, SNAPSHOT_NOW, build_demo_meeting


@pytest.fixture
def demo_path(tmp_path):
    path = tmp_path / "demo.db"
    build_demo_meeting(path)
    return path


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_chair_live(snap_compare, demo_path, size):
    app = build_chair_app(demo_path, clock=lambda: SNAPSHOT_NOW)
    assert snap_compare(app, terminal_size=size, run_before=settle)


def test_chair_live_120x36(snap_compare, demo_path):
    app = build_chair_app(demo_path, clock=lambda: SNAPSHOT_NOW)
    assert snap_compare(app, terminal_size=(120, 36), run_before=settle)


def test_chair_no_live_meeting(snap_compare, tmp_path):
    path = tmp_path / "planned.db"
    db = open_db(path)
    create_meeting(db, load_plan(DEMO_PLAN), now=SNAPSHOT_NOW)
    db.close()
    app = build_chair_app(path, clock=lambda: SNAPSHOT_NOW)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_chair_time_up_120x36(snap_compare, demo_path):
    """The fourth speaker 42 s past the 5-minute limit: "HẾT GIỜ · quá 00:42" in words."""
    from datetime import timedelta

    app = build_chair_app(demo_path, clock=lambda: SNAPSHOT_NOW + timedelta(seconds=90))
    assert snap_compare(app, terminal_size=(120, 36), run_before=settle)
