"""Keystroke-to-paint latency of the live screen, measured in a real terminal.

The real app runs in a pseudo-terminal (120x40, TERM=xterm-256color) on two
databases made for the run: an empty meeting (one speaker, no opinion) and a big
one (300 speakers, 2,000 opinions). For each keystroke typed into the opinion text
area we time from writing the byte to the pty until the app has written the repaint
that shows the character. Also timed: F6 (record the opinion: one committed write,
then the opinions table updated) until the confirmation is painted.

    python bench/bench_keystroke.py [--keys 200] [--records 5]

Prints a table; not a timed test.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import select
import statistics
import struct
import sys
import tempfile
import termios
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from db.connection import open_db, transaction  # noqa: E402
from db.meetings import create_meeting, next_step, start_meeting  # noqa: E402
from db.opinions import record_answer, record_opinion  # noqa: E402
from intake.plan_file import load_plan  # noqa: E402
from db.speakers import call_next, finish_speaker, register_speaker  # noqa: E402

COLS, ROWS = 120, 40
_ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]")
F6 = b"\x1b[17~"
CTRL_Q = b"\x11"


def make_db(path: Path, speakers: int, opinions: int) -> None:
    """A live meeting in its dialogue step; the last speaker has the floor."""
    now = datetime(2026, 6, 18, 7, 30)

    def tick() -> datetime:
        nonlocal now
        now += timedelta(seconds=20)
        return now

    db = open_db(path)
    meeting_id = create_meeting(db, load_plan(REPO / "db" / "demo" / "ke-sat-2026.toml"), now=tick())
    with transaction(db):
        start_meeting(db, meeting_id, now=tick())
        for _ in range(3):
            next_step(db, meeting_id, now=tick())
        for i in range(speakers):
            register_speaker(db, meeting_id, honorific="Ông" if i % 2 else "Bà",
                             name=f"Nguyễn Văn Người {i + 1}", hamlet="thôn Quán Gỏi", now=tick())
        per_speaker = opinions / max(1, speakers - 1) if speakers > 1 else 0
        written = 0
        for i in range(speakers):
            speaker = call_next(db, meeting_id, now=tick())
            if i == speakers - 1:
                break  # the last one keeps the floor
            while written < min(opinions, round((i + 1) * per_speaker)):
                op = record_opinion(db, meeting_id, f"Ý kiến {written + 1}: đường thôn xuống cấp, đề nghị "
                                    "xã sớm sửa chữa trước mùa mưa bão.", speaker_id=speaker.id, now=tick())
                if written % 2 == 0:
                    record_answer(db, op.id, outcome="answered", answered_by="Chủ tịch UBND xã",
                                  answer="Xã tiếp thu và đưa vào kế hoạch.", now=tick())
                written += 1
            finish_speaker(db, speaker.id, now=tick())
    db.close()


class Terminal:
    """The app in a pty: write keys, read what it paints."""

    def __init__(self, db_path: Path):
        pid, fd = pty.fork()
        if pid == 0:  # child: size the terminal, then become the app
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            env = dict(os.environ, TERM="xterm-256color", COLUMNS=str(COLS), LINES=str(ROWS),
                       PYTHONPATH=str(REPO))
            os.execve(sys.executable, [sys.executable, "-c",
                                       f"from tui.app import build_app; build_app({str(db_path)!r}).run()"],
                      env)
        self.pid, self.fd = pid, fd

    def read_for(self, quiet: float, limit: float = 30.0) -> bytes:
        """Read until nothing arrives for `quiet` seconds."""
        out = b""
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            ready, _, _ = select.select([self.fd], [], [], quiet)
            if not ready:
                break
            try:
                out += os.read(self.fd, 65536)
            except OSError:
                break
        return out

    def press_until(self, data: bytes, expect: bytes, limit: float = 5.0) -> float:
        """Write `data`; seconds until the output contains `expect`. Escape sequences are
        ignored: where a notification overlaps two panels the terminal receives its line
        in pieces with cursor moves between them."""
        buffer = b""
        start = time.perf_counter()
        os.write(self.fd, data)
        while expect not in _ESCAPES.sub(b"", buffer):
            left = start + limit - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no {expect!r} painted within {limit} s")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                buffer += os.read(self.fd, 65536)
        return time.perf_counter() - start

    def close(self) -> None:
        os.write(self.fd, CTRL_Q)  # during a live meeting the app asks once ...
        self.read_for(0.5, limit=5)
        os.write(self.fd, CTRL_Q)  # ... and a second Ctrl+Q leaves
        self.read_for(0.5, limit=5)
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


def measure(db_path: Path, keys: int, records: int) -> tuple[list[float], list[float]]:
    term = Terminal(db_path)
    try:
        term.read_for(1.5)  # first paint, settle
        letters = "abcdefghijklmnopqrstuvwxyz"
        typed = []
        for i in range(keys):
            char = letters[i % 26].encode()
            typed.append(term.press_until(char, char))
            term.read_for(0.03)
        recorded = []
        for _ in range(records):
            term.press_until(b"x", b"x")
            term.read_for(0.05)
            recorded.append(term.press_until(F6, "Đã ghi ý kiến số".encode()))
            term.read_for(0.3)
        return typed, recorded
    finally:
        term.close()


def ms(values: list[float], q: float) -> str:
    if not values:
        return "-"
    ordered = sorted(values)
    if q == 0.5:
        return f"{statistics.median(ordered) * 1000:7.1f}"
    return f"{ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] * 1000:7.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--records", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="doithoai-bench-"))
    cases = [("meeting trống (1 người, 0 ý kiến)", 1, 0), ("300 người, 2.000 ý kiến", 300, 2000)]
    rows = []
    for label, speakers, opinions in cases:
        path = folder / f"bench-{speakers}-{opinions}.db"
        t = time.perf_counter()
        make_db(path, speakers, opinions)
        made = time.perf_counter() - t
        typed, recorded = measure(path, args.keys, args.records)
        rows.append((label, typed, recorded, made))
    print(f"\nKeystroke-to-paint, real app in a pty {COLS}x{ROWS}, {args.keys} keys typed "
          f"into the opinion text area; F6 = record the opinion ({args.records} times).\n")
    header = f"{'case':<36} {'key median':>10} {'key p95':>8} {'key max':>8} {'F6 median':>10} {'F6 max':>8}"
    print(header)
    print("-" * len(header))
    for label, typed, recorded, _ in rows:
        print(f"{label:<36} {ms(typed, 0.5):>10} {ms(typed, 0.95):>8} {ms(typed, 1.0):>8} "
              f"{ms(recorded, 0.5):>10} {ms(recorded, 1.0):>8}")
    print("\n(milliseconds; one frame at 60 Hz is 16.7 ms)")


if __name__ == "__main__":
    main()
