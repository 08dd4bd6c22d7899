"""Vietnamese dates and times, read and written in one place (standard library only,
so every layer may import it).

Reading (strict, for forms and sheets; `InputError` says what to type):
  parse_date('18/06/2026'), parse_time('7h30'), parse_deadline('30/6', 2026).
Writing:
  dmy(d)            '18/06/2026'        dmy(d, zero=False)  '18/6/2026'
  hhmm(t)           '07:30'             long_date(d)        'ngày 18 tháng 6 năm 2026'
  long_date(d, leading_zero=True)       'ngày 05 tháng 01 năm 2026' (Nghị định 30/2020)
  spoken_time(t)    '7 giờ 30 phút'     spoken_moment(m)    '7 giờ 30 phút, ngày 18 tháng 6 năm 2026'
The store's own forms: iso_date(...) 'YYYY-MM-DD', iso_time(...) 'HH:MM'.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time

DATE_HINT = "ngày/tháng/năm, ví dụ 18/06/2026"
TIME_HINT = "giờ:phút, ví dụ 07:30"

_DATE = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})\s*[:hH]\s*(\d{2})$")
_LOOSE_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2,4}))?\s*$")

DateLike = str | date | datetime


class InputError(ValueError):
    """A typed value that cannot be read; `message` is for the secretary."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# -- reading ------------------------------------------------------------------------------

def _typed(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def _checked_date(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise InputError(f"không có tháng {month} (tháng từ 1 đến 12)")
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(f"tháng {month}/{year} không có ngày {day}") from None


def parse_date(text: str | None) -> date:
    """'18/06/2026' (also 18-06-2026, 18.06.2026, 1/6/2026) -> date(2026, 6, 18)."""
    value = _typed(text)
    if not value:
        raise InputError("chưa nhập ngày (" + DATE_HINT + ")")
    match = _DATE.match(value)
    if not match:
        raise InputError("ngày phải viết dạng " + DATE_HINT)
    return _checked_date(int(match.group(4)), int(match.group(3)), int(match.group(1)))


def parse_time(text: str | None) -> time:
    """'07:30' (also 7:30, 7h30) -> time(7, 30)."""
    value = _typed(text)
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


def parse_deadline(text: str | None, default_year: int) -> date | None:
    """A deadline typed quickly: '30/6/2026', '30/6' (in `default_year`), '30.06.26',
    '2026-06-30'; '' -> None."""
    value = _typed(text)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    match = _LOOSE_DMY.match(value)
    if match:
        day, month, year = match.groups()
        year_n = default_year if year is None else int(year)
        if year is not None and len(year) == 2:
            year_n += 2000
        try:
            return date(year_n, int(month), int(day))
        except ValueError:
            pass
    raise InputError(f"'{value}' không phải ngày hợp lệ (ví dụ 30/6/{default_year})")


# -- the store's forms -----------------------------------------------------------------

def to_date(value: DateLike) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(value[:10])


def to_datetime(value: str | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def iso_date(value: DateLike | None) -> str | None:
    """'2026-06-18' from a date, a moment or an ISO string; None for nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, (date, datetime)):
        return to_date(value).isoformat()
    return date.fromisoformat(str(value)).isoformat()


def iso_time(value: time | str | None) -> str | None:
    """'07:30' from a time or an ISO time string; None for nothing."""
    if value is None or value == "":
        return None
    if not isinstance(value, time):
        value = time.fromisoformat(str(value))
    return f"{value.hour:02d}:{value.minute:02d}"


# -- writing ------------------------------------------------------------------------------

def dmy(value: DateLike | None, *, zero: bool = True) -> str:
    """'18/06/2026' ('18/6/2026' without `zero`); '' for nothing."""
    if value is None or value == "":
        return ""
    d = to_date(value)
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}" if zero else f"{d.day}/{d.month}/{d.year}"


def hhmm(value: time | datetime | str | None) -> str:
    """'07:30' from a time, a moment or '07:30:00'; '' for nothing."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = to_datetime(value) if "T" in value else time.fromisoformat(value)
    return f"{value.hour:02d}:{value.minute:02d}"


def long_date(value: DateLike, *, leading_zero: bool = False) -> str:
    """'ngày 18 tháng 6 năm 2026'. With `leading_zero` (the place/date line of the
    header, Nghị định 30/2020) days under 10 and the months 1 and 2 take a zero:
    'ngày 05 tháng 01 năm 2026'."""
    d = to_date(value)
    if leading_zero:
        day, month = f"{d.day:02d}", (f"{d.month:02d}" if d.month <= 2 else str(d.month))
    else:
        day, month = str(d.day), str(d.month)
    return f"ngày {day} tháng {month} năm {d.year}"


def spoken_time(value: time | datetime | str) -> str:
    """'7 giờ 30 phút' from '07:30', '07:30:00', a time or a moment."""
    if isinstance(value, str):
        clock = value.split("T", 1)[1] if "T" in value else value
        hour, minute = (int(part) for part in clock.split(":")[:2])
    else:
        hour, minute = value.hour, value.minute
    return f"{hour} giờ {minute:02d} phút"


def spoken_moment(value: str | datetime) -> str:
    """'7 giờ 30 phút, ngày 18 tháng 6 năm 2026' from a moment."""
    moment = to_datetime(value)
    return f"{spoken_time(moment)}, {long_date(moment)}"
