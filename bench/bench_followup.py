"""The follow-up at scale: a year of 10 meetings with 10,000 opinions, 2,000 of them
assignments still open. Measures, with same-run baselines:

- reading the follow-up list (flags in working days) against a bare SELECT of the
  same rows, and the year's report against a bare read of every opinion row;
- in a real terminal (pty, 120x40, as bench_keystroke): ↓ on the follow-up screen
  until the next item's detail is painted, and o (the overdue filter: the list read
  again and redrawn) until the filter line shows it; 2,000 open items against 101.

    python bench/bench_followup.py [--n 50]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_keystroke import Terminal  # noqa: E402
from db.connection import open_db  # noqa: E402
from db.followup_list import list_items  # noqa: E402
from db.meetings import create_meeting, end_meeting, get_fields, start_meeting  # noqa: E402
from intake.plan_file import load_plan  # noqa: E402
from reports.report import build_report, period  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "db" / "demo" / "ke-sat-2026.toml"
AGENCIES = ["Công an xã", "Công chức Địa chính - Xây dựng", "Công chức Văn hóa - Xã hội",
            "Công chức Tư pháp - Hộ tịch", "Văn phòng HĐND và UBND xã"]
#: Outcomes per 10 opinions: 1 assigned, 6 answered, 2 noted, 1 forwarded (2,000 open in a year).
PATTERN = ["assigned", "answered", "answered", "noted", "answered", "answered", "answered", "forwarded",
           "answered", "noted"]
TODAY = date(2026, 12, 15)


def make_year(path: Path, n_meetings: int = 10, per_meeting: int = 1000) -> None:
    """Meetings through 2026, each with `per_meeting` opinions (bulk inserts)."""
    db = open_db(path)
    db.execute("PRAGMA synchronous = OFF")
    plan = load_plan(DEMO)
    for k in range(n_meetings):
        day = date(2026, 1, 15) + timedelta(days=33 * k)
        plan.date = day
        start = datetime.combine(day, datetime.min.time()).replace(hour=7, minute=30)
        mid = create_meeting(db, plan, now=start)
        start_meeting(db, mid, now=start)
        fields = [f.id for f in get_fields(db, mid)]
        rows = []
        for i in range(per_meeting):
            outcome = PATTERN[i % len(PATTERN)]
            agency = AGENCIES[i % len(AGENCIES)] if outcome == "assigned" else None
            deadline = (day + timedelta(days=10 + i % 60)).isoformat() if outcome == "assigned" else None
            rows.append([mid, 100 + i, "slip", f"Người viết {i}", "thôn Quán Gỏi", fields[i % len(fields)],
                         f"Ý kiến số {i} của hội nghị {mid}: đề nghị sửa đường, nạo vét kênh mương",
                         outcome, agency, deadline, start.isoformat(), start.isoformat()])
        with db.atomic():
            db.conn.executemany(
                "INSERT INTO opinions (meeting_id, number, source, author, author_address, field_id, content, "
                "outcome, agency, deadline, created_at, answered_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        end_meeting(db, mid, now=start + timedelta(hours=4), backup=False)
    db.close()


def _stats(samples: list[float]) -> tuple[float, float, float]:
    ms = sorted(s * 1000 for s in samples)
    return statistics.median(ms), ms[0], ms[min(len(ms) - 1, int(0.95 * len(ms)))]


def measure_list(path: Path, n: int) -> dict[str, list[float]]:
    db = open_db(path)
    out: dict[str, list[float]] = {"bare SELECT of the followed rows (baseline)": [],
                                   "list_items with flags (10,000 opinions)": [],
                                   "bare SELECT * of the year's opinions (baseline)": [],
                                   "build_report for the year (10,000 opinions)": []}
    year = period("year", 2026)
    for _ in range(n):
        t = time.perf_counter()
        db.execute("SELECT * FROM opinions WHERE outcome IN ('assigned', 'forwarded')").fetchall()
        out["bare SELECT of the followed rows (baseline)"].append(time.perf_counter() - t)
        t = time.perf_counter()
        items = list_items(db, TODAY, open_only=True)
        out["list_items with flags (10,000 opinions)"].append(time.perf_counter() - t)
        t = time.perf_counter()
        db.execute("SELECT * FROM opinions").fetchall()
        out["bare SELECT * of the year's opinions (baseline)"].append(time.perf_counter() - t)
        t = time.perf_counter()
        report = build_report(db, year, TODAY)
        out["build_report for the year (10,000 opinions)"].append(time.perf_counter() - t)
    assert report.opinions >= 10_000, report.opinions
    assert len(items) >= 2000, len(items)
    return out


DOWN = b"\x1b[B"


def _detail(item) -> bytes:
    return f"Hội nghị {item.meeting_id} ({item.meeting_date[8:10]}/{item.meeting_date[5:7]}/".encode()  \
        + f"{item.meeting_date[:4]}), ý kiến số {item.number}".encode()


def measure_screen(path: Path, keys: int) -> tuple[list[float], list[float]]:
    """In a real terminal (pty, 120x40): ↓ until the next item's detail is painted; o
    until the filter line says so (the list read again and redrawn)."""
    items = list_items(open_db(path), date.today(), open_only=True)
    term = Terminal(path)
    try:
        term.read_for(1.5)
        term.press_until(b"t", "Theo dõi việc giao giải quyết".encode())
        term.read_for(0.5)
        downs = []
        for k in range(1, min(keys, len(items) - 1) + 1):
            downs.append(term.press_until(DOWN, _detail(items[k])))
            term.read_for(0.03)
        filters = []
        for _ in range(max(3, keys // 10)):
            filters.append(term.press_until(b"o", "chỉ quá hạn".encode()))
            term.read_for(0.3)
            os.write(term.fd, b"o")  # back to every open item (not timed)
            term.read_for(0.6)
        return downs, filters
    finally:
        term.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="doithoai-bench-follow-"))
    small, year = folder / "small.db", folder / "year.db"
    make_year(small, n_meetings=1, per_meeting=500)
    t = time.perf_counter()
    make_year(year)
    print(f"built a year of 10 meetings / 10,000 opinions in {time.perf_counter() - t:.1f} s")
    results = measure_list(year, args.n)
    small_down, small_o = measure_screen(small, args.n)
    big_down, big_o = measure_screen(year, args.n)
    results.update({"↓ on the follow-up screen, 101 open items (baseline)": small_down,
                    "↓ on the follow-up screen, 2,000 open items": big_down,
                    "o (overdue filter), 101 open items (baseline)": small_o,
                    "o (overdue filter), 2,000 open items": big_o})
    base = None
    print(f"{'measure':58} {'median ms':>10} {'min':>8} {'p95':>8} {'n':>4}")
    for label, samples in results.items():
        median, low, p95 = _stats(samples)
        if "baseline" in label:
            base = median
        ratio = f"{median / base:.2f}x" if base and "baseline" not in label else "baseline"
        print(f"{label:58} {median:10.2f} {low:8.2f} {p95:8.2f} {len(samples):4}  {ratio}")


if __name__ == "__main__":
    main()
