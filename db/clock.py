"""Moments as the store writes them: local time, to the second, ISO format."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now().replace(microsecond=0)


def moment(now: datetime | None = None) -> str:
    """'2026-06-18T07:31:05' for `now` (default: the system clock)."""
    return (now or system_clock()).replace(microsecond=0, tzinfo=None).isoformat(timespec="seconds")


def parse_moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
