"""Start-up to the first usable screen, and peak memory, as whole processes.

Baseline, measured in the same run: a bare Textual app with a header, a 200-row
table and a footer. Each process runs headless, exits as soon as its first screen
has painted, and reports its peak resident memory (ru_maxrss).

Bytecode: every case runs with Python's bytecode cache on (in a temporary
PYTHONPYCACHEPREFIX, filled by one untimed run of each case), as an installed
doithoai runs: pip compiles a package when it installs it, and the bare app's code
(Textual, Rich) is compiled in site-packages already. With PYTHONDONTWRITEBYTECODE
set (the development environment), only doithoai's own modules would be compiled
from source at every start, a cost the baseline never pays; `--source` measures that
way anyway.

    python bench/bench_startup.py [--runs 7] [--source]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE = r"""
import json, resource, sys
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()
    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Số", "Họ tên", "Thôn")
        for i in range(200):
            table.add_row(str(i), f"Nguyễn Văn {i}", "thôn Quán Gỏi")

async def ready(pilot):
    await pilot.pause()
    pilot.app.exit()

Bare().run(headless=True, size=(120, 40), auto_pilot=ready)
print(json.dumps({"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

APP = r"""
import json, resource, sys
sys.path.insert(0, {root!r})
from tui.app import build_app

async def ready(pilot):
    await pilot.pause()
    pilot.app.exit()

build_app({db!r}).run(headless=True, size=(120, 40), auto_pilot=ready)
print(json.dumps({{"maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   "screen": None}}))
"""


def run_once(code: str, env: dict[str, str] | None = None) -> tuple[float, int]:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    last = [line for line in out.stdout.splitlines() if line.startswith("{")][-1]
    return elapsed, json.loads(last)["maxrss_kb"]


def bytecode_env(cache: Path) -> dict[str, str]:
    """The environment with the bytecode cache on, kept in `cache`."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def measure(runs: int, *, bytecode: bool = True) -> dict[str, tuple[list[float], list[int]]]:
    sys.path.insert(0, str(ROOT))
    from bench.large_meeting import build_large_meeting
    from db.connection import open_db
    from db.meetings import create_meeting
    from intake.plan_file import load_plan

    folder = Path(tempfile.mkdtemp(prefix="doithoai-startup-"))
    demo = folder / "demo.db"
    create_meeting(open_db(demo), load_plan(ROOT / "db" / "demo" / "ke-sat-2026.toml"))
    large = folder / "large.db"
    build_large_meeting(large)
    cases = {
        "bare Textual app (baseline)": BARE,
        "doithoai, demo meeting": APP.format(root=str(ROOT), db=str(demo)),
        "doithoai, 300 speakers / 2000 opinions": APP.format(root=str(ROOT), db=str(large)),
    }
    env = bytecode_env(folder / "pycache") if bytecode else None
    if bytecode:
        for code in cases.values():  # untimed: writes the bytecode, as installing would
            run_once(code, env)
    results: dict[str, tuple[list[float], list[int]]] = {name: ([], []) for name in cases}
    for _ in range(runs):  # interleaved, so drift affects every case alike
        for name, code in cases.items():
            seconds, rss = run_once(code, env)
            results[name][0].append(seconds)
            results[name][1].append(rss)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--source", action="store_true",
                        help="no bytecode cache: compile doithoai's modules at every start")
    args = parser.parse_args()
    results = measure(args.runs, bytecode=not args.source)
    base_t = statistics.median(results["bare Textual app (baseline)"][0])
    base_m = statistics.median(results["bare Textual app (baseline)"][1])
    how = "compiled from source at each start" if args.source else "bytecode cached, as installed"
    print(f"Start-up to first painted screen (whole process, {how}), {args.runs} runs")
    print(f"{'case':<42}{'median s':>9}{'min s':>8}{'max s':>8}{'x base':>8}{'peak MB':>9}{'x base':>8}")
    for name, (times, rss) in results.items():
        print(f"{name:<42}{statistics.median(times):>9.2f}{min(times):>8.2f}{max(times):>8.2f}"
              f"{statistics.median(times) / base_t:>8.2f}{statistics.median(rss) / 1024:>9.1f}"
              f"{statistics.median(rss) / base_m:>8.2f}")


if __name__ == "__main__":
    main()
