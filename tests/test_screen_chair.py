"""The chair's display follows the secretary's writes on the same file, never writes,
never blocks the secretary, and keeps going when the store is briefly unreadable."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import textwrap
import time
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import screens.chair as chair_module
from db.connection import open_db
from db.errors import DatabaseUnavailable
from db.meetings import end_meeting, get_fields, next_step, start_meeting
from db.models import Outcome, Source, Speaker, SpeakerStatus
from db.opinions import record_answer, record_opinion
from db.speakers import call_next, finish_speaker, mark_absent, register_speaker
from db.queries_chair import WaitingOpinion
from screens.chair import ChairScreen, opinion_line, queue_line
from screens.widgets.big_digits import BigDigits
from tui.chair_app import build_chair_app

from .chair_fixtures import screen_text
from .conftest import REPO, FakeClock

SIZE = (120, 36)


async def wait_for(pilot, predicate, what: str, timeout: float = 10.0) -> float:
    """Let the app run until `predicate()` holds; fail with `what` after `timeout` s (generous:
    it returns as soon as the predicate holds, and a loaded CI machine polls late).
    Returns how long it took."""
    start = time.monotonic()
    for _ in range(int(timeout / 0.05)):
        if predicate():
            return time.monotonic() - start
        await pilot.pause(0.05)
    assert predicate(), f"the chair's screen never showed {what}:\n{screen_text(pilot.app)}"
    return time.monotonic() - start


def shows(app, *needles: str):
    return lambda: all(n in screen_text(app) for n in needles)


def chair_screen(app) -> ChairScreen:
    assert isinstance(app.screen, ChairScreen)
    return app.screen


@pytest.fixture
def writer(db_path):
    """The secretary's side: a second, read-write connection to the same file."""
    db = open_db(db_path)
    yield db
    db.close()


def test_missing_file_is_one_clear_sentence(tmp_path):
    with pytest.raises(DatabaseUnavailable, match="Không tìm thấy tệp dữ liệu"):
        build_chair_app(tmp_path / "none.db")


