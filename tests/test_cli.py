"""The command line as a user runs it: a real process, a real database file."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from .conftest import DEMO_PLAN, FIXTURES, REPO


def run(*args, env=None, input=None):
    full_env = {**os.environ, **(env or {})}
    full_env.pop("DOITHOAI_DB", None) if env is None or "DOITHOAI_DB" not in env else None
    return subprocess.run([sys.executable, "-m", "tui.cli", *map(str, args)], cwd=REPO, env=full_env,
                          capture_output=True, text=True, input=input, timeout=60)


def test_new_then_export_shows_every_plan_field(tmp_path):
    db = tmp_path / "x.db"
    out = run("--db", db, "new", DEMO_PLAN)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1"
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    exported = run("--db", db, "export")
    assert exported.returncode == 0
    doc = json.loads(exported.stdout)
    m = doc["meeting"]
    assert m["title"].startswith("Hội nghị tiếp xúc, đối thoại trực tiếp của Chủ tịch UBND xã")
    assert m["organisation"] == "Ủy ban nhân dân xã Kè Sắt"
    assert m["place_name"] == "Kè Sắt"
    assert m["venue"] == "Hội trường tầng 3, Nhà C, Trụ sở Đảng ủy - HĐND - UBND - UBMTTQ xã Kè Sắt"
    assert (m["date"], m["start"], m["end"], m["speaking_limit_minutes"]) == ("2026-06-18", "07:30", "11:30", 5)
    assert m["secretary"] == {"name": "Nguyễn Thị Hồng Nhung", "title": "Công chức Văn phòng - Thống kê"}
    assert doc["chairs"] == [{"name": "Phạm Thị Thu Hiền", "title": "Q. Chủ tịch UBND xã"}]
    assert doc["attendance"][4] == {"group": "Nhân dân các thôn Quán Gỏi, Phương Độ, Ngọc Mai, Thượng Khuông",
                                    "invited": 70, "present": None}
    assert doc["fields"][8] == "Tinh thần thái độ của cán bộ"
    assert [s["dialogue"] for s in doc["programme"]] == [False, False, False, True, False, False]
    assert doc["opinions"][2]["author"] == "Ông Trần Đức Mạnh"


def test_db_option_before_or_after_and_environment(tmp_path):
    db = tmp_path / "y.db"
    assert run("new", DEMO_PLAN, "--db", db).returncode == 0
    listed = run("list", "--db", db)
    assert listed.stdout.startswith("1\t2026-06-18\tChưa bắt đầu\tHội nghị")
    assert run("--db", db, "list").stdout == listed.stdout
    assert run("list", env={"DOITHOAI_DB": str(db)}).stdout == listed.stdout


def test_export_import_round_trip_through_files(tmp_path):
    db = tmp_path / "z.db"
    run("--db", db, "new", DEMO_PLAN)
    first = tmp_path / "a.json"
    assert run("--db", db, "export", "--out", first).returncode == 0
    imported = run("--db", db, "import", first)
    assert imported.stdout.strip() == "2"
    second = run("--db", db, "export", "--meeting", "2").stdout
    a, b = json.loads(first.read_text(encoding="utf-8")), json.loads(second)
    a["meeting"].pop("id"), b["meeting"].pop("id")
    assert a == b


def test_import_of_other_version_changes_nothing(tmp_path):
    db = tmp_path / "v.db"
    run("--db", db, "new", DEMO_PLAN)
    doc = json.loads(run("--db", db, "export").stdout)
    doc["version"] = 99  # (2 is the version with the follow-up section, issue 12)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    out = run("--db", db, "import", bad)
    assert out.returncode == 2
    assert "phiên bản định dạng 99 không được hỗ trợ" in out.stderr and "Traceback" not in out.stderr
    assert len(run("--db", db, "list").stdout.splitlines()) == 1


def test_check_reports_lines_and_exit_codes():
    bad = run("check", FIXTURES / "plans" / "broken.toml")
    assert bad.returncode == 2
    assert "broken.toml:20: 'minutes' phải là số nguyên" in bad.stderr
    good = run("check", DEMO_PLAN)
    assert good.returncode == 0 and "hợp lệ" in good.stdout


@pytest.mark.parametrize("case", ["missing_folder", "not_sqlite", "readonly_folder"])
def test_unusable_database_gives_one_sentence_and_exit_2(tmp_path, case):
    if case == "missing_folder":
        target = tmp_path / "nope" / "x.db"
        expected = "không tồn tại"
    elif case == "not_sqlite":
        target = tmp_path / "notes.db"
        target.write_text("đây không phải SQLite " * 50, encoding="utf-8")
        expected = "không phải là tệp dữ liệu SQLite"
    else:
        if os.geteuid() == 0:
            pytest.skip("root ignores folder permissions")
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        target = folder / "x.db"
        expected = "Không ghi được"
    out = run("--db", target, "list")
    assert out.returncode == 2
    assert expected in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_locked_database_gives_one_sentence(tmp_path):
    import sqlite3

    db = tmp_path / "locked.db"
    run("--db", db, "new", DEMO_PLAN)
    holder = sqlite3.connect(db)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        out = run("--db", db, "new", DEMO_PLAN, env={"DOITHOAI_BUSY_TIMEOUT_MS": "200"})
    finally:
        holder.rollback()
        holder.close()
    assert out.returncode == 2
    assert "đang bị chương trình khác khóa" in out.stderr and "Traceback" not in out.stderr


def test_version_and_help_in_vietnamese():
    assert run("--version").stdout.startswith("doithoai ")
    help_text = run("--help").stdout
    assert "cách dùng: doithoai" in help_text and "các lệnh" in help_text




def test_import_plan_writes_a_plan_file_and_a_report(tmp_path):
    source = REPO / "tests" / "plan_documents"
    doc = sorted(source.glob("*.txt"))[0]
    out = tmp_path / "plan.toml"
    done = run("import-plan", doc, "--out", out)
    assert done.returncode == 0, done.stderr
    assert "Đã tìm thấy" in done.stdout and str(out) in done.stdout
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Kế hoạch đọc từ tệp") and "[meeting]" in text
    to_stdout = run("import-plan", doc)
    assert to_stdout.stdout == text and "Đã tìm thấy" in to_stdout.stderr
    bad = run("import-plan", tmp_path / "x.pdf")
    assert bad.returncode == 2 and ".pdf" in bad.stderr and "Traceback" not in bad.stderr
