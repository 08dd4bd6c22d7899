"""Opinions gathered before the meeting, from a CSV or Excel summary sheet: columns
understood, broken rows reported with their sheet row, good rows imported once."""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date, datetime

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from db.before import import_before, mark_existing, meeting_fields
from intake.before_import import (
    match_header, opinion_from_values, preview_before,
    preview_sheet, stt_of,
)
from intake.before_sheet import SheetError, read_csv_bytes, read_sheet
from db.models import Outcome, Source
from db.opinions import list_opinions

from .conftest import FIXTURES

SHEET = FIXTURES / "before" / "mttq-2026.csv"


def test_headers_are_matched_by_meaning_not_spelling():
    assert match_header("STT") == "key"
    assert match_header("Họ và tên") == "author"
    assert match_header("NGƯỜI PHẢN ÁNH") == "author"
    assert match_header("Thôn/xóm") == "address"
    assert match_header("Địa chỉ (thôn, xóm)") == "address"
    assert match_header("Nội dung kiến nghị") == "content"
    assert match_header("Nội dung ý kiến, kiến nghị của cử tri") == "content"
    assert match_header("Nội dung trả lời") == "answer"
    assert match_header("Nội dung trả lời của UBND xã") == "answer"
    assert match_header("Người trả lời") == "answered_by"
    assert match_header("Kết quả") == "outcome"
    assert match_header("Thời hạn") == "deadline"
    assert match_header("Ghi chú") is None
    assert match_header(unicodedata.normalize("NFD", "Lĩnh vực")) == "field"


def test_broken_rows_are_reported_the_rest_import_and_a_second_import_adds_nothing(demo_db, clock):
    db, meeting_id = demo_db
    before = len(list_opinions(db, meeting_id))
    preview = mark_existing(db, meeting_id, preview_before(SHEET, meeting_fields(db, meeting_id)))
    assert preview.header_row == 3
    assert [(c.letter, c.key) for c in preview.columns] == [
        ("A", "key"), ("B", "author"), ("C", "address"), ("D", "field"), ("E", "content"), ("F", "answer")]
    assert [r.row for r in preview.rows] == [4, 5, 6]
    assert [(p.row, p.message) for p in preview.problems] == [
        (7, "Nội dung: không được để trống"),
        (8, "Lĩnh vực: 'Văn hóa xã hội' không có trong danh sách lĩnh vực của hội nghị; "
            "có phải 'Văn hóa, y tế, giáo dục'?"),
    ]
    assert len(preview.new_rows) == 3

    assert import_before(db, meeting_id, [r.item for r in preview.new_rows], now=clock()) == (3, 0)
    imported = list_opinions(db, meeting_id, source=Source.BEFORE)[-3:]
    assert [(stt_of(o.external_key), o.author, o.author_address, o.field_name) for o in imported] == [
        ("1", "Ông Nguyễn Văn Thắng", "thôn Quán Gỏi", "Quy hoạch, xây dựng, giao thông"),
        ("2", "Bà Lê Thị Huệ", "thôn Phương Độ", "Chính sách xã hội, an sinh"),
        ("3", "Ông Trần Đức Mạnh", "thôn Thượng Khuông", "Đất đai, tài nguyên, môi trường"),
    ]
    assert imported[0].outcome is Outcome.ANSWERED
    assert imported[0].answer == "Đã đưa vào kế hoạch duy tu năm 2026."
    assert imported[1].outcome is None

    again = mark_existing(db, meeting_id, preview_before(SHEET, meeting_fields(db, meeting_id)))
    assert again.new_rows == [] and len(again.existing) == 3
    assert import_before(db, meeting_id, [r.item for r in again.rows], now=clock()) == (0, 3)
    assert len(list_opinions(db, meeting_id)) == before + 3