async def test_chair_connection_is_read_only(db_path):
    app = build_chair_app(db_path, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            app.db.execute("UPDATE meetings SET conclusion = 'x'")
        # Even asking for the write lock through it takes none: a writer with no busy
        # timeout still gets it.
        app.db.execute("BEGIN IMMEDIATE")
        try:
            other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            other.execute("UPDATE meetings SET conclusion = 'y'")
            other.execute("COMMIT")
            other.close()
        finally:
            app.db.execute("ROLLBACK")


async def test_chair_follows_each_change(db_path, writer):
    clock = FakeClock()
    app = build_chair_app(db_path, clock=clock)
    fields = {f.name: f.id for f in get_fields(writer, 1)}
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, shows(app, "Chưa có hội nghị nào đang diễn ra…"), "the waiting message")

        start_meeting(writer, 1, now=clock())
        await wait_for(pilot, shows(app, "Bước 1/6", "Tuyên bố lý do", "Chưa mời ai phát biểu"), "step 1")

        register_speaker(writer, 1, honorific="Ông", name="Nguyễn Văn An", hamlet="thôn Quán Gỏi",
                         field_id=fields["Kinh tế"], now=clock())
        register_speaker(writer, 1, honorific="Bà", name="Trần Thị Bình", hamlet="thôn Phương Độ",
                         now=clock())
        await wait_for(pilot, shows(app, "2 người chờ", "1  Ông Nguyễn Văn An · thôn Quán Gỏi",
                                    "2  Bà Trần Thị Bình"), "the two registered speakers")

        for _ in range(3):
            next_step(writer, 1, now=clock())
        await wait_for(pilot, shows(app, "Bước 4/6", "Nhân dân phát biểu"), "step 4")

        first = call_next(writer, 1, now=clock())
        await wait_for(pilot, shows(app, "Số 1 · thôn Quán Gỏi", "Lĩnh vực: Kinh tế", "1 người chờ",
                                    "Tiếp theo  2  Bà Trần Thị Bình"),
                       "the first speaker on the floor")
        assert app.screen.query_one("#speaker-name").content.plain == "Ông Nguyễn Văn An"
        timer = app.screen.query_one("#timer", BigDigits)
        assert timer.value == "00:00" and timer.has_class("timer-ok")

        mark_absent(writer, first.id, now=clock())
        await wait_for(pilot, shows(app, "Chưa mời ai phát biểu", "1  Ông Nguyễn Văn An (vắng)",
                                    "1 người chờ · 1 vắng"), "the absent speaker")

        second = call_next(writer, 1, now=clock())
        await wait_for(pilot, shows(app, "Số 2 · thôn Phương Độ", "0 người chờ · 1 vắng"), "the second speaker")
        assert app.screen.query_one("#speaker-name").content.plain == "Bà Trần Thị Bình"
        assert app.screen.has_class("-no-next")  # nobody waiting: no "Tiếp theo" line

        opinion = record_opinion(writer, 1, "Đề nghị sửa đoạn đường trục thôn Phương Độ trước mùa mưa.",
                                 speaker_id=second.id, field_id=fields["Quy hoạch, xây dựng, giao thông"],
                                 now=clock())
        await wait_for(pilot, shows(app, "Ý kiến chờ trả lời · 1", "Quy hoạch, xây dựng, giao thông",
                                    "4  Bà Trần Thị Bình: Đề nghị sửa đoạn đường", "4 ý kiến · 1 chờ trả lời"),
                       "the new opinion waiting for an answer")

        record_answer(writer, opinion.id, outcome=Outcome.ANSWERED, answered_by="Chủ tịch UBND xã",
                      answer="Xã sẽ sửa trong quý III.", now=clock())
        await wait_for(pilot, shows(app, "Ý kiến chờ trả lời · 0", "Không có ý kiến nào đang chờ trả lời.",
                                    "0 chờ trả lời · 2 đã trả lời"), "the answered opinion")

        finish_speaker(writer, second.id, now=clock())
        next_step(writer, 1, now=clock())
        await wait_for(pilot, shows(app, "Bước 5/6", "Chưa mời ai phát biểu"), "step 5")

        end_meeting(writer, 1, now=clock())
        await wait_for(pilot, shows(app, "Chưa có hội nghị nào đang diễn ra…"), "the end of the meeting")


