"""Screens keep one convention: they reach the store, its file and the clock through
`self.store` (screens.store_call.Store), never through the App's attributes; forms
return what was typed and the screen that opened them calls the store, opening the
form again with the same values when the store refuses."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Select, TextArea

from db.connection import open_db
from db.models import Source
from db.opinions import list_opinions
from screens.before_opinion_form import BeforeOpinionModal
from screens.widgets.form_field import FormField
from tui.app import build_app

from .conftest import REPO

#: What a screen must not write to reach the store or the clock (use self.store).
FORBIDDEN = [
    (re.compile(r"\bapp\.db\b"), "app.db (use self.store.db)"),
    (re.compile(r"\bapp\.clock\("), "app.clock() (use self.store.now())"),
    (re.compile(r"\bapp\.db_path\b"), "app.db_path (use self.store.path)"),
    (re.compile(r"getattr\(\s*\w+\.app\b"), "getattr(self.app, …) (use self.store or a typed host)"),
    (re.compile(r"getattr\(\s*\w*app\s*,\s*[\"'](db|db_path|clock|store|reconnect)[\"']"),
     "getattr(app, \"db…\") (use self.store or a typed host)"),
]


def offences(source: str) -> list[tuple[int, str]]:
    return [(number, what) for number, line in enumerate(source.splitlines(), 1)
            for pattern, what in FORBIDDEN if pattern.search(line)]


def test_the_patterns_catch_what_they_forbid():
    caught = offences('db = self.app.db\nnow = self.app.clock()\npath = getattr(self.app, "db_path", None)\n'
                      "p = screen.app.db_path\nok = self.store.db\n"
                      'f = getattr(app, "reconnect", None)\nn = getattr(app, "_notifications", ())\n')
    assert [n for n, _ in caught] == [1, 2, 3, 4, 6]


def test_no_screen_reaches_the_store_or_the_clock_through_the_app():
    found = []
    for path in sorted((REPO / "screens").rglob("*.py")):
        for number, what in offences(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(REPO).as_posix()}:{number}: {what}")
    assert not found, "screens reach the app's attributes:\n" + "\n".join(found)


def _fill(form: BeforeOpinionModal) -> None:
    form.query_one("#typed-author", FormField).value = "Ông Hà Văn Lộc"
    form.query_one("#typed-content", TextArea).text = "Đề nghị sửa đường nội đồng."
    form.query_one("#typed-field", Select).value = "Quy hoạch, xây dựng, giao thông"


@pytest.mark.parametrize("refused", [False, True])
async def test_the_screen_saves_the_typed_opinion_and_reopens_the_form_when_refused(db_path, clock, refused):
    app = build_app(db_path, clock=clock)
    other = open_db(db_path)  # another program on the same file
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("b", "a")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, BeforeOpinionModal)
            before = len(list_opinions(app.db, 1, source=Source.BEFORE))
            _fill(form)
            if refused:
                other.execute("BEGIN IMMEDIATE")  # holds the write lock: the store refuses
            await pilot.press("ctrl+s")
            await pilot.pause()
            if refused:
                again = app.screen
                assert isinstance(again, BeforeOpinionModal) and again is not form
                assert again.query_one("#typed-author", FormField).value == "Ông Hà Văn Lộc"
                assert again.query_one("#typed-content", TextArea).text == "Đề nghị sửa đường nội đồng."
                assert again.query_one("#typed-field", Select).value == "Quy hoạch, xây dựng, giao thông"
                assert len(list_opinions(app.db, 1, source=Source.BEFORE)) == before
                other.execute("ROLLBACK")
                await pilot.press("ctrl+s")
                await pilot.pause()
            assert type(app.screen).__name__ == "BeforeOpinionsScreen"
            *_, opinion = opinions = list_opinions(app.db, 1, source=Source.BEFORE)
            assert len(opinions) == before + 1
            assert (opinion.author, opinion.content) == ("Ông Hà Văn Lộc", "Đề nghị sửa đường nội đồng.")
    finally:
        other.close()
