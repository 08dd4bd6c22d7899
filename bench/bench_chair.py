"""Write-to-display delay of the chair's screen: a writer in another process commits a
store operation; how long until the chair's screen holds the change?

The chair app runs headless (Textual's run_test, 160x48) in this process on the same
SQLite file. For each of N changes the writer process waits a random 0-250 ms (so
commits fall anywhere in the chair's 200 ms poll cycle), runs one store operation
(register, call, record an opinion, answer it, finish the speaker: in turn) and
reports `time.time()` when the operation returned, i.e. just after its COMMIT. This
process checks every millisecond whether the chair's widgets hold the change (the
speaker's name in the queue, the speaker on the floor, the opinion, the counts) and
records `time.time()` when they do. Delay = seen - committed, same machine clock.

What it measures: commit -> the chair's widgets updated (poll wait + data_version
check + snapshot read + widget update). Not included: the paint itself, which Textual
does on its next refresh (at most one frame, ~17 ms at 60 fps), and the terminal.
It also times one poll with nothing new (the cost paid 5 times a second) and one
full re-read, in-process.

    python bench/bench_chair.py [--n 50]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db import meetings, opinions, speakers  # noqa: E402
from db.connection import open_db  # noqa: E402
from db.models import Outcome  # noqa: E402
from intake.plan_file import load_plan  # noqa: E402

DEMO = ROOT / "db" / "demo" / "ke-sat-2026.toml"
KINDS = ["register", "call", "opinion", "answer", "finish"]


def change(db, meeting_id: int, i: int, state: dict) -> None:
    """The i-th change of the cycle register -> call -> opinion -> answer -> finish."""
    kind, k = KINDS[i % len(KINDS)], i // len(KINDS)
    if kind == "register":
        state["speaker"] = speakers.register_speaker(
            db, meeting_id, honorific="Ông", name=f"Người thử {k:03d}", hamlet="thôn Quán Gỏi")
    elif kind == "call":
        speakers.call_next(db, meeting_id)
    elif kind == "opinion":
        state["opinion"] = opinions.record_opinion(
            db, meeting_id, f"Ý kiến thử số {k:03d}: đề nghị sửa đường liên thôn.",
            speaker_id=state["speaker"].id)
    elif kind == "answer":
        opinions.record_answer(db, state["opinion"].id, outcome=Outcome.NOTED)
    else:
        speakers.finish_speaker(db, state["speaker"].id)


def expected(i: int, base_noted: int) -> str:
    """What the chair's screen must hold once change i is committed."""
    kind, k = KINDS[i % len(KINDS)], i // len(KINDS)
    return {
        "register": f"Ông Người thử {k:03d}",
        "call": f"Số {k + 1} · thôn Quán Gỏi\nÔng Người thử {k:03d}",
        "opinion": f"Ý kiến thử số {k:03d}",
        "answer": f"{base_noted + k + 1} tiếp thu",
        "finish": "Chưa mời ai phát biểu",
    }[kind]


def writer(path: str, meeting_id: int) -> None:
    """The writer process: one change per line read on stdin, commit time on stdout."""
    db = open_db(path)
    state: dict = {}
    for line in sys.stdin:
        i = int(line)
        time.sleep(random.uniform(0, 0.25))
        change(db, meeting_id, i, state)
        print(json.dumps({"i": i, "committed": time.time()}), flush=True)


def visible_text(screen) -> str:
    """The text the chair's widgets hold now (cheap: no rendering)."""
    from textual.widgets import Static

    from screens.widgets.chips import Chips
    from screens.widgets.fitted_lines import FittedLines

    parts = []
    for widget in screen.query("*"):
        if isinstance(widget, Static):
            content = widget.content
            parts.append(content.plain if hasattr(content, "plain") else str(content))
        elif isinstance(widget, FittedLines):
            parts.extend(line.plain for line in widget.lines)
        elif isinstance(widget, Chips):
            parts.append(" · ".join(p.plain for p in widget.parts))
        if widget.border_title:
            parts.append(str(widget.border_title))
    return "\n".join(parts)


