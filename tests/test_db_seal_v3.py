"""Version 3 of the seal: what the notice and minutes print since version 2 is sealed,
every writer of it refuses a sealed meeting and journals its change, and a version-2
seal keeps verifying with version 2."""

from __future__ import annotations

import sqlite3

import pytest

import db.seal as seal_module
from db import conclusions, meetings, opinions, substance
from db.connection import open_db
from db.errors import SealedError
from db.seal import seal_meeting, verify
from db.seal_canonical import CURRENT

from .seal_fixtures import LATER, full_record, opinion_id

CHANGED = "KHÔNG KHỚP niêm phong: dữ liệu đã bị thay đổi sau khi niêm phong"


@pytest.fixture
def sealed(tmp_path):
    path = tmp_path / "held.db"
    db, mid = full_record(path)
    digest = seal_meeting(db, mid, now=LATER)
    db.close()
    return path, mid, digest


def _raw(path, sql: str, params=()) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute(sql, params).rowcount >= 1, sql
    conn.commit()
    conn.close()


def test_a_new_seal_is_version_3_and_verifies(sealed):
    path, mid, digest = sealed
    db = open_db(path)
    verdict = verify(db, mid, paper=digest)
    assert CURRENT == 3 and verdict.ok and verdict.version == 3, verdict.lines()


BEHIND_THE_APPS_BACK = {
    "delegate": "UPDATE delegates SET name = 'Người khác' WHERE position = 1",
    "official": "UPDATE officials SET title = 'Chức vụ khác' WHERE position = 1",
    "notice recipient": "UPDATE recipients SET text = '- Lưu: VT.' WHERE document = 'notice' AND position = 1",
    "minutes recipient removed": "DELETE FROM recipients WHERE document = 'minutes'",
    "timeline due": "UPDATE timeline SET due = '2027-01-01' WHERE position = 1",
    "timeline task": "UPDATE timeline SET task = 'Việc khác' WHERE position = 1",
    "co_agency": "UPDATE opinions SET co_agency = 'Cơ quan khác' WHERE co_agency IS NOT NULL",
    "conclusion text": "UPDATE conclusion_groups SET text = 'Kết luận khác'",
    "conclusion member removed": "DELETE FROM conclusion_members WHERE rowid = (SELECT min(rowid) FROM conclusion_members)",
    "step presenter": "UPDATE steps SET presenter = 'Người khác' WHERE presenter IS NOT NULL",
    "step gist": "UPDATE steps SET gist = 'Tóm tắt khác' WHERE gist IS NOT NULL",
    "step note added": "UPDATE steps SET gist = 'Thêm' WHERE position = 2",
    "minutes approved": "UPDATE minutes_reading SET approved = 1",
    "minutes approval removed": "DELETE FROM minutes_reading",
}


@pytest.mark.parametrize("sql", BEHIND_THE_APPS_BACK.values(), ids=BEHIND_THE_APPS_BACK.keys())
def test_a_change_behind_the_apps_back_fails_verify(sealed, sql):
    path, mid, _ = sealed
    _raw(path, sql)
    verdict = verify(open_db(path), mid)
    assert not verdict.ok and verdict.sentence().startswith(CHANGED), verdict.lines()


def test_the_print_choices_stay_outside_the_seal(sealed):
    from db.documents import PublicNaming, set_choices

    path, mid, _ = sealed
    db = open_db(path)
    set_choices(db, mid, notice_final=True, public_naming=PublicNaming.HAMLET)
    assert verify(db, mid).ok


def test_a_version_2_seal_still_verifies_with_version_2(tmp_path, monkeypatch):
    path = tmp_path / "v2.db"
    db, mid = full_record(path)
    with monkeypatch.context() as m:
        m.setattr(seal_module, "CURRENT", 2)  # sealed by the release before version 3
        digest = seal_meeting(db, mid, now=LATER)
    db.close()
    db = open_db(path)
    assert db.execute("SELECT seal_version FROM meetings WHERE id = ?", [mid]).fetchone()[0] == 2
    verdict = verify(db, mid, paper=digest)
    assert verdict.ok and verdict.version == 2, verdict.lines()
    db.close()
    _raw(path, "UPDATE opinions SET content = 'đã bị sửa' WHERE number = 1")
    verdict = verify(open_db(path), mid)
    assert not verdict.ok and verdict.sentence().startswith(CHANGED)


def _writers(db, mid):
    """Each writer of the data version 3 added, as (name, call)."""
    step = db.execute("SELECT id FROM steps WHERE meeting_id = ? AND position = 2", [mid]).fetchone()[0]
    group = conclusions.list_groups(db, mid)[0]
    o1 = opinion_id(db, mid, 1)
    grouped = set(group.opinion_ids)
    same_field = db.execute("SELECT field_id FROM opinions WHERE id = ?", [group.opinion_ids[0]]).fetchone()[0]
    others = [i for (i,) in db.execute("SELECT id FROM opinions WHERE meeting_id = ? AND field_id = ? "
                                       "ORDER BY number", [mid, same_field]) if i not in grouped][:2]
    return {
        "step note": lambda: substance.set_step_note(db, step, presenter="Ông X", gist="Y"),
        "minutes approved": lambda: substance.set_minutes_approved(db, mid, True),
        "merge": lambda: conclusions.merge_opinions(db, mid, others, "Gộp"),
        "group text": lambda: conclusions.set_group_text(db, group.id, "Kết luận mới"),
        "dissolve": lambda: conclusions.dissolve_group(db, group.id),
        "co_agency": lambda: opinions.record_answer(db, o1, outcome="assigned", agency="Công chức Văn hóa",
                                                     co_agency="Hội Nông dân xã", deadline="2026-08-01"),
        "plan (delegates, officials, recipients, timeline)":
            lambda: meetings.update_plan(db, mid, meetings.plan_of(db, mid)),
    }


WRITERS = ("step note", "minutes approved", "merge", "group text", "dissolve", "co_agency",
           "plan (delegates, officials, recipients, timeline)")


@pytest.mark.parametrize("name", WRITERS)
def test_every_writer_refuses_a_sealed_meeting_and_writes_nothing(sealed, name):
    path, mid, _ = sealed
    db = open_db(path)
    rows = db.execute("SELECT count(*) FROM journal").fetchone()[0]
    with pytest.raises(SealedError):
        _writers(db, mid)[name]()
    assert db.execute("SELECT count(*) FROM journal").fetchone()[0] == rows
    assert verify(db, mid).ok


@pytest.mark.parametrize(("name", "op"), [
    ("step note", "step.note"), ("minutes approved", "minutes.approved"), ("merge", "conclusion.merge"),
    ("group text", "conclusion.edit"), ("dissolve", "conclusion.dissolve"), ("co_agency", "answer.edit"),
])
def test_every_writer_journals_its_change(tmp_path, name, op):
    db, mid = full_record(tmp_path / "open.db")
    last = db.execute("SELECT max(seq) FROM journal WHERE meeting_id = ?", [mid]).fetchone()[0]
    _writers(db, mid)[name]()
    rows = db.execute("SELECT op FROM journal WHERE meeting_id = ? AND seq > ?", [mid, last]).fetchall()
    assert rows == [(op,)]


def test_the_plans_lists_are_journaled_when_replaced(demo_db):
    db, mid = demo_db
    plan = meetings.plan_of(db, mid)
    meetings.update_plan(db, mid, plan)
    assert db.execute("SELECT op FROM journal WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1",
                      [mid]).fetchone()[0] == "meeting.update_plan"
