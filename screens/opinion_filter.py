"""Which opinions the live screen's list shows: every one, or those matching an
outcome (or none yet), a field and some words. Words match without regard to case
or accents: "duong" finds "đường"."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

from db.models import Field, Opinion, Outcome
from intake.vn_input import fold

#: The outcome filter: ANY (no filter), UNANSWERED (no outcome yet) or an Outcome.
ANY = "any"
UNANSWERED = "unanswered"


@dataclass(frozen=True)
class OpinionFilter:
    outcome: str | Outcome = ANY
    field_id: int | None = None
    words: str = ""

    @property
    def active(self) -> bool:
        return self.outcome != ANY or self.field_id is not None or bool(self.words.strip())

    def matches(self, o: Opinion) -> bool:
        if self.outcome == UNANSWERED and o.outcome is not None:
            return False
        if isinstance(self.outcome, Outcome) and o.outcome is not self.outcome:
            return False
        if self.field_id is not None and o.field_id != self.field_id:
            return False
        wanted = fold(self.words).split()
        if wanted:
            haystack = fold(" ".join(filter(None, (
                str(o.number), o.content, o.speaker_display, o.author, o.author_address,
                o.field_name, o.answer, o.answered_by, o.agency))))
            return all(w in haystack for w in wanted)
        return True

    def apply(self, opinions: Iterable[Opinion]) -> list[Opinion]:
        return [o for o in opinions if self.matches(o)] if self.active else list(opinions)

    def describe(self, fields: list[Field]) -> str:
        """'chưa trả lời · Đất đai · "duong"' for the list's title; '' when none."""
        parts = []
        if self.outcome == UNANSWERED:
            parts.append("chưa trả lời")
        elif isinstance(self.outcome, Outcome):
            parts.append(self.outcome.label)
        if self.field_id is not None:
            parts.append(next((f.name for f in fields if f.id == self.field_id), "?"))
        if self.words.strip():
            parts.append(f"“{self.words.strip()}”")
        return " · ".join(parts)


#: Values the filter picker offers (besides the fields).
CLEAR = "clear"


def filter_choices(current: OpinionFilter, fields: list[Field]) -> list[tuple[object, str]]:
    """The picker's entries: clear, unanswered, each outcome, each field."""
    choices: list[tuple[object, str]] = [(CLEAR, "Mọi ý kiến (bỏ mọi lọc và tìm)"),
                                         (UNANSWERED, "Chưa trả lời")]
    choices += [(o, f"Kết quả: {o.label}") for o in Outcome]
    choices += [(("field", f.id), f"Lĩnh vực: {f.name}") for f in fields]
    return choices


def choose(current: OpinionFilter, value: object) -> OpinionFilter:
    """The filter after picking `value` in the picker: outcome and field combine."""
    if value == CLEAR:
        return OpinionFilter()
    if isinstance(value, tuple) and value and value[0] == "field":
        return replace(current, field_id=None if current.field_id == value[1] else value[1])
    return replace(current, outcome=ANY if current.outcome == value else value)
