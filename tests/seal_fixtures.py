"""A held, ended meeting whose record has a row in every sealed table (delegates,
officials, recipients, timeline from the demo plan; a co-agency; a step note; a
conclusion group; the minutes' approval), for the seal's version-3 tests."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from db import conclusions, substance

from .notice_fixtures import START, held_demo

LATER = START + timedelta(hours=3)


def opinion_id(db, mid: int, number: int) -> int:
    return db.execute("SELECT id FROM opinions WHERE meeting_id = ? AND number = ?", [mid, number]).fetchone()[0]


def full_record(path: Path) -> tuple[object, int]:
    """held_demo plus a step note, a conclusion group and the minutes not approved."""
    db, mid = held_demo(path)
    step = db.execute("SELECT id FROM steps WHERE meeting_id = ? ORDER BY position LIMIT 1", [mid]).fetchone()[0]
    substance.set_step_note(db, step, presenter="Đ/c Trần Văn B, PCT UBND xã",
                            gist="Báo cáo kết quả thực hiện nhiệm vụ 6 tháng.", now=LATER)
    roads = [n for (n,) in db.execute(
        "SELECT o.number FROM opinions o JOIN fields f ON f.id = o.field_id "
        "WHERE o.meeting_id = ? AND f.name = 'Quy hoạch, xây dựng, giao thông' ORDER BY o.number", [mid])]
    conclusions.merge_opinions(db, mid, [opinion_id(db, mid, n) for n in roads[:2]],
                               "UBND xã rà soát, sửa chữa các tuyến đường trong quý III.", now=LATER)
    substance.set_minutes_approved(db, mid, False, now=LATER)
    return db, mid
