"""Printing speed: all four files (minutes and notice, PDF and Word) of a 300-opinion meeting.

Measured in the same run:
- `doithoai print` as a whole process (start-up, font check, two PDFs, two .docx), taking
  turns with LibreOffice so that other load on the machine slows both alike, with its
  modules' bytecode cached as an installed program has it (and, where
  PYTHONDONTWRITEBYTECODE is set, also as this environment runs it: compiled at each start),
  and its CPU time (process and forked copy: about what it takes when the other core is busy);
- `reports.printing.print_record` in-process as the command runs it (the minutes' PDF in
  a forked copy where the system has fork), and one file after another with its PDF and
  Word parts;
- the baseline a secretary might otherwise use: LibreOffice (`soffice --headless
  --convert-to pdf`) converting the same minutes from the .docx doithoai wrote, with
  its own profile folder, warmed by one conversion that is not counted;
- the end screen: F9 to all four files on disk, in the real app (Textual's run_test),
  once the documents were prepared in the background, and pressed at once on opening
  the screen (the preparation still running).
Prints a table of medians.

    python bench/bench_print.py [--runs 5] [--opinions 300]
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db.models import MeetingRecord  # noqa: E402


def stored_meeting(folder: Path, n_opinions: int) -> tuple[Path, MeetingRecord]:
    """The meeting in a real database file, ended, with a conclusion."""
    from bench.large_meeting import build_large_meeting
    from db import meetings
    from db.connection import open_db

    path = folder / "meeting.db"
    mid = build_large_meeting(path, n_speakers=120, n_opinions=n_opinions)
    db = open_db(path)
    meetings.set_conclusion(db, mid, "Giao các cơ quan chuyên môn giải quyết, trả lời bằng văn bản đúng hạn.")
    meetings.end_meeting(db, mid, backup=False)
    record = meetings.load_record(db, mid)
    db.close()
    return path, record


def time_process(db_path: Path, out_dir: Path, bytecode: Path | None = None) -> float:
    """Seconds for `doithoai print` as a whole process (start-up, font check, four files).

    `bytecode`: a folder where Python keeps the compiled modules (PYTHONPYCACHEPREFIX),
    as an installed doithoai has them (pip compiles at install; a checkout's first run
    writes __pycache__). Without it, and with PYTHONDONTWRITEBYTECODE set (as in some
    sandboxes and CI), every start compiles doithoai's ~100 modules from source again.
    """
    from bench.bench_startup import bytecode_env

    env = bytecode_env(bytecode) if bytecode is not None else None
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db_path), "print", "--out", str(out_dir)],
                   check=True, capture_output=True, timeout=300, cwd=ROOT, env=env)
    elapsed = time.perf_counter() - start
    _PROCESS_CPU.append(_children_cpu() - cpu)
    return elapsed


#: CPU seconds (user + system) of each `time_process` run, the forked copy's included,
#: and of each LibreOffice conversion (its soffice.bin included).
_PROCESS_CPU: list[float] = []
_OFFICE_CPU: list[float] = []


def _children_cpu() -> float:
    """CPU seconds used so far by this process's finished children (NaN without `resource`)."""
    try:
        import resource
    except ImportError:  # Windows
        return math.nan
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_in_process(record: MeetingRecord, out_dir: Path, font) -> dict[str, float]:
    from datetime import datetime

    from reports.docx import render_docx
    from reports.pdf import render_pdf
    from reports.printing import documents

    out_dir.mkdir(parents=True, exist_ok=True)
    times = {"model": 0.0, "pdf": 0.0, "docx": 0.0}
    start = time.perf_counter()
    items = documents(record, datetime(2026, 6, 18, 12))
    times["model"] = time.perf_counter() - start
    for stem, document in items:
        t = time.perf_counter()
        render_pdf(document, out_dir / f"{stem}.pdf", font)
        times["pdf"] += time.perf_counter() - t
    for stem, document in items:
        t = time.perf_counter()
        render_docx(document, out_dir / f"{stem}.docx", font)
        times["docx"] += time.perf_counter() - t
    times["all"] = time.perf_counter() - start
    return times


def time_forked(record: MeetingRecord, out_dir: Path, font) -> float:
    """Seconds for `print_record` as the command calls it: the minutes' PDF in a forked
    copy of the process where the system has fork (sequential elsewhere)."""
    from datetime import datetime

    from reports.printing import print_record

    start = time.perf_counter()
    print_record(record, out_dir, font=font, now=datetime(2026, 6, 18, 12), parallel=True)
    return time.perf_counter() - start


def libreoffice(soffice: str, docx: Path, out_dir: Path, profile: Path) -> float:
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), str(docx)], check=True, capture_output=True, timeout=300)
    elapsed = time.perf_counter() - start
    _OFFICE_CPU.append(_children_cpu() - cpu)
    return elapsed


async def _f9(db_path: Path, out_dir: Path, *, prepared: bool) -> float:
    """Seconds from F9 on the end screen to the four files on disk."""
    from db.connection import open_db
    from screens.end import EndScreen
    from textual.widgets import Input
    from tui.app import build_app

    db = open_db(db_path)
    app = build_app(db_path, db=db)
    names = ["bien-ban-2026-06-18-hn1.pdf", "thong-bao-2026-06-18-hn1.pdf",
             "bien-ban-2026-06-18-hn1.docx", "thong-bao-2026-06-18-hn1.docx"]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.push_screen(EndScreen(1))
        await pilot.pause()
        screen = app.screen
        screen.query_one("#out-dir", Input).value = str(out_dir)
        if prepared:
            while not any(screen.cache_dir.glob("*/done")):
                await asyncio.sleep(0.01)
        start = time.perf_counter()
        await pilot.press("f9")
        while not (all((out_dir / n).is_file() for n in names) and not screen.printing):
            await asyncio.sleep(0.002)
        elapsed = time.perf_counter() - start
    db.close()
    return elapsed


