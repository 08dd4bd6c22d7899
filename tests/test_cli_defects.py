"""Issue 14's numbered defects, each through the command line as a user meets it
(in-process `tui.cli.main`, real files): 1 a foreign database, 3 JSON tracebacks,
4 output paths, 8 weak refusals (TOML, JSON, check), 9 limits, 11 file modes."""

from __future__ import annotations

import json
import os
import sqlite3
import stat

import pytest

from db import meetings, opinions, speakers
from db.connection import open_db
from db.errors import ValidationError
from intake.plan_file import load_plan
from tui.cli import main

from .conftest import DEMO_PLAN, REPO


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def exported(db_path, tmp_path, capsys):
    """The demo meeting's export, as a dict."""
    code, _, _ = cli(capsys, "--db", db_path, "export", "--out", tmp_path / "demo.json")
    assert code == 0
    return json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))


def _import(capsys, db_path, tmp_path, doc, *, raw: bytes | None = None):
    path = tmp_path / "in.json"
    path.write_bytes(raw if raw is not None else json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    before = len(meetings.list_meetings(open_db(db_path)))
    code, out, err = cli(capsys, "--db", db_path, "import", path)
    if code != 0:
        assert len(meetings.list_meetings(open_db(db_path))) == before  # nothing changed
    return code, out, err


# -- 1 -----------------------------------------------------------------------------

def test_1_list_on_another_programs_database_changes_nothing(tmp_path, capsys):
    path = tmp_path / "f.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE users (id)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    code, out, err = cli(capsys, "--db", path, "list")
    assert code == 2 and "chương trình khác" in err and len(err.strip().splitlines()) == 1
    assert out == "" and path.read_bytes() == before


# -- 3 -----------------------------------------------------------------------------

def test_3_huge_integer_and_deep_nesting_are_refused_with_a_path(db_path, tmp_path, capsys, exported):
    exported["speakers"] = [{"reg_no": 10 ** 30, "honorific": "Ông", "name": "An", "status": "waiting",
                             "registered_at": "2026-06-18T07:30:00"}]
    code, _, err = _import(capsys, db_path, tmp_path, exported)
    assert code == 2 and "speakers[0].reg_no: số quá lớn" in err
    code, _, err = _import(capsys, db_path, tmp_path, None, raw=b"[" * 100_000)
    assert code == 2 and "lồng nhau quá" in err
    code, _, err = _import(capsys, db_path, tmp_path, None, raw=b'{"a": ' + b"9" * 5000 + b"}")
    assert code == 2


# -- 4 -----------------------------------------------------------------------------

def test_4_output_folders_are_created_or_refused_clearly(db_path, tmp_path, capsys):
    out = tmp_path / "no" / "dir" / "x.json"
    code, _, _ = cli(capsys, "--db", db_path, "export", "--out", out)
    assert code == 0 and json.loads(out.read_text(encoding="utf-8"))["format"] == "doithoai.meeting"
    document = sorted((REPO / "tests" / "plan_documents").glob("*.txt"))[0]
    plan = tmp_path / "other" / "p.toml"
    code, _, _ = cli(capsys, "import-plan", document, "--out", plan)
    assert code == 0 and "[meeting]" in plan.read_text(encoding="utf-8")
    (tmp_path / "afile").write_text("x")
    for target in (tmp_path / "no", tmp_path / "afile" / "x.json"):  # a folder; under a file
        code, _, err = cli(capsys, "--db", db_path, "export", "--out", target)
        assert code == 2 and len(err.strip().splitlines()) == 1
        code, _, err = cli(capsys, "import-plan", document, "--out", target)
        assert code == 2 and len(err.strip().splitlines()) == 1
    code, _, err = cli(capsys, "--db", db_path, "print", "--out", tmp_path / "afile")
    assert code == 2 and len(err.strip().splitlines()) == 1


# -- 8 -----------------------------------------------------------------------------

def test_8_broken_toml_says_which_key_and_what_to_write(tmp_path, capsys):
    plan = tmp_path / "p.toml"
    plan.write_text("[meeting]\ntitle = Hội nghị không có ngoặc kép\n", encoding="utf-8")
    code, _, err = cli(capsys, "check", plan)
    assert code == 2
    assert f"{plan}:2: lỗi cú pháp TOML ở khóa 'title'" in err and "ngoặc kép" in err


def test_8_check_applies_the_answer_forms_rules(tmp_path, capsys):
    text = DEMO_PLAN.read_text(encoding="utf-8")
    text += '\n[[before]]\ncontent = "Đề nghị sửa cầu"\noutcome = "assigned"\n'
    plan = tmp_path / "p.toml"
    plan.write_text(text, encoding="utf-8")
    code, _, err = cli(capsys, "check", plan)
    assert code == 2
    assert "thì phải có 'agency' (Cơ quan được giao)" in err and "thì phải có 'deadline' (Thời hạn)" in err


def _no_programme(doc):
    doc["programme"] = []


def _all_dialogue(doc):
    for step in doc["programme"]:
        step["dialogue"] = True


def _end_before_start(doc):
    doc["meeting"]["end"] = "06:00"


def _negative(doc):
    doc["attendance"][0]["invited"] = -5


def _spoken_without_speaker(doc):
    doc["opinions"][0]["source"] = "spoken"
    doc["opinions"][0]["speaker"] = None


def _duplicate_key(doc):
    doc["opinions"][0]["key"] = doc["opinions"][1]["key"] = "phiếu-1"


def _two_speaking(doc):
    doc["meeting"]["status"] = "ended"
    doc["speakers"] = [{"reg_no": n, "honorific": "Bà", "name": f"Người {n}", "status": "speaking",
                        "registered_at": "2026-06-18T07:30:00"} for n in (1, 2)]


def _assigned_without_agency(doc):
    doc["opinions"][0]["answer"] = {"outcome": "assigned", "answer": "Giao"}


@pytest.mark.parametrize("spoil, expected", [
    (_no_programme, "programme: chưa có chương trình"),
    (_all_dialogue, "programme[1].dialogue: chỉ được một bước đối thoại"),
    (_end_before_start, "meeting.end: giờ kết thúc 06:00 không sau giờ bắt đầu 07:30"),
    (_negative, "attendance[0].invited: phải từ 0 đến 100000"),
    (_spoken_without_speaker, "opinions[0].speaker: ý kiến phát biểu trực tiếp"),
    (_duplicate_key, "opinions[1].key: mã 'phiếu-1' trùng với opinions[0].key"),
    (_two_speaking, "speakers[1].status: speakers[0] cũng đang phát biểu"),
    (_assigned_without_agency, "opinions[0].answer.agency: kết quả \"assigned\""),
], ids=lambda v: v.__name__ if callable(v) else "")
def test_8_json_import_runs_the_plan_and_store_rules_with_paths(db_path, tmp_path, capsys, exported,
                                                                spoil, expected):
    spoil(exported)
    code, _, err = _import(capsys, db_path, tmp_path, exported)
    assert code == 2 and expected in err, err
    assert "UNIQUE constraint" not in err


def test_8_second_live_meeting_is_refused(db_path, tmp_path, capsys, exported):
    meetings.start_meeting(open_db(db_path), 1)
    exported["meeting"]["status"] = "live"
    code, _, err = _import(capsys, db_path, tmp_path, exported)
    assert code == 2 and "meeting.status: đã có hội nghị số 1 đang diễn ra" in err


def test_8_json_with_a_utf8_bom_is_read(db_path, tmp_path, capsys, exported):
    raw = b"\xef\xbb\xbf" + json.dumps(exported, ensure_ascii=False).encode("utf-8")
    code, out, err = _import(capsys, db_path, tmp_path, exported, raw=raw)
    assert code == 0, err
    assert out.strip() == "2"


# -- 9 -----------------------------------------------------------------------------

def test_9_a_plan_with_too_many_steps_is_refused(tmp_path, capsys):
    from db import limits

    text = DEMO_PLAN.read_text(encoding="utf-8")
    text += "".join(f'\n[[programme]]\ncontent = "Bước thêm {i}"\n' for i in range(limits.MAX_STEPS))
    plan = tmp_path / "p.toml"
    plan.write_text(text, encoding="utf-8")
    code, _, err = cli(capsys, "check", plan)
    assert code == 2 and f"vượt giới hạn {limits.MAX_STEPS} bước" in err


def test_9_the_store_refuses_the_speaker_and_the_opinion_past_the_limits(db_path):
    from db import limits

    db = open_db(db_path)
    meetings.start_meeting(db, 1)
    with db.atomic():  # fill up quickly, straight into the tables
        db.conn.executemany("INSERT INTO speakers (meeting_id, reg_no, honorific, name, registered_at) "
                       "VALUES (1, ?, 'Bà', 'X', '2026-06-18T07:30:00')",
                       [(n,) for n in range(1, limits.MAX_SPEAKERS + 1)])
        start = db.execute("SELECT coalesce(max(number), 0) FROM opinions WHERE meeting_id = 1").fetchone()[0]
        db.conn.executemany("INSERT INTO opinions (meeting_id, number, source, author, content, created_at) "
                       "VALUES (1, ?, 'slip', 'X', 'ý kiến', '2026-06-18T07:30:00')",
                       [(n,) for n in range(start + 1, limits.MAX_OPINIONS + 1)])
    with pytest.raises(ValidationError, match="đạt giới hạn 2.000 người"):
        speakers.register_speaker(db, 1, honorific="Ông", name="Thêm")
    with pytest.raises(ValidationError, match="vượt giới hạn 10.000 ý kiến"):
        opinions.record_opinion(db, 1, "Thêm một ý kiến", author="Bà Hoa")


def test_9_limits_also_bind_the_plan_loaded_in_code(tmp_path):
    plan = load_plan(DEMO_PLAN)
    plan.programme = plan.programme * 20
    with pytest.raises(ValidationError, match="vượt giới hạn 100 bước"):
        meetings.create_meeting(open_db(tmp_path / "x.db"), plan)


# -- 11 ----------------------------------------------------------------------------

@pytest.mark.skipif(os.name == "nt", reason="Windows: files take their folder's ACL")
def test_11_exports_plans_and_pdfs_are_owner_only_unless_shared(db_path, tmp_path, capsys):
    os.umask(0o022)
    export = tmp_path / "x.json"
    assert cli(capsys, "--db", db_path, "export", "--out", export)[0] == 0
    document = sorted((REPO / "tests" / "plan_documents").glob("*.txt"))[0]
    plan = tmp_path / "p.toml"
    assert cli(capsys, "import-plan", document, "--out", plan)[0] == 0
    code, out, err = cli(capsys, "--db", db_path, "print", "--out", tmp_path / "pdf")
    assert code == 0, err
    pdfs = [p for p in out.split() if p.endswith(".pdf")]
    for path in [export, plan, *pdfs]:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
    code, out, _ = cli(capsys, "--db", db_path, "print", "--out", tmp_path / "posted", "--share")
    assert code == 0
    for path in (p for p in out.split() if p.endswith(".pdf")):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o644


def test_argument_errors_are_vietnamese(capsys):
    for args, expected in ((["check"], "thiếu tham số KE-HOACH.toml"),
                           (["export", "--meeting", "abc"], "--meeting phải là số nguyên, không phải 'abc'"),
                           (["list", "--bogus"], "không hiểu tham số --bogus")):
        with pytest.raises(SystemExit) as info:
            main(args)
        assert info.value.code == 2
        assert expected in capsys.readouterr().err
