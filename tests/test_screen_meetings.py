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


async def test_the_footer_is_built_once_for_the_first_paint_and_follows_the_keys(tmp_path, clock, monkeypatch):
    """Opening the list sends several "bindings changed" signals with the same keys: the
    footer is built once for them; a change of keys ("Sửa" only for a meeting not
    started: dimmed for another) still rebuilds it."""
    from db.meetings import create_meeting, end_meeting, start_meeting
    from intake.plan_file import load_plan
    from screens.widgets.footer import Footer

    from .conftest import DEMO_PLAN

    path = tmp_path / "two.db"
    db = open_db(path)
    planned = create_meeting(db, load_plan(DEMO_PLAN))
    ended = create_meeting(db, load_plan(DEMO_PLAN))
    start_meeting(db, ended)
    end_meeting(db, ended, backup=False)
    built = []
    compose = Footer.compose

    def counting(self):
        built.append(self._bindings_ready)
        yield from compose(self)

    monkeypatch.setattr(Footer, "compose", counting)
    app = build_app(path, db=db, clock=clock, meeting_id=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert built == [False, True]  # mounted empty, then built once with the keys
        table = app.screen.query_one("#meetings", DataTable)

        def footer_keys() -> set[str]:
            return {k.description for k in app.screen.query("FooterKey") if not k.has_class("-disabled")}

        for _ in range(table.row_count):
            await pilot.pause()
            editable = app.screen.selected_meeting_id() == planned
            assert ("Sửa" in footer_keys()) is editable
            await pilot.press("down")
        assert len(built) > 2  # the keys changed between the two meetings: rebuilt
