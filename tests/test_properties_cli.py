"""Every command-line entry point fed hostile files (hypothesis builds TOML, JSON, CSV,
XLSX, plain text and damaged databases): the exit code is 0 or 2 (1 where the command
documents it), never a traceback. In-process (`tui.cli.main`), with the two
full-screen commands' `run` replaced so nothing takes the terminal.

Example counts stay small in the normal run (HYPOTHESIS_PROFILE=thorough for more)."""

from __future__ import annotations

import io
import json
import os
import random
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from db.connection import open_db
from db.exchange import dumps, export_meeting
from db.meetings import create_meeting, end_meeting, start_meeting
from intake.plan_file import load_plan
from tui.cli import main

from .conftest import DEMO_PLAN
from .strategies import hostile

THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"
SETTINGS = settings(max_examples=200 if THOROUGH else 12, deadline=None, derandomize=not THOROUGH,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.data_too_large])
#: Commands whose documented exit 1 is a finding, not an error.
MAY_EXIT_1 = {"verify", "import-before"}


def run(*args) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err), \
            mock.patch("textual.app.App.run", lambda self, *a, **k: None):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse: a bad option
            code = exc.code
    text = err.getvalue()
    allowed = {0, 2} | ({1} if args and any(a in MAY_EXIT_1 for a in map(str, args)) else set())
    assert code in allowed, (code, text)
    assert "Traceback" not in text and "Traceback" not in out.getvalue()
    return code, text


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    """A store with the demo meeting ended (so seal, print, verify have work)."""
    path = tmp_path_factory.mktemp("store") / "good.db"
    db = open_db(path)
    mid = create_meeting(db, load_plan(DEMO_PLAN))
    start_meeting(db, mid)
    end_meeting(db, mid, backup=False)
    db.close()
    return path


_counter = iter(range(10 ** 9))


def _file(folder: Path, suffix: str, data: bytes | str) -> Path:
    path = folder / f"f{next(_counter)}{suffix}"
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    path.write_bytes(data)
    return path


# -- TOML --------------------------------------------------------------------------

_KEYS = ["title", "organisation", "place_name", "venue", "date", "start", "end", "speaking_limit_minutes",
         "name", "group", "invited", "content", "lead", "minutes", "dialogue", "outcome", "agency",
         "deadline", "answer", "fields", "x"]
_TABLES = ["[meeting]", "[[chairs]]", "[secretary]", "[[programme]]", "[[attendance]]", "[[before]]",
           "[[meeting]]", "[x]", "[chairs]"]
_toml_scalar = st.one_of(
    hostile.map(json.dumps), st.integers(min_value=-(10 ** 30), max_value=10 ** 30).map(str),
    st.sampled_from(["true", "false", "2026-06-18", "07:30:00", "1979-05-27T07:32:00", "nan", "inf", "1e999",
                     "[]", "{}", '["a", 1]', "{a = 1}", '"""\nnhiều dòng\n"""', "'đơn'", "2026-13-45"]))
_toml_line = st.one_of(st.sampled_from(_TABLES), st.builds(lambda k, v: f"{k} = {v}", st.sampled_from(_KEYS),
                                                         _toml_scalar), hostile)
toml_text = st.one_of(
    st.lists(_toml_line, max_size=25).map("\n".join),
    st.builds(lambda lines, seed: _mutate_lines(DEMO_PLAN.read_text(encoding="utf-8"), lines, seed),
              st.lists(_toml_line, max_size=4), st.integers(0, 10 ** 6)),
)


def _mutate_lines(text: str, extra: list[str], seed: int) -> str:
    lines = text.splitlines()
    rnd = random.Random(seed)
    for line in extra:
        where = rnd.randrange(len(lines) + 1)
        if rnd.random() < 0.5 and lines:
            lines[min(where, len(lines) - 1)] = line
        else:
            lines.insert(where, line)
    return "\n".join(lines)


@SETTINGS
@given(text=toml_text)
def test_plan_files_check_and_new(store, tmp_path, text):
    plan = _file(tmp_path, ".toml", text)
    run("check", plan)
    run("--db", store, "new", plan)


# -- JSON --------------------------------------------------------------------------

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(min_value=-(10 ** 40), max_value=10 ** 40),
              st.floats(allow_nan=True), hostile,
              st.sampled_from(["2026-06-18", "07:30", "2026-06-18T07:30:00", "spoken", "live", "speaking",
                               "assigned", "Ông", ""])),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(_KEYS + [
        "reg_no", "status", "source", "speaker", "number", "key", "follows"]), inner, max_size=4)),
    max_leaves=12)


def _poke(doc: object, path: list[int], value: object) -> object:
    """Replace (or delete, for value Ellipsis) the node that `path` picks."""
    node = doc
    for step in path:
        children = list(node.items()) if isinstance(node, dict) else list(enumerate(node)) \
            if isinstance(node, list) else []
        if not children:
            break
        key, child = children[step % len(children)]
        if not isinstance(child, (dict, list)) or step % 3 == 0:
            if value is Ellipsis:
                del node[key]
            else:
                node[key] = value
            return doc
        node = child
    return doc


