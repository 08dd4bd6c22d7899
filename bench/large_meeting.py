"""Build a large live meeting for benchmarks: 300 speakers, 2,000 opinions.

    python bench/large_meeting.py OUT.db
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import meetings, opinions, speakers  # noqa: E402
from db.connection import open_db  # noqa: E402
from db.vocabulary import Outcome  # noqa: E402
from intake.plan_file import load_plan  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "db" / "demo" / "ke-sat-2026.toml"
HAMLETS = ["thôn Quán Gỏi", "thôn Phương Độ", "thôn Ngọc Mai", "thôn Thượng Khuông"]
OUTCOMES = [*Outcome, None]  # every outcome in turn, and one opinion in five unanswered


def build_large_meeting(path: str | Path, n_speakers: int = 300, n_opinions: int = 2000) -> int:
    """Create the demo meeting in `path`, live, with the given numbers; return its id."""
    db = open_db(path)
    start = datetime(2026, 6, 18, 7, 30)
    mid = meetings.create_meeting(db, load_plan(DEMO), now=start)
    meetings.start_meeting(db, mid, now=start)
    fields = meetings.get_fields(db, mid)
    for _ in range(3):
        meetings.next_step(db, mid, now=start)
    ids = []
    for i in range(n_speakers):
        s = speakers.register_speaker(db, mid, honorific="Ông" if i % 2 else "Bà", name=f"Nguyễn Văn Số {i + 1}",
                                      hamlet=HAMLETS[i % 4], field_id=fields[i % len(fields)].id, now=start)
        ids.append(s.id)
    per = max(1, n_opinions // n_speakers)
    made = 0
    for i, sid in enumerate(ids):
        if made >= n_opinions:
            break
        if i < n_speakers - 1:
            speakers.call_speaker(db, sid, now=start + timedelta(minutes=i))
        for _ in range(per if i < n_speakers - 1 else n_opinions - made):
            o = opinions.record_opinion(db, mid, f"Ý kiến số {made + 1}: đề nghị xã kiểm tra, giải quyết dứt điểm "
                                        "việc đường thôn xuống cấp, mương tưới bị lấp.", speaker_id=sid,
                                        field_id=fields[made % len(fields)].id, now=start)
            outcome = OUTCOMES[made % len(OUTCOMES)]
            if outcome:
                opinions.record_answer(db, o.id, outcome=outcome, answer="Chủ trì trả lời tại hội nghị.",
                                       agency="Công chức Địa chính - Xây dựng", deadline="2026-07-15",
                                       answered_by="Phạm Thị Thu Hiền", now=start)
            made += 1
        if i < n_speakers - 1:
            speakers.finish_speaker(db, sid, now=start + timedelta(minutes=i, seconds=30))
    # remaining opinions as slips
    while made < n_opinions:
        opinions.record_opinion(db, mid, f"Phiếu ý kiến số {made + 1}", author="Người dân", now=start)
        made += 1
    db.close()
    return mid


if __name__ == "__main__":
    print(build_large_meeting(sys.argv[1]))
