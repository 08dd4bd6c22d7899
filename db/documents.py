"""The secretary's choices for the printed documents, shared by the end screen and the CLI.

Whether the conclusion notice is final (no "DỰ THẢO" marks) and how its public
version names citizens. These are printing choices, not the meeting's record:
they are neither journaled nor sealed, and can be changed after sealing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from .clock import moment
from .connection import transaction
from .meetings import get_meeting

if TYPE_CHECKING:
    import sqlite_utils


class PublicNaming(Enum):
    """How the public notice names a citizen."""

    INITIALS = "initials"  # "Ông N.V.A (thôn Quán Gỏi)"
    HAMLET = "hamlet"  # "cử tri thôn Quán Gỏi"

    @property
    def label(self) -> str:
        return _NAMING_LABELS[self]


_NAMING_LABELS = {
    PublicNaming.INITIALS: "danh xưng, tên viết tắt và thôn",
    PublicNaming.HAMLET: "cử tri thôn …",
}


@dataclass(frozen=True)
class DocumentChoices:
    notice_final: bool = False
    public_naming: PublicNaming = PublicNaming.INITIALS


def get_choices(db: sqlite_utils.Database, meeting_id: int) -> DocumentChoices:
    rows = list(db.query("SELECT notice_final, public_naming FROM documents WHERE meeting_id = ?",
                         [meeting_id]))
    if not rows:
        return DocumentChoices()
    return DocumentChoices(bool(rows[0]["notice_final"]), PublicNaming(rows[0]["public_naming"]))


def set_choices(db: sqlite_utils.Database, meeting_id: int, *, notice_final: bool | None = None,
                public_naming: PublicNaming | None = None,
                now: datetime | None = None) -> DocumentChoices:
    """Change one or both choices (committed on return); returns what is stored now."""
    with transaction(db):
        get_meeting(db, meeting_id)  # NotFound for an unknown meeting
        current = get_choices(db, meeting_id)
        final = current.notice_final if notice_final is None else bool(notice_final)
        naming = current.public_naming if public_naming is None else PublicNaming(public_naming)
        db.execute(
            """INSERT INTO documents (meeting_id, notice_final, public_naming, changed_at)
               VALUES (?, ?, ?, ?)
               ON CONFLICT(meeting_id) DO UPDATE SET notice_final = excluded.notice_final,
                   public_naming = excluded.public_naming, changed_at = excluded.changed_at""",
            [meeting_id, int(final), naming.value, moment(now)],
        )
    return DocumentChoices(final, naming)
