"""Print a meeting: ONE function for the command line, the end screen and the provisional print.

Each document is built once from the record as a `model.Document` and rendered
twice, by `pdf.py` and `docx.py`. The PDFs are written first; a Word file that
cannot be written (folder gone, read-only, open in Word) is reported in one
sentence and leaves the PDFs in place. A `PrintCache` lets a caller prepare the
files in the background (the end screen does, while the secretary types the
conclusion): printing the same record again is then a copy.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import os
import sys
import shutil
import subprocess
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db import files
from db.documents import PublicNaming, get_choices
from db.meetings import load_record
from db.models import MeetingRecord, MeetingStatus
from db.seal import seal_footer

from .fonts import FontWarning, RegisteredFont, resolve_font
from .minutes import minutes_document
from .model import Document
from .notice import notice_document
from .pdf import render_pdf
from .text import to_date

if TYPE_CHECKING:
    import sqlite_utils

#: progress(done, total, what): called after each file (and once with done=0 before the first).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Printed:
    """What was written: the PDFs always, the Word files unless `problems` says why not."""

    pdfs: tuple[Path, ...]
    docx: tuple[Path, ...]
    warnings: tuple[str, ...] = ()  # fonts skipped
    problems: tuple[str, ...] = ()  # Word files not written, one sentence each

    @property
    def files(self) -> tuple[Path, ...]:
        return self.pdfs + self.docx

    @property
    def minutes(self) -> Path:
        return self.pdfs[0]

    @property
    def notice(self) -> Path:
        return self.pdfs[-1]


def file_stems(record: MeetingRecord) -> dict[str, str]:
    """{'minutes': 'bien-ban-2026-06-18-hn3', 'notice': ..., 'public': ...}: the meeting's
    date and id, so two meetings printed into one folder never overwrite each other."""
    tag = f"{to_date(record.meeting.date).isoformat()}-hn{record.meeting.id}"
    return {"minutes": f"bien-ban-{tag}", "notice": f"thong-bao-{tag}", "public": f"thong-bao-cong-khai-{tag}"}


def documents(record: MeetingRecord, now: datetime, *, final: bool = False,
              public: PublicNaming | None = None, footer: str | None = None) -> list[tuple[str, Document]]:
    """(file stem, document) for each document to print: the minutes and the notice, or
    with `public` only the notice for posting. `footer` is the seal's line
    (`db.seal.seal_footer`), printed at the foot of every page."""
    stems = file_stems(record)
    if public is not None:
        return [(stems["public"], notice_document(record, now, footer, final=final, public=public))]
    return [(stems["minutes"], minutes_document(record, now, footer)),
            (stems["notice"], notice_document(record, now, footer, final=final))]


# -- Word files that cannot be written ----------------------------------------------


def docx_problem(path: Path, exc: OSError) -> str:
    """One sentence: which Word file, why, what to do."""
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.EBUSY):
        why = "tệp đang mở trong Word hoặc chương trình khác, hoặc thư mục chỉ cho đọc"
        todo = "hãy đóng tệp (hoặc chọn thư mục khác) rồi in lại"
    elif isinstance(exc, FileNotFoundError):
        why = "thư mục không còn"
        todo = "hãy chọn thư mục khác rồi in lại"
    elif isinstance(exc, IsADirectoryError):
        why = "đã có một thư mục trùng tên"
        todo = "hãy đổi tên thư mục đó (hoặc chọn thư mục khác) rồi in lại"
    else:
        why = f"lỗi ghi đĩa ({exc.strerror or exc})"
        todo = "hãy kiểm tra ổ đĩa (còn chỗ trống, chưa bị rút ra) rồi in lại"
    return f"Không ghi được tệp Word {path}: {why}; {todo}. Các tệp PDF đã được ghi."


# -- the cache ------------------------------------------------------------------------


def _moment_key(record: MeetingRecord, now: datetime) -> str:
    """What of `now` the documents print: the minute while live, the date otherwise."""
    if record.meeting.status is MeetingStatus.LIVE:
        return now.strftime("%Y-%m-%dT%H:%M")
    return max(now.date(), to_date(record.meeting.date)).isoformat()


def print_key(record: MeetingRecord, now: datetime, font: RegisteredFont, *, final: bool,
              public: PublicNaming | None, footer: str | None = None) -> str:
    """A digest of everything the printed files depend on."""
    parts = [repr(record), _moment_key(record, now), repr(sorted(str(p) for p in font.family.paths().values())),
             repr(final), repr(public), repr(footer)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


class PrintCache:
    """Rendered files by print key, in `folder`; safe to use from two threads."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        self._lock = threading.Lock()

    def path(self, key: str) -> Path:
        return self.folder / key

    def ready(self, key: str) -> bool:
        return (self.path(key) / "done").is_file()