def _xlsx(tmp_path, rows, title="Tổng hợp"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    path = tmp_path / "y-kien.xlsx"
    workbook.save(path)
    return path


def test_excel_sheet_with_title_rows_dates_and_a_broken_row(demo_db, tmp_path, clock):
    db, meeting_id = demo_db
    path = _xlsx(tmp_path, [
        ["ỦY BAN MTTQ XÃ KÈ SẮT"],
        ["BẢNG TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN"],
        [],
        ["TT", "Người phản ánh", "Địa chỉ", "Lĩnh vực", "Nội dung kiến nghị", "Trả lời",
         "Kết quả", "Cơ quan", "Thời hạn", "Ghi chú"],
        [1.0, "Ông Đỗ Văn Tư", "thôn Ngọc Mai", "giao thông", "Cầu tràn bị sạt lở.", None,
         "Giao giải quyết", "Công chức Địa chính - Xây dựng", datetime(2026, 7, 15), "gấp"],
        [2, "Bà Ngô Thị Sen", "thôn Quán Gỏi", "", "Đề nghị lắp đèn đường.", "Sẽ lắp trong quý III.",
         None, None, None, None],
        [3, "Ông Lý Văn Ba", "thôn Phương Độ", "Khác", "Đề nghị hỗ trợ.", None, "Giao", None,
         "31/02/2026", None],
        [4, "Bà Hà", None, None, "Ý kiến tiếp thu", None, "Tiếp thu", None, None, None],
    ])
    preview = preview_before(path, meeting_fields(db, meeting_id))
    assert preview.detail == "trang tính 'Tổng hợp'" and preview.header_row == 4
    assert [c.key for c in preview.columns] == [
        "key", "author", "address", "field", "content", "answer", "outcome", "agency", "deadline", None]
    assert preview.columns[-1].note == "không nhận ra"
    assert [r.row for r in preview.rows] == [5, 6, 8]
    assert [(p.row, p.message) for p in preview.problems] == [
        (7, "Cơ quan: không được để trống khi giao giải quyết; Thời hạn: tháng 2/2026 không có ngày 31")]
    first, second, third = (r.item for r in preview.rows)
    assert (stt_of(first.key), first.field, first.outcome, first.deadline) == (
        "1", "Quy hoạch, xây dựng, giao thông", "assigned", date(2026, 7, 15))
    assert (second.field, second.outcome) == (None, "answered")
    assert third.outcome == "noted"
    assert import_before(db, meeting_id, [r.item for r in preview.rows], now=clock()) == (3, 0)
    assert import_before(db, meeting_id, [r.item for r in preview.rows], now=clock()) == (0, 3)


def test_decomposed_letters_and_markup_import_exactly(demo_db, tmp_path, clock):
    db, meeting_id = demo_db
    content = "[bold]Đường[/bold] [red]ngập[/] khi mưa; \\[x] giá 5.000đ/m² — “ổ gà”\nDòng hai"
    author = "Ông [i]Nguyễn[/i] Văn Ất"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Họ tên", "Nội dung"])
    writer.writerow([unicodedata.normalize("NFD", author), unicodedata.normalize("NFD", content)])
    path = tmp_path / "nfd.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    preview = preview_before(path, meeting_fields(db, meeting_id))
    assert preview.problems == []
    import_before(db, meeting_id, [r.item for r in preview.rows], now=clock())
    opinion = list_opinions(db, meeting_id, source=Source.BEFORE)[-1]
    assert opinion.content == unicodedata.normalize("NFC", content)
    assert opinion.author == unicodedata.normalize("NFC", author)
    assert opinion.external_key.startswith("ND-")  # no STT: a hash of author and content


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters precomposed, tones combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = b""
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += base.encode("cp1258") + "".join(c for c in decomposed if c in tones).encode("cp1258")
    return out


@pytest.mark.parametrize("encoding,expected", [
    ("utf-8-sig", "UTF-8"), ("utf-8", "UTF-8"), ("utf-16", "UTF-16"), ("cp1258", "Windows-1258")])
def test_csv_encodings(encoding, expected):
    text = "STT;Họ tên;Nội dung\r\n1;Bà Lê Thị Huệ;Đề nghị sửa đường\r\n"
    data = _cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    sheet = read_csv_bytes("y.csv", data)
    assert sheet.detail.startswith(f"bảng mã {expected}, phân cách bằng dấu chấm phẩy")
    preview = preview_sheet(sheet, ["Khác"])
    assert [unicodedata.normalize("NFC", r.item.author) for r in preview.rows] == ["Bà Lê Thị Huệ"]


def test_unreadable_files_get_one_clear_sentence(tmp_path):
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(SheetError, match="hong.xlsx: không mở được tệp Excel"):
        read_sheet(broken)
    old = tmp_path / "cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(SheetError, match=r"\.xls"):
        read_sheet(old)
    with pytest.raises(SheetError, match="không đọc được tệp"):
        read_sheet(tmp_path / "khong-co.csv")
    with pytest.raises(SheetError, match="không nhận ra bảng mã"):
        read_csv_bytes("x.csv", b"STT,N\x81\x8a\x8d\x8e\x8f\x90\n")


def test_a_sheet_without_a_content_column_says_so(tmp_path):
    path = tmp_path / "sai.csv"
    path.write_text("Họ tên,Địa chỉ\nA,B\n", encoding="utf-8")
    preview = preview_before(path, ["Khác"])
    assert preview.rows == [] and preview.header_row is None
    assert "không tìm thấy dòng tiêu đề có cột Nội dung" in preview.problems[0].message


def test_typed_opinion_is_checked_by_the_same_rules():
    fields = ["Kinh tế", "Khác"]
    item, errors = opinion_from_values({"content": "  ", "field": "Kinh te", "deadline": "30/6/2026"}, fields)
    assert item is None and errors == {"content": "không được để trống"}
    item, errors = opinion_from_values({"content": "Ý kiến", "field": "kinh te", "outcome": "chưa trả lời",
                                        "answer": "Dự thảo"}, fields)
    assert errors == {} and item.field == "Kinh tế" and item.outcome is None


_CELL = st.one_of(st.none(), st.text(max_size=60), st.integers(-10**6, 10**6),
                  st.floats(allow_nan=True, allow_infinity=True), st.dates().map(
                      lambda d: datetime(d.year, d.month, d.day)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_CELL, max_size=8), max_size=8))
