"""The store for the notice and the minutes (m009_notice): the co-agency of an assignment
(kept, journaled, exported and imported), conclusion groups, step notes and the minutes'
approved flag; each write committed, journaled, refused once sealed."""

from __future__ import annotations

import pytest

from db import meetings, opinions, speakers
from db.conclusions import dissolve_group, list_groups, merge_opinions, set_group_text
from db.connection import open_db
from db.errors import SealedError, ValidationError
from db.exchange import export_meeting, import_meeting
from db.journal import history
from db.seal import seal_meeting
from db.substance import get_step, minutes_approved, set_minutes_approved, set_step_note

from .notice_fixtures import held_demo


@pytest.fixture
def held(tmp_path):
    return held_demo(tmp_path / "held.db")


def _ids(db, mid):
    return {o.number: o.id for o in opinions.list_opinions(db, mid)}


def test_co_agency_is_kept_journaled_and_travels(held, tmp_path):
    db, mid = held
    op = opinions.get_opinion(db, _ids(db, mid)[5])
    assert (op.agency, op.co_agency) == ("Công chức Địa chính - Xây dựng", "Văn phòng đăng ký đất đai")
    assert history(db, mid)  # journaled with the answer
    rows = [e for e in history(db, mid) if e.entity_id == op.id and e.op.startswith("answer")]
    assert rows[-1].data["co_agency"] == "Văn phòng đăng ký đất đai"
    doc = export_meeting(db, mid)
    exported = next(o for o in doc["opinions"] if o["number"] == 5)
    assert exported["answer"]["co_agency"] == "Văn phòng đăng ký đất đai"
    assert "co_agency" not in next(o for o in doc["opinions"] if o["number"] == 7)["answer"]  # none: not written
    other = open_db(tmp_path / "other.db")
    new_id = import_meeting(other, doc)
    again = next(o for o in opinions.list_opinions(other, new_id) if o.number == 5)
    assert again.co_agency == "Văn phòng đăng ký đất đai"


def test_a_co_agency_needs_an_agency(held):
    db, mid = held
    op = opinions.record_answer(db, _ids(db, mid)[9], outcome="noted", co_agency="Công an xã")
    assert op.co_agency is None


def test_merge_groups_opinions_of_one_field(held):
    db, mid = held
    ids = _ids(db, mid)
    group = merge_opinions(db, mid, [ids[9], ids[4], ids[7]], "  Một kết luận.  ")
    assert group.opinion_ids == (ids[4], ids[7], ids[9]) and group.text == "Một kết luận."
    assert list_groups(db, mid) == [group]
    assert meetings.load_record(db, mid).conclusion_groups == [group]
    assert any(e.op == "conclusion.merge" and e.data["numbers"] == [4, 7, 9] for e in history(db, mid))
    assert set_group_text(db, group.id, "Kết luận đã sửa.").text == "Kết luận đã sửa."
    # merging two of them again moves them; the third, left alone, is no longer a group
    moved = merge_opinions(db, mid, [ids[4], ids[7]], "Hai ý kiến.")
    assert list_groups(db, mid) == [moved]
    dissolve_group(db, moved.id)
    assert list_groups(db, mid) == []


@pytest.mark.parametrize("numbers, text, message", [
    ([4], "x", "ít nhất hai"),
    ([4, 5], "x", "cùng một lĩnh vực"),
    ([4, 7], "   ", "Nội dung kết luận"),
])
def test_merge_refuses_what_cannot_be_one_item(held, numbers, text, message):
    db, mid = held
    ids = _ids(db, mid)
    with pytest.raises(ValidationError, match=message):
        merge_opinions(db, mid, [ids[n] for n in numbers], text)
    assert list_groups(db, mid) == []


def test_merge_refuses_another_meetings_opinion(held, demo_plan, clock):
    db, mid = held
    other = meetings.create_meeting(db, demo_plan, now=clock())
    theirs = opinions.list_opinions(db, other)[0].id
    with pytest.raises(ValidationError, match="không thuộc hội nghị này"):
        merge_opinions(db, mid, [_ids(db, mid)[4], theirs], "x")


def test_step_note_and_approved_flag(held):
    db, mid = held
    step = meetings.get_steps(db, mid)[2]
    noted = set_step_note(db, step.id, presenter=" Đ/c Trần Văn Bình ", gist="Báo cáo\u0301 tình hình.\nDòng hai.")
    assert noted.presenter == "Đ/c Trần Văn Bình" and noted.gist.startswith("Báo cáó")  # NFC
    assert meetings.load_record(db, mid).steps[2].gist == noted.gist
    assert set_step_note(db, step.id, presenter="", gist="").presenter is None
    assert get_step(db, step.id).gist is None
    assert minutes_approved(db, mid) and meetings.load_record(db, mid).minutes_approved
    assert set_minutes_approved(db, mid, False) is False
    assert not meetings.load_record(db, mid).minutes_approved
    ops = [e.op for e in history(db, mid)]
    assert "step.note" in ops and "minutes.approved" in ops


def test_nothing_changes_once_sealed(held):
    db, mid = held
    ids = _ids(db, mid)
    seal_meeting(db, mid)
    step = meetings.get_steps(db, mid)[0]
    for call in (lambda: merge_opinions(db, mid, [ids[4], ids[7]], "x"),
                 lambda: set_step_note(db, step.id, presenter="A", gist="B"),
                 lambda: set_minutes_approved(db, mid, False)):
        with pytest.raises(SealedError):
            call()
    assert list_groups(db, mid) == [] and minutes_approved(db, mid)


def test_a_meeting_that_starts_live_can_note_its_steps(demo_db, clock):
    db, mid = demo_db
    meetings.start_meeting(db, mid, now=clock())
    step = meetings.current_step(db, mid)
    set_step_note(db, step.id, presenter="Văn phòng", gist="Ổn định tổ chức.")
    assert meetings.current_step(db, mid).presenter == "Văn phòng"
    assert speakers.list_speakers(db, mid) == []
