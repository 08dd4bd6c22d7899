"""The JSON exchange format: round trip, refusal of other versions and broken files."""

from __future__ import annotations

import json

import pytest

from db import exchange, meetings, opinions, speakers
from db.connection import open_db
from db.exchange import ExchangeError


def _busy_meeting(db, mid, clock):
    meetings.start_meeting(db, mid, now=clock())
    a = speakers.register_speaker(db, mid, honorific="Ông", name="Nguyễn Văn An", hamlet="thôn Quán Gỏi",
                                  field_id=2, now=clock.advance(seconds=5))
    b = speakers.register_speaker(db, mid, honorific="Bà", name="Trần Thị Bình", now=clock())
    speakers.call_next(db, mid, now=clock.advance(minutes=1))
    o = opinions.record_opinion(db, mid, "Nước thải <ô nhiễm> & mùi", speaker_id=a.id, field_id=2,
                                now=clock.advance(minutes=2))
    opinions.record_answer(db, o.id, outcome="assigned", agency="Công chức Địa chính - Xây dựng",
                           deadline="2026-07-15", answered_by="Phạm Thị Thu Hiền", answer="Giao kiểm tra",
                           now=clock())
    opinions.record_followup(db, o.id, "Đề nghị trả lời sớm", now=clock())
    speakers.finish_speaker(db, a.id, now=clock())
    speakers.mark_absent(db, b.id, now=clock())
    opinions.record_opinion(db, mid, "Phiếu: đèn đường", author="Bà Hoa", now=clock())
    meetings.set_attendance(db, mid, meetings.get_attendance(db, mid)[0].id, 3)
    meetings.next_step(db, mid, now=clock.advance(minutes=3))


def _without_id(doc):
    doc = json.loads(json.dumps(doc))
    doc["meeting"].pop("id")
    return doc


def test_export_import_export_round_trips(demo_db, clock):
    db, mid = demo_db
    _busy_meeting(db, mid, clock)
    first = exchange.export_meeting(db, mid)
    with pytest.raises(ExchangeError, match="meeting.status: đã có hội nghị số 1 đang diễn ra"):
        exchange.import_meeting(db, exchange.loads(exchange.dumps(first)))  # one live meeting per store
    other = open_db(memory=True)
    new_id = exchange.import_meeting(other, exchange.loads(exchange.dumps(first)))
    second = exchange.export_meeting(other, new_id)
    assert _without_id(first) == _without_id(second)
    assert second["opinions"][4]["follows"] == 4 and second["opinions"][4]["speaker"] == 1
    assert exchange.canonical_bytes(db, mid) == exchange.canonical_bytes(other, new_id)


def test_other_version_and_broken_files_change_nothing(demo_db, clock):
    db, mid = demo_db
    doc = exchange.export_meeting(db, mid)
    count = len(meetings.list_meetings(db))
    with pytest.raises(ExchangeError, match="phiên bản định dạng 99"):
        exchange.loads(json.dumps({**doc, "version": 99}))
    with pytest.raises(ExchangeError, match="không phải tệp xuất"):
        exchange.loads('{"hello": 1}')
    with pytest.raises(ExchangeError, match="dòng 1"):
        exchange.loads('{"format": ')
    broken = json.loads(json.dumps(doc))
    broken["opinions"][1]["field"] = "Không có lĩnh vực này"
    with pytest.raises(ExchangeError, match=r"opinions\[1\]\.field"):
        exchange.import_meeting(db, broken)
    broken = json.loads(json.dumps(doc))
    broken["chairs"][0]["name"] = 42
    with pytest.raises(ExchangeError, match=r"chairs\[0\]\.name"):
        exchange.import_meeting(db, broken)
    assert len(meetings.list_meetings(db)) == count
