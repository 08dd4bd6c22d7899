"""Bad input everywhere: arbitrary Unicode through every store operation, the plan file
reader and the JSON import. Either a clear error naming the field, or the exact text."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from db import exchange, meetings, opinions, speakers
from db.connection import open_db
from db.errors import StoreError, ValidationError
from intake.plan_file import PlanError, load_plan, parse_plan, plan_to_toml

from .conftest import DEMO_PLAN
from .strategies import expected_stored, hostile

PLAN = load_plan(DEMO_PLAN)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _fresh():
    db = open_db(memory=True)
    mid = meetings.create_meeting(db, PLAN)
    meetings.start_meeting(db, mid)
    return db, mid


def _accepts_exactly(call, value, label, read_back):
    try:
        result = call(value)
    except ValidationError as exc:
        assert exc.field.startswith(label) and exc.reason
        return
    assert read_back(result) == expected_stored(value)


@SETTINGS
@given(name=hostile, hamlet=hostile, content=hostile, answer=hostile, agency=hostile, conclusion=hostile)
def test_every_operation_stores_exactly_or_refuses_clearly(name, hamlet, content, answer, agency, conclusion):
    db, mid = _fresh()
    _accepts_exactly(lambda v: speakers.register_speaker(db, mid, honorific="Ông", name=v), name, "Họ và tên",
                     lambda s: s.name)
    _accepts_exactly(lambda v: speakers.register_speaker(db, mid, honorific="Bà", name="Lan", hamlet=v),
                     hamlet, "Thôn", lambda s: s.hamlet or "")
    _accepts_exactly(lambda v: opinions.record_opinion(db, mid, v, author="x"), content, "Nội dung ý kiến",
                     lambda o: o.content)
    target = opinions.record_opinion(db, mid, "ý kiến", author="x")
    _accepts_exactly(lambda v: opinions.record_answer(db, target.id, outcome="answered", answer=v), answer,
                     "Nội dung trả lời", lambda o: o.answer)
    _accepts_exactly(lambda v: opinions.record_answer(db, target.id, outcome="assigned", agency=v,
                                                      deadline="2026-07-01"),
                     agency, "Cơ quan được giao", lambda o: o.agency)
    _accepts_exactly(lambda v: opinions.edit_opinion(db, target.id, content=v), content, "Nội dung ý kiến",
                     lambda o: o.content)
    _accepts_exactly(lambda v: (meetings.set_conclusion(db, mid, v), meetings.get_meeting(db, mid))[1],
                     conclusion, "Kết luận", lambda m: m.conclusion or "")
    db.close()


@SETTINGS
@given(title=hostile, venue=hostile, content=hostile)
def test_plan_reader_never_crashes(title, venue, content):
    import copy

    plan = copy.deepcopy(PLAN)
    plan.title, plan.venue, plan.programme[0].content = title, venue, content
    try:
        again = parse_plan(plan_to_toml(plan), source="p.toml")
    except PlanError as exc:
        assert exc.problems and all(line.startswith("p.toml:") for line in exc.lines())
    else:
        assert again.title == expected_stored(title) and again.venue == expected_stored(venue)
        assert again.programme[0].content == expected_stored(content)


@SETTINGS
@given(raw=st.text(max_size=400))
def test_plan_reader_on_arbitrary_files(raw):
    with pytest.raises(PlanError) as info:
        parse_plan(raw, source="rac.toml")
    assert all(line.startswith("rac.toml:") for line in info.value.lines())


@SETTINGS
@given(content=hostile, name=hostile)
def test_json_import_exact_or_refused_and_nothing_half_done(content, name):
    db, mid = _fresh()
    s = speakers.register_speaker(db, mid, honorific="Ông", name="An")
    opinions.record_opinion(db, mid, "gốc", speaker_id=s.id)
    doc = json.loads(json.dumps(exchange.export_meeting(db, mid)))
    doc["opinions"][-1]["content"] = content
    doc["speakers"][0]["name"] = name
    before = len(meetings.list_meetings(db))
    try:
        new_id = exchange.import_meeting(db, doc)
    except StoreError as exc:
        assert exc.message and len(meetings.list_meetings(db)) == before
    else:
        out = exchange.export_meeting(db, new_id)
        assert out["opinions"][-1]["content"] == expected_stored(content)
        assert out["speakers"][0]["name"] == expected_stored(name)
    db.close()


@SETTINGS
@given(raw=st.text(max_size=300))
def test_json_loads_on_arbitrary_text(raw):
    try:
        doc = exchange.loads(raw)
    except exchange.ExchangeError as exc:
        assert exc.message
    else:
        assert doc["format"] == exchange.FORMAT


def test_100kb_strings():
    db, mid = _fresh()
    text = "Đường " * 16_666 + "x" * 4  # exactly 100 000 characters
    assert len(text) == 100_000
    assert opinions.record_opinion(db, mid, text, author="x").content == text
    with pytest.raises(ValidationError, match="Nội dung ý kiến: dài 100.001 ký tự"):
        opinions.record_opinion(db, mid, text + "y", author="x")
    with pytest.raises(ValidationError, match="Họ và tên: dài 100.000 ký tự"):
        speakers.register_speaker(db, mid, honorific="Ông", name=text)
