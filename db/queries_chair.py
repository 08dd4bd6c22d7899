"""What the chair's display shows, read in one consistent snapshot.

The chair's process opens the store read-only and watches `PRAGMA data_version`
(one cheap query per poll); only when it changes does it call `read_chair_view`,
which reads everything the display needs inside one read transaction.
Nothing here writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from .connection import read_snapshot
from .meetings import get_fields, get_meeting, get_steps, live_meeting_id
from .models import Meeting, Outcome, Source, Speaker, SpeakerStatus, Step
from .opinions import outcome_counts
from .speakers import counts as status_counts, current_speaker, list_speakers
from .who import person

if TYPE_CHECKING:
    import sqlite_utils

#: How much of an opinion's text the display reads: enough for the first line.
GIST_CHARS = 240


@dataclass(frozen=True)
class WaitingOpinion:
    """An opinion still waiting for an answer, as one line of the display."""

    number: int
    source: Source
    who: str | None  # "Ông Nguyễn Văn An", or the slip's author; None if unknown
    field_name: str | None
    gist: str  # the start of the content, whitespace collapsed to one line


@dataclass(frozen=True)
class ChairView:
    """Everything on the chair's display at one moment. Compared by value, so the
    display repaints only when something it shows has changed."""

    meeting: Meeting
    steps: tuple[Step, ...]
    speaker: Speaker | None
    queue: tuple[Speaker, ...]  # waiting, then absent (re-callable), registration order
    speaker_counts: tuple[tuple[SpeakerStatus, int], ...]
    outcomes: tuple[tuple[Outcome | None, int], ...]  # None: not answered yet
    waiting: tuple[tuple[str | None, tuple[WaitingOpinion, ...]], ...]  # by field, plan order

    @property
    def step(self) -> Step | None:
        return next((s for s in self.steps if s.is_current), None)

    @property
    def opinion_total(self) -> int:
        return sum(n for _, n in self.outcomes)

    def outcome_count(self, outcome: Outcome | None) -> int:
        return dict(self.outcomes).get(outcome, 0)

    def speaker_count(self, status: SpeakerStatus) -> int:
        return dict(self.speaker_counts).get(status, 0)

    def next_speakers(self, n: int = 2) -> tuple[Speaker, ...]:
        """The next `n` to be called: waiting, in registration order (absent ones are
        called again only by hand)."""
        return tuple(s for s in self.queue if s.status is SpeakerStatus.WAITING)[:n]


class FileChange(str, Enum):
    """What happened to the store's file under a reader that keeps it open."""

    REPLACED = "replaced"  # another file now has its name (a copy, a restore)
    TRUNCATED = "truncated"  # the same file, shorter than before
    REMOVED = "removed"  # no file by that name


@dataclass(frozen=True)
class FileState:
    """The identity and size of the file behind a name, or missing."""

    exists: bool
    device: int = 0
    inode: int = 0
    size: int = 0
    mtime_ns: int = 0  # moves with checkpoints too: a hint, not a change by itself


def file_state(path: str | os.PathLike) -> FileState:
    """One stat call (cheap enough for every poll)."""
    try:
        st = os.stat(Path(path))
    except OSError:
        return FileState(False)
    return FileState(True, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def file_change(before: FileState, now: FileState) -> FileChange | None:
    """How `now` differs from `before` for a reader of the file; None if it does not.
    A store's file only grows (WAL checkpoints, no VACUUM), so a smaller one was cut.
    On Windows st_ino is the file index, so a copy over the name shows as well."""
    if not now.exists:
        return FileChange.REMOVED if before.exists else None
    if not before.exists or (now.device, now.inode) != (before.device, before.inode):
        return FileChange.REPLACED
    if now.size < before.size:
        return FileChange.TRUNCATED
    return None


def data_version(db: sqlite_utils.Database) -> int:
    """SQLite's counter that changes whenever another connection commits."""
    return db.execute("PRAGMA data_version").fetchone()[0]


def read_chair_view(db: sqlite_utils.Database, meeting_id: int | None = None) -> ChairView | None:
    """The display's snapshot of `meeting_id`, or of the live meeting when None.

    Returns None when no meeting is given and none is live. Raises NotFound for a
    meeting id that does not exist. One read transaction: a consistent picture even
    while the secretary writes.
    """
    with read_snapshot(db):
        if meeting_id is None:
            meeting_id = live_meeting_id(db)
            if meeting_id is None:
                return None
        meeting = get_meeting(db, meeting_id)
        queue = list_speakers(db, meeting_id, (SpeakerStatus.WAITING, SpeakerStatus.ABSENT))
        queue.sort(key=lambda s: (s.status is SpeakerStatus.ABSENT, s.reg_no))
        return ChairView(
            meeting=meeting,
            steps=tuple(get_steps(db, meeting_id)),
            speaker=current_speaker(db, meeting_id),
            queue=tuple(queue),
            speaker_counts=tuple(status_counts(db, meeting_id).items()),
            outcomes=tuple(outcome_counts(db, meeting_id).items()),
            waiting=_waiting_by_field(db, meeting_id),
        )


def _waiting_by_field(db: sqlite_utils.Database, meeting_id: int
                      ) -> tuple[tuple[str | None, tuple[WaitingOpinion, ...]], ...]:
    rows = db.execute(
        """SELECT o.number, o.source, o.author, o.field_id, substr(o.content, 1, ?),
                  s.honorific, s.name
           FROM opinions o LEFT JOIN speakers s ON s.id = o.speaker_id
           WHERE o.meeting_id = ? AND o.outcome IS NULL ORDER BY o.number""",
        [GIST_CHARS, meeting_id]).fetchall()
    fields = get_fields(db, meeting_id)
    names = {f.id: f.name for f in fields}
    groups: dict[int | None, list[WaitingOpinion]] = {}
    for number, source, author, field_id, content, honorific, name in rows:
        who = person(honorific, name) if name else author
        groups.setdefault(field_id, []).append(WaitingOpinion(
            number=number, source=Source(source), who=who, field_name=names.get(field_id),
            gist=" ".join(content.split())))
    order = [f.id for f in fields if f.id in groups] + [k for k in groups if k not in names]
    return tuple((names.get(fid), tuple(groups[fid])) for fid in order)
