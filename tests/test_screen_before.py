"""Opinions gathered before the meeting, through the app: import a sheet after its
preview, once; type one in; they show in the live screen."""

from __future__ import annotations

from textual import events
from textual.widgets import DataTable, Select, TextArea

from db.meetings import start_meeting
from db.models import Outcome, Source
from db.opinions import list_opinions
from screens.widgets.form_field import FormField
from tui.app import build_app

from .conftest import FIXTURES
from .live_helpers import screen_name

SHEET = FIXTURES / "before" / "mttq-2026.csv"


async def choose_file(pilot, path) -> None:
    await pilot.press("ctrl+u")
    pilot.app.post_message(events.Paste(str(path)))
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_import_a_sheet_after_its_preview_and_only_once(db_path, clock):
    app = build_app(db_path, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert screen_name(app) == "BeforeOpinionsScreen"
        assert app.screen.query_one("#before-table", DataTable).row_count == 3  # the demo's three
        await pilot.press("i")
        await pilot.pause()
        await choose_file(pilot, SHEET)
        assert screen_name(app) == "BeforeImportModal"
        columns = app.screen.query_one("#preview-columns", DataTable)
        assert [str(columns.get_row_at(i)[2]) for i in range(columns.row_count)] == [
            "STT", "Họ tên", "Địa chỉ", "Lĩnh vực", "Nội dung", "Trả lời"]
        rows = app.screen.query_one("#preview-rows", DataTable)
        assert [str(rows.get_row_at(i)[0]) for i in range(rows.row_count)] == ["4", "5", "6"]
        problems = str(app.screen.query_one("#preview-problems").query_one("Static").render())
        assert "Dòng 7: Nội dung: không được để trống" in problems
        assert "Dòng 8: Lĩnh vực: 'Văn hóa xã hội' không có" in problems
        assert len(list_opinions(app.db, 1)) == 3  # nothing imported before Enter
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "BeforeOpinionsScreen"
        assert len(list_opinions(app.db, 1, source=Source.BEFORE)) == 6
        assert app.screen.query_one("#before-table", DataTable).row_count == 6

        await pilot.press("i")  # the same sheet again: nothing new
        await pilot.pause()
        await choose_file(pilot, SHEET)
        assert screen_name(app) == "BeforeImportModal"
        assert app.screen.check_action("import", ()) is None
        rows = app.screen.query_one("#preview-rows", DataTable)
        assert [str(rows.get_row_at(i)[1]) for i in range(rows.row_count)] == ["đã có"] * 3
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert screen_name(app) == "BeforeOpinionsScreen"
        assert len(list_opinions(app.db, 1)) == 6


async def test_an_unreadable_file_is_one_message_and_changes_nothing(db_path, tmp_path, clock):
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    app = build_app(db_path, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("b", "i")
        await pilot.pause()
        await choose_file(pilot, bad)
        assert screen_name(app) == "BeforeOpinionsScreen"
        assert any("không mở được tệp Excel" in str(n.message) for n in app._notifications)
        assert len(list_opinions(app.db, 1)) == 3


async def test_type_one_in_with_its_prepared_answer_then_see_it_live(db_path, clock):
    app = build_app(db_path, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("b", "a")
        await pilot.pause()
        assert screen_name(app) == "BeforeOpinionModal"
        await pilot.press("ctrl+s")  # empty: the content is required
        await pilot.pause()
        assert "không được để trống" in str(app.screen.query_one("#typed-content-error").render())
        assert app.screen.focused is app.screen.query_one("#typed-content", TextArea)  # the problem
        app.screen.query_one("#typed-author", FormField).input.focus()
        await pilot.press(*"Bà Lò Thị Xuân")
        app.screen.query_one("#typed-content", TextArea).focus()
        await pilot.press(*"Đề nghị [b]sửa[/b] cống")
        app.screen.query_one("#typed-field", Select).value = "Quy hoạch, xây dựng, giao thông"
        app.screen.query_one("#typed-outcome", Select).value = Outcome.ASSIGNED.value
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "BeforeOpinionModal"  # assigned needs agency and deadline
        assert app.screen.query_one("#typed-agency", FormField).error == "không được để trống khi giao giải quyết"
        app.screen.query_one("#typed-agency", FormField).input.focus()
        await pilot.press(*"Địa chính", "enter", *"30/6/2026", "ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "BeforeOpinionsScreen"
        opinion = list_opinions(app.db, 1, source=Source.BEFORE)[-1]
        assert (opinion.author, opinion.content, opinion.field_name) == (
            "Bà Lò Thị Xuân", "Đề nghị [b]sửa[/b] cống", "Quy hoạch, xây dựng, giao thông")
        assert (opinion.outcome, opinion.agency, opinion.deadline) == (Outcome.ASSIGNED, "Địa chính", "2026-06-30")

        start_meeting(app.db, 1, now=clock())
        await pilot.press("escape", "enter")  # back to the list, open the meeting: live
        await pilot.pause()
        assert screen_name(app) == "LiveScreen"
        table = app.screen.query_one("#opinions", DataTable)
        shown = [" ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]
        assert any("Đề nghị [b]sửa[/b] cống" in line for line in shown)
