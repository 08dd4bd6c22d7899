"""The plan's fields declared once (db/fields.py), and the plan's people and lists:
delegates, officials, the Nơi nhận of each document, the tasks after the meeting."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from db import exchange
from db.fields import FORM_LISTS, PLAN_COLUMNS, SECTIONS, TEXT_LISTS, Section
from db.meeting_row import STATE_COLUMNS
from db.meetings import (
    create_meeting, get_delegates, get_officials, get_recipients, get_timeline, load_record, plan_of,
    update_plan,
)
from db.models import Meeting
from db.plans import Plan, PlanPerson, PlanTask
from db.vocabulary import Document
from intake.plan_file import PlanError, parse_plan, plan_to_toml
from intake.plan_form import check_plan_form, values_from_plan

from .conftest import DEMO_PLAN


def test_every_plan_attribute_is_declared_once():
    declared = [spec.attr for spec in PLAN_COLUMNS]
    declared += [name for name, section in SECTIONS.items() if section.many]
    declared += list(TEXT_LISTS)
    assert sorted(declared) == sorted(f.name for f in dataclasses.fields(Plan))
    for section in SECTIONS.values():
        if section.many:
            assert {f.name for f in dataclasses.fields(section.item)} == set(section.keys)
        for spec in section.specs:
            assert spec.label and spec.label == spec.label.strip()


def test_meeting_row_is_the_declared_columns(mem_db):
    columns = [r[1] for r in mem_db.execute("PRAGMA table_info(meetings)")]
    seal_columns = {"seal_version", "seal_head_seq"}  # the seal's own, not the Meeting's
    assert set(columns) - seal_columns == {"id", *(s.attr for s in PLAN_COLUMNS), *STATE_COLUMNS}
    assert [f.name for f in dataclasses.fields(Meeting)] == ["id", *(s.attr for s in PLAN_COLUMNS),
                                                             *STATE_COLUMNS]


def test_demo_plan_carries_people_recipients_and_timeline(demo_plan):
    assert [p.title for p in demo_plan.officials] == [
        "Công chức Địa chính - Xây dựng", "Công chức Văn hóa - Xã hội", "Trưởng Công an xã"]
    assert demo_plan.delegates[0] == PlanPerson("Trần Văn Bình", "Phó Bí thư Thường trực Đảng ủy xã")
    assert demo_plan.notice_recipients[0] == "Ban Thường vụ Đảng ủy xã (b/c)"
    assert demo_plan.minutes_recipients == ["Chủ tọa hội nghị", "Lưu: VT, Hồ sơ"]
    assert [t.due for t in demo_plan.timeline] == [date(2026, 6, 25), date(2026, 6, 27), date(2026, 6, 30), None]
    assert parse_plan(plan_to_toml(demo_plan)) == demo_plan


def test_store_keeps_them_and_gives_them_back(demo_db, demo_plan):
    db, mid = demo_db
    assert [p.line for p in get_officials(db, mid)][2] == "Hoàng Văn Nam, Trưởng Công an xã"
    assert [p.name for p in get_delegates(db, mid)] == ["Trần Văn Bình", "Lê Văn Cường"]
    assert get_recipients(db, mid, Document.NOTICE) == demo_plan.notice_recipients
    assert get_recipients(db, mid, Document.MINUTES) == demo_plan.minutes_recipients
    assert [(t.task, t.due) for t in get_timeline(db, mid)][-1] == (
        "Lưu trữ hồ sơ tiếp xúc, đối thoại theo quy định", None)
    record = load_record(db, mid)
    assert record.timeline[0].due == "2026-06-25" and len(record.officials) == 3
    assert plan_of(db, mid) == demo_plan


def test_update_plan_replaces_them(demo_db, demo_plan):
    db, mid = demo_db
    changed = dataclasses.replace(plan_of(db, mid, with_before=False), officials=[PlanPerson("A", None)],
                                  notice_recipients=[], timeline=[PlanTask("Họp", date(2026, 6, 20))])
    update_plan(db, mid, changed)
    assert [(p.name, p.title) for p in get_officials(db, mid)] == [("A", None)]
    assert get_recipients(db, mid, Document.NOTICE) == []
    assert get_recipients(db, mid, Document.MINUTES) == demo_plan.minutes_recipients
    assert [t.due for t in get_timeline(db, mid)] == ["2026-06-20"]


def test_export_carries_them_and_an_older_export_still_imports(demo_db):
    db, mid = demo_db
    doc = exchange.export_meeting(db, mid)
    assert doc["officials"][0] == {"name": "Đỗ Minh Tuấn", "title": "Công chức Địa chính - Xây dựng"}
    assert doc["timeline"][3] == {"task": "Lưu trữ hồ sơ tiếp xúc, đối thoại theo quy định", "due": None}
    new_id = exchange.import_meeting(db, exchange.loads(exchange.dumps(doc)))
    again = exchange.export_meeting(db, new_id)
    doc["meeting"].pop("id"), again["meeting"].pop("id")
    assert again == doc
    for key in ("delegates", "officials", "notice_recipients", "minutes_recipients", "timeline"):
        doc.pop(key)
    older = exchange.import_meeting(db, doc)
    assert get_officials(db, older) == [] and get_timeline(db, older) == []


def test_export_refuses_a_bad_due_date(demo_db):
    db, mid = demo_db
    doc = exchange.export_meeting(db, mid)
    doc["timeline"][0]["due"] = "30/6/2026"
    with pytest.raises(exchange.ExchangeError, match=r"timeline\[0\]\.due"):
        exchange.import_meeting(db, doc)


def test_plan_file_checks_them_with_line_numbers():
    text = DEMO_PLAN.read_text(encoding="utf-8") + (
        '\n[[timeline]]\ntask = "Báo cáo"\ndue = "30/6"\n\n[[officials]]\ntitle = "Trưởng Công an"\n')
    with pytest.raises(PlanError) as info:
        parse_plan(text, source="p.toml")
    lines = text.splitlines()
    due_line = max(i for i, line in enumerate(lines, 1) if line == 'due = "30/6"')
    officials_line = max(i for i, line in enumerate(lines, 1) if line == "[[officials]]")
    assert info.value.lines() == [
        f"p.toml:{due_line}: 'due' phải là ngày (ví dụ 2026-06-18), không phải chuỗi",
        f"p.toml:{officials_line}: thiếu khóa 'name' trong [officials]",
    ]


def test_plan_file_refuses_a_recipient_list_that_is_not_strings():
    text = DEMO_PLAN.read_text(encoding="utf-8").replace("notice_recipients = [", "notice_recipients = [1, 2]\nx = [")
    with pytest.raises(PlanError, match="'notice_recipients' phải là danh sách chuỗi"):
        parse_plan(text)


def test_form_round_trip_and_problems_in_place(demo_plan):
    values = values_from_plan(demo_plan)
    assert values["timeline"][0] == {"task": demo_plan.timeline[0].task, "due": "25/06/2026"}
    assert values["notice_recipients"][0] == {"text": "Ban Thường vụ Đảng ủy xã (b/c)"}
    plan, problems = check_plan_form(values)
    assert problems == [] and plan == dataclasses.replace(demo_plan, before=[])
    values["timeline"][1]["due"] = "31/06/2026"
    values["officials"].append({"name": "", "title": "Trưởng Công an"})
    plan, problems = check_plan_form(values)
    assert plan is None
    assert {(p.section, p.row, p.key) for p in problems} == {("timeline", 1, "due"), ("officials", 3, "name")}


def test_form_lists_are_declared():
    for part in FORM_LISTS:
        assert part.label
        if isinstance(part, Section):
            assert part.many
