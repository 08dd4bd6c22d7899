"""Moments as the store writes them: local time, to the second, ISO format."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Callable

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now().replace(microsecond=0)


def moment(now: datetime | None = None) -> str:
    """'2026-06-18T07:31:05' for `now` (default: the system clock)."""
    return (now or system_clock()).replace(microsecond=0, tzinfo=None).isoformat(timespec="seconds")


def parse_moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def iso_date(value: date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return date.fromisoformat(str(value)).isoformat()


def hhmm(value: time | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return time.fromisoformat(str(value)).strftime("%H:%M")
