"""Start-up loads only what the first screen needs (bench/bench_startup.py measures the
time; this keeps the list short): each case runs in a fresh process, headless, and
lists the modules loaded once the first screen has painted."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from db.connection import open_db
from db.meetings import create_meeting, start_meeting
from intake.plan_file import load_plan

from .conftest import DEMO_PLAN, REPO

#: Loaded by an action, a later screen or a command, never before the first paint.
LATER = (
    "screens.end", "screens.followup", "screens.answer_form", "screens.register",
    "screens.meeting_form", "screens.before_opinions", "screens.plan_view", "screens.confirm",
    "screens.slip", "screens.opinion_form", "screens.merge_opinions",
    "intake.plan_documents", "intake.plan_form", "intake.plan_file", "intake.before_import",
    "db.seal", "db.documents", "db.exchange",
    "holidays", "reportlab", "docx", "openpyxl", "importlib.metadata",
    "sqlite_utils", "click", "pluggy", "dateutil",  # the first screen only reads (db/lazydb.py)
)

FIRST_PAINT = """
import json, sys
from tui.app import build_app

async def ready(pilot):
    await pilot.pause()
    pilot.app.exit(type(pilot.app.screen).__name__)

screen = build_app(sys.argv[1]).run(headless=True, size=(120, 40), auto_pilot=ready)
print(json.dumps({"screen": screen, "modules": sorted(sys.modules)}))
"""


def _first_paint(db_path) -> dict:
    out = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(db_path)], cwd=REPO,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("live, screen, also_later", [
    (False, "MeetingListScreen", ("screens.live", "textual.widgets._text_area")),
    (True, "LiveScreen", ("screens.meetings",)),
])
def test_the_first_screen_loads_nothing_it_does_not_show(tmp_path, live, screen, also_later):
    path = tmp_path / "store.db"
    db = open_db(path)
    meeting_id = create_meeting(db, load_plan(DEMO_PLAN))
    if live:
        start_meeting(db, meeting_id)
    db.close()
    seen = _first_paint(path)
    assert seen["screen"] == screen
    assert sorted(set(LATER + also_later) & set(seen["modules"])) == []


def _loaded_by(module: str) -> set[str]:
    code = f"import json, sys, {module}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return set(json.loads(out.stdout))


def test_the_command_line_reads_its_version_only_when_asked():
    assert sorted(_loaded_by("tui.cli") & {"importlib.metadata", "textual"}) == []


def test_the_follow_command_parser_loads_no_follow_up_store():
    assert sorted(_loaded_by("tui.cli_follow") & {
        "db.followup", "db.followup_list", "db.followup_journal", "db.workdays"}) == []


async def test_the_first_screen_style_is_read_without_reparsing_the_stylesheet(tmp_path, monkeypatch):
    """Textual re-parses every rule in a new stylesheet when a screen brings a style file
    (and the file was parsed twice); the app reads the first screen's file itself."""
    from textual.css.stylesheet import Stylesheet

    from tui.app import build_app

    path = tmp_path / "store.db"
    db = open_db(path)
    start_meeting(db, create_meeting(db, load_plan(DEMO_PLAN)))
    reparsed = []
    original = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda self: reparsed.append(1) or original(self))
    app = build_app(path, db=db)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "LiveScreen"
        assert app.screen.query_one("#speaker").styles.width.value == 44  # live.tcss applies
        assert reparsed == []
