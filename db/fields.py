"""The record's fields, declared once: what a plan carries, section by section, with each
key's type, whether it is required, its Vietnamese label and its limits.

The plan file's schema and checks (intake.plan_file), the meeting form
(intake.plan_form, screens/meeting_form.py), the JSON export and import (db.exchange)
and the meeting's row mapping (db.meetings) read these declarations. Adding a key to
the meeting means: one `Spec` here, the column in a migration, and the attribute on
`Plan` and `Meeting`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Literal

from .plans import PlanChair, PlanGroup, PlanOpinion, PlanPerson, PlanStep, PlanTask
from .text import LONG, SHORT
from .vndate import iso_date, iso_time
from .vocabulary import Document

Kind = Literal["str", "longstr", "int", "bool", "date", "time"]
#: The bounds of a count or a number of minutes in a plan (never negative).
INT_LOW, INT_HIGH = 0, 100_000


@dataclass(frozen=True)
class Spec:
    key: str  # in the plan file, the form and the export, inside its section
    kind: Kind
    label: str  # Vietnamese, for the form and messages
    required: bool = False
    column: str | None = None  # the store's column (and Plan attribute) when not `key`
    low: int = INT_LOW  # bounds of an int
    high: int = INT_HIGH
    default: object = None  # what a missing optional value means

    @property
    def attr(self) -> str:
        """The column in the store, and the attribute on Plan / Meeting."""
        return self.column or self.key

    @property
    def max_len(self) -> int:
        return LONG if self.kind == "longstr" else SHORT

    @property
    def multiline(self) -> bool:
        return self.kind == "longstr"

    def to_store(self, value: object) -> object:
        """A Plan value as the store keeps it (dates ISO, times HH:MM, bools 0/1)."""
        if value is None:
            return None
        if self.kind == "date":
            return iso_date(value)  # type: ignore[arg-type]
        if self.kind == "time":
            return iso_time(value)  # type: ignore[arg-type]
        if self.kind == "bool":
            return int(bool(value))
        return value

    def from_store(self, value: object) -> object:
        """The store's value as a Plan holds it (date, time, bool)."""
        if value is None:
            return None
        if self.kind == "date":
            return date.fromisoformat(str(value))
        if self.kind == "time":
            return time.fromisoformat(str(value))
        if self.kind == "bool":
            return bool(value)
        return value


@dataclass(frozen=True)
class Section:
    """A part of the plan: one table ([meeting]) or an array of tables ([[chairs]])."""

    name: str  # the plan file's table, the Plan's attribute for a list
    label: str
    specs: tuple[Spec, ...]
    item: type | None = None  # the Plan's item dataclass (arrays of tables)

    @property
    def many(self) -> bool:
        return self.item is not None

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.specs)

    def spec(self, key: str) -> Spec:
        return next(s for s in self.specs if s.key == key)

    @property
    def required(self) -> frozenset[str]:
        return frozenset(s.key for s in self.specs if s.required)


@dataclass(frozen=True)
class TextList:
    """A plain list of strings at the top of the plan file (fields, recipients)."""

    name: str
    label: str
    item_label: str
    non_empty: bool = False  # when given, it must list at least one
    unique: bool = False  # no item twice
    row_key: str = "text"  # the key of one item in the meeting form's rows
    document: Document | None = None  # recipients: whose Nơi nhận this is


