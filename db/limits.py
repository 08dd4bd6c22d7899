"""How big a meeting may grow: a few generous limits, each with a clear sentence.

A commune meeting has a dozen programme steps, a few dozen speakers and a few
hundred opinions; the limits are far above that and stop a wrong file (a plan with
10,000 steps, an import of a whole register) from making every key slow.
The store checks them when rows are added; plan files and JSON imports check them
before anything is written. README.md ("Giới hạn") states them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ValidationError

if TYPE_CHECKING:
    import sqlite_utils

#: At most this many programme steps per meeting.
MAX_STEPS = 100
#: At most this many registered speakers per meeting.
MAX_SPEAKERS = 2_000
#: At most this many opinions (spoken, slips and gathered before) per meeting.
MAX_OPINIONS = 10_000

#: The widest integer SQLite stores (a larger one cannot be saved).
SQLITE_INT_MIN, SQLITE_INT_MAX = -(2 ** 63), 2 ** 63 - 1


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def steps_message(count: int) -> str:
    return (f"có {_n(count)} bước chương trình, vượt giới hạn {_n(MAX_STEPS)} bước; "
            "hãy gộp các bước hoặc kiểm tra lại tệp")


def speakers_message(count: int) -> str:
    return (f"có {_n(count)} người đăng ký phát biểu, vượt giới hạn {_n(MAX_SPEAKERS)} người "
            "cho một hội nghị")


def opinions_message(count: int) -> str:
    return (f"có {_n(count)} ý kiến, vượt giới hạn {_n(MAX_OPINIONS)} ý kiến cho một hội nghị; "
            "hãy tách thành nhiều tệp hoặc kiểm tra lại tệp")


def check_steps(count: int) -> None:
    if count > MAX_STEPS:
        raise ValidationError("Chương trình", steps_message(count))


def check_room_for_speaker(db: sqlite_utils.Database, meeting_id: int) -> None:
    """Refuse one more speaker when the meeting already has MAX_SPEAKERS."""
    count = db.execute("SELECT count(*) FROM speakers WHERE meeting_id = ?", [meeting_id]).fetchone()[0]
    if count >= MAX_SPEAKERS:
        raise ValidationError("Đăng ký phát biểu",
                              f"hội nghị đã có {_n(count)} người đăng ký, đạt giới hạn {_n(MAX_SPEAKERS)} người")


def check_room_for_opinions(db: sqlite_utils.Database, meeting_id: int, adding: int = 1) -> None:
    """Refuse `adding` more opinions when they would pass MAX_OPINIONS."""
    count = db.execute("SELECT count(*) FROM opinions WHERE meeting_id = ?", [meeting_id]).fetchone()[0]
    if count + adding > MAX_OPINIONS:
        raise ValidationError("Ý kiến", f"hội nghị đã có {_n(count)} ý kiến; thêm {_n(adding)} ý kiến "
                                        f"sẽ vượt giới hạn {_n(MAX_OPINIONS)} ý kiến")
