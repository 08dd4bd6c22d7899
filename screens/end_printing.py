"""The end screen's printing: what a print worker needs (read on the UI thread), the
documents prepared in the background while the screen is open, F9 and F8 in a worker thread
with a progress bar, and what was written. A mixin of screens.end.EndScreen; reports
(reportlab, python-docx) is imported in the workers only."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import Input, ProgressBar, Static

from db.documents import PublicNaming, get_choices
from db.files import OutputError
from db.meetings import load_record
from db.models import MeetingRecord
from db.seal import seal_footer
from db.errors import StoreError
from db.text import LONG, clean_optional

from . import text
from .out_folder import documents_dir as default_out_dir


@dataclass(frozen=True)
class PrintJob:
    """What a print worker needs, read on the UI thread."""

    record: MeetingRecord
    out_dir: Path | None  # None: prepare only (into the cache)
    now: datetime
    final: bool
    public: PublicNaming | None = None
    footer: str | None = None  # the seal's line


class EndPrinting:
    """Methods of EndScreen: printing the minutes and the notice."""


    def job(self, out_dir: Path | None, *, public: bool = False, conclusion: str | None = None) -> PrintJob:
        """Read, on the UI thread, everything a print worker needs."""
        record = load_record(self.store.db, self.meeting_id)
        if conclusion is not None:  # a typing draft: print what saving it will store
            try:
                value = clean_optional(conclusion, text.END_CONCLUSION, max_len=LONG, multiline=True)
            except StoreError:
                value = record.meeting.conclusion
            record = dataclasses.replace(record, meeting=dataclasses.replace(record.meeting, conclusion=value))
        choices = get_choices(self.store.db, self.meeting_id)
        return PrintJob(record, out_dir, self.store.now(), choices.notice_final,
                        choices.public_naming if public else None, seal_footer(self.store.db, self.meeting_id))

    def prepare(self, *, conclusion: str | None = None) -> None:
        """Render the documents in the background, so F9 finds them ready."""
        if self.cache_dir is not None:
            self._prepare(self.job(None, conclusion=conclusion))

    def action_print(self) -> None:
        self._start(public=False)

    def action_print_public(self) -> None:
        self._start(public=True)

    def _start(self, *, public: bool) -> None:
        if not self.save_all():
            return
        out_dir = Path(self.query_one("#out-dir", Input).value.strip() or default_out_dir()).expanduser()
        job = self.job(out_dir, public=public)
        self.printing = True
        self.refresh_bindings()
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=2 if public else 4, progress=0)
        bar.display = True
        self.query_one("#result", Static).update(Text(text.END_PRINTING_PUBLIC if public else text.END_PRINTING))
        self._print(job)

    def _cache_for_worker(self):
        from reports.printing import PrintCache

        with self._cache_lock:
            if self._cache is None:
                self._cache = PrintCache(self.cache_dir)
            return self._cache

    @work(thread=True, exclusive=True, group="prepare", description="chuẩn bị văn bản")
    def _prepare(self, job: PrintJob) -> None:
        from reports.fonts import FontError, resolve_font
        from reports.printing import prepare

        try:
            prepare(job.record, self._cache_for_worker(), font=resolve_font(), now=job.now, final=job.final,
                    footer=job.footer)
        except (FontError, OSError):
            return  # F9 prints without the cache and says what is wrong

    @work(thread=True, exclusive=True, group="print", description="in văn bản")
    def _print(self, job: PrintJob) -> None:
        from reports.fonts import FontError, resolve_font
        from reports.printing import print_record

        def progress(done: int, total: int, _name: str) -> None:
            self.post_message(self.PrintProgress(done, total))

        try:
            font = resolve_font()
            printed = print_record(job.record, job.out_dir, font=font, now=job.now, final=job.final,
                                   public=job.public, footer=job.footer, progress=progress,
                                   cache=self._cache_for_worker() if self.cache_dir else None)
        except FontError as exc:
            self.post_message(self.PrintDone(None, f"{text.END_FONT_ERROR}: {exc}"))
        except (OSError, OutputError) as exc:
            self.post_message(self.PrintDone(None, f"{text.END_WRITE_ERROR} {job.out_dir}: "
                                                   f"{getattr(exc, 'strerror', None) or exc}"))
        else:
            self.post_message(self.PrintDone(printed, "; ".join(font.warnings)))

    class PrintProgress(Message):
        """Posted by the print worker after each file."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class PrintDone(Message):
        """Posted by the print worker at the end: what was printed (None on failure) and a note."""

        def __init__(self, printed, note: str) -> None:
            super().__init__()
            self.printed, self.note = printed, note

    def on_end_printing_print_progress(self, event: PrintProgress) -> None:
        self.query_one("#progress", ProgressBar).update(total=event.total, progress=event.done)

    def on_end_printing_print_done(self, event: PrintDone) -> None:
        self._printed(event.printed, event.note)

    def _printed(self, printed, note: str) -> None:
        self.printing = False
        self.refresh_bindings()
        result = self.query_one("#result", Static)
        if printed is None:
            result.update(Text(note))
            self.notify(note, severity="error", markup=False, timeout=10)
            return
        lines = [text.END_PRINTED] + [f"  {p}" for p in printed.files]
        lines += list(printed.problems)
        if note:
            lines.append(f"{text.END_FONT_WARNING}: {note}")
        result.update(Text("\n".join(lines)))
        if printed.problems:
            self.notify("\n".join(printed.problems), severity="warning", markup=False, timeout=10)
        else:
            self.notify(text.END_PRINTED, markup=False)
