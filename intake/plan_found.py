"""What the plan-document reader hands back, and the text helpers its parts share.

See plan_documents.py for the whole picture. A `Finding.value` is always a piece of
its `source_text`; the plan values are that text tidied (spaces collapsed, end
punctuation dropped, first letter capitalised) or, for dates, times and counts, read
from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
import datetime as dt

from .plan_runon import split
from .plan_source import Para, paragraphs
from db.plans import PlanGroup, PlanStep

ABBREV = {"q", "tm", "kt", "tl", "tuq", "t/m", "đ/c", "tp", "p", "ô", "b"}


@dataclass(frozen=True)
class Finding:
    """A value found in the document: `value` is verbatim text of `source_text`.

    `source_text` is line `line` as read (NFC, conversion markup removed); for a
    value that a conversion wrapped over several lines, the lines `line`..`end_line`
    joined by one space.
    """

    field: str
    value: str
    line: int
    source_text: str
    note: str = ""
    end_line: int | None = None


@dataclass(frozen=True)
class Missing:
    field: str
    note: str


@dataclass
class FoundChair:
    name: str | None = None
    title: str | None = None


@dataclass
class PartialPlan:
    """A plan as far as the document tells it: every field may be empty."""

    title: str | None = None
    organisation: str | None = None
    parent: str | None = None
    place_name: str | None = None
    venue: str | None = None
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    chairs: list[FoundChair] = field(default_factory=list)
    secretary_name: str | None = None
    secretary_title: str | None = None
    attendance: list[PlanGroup] = field(default_factory=list)
    invited_total: int | None = None
    programme: list[PlanStep] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    signer_name: str | None = None
    signer_title: str | None = None


def tidy(value: str, capitalise: bool = True) -> str:
    text = " ".join(value.split()).strip(" .;,:")
    if capitalise and text:
        text = text[0].upper() + text[1:]
    return text


def trim(text: str, start: int, end: int, chars: str = " .;,:") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
        if text[end] == ")" and text.count("(", start, end) > text.count(")", start, end):
            end += 1  # "(42 hộ)": the bracket closes one opened in the value
            break
    # keep an abbreviation's dot ("Q.") and a closing bracket that has its opening one
    if end < len(text) and text[end] == "." and text[start:end].split()[-1:] and \
            text[start:end].split()[-1].casefold() in ABBREV:
        end += 1
    return start, end


def is_name(words: list[str]) -> bool:
    """A person's name: 2-6 capitalised words; a word may join capitalised parts with an apostrophe,
    as names of the Central Highlands do ("H'Linh Êban", "Y’Bih"), or stand apart ("H' Yên Niê")."""
    return 2 <= len(words) <= 6 and all(_name_word(w) for w in words)


def _name_word(word: str) -> bool:
    parts = word.replace("’", "'").split("'")
    if len(parts) == 2 and not parts[1] and len(parts[0]) == 1:
        return parts[0].isupper()  # "H' Yên Niê": the prefix written apart from the name
    return len(parts) <= 2 and all(p.isalpha() and p[0].isupper() and (len(p) == 1 or p[1:].islower())
                                   for p in parts)


def sentence_end(text: str, start: int) -> int:
    for match in re.finditer(r"\.(?=\s|$)", text[start:]):
        before = text[start:start + match.start()].split()
        if before and before[-1].casefold() in ABBREV:
            continue
        return start + match.start()
    return len(text)


class ReaderBase:
    """Holds the document and what was found; `found` records a Finding for a span."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.paras = split(paragraphs(lines))
        self.plan = PartialPlan()
        self.findings: list[Finding] = []
        self.missing: list[Missing] = []
        self.step_spans: list[tuple[Para, int, int]] = []
        self.programme_times: list[tuple] = []  # (para, start, end, time) of the programme's times

    def found(self, name: str, para: Para, start: int, end: int, note: str = "") -> str:
        value, first, last, source = para.span(start, end)
        self.findings.append(Finding(name, value, first, source, note, last if last != first else None))
        return value

    def miss(self, name: str, note: str) -> None:
        self.missing.append(Missing(name, note))