async def test_counter_ticks_from_the_stored_call_moment(db_path, writer):
    clock = FakeClock()
    start_meeting(writer, 1, now=clock())
    speaker = register_speaker(writer, 1, honorific="Bà", name="Lê Thị Huệ", now=clock())
    call_next(writer, 1, now=clock.now - timedelta(minutes=3, seconds=59))
    app = build_chair_app(db_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        timer = app.screen.query_one("#timer", BigDigits)
        await wait_for(pilot, lambda: timer.value == "03:59", "03:59")
        assert timer.has_class("timer-ok")
        clock.advance(seconds=1)  # 04:00 = 80 % of the 5-minute limit
        await wait_for(pilot, lambda: timer.value == "04:00" and timer.has_class("timer-near"), "near")
        assert not timer.has_class("timer-ok")
        clock.advance(seconds=61)
        await wait_for(pilot, lambda: timer.value == "05:01" and timer.has_class("timer-over"), "over")
        assert not timer.has_class("timer-near")
        finish_speaker(writer, speaker.id, now=clock())
        await wait_for(pilot, lambda: timer.value == "" and app.screen.has_class("-nobody"), "no counter")


async def test_rereads_only_when_another_connection_commits(db_path, writer):
    start_meeting(writer, 1)
    app = build_chair_app(db_path, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = chair_screen(app)
        await wait_for(pilot, lambda: screen.reads >= 1, "the first read")
        reads = screen.reads
        await pilot.pause(6 * chair_module.POLL_SECONDS)  # several polls, nothing committed
        assert screen.reads == reads
        register_speaker(writer, 1, honorific="Ông", name="Phan Văn Tư", now=None)
        await wait_for(pilot, shows(app, "Phan Văn Tư"), "the new speaker")
        assert screen.reads == reads + 1


async def test_user_text_is_never_markup(db_path, writer):
    start_meeting(writer, 1)
    speaker = register_speaker(writer, 1, honorific="Bà", name="Phạm Thị [bold]Lan[/]",
                               hamlet="thôn [red]Ngọc Mai", now=None)
    call_next(writer, 1)
    record_opinion(writer, 1, "Giá [link=x]phân bón[/link] tăng", speaker_id=speaker.id)
    app = build_chair_app(db_path, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, shows(app, "Bà Phạm Thị [bold]Lan[/]", "thôn [red]Ngọc Mai",
                                    "Giá [link=x]phân bón[/link] tăng"), "the text exactly as typed")


async def test_no_live_meeting_waits_for_one(db_path, writer):
    app = build_chair_app(db_path, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, shows(app, "Chưa có hội nghị nào đang diễn ra…",
                                    "Màn hình sẽ tự hiện khi thư ký bắt đầu hội nghị."), "the waiting message")
        assert app.screen.has_class("-idle")
        await pilot.pause(4 * chair_module.POLL_SECONDS)
        assert "Chưa có hội nghị nào đang diễn ra…" in screen_text(app)
        start_meeting(writer, 1)
        await wait_for(pilot, shows(app, "Bước 1/6", "Đang phát biểu"), "the meeting once it starts")
        assert not app.screen.has_class("-idle")


async def test_pinned_meeting_states(db_path, writer):
    app = build_chair_app(db_path, clock=FakeClock(), meeting_id=1)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, shows(app, "Hội nghị chưa bắt đầu…"), "not started")
        start_meeting(writer, 1)
        await wait_for(pilot, shows(app, "Bước 1/6"), "the pinned meeting live")
        end_meeting(writer, 1, now=FakeClock().advance(minutes=240))
        await wait_for(pilot, shows(app, "Hội nghị đã kết thúc lúc 11:30."), "the end")
    app = build_chair_app(db_path, clock=FakeClock(), meeting_id=99)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, shows(app, "Không có hội nghị số 99."), "a meeting that does not exist")


async def test_failed_polls_are_retried_and_a_lasting_failure_is_shown(db_path, writer, monkeypatch):
    start_meeting(writer, 1)
    app = build_chair_app(db_path, clock=FakeClock())
    broken = {"on": False}
    real = chair_module.data_version

    def flaky(db):
        if broken["on"]:
            raise sqlite3.OperationalError("database is locked")
        return real(db)

    monkeypatch.setattr(chair_module, "data_version", flaky)
    monkeypatch.setattr(chair_module, "OFFLINE_AFTER", 0.5)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, shows(app, "Bước 1/6"), "the live meeting")
        broken["on"] = True
        register_speaker(writer, 1, honorific="Ông", name="Hà Văn Sơn")
        await wait_for(pilot, shows(app, "Mất kết nối với tệp dữ liệu… đang thử lại"), "the quiet offline line")
        assert "Hà Văn Sơn" not in screen_text(app)
        assert app.is_running  # not fatal
        broken["on"] = False
        await wait_for(pilot, shows(app, "Hà Văn Sơn"), "the change made while offline")
        await wait_for(pilot, lambda: "Mất kết nối" not in screen_text(app), "the offline line gone")


async def test_a_lost_connection_is_reopened(db_path, writer, monkeypatch):
    start_meeting(writer, 1)
    monkeypatch.setattr(chair_module, "OFFLINE_AFTER", 0.3)
    app = build_chair_app(db_path, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, shows(app, "Bước 1/6"), "the live meeting")
        old = app.db
        old.close()  # every poll on it now fails
        register_speaker(writer, 1, honorific="Bà", name="Vũ Thị Hoa")
        await wait_for(pilot, shows(app, "Vũ Thị Hoa"), "the change, read on a new connection")
        assert app.db is not old
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            app.db.execute("DELETE FROM meetings")


