"""Both printouts under hostile text: whatever the store accepted (decomposed letters,
right-to-left marks, emoji, markup, long strings) is stored, read back with
`load_record` and printed without a crash; Vietnamese words mixed with markup
characters come out of the PDFs letter for letter, and each Word file says what its
PDF says.

PDFs are slow: few examples, no deadline."""

from __future__ import annotations

import copy
import tempfile
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st
from pypdf import PdfReader

from db import meetings, opinions, speakers
from db.connection import open_db
from db.errors import ValidationError
from db.meetings import load_record
from intake.plan_file import PlanError, load_plan, parse_plan, plan_to_toml
from reports import print_documents

from .conftest import DEMO_PLAN
from .reports_docx import docx_text
from .reports_pdf import body_text, squash
from .strategies import MARKUP, VIETNAMESE, expected_stored, hostile

PLAN = load_plan(DEMO_PLAN)
NOW = datetime(2026, 6, 18, 11, 30)
SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@lru_cache(maxsize=1)
def _font():
    from .reports_fixtures import bundled_font

    return bundled_font()


def _accepted(call, value, fallback):
    """Store `value`; where the store refuses it (a clear ValidationError), the fallback."""
    try:
        return call(value), value
    except ValidationError as exc:
        assert exc.reason
        return call(fallback), fallback


def _meeting(db, title: str) -> int:
    plan = copy.deepcopy(PLAN)
    plan.title = title
    try:
        plan = parse_plan(plan_to_toml(plan), source="p.toml")
    except PlanError:
        plan = PLAN
    return meetings.create_meeting(db, plan)


def _print(db, meeting_id: int, *, same_docx: bool = False) -> tuple[Path, Path, str, str]:
    record = load_record(db, meeting_id)
    with tempfile.TemporaryDirectory() as out:
        minutes, notice = print_documents(record, out, font=_font(), now=NOW)
        for pdf in (minutes, notice):
            assert PdfReader(str(pdf)).pages, pdf
            assert pdf.with_suffix(".docx").stat().st_size > 0
            if same_docx:  # (letters the font lacks come back from a PDF as something else)
                # the Word file says what the PDF says (spaces aside: long words break in the PDF)
                assert squash(docx_text(pdf.with_suffix(".docx"))) == squash(body_text(pdf)), pdf.name
        return minutes, notice, body_text(minutes), body_text(notice)


@SETTINGS
@given(title=hostile, name=hostile, hamlet=hostile, content=hostile, author=hostile, slip=hostile,
       answer=hostile, agency=hostile, conclusion=hostile)
def test_accepted_hostile_text_prints_without_a_crash(title, name, hamlet, content, author, slip, answer,
                                                       agency, conclusion):
    db = open_db(memory=True)
    try:
        mid = _meeting(db, title)
        meetings.start_meeting(db, mid)
        speaker, _ = _accepted(lambda v: speakers.register_speaker(db, mid, honorific="Bà", name=v), name, "Lan")
        _accepted(lambda v: speakers.register_speaker(db, mid, honorific="Ông", name="An", hamlet=v), hamlet, "")
        speakers.call_next(db, mid)
        spoken, _ = _accepted(lambda v: opinions.record_opinion(db, mid, v, speaker_id=speaker.id), content,
                              "Đường hỏng.")
        _accepted(lambda v: opinions.record_opinion(db, mid, "Phiếu ý kiến.", author=v, author_address=v), author,
                  "Bà Hoa")
        _accepted(lambda v: opinions.record_opinion(db, mid, v, author="Bà Hoa"), slip, "Phiếu.")
        _accepted(lambda v: opinions.record_answer(db, spoken.id, outcome="answered", answer=v), answer, "Đã rõ.")
        _accepted(lambda v: opinions.record_answer(db, spoken.id, outcome="assigned", agency=v,
                                                   deadline="2026-07-01"), agency, "Địa chính")
        _accepted(lambda v: meetings.set_conclusion(db, mid, v), conclusion, None)
        meetings.end_meeting(db, mid, backup=False)
        _print(db, mid)
    finally:
        db.close()


LETTERS = VIETNAMESE.replace(" ", "")
words = st.text(alphabet=LETTERS, min_size=1, max_size=10)
vietnamese_and_markup = st.lists(st.one_of(words, words, st.sampled_from(MARKUP)), min_size=1,
                                 max_size=10).map(" ".join)


@SETTINGS
@given(name=vietnamese_and_markup, content=vietnamese_and_markup, answer=vietnamese_and_markup,
       conclusion=vietnamese_and_markup)
def test_vietnamese_with_markup_prints_letter_for_letter(name, content, answer, conclusion):
    db = open_db(memory=True)
    try:
        mid = _meeting(db, PLAN.title)
        meetings.start_meeting(db, mid)
        speaker = speakers.register_speaker(db, mid, honorific="Ông", name=name)
        speakers.call_next(db, mid)
        spoken = opinions.record_opinion(db, mid, content, speaker_id=speaker.id)
        opinions.record_answer(db, spoken.id, outcome="answered", answer=answer)
        meetings.set_conclusion(db, mid, conclusion)
        meetings.end_meeting(db, mid, backup=False)
        _, _, minutes, notice = _print(db, mid, same_docx=True)
    finally:
        db.close()
    # Every letter, mark and markup character as stored; pypdf's spacing is not compared.
    for value in (name, content, answer, conclusion):
        assert squash(expected_stored(value)) in squash(minutes), value
    for value in (content, conclusion):
        assert squash(expected_stored(value)) in squash(notice), value
