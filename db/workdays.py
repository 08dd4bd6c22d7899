"""Working days (ngày làm việc) in Vietnam: weekends and public holidays do not count.

The calendar is the `holidays` package's Vietnam calendar (Tết Nguyên Đán, Giỗ Tổ
Hùng Vương, 30/4, 1/5, Quốc khánh ... with the days off moved by the government's
yearly decisions and the Saturdays worked in exchange), never a hand-written list.

Counting is done on a prefix table of working days per calendar day, so a year of
10,000 deadlines costs one lookup each, not one walk over the calendar each.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from . import vndate
from .errors import ValidationError

if TYPE_CHECKING:
    import holidays

#: The range the prefix table covers first; it grows when a date falls outside.
_FIRST_YEAR = 2015
_LAST_YEAR = 2040


@lru_cache(maxsize=1)
def _calendar() -> holidays.HolidayBase:
    # Imported on first use, not with the module: the answer form imports this module
    # and `holidays` costs about 50 ms of every start-up otherwise.
    import holidays

    return holidays.country_holidays("VN", language="vi")


def holiday_name(day: date) -> str | None:
    """The holiday's Vietnamese name ('Mùng hai Tết Nguyên Đán'), or None."""
    return _calendar().get(day)


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a holiday, or a Saturday worked in exchange for a day off."""
    return _calendar().is_working_day(day)


class _Table:
    """cumulative[i] = working days in [origin, origin + i) ; grows on demand."""

    def __init__(self) -> None:
        self.first = _FIRST_YEAR
        self.last = _LAST_YEAR
        self._build()

    def _build(self) -> None:
        self.origin = date(self.first, 1, 1)
        days = (date(self.last + 1, 1, 1) - self.origin).days
        cumulative = [0] * (days + 1)
        running = 0
        for i in range(days):
            if is_working_day(self.origin + timedelta(days=i)):
                running += 1
            cumulative[i + 1] = running
        self.cumulative = cumulative

    def index(self, day: date) -> int:
        if day.year < self.first or day.year > self.last:
            self.first = min(self.first, day.year)
            self.last = max(self.last, day.year)
            self._build()
        return (day - self.origin).days


_table: _Table | None = None


def _t() -> _Table:
    global _table
    if _table is None:
        _table = _Table()
    return _table


def count_between(start: date, end: date) -> int:
    """Working days d with start < d <= end (negative when end is before start)."""
    if end < start:
        return -count_between(end, start)
    t = _t()
    i, j = t.index(start), t.index(end)
    return t.cumulative[j + 1] - t.cumulative[i + 1]


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start` (n >= 1): "within N working days of start"."""
    if n < 1:
        raise ValueError("n must be at least 1")
    t = _t()
    while True:
        i = t.index(start)
        target = t.cumulative[i + 1] + n
        j = bisect_left(t.cumulative, target)
        if j < len(t.cumulative):
            return t.origin + timedelta(days=j - 1)
        t.index(date(t.last + 1, 1, 1))  # grow by a year and retry


_WORKING_DAYS = re.compile(r"^\s*(\d{1,3})\s*ngay\s*lam\s*viec\s*$")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def counts_working_days(text: str | None) -> bool:
    """True for a deadline typed as 'N ngày làm việc' (any case, with or without diacritics)."""
    return bool(text) and _WORKING_DAYS.match(_fold(unicodedata.normalize("NFC", text))) is not None


def parse_deadline(text: str | date | None, base: date, *, label: str = "Thời hạn",
                   not_before: date | None = None) -> date | None:
    """A deadline typed as '30/06/2026', '2026-06-30' or 'N ngày làm việc': the N-th
    working day after `base`, which callers give as the day of the assignment (the
    meeting's date for an answer at the meeting, the day of a later assignment), never
    the day it is typed. Refuses a date before `not_before` (the meeting's date)."""
    if text is None or isinstance(text, date):
        value = text
    else:
        raw = unicodedata.normalize("NFC", str(text)).strip()
        if not raw:
            return None
        m = _WORKING_DAYS.match(_fold(raw))
        if m:
            n = int(m.group(1))
            if n < 1:
                raise ValidationError(label, "số ngày làm việc phải từ 1 trở lên")
            value = add_working_days(base, n)
        else:
            value = _parse_date(raw, label, base.year)
    if value is not None and not_before is not None and value < not_before:
        raise ValidationError(label, f"ngày {value:%d/%m/%Y} ở trước ngày họp {not_before:%d/%m/%Y}; "
                                     "hãy nhập ngày từ ngày họp trở đi")
    return value


def parse_day(text: str | None, label: str, default_year: int) -> date | None:
    """A date typed as '25/06/2026', '25/6' (in `default_year`) or '2026-06-25'; None when empty."""
    raw = unicodedata.normalize("NFC", text or "").strip()
    return _parse_date(raw, label, default_year) if raw else None


def _parse_date(raw: str, label: str, default_year: int) -> date:
    try:
        value = vndate.parse_deadline(raw, default_year)
    except vndate.InputError as exc:
        raise ValidationError(label, exc.message) from None
    assert value is not None
    return value