# -- printing -----------------------------------------------------------------------------


class _Forked:
    """One PDF written by a forked copy of this process (POSIX), while this one writes the
    rest. The copy shares everything already imported and built (nothing is pickled, nothing
    re-imported) and reports only its exit status; when it fails, the caller writes the
    file itself, which raises the real error if there is one."""

    def __init__(self, document: Document, path: Path, font: RegisteredFont):
        self.pid = os.fork()
        if self.pid == 0:  # the copy: write the file and leave without running any clean-up
            status = 1
            try:
                render_pdf(document, path, font)
                status = 0
            finally:
                os._exit(status)

    def wait(self) -> bool:
        """True when the copy wrote its file."""
        _pid, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status) == 0

    @staticmethod
    def available() -> bool:
        """Fork where it is safe and useful: not on Windows (no fork), not on macOS (system
        libraries may not survive a fork), not with one core."""
        return hasattr(os, "fork") and sys.platform != "darwin" and (os.cpu_count() or 1) >= 2


def _render(items: list[tuple[str, Document]], directory: Path, font: RegisteredFont,
            progress: Progress | None, total: int, done: int = 0,
            parallel: bool = False) -> tuple[list[Path], list[Path], list[str]]:
    """PDFs first, then Word files. With `parallel` (where `_Forked.available()`), the first
    (longest) PDF is written by a forked copy of this process while this one writes the rest."""
    pdfs: list[Path | None] = [None] * len(items)
    docs, problems = [], []
    first = directory / f"{items[0][0]}.pdf" if items else None
    child = None
    # Objects alive before the fork move out of the collector's sight until the end: the
    # copy's collections then do not touch (and so copy) every page it shares (gc.freeze's
    # documented use), and this process's collections skip them too.
    fork = parallel and len(items) > 1 and _Forked.available()
    frozen = fork and gc.get_freeze_count() == 0
    if frozen:
        gc.freeze()
    try:
        if fork:
            try:
                child = _Forked(items[0][1], first, font)
            except OSError:  # no process to spare: this one writes every file
                child = None
        for index, (stem, document) in enumerate(items):
            if index == 0 and child is not None:
                continue
            pdfs[index] = render_pdf(document, directory / f"{stem}.pdf", font)
            done += 1
            if progress:
                progress(done, total, pdfs[index].name)
        from .docx import render_docx  # python-docx (~40 ms) loads here, after the fork

        for stem, document in items:
            path = directory / f"{stem}.docx"
            try:
                docs.append(render_docx(document, path, font))
            except OSError as exc:
                problems.append(docx_problem(path, exc))
            done += 1
            if progress:
                progress(done, total, path.name)
    finally:
        written = child.wait() if child is not None else False
        if frozen:
            gc.unfreeze()
    if child is not None:
        pdfs[0] = first if written else render_pdf(items[0][1], first, font)
        done += 1
        if progress:
            progress(done, total, first.name)
    return [p for p in pdfs if p is not None], docs, problems


def _copy(names: list[str], source: Path, out_dir: Path, progress: Progress | None,
          total: int) -> tuple[list[Path], list[Path], list[str]]:
    pdfs, docs, problems = [], [], []
    for done, name in enumerate(names, start=1):
        target = out_dir / name
        if name.endswith(".pdf"):
            shutil.copyfile(source / name, target)
            pdfs.append(target)
        else:
            try:
                shutil.copyfile(source / name, target)
                docs.append(target)
            except OSError as exc:
                problems.append(docx_problem(target, exc))
        if progress:
            progress(done, total, name)
    return pdfs, docs, problems


