"""What the secretary types in a form, read strictly: dates as dd/mm/yyyy, times as
HH:MM, whole numbers; and a folding of Vietnamese text for matching headers and names
without regard to case or diacritics.

Every parser raises `InputError` with a Vietnamese message that says what to type.
"""

from __future__ import annotations

import re
import unicodedata

from db.vndate import (  # noqa: F401  (dates and times are read and written by db.vndate)
    DATE_HINT,
    TIME_HINT,
    InputError,
    dmy as format_vn_date,
    hhmm as format_hhmm,
    parse_date as parse_vn_date,
    parse_time as parse_hhmm,
)

_INT = re.compile(r"^[+-]?\d{1,9}$")


def parse_int(text: str) -> int:
    """'70' -> 70. Range checks belong to the caller (the plan rules)."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    if not _INT.match(value):
        raise InputError("phải là số nguyên, ví dụ 70")
    return int(value)


_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case, without diacritics, punctuation as single spaces:
    'Họ và tên:' -> 'ho va ten', 'Thôn/xóm' -> 'thon xom', 'ĐẤT ĐAI' -> 'dat dai'."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold().replace("đ", "d"))
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", base).strip()
