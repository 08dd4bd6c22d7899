"""Công văn đôn đốc: a short reminder to one agency listing what it still owes, with
the deadlines and how late each is (in working days), in the decree's layout.

Built as a `model.Document` and rendered by the print pipeline (pdf.py, docx.py), so
the PDF and the Word file say the same letters. Citizens are named by their place
("cử tri thôn Quán Gỏi"), never by name: the letter leaves the commune office.
"""

from __future__ import annotations

import os
import re
import unicodedata
from datetime import date
from pathlib import Path

import sqlite_utils

from db import files
from db.followup_list import FollowItem, fold, list_items
from db.meetings import load_record
from db.vndate import dmy
from db.vocabulary_followup import DeadlineFlag, FollowState
from db.workdays import add_working_days

from . import facts
from .docx import render_docx
from .fonts import RegisteredFont, resolve_font
from .layout import organisation_body, organisation_code
from .model import Columns, Document, Header, Para, Recipients, Signature, Style, b, para
from .pdf import render_pdf
from .text import brief, place_date_line

SUBJECT = "V/v đôn đốc trả lời ý kiến, kiến nghị của Nhân dân"
#: Working days the agency is given to report back.
REPLY_WORKING_DAYS = 5


def _item_line(index: int, item: FollowItem) -> str:
    who = f"cử tri {item.locality}" if item.locality else "công dân"
    late = ""
    if item.flag is DeadlineFlag.OVERDUE:
        late = f", đã quá hạn {item.days} ngày làm việc" if item.days else ", đã quá hạn"
    elif item.flag is DeadlineFlag.DUE_SOON:
        late = f", còn {item.days} ngày làm việc" if item.days else ", đến hạn hôm nay"
    due = f"thời hạn trả lời {dmy(item.deadline)}{late}" if item.deadline else "chưa có thời hạn"
    state = f"; hiện {item.state.label.lower()}" if item.state is FollowState.REVIEWING else ""
    return (f"{index}. Ý kiến của {who} tại hội nghị ngày {dmy(item.meeting_date)} (ý kiến số {item.number}): "
            f"{brief(item.content, 300)} — {due}{state}.")


def reminder_document(db: sqlite_utils.Database, agency: str, items: list[FollowItem], today: date) -> Document:
    """The reminder to `agency` about `items` (its open assignments), signed for the
    body that held the most recent of their meetings."""
    latest = max(items, key=lambda i: (i.meeting_date, i.meeting_id))
    record = load_record(db, latest.meeting_id)
    meeting = record.meeting
    body = organisation_body(meeting.organisation)
    overdue = sum(1 for i in items if i.flag is DeadlineFlag.OVERDUE)
    meetings = [dmy(day) for day in sorted({i.meeting_date for i in items})]
    reply_by = add_working_days(today, REPLY_WORKING_DAYS)
    blocks: list = [
        Header(meeting.organisation, meeting.parent, f"Số: .../{organisation_code(meeting.organisation)}-VP",
               place_date_line(meeting.place_name, today)),
        para(SUBJECT, style=Style.CENTRE_ITALIC),
        para(b(f"Kính gửi: {agency}."), style=Style.CENTRE, space_before=12, space_after=12),
        para(f"Thực hiện kết luận tại hội nghị tiếp xúc, đối thoại trực tiếp với Nhân dân "
             f"ngày {', '.join(meetings)}, {meeting.organisation} đã giao {agency} "
             f"xem xét, giải quyết, trả lời bằng văn bản các ý kiến, kiến nghị của Nhân dân. "
             f"Đến ngày {dmy(today)}, {agency} còn {len(items)} ý kiến, kiến nghị chưa trả lời"
             + (f", trong đó {overdue} ý kiến đã quá thời hạn" if overdue else "") + ", cụ thể như sau:"),
    ]
    blocks += [para(_item_line(n, item)) for n, item in enumerate(items, 1)]
    blocks.append(para(
        f"Đề nghị {agency} khẩn trương xem xét, giải quyết, trả lời bằng văn bản cho công dân và báo cáo "
        f"kết quả về Văn phòng trước ngày {dmy(reply_by)} để tổng hợp, báo cáo Chủ tịch./."))
    chair = facts.signer(record)
    roles = facts.signer_roles(record, body)
    blocks.append(Columns((Recipients(("Như trên", "Chủ tịch, các Phó Chủ tịch (b/c)", "Lưu: VT")),),
                          (Signature(tuple(roles), (chair.name if chair else "",)),), left_share=0.45))
    return Document(tuple(blocks), title=f"Công văn đôn đốc - {agency}", author=meeting.organisation,
                    subject=SUBJECT)


def slug(text: str) -> str:
    """'Công an xã' -> 'cong-an-xa' (file names)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(unicodedata.normalize("NFC", text))).strip("-")[:60] or "co-quan"


def write_reminders(db: sqlite_utils.Database, agency: str, today: date, out_dir: str | os.PathLike, *,
                    font: str | os.PathLike | RegisteredFont | None = None) -> list[Path]:
    """Write the reminder to `agency` (every open item it still owes) as PDF and DOCX into
    `out_dir`; nothing (an empty list) when it owes nothing."""
    items = [i for i in list_items(db, today, agency=agency, open_only=True) if fold(i.agency) == fold(agency)]
    if not items:
        return []
    document = reminder_document(db, agency, items, today)
    registered = font if isinstance(font, RegisteredFont) else resolve_font(font)
    stem = Path(out_dir) / f"don-doc-{slug(agency)}-{today.isoformat()}"
    # personal data: owner-only files, like every printed document (db.files)
    return [render_pdf(document, files.prepare(stem.with_suffix(".pdf")), registered),
            render_docx(document, files.prepare(stem.with_suffix(".docx")), registered)]


def reminder_text(document: Document) -> list[str]:
    """Each paragraph's plain text (what both files must say), for tests and previews."""
    return [block.text for block in document.blocks if isinstance(block, Para)]
