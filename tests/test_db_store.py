"""Every store operation against the demo meeting: state, moments, journal, errors."""

from __future__ import annotations

import unicodedata

import pytest

from db import journal, meetings, opinions, speakers
from db.connection import open_db
from db.errors import NotFound, StateError, ValidationError
from db.models import MeetingStatus, Outcome, Source, SpeakerStatus


def _field(db, mid, name):
    return next(f.id for f in meetings.get_fields(db, mid) if f.name == name)


def test_create_meeting_stores_every_plan_field(demo_db, demo_plan):
    db, mid = demo_db
    m = meetings.get_meeting(db, mid)
    assert m.title == demo_plan.title
    assert m.organisation == "Ủy ban nhân dân xã Kè Sắt"
    assert (m.date, m.start, m.end) == ("2026-06-18", "07:30", "11:30")
    assert m.status is MeetingStatus.PLANNED
    assert [c.name for c in meetings.get_chairs(db, mid)] == ["Phạm Thị Thu Hiền"]
    assert [s.content for s in meetings.get_steps(db, mid)] == [s.content for s in demo_plan.programme]
    assert [f.name for f in meetings.get_fields(db, mid)] == demo_plan.fields
    assert [(g.group, g.invited) for g in meetings.get_attendance(db, mid)] == [
        (g.group, g.invited) for g in demo_plan.attendance]
    before = opinions.list_opinions(db, mid, source=Source.BEFORE)
    assert [o.author for o in before] == ["Ông Nguyễn Văn Thắng", "Bà Lê Thị Huệ", "Ông Trần Đức Mạnh"]
    assert before[1].outcome is Outcome.ASSIGNED and before[1].deadline == "2026-06-30"
    assert meetings.plan_of(db, mid) == demo_plan


def test_start_next_previous_end_record_moments(demo_db, clock):
    db, mid = demo_db
    with pytest.raises(StateError):
        meetings.next_step(db, mid, now=clock())
    meetings.start_meeting(db, mid, now=clock())
    assert meetings.get_meeting(db, mid).started_at == "2026-06-18T07:30:00"
    assert meetings.current_step(db, mid).position == 1
    clock.advance(minutes=10)
    step = meetings.next_step(db, mid, now=clock())
    assert step.position == 2 and step.started_at == "2026-06-18T07:40:00"
    assert meetings.get_steps(db, mid)[0].ended_at == "2026-06-18T07:40:00"
    clock.advance(minutes=1)
    step = meetings.previous_step(db, mid, now=clock())
    assert step.position == 1 and step.started_at == "2026-06-18T07:30:00" and step.ended_at is None
    # The step gone back over keeps its first start; it is closed for now.
    assert meetings.get_steps(db, mid)[1].started_at == "2026-06-18T07:40:00"
    assert meetings.get_steps(db, mid)[1].ended_at == "2026-06-18T07:41:00"
    with pytest.raises(StateError):
        meetings.previous_step(db, mid, now=clock())
    clock.advance(minutes=2)
    step = meetings.next_step(db, mid, now=clock())  # forward again: the first start stays
    assert step.position == 2 and step.started_at == "2026-06-18T07:40:00" and step.ended_at is None
    assert meetings.get_steps(db, mid)[0].ended_at == "2026-06-18T07:43:00"  # its last end
    meetings.previous_step(db, mid, now=clock())
    for _ in range(5):
        meetings.next_step(db, mid, now=clock.advance(minutes=5))
    with pytest.raises(StateError, match="bước cuối"):
        meetings.next_step(db, mid, now=clock())
    meetings.end_meeting(db, mid, now=clock.advance(minutes=5))
    m = meetings.get_meeting(db, mid)
    assert m.status is MeetingStatus.ENDED and m.ended_at == "2026-06-18T08:13:00"
    assert all(s.ended_at for s in meetings.get_steps(db, mid))
    with pytest.raises(StateError):
        meetings.start_meeting(db, mid)