WRITER_SCRIPT = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)  # no waiting on locks
    worst = 0.0
    for i in range(int(sys.argv[2])):
        t = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO drafts (meeting_id, key, text, saved_at) VALUES (1, 'lock-test', ?, '') "
                     "ON CONFLICT (meeting_id, key) DO UPDATE SET text = excluded.text", [str(i)])
        conn.execute("COMMIT")
        worst = max(worst, time.perf_counter() - t)
        time.sleep(0.05)  # spread the commits over many of the chair's polls
    print(worst)
""")


async def test_chair_never_blocks_the_secretary(db_path, writer):
    """While the chair polls and re-reads, a writer in another process takes the
    write lock with BEGIN IMMEDIATE and no busy timeout, 40 times, and never waits."""
    start_meeting(writer, 1)
    for i in range(30):
        register_speaker(writer, 1, honorific="Ông", name=f"Người thử {i}")
    app = build_chair_app(db_path, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = chair_screen(app)
        await wait_for(pilot, shows(app, "Người thử 0"), "the queue")
        reads = screen.reads
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-c", WRITER_SCRIPT, str(db_path), "40", cwd=REPO,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await proc.communicate()
        assert proc.returncode == 0, err.decode()
        assert float(out) < 0.5, f"a commit took {float(out):.3f} s"
        assert screen.reads > reads + 3, "the chair was not re-reading while the writer committed"


def test_chair_query_module_stays_in_db():
    """db.queries_chair is store code: no textual, rich or reportlab."""
    import subprocess

    code = ("import sys, db.queries_chair\n"
            "print(','.join(m for m in ('textual', 'rich', 'reportlab') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


_user_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)


@given(name=_user_text, hamlet=_user_text, gist=_user_text)
def test_lines_keep_user_text_verbatim(name, hamlet, gist):
    """Queue and opinion lines carry names and opinions as plain text: brackets,
    backslashes and markup-looking text come out exactly as typed."""
    speaker = Speaker(id=1, reg_no=7, honorific="Bà", name=name, hamlet=hamlet, organisation=None,
                      field_id=None, field_name=None, status=SpeakerStatus.ABSENT,
                      registered_at="2026-06-18T07:30:00", called_at=None, finished_at=None, spoke_order=None)
    assert queue_line(speaker).plain == f"  7  Bà {name} (vắng) · {hamlet}"
    opinion = WaitingOpinion(number=12, source=Source.SPOKEN, who=f"Bà {name}", field_name=None, gist=gist)
    assert opinion_line(opinion).plain == f" 12  Bà {name}: {gist}"


# -- issue 13 item 3: the time running out in words; the next two names ---------------

async def test_time_running_out_in_words_and_the_next_two_names(db_path, writer):
    clock = FakeClock()
    start_meeting(writer, 1, now=clock())
    speaker = register_speaker(writer, 1, honorific="Bà", name="Lê Thị Huệ", now=clock())
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Đỗ Văn Hùng"):
        register_speaker(writer, 1, honorific="Ông", name=name, now=clock())
    call_next(writer, 1, now=clock.now - timedelta(minutes=3, seconds=59))
    app = build_chair_app(db_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        words = app.screen.query_one("#time-words")
        await wait_for(pilot, shows(app, "Tiếp theo  2  Ông Nguyễn Văn An", "Sau đó  3  Ông Trần Thị Bình"),
                       "the next two names")
        assert "Đỗ Văn Hùng" not in str(app.screen.query_one("#next").render())
        assert str(words.content) == ""  # 01:01 left: nothing yet
        clock.advance(seconds=1)  # 04:00 of 05:00
        await wait_for(pilot, shows(app, "Còn 1 phút"), "one minute left")
        clock.advance(seconds=60)  # 05:00
        await wait_for(pilot, lambda: str(words.content) == "HẾT GIỜ", "the limit")
        clock.advance(seconds=42)
        await wait_for(pilot, shows(app, "HẾT GIỜ · quá 00:42"), "how far over")
        assert words.has_class("timer-over")
        finish_speaker(writer, speaker.id, now=clock())
        await wait_for(pilot, lambda: "HẾT GIỜ" not in screen_text(app), "the words gone with the speaker")


def test_time_words_is_one_pure_function():
    from screens.timing import time_words

    assert [time_words(s, 5) for s in (0, 239, 240, 299, 300, 301, 342, 3900)] == [
        "", "", "Còn 1 phút", "Còn 1 phút", "HẾT GIỜ", "HẾT GIỜ · quá 00:01", "HẾT GIỜ · quá 00:42",
        "HẾT GIỜ · quá 1:00:00"]
    assert time_words(10_000, None) == time_words(10_000, 0) == ""


# -- issue 14 defect 10: the file replaced, cut short or removed under the display -----

async def _live_chair(db_path, writer):
    start_meeting(writer, 1)
    register_speaker(writer, 1, honorific="Ông", name="Cao Văn Cũ")
    return build_chair_app(db_path, clock=FakeClock())


async def test_a_replaced_file_is_said_and_reopened(db_path, writer, tmp_path, demo_plan):
    import os

    from db.meetings import create_meeting

    app = await _live_chair(db_path, writer)
    other = tmp_path / "other.db"
    db = open_db(other)
    create_meeting(db, demo_plan)
    start_meeting(db, 1)
    register_speaker(db, 1, honorific="Bà", name="Mới Thị Thay")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, shows(app, "Cao Văn Cũ"), "the old file's speaker")
        old = app.db
        os.replace(other, db_path)  # a restore from a backup, a copy over the name
        for suffix in ("-wal", "-shm"):
            other.with_name(db_path.name + suffix).unlink(missing_ok=True)
        await wait_for(pilot, shows(app, "Mới Thị Thay", "Đã mở lại tệp dữ liệu lúc"), "the new file, reopened")
        assert "Cao Văn Cũ" not in screen_text(app) and app.db is not old
        assert not app.screen.has_class("-stale")


async def test_a_removed_file_is_said_and_waited_for(db_path, writer, tmp_path):
    app = await _live_chair(db_path, writer)
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, shows(app, "Cao Văn Cũ"), "the speaker")
        moved = tmp_path / "moved.db"
        db_path.rename(moved)
        await wait_for(pilot, shows(app, "đã bị xóa hoặc đổi tên"), "the removal said")
        assert app.screen.has_class("-stale") and app.is_running
        moved.rename(db_path)
        await wait_for(pilot, lambda: not app.screen.has_class("-stale"), "the file back")


async def test_a_truncated_file_is_said(db_path, writer):
    app = await _live_chair(db_path, writer)
    writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, shows(app, "Cao Văn Cũ"), "the speaker")
        with open(db_path, "r+b") as handle:
            handle.truncate(4096)
        await wait_for(pilot, shows(app, "bị cắt ngắn"), "the truncation said")
        assert app.screen.has_class("-stale") and app.is_running


async def test_a_file_copied_over_in_place_is_read_afresh(db_path, tmp_path, demo_plan):
    """`copy backup.db meeting.db` keeps the file (same inode) but not its content; no
    commit tells the chair's connection, so it is reopened when the file moves alone."""
    import shutil

    from db.meetings import create_meeting

    writer = open_db(db_path)
    start_meeting(writer, 1)
    register_speaker(writer, 1, honorific="Ông", name="Cao Văn Cũ")
    writer.close()
    other = tmp_path / "other.db"
    db = open_db(other)
    create_meeting(db, demo_plan)
    start_meeting(db, 1)
    register_speaker(db, 1, honorific="Bà", name="Mới Thị Chép")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    app = build_chair_app(db_path, clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, shows(app, "Cao Văn Cũ"), "the old content")
        await pilot.pause(2 * chair_module.POLL_SECONDS)
        shutil.copyfile(other, db_path)
        await wait_for(pilot, shows(app, "Mới Thị Chép"), "the copied content")
