"""`doithoai import-before` (tui/cli_before.py): preview by default, import with --yes."""

from __future__ import annotations

import argparse

from db.connection import open_db
from db.opinions import list_opinions
from tui.cli_before import add_parser, cmd_import_before

from .conftest import FIXTURES

SHEET = FIXTURES / "before" / "mttq-2026.csv"


def parse(argv: list[str]) -> argparse.Namespace:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db")
    parser = argparse.ArgumentParser(prog="doithoai", parents=[common])
    add_parser(parser.add_subparsers(dest="command"), common)
    return parser.parse_args(argv)


def count(db_path) -> int:
    db = open_db(db_path)
    try:
        return len(list_opinions(db, 1))
    finally:
        db.close()


def test_preview_then_import_then_nothing_new(db_path, capsys):
    assert cmd_import_before(parse(["import-before", str(SHEET), "--db", str(db_path)])) == 1
    out, err = capsys.readouterr()
    assert "mttq-2026.csv (bảng mã UTF-8, phân cách bằng dấu phẩy) → hội nghị số 1" in out
    assert "  B   Họ và tên                      → Họ tên" in out
    assert "Đọc được 3 dòng: 3 mới, 0 đã có." in out
    assert "  dòng 4 [mới] STT 1 · Ông Nguyễn Văn Thắng (thôn Quán Gỏi) · Quy hoạch, xây dựng, giao thông" in out
    assert "Chưa nhập gì. Thêm --yes để nhập 3 ý kiến mới." in out
    assert err.splitlines() == [
        f"{SHEET}:7: Nội dung: không được để trống",
        f"{SHEET}:8: Lĩnh vực: 'Văn hóa xã hội' không có trong danh sách lĩnh vực của hội nghị; "
        "có phải 'Văn hóa, y tế, giáo dục'?"]
    assert count(db_path) == 3  # nothing imported without --yes

    assert cmd_import_before(parse(["import-before", str(SHEET), "--db", str(db_path), "--yes",
                                    "--meeting", "1"])) == 1
    assert "Đã nhập 3 ý kiến; 0 ý kiến đã có từ trước, bỏ qua." in capsys.readouterr().out
    assert count(db_path) == 6
    assert cmd_import_before(parse(["import-before", str(SHEET), "--db", str(db_path), "--yes"])) == 1
    out = capsys.readouterr().out
    assert "Đọc được 3 dòng: 0 mới, 3 đã có." in out and "Không có ý kiến mới để nhập." in out
    assert count(db_path) == 6


def test_unreadable_file_exits_2(db_path, tmp_path, capsys):
    bad = tmp_path / "x.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0")
    assert cmd_import_before(parse(["import-before", str(bad), "--db", str(db_path)])) == 2
    assert "x.xls: tệp Excel cũ (.xls) chưa đọc được" in capsys.readouterr().err
