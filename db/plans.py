"""The plan as data: what a meeting is created from.

Reading and writing plan files (TOML) lives in `intake.plan_file`.
"""

from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from datetime import date, time

from .models import DEFAULT_FIELDS


@dataclass
class PlanChair:
    name: str
    title: str


@dataclass
class PlanPerson:
    """A named delegate of the higher level, or an official present who may answer."""

    name: str
    title: str | None = None


@dataclass
class PlanTask:
    """A task after the meeting and its due date (review meeting, notice, answers, archive)."""

    task: str
    due: date | None = None  # some tasks have none ("lưu trữ hồ sơ theo quy định")


@dataclass
class PlanGroup:
    group: str
    invited: int | None = None


@dataclass
class PlanStep:
    content: str
    lead: str | None = None
    minutes: int | None = None
    dialogue: bool = False


@dataclass
class PlanOpinion:
    """An opinion gathered before the meeting (phiếu lấy ý kiến)."""

    content: str
    author: str | None = None
    address: str | None = None
    field: str | None = None
    answer: str | None = None
    answered_by: str | None = None
    outcome: str | None = None
    agency: str | None = None
    deadline: date | None = None
    key: str | None = None


@dataclass
class Plan:
    title: str
    organisation: str
    place_name: str
    venue: str
    date: date
    start: time
    secretary_name: str
    chairs: list[PlanChair]
    programme: list[PlanStep]
    parent: str | None = None
    end: time | None = None
    speaking_limit_minutes: int = 5
    secretary_title: str | None = None
    attendance: list[PlanGroup] = dc_field(default_factory=list)
    fields: list[str] = dc_field(default_factory=lambda: list(DEFAULT_FIELDS))
    before: list[PlanOpinion] = dc_field(default_factory=list)
    delegates: list[PlanPerson] = dc_field(default_factory=list)
    officials: list[PlanPerson] = dc_field(default_factory=list)
    notice_recipients: list[str] = dc_field(default_factory=list)  # "(b/c)" kept as typed
    minutes_recipients: list[str] = dc_field(default_factory=list)
    timeline: list[PlanTask] = dc_field(default_factory=list)
