"""Two writers and a reader on one database file, in three processes.

Short run in the normal suite; DOITHOAI_LONG=1 (CI) runs it for three minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from db import meetings, opinions, speakers
from db.connection import open_db

from .conftest import REPO

SECONDS = 180 if os.environ.get("DOITHOAI_LONG") == "1" else 6


def test_two_writers_and_a_reader(db_path, tmp_path):
    db = open_db(db_path)
    meetings.start_meeting(db, 1)
    db.close()
    logs = {role: tmp_path / f"{role}.jsonl" for role in ("secretary", "desk", "reader")}
    procs = [subprocess.Popen([sys.executable, "-m", "tests.workers.roles", role, str(db_path), str(SECONDS),
                               str(log)], cwd=REPO, stderr=subprocess.PIPE, text=True)
             for role, log in logs.items()]
    for proc in procs:
        _, err = proc.communicate(timeout=SECONDS + 120)
        assert proc.returncode == 0, err
    entries = {role: [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
               for role, log in logs.items()}
    errors = [(role, e["error"]) for role, items in entries.items() for e in items if "error" in e]
    assert errors == []

    db = open_db(db_path)
    stored = speakers.list_speakers(db, 1)
    registered = [e for e in entries["desk"] if e.get("op") == "register"]
    # every acknowledged registration is there, once, with its number, in order
    assert [s.reg_no for s in stored] == list(range(1, len(stored) + 1))
    assert {(e["reg_no"], e["name"]) for e in registered} == {(s.reg_no, s.name) for s in stored}
    recorded = [e["number"] for e in entries["secretary"] if e.get("op") == "opinion"]
    numbers = [o.number for o in opinions.list_opinions(db, 1) if o.source.value == "spoken"]
    assert numbers == recorded and len(set(numbers)) == len(numbers)
    called = [e["reg_no"] for e in entries["secretary"] if e.get("op") == "call"]
    assert called == sorted(called)  # always the lowest waiting registration number
    reads = [e["count"] for e in entries["reader"] if e.get("op") == "reads"]
    assert len(registered) > 10 and len(recorded) > 5 and reads and reads[0] > 10
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
