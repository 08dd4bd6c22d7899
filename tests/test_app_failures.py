"""The app itself when the store fails: a database it cannot open (not SQLite, a
read-only folder) stops `doithoai` in the terminal with one sentence and exit code 2,
no traceback; a full disk while the meeting runs gives one sentence in the app, keeps
what was typed on screen, writes nothing half-way, and the same key works once there
is room again."""

from __future__ import annotations

import os
import textwrap
import unicodedata

import pytest
from textual import events

from db.connection import open_db
from db.errors import DatabaseUnavailable
from db.meetings import get_draft
from tui.app import build_app

from .conftest import REPO
from .live_helpers import keys, make_meeting, said, type_text
from .terminal import AppTerminal, squash

FULL = "Ổ đĩa đầy hoặc lỗi ghi tệp; hãy giải phóng dung lượng rồi thử lại — nội dung đang gõ vẫn còn trên màn hình."

# As root the kernel grants every write, so a read-only folder is simulated where the
# app asks: os.access (the check open_db makes before SQLite touches the folder).
_READ_ONLY_HOOK = """
import os
_folder = os.environ.get("DOITHOAI_TEST_READ_ONLY")
if _folder:
    _access = os.access

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and os.path.abspath(os.fspath(path)).startswith(_folder):
            return False
        return _access(path, mode, *args, **kwargs)

    os.access = access
"""


def _read_only(folder, monkeypatch, hooks) -> dict:
    """Make `folder` read-only for this process and for the app's; the app's environment."""
    folder.chmod(0o500)
    if os.geteuid() != 0:
        return {}
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if mode & os.W_OK and os.path.abspath(
        os.fspath(p)).startswith(str(folder)) else real(p, mode, *a, **k))
    hooks.mkdir(exist_ok=True)
    (hooks / "sitecustomize.py").write_text(textwrap.dedent(_READ_ONLY_HOOK), encoding="utf-8")
    return {"DOITHOAI_TEST_READ_ONLY": str(folder), "PYTHONPATH": f"{hooks}{os.pathsep}{REPO}"}


@pytest.mark.parametrize("case", ["not_sqlite", "read_only_folder_new_file", "read_only_folder_existing_file"])
def test_opening_an_unusable_database_in_a_terminal(tmp_path, monkeypatch, request, case, clock):
    env = {}
    if case == "not_sqlite":
        target = tmp_path / "bien-ban.db"
        target.write_bytes(b"PK\x03\x04" + "đây là tệp nén, không phải SQLite ".encode() * 200)
    else:
        folder = tmp_path / "chi-doc"
        folder.mkdir()
        target = folder / "hoi-nghi.db"
        if case == "read_only_folder_existing_file":
            make_meeting(target, clock)
        request.addfinalizer(lambda: folder.chmod(0o700))
        env = _read_only(folder, monkeypatch, tmp_path / "hooks")
    before = target.read_bytes() if target.exists() else None
    with pytest.raises(DatabaseUnavailable) as info:  # the sentence the store gives, in this process
        open_db(target)
    sentence = info.value.message
    assert sentence.endswith(".") and "\n" not in sentence

    with AppTerminal.doithoai(target, cols=100, rows=30, env=env) as term:
        code = term.wait_exit(timeout=30)
        shown = term.text()
    assert code == 2
    assert squash(shown) == squash(sentence), shown  # that sentence and nothing else: no traceback
    assert "Traceback" not in term.tail()
    after = target.read_bytes() if target.exists() else None
    assert after == before  # not created, not touched
    assert sorted(p.name for p in target.parent.iterdir() if p.name.startswith(target.name)) == (
        [target.name] if before is not None else [])


async def _live_with_speaker(pilot) -> None:
    await keys(pilot, "ctrl+n", "enter")
    await keys(pilot, "f2")
    await type_text(pilot, "Lê Văn Cường")
    await keys(pilot, "tab")
    await type_text(pilot, "thôn Ngọc Mai")
    await keys(pilot, "enter", "f3")


