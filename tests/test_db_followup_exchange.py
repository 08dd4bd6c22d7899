"""The follow-up in the JSON export: its own section (version 2), round trip, the
hash chain carried over, older files (version 1) still import, and the seal ignores it."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from db import exchange, followup_journal
from db.connection import open_db
from db.followup import Answer, State, assign_later, mark_task, set_state
from db.followup_list import list_items
from db.seal import record_hash, verify

from .conftest import FIXTURES
from .followup_fixtures import at, run_meeting

V1 = FIXTURES / "exchange-v1-sealed.json"


def followed(db, mid, clock):
    ids = run_meeting(db, mid, clock, seal=True)
    set_state(db, ids[0], State.REVIEWING, now=at("2026-06-22"))
    set_state(db, ids[1], State.UNRESOLVED, reason="Chờ huyện phê duyệt quy hoạch.", now=at("2026-06-29"),
              answer=Answer(date(2026, 6, 29), doc_number="12/CAX", signer="Trần Văn Bảo", agency="Công an xã",
                            summary="Hồ sơ vướng quy hoạch.", file_path="C:\\scan\\12-CAX.pdf"))
    assign_later(db, ids[4], "Tổ môi trường thôn", "5 ngày làm việc", now=at("2026-06-22"))
    mark_task(db, mid, "Công bố kết quả hội nghị (thông báo kết luận)", date(2026, 6, 26), now=at("2026-06-29"))
    return ids


def test_round_trip_carries_the_followup_and_its_chain(demo_db, clock):
    db, mid = demo_db
    followed(db, mid, clock)
    doc = exchange.export_meeting(db, mid)
    assert doc["version"] == 2
    section = doc["followup"]
    assert [(i["opinion"], i["state"]) for i in section["items"]] == [(4, "reviewing"), (5, "unresolved"),
                                                                       (8, "pending")]
    assert section["items"][1]["answer"]["file"] == "C:\\scan\\12-CAX.pdf"
    assert len(section["journal"]) == 4
    other = open_db(memory=True)
    new_id = exchange.import_meeting(other, exchange.loads(exchange.dumps(doc)))
    again = exchange.export_meeting(other, new_id)
    assert again["followup"] == section
    assert followup_journal.verify_chain(other, new_id) is None
    today = date(2026, 7, 1)
    assert [(i.number, i.state, i.flag) for i in list_items(other, today, open_only=False)] == \
        [(i.number, i.state, i.flag) for i in list_items(db, today, open_only=False)]


def test_a_tampered_chain_is_refused_and_nothing_changes(demo_db, clock):
    db, mid = demo_db
    followed(db, mid, clock)
    doc = exchange.export_meeting(db, mid)
    doc["followup"]["journal"][1]["data"] = doc["followup"]["journal"][1]["data"].replace("Chờ", "Đã")
    other = open_db(memory=True)
    with pytest.raises(exchange.ExchangeError, match=r"followup.journal\[1\]: chuỗi băm không khớp"):
        exchange.import_meeting(other, doc)
    assert other.execute("SELECT count(*) FROM meetings").fetchone()[0] == 0


def test_a_version_1_file_still_imports():
    doc = exchange.loads(V1.read_text(encoding="utf-8"))
    assert doc["version"] == 1 and "followup" not in doc
    db = open_db(memory=True)
    mid = exchange.import_meeting(db, doc)
    assert [i.number for i in list_items(db, date(2026, 7, 1))] == [9, 2, 4, 5, 7]
    assert exchange.export_meeting(db, mid)["version"] == 2
    with pytest.raises(exchange.ExchangeError, match="bản này đọc phiên bản 1, 2"):
        exchange.loads(json.dumps({**doc, "version": 3}))


def test_the_seal_ignores_the_followup_and_the_version(demo_db, clock):
    db, mid = demo_db
    run_meeting(db, mid, clock, seal=True)
    # a meeting sealed by the code before the follow-up existed (version 1), imported
    # here, hashes to the same seal under version 2
    old = exchange.loads(V1.read_text(encoding="utf-8"))
    imported = exchange.import_meeting(db, old)
    assert record_hash(db, imported, version=1) == old["seal"]["sha256"]
    before = record_hash(db, mid)
    set_state(db, 5, State.RESOLVED, answer=Answer(date(2026, 6, 30)), now=datetime(2026, 7, 1, 9))
    assert record_hash(db, mid) == before
    assert verify(db, mid).ok
