"""Snapshots of the issue-11 forms: merging opinions under one conclusion, and the note
of a programme step. Fixed clock and data, cursor blink off."""

from __future__ import annotations

from textual.widgets import Select, SelectionList, TextArea

from db.meetings import get_fields, get_steps
from screens.merge_opinions import MergeOpinionsModal
from screens.step_note import StepNoteModal
from tui.app import build_app

from .notice_fixtures import held_demo
from .test_snapshots_form import no_blink


def test_merge_form_with_two_opinions_chosen(snap_compare, tmp_path, clock):
    db, mid = held_demo(tmp_path / "m.db")
    roads = next(f.id for f in get_fields(db, mid) if f.name.startswith("Quy hoạch"))
    db.close()

    async def run(pilot):
        await pilot.pause()
        pilot.app.push_screen(MergeOpinionsModal(mid))
        await pilot.pause()
        screen = pilot.app.screen
        screen.query_one("#field", Select).value = roads
        await pilot.pause()
        items = screen.query_one("#opinions", SelectionList)
        for index in (1, 2):
            items.select(items.get_option_at_index(index).value)
        screen.query_one("#merge-text", TextArea).text = "Rà soát, sửa chữa các tuyến đường liên thôn trong quý III."
        await no_blink(pilot)

    assert snap_compare(build_app(tmp_path / "m.db", clock=clock), terminal_size=(110, 30), run_before=run)


def test_step_note_form(snap_compare, tmp_path, clock):
    db, mid = held_demo(tmp_path / "m.db")
    step = get_steps(db, mid)[2].id
    db.close()

    async def run(pilot):
        await pilot.pause()
        pilot.app.push_screen(StepNoteModal(step, ["Phạm Thị Thu Hiền, Q. Chủ tịch UBND xã"]))
        await pilot.pause()
        await pilot.press(*"Đ/c Trần Văn Bình")
        pilot.app.screen.query_one("#gist", TextArea).text = "Báo cáo kết quả giải quyết kiến nghị lần trước."
        await no_blink(pilot)

    assert snap_compare(build_app(tmp_path / "m.db", clock=clock), terminal_size=(100, 30), run_before=run)