@SETTINGS
@given(data=st.data())
def test_json_import(store, tmp_path, data):
    db = open_db(store)
    base = json.loads(dumps(export_meeting(db, 1)))
    db.close()
    kind = data.draw(st.sampled_from(["poke", "poke", "delete", "raw", "deep", "bom"]))
    if kind == "raw":
        raw = data.draw(st.one_of(st.text(max_size=300), json_values.map(json.dumps))).encode("utf-8", "replace")
    elif kind == "deep":
        raw = ("[" * data.draw(st.integers(20, 5000))).encode()
    else:
        for _ in range(data.draw(st.integers(1, 4))):
            path = data.draw(st.lists(st.integers(0, 50), min_size=1, max_size=5))
            base = _poke(base, path, Ellipsis if kind == "delete" else data.draw(json_values))
        raw = json.dumps(base, ensure_ascii=False).encode("utf-8", "surrogatepass")
        if kind == "bom":
            raw = b"\xef\xbb\xbf" + raw
    run("--db", store, "import", _file(tmp_path, ".json", raw))


# -- CSV and XLSX ------------------------------------------------------------------

_cell = st.one_of(hostile, st.sampled_from(["STT", "Họ và tên", "Nội dung ý kiến", "Lĩnh vực", "Trả lời",
                                            "Kết quả", "giao", "Thời hạn", "31/12/2026", '"', '""', "=1+1"]))
_rows = st.lists(st.lists(_cell, max_size=7), max_size=10)


@SETTINGS
@given(rows=_rows, delimiter=st.sampled_from([",", ";", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"]),
       header=st.booleans())
def test_csv_sheets(store, tmp_path, rows, delimiter, encoding, header):
    if header:
        rows = [["STT", "Họ và tên", "Nội dung ý kiến"], *rows]
    text = "\n".join(delimiter.join(cells) for cells in rows)
    data = text.encode(encoding, "replace") if encoding != "utf-16" else text.encode("utf-16", "surrogatepass")
    sheet = _file(tmp_path, ".csv", data)
    run("--db", store, "import-before", sheet)
    run("--db", store, "import-before", sheet, "--yes")


_xlsx_cell = st.one_of(st.none(), st.integers(-(2 ** 40), 2 ** 40), st.floats(allow_nan=False, allow_infinity=False),
                       _cell.map(lambda s: ILLEGAL_CHARACTERS_RE.sub("", s)), st.dates())


@SETTINGS
@given(rows=st.lists(st.lists(_xlsx_cell, max_size=6), max_size=8), merge=st.booleans(), header=st.booleans())
def test_xlsx_sheets(store, tmp_path, rows, merge, header):
    book = Workbook()
    sheet = book.active
    if header:
        sheet.append(["STT", "Họ và tên", "Nội dung ý kiến"])
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells("B2:B4")
    path = tmp_path / f"s{next(_counter)}.xlsx"
    book.save(path)
    run("--db", store, "import-before", path, "--yes")


@SETTINGS
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".xlsx", ".csv", ".xls", ".docx", ".txt"]))
def test_random_bytes_as_sheets_and_documents(store, tmp_path, data, suffix):
    path = _file(tmp_path, suffix, (b"PK\x03\x04" + data) if suffix in (".xlsx", ".docx") and data[:1] == b"\0"
                 else data)
    run("--db", store, "import-before", path)
    run("import-plan", path)


# -- plan documents (text) -----------------------------------------------------------

_plan_line = st.one_of(hostile, st.sampled_from([
    "KẾ HOẠCH", "Tổ chức Hội nghị tiếp xúc, đối thoại", "Thời gian: ngày 1/1/2023 từ 7h30",
    "Địa điểm: Hội trường UBND xã", "Chủ trì: đồng chí Nguyễn Văn A - Chủ tịch UBND xã",
    "Thư ký: đồng chí B", "II. CHƯƠNG TRÌNH", "1. Khai mạc", "- Nhân dân phát biểu ý kiến",
    "Thành phần:", "ngày 31/02/2026", "từ 25h99", "Thời gian: ", "đến 11 giờ 30"]))


@SETTINGS
@given(lines=st.lists(_plan_line, max_size=30), out=st.booleans())
def test_plan_documents(tmp_path, lines, out):
    document = _file(tmp_path, ".txt", "\n".join(lines))
    if out:
        run("import-plan", document, "--out", tmp_path / "new" / f"p{next(_counter)}.toml")
    else:
        run("import-plan", document)


# -- damaged databases, every command that opens one --------------------------------

COMMANDS = [["list"], ["export"], ["export", "--journal"], ["history"], ["verify"], ["seal"],
            ["reopen", "--reason", "thử"], ["open"], ["chair"], ["new", str(DEMO_PLAN)],
            ["print", "--out", "{out}"]]


@SETTINGS
@given(kind=st.sampled_from(["flip", "flip", "truncate", "random", "header"]), seed=st.integers(0, 10 ** 6),
       command=st.sampled_from(COMMANDS))
def test_damaged_databases(store, tmp_path, kind, seed, command):
    rnd = random.Random(seed)
    data = bytearray(store.read_bytes())
    if kind == "flip":
        for _ in range(rnd.randint(1, 40)):
            data[rnd.randrange(100, len(data))] = rnd.randrange(256)
    elif kind == "truncate":
        data = data[: rnd.randrange(1, len(data))]
    elif kind == "random":
        data = bytearray(rnd.randbytes(rnd.randint(1, 5000)))
    else:
        data = bytearray(b"SQLite format 3\x00" + rnd.randbytes(rnd.randint(0, 5000)))
    path = _file(tmp_path, ".db", bytes(data))
    args = [a.replace("{out}", str(tmp_path / "pdf")) for a in command]
    run("--db", path, *args)
