"""What the journal's hash chain costs per write, against the unchained row of before,
both measured in this run on the same database:

- CPU: one journal row inside an open transaction, in memory (no disk in the way);
- durable: one committed transaction holding one journal row, on a real file with
  WAL and synchronous=FULL (what every store write pays).

    python bench/bench_journal.py [--n 500]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import journal, meetings  # noqa: E402
from db.clock import moment  # noqa: E402
from db.connection import open_db, transaction  # noqa: E402
from intake.plan_file import load_plan  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "db" / "demo" / "ke-sat-2026.toml"
DATA = {"number": 12, "content": "Đề nghị sửa đường trục chính thôn Quán Gỏi, đoạn qua trường học.",
        "field_id": 3, "speaker_id": 7}


def unchained(db, meeting_id: int, data: dict) -> None:
    """The journal row as it was written before the chain (the baseline)."""
    db.execute("INSERT INTO journal (meeting_id, at, op, entity, entity_id, data) VALUES (?, ?, ?, ?, ?, ?)",
               [meeting_id, moment(), "opinion.record", "opinion", 1,
                json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)])


def chained(db, meeting_id: int, data: dict) -> None:
    journal.record(db, meeting_id, "opinion.record", "opinion", 1, data)


def _cpu(db, mid: int, write, n: int) -> list[float]:
    samples = []
    with transaction(db):
        for _ in range(n):
            t = time.perf_counter()
            write(db, mid, DATA)
            samples.append(time.perf_counter() - t)
    return samples


def _durable(db, mid: int, write, n: int) -> list[float]:
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        with transaction(db):
            write(db, mid, DATA)
        samples.append(time.perf_counter() - t)
    return samples


def _setup(db) -> int:
    mid = meetings.create_meeting(db, load_plan(DEMO))
    # the unchained rows go to another meeting, so the chain under test stays whole
    return mid


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=500)
    args = parser.parse_args()
    n = args.n
    results: dict[str, list[float]] = {}
    mem = open_db(memory=True)
    a, b = _setup(mem), _setup(mem)
    for _ in range(2):  # interleave, keep the second round (warm)
        results["CPU: unchained row (before)"] = _cpu(mem, b, unchained, n)
        results["CPU: chained row (now)"] = _cpu(mem, a, chained, n)
    assert journal.check_chain(mem, a).intact
    folder = Path(tempfile.mkdtemp(prefix="doithoai-bench-"))
    disk = open_db(folder / "bench.db")
    a, b = _setup(disk), _setup(disk)
    base, chain = [], []
    for _ in range(n):  # alternate so disk noise hits both alike
        base += _durable(disk, b, unchained, 1)
        chain += _durable(disk, a, chained, 1)
    results["durable: unchained row (before)"] = base
    results["durable: chained row (now)"] = chain
    assert journal.check_chain(disk, a).intact

    print(f"Journal hash chain, cost per journal write, {n} writes each (same run)")
    print(f"{'case':<34}{'median µs':>11}{'p95 µs':>10}")
    for name, samples in results.items():
        us = sorted(s * 1e6 for s in samples)
        print(f"{name:<34}{statistics.median(us):>11.1f}{us[int(0.95 * (len(us) - 1))]:>10.1f}")
    cpu = statistics.median(results["CPU: chained row (now)"]) - statistics.median(results["CPU: unchained row (before)"])
    dur = (statistics.median(results["durable: chained row (now)"])
           - statistics.median(results["durable: unchained row (before)"]))
    print(f"chain cost: {cpu * 1e6:+.1f} µs CPU per row; {dur * 1e6:+.1f} µs per durable write "
          f"({dur / statistics.median(results['durable: unchained row (before)']) * 100:+.1f} %)")
    t = time.perf_counter()
    journal.check_chain(disk, a)
    print(f"check_chain over {len(journal.chain_rows(disk, a))} rows: {(time.perf_counter() - t) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
