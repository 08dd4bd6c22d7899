"""Shared fixtures: a fake clock, the demo plan, databases with the demo meeting."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db.connection import open_db
from db.meetings import create_meeting
from intake.plan_file import load_plan

REPO = Path(__file__).resolve().parents[1]
DEMO_PLAN = REPO / "db" / "demo" / "ke-sat-2026.toml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = REPO.parent / "shared" / "seeds"


def seed_file(prefix: str) -> Path:
    """A plan in ../shared/seeds (beside the repository in CI, not on a user's clone);
    the test is skipped cleanly when it is not there."""
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"../shared/seeds/{prefix}_*.txt is not beside this checkout")
    return found[0]


class FakeClock:
    """A clock the test moves by hand: `clock()` returns the current moment."""

    def __init__(self, start: datetime = datetime(2026, 6, 18, 7, 30, 0)):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float = 0, minutes: float = 0) -> datetime:
        self.now += timedelta(seconds=seconds, minutes=minutes)
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def demo_plan():
    return load_plan(DEMO_PLAN)


@pytest.fixture
def mem_db():
    db = open_db(memory=True)
    yield db
    db.close()


@pytest.fixture
def demo_db(mem_db, demo_plan, clock):
    """An in-memory store holding the demo meeting (planned); returns (db, meeting_id)."""
    meeting_id = create_meeting(mem_db, demo_plan, now=clock())
    return mem_db, meeting_id


@pytest.fixture
def db_path(tmp_path, demo_plan, clock) -> Path:
    """A real SQLite file holding the demo meeting (planned, id 1)."""
    path = tmp_path / "meeting.db"
    db = open_db(path)
    create_meeting(db, demo_plan, now=clock())
    db.close()
    return path
