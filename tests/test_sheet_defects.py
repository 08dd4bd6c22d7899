"""Defect 8, the sheet reader: an unclosed quote, a merged author cell, a formula
never calculated, text typed in TCVN3 or VNI. Real CSV and .xlsx files."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from db.models import DEFAULT_FIELDS
from intake.before_import import preview_before
from intake.before_sheet import SheetError, read_sheet

from .legacy_text import tcvn3_as_unicode, tcvn3_bytes, vni_as_unicode

HEADER = "STT,Họ và tên,Thôn/xóm,Nội dung ý kiến\n"


def test_unclosed_quote_at_the_end_is_refused_at_its_row(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(HEADER + '1,Ông An,thôn A,"Đường hỏng\n2,Bà Bình,thôn B,Cầu yếu\n3,Ông Chi,thôn C,Đèn\n',
                    encoding="utf-8")
    with pytest.raises(SheetError, match="dòng 2 có dấu ngoặc kép \" mở mà không đóng"):
        read_sheet(path)


def test_unclosed_quote_closed_much_later_is_refused_too(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text(HEADER + '1,Ông An,thôn A,"Đường hỏng\n2,Bà Bình,thôn B,Cầu yếu\n'
                    '3,Ông Chi,thôn C,"Đèn ""sáng"" quá"\n', encoding="utf-8")
    with pytest.raises(SheetError, match="dòng 2 có dấu ngoặc kép"):
        read_sheet(path)


def test_a_quoted_cell_over_several_lines_is_still_read(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(HEADER + '1,Ông An,thôn A,"Đường hỏng,\nđề nghị sửa, gấp"\n2,Bà Bình,thôn B,Cầu yếu\n',
                    encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.rows[1][1][3] == "Đường hỏng,\nđề nghị sửa, gấp" and len(sheet.rows) == 3


def _xlsx(path, rows, merge=None):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def test_a_merged_author_is_carried_down(tmp_path):
    path = _xlsx(tmp_path / "m.xlsx", [
        ["STT", "Họ và tên", "Thôn/xóm", "Nội dung ý kiến"],
        [1, "Ông Nguyễn Văn An", "thôn A", "Đường hỏng"],
        [2, None, None, "Cầu yếu"],
        [3, None, None, "Đèn tối"],
    ], merge="B2:B4")
    preview = preview_before(path, list(DEFAULT_FIELDS))
    assert [r.item.author for r in preview.rows] == ["Ông Nguyễn Văn An"] * 3


def test_a_formula_without_a_value_says_open_and_save_in_excel(tmp_path):
    path = _xlsx(tmp_path / "f.xlsx", [
        ["STT", "Họ và tên", "Thôn/xóm", "Nội dung ý kiến"],
        [1, "Ông An", "thôn A", '=CONCATENATE("Đường ", "hỏng")'],
    ])
    with pytest.raises(SheetError, match="ô D2 là công thức chưa có giá trị — mở và lưu lại bằng Excel"):
        read_sheet(path)


CONTENT = [("1", "Ông Nguyễn Văn An", "thôn Quán Gỏi", "Đề nghị sửa đường liên thôn bị hỏng nặng"),
           ("2", "Bà Trần Thị Bình", "thôn Ngọc Mai", "Xin hỗ trợ giống lúa cho vụ mùa tới")]


def test_tcvn3_csv_with_ascii_headers_is_refused(tmp_path):
    path = tmp_path / "t.csv"
    body = "".join(",".join(row) + "\n" for row in CONTENT)
    path.write_bytes(b"STT,Ho ten,Dia chi,Noi dung\n" + tcvn3_bytes(body))
    with pytest.raises(SheetError, match="bảng mã TCVN3"):
        read_sheet(path)


@pytest.mark.parametrize("encode, name", [(tcvn3_as_unicode, "TCVN3"), (vni_as_unicode, "VNI")])
def test_legacy_text_in_an_xlsx_is_refused(tmp_path, encode, name):
    path = _xlsx(tmp_path / "v.xlsx", [["STT", "Ho ten", "Dia chi", "Noi dung"]] +
                 [[int(r[0]), *(encode(c) for c in r[1:])] for r in CONTENT])
    with pytest.raises(SheetError, match=f"bảng mã {name}"):
        read_sheet(path)


def test_genuine_unicode_is_not_mistaken_for_legacy_text(tmp_path):
    path = tmp_path / "u.csv"
    path.write_text(HEADER + "".join(",".join(row) + "\n" for row in CONTENT) + "3,Công ty ABC®,©,¼ giá\n",
                    encoding="utf-8")
    assert len(read_sheet(path).rows) == 4
