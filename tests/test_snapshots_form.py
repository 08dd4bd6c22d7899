"""Snapshots of preparing a meeting: the form (its problems shown, the programme with
the dialogue step), the import report of a before-meeting sheet, a typed opinion.
Fixed clock and data, cursor blink off. Look at a changed SVG before accepting it."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from screens.widgets.row_list import RowList
from tui.app import build_app

from .conftest import FIXTURES


async def no_blink(pilot) -> None:
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, (Input, TextArea)):
            widget.cursor_blink = False
    await pilot.pause()
    await pilot.pause()


def test_form_new_meeting_with_its_problems(snap_compare, tmp_path, clock):
    async def run(pilot):
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Hội nghị đối thoại", "tab", "tab", "tab", "tab", "tab", *"31/02/2026",
                          "tab", *"14:00", "tab", *"08:00", "ctrl+s")
        await no_blink(pilot)

    assert snap_compare(build_app(tmp_path / "x.db", clock=clock), terminal_size=(120, 36), run_before=run)


def test_form_edit_programme_with_dialogue_step(snap_compare, db_path, clock):
    async def run(pilot):
        # Each focus scrolls the form, animated, only if the field is not wholly in view: with
        # animations the next Tab finds the scroll at a point that depends on the machine's speed.
        pilot.app.animation_level = "none"
        await pilot.press("e")
        await pilot.pause()
        programme = pilot.app.screen.query_one("#programme", RowList)
        programme.items[2].cell("content").focus()
        await pilot.press("ctrl+n")
        pilot.app.post_message(events.Paste("Giải đáp các ý kiến đã tổng hợp trước hội nghị"))
        await pilot.pause()  # the paste is handled before the Tab that follows it
        await pilot.press("tab", *"Chủ tịch UBND xã", "tab", *"15")
        await no_blink(pilot)

    assert snap_compare(build_app(db_path, clock=clock), terminal_size=(100, 30), run_before=run)


def test_import_report_of_a_before_meeting_sheet(snap_compare, db_path, clock):
    async def run(pilot):
        await pilot.press("b", "i")
        await pilot.pause()
        await pilot.press("ctrl+u")
        pilot.app.post_message(events.Paste(str(FIXTURES / "before" / "mttq-2026.csv")))
        await pilot.pause()
        await pilot.press("enter")
        await no_blink(pilot)

    assert snap_compare(build_app(db_path, clock=clock), terminal_size=(120, 36), run_before=run)


def test_typed_opinion_with_its_problems(snap_compare, db_path, clock):
    async def run(pilot):
        await pilot.press("b", "a")
        await pilot.pause()
        await pilot.press(*"Bà Lò Thị Xuân", "tab", *"xóm Đông", "ctrl+s")
        await no_blink(pilot)

    assert snap_compare(build_app(db_path, clock=clock), terminal_size=(100, 30), run_before=run)
