"""The cells of a sheet of opinions gathered before the meeting: a CSV file or an
Excel workbook (.xlsx), as rows of cell values with their row numbers as the
spreadsheet shows them (1-based, counting every row).

CSV: UTF-8 with or without BOM, UTF-16 (with BOM, or without one when every other
byte is zero), else Windows-1258 (Vietnamese Windows); the delimiter is `,`, `;`
or tab, whichever the header line uses. Excel: the first sheet that has cells,
read-only, cached values of formulas.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from db.errors import StoreError

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
        return _read_xlsx(path.name, data)
    return read_csv_bytes(path.name, data)


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
    shown = {",": "dấu phẩy", ";": "dấu chấm phẩy", "\t": "dấu tab"}[delimiter]
    return Sheet(name, f"bảng mã {encoding}, phân cách bằng {shown}", rows)


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
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SheetError(f"{name}: không mở được tệp Excel ({exc}); hãy lưu lại dạng .xlsx.") from exc
    except Exception as exc:  # openpyxl raises assorted errors on damaged files
        raise SheetError(f"{name}: tệp Excel hỏng ({type(exc).__name__}: {exc}).") from exc
    try:
        for sheet in workbook.worksheets:
            rows: list[tuple[int, list[object]]] = []
            for number, cells in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1):
                if number > MAX_ROWS:
                    raise SheetError(f"{name}: quá {MAX_ROWS} dòng; đây có phải bảng tổng hợp ý kiến?")
                rows.append((number, list(cells[:MAX_COLUMNS])))
            if any(any(c not in (None, "") for c in cells) for _, cells in rows):
                return Sheet(name, f"trang tính '{sheet.title}'", rows)
    finally:
        workbook.close()
    raise SheetError(f"{name}: tệp Excel không có ô nào có nội dung.")