def _fill_the_disk(db) -> int:
    """The file may not grow by one more page (SQLite's max_page_count on the app's
    own connection); returns how many free pages are left inside it."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    assert db.execute(f"PRAGMA max_page_count = {pages}").fetchone()[0] == pages
    return db.execute("PRAGMA freelist_count").fetchone()[0]


def _record_rows(db, meeting_id: int) -> tuple:
    return (db.execute("SELECT count(*) FROM opinions WHERE meeting_id = ?", [meeting_id]).fetchone()[0],
            db.execute("SELECT count(*) FROM journal WHERE meeting_id = ?", [meeting_id]).fetchone()[0])


async def test_full_disk_at_f6_keeps_the_text_and_records_once_there_is_room(tmp_path, clock):
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    typed = "Đề nghị xã giải quyết dứt điểm việc lấn chiếm hành lang đường trục thôn Ngọc Mai. "
    # A written submission the speaker hands over, pasted after the typed words: long
    # enough (about 9 KB) to need more pages than the file has free.
    pasted = "Nội dung đơn kiến nghị của bà con tổ 3 gửi kèm: đường lầy lội, rãnh tắc, đèn hỏng. " * 80
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _live_with_speaker(pilot)
        editor = app.screen.editor
        await type_text(pilot, typed)
        app.post_message(events.Paste(pasted))  # as the terminal driver delivers a paste
        await pilot.pause()
        text = typed + pasted
        assert editor.text == text
        db = app.db
        free_pages = _fill_the_disk(db)
        assert free_pages * 4096 < len(text.encode())  # the opinion cannot fit in what is left
        before = _record_rows(db, meeting_id)
        draft_before = get_draft(db, meeting_id, "opinion")

        await keys(pilot, "f6")
        errors = said(app, "error")
        assert errors == [FULL]  # one sentence, the one that says what to do
        assert editor.text == text  # nothing typed is lost
        assert app.screen.focused is editor
        assert _record_rows(db, meeting_id) == before  # nothing half-written
        assert get_draft(db, meeting_id, "opinion") == draft_before
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

        db.execute("PRAGMA max_page_count = 1073741823")  # room again
        await keys(pilot, "f6")
        assert editor.text == ""
        assert said(app)[-1].startswith("Đã ghi ý kiến số 4.")
    db = open_db(path)
    stored = unicodedata.normalize("NFC", text).strip()
    assert db.execute("SELECT number FROM opinions WHERE content = ?", [stored]).fetchall() == [(4,)]
    assert db.execute("SELECT count(*) FROM journal WHERE op = 'opinion.record'").fetchone()[0] == 1
    assert get_draft(db, meeting_id, "opinion") is None
    db.close()


async def test_typing_on_with_a_full_disk_shows_the_sentence_once(tmp_path, clock):
    """The draft is saved 0.3 s after typing; while the disk stays full each save
    fails. The secretary is told once, not every 0.3 s in a pile of identical
    notifications over the text being typed, which stays."""
    path = tmp_path / "m.db"
    meeting_id = make_meeting(path, clock)
    app = build_app(path, clock=clock, meeting_id=meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await _live_with_speaker(pilot)
        editor = app.screen.editor
        app.post_message(events.Paste("Ý kiến viết sẵn của cử tri về đường giao thông nội đồng. " * 100))
        await pilot.pause()
        free_pages = _fill_the_disk(app.db)
        assert free_pages * 4096 < len(editor.text.encode())  # the draft cannot fit
        for _ in range(3):  # three draft saves fall due, each fails
            await type_text(pilot, " thêm")
            await pilot.pause(1.7)
        errors = said(app, "error")
        assert errors == [FULL]
        assert editor.text.endswith(" thêm thêm thêm")
        assert get_draft(app.db, meeting_id, "opinion") is None  # nothing kept: the disk is full

        app.db.execute("PRAGMA max_page_count = 1073741823")
        await type_text(pilot, ".")
        await pilot.pause(1.7)
        assert get_draft(app.db, meeting_id, "opinion") == editor.text  # kept again once there is room