def measure(runs: int = 5, opinions: int = 300) -> dict:
    """Samples (seconds) for each step, the font label and the page counts."""
    folder = Path(tempfile.mkdtemp(prefix="doithoai-bench-print-"))
    db_path, record = stored_meeting(folder, opinions)

    from reports.fonts import resolve_font

    start = time.perf_counter()
    font = resolve_font()
    resolve = time.perf_counter() - start
    parts = [time_in_process(record, folder / f"rl{i}", font) for i in range(runs)]
    forked = [time_forked(record, folder / f"fork{i}", font) for i in range(runs)]
    # The command and LibreOffice take turns, so a machine busy with something else slows both alike.
    bytecode = folder / "bytecode"
    time_process(db_path, folder / "proc-warm", bytecode)  # not counted: disk cache, bytecode, the .docx
    whole: list[float] = []
    compiling: list[float] = []
    office: list[float] = []
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    minutes_docx = next((folder / "proc-warm").glob("bien-ban-*.docx"))
    profile = folder / "lo-profile"
    if soffice:
        libreoffice(soffice, minutes_docx, folder / "lo-warm", profile)  # first start makes the profile
    cpu: list[float] = []
    office_cpu: list[float] = []
    for i in range(runs):
        whole.append(time_process(db_path, folder / f"proc{i}", bytecode))
        cpu.append(_PROCESS_CPU[-1])
        compiling.append(time_process(db_path, folder / f"proc-src{i}")
                         if os.environ.get("PYTHONDONTWRITEBYTECODE") else math.nan)
        if soffice:
            office.append(libreoffice(soffice, minutes_docx, folder / f"lo{i}", profile))
            office_cpu.append(_OFFICE_CPU[-1])
    f9_ready = [asyncio.run(_f9(db_path, folder / f"f9-{i}", prepared=True)) for i in range(runs)]
    f9_at_once = [asyncio.run(_f9(db_path, folder / f"f9-now-{i}", prepared=False)) for i in range(runs)]

    from pypdf import PdfReader

    pages = [len(PdfReader(str(p)).pages) for p in sorted((folder / "proc-warm").glob("*.pdf"))]
    shutil.rmtree(folder, ignore_errors=True)
    return {"whole": whole, "cpu": [c for c in cpu if not math.isnan(c)], "compiling": [c for c in compiling if not math.isnan(c)], "resolve": [resolve],
            "in_process": [p["all"] for p in parts],
            "forked": forked, "pdf": [p["pdf"] for p in parts], "docx": [p["docx"] for p in parts],
            "model": [p["model"] for p in parts], "libreoffice": office,
            "office_cpu": [c for c in office_cpu if not math.isnan(c)], "f9": f9_ready,
            "f9_at_once": f9_at_once, "font": font.family.label, "pages": pages}


def _row(name: str, samples: list[float] | None, base: float | None) -> str:
    if not samples:
        return f"{name:<58}{'-':>10}{'-':>9}{'-':>10}"
    med = statistics.median(samples)
    ratio = f"{med / base:.2f}x" if base else "-"
    return f"{name:<58}{med:>10.3f}{min(samples):>9.3f}{ratio:>10}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--opinions", type=int, default=300)
    args = parser.parse_args()
    m = measure(args.runs, args.opinions)
    base = statistics.median(m["libreoffice"]) if m["libreoffice"] else None
    print(f"Printing a meeting of {args.opinions} opinions, median of {args.runs} runs (seconds); "
          f"font {m['font']}, PDF pages {'+'.join(map(str, m['pages']))} (minutes+notice)")
    print(f"{'step':<58}{'median s':>10}{'min s':>9}{'vs LO':>10}")
    print(_row("LibreOffice: minutes .docx -> PDF (baseline)", m["libreoffice"], base))
    if m["office_cpu"]:
        print(_row("  its CPU time (user + system)", m["office_cpu"], base))
    print(_row("`doithoai print` whole process: 2 PDF + 2 DOCX", m["whole"], base))
    if m["cpu"]:  # what it costs a machine whose other core is busy: the fork then gains nothing
        print(_row("  its CPU time (user + system, the forked copy included)", m["cpu"], base))
    if m["compiling"]:
        print(_row("  the same, compiling its modules at each start", m["compiling"], base))
    print(_row("in-process, as the command: minutes PDF in a forked copy", m["forked"], base))
    print(_row("in-process, one after another: model + 2 PDF + 2 DOCX", m["in_process"], base))
    print(_row("  of which: both document models", m["model"], base))
    print(_row("  of which: both PDFs (reportlab)", m["pdf"], base))
    print(_row("  of which: both .docx", m["docx"], base))
    print(_row("font check + registration (once per process)", m["resolve"], base))
    print(_row("end screen: F9 -> 4 files on disk (prepared)", m["f9"], base))
    print(_row("end screen: F9 at once on opening (not prepared)", m["f9_at_once"], base))
    if not m["libreoffice"]:
        print("LibreOffice not installed (apt-get install libreoffice-writer-nogui)")


if __name__ == "__main__":
    main()
