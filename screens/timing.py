"""Elapsed-time arithmetic shared by the secretary's and the chair's screens.

Durations are computed from stored moments and an injectable clock, so a restart
shows the same counter.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

#: The counter turns "near" when this fraction of the limit has passed.
NEAR_FRACTION = 0.8
#: From this many seconds before the limit the words "Còn 1 phút" show.
LAST_MINUTE = 60
#: The words for time running out (both screens say them, not only colour them).
TIME_LAST_MINUTE = "Còn 1 phút"
TIME_UP = "HẾT GIỜ"
TIME_OVER = "HẾT GIỜ · quá {over}"


class Level(str, Enum):
    OK = "ok"
    NEAR = "near"
    OVER = "over"


def elapsed_seconds(since: str | None, now: datetime) -> int:
    """Whole seconds from the stored moment `since` (ISO) to `now`; 0 if unknown."""
    if not since:
        return 0
    return max(0, int((now - datetime.fromisoformat(since)).total_seconds()))


def level(seconds: int, limit_minutes: int | None) -> Level:
    """How close `seconds` is to the limit: ok, near (>= 80 %), over (> limit)."""
    if not limit_minutes:
        return Level.OK
    limit = limit_minutes * 60
    if seconds > limit:
        return Level.OVER
    if seconds >= NEAR_FRACTION * limit:
        return Level.NEAR
    return Level.OK


def time_words(seconds: int, limit_minutes: int | None) -> str:
    """The speaking time in words, for those who cannot tell the colours apart:
    '' while more than a minute is left, 'Còn 1 phút' in the last minute, 'HẾT GIỜ'
    at the limit, then 'HẾT GIỜ · quá 00:42'."""
    if not limit_minutes:
        return ""
    left = limit_minutes * 60 - seconds
    if left > LAST_MINUTE:
        return ""
    if left > 0:
        return TIME_LAST_MINUTE
    return TIME_OVER.format(over=mmss(-left)) if left < 0 else TIME_UP


def mmss(seconds: int) -> str:
    """'04:07', or '1:02:05' past an hour."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


#: CSS classes both screens style: .timer-ok, .timer-near, .timer-over.
def css_class(lvl: Level) -> str:
    return f"timer-{lvl.value}"


def bell_due(since: str | None, limit_minutes: int | None, now: datetime) -> bool:
    """The speaker's time has run out (the one bell, when the secretary turned it on)."""
    return bool(since and limit_minutes) and elapsed_seconds(since, now) >= limit_minutes * 60
