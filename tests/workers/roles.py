"""Processes for the concurrency test: `python -m tests.workers.roles ROLE DB SECONDS LOG`.

Each role appends one JSON line per acknowledged action to LOG (after the store
returned, i.e. after the commit), and one line per error. A "database is locked"
reaching this level is an error a user would have seen.
"""

from __future__ import annotations

import json
import random
import sys
import time

from db import meetings, opinions, speakers
from db.connection import open_db
from db.errors import DatabaseUnavailable, StateError
from db.limits import MAX_SPEAKERS


def secretary(db, mid, deadline, log):
    """Calls, records opinions and answers, finishes: the live meeting."""
    rng = random.Random(1)
    while time.monotonic() < deadline:
        try:
            current = speakers.current_speaker(db, mid)
            if current is None:
                try:
                    s = speakers.call_next(db, mid)
                    log({"op": "call", "reg_no": s.reg_no})
                except StateError:
                    time.sleep(0.01)  # nobody waiting yet: the desk will register someone
                continue
            o = opinions.record_opinion(db, mid, f"Ý kiến của người số {current.reg_no}", speaker_id=current.id)
            log({"op": "opinion", "number": o.number})
            if rng.random() < 0.5:
                opinions.record_answer(db, o.id, outcome="noted")
                log({"op": "answer", "number": o.number})
            meetings.save_draft(db, mid, "opinion:new", "đang gõ " * rng.randint(1, 50))
            speakers.finish_speaker(db, current.id)
            log({"op": "finish", "reg_no": current.reg_no})
        except DatabaseUnavailable as exc:
            log({"error": exc.message})


def desk(db, mid, deadline, log):
    """The registration desk: registers speakers as hands go up, paced so that a long run
    stays under the meeting's limit of speakers (db.limits.MAX_SPEAKERS)."""
    pause = max(0.005, (deadline - time.monotonic()) / (MAX_SPEAKERS * 0.9))
    i = 0
    while time.monotonic() < deadline:
        i += 1
        try:
            s = speakers.register_speaker(db, mid, honorific="Bà" if i % 2 else "Ông", name=f"Người thứ {i}",
                                          hamlet="thôn Phương Độ")
            log({"op": "register", "reg_no": s.reg_no, "name": s.name})
        except DatabaseUnavailable as exc:
            log({"error": exc.message})
        time.sleep(pause)


def reader(db, mid, deadline, log):
    """The chair's display: reads the whole record, checks what it sees is consistent."""
    reads = 0
    while time.monotonic() < deadline:
        try:
            record = meetings.load_record(db, mid)
            regs = [s.reg_no for s in record.speakers]
            if regs != list(range(1, len(regs) + 1)):
                log({"error": f"registration numbers not 1..n: {regs[:20]}"})
            if sum(s.status.value == "speaking" for s in record.speakers) > 1:
                log({"error": "two speakers at once"})
            reads += 1
        except DatabaseUnavailable as exc:
            log({"error": exc.message})
        except Exception as exc:  # a reader must never crash; report it
            log({"error": f"{type(exc).__name__}: {exc}"})
    log({"op": "reads", "count": reads})


def main() -> None:
    role, path, seconds, log_path = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
    db = open_db(path, readonly=(role == "reader"))
    mid = meetings.live_meeting_id(db)
    with open(log_path, "a", encoding="utf-8") as out:
        def log(entry):
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
            out.flush()

        {"secretary": secretary, "desk": desk, "reader": reader}[role](db, mid, time.monotonic() + seconds, log)


if __name__ == "__main__":
    main()