def test_queue_calls_in_registration_order_and_keeps_spoken_order(demo_db, clock):
    db, mid = demo_db
    a = speakers.register_speaker(db, mid, honorific="Ông", name="Nguyễn Văn An", hamlet="thôn Quán Gỏi",
                                  now=clock())
    b = speakers.register_speaker(db, mid, honorific="Bà", name="Trần Thị Bình", now=clock())
    c = speakers.register_speaker(db, mid, honorific="Ông", name="Lê Văn Cường", now=clock())
    assert [a.reg_no, b.reg_no, c.reg_no] == [1, 2, 3]
    with pytest.raises(StateError, match="chưa bắt đầu"):
        speakers.call_next(db, mid)
    meetings.start_meeting(db, mid, now=clock())
    assert speakers.call_next(db, mid, now=clock.advance(seconds=30)).id == a.id
    with pytest.raises(StateError, match="đang phát biểu"):
        speakers.call_next(db, mid)
    speakers.mark_absent(db, a.id, now=clock())
    # the chair directs Cường out of turn
    called = speakers.call_speaker(db, c.id, now=clock.advance(seconds=10))
    assert called.status is SpeakerStatus.SPEAKING and called.called_at == "2026-06-18T07:30:40"
    speakers.finish_speaker(db, c.id, now=clock.advance(minutes=3))
    assert speakers.get_speaker(db, c.id).finished_at == "2026-06-18T07:33:40"
    assert speakers.call_next(db, mid).id == b.id
    speakers.finish_speaker(db, b.id)
    with pytest.raises(StateError, match="1 người vắng"):
        speakers.call_next(db, mid)
    assert speakers.call_speaker(db, a.id).status is SpeakerStatus.SPEAKING  # re-called
    speakers.finish_speaker(db, a.id)
    order = sorted(speakers.list_speakers(db, mid), key=lambda s: s.spoke_order)
    assert [s.name for s in order] == ["Lê Văn Cường", "Trần Thị Bình", "Nguyễn Văn An"]
    with pytest.raises(StateError, match="đã phát biểu xong"):
        speakers.call_speaker(db, b.id)
    counts = speakers.counts(db, mid)
    assert counts[SpeakerStatus.DONE] == 3 and counts[SpeakerStatus.WAITING] == 0


def test_withdrawn_speaker_is_never_called(demo_db):
    db, mid = demo_db
    a = speakers.register_speaker(db, mid, honorific="Ông", name="A Văn")
    b = speakers.register_speaker(db, mid, honorific="Bà", name="B Thị")
    speakers.withdraw(db, a.id)
    meetings.start_meeting(db, mid)
    assert speakers.call_next(db, mid).id == b.id
    with pytest.raises(StateError, match="rút đăng ký"):
        speakers.call_speaker(db, a.id)


def test_opinions_answers_followups_and_slips(demo_db, clock):
    db, mid = demo_db
    meetings.start_meeting(db, mid, now=clock())
    s = speakers.register_speaker(db, mid, honorific="Ông", name="Nguyễn Văn An", hamlet="thôn Quán Gỏi")
    speakers.call_next(db, mid)
    land = _field(db, mid, "Đất đai, tài nguyên, môi trường")
    meetings.save_draft(db, mid, "opinion:new", "Đường hỏ")
    o = opinions.record_opinion(db, mid, "  Đường hỏng <b>&amp;</b>  ", speaker_id=s.id, field_id=land,
                                draft_key="opinion:new", now=clock.advance(minutes=1))
    assert o.number == 4  # after the three gathered before the meeting
    assert o.content == "Đường hỏng <b>&amp;</b>" and o.source is Source.SPOKEN
    assert o.speaker_display == "Ông Nguyễn Văn An (thôn Quán Gỏi)"
    assert meetings.get_draft(db, mid, "opinion:new") is None
    with pytest.raises(ValidationError, match="Cơ quan được giao"):
        opinions.record_answer(db, o.id, outcome="assigned", deadline="2026-07-01")
    with pytest.raises(ValidationError, match="Thời hạn"):
        opinions.record_answer(db, o.id, outcome="assigned", agency="Địa chính")
    with pytest.raises(ValidationError, match="Nội dung trả lời"):
        opinions.record_answer(db, o.id, outcome="answered")
    answered = opinions.record_answer(db, o.id, outcome=Outcome.ASSIGNED, agency="Công chức Địa chính",
                                      deadline="2026-07-01", answered_by="Phạm Thị Thu Hiền",
                                      answer="Giao kiểm tra.", now=clock())
    assert answered.has_answer and answered.deadline == "2026-07-01"
    follow = opinions.record_followup(db, o.id, "Xin cảm ơn, đề nghị làm sớm.")
    assert follow.follows_number == o.number and follow.speaker_id == s.id and follow.field_id == land
    slip = opinions.record_opinion(db, mid, "Phiếu: đèn đường hỏng", author="Bà Hoa")
    assert slip.source is Source.SLIP and slip.speaker_id is None
    unanswered = opinions.list_opinions(db, mid, unanswered_only=True)
    assert [x.number for x in unanswered] == [5, 6]
    assert [x.number for x in opinions.list_opinions(db, mid, unanswered_only=True, field_id=land)] == [5]
    edited = opinions.edit_opinion(db, slip.id, content="Phiếu: đèn đường thôn Ngọc Mai hỏng")
    assert edited.content.endswith("Ngọc Mai hỏng")
    again = opinions.record_answer(db, o.id, outcome="noted")
    assert again.outcome is Outcome.NOTED
    ops = [e.op for e in journal.history(db, mid, entity="opinion", entity_id=o.id)]
    assert ops == ["opinion.record", "answer.record", "answer.edit"]
    names = opinions.answerer_names(db, mid)
    assert names[0] == "Phạm Thị Thu Hiền, Q. Chủ tịch UBND xã" and "Công chức Văn hóa - Xã hội" in names
    counts = opinions.outcome_counts(db, mid)
    assert counts[Outcome.NOTED] == 2 and counts[None] == 2