async def run_chair(path: Path, meeting_id: int, n: int) -> tuple[list[tuple[str, float]], dict]:
    from tui.chair_app import build_chair_app

    app = build_chair_app(path)
    delays: list[tuple[str, float]] = []
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        proc = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--writer", str(path), str(meeting_id),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, cwd=ROOT)
        for i in range(n):
            needle = expected(i, base_noted=1)
            proc.stdin.write(f"{i}\n".encode())
            await proc.stdin.drain()
            seen = None
            report = asyncio.ensure_future(proc.stdout.readline())
            deadline = time.time() + 5
            while seen is None and time.time() < deadline:
                if needle in visible_text(screen):
                    seen = time.time()
                else:
                    await asyncio.sleep(0.001)
            line = await report
            if seen is None:
                raise SystemExit(f"change {i} ({needle!r}) never showed on the chair's screen")
            delays.append((KINDS[i % len(KINDS)], seen - json.loads(line)["committed"]))
        proc.stdin.close()
        await proc.wait()
        costs = measure_costs(app, screen, path, meeting_id)
    return delays, costs


def measure_costs(app, screen, path: Path, meeting_id: int) -> dict[str, list[float]]:
    """In-process costs: a poll with nothing new, a snapshot read (this meeting and one
    of 300 speakers / 2,000 opinions), and showing a changed snapshot (widget updates)."""
    from bench.large_meeting import build_large_meeting
    from db.queries_chair import data_version, read_chair_view
    from tui.chair_app import open_chair_db

    large_path = path.with_name("large.db")
    large_id = build_large_meeting(large_path)
    large = open_chair_db(large_path)
    costs: dict[str, list[float]] = {"poll, nothing new": [], "read, this meeting": [],
                                     "read, 300 sp./2000 op.": [], "show changed snapshot": []}
    for _ in range(200):
        t = time.perf_counter()
        data_version(app.db)
        costs["poll, nothing new"].append(time.perf_counter() - t)
    views = []
    for label, db, mid in (("read, this meeting", app.db, meeting_id),
                           ("read, 300 sp./2000 op.", large, large_id)):
        for _ in range(30):
            t = time.perf_counter()
            view = read_chair_view(db, mid)
            costs[label].append(time.perf_counter() - t)
        views.append(view)
    for i in range(30):
        t = time.perf_counter()
        screen.show(views[i % 2])
        costs["show changed snapshot"].append(time.perf_counter() - t)
    large.close()
    return costs


def row(label: str, samples: list[float], digits: int = 1) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    f = f".{digits}f"
    return (f"{label:<24}{len(ms):>5}{statistics.median(ms):>10{f}}{p95:>10{f}}"
            f"{ms[0]:>9{f}}{ms[-1]:>9{f}}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50, help="changes to measure (default 50)")
    parser.add_argument("--writer", nargs=2, metavar=("DB", "MEETING"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.writer:
        writer(args.writer[0], int(args.writer[1]))
        return
    path = Path(tempfile.mkdtemp(prefix="doithoai-bench-chair-")) / "chair.db"
    db = open_db(path)
    meeting_id = meetings.create_meeting(db, load_plan(DEMO))
    meetings.start_meeting(db, meeting_id)
    db.close()
    delays, costs = asyncio.run(run_chair(path, meeting_id, args.n))
    from screens.chair import POLL_SECONDS

    print(f"Chair display: commit in another process -> chair's widgets updated "
          f"(poll every {POLL_SECONDS * 1000:.0f} ms), milliseconds")
    print(f"{'change':<24}{'n':>5}{'median':>10}{'p95':>10}{'min':>9}{'max':>9}")
    for kind in KINDS:
        print(row(kind, [d for k, d in delays if k == kind]))
    print(row("all", [d for _, d in delays]))
    print()
    print("Cost on the chair's side, in-process, milliseconds (show: widget updates, not the paint)")
    for label, samples in costs.items():
        print(row(label, samples, digits=2))


if __name__ == "__main__":
    main()
