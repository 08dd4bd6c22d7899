"""The meeting list and the read-only plan view, driven through the real app."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from db.connection import open_db
from db.meetings import list_meetings
from tui.app import build_app
from tui.cli import ensure_demo


async def test_first_run_lists_the_demo_meeting_and_opens_its_plan(tmp_path, clock):
    path = tmp_path / "first.db"
    db = open_db(path)
    assert ensure_demo(db) == 1
    assert ensure_demo(db) is None  # only the first time
    assert [m.place_name for m in list_meetings(db)] == ["Kè Sắt"]
    app = build_app(path, db=db, clock=clock, meeting_id=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings", DataTable)
        assert table.row_count == 1
        row = table.get_row_at(0)
        assert str(row[0]) == "1" and str(row[1]) == "18/06/2026" and str(row[2]) == "Chưa bắt đầu"
        await pilot.press("v")
        await pilot.pause()
        assert type(app.screen).__name__ == "PlanViewScreen"
        details = str(app.screen.query_one("#details", Static).render())
        assert "Phạm Thị Thu Hiền, Q. Chủ tịch UBND xã" in details
        assert "07:30 – 11:30, ngày 18/06/2026" in details
        programme = app.screen.query_one("#programme", DataTable)
        assert programme.row_count == 6
        assert "[đối thoại]" in str(programme.get_row_at(3)[1])
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingListScreen"
