"""What the live screen redraws: the clock tick touches no table; a write redraws
the rows it changed, not the whole list; the deadline field reads Vietnamese dates."""

from __future__ import annotations

from datetime import date

import pytest

from db.connection import open_db
from db.errors import ValidationError
from screens.answer_form import parse_deadline
from screens.widgets.opinions_table import OpinionsTable
from screens.widgets.queue_table import QueueTable
from tui.app import build_app

from .live_helpers import fill_meeting, keys, make_meeting, type_text


def _filled_meeting(tmp_path, clock, *, speakers: int, opinions: int):
    """A live meeting in a real file with that many speakers and opinions (10 answered)."""
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    db = open_db(path)
    fill_meeting(db, meeting_id, clock, speakers=speakers, opinions=opinions, answered=10)
    db.close()
    return path, meeting_id


async def test_tick_and_writes_redraw_only_what_changed(tmp_path, clock):
    path, meeting_id = _filled_meeting(tmp_path, clock, speakers=40, opinions=30)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        opinions, queue = screen.query_one(OpinionsTable), screen.query_one(QueueTable)
        assert opinions.row_count == 33 and opinions.rebuilds == 0
        before = (opinions._update_count, queue._update_count, opinions.row_count)
        for _ in range(3):
            clock.advance(seconds=1)
            screen.tick()
        await pilot.pause()
        assert (opinions._update_count, queue._update_count, opinions.row_count) == before

        await type_text(pilot, "Thêm một ý kiến")
        await keys(pilot, "f6")
        assert opinions.row_count == 34 and opinions.rebuilds == 0
        assert opinions.get_row_at(opinions.cursor_row)[2].plain == "Thêm một ý kiến"
        count = opinions._update_count
        await keys(pilot, "f7", "f6", "ctrl+s")  # answer it: noted
        assert opinions.get_row_at(opinions.cursor_row)[1].plain == "tiếp thu"
        assert opinions._update_count == count + 2  # two cells: the number (no longer bold), the answer
        assert opinions.rebuilds == 0

        await keys(pilot, "alt+f", "2")  # only the unanswered: rows leave in place
        assert opinions.row_count == 20 and opinions.rebuilds == 0
        await keys(pilot, "alt+f", "1")  # all again: rows come back in between, one rebuild
        assert opinions.row_count == 34 and opinions.rebuilds == 1


MEETING = date(2026, 6, 18)  # a Thursday


@pytest.mark.parametrize("typed, expected", [
    ("30/6/2026", "2026-06-30"), ("30/06/2026", "2026-06-30"), ("30/6", "2026-06-30"),
    ("30.6.26", "2026-06-30"), ("2026-06-30", "2026-06-30"), (" 1-7-2026 ", "2026-07-01"), ("", None),
    # working days from the meeting, as in the follow-up form: Fri 19, Mon 22, Tue 23/06
    ("3 ngày làm việc", "2026-06-23"), ("3 ngay lam viec", "2026-06-23"), ("18/6/2026", "2026-06-18"),
])
def test_deadline_reads_vietnamese_dates(typed, expected):
    assert parse_deadline(typed, MEETING) == expected


@pytest.mark.parametrize("typed", ["31/6/2026", "mai", "30/13", "17/6/2026", "0 ngày làm việc"])
def test_deadline_refuses_what_is_not_a_date(typed):
    with pytest.raises(ValidationError, match="Thời hạn"):
        parse_deadline(typed, MEETING)


async def test_the_first_paint_reads_only_the_first_opinions(tmp_path, clock, monkeypatch):
    """A long list: the first paint reads what the table shows at once; a write, a typed
    number or the timer then reads the rest, and every row ends in its place."""
    monkeypatch.setattr(OpinionsTable, "BATCH_PAUSE", 60)  # nothing happens by the timer here
    path, meeting_id = _filled_meeting(tmp_path, clock, speakers=130, opinions=120)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        opinions = screen.query_one(OpinionsTable)
        first = OpinionsTable.FIRST_ROWS
        assert screen._opinions_partial and opinions.row_count == first
        assert str(opinions.border_title).startswith("Ý kiến · 123 · ")  # the count is of all

        await keys(pilot, "alt+o", "7", "9")  # a number past the first rows
        assert not screen._opinions_partial and opinions.filling is False  # reached row 79: all added
        assert opinions.get_row_at(opinions.cursor_row)[0].plain == "79"
        await keys(pilot, "alt+o")

        await type_text(pilot, "Một ý kiến mới")
        await keys(pilot, "f6")
        opinions.finish_loading()
        assert opinions.row_count == 124 and opinions.rebuilds == 0
        assert [opinions.get_row_at(i)[0].plain for i in range(124)] == [str(n) for n in range(1, 125)]


async def test_a_write_before_the_others_are_read_reads_them(tmp_path, clock, monkeypatch):
    monkeypatch.setattr(OpinionsTable, "BATCH_PAUSE", 60)
    path, meeting_id = _filled_meeting(tmp_path, clock, speakers=90, opinions=80)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        opinions = screen.query_one(OpinionsTable)
        assert screen._opinions_partial
        await type_text(pilot, "Một ý kiến mới")
        await keys(pilot, "f6")
        assert not screen._opinions_partial and not opinions.filling
        assert opinions.row_count == 84 and opinions.rebuilds == 0
        assert opinions.get_row_at(opinions.cursor_row)[2].plain == "Một ý kiến mới"
        assert [opinions.get_row_at(i)[0].plain for i in range(84)] == [str(n) for n in range(1, 85)]


async def test_after_the_first_paint_the_others_are_read_a_batch_at_a_time(tmp_path, clock, monkeypatch):
    """No single step reads the whole list: each timer reads the next BATCH_ROWS opinions
    after the last one shown, until a short batch; every row ends in its place."""
    monkeypatch.setattr(OpinionsTable, "BATCH_PAUSE", 0.01)
    monkeypatch.setattr(OpinionsTable, "BATCH_ROWS", 30)
    path, meeting_id = _filled_meeting(tmp_path, clock, speakers=130, opinions=120)
    import db.opinions as store_opinions
    import screens.live as live

    reads: list[int | None] = []
    original = store_opinions.list_opinions

    def counted(*args, **kwargs):
        found = original(*args, **kwargs)
        reads.append(kwargs.get("limit"))
        return found

    monkeypatch.setattr(live, "list_opinions", counted)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        opinions = screen.query_one(OpinionsTable)
        for _ in range(200):  # the timers' steps, each a pause apart
            if not screen._opinions_partial:
                break
            await pilot.pause(0.02)
        assert not screen._opinions_partial
        assert reads == [OpinionsTable.FIRST_ROWS, 30, 30, 30]  # 50 + 30 + 30 + 13: never all at once
        assert opinions.row_count == 123 and opinions.rebuilds == 0
        assert [opinions.get_row_at(i)[0].plain for i in range(123)] == [str(n) for n in range(1, 124)]
        await keys(pilot, "alt+o", "1", "2", "0")  # a number read by a later step
        assert opinions.get_row_at(opinions.cursor_row)[0].plain == "120"