def test_arbitrary_cells_never_crash_the_reader(rows):
    sheet_rows = [(1, ["STT", "Họ tên", "Lĩnh vực", "Nội dung", "Trả lời", "Kết quả", "Cơ quan", "Thời hạn"])]
    sheet_rows += [(i + 2, cells) for i, cells in enumerate(rows)]
    from intake.before_sheet import Sheet

    preview = preview_sheet(Sheet("x", "", sheet_rows), ["Kinh tế", "Khác"])
    accounted = {r.row for r in preview.rows} | {p.row for p in preview.problems}
    assert accounted <= {row for row, _ in sheet_rows}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.text(max_size=40), min_size=1, max_size=6), max_size=6))
def test_arbitrary_csv_text_never_crashes_the_reader(rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["STT", "Nội dung"], *rows])
    try:
        sheet = read_csv_bytes("x.csv", buffer.getvalue().encode("utf-8", "surrogatepass"))
    except SheetError:
        return
    preview_sheet(sheet, ["Khác"])


def test_the_new_store_modules_import_no_ui(tmp_path):
    import subprocess
    import sys

    from .conftest import REPO

    path = tmp_path / "a.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["STT", "Nội dung"])
    workbook.save(path)
    code = (
        "import sys, intake.before_import, intake.before_sheet, intake.plan_form, intake.vn_input\n"
        f"intake.before_import.preview_before({str(path)!r}, ['Khác'])\n"
        "print(','.join(m for m in ('textual', 'rich', 'reportlab') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_two_sheets_numbered_from_one_both_import(demo_db, tmp_path):
    """A second sheet whose STT restart at 1 adds its own opinions; the same sheet again adds nothing."""
    from db.before import import_before, mark_existing, meeting_fields
    from intake.before_import import preview_before
    from db.opinions import list_opinions

    db, mid = demo_db
    first = tmp_path / "thon-quan-goi.csv"
    second = tmp_path / "thon-ngoc-mai.csv"
    first.write_text("STT,Họ tên,Nội dung\n1,Ông A,Đường hỏng\n2,Bà B,Thiếu nước sạch\n", encoding="utf-8")
    second.write_text("STT,Họ tên,Nội dung\n1,Ông C,Đèn đường tắt\n", encoding="utf-8")
    before = len(list_opinions(db, mid))
    for sheet, added in ((first, 2), (second, 1), (first, 0), (second, 0)):
        preview = mark_existing(db, mid, preview_before(sheet, meeting_fields(db, mid)))
        import_before(db, mid, [r.item for r in preview.new_rows])
        now = len(list_opinions(db, mid))
        assert now - before == added, sheet.name
        before = now
