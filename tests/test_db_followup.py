"""The follow-up store: states, flags with an injected clock, the seal left intact,
its own hash-chained journal, agencies matched as typed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, timedelta

import pytest

from db import followup_journal
from db.connection import open_db
from db.errors import StateError, ValidationError
from db.followup import Answer, Flag, State, assign_later, link_repeat, mark_task, reschedule, set_state
from db.followup_list import flag_for, get_item, list_items, match_agency, open_tasks, overdue_counts, tasks
from db.meetings import create_meeting
from db.seal import verify

from .conftest import REPO
from .followup_fixtures import at, run_meeting


def test_only_assigned_and_forwarded_opinions_are_followed(demo_db, clock):
    db, mid = demo_db
    run_meeting(db, mid, clock)
    items = list_items(db, date(2026, 6, 19))
    # the demo plan brings three opinions gathered before the meeting (2 is assigned)
    assert sorted(i.number for i in items) == [2, 4, 5, 7, 9]
    forwarded = next(i for i in items if i.number == 7)
    assert forwarded.agency == "Cấp có thẩm quyền" and forwarded.flag is Flag.NO_DEADLINE
    assert all(i.state is State.PENDING for i in items)


@pytest.mark.parametrize("today, flag, days", [
    (date(2026, 6, 19), Flag.IN_TIME, 7),     # deadline Tue 30/06: 7 working days left
    (date(2026, 6, 25), Flag.DUE_SOON, 3),
    (date(2026, 6, 30), Flag.DUE_SOON, 0),    # due today
    (date(2026, 7, 1), Flag.OVERDUE, 1),
    (date(2026, 7, 6), Flag.OVERDUE, 4),      # Wed, Thu, Fri, Mon
])
def test_flags_follow_the_injected_clock(demo_db, clock, today, flag, days):
    db, mid = demo_db
    first = run_meeting(db, mid, clock)[0]
    item = get_item(db, first, today)
    assert (item.flag, item.days) == (flag, days)
    assert flag_for(date(2026, 6, 30), today) == (flag, days)


def test_urgency_order_and_overdue_filter(demo_db, clock):
    db, mid = demo_db
    run_meeting(db, mid, clock)
    today = date(2026, 7, 1)  # 9 overdue by 6, 2 and 4 by 1, 5 in time, 7 without deadline
    assert [i.number for i in list_items(db, today)] == [9, 2, 4, 5, 7]
    assert [i.number for i in list_items(db, today, overdue_only=True)] == [9, 2, 4]
    assert [i.flag_text for i in list_items(db, today, overdue_only=True)] == [
        "Quá hạn 6 ngày làm việc", "Quá hạn 1 ngày làm việc", "Quá hạn 1 ngày làm việc"]
    assert overdue_counts(db, today) == {mid: 3}


def test_overdue_counts_are_the_overdue_items_counted(demo_db, clock):
    """The meeting list's counts come from the deadlines alone; they stay the items
    list_items(overdue_only=True) gives, answered ones and all, on every day."""
    db, mid = demo_db
    first = run_meeting(db, mid, clock)[0]
    set_state(db, first, State.RESOLVED, now=at("2026-07-02"), answer=Answer(date(2026, 7, 1)))
    for day in range(0, 40, 3):
        today = date(2026, 6, 18) + timedelta(days=day)
        expected: dict[int, int] = {}
        for item in list_items(db, today, overdue_only=True):
            expected[item.meeting_id] = expected.get(item.meeting_id, 0) + 1
        assert overdue_counts(db, today) == expected
    assert overdue_counts(db, date(2026, 7, 27))  # some are overdue then: the loop tested something


def test_states_and_the_written_answer(demo_db, clock):
    db, mid = demo_db
    first = run_meeting(db, mid, clock)[0]
    set_state(db, first, State.REVIEWING, now=at("2026-06-22"))
    assert get_item(db, first, date(2026, 6, 22)).state is State.REVIEWING
    with pytest.raises(ValidationError, match="Văn bản trả lời"):
        set_state(db, first, State.RESOLVED, now=at("2026-06-25"))
    with pytest.raises(ValidationError, match="tương lai"):
        set_state(db, first, State.RESOLVED, answer=Answer(date(2026, 6, 26)), now=at("2026-06-25"))
    with pytest.raises(ValidationError, match="Lý do"):
        set_state(db, first, State.UNRESOLVED, answer=Answer(date(2026, 6, 25)), now=at("2026-06-25"))
    set_state(db, first, State.RESOLVED, now=at("2026-06-26"),
              answer=Answer(date(2026, 6, 25), doc_number="45/CV-ĐCXD", signer="Lê Văn Cường",
                            agency="Công chức Địa chính - Xây dựng", summary="Đã vá ổ gà, lu lèn lại."))
    item = get_item(db, first, date(2026, 7, 10))
    assert item.state is State.RESOLVED and item.flag is None and not item.is_open
    assert item.answer_reference == "Số 45/CV-ĐCXD, ngày 25/06/2026"
    assert item.flag_text == "Đã giải quyết"
    assert [i.number for i in list_items(db, date(2026, 7, 10), open_only=True)] == [9, 2, 5, 7]


def test_noted_opinion_is_not_followed_until_the_chair_assigns_it(demo_db, clock):
    db, mid = demo_db
    ids = run_meeting(db, mid, clock)
    noted = ids[4]
    with pytest.raises(StateError, match="không được giao"):
        set_state(db, noted, State.REVIEWING, now=at("2026-06-22"))
    with pytest.raises(ValidationError, match="trước ngày họp"):
        assign_later(db, noted, "Tổ môi trường thôn", "2026-06-01", now=at("2026-06-22"))
    due = assign_later(db, noted, "Tổ môi trường thôn", "5 ngày làm việc", now=at("2026-06-22"))
    assert due == date(2026, 6, 29)
    item = get_item(db, noted, date(2026, 6, 22))
    assert item.assigned_later and item.agency == "Tổ môi trường thôn" and item.flag is Flag.IN_TIME
    with pytest.raises(StateError, match="đã được giao"):
        assign_later(db, noted, "x", "2026-07-01", now=at("2026-06-22"))
    assert reschedule(db, ids[0], "15/07/2026", now=at("2026-06-22")) == date(2026, 7, 15)
    assert get_item(db, ids[0], date(2026, 7, 1)).flag is Flag.IN_TIME


def test_answer_on_a_sealed_meeting_leaves_the_seal_matching(db_path, clock):
    db = open_db(db_path)
    ids = run_meeting(db, 1, clock, seal=True)
    assert verify(db, 1).ok
    set_state(db, ids[0], State.EXPLAINED, now=at("2026-06-29"),
              answer=Answer(date(2026, 6, 29), doc_number="12/UBND", summary="Giải trình tiến độ."))
    assign_later(db, ids[4], "Công an xã", "2026-07-20", now=at("2026-06-29"))
    link_repeat(db, ids[1], None, now=at("2026-06-29"))
    mark_task(db, 1, "Công bố kết quả hội nghị (thông báo kết luận)", date(2026, 6, 26), now=at("2026-06-29"))
    verdict = verify(db, 1)
    assert verdict.ok
    db.close()
    done = subprocess.run([sys.executable, "-m", "tui", "--db", str(db_path), "verify", "--meeting", "1"],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Khớp niêm phong" in done.stdout


def test_the_journal_is_a_hash_chain_that_catches_a_tampered_row(db_path, clock):
    db = open_db(db_path)
    ids = run_meeting(db, 1, clock)
    set_state(db, ids[0], State.REVIEWING, now=at("2026-06-22"))
    set_state(db, ids[1], State.RESOLVED, answer=Answer(date(2026, 6, 23)), now=at("2026-06-23"))
    chain = followup_journal.entries(db, 1)
    assert [e.op for e in chain] == ["followup.state", "followup.state"]
    assert chain[0].prev is None and chain[1].prev == chain[0].hash and [e.seq for e in chain] == [1, 2]
    assert followup_journal.verify_chain(db, 1) is None
    db.close()
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE followup_journal SET data = '{\"state\": \"pending\"}' WHERE id = 1")
    raw.commit()
    raw.close()
    assert followup_journal.verify_chain(open_db(db_path), 1) == 0


def test_agency_typed_with_other_case_or_diacritics(demo_db, clock):
    db, mid = demo_db
    run_meeting(db, mid, clock)
    assert match_agency(db, "CONG AN XA").known == "Công an xã"
    assert match_agency(db, "công  an xã").known == "Công an xã"
    assert match_agency(db, "dia chinh").partial == ("Công chức Địa chính - Xây dựng",)
    assert match_agency(db, "Cong an xaa").suggestions == ("Công an xã",)
    assert [i.number for i in list_items(db, date(2026, 6, 19), agency="cong an")] == [5]


def test_without_a_timeline_the_notice_is_due_ten_days_after_the_meeting(mem_db, demo_plan, clock):
    demo_plan.timeline = []
    mid = create_meeting(mem_db, demo_plan, now=clock())
    run_meeting(mem_db, mid, clock)
    [task] = tasks(mem_db, mid, date(2026, 6, 29))
    assert task.due == "2026-06-28" and task.flag is Flag.OVERDUE
    with pytest.raises(ValidationError, match="tương lai"):
        mark_task(mem_db, mid, task.task, date(2026, 7, 1), now=at("2026-06-29"))
    mark_task(mem_db, mid, task.task, date(2026, 6, 26), now=at("2026-06-29"))
    [task] = tasks(mem_db, mid, date(2026, 6, 29))
    assert task.done_on == "2026-06-26" and task.flag is None


def test_the_plans_timeline_shows_with_the_same_flags(demo_db, clock):
    db, mid = demo_db
    run_meeting(db, mid, clock)
    # seed 003's timeline in the demo plan: review 25/06, notice 27/06, answers 30/06, archive (no date)
    found = [(t.due, t.flag, t.days) for t in tasks(db, mid, date(2026, 6, 29))]
    assert found == [("2026-06-25", Flag.OVERDUE, 2), ("2026-06-27", Flag.OVERDUE, 1),
                     ("2026-06-30", Flag.DUE_SOON, 1), (None, Flag.NO_DEADLINE, None)]
    first = tasks(db, mid, date(2026, 6, 29))[0].task
    mark_task(db, mid, first, date(2026, 6, 25), now=at("2026-06-29"))
    assert [t.due for t in open_tasks(db, date(2026, 6, 29))] == ["2026-06-27", "2026-06-30", None]


def test_a_copied_plan_is_offered_the_carry_over_step(demo_plan):
    from db.followup import CARRY_OVER_STEP, with_carry_over_step

    copied = with_carry_over_step(demo_plan)
    contents = [s.content for s in copied.programme]
    dialogue = next(i for i, s in enumerate(copied.programme) if s.dialogue)
    assert contents[dialogue - 1] == CARRY_OVER_STEP and len(contents) == len(demo_plan.programme) + 1
    # a programme that already reports on the last meeting is left alone
    assert with_carry_over_step(copied) is copied


def test_working_days_count_from_the_meeting_or_the_later_assignment(demo_db, clock):
    """'N ngày làm việc' typed after the meeting counts from the day of the assignment:
    the meeting (Thu 18/06/2026) for an opinion assigned there, the chair's later
    assignment for one assigned afterwards; never from the day it is typed."""
    db, mid = demo_db
    ids = run_meeting(db, mid, clock)
    # typed on Wed 01/07: 3 working days after the meeting are Fri 19, Mon 22, Tue 23/06
    assert reschedule(db, ids[0], "3 ngày làm việc", now=at("2026-07-01")) == date(2026, 6, 23)
    assert get_item(db, ids[0], date(2026, 7, 1)).flag is Flag.OVERDUE
    noted = ids[4]
    assert assign_later(db, noted, "Công an xã", "5 ngày làm việc", now=at("2026-06-22")) == date(2026, 6, 29)
    # a new count typed a week later still starts at the assignment (Mon 22/06)
    assert reschedule(db, noted, "2 ngày làm việc", now=at("2026-07-01")) == date(2026, 6, 24)
    with pytest.raises(ValidationError, match="trước ngày họp 18/06/2026"):
        reschedule(db, ids[0], "17/06/2026", now=at("2026-07-01"))
    with pytest.raises(ValidationError, match="tương lai"):
        set_state(db, ids[0], State.RESOLVED, answer=Answer(date(2026, 7, 2)), now=at("2026-07-01"))