MEETING = Section("meeting", "Thông tin chung", (
    Spec("title", "str", "Tên hội nghị", required=True),
    Spec("organisation", "str", "Cơ quan tổ chức", required=True),
    Spec("parent", "str", "Cơ quan cấp trên"),
    Spec("place_name", "str", "Địa danh (dòng ngày)", required=True),
    Spec("venue", "str", "Địa điểm", required=True),
    Spec("date", "date", "Ngày họp", required=True),
    Spec("start", "time", "Giờ bắt đầu", required=True),
    Spec("end", "time", "Giờ kết thúc"),
    Spec("speaking_limit_minutes", "int", "Phút mỗi lượt nói", default=5),
))
SECRETARY = Section("secretary", "Thư ký", (
    Spec("name", "str", "Họ tên thư ký", required=True, column="secretary_name"),
    Spec("title", "str", "Chức vụ thư ký", column="secretary_title"),
))
CHAIRS = Section("chairs", "Chủ trì", (
    Spec("name", "str", "Họ tên", required=True),
    Spec("title", "str", "Chức vụ", required=True),
), PlanChair)
DELEGATES = Section("delegates", "Đại biểu cấp trên", (
    Spec("name", "str", "Họ tên", required=True),
    Spec("title", "str", "Chức vụ, đơn vị"),
), PlanPerson)
OFFICIALS = Section("officials", "Cán bộ, công chức dự và trả lời", (
    Spec("name", "str", "Họ tên", required=True),
    Spec("title", "str", "Chức vụ"),
), PlanPerson)
ATTENDANCE = Section("attendance", "Thành phần tham dự", (
    Spec("group", "str", "Thành phần", required=True),
    Spec("invited", "int", "Số mời"),
), PlanGroup)
PROGRAMME = Section("programme", "Chương trình", (
    Spec("content", "longstr", "Nội dung", required=True),
    Spec("lead", "str", "Điều hành"),
    Spec("minutes", "int", "Phút"),
    Spec("dialogue", "bool", "Bước đối thoại", default=False),
), PlanStep)
TIMELINE = Section("timeline", "Việc sau hội nghị", (
    Spec("task", "str", "Việc", required=True),
    Spec("due", "date", "Hạn"),
), PlanTask)
BEFORE = Section("before", "Ý kiến trước hội nghị", (
    Spec("key", "str", "STT"),
    Spec("author", "str", "Họ tên"),
    Spec("address", "str", "Địa chỉ"),
    Spec("field", "str", "Lĩnh vực"),
    Spec("content", "longstr", "Nội dung", required=True),
    Spec("answered_by", "str", "Người trả lời"),
    Spec("answer", "longstr", "Trả lời"),
    Spec("outcome", "str", "Kết quả"),
    Spec("agency", "str", "Cơ quan"),
    Spec("deadline", "date", "Thời hạn"),
), PlanOpinion)

#: Every section of a plan file, in the order a plan file is written.
SECTIONS: dict[str, Section] = {s.name: s for s in (
    MEETING, CHAIRS, DELEGATES, OFFICIALS, SECRETARY, ATTENDANCE, PROGRAMME, TIMELINE, BEFORE)}

FIELDS = TextList("fields", "Lĩnh vực phân loại ý kiến", "Lĩnh vực", non_empty=True, unique=True,
                  row_key="name")
NOTICE_RECIPIENTS = TextList("notice_recipients", "Nơi nhận thông báo kết luận", "Nơi nhận",
                             document=Document.NOTICE)
MINUTES_RECIPIENTS = TextList("minutes_recipients", "Nơi nhận biên bản", "Nơi nhận",
                              document=Document.MINUTES)
TEXT_LISTS: dict[str, TextList] = {t.name: t for t in (FIELDS, NOTICE_RECIPIENTS, MINUTES_RECIPIENTS)}

#: The lists the meeting form edits row by row, in the form's order (after the meeting's
#: details and the secretary): sections, then plain lists of strings.
FORM_LISTS: tuple[Section | TextList, ...] = (
    CHAIRS, ATTENDANCE, PROGRAMME, FIELDS, DELEGATES, OFFICIALS, NOTICE_RECIPIENTS, MINUTES_RECIPIENTS,
    TIMELINE)

#: The meetings table's plan columns: the meeting's keys, then the secretary's.
PLAN_COLUMNS: tuple[Spec, ...] = MEETING.specs + SECRETARY.specs
