"""What the secretary types in a form, read strictly: dates as dd/mm/yyyy, times as
HH:MM, whole numbers; and a folding of Vietnamese text for matching headers and names
without regard to case or diacritics.

Every parser raises `InputError` with a Vietnamese message that says what to type.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time

_DATE = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})\s*[:hH]\s*(\d{2})$")
_INT = re.compile(r"^[+-]?\d{1,9}$")

DATE_HINT = "ngày/tháng/năm, ví dụ 18/06/2026"
TIME_HINT = "giờ:phút, ví dụ 07:30"


class InputError(ValueError):
    """A typed value that cannot be read; `message` is for the secretary."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def parse_vn_date(text: str) -> date:
    """'18/06/2026' (also 18-06-2026, 18.06.2026, 1/6/2026) -> date(2026, 6, 18)."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if not value:
        raise InputError("chưa nhập ngày (" + DATE_HINT + ")")
    match = _DATE.match(value)
    if not match:
        raise InputError("ngày phải viết dạng " + DATE_HINT)
    day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    if not 1 <= month <= 12:
        raise InputError(f"không có tháng {month} (tháng từ 1 đến 12)")
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(f"tháng {month}/{year} không có ngày {day}") from None


def parse_hhmm(text: str) -> time:
    """'07:30' (also 7:30, 7h30) -> time(7, 30)."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if not value:
        raise InputError("chưa nhập giờ (" + TIME_HINT + ")")
    match = _TIME.match(value)
    if not match:
        raise InputError("giờ phải viết dạng " + TIME_HINT)
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23:
        raise InputError(f"không có {hour} giờ (giờ từ 0 đến 23)")
    if minute > 59:
        raise InputError(f"không có {minute} phút (phút từ 0 đến 59)")
    return time(hour, minute)


def parse_int(text: str) -> int:
    """'70' -> 70. Range checks belong to the caller (the plan rules)."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if not _INT.match(value):
        raise InputError("phải là số nguyên, ví dụ 70")
    return int(value)


def format_vn_date(value: date | None) -> str:
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_hhmm(value: time | None) -> str:
    return "" if value is None else f"{value.hour:02d}:{value.minute:02d}"


_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, without diacritics, punctuation as single spaces:
    'Họ và tên:' -> 'ho va ten', 'Thôn/xóm' -> 'thon xom', 'ĐẤT ĐAI' -> 'dat dai'."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold().replace("đ", "d"))
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", base).strip()
