"""The real app in a real pseudo-terminal: an input method's retyping burst written in one
go (as Unikey's keystrokes reach a terminal), Alt+Z as the terminal sends it (ESC z), Telex
typed at full speed, and the choice kept in the settings file for the next run."""

from __future__ import annotations

import json
import sys

import pytest

from db.connection import open_db

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="drives the app through a POSIX pty")

if sys.platform != "win32":
    from .terminal import AppTerminal

# "Tieengs": T i e, the second e becomes backspace + ê, n g, then s becomes five backspaces
# and the whole syllable again; then a space and "Vieetj" the same way.
UNIKEY = ("Tie\x7fêng" + "\x7f" * 5 + "Tiếng" + " " + "Vie\x7fêt" + "\x7f" * 2 + "ệt").encode()
TELEX = "DDeef nghij xax suwar dduwowngf trucj thoon Quans Gori, QL1A bij ngaapj 0,5 m.".encode()


def spoken(path) -> list[str]:
    db = open_db(path)
    try:
        return [r[0] for r in db.execute("SELECT content FROM opinions WHERE source = 'spoken' ORDER BY number")]
    finally:
        db.close()


def test_retyping_and_telex_in_a_real_terminal(db_path, tmp_path):
    config = tmp_path / "config"
    with AppTerminal.doithoai(db_path, cols=120, rows=36, env={"DOITHOAI_CONFIG": str(config)}) as term:
        term.wait_for("Danh sách hội nghị")
        term.press("enter")
        term.wait_for("Chương trình")
        term.press("ctrl+n")
        term.wait_for("Ghi giờ bắt đầu thực tế")
        term.press("enter")
        term.wait_for("Bước 1/")
        term.press("f2")
        term.wait_for("Danh xưng")
        term.send("An")
        term.press("enter")
        term.wait_for("Hàng chờ · chờ 1")
        term.press("f3")
        term.wait_for("Ý kiến của số 1")
        term.send(UNIKEY)  # one write: the app reads it as one burst
        term.wait_for("Tiếng Việt")
        term.press("f6")
        term.wait_for("Đã ghi ý kiến số")
        term.send(b"\x1bz")  # Alt+Z
        term.wait_for("TELEX")
        term.send(TELEX)
        term.wait_for("QL1A bị ngập 0,5 m.")
        term.press("f6")
        term.wait_until(lambda: len(spoken(db_path)) == 2, "the second opinion stored")
        assert term.quit() == 0  # answers the live meeting's question
    assert spoken(db_path) == ["Tiếng Việt",
                               "Đề nghị xã sửa đường trục thôn Quán Gỏi, QL1A bị ngập 0,5 m."]
    assert json.loads((config / "settings.json").read_text(encoding="utf-8"))["vn_typing"] == "telex"