def test_text_is_nfc_and_bounded(demo_db):
    db, mid = demo_db
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    s = speakers.register_speaker(db, mid, honorific="Bà", name=decomposed, hamlet=" thôn Phương Độ ")
    assert s.name == "Nguyễn Thị Ánh Tuyết" and unicodedata.is_normalized("NFC", s.name)
    assert s.hamlet == "thôn Phương Độ"
    with pytest.raises(ValidationError, match="Họ và tên: không được để trống"):
        speakers.register_speaker(db, mid, honorific="Ông", name="   ")
    with pytest.raises(ValidationError, match="Họ và tên: dài 301 ký tự"):
        speakers.register_speaker(db, mid, honorific="Ông", name="a" * 301)
    with pytest.raises(ValidationError, match="Danh xưng"):
        speakers.register_speaker(db, mid, honorific="Anh", name="Tú")
    with pytest.raises(ValidationError, match="U\\+0007"):
        opinions.record_opinion(db, mid, "chuông\x07", author="x")
    with pytest.raises(ValidationError, match="Lĩnh vực"):
        speakers.register_speaker(db, mid, honorific="Ông", name="Tú", field_id=9999)
    long_text = "ý kiến " * 14_000
    o = opinions.record_opinion(db, mid, long_text)
    assert o.content == long_text.strip()


def test_attendance_conclusion_and_journal_in_same_transaction(demo_db):
    db, mid = demo_db
    group = meetings.get_attendance(db, mid)[0]
    meetings.set_attendance(db, mid, group.id, 4)
    assert meetings.get_attendance(db, mid)[0].present == 4
    with pytest.raises(ValidationError):
        meetings.set_attendance(db, mid, group.id, -1)
    with pytest.raises(NotFound):
        meetings.set_attendance(db, mid, 99999, 1)
    meetings.set_conclusion(db, mid, "Giao các cơ quan\ngiải quyết.")
    assert meetings.get_meeting(db, mid).conclusion == "Giao các cơ quan\ngiải quyết."
    ops = [e.op for e in journal.history(db, mid)]
    assert ops[-2:] == ["attendance.set", "meeting.conclusion"]


def test_failed_operation_leaves_no_journal_row(demo_db):
    db, mid = demo_db
    before = len(journal.history(db, mid))
    with pytest.raises(StateError):
        meetings.end_meeting(db, mid)
    assert len(journal.history(db, mid)) == before


def test_file_store_is_durable_and_shared(db_path):
    db = open_db(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    speakers.register_speaker(db, 1, honorific="Ông", name="Đinh Văn Đức")
    other = open_db(db_path)  # a second process's view
    assert [s.name for s in speakers.list_speakers(other, 1)] == ["Đinh Văn Đức"]
    reader = open_db(db_path, readonly=True)
    assert meetings.get_meeting(reader, 1).id == 1
    with pytest.raises(Exception):
        reader.execute("DELETE FROM speakers")


def test_migrations_upgrade_in_place(db_path):
    from db.schema import migrations, pending

    db = open_db(db_path)
    assert migrations().pending(db) == [] and pending(db) == []
    assert db.execute("PRAGMA user_version").fetchone()[0] >= 1


def test_update_plan_of_a_planned_meeting(demo_db, demo_plan):
    import copy

    from db.plans import PlanStep

    db, mid = demo_db
    plan = copy.deepcopy(demo_plan)
    plan.title = "Hội nghị đối thoại (sửa)"
    plan.programme = plan.programme[:3] + [PlanStep("Bước mới", dialogue=False)] + plan.programme[3:]
    plan.fields = list(reversed(plan.fields))
    meetings.update_plan(db, mid, plan)
    assert meetings.plan_of(db, mid) == plan
    plan.fields = [f for f in plan.fields if f != "Chính sách xã hội, an sinh"]  # used by a before-opinion
    with pytest.raises(ValidationError, match="đang được dùng"):
        meetings.update_plan(db, mid, plan)
    assert meetings.get_meeting(db, mid).title == "Hội nghị đối thoại (sửa)"
    meetings.start_meeting(db, mid)
    with pytest.raises(StateError):
        meetings.update_plan(db, mid, demo_plan)
