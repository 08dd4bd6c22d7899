"""Printing: the minutes (biên bản) and the draft conclusion notice (thông báo kết luận).

    from reports import print_documents
    minutes_pdf, notice_pdf = print_documents(record, out_dir)

Both documents follow Nghị định 30/2020/NĐ-CP (templates 1.9 and 1.4) and are
printed with a font whose four styles carry every Vietnamese letter
(`reports.fonts`). This package never imports textual.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from db.models import MeetingRecord

from .conclusion import build_conclusion
from .fonts import FontError, FontWarning, RegisteredFont, resolve_font
from .minutes import build_minutes
from .text import to_date

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
    """('bien-ban-2026-06-18.pdf', 'thong-bao-ket-luan-2026-06-18.pdf') from the meeting date."""
    day = to_date(record.meeting.date).isoformat()
    return f"bien-ban-{day}.pdf", f"thong-bao-ket-luan-{day}.pdf"


def print_documents(record: MeetingRecord, out_dir: str | os.PathLike, *,
                    font: str | os.PathLike | RegisteredFont | None = None,
                    now: datetime | None = None, footer_text: str | None = None) -> tuple[Path, Path]:
    """Write the minutes and the draft notice into `out_dir`; return their paths.

    The font is resolved once for both (FontError if nothing can print
    Vietnamese; skipped families are reported as FontWarning).
    """
    registered = font if isinstance(font, RegisteredFont) else resolve_font(font)
    now = now or datetime.now()
    directory = Path(out_dir)
    directory.mkdir(parents=True, exist_ok=True)
    minutes_name, notice_name = document_names(record)
    minutes = build_minutes(record, directory / minutes_name, font=registered, now=now,
                            footer_text=footer_text)
    notice = build_conclusion(record, directory / notice_name, font=registered, now=now,
                              footer_text=footer_text)
    return minutes, notice
