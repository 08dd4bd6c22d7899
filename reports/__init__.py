"""Printing: the minutes (biên bản) and the conclusion notice (thông báo kết luận),
each as a PDF and a Word file.

    from reports.printing import print_meeting
    printed = print_meeting(db, meeting_id, out_dir, progress=...)

Each document is built once from the record as a small document model
(`model.py`: `minutes.py`, `notice.py`) and rendered by `pdf.py` (reportlab) and
`docx.py` (python-docx) on the page of Nghị định 30/2020/NĐ-CP (`layout.py`),
with a font whose four styles carry every Vietnamese letter (`fonts.py`).
This package never imports textual.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from db.models import MeetingRecord

from . import rl_import  # noqa: F401 - first: reportlab without its costly pattern
from .fonts import FontError, FontWarning, RegisteredFont, resolve_font
from .minutes import build_minutes
from .notice import build_conclusion
from .printing import file_stems, print_record

__all__ = [
    "FontError",
    "FontWarning",
    "RegisteredFont",
    "build_conclusion",
    "build_minutes",
    "document_names",
    "print_documents",
    "resolve_font",
]


def document_names(record: MeetingRecord) -> tuple[str, str]:
    """('bien-ban-2026-06-18-hn1.pdf', 'thong-bao-2026-06-18-hn1.pdf')."""
    stems = file_stems(record)
    return f"{stems['minutes']}.pdf", f"{stems['notice']}.pdf"


def print_documents(record: MeetingRecord, out_dir: str | os.PathLike, *,
                    font: str | os.PathLike | RegisteredFont | None = None,
                    now: datetime | None = None, final: bool = False) -> tuple[Path, Path]:
    """Write the minutes and the notice (PDF and Word) into `out_dir`; return the two PDFs."""
    printed = print_record(record, out_dir, font=font, now=now, final=final)
    return printed.minutes, printed.notice
