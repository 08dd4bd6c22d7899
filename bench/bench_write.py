"""Durable write latency: one store operation, committed with synchronous=FULL on a
real file, against a bare sqlite3 INSERT with the same pragmas (the baseline), both
measured in this run. Prints a table of medians and spreads (milliseconds).

    python bench/bench_write.py [--n 200]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db import meetings, opinions, speakers  # noqa: E402
from db.connection import open_db  # noqa: E402
from intake.plan_file import load_plan  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "db" / "demo" / "ke-sat-2026.toml"


def _stats(samples: list[float]) -> tuple[float, float, float]:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return statistics.median(ms), ms[0], p95


def measure(n: int) -> dict[str, list[float]]:
    folder = Path(tempfile.mkdtemp(prefix="doithoai-bench-"))
    db = open_db(folder / "bench.db")
    mid = meetings.create_meeting(db, load_plan(DEMO))
    meetings.start_meeting(db, mid)
    raw = sqlite3.connect(folder / "raw.db", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, content TEXT)")
    results: dict[str, list[float]] = {"sqlite3 INSERT (baseline)": [], "register_speaker": [],
                                       "record_opinion": [], "save_draft": []}
    for i in range(n):
        t = time.perf_counter()
        raw.execute("INSERT INTO t (content) VALUES (?)", [f"Ý kiến số {i}"])
        results["sqlite3 INSERT (baseline)"].append(time.perf_counter() - t)
        t = time.perf_counter()
        s = speakers.register_speaker(db, mid, honorific="Ông", name=f"Nguyễn Văn {i}", hamlet="thôn Quán Gỏi")
        results["register_speaker"].append(time.perf_counter() - t)
        t = time.perf_counter()
        opinions.record_opinion(db, mid, f"Đề nghị sửa đường thôn, ý kiến số {i}", speaker_id=s.id)
        results["record_opinion"].append(time.perf_counter() - t)
        t = time.perf_counter()
        meetings.save_draft(db, mid, "opinion:new", f"Đang gõ ý kiến {i}")
        results["save_draft"].append(time.perf_counter() - t)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    results = measure(args.n)
    base = statistics.median(results["sqlite3 INSERT (baseline)"])
    print(f"Durable write latency, {args.n} runs each (synchronous=FULL, WAL)")
    print(f"{'operation':<28}{'median ms':>10}{'min ms':>9}{'p95 ms':>9}{'x baseline':>12}")
    for name, samples in results.items():
        med, low, p95 = _stats(samples)
        print(f"{name:<28}{med:>10.2f}{low:>9.2f}{p95:>9.2f}{statistics.median(samples) / base:>12.1f}")


if __name__ == "__main__":
    main()
