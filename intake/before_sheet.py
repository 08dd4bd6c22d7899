"""The cells of a sheet of opinions gathered before the meeting: a CSV file or an
Excel workbook (.xlsx), as rows of cell values with their row numbers as the
spreadsheet shows them (1-based, counting every row).

CSV: UTF-8 with or without BOM, UTF-16 (with BOM, or without one when every other
byte is zero), else Windows-1258 (Vietnamese Windows); the delimiter is `,`, `;`
or tab, whichever the header line uses; a quote left open (which would swallow the
rows after it into one cell) is refused at its row. Excel: the first sheet that has
cells, cached values of formulas (a formula never calculated is refused: "mở và lưu
lại bằng Excel"), a merged cell's value carried into every cell it covers (so the
rows under a merged author keep their author). Text typed in the old TCVN3 or VNI
encodings is refused with a sentence saying how to convert it.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from db.errors import StoreError

from .legacy_encoding import legacy_encoding, legacy_message

CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
MAX_ROWS = 20_000
MAX_COLUMNS = 60


class SheetError(StoreError):
    """A file that cannot be read as a sheet at all; the message names it and says why."""


@dataclass(frozen=True)
class Sheet:
    source: str  # the file name
    detail: str  # "bảng mã UTF-8", "trang tính 'Tổng hợp'"
    rows: list[tuple[int, list[object]]]  # (row number in the sheet, cell values)


def read_sheet(path: str | Path) -> Sheet:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise SheetError(f"{path.name}: tệp Excel cũ (.xls) chưa đọc được; hãy mở bằng Excel và "
                         "lưu lại dạng .xlsx hoặc CSV UTF-8.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SheetError(f"{path.name}: không đọc được tệp ({exc.strerror or exc}).") from exc
    if suffix in EXCEL_SUFFIXES or data[:4] == b"PK\x03\x04":
        sheet = _read_xlsx(path.name, data)
    else:
        sheet = read_csv_bytes(path.name, data)
    _refuse_legacy_text(sheet)
    return sheet


def _refuse_legacy_text(sheet: Sheet) -> None:
    text = "\n".join(str(c) for _, cells in sheet.rows for c in cells if isinstance(c, str))
    encoding = legacy_encoding(text)
    if encoding:
        raise SheetError(legacy_message(sheet.source, encoding))


def decode(name: str, data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the name of the encoding it was read with."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    elif len(data) >= 4 and data[1:4:2] == b"\x00\x00" and data[0:4:2] != b"\x00\x00":
        candidates = ["utf-16-le"]
    elif len(data) >= 4 and data[0:4:2] == b"\x00\x00" and data[1:4:2] != b"\x00\x00":
        candidates = ["utf-16-be"]
    else:
        candidates = ["utf-8", "cp1258"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            continue
        label = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "cp1258": "Windows-1258"}.get(
            encoding, "UTF-16")
        return text, label
    raise SheetError(f"{name}: không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16 hay "
                     "Windows-1258); hãy lưu lại dạng CSV UTF-8.")


def read_csv_bytes(name: str, data: bytes) -> Sheet:
    text, encoding = decode(name, data)
    delimiter = _delimiter(text)
    rows: list[tuple[int, list[object]]] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS:
                raise SheetError(f"{name}: quá {MAX_ROWS} dòng; đây có phải bảng tổng hợp ý kiến?")
            rows.append((number, list(cells[:MAX_COLUMNS])))
    except csv.Error as exc:
        raise SheetError(f"{name}: tệp CSV hỏng ở dòng {len(rows) + 1} ({exc}).") from exc
    _refuse_open_quote(name, text, delimiter, rows)
    shown = {",": "dấu phẩy", ";": "dấu chấm phẩy", "\t": "dấu tab"}[delimiter]
    return Sheet(name, f"bảng mã {encoding}, phân cách bằng {shown}", rows)


def _refuse_open_quote(name: str, text: str, delimiter: str, rows: list[tuple[int, list[object]]]) -> None:
    """A quote opened and never closed makes Python's reader put every following line
    into one cell. Refused at the row where it opened: when the file ends inside the
    quote, or when a cell holds lines that look like rows of their own (a number,
    then as many separators as the header has)."""
    strict = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    count = 0
    try:
        for _ in strict:
            count += 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise SheetError(_open_quote_message(name, count + 1)) from None
    header_separators = max((line.count(delimiter) for line in text.splitlines()[:15]), default=0)
    if header_separators < 2:
        return
    for number, cells in rows:
        for cell in cells:
            if isinstance(cell, str) and "\n" in cell and any(
                    _ROW_START.match(line) and line.count(delimiter) >= header_separators - 1
                    for line in cell.split("\n")[1:]):
                raise SheetError(_open_quote_message(name, number))


_ROW_START = re.compile(r"^\s*\d+\s*[,;\t]")


def _open_quote_message(name: str, row: int) -> str:
    return (f"{name}: dòng {row} có dấu ngoặc kép \" mở mà không đóng, nên các dòng sau bị gộp vào "
            "một ô; hãy thêm dấu \" đóng ở cuối nội dung ô đó (hoặc xóa dấu \" thừa) rồi lưu lại.")


def _delimiter(text: str) -> str:
    """The delimiter the first lines use most (outside quotes)."""
    counts = {",": 0, ";": 0, "\t": 0}
    for line in text.splitlines()[:15]:
        inside = False
        for char in line:
            if char == '"':
                inside = not inside
            elif not inside and char in counts:
                counts[char] += 1
    best = max(counts, key=lambda c: (counts[c], c == ","))
    return best if counts[best] else ","


def _read_xlsx(name: str, data: bytes) -> Sheet:
    from openpyxl import load_workbook

    try:
        # Not read-only: merged cells are only known to a fully loaded sheet.
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SheetError(f"{name}: không mở được tệp Excel ({exc}); hãy lưu lại dạng .xlsx.") from exc
    except Exception as exc:  # openpyxl raises assorted errors on damaged files
        raise SheetError(f"{name}: tệp Excel hỏng ({type(exc).__name__}: {exc}).") from exc
    try:
        for index, sheet in enumerate(workbook.worksheets):
            if sheet.max_row > MAX_ROWS:
                raise SheetError(f"{name}: quá {MAX_ROWS} dòng; đây có phải bảng tổng hợp ý kiến?")
            rows = [(number, list(cells[:MAX_COLUMNS])) for number, cells in
                    enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1)]
            if any(any(c not in (None, "") for c in cells) for _, cells in rows):
                _carry_merged(sheet, rows)
                _refuse_uncalculated(name, data, index, rows)
                return Sheet(name, f"trang tính '{sheet.title}'", rows)
    finally:
        workbook.close()
    raise SheetError(f"{name}: tệp Excel không có ô nào có nội dung.")


def _carry_merged(sheet, rows: list[tuple[int, list[object]]]) -> None:
    """Carry a cell merged over several rows down its column (Excel keeps the value in
    the top cell only): rows under a merged author keep their author. A merge across
    columns only (a title over the table) is left as it is."""
    for merged in sheet.merged_cells.ranges:
        col = merged.min_col
        if merged.max_row == merged.min_row or col > MAX_COLUMNS:
            continue
        value = sheet.cell(merged.min_row, col).value
        for row in range(merged.min_row + 1, min(merged.max_row, len(rows)) + 1):
            cells = rows[row - 1][1]
            while len(cells) < col:
                cells.append(None)
            cells[col - 1] = value


def _refuse_uncalculated(name: str, data: bytes, index: int, rows: list[tuple[int, list[object]]]) -> None:
    """A formula saved by a program that does not calculate (a script, some web exports)
    has no value in the file: refuse it instead of reading an empty cell."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        sheet = formulas.worksheets[index]
        for number, cells in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1):
            for col, formula in enumerate(cells[:MAX_COLUMNS], start=1):
                if not (isinstance(formula, str) and formula.startswith("=")):
                    continue
                values = rows[number - 1][1] if number <= len(rows) else []
                if col > len(values) or values[col - 1] is None:
                    raise SheetError(f"{name}: ô {get_column_letter(col)}{number} là công thức chưa có giá trị "
                                     "— mở và lưu lại bằng Excel (hoặc LibreOffice) rồi nhập lại.")
    finally:
        formulas.close()
