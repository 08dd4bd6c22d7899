"""Frozen dataclasses: what the store hands to screens and printouts.

Moments (`*_at`) are local ISO strings "YYYY-MM-DDTHH:MM:SS"; dates "YYYY-MM-DD";
times of day "HH:MM". Screens compute durations from moments with their clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field

from .who import person
from .vocabulary import (  # noqa: F401  (re-exported: the vocabulary's old home)
    DEFAULT_FIELDS,
    HONORIFICS,
    MEETING_STATUS_LABELS,
    OUTCOME_LABELS,
    SOURCE_LABELS,
    SPEAKER_STATUS_LABELS,
    MeetingStatus,
    Outcome,
    Source,
    SpeakerStatus,
)


@dataclass(frozen=True)
class Chair:
    id: int
    position: int
    name: str
    title: str


@dataclass(frozen=True)
class Person:
    """A named delegate (đại biểu cấp trên) or an official present (cán bộ, công chức)."""

    id: int
    position: int
    name: str
    title: str | None

    @property
    def line(self) -> str:
        """'Nguyễn Văn A, Phó Chủ tịch UBND huyện'."""
        return f"{self.name}, {self.title}" if self.title else self.name


@dataclass(frozen=True)
class Task:
    """A task after the meeting, from the plan's timeline."""

    id: int
    position: int
    task: str
    due: str | None  # YYYY-MM-DD


@dataclass(frozen=True)
class AttendanceGroup:
    id: int
    position: int
    group: str
    invited: int | None
    present: int | None


@dataclass(frozen=True)
class Field:
    id: int
    position: int
    name: str


@dataclass(frozen=True)
class Step:
    id: int
    position: int  # 1-based, the "TT" of the programme table
    content: str
    lead: str | None
    minutes: int | None
    dialogue: bool
    started_at: str | None
    ended_at: str | None
    presenter: str | None = None  # who presented it ("Đ/c Trần Văn B, PCT UBND xã")
    gist: str | None = None  # what was reported, in brief (the secretary's note)

    @property
    def is_current(self) -> bool:
        return self.started_at is not None and self.ended_at is None

    @property
    def is_done(self) -> bool:
        return self.ended_at is not None


@dataclass(frozen=True)
class Meeting:
    id: int
    title: str
    organisation: str  # issuing body, e.g. "Ủy ban nhân dân xã Kè Sắt"
    parent: str | None  # body above it, e.g. "Ủy ban nhân dân huyện ..." (may be empty)
    place_name: str  # địa danh for the date line, e.g. "Kè Sắt"
    venue: str
    date: str  # YYYY-MM-DD
    start: str  # HH:MM planned
    end: str | None  # HH:MM planned
    speaking_limit_minutes: int
    secretary_name: str
    secretary_title: str | None
    status: MeetingStatus
    started_at: str | None
    ended_at: str | None
    conclusion: str | None
    created_at: str
    sealed_hash: str | None = None
    sealed_at: str | None = None
    reopened_at: str | None = None  # the seal was broken on purpose at this moment
    reopened_reason: str | None = None
    broken_seal: str | None = None


@dataclass(frozen=True)
class Speaker:
    id: int
    reg_no: int  # registration order, 1, 2, 3 ...
    honorific: str  # "Ông" / "Bà"
    name: str
    hamlet: str | None
    organisation: str | None
    field_id: int | None
    field_name: str | None
    status: SpeakerStatus
    registered_at: str
    called_at: str | None
    finished_at: str | None
    spoke_order: int | None  # order in which people actually took the floor

    @property
    def display_name(self) -> str:
        """'Ông Nguyễn Văn An (thôn Quán Gỏi)'."""
        return person(self.honorific, self.name, self.hamlet)

    @property
    def short_name(self) -> str:
        """'Ông Nguyễn Văn An'."""
        return person(self.honorific, self.name)


@dataclass(frozen=True)
class Opinion:
    id: int
    number: int  # 1, 2, 3 ... in the order recorded, per meeting
    source: Source
    speaker_id: int | None
    speaker_display: str | None  # "Ông Nguyễn Văn An (thôn Quán Gỏi)", None for a slip
    author: str | None  # for slips / before-meeting opinions: who wrote it, if known
    author_address: str | None
    field_id: int | None
    field_name: str | None
    content: str
    follows_id: int | None  # the opinion this one follows up
    follows_number: int | None
    answered_by: str | None
    answer: str | None
    outcome: Outcome | None
    agency: str | None
    deadline: str | None  # YYYY-MM-DD
    created_at: str
    answered_at: str | None
    external_key: str | None = None  # e.g. STT of a before-meeting sheet (re-import dedupe)
    co_agency: str | None = None  # an assignment's co-agency (phối hợp)

    @property
    def has_answer(self) -> bool:
        return self.outcome is not None


@dataclass(frozen=True)
class JournalEntry:
    id: int
    at: str
    op: str
    entity: str
    entity_id: int | None
    data: dict = dc_field(default_factory=dict)
    seq: int | None = None  # the row's number in the meeting's journal chain


@dataclass(frozen=True)
class ConclusionGroup:
    """Opinions on one matter, merged by the secretary under one conclusion."""

    id: int
    text: str
    opinion_ids: tuple[int, ...]  # in number order


@dataclass(frozen=True)
class MeetingRecord:
    """Everything about one meeting, as printouts and exports need it."""

    meeting: Meeting
    chairs: list[Chair]
    attendance: list[AttendanceGroup]
    fields: list[Field]
    steps: list[Step]
    speakers: list[Speaker]  # in registration order
    opinions: list[Opinion]  # in number order
    delegates: list[Person] = dc_field(default_factory=list)
    officials: list[Person] = dc_field(default_factory=list)
    notice_recipients: list[str] = dc_field(default_factory=list)  # empty: the documents' defaults
    minutes_recipients: list[str] = dc_field(default_factory=list)
    timeline: list[Task] = dc_field(default_factory=list)
    conclusion_groups: list[ConclusionGroup] = dc_field(default_factory=list)
    minutes_approved: bool = True  # the minutes were read out to the meeting and approved

    @property
    def current_step(self) -> Step | None:
        return next((s for s in self.steps if s.is_current), None)

    @property
    def current_speaker(self) -> Speaker | None:
        return next((s for s in self.speakers if s.status is SpeakerStatus.SPEAKING), None)
