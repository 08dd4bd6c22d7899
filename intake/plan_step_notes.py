"""What the end of a step's line says besides its content (a part of the reader, used by
plan_programme.ProgrammeMixin.add_step): its length or time slot and who leads it, in a note in
brackets ("(Văn phòng HĐND - UBND xã, 10 phút)"), after the note and a dash ("(10 phút) – Văn phòng
…"), before it after a dash or colon ("– Chủ tịch UBND xã (05 phút)"), or each after a dash
("— Văn phòng Đảng ủy — 10 phút.").
"""

from __future__ import annotations

import re

from .plan_found import trim
from .plan_steps import leader_span

_I = re.IGNORECASE
# "(07 giờ 15 – 07 giờ 30)", "(Bà Lâm Thị Thu, Phó Chủ tịch)": a step's time or lead, not its content
# "[Chủ tịch UBND phường; 05 phút]": the same note in square brackets
_STEP_NOTE = re.compile(r"\s*(?:\((?P<note>[^()]*)\)|\[(?=[^\[\]]*\]\s*[.;:]?\s*$)(?P<square>[^\[\]]*)\])\s*[.;:]?\s*$")
# "… đại biểu (10 phút) – Văn phòng HĐND và UBND xã.": the note, then who leads the step after a dash
_NOTE_THEN_LEAD = re.compile(r"\((?P<note>[^()]*)\)\s*[-–—]\s+(?P<lead>[^()]{3,120}?)\s*[.;]?\s*$")
# "Khai mạc – Chủ tịch UBND xã (05 phút)": who leads the step after a spaced dash, the note after it
_DASH_LEAD = re.compile(r"\s[-–—]\s+(?=\S)")
# "content — Văn phòng Đảng ủy — 10 phút.": who leads the step and its length, each after a dash
_DASHED_DETAILS = re.compile(r"\s[–—]\s+(?P<lead>[^–—()]{3,120}?)\s+[–—]\s+(?P<m>(?P<min>\d{1,3})\s*phút)\s*[.;]?\s*$", _I)
# how long a step takes: "10 phút", "dự kiến 15'", "khoảng 90 phút"
_DURATION = r"(?:(?:dự\s+kiến|khoảng|thời\s+gian|trong)\s*:?\s*)*(?P<min>\d{1,3})\s*(?:phút|')"
_RANGE = r"\d{1,2}\s*(?:h|giờ|g|:)\s*(?:\d{2})?\s*(?:phút|')?\s*(?:-|–|—|đến)\s*\d{1,2}\s*(?:h|giờ|g|:)\s*(?:\d{2})?\s*(?:phút|')?"
# where a step's note holds its duration or time slot, and the rest of the note: who leads it
_NOTE_TIME = re.compile(rf"\s*(?P<when>{_DURATION}|{_RANGE})\s*(?:(?:[,;:]|\s[-–—]\s)\s*(?P<after>.*?))?\s*$"
                        rf"|\s*(?P<before>.*?)\s*(?:[,;:]|\s[-–—]\s)\s*(?P<when2>{_DURATION.replace('min', 'min2')}"
                        rf"|{_RANGE})\s*$", _I)


def step_tail(text: str, start: int, end: int, script: bool = False) -> tuple[tuple | None, tuple | None, int]:
    """(when as (start, end, minutes or None) or None, who leads as (start, end) or None, where the
    content ends) of the step text[start:end]; a script's note in brackets is never its content."""
    when = lead = None
    c_end = end
    note = _STEP_NOTE.search(text, start, end)
    dashed = None
    dashes = None if note else _DASHED_DETAILS.search(text, start, end)
    if dashes and dashes.start() - start >= 3 and leader_span(text, dashes.start("lead"), dashes.end("lead")):
        when = (dashes.start("m"), dashes.end("m"), dashes["min"])
        return when, leader_span(text, dashes.start("lead"), dashes.end("lead")), dashes.start()
    if not note:
        note = _NOTE_THEN_LEAD.search(text, start, end)
        dashed = note and leader_span(text, note.start("lead"), note.end("lead"))
        note = note if dashed else None
    if note and note.start() - start >= 3:
        key = "note" if note["note"] is not None else "square"
        when, lead = step_note(text, note.start(key), note.end(key))
        if dashed and lead is None:
            lead = dashed
        if when or lead or script:
            c_end = note.start()
        if when and lead is None:
            lead, c_end = _lead_after_dash(text, start, c_end)
    return when, lead, c_end


def step_note(text: str, start: int, end: int) -> tuple[tuple | None, tuple[int, int] | None]:
    """A step's note in brackets, text[start:end]: (its duration or time slot as (start, end, minutes
    or None), who leads it as (start, end)); a note with neither ("có tài liệu kèm theo") gives
    (None, None)."""
    timed = _NOTE_TIME.match(text, start, end)
    when, rest = None, (start, end)
    if timed:
        key = "when" if timed["when"] else "when2"
        when = (*trim(text, timed.start(key), timed.end(key)), timed["min"] or timed["min2"])
        other = "after" if timed["when"] else "before"
        rest = (timed.start(other), timed.end(other)) if timed[other] is not None else (end, end)
    return when, leader_span(text, *rest)


def _lead_after_dash(text: str, start: int, end: int) -> tuple[tuple[int, int] | None, int]:
    """(who leads, where the content ends) for a timed step "content – lead" or "content: lead": the
    last colon followed by a leader ("…: Văn phòng HĐND - UBND xã (10 phút)", the dash inside the
    lead), else the last spaced dash followed by one; else (None, end)."""
    colon = text.rfind(": ", start, end)
    if colon - start >= 3 and ";" not in text[colon:end]:
        lead = leader_span(text, colon + 1, end)
        if lead:
            return lead, colon
    last = None
    for last in _DASH_LEAD.finditer(text, start, end):
        pass
    lead = leader_span(text, last.end(), end) if last and last.start() - start >= 3 else None
    return (lead, last.start()) if lead else (None, end)

