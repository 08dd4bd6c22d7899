"""Print a stored meeting: load its record, add the seal footer, write both PDFs.

One function for the command line (`doithoai print`) and the end-of-meeting screen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from db.meetings import load_record
from db.seal import seal_footer

from . import print_documents
from .fonts import FontWarning


@dataclass(frozen=True)
class Printed:
    minutes: Path
    notice: Path
    warnings: tuple[str, ...] = ()


def print_meeting(db: sqlite_utils.Database, meeting_id: int, out_dir: str | os.PathLike, *,
                  font: str | os.PathLike | None = None, now: datetime | None = None) -> Printed:
    """Write `bien-ban-<date>.pdf` and `thong-bao-ket-luan-<date>.pdf` into out_dir."""
    record = load_record(db, meeting_id)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FontWarning)
        minutes, notice = print_documents(record, out_dir, font=font, now=now,
                                          footer_text=seal_footer(db, meeting_id))
    notes = tuple(str(w.message) for w in caught if issubclass(w.category, FontWarning))
    return Printed(minutes, notice, notes)


class PrinterUnavailable(Exception):
    """`lp` is missing or refused the job; the message says so in Vietnamese."""


def send_to_printer(paths: list[Path]) -> list[str]:
    """Send PDFs to the system printer with `lp`; return lp's job lines."""
    lp = shutil.which("lp")
    if lp is None:
        raise PrinterUnavailable("Máy này không có lệnh in lp (CUPS); hãy mở các tệp PDF và in bằng tay.")
    jobs = []
    for path in paths:
        done = subprocess.run([lp, str(path)], capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            raise PrinterUnavailable(f"lp không in được {path.name}: {done.stderr.strip() or done.returncode}")
        jobs.append(done.stdout.strip())
    return jobs