def print_record(record: MeetingRecord, out_dir: str | os.PathLike, *,
                 font: str | os.PathLike | RegisteredFont | None = None, now: datetime | None = None,
                 final: bool = False, public: PublicNaming | None = None, footer: str | None = None,
                 progress: Progress | None = None, cache: PrintCache | None = None,
                 parallel: bool = False) -> Printed:
    """Write the PDFs, then the Word files, of `record` into `out_dir`.

    `parallel`: write the minutes' PDF in a forked copy of this process (the command line;
    not from a program with threads running, like the TUI, where forking is unsafe).

    Raises FontError when no font can print Vietnamese and OSError when a PDF
    cannot be written; a Word file that cannot be written is in `problems`.
    """
    registered = font if isinstance(font, RegisteredFont) else resolve_font(font)
    now = now or datetime.now()
    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    items = documents(record, now, final=final, public=public, footer=footer)
    total = 2 * len(items)
    if progress:
        progress(0, total, "")
    if cache is None:
        pdfs, docs, problems = _render(items, directory, registered, progress, total, parallel=parallel)
    else:
        key = prepare(record, cache, font=registered, now=now, final=final, public=public, footer=footer)
        names = [f"{stem}.pdf" for stem, _ in items] + [f"{stem}.docx" for stem, _ in items]
        pdfs, docs, problems = _copy(names, cache.path(key), directory, progress, total)
    for path in (*pdfs, *docs):  # personal data: owner-only (the CLI's --share widens it)
        if Path(path).exists():
            files.set_mode(path)
    return Printed(tuple(pdfs), tuple(docs), registered.warnings, tuple(problems))


def prepare(record: MeetingRecord, cache: PrintCache, *, font: RegisteredFont, now: datetime,
            final: bool = False, public: PublicNaming | None = None, footer: str | None = None) -> str:
    """Render `record` into the cache (unless it is there already); return its key.

    A second caller with the same key waits for the first instead of rendering twice.
    """
    key = print_key(record, now, font, final=final, public=public, footer=footer)
    with cache._lock:
        if cache.ready(key):
            return key
        folder = cache.path(key)
        folder.mkdir(parents=True, exist_ok=True)
        items = documents(record, now, final=final, public=public, footer=footer)
        _pdfs, _docs, problems = _render(items, folder, font, None, 0)
        if problems:  # the cache folder itself is broken: say so as the PDF would
            raise OSError(errno.EIO, problems[0])
        (folder / "done").write_text(key)
        return key


def print_meeting(db: sqlite_utils.Database, meeting_id: int, out_dir: str | os.PathLike, *,
                  font: str | os.PathLike | RegisteredFont | None = None, now: datetime | None = None,
                  final: bool | None = None, public: PublicNaming | bool | None = None,
                  progress: Progress | None = None, cache: PrintCache | None = None,
                  parallel: bool = False) -> Printed:
    """Load the record and print it; `final`/`public=True` default to the stored choices.

    Font warnings are collected into `Printed.warnings` (not emitted).
    """
    record = load_record(db, meeting_id)
    choices = get_choices(db, meeting_id)
    if final is None:
        final = choices.notice_final
    if public is True:
        public = choices.public_naming
    elif public is False:
        public = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", FontWarning)
        registered = font if isinstance(font, RegisteredFont) else resolve_font(font)
    notes = tuple(str(w.message) for w in caught if issubclass(w.category, FontWarning))
    printed = print_record(record, out_dir, font=registered, now=now, final=final, public=public,
                           footer=seal_footer(db, meeting_id), progress=progress, cache=cache,
                           parallel=parallel)
    return Printed(printed.pdfs, printed.docx, notes or printed.warnings, printed.problems)


# -- the printer -------------------------------------------------------------------------


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


__all__ = ["PrintCache", "Printed", "PrinterUnavailable", "documents", "file_stems", "prepare",
           "print_meeting", "print_record", "send_to_printer"]
