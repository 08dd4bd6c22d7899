"""Kết quả giải quyết kiến nghị lần trước: the one-page summary the next meeting opens
with, printed from the follow-up of an earlier meeting: what was resolved or
explained, and what is still open (with its deadline and flag). Built as a
`model.Document` for the print pipeline."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import sqlite_utils

from db import files
from db.followup import CARRY_OVER_STEP
from db.followup_list import FollowItem, list_items
from db.meetings import get_meeting
from db.vndate import dmy
from db.vocabulary_followup import FollowState

from .docx import render_docx
from .fonts import RegisteredFont, resolve_font
from .layout import organisation_code
from .model import Document, Header, Para, Title, b, para
from .pdf import render_pdf
from .text import brief, place_date_line



def _line(n: int, item: FollowItem) -> str:
    who = f"cử tri {item.locality}" if item.locality else "công dân"
    head = f"{n}. {brief(item.content, 240)} ({who}; giao {item.agency}"
    if item.state.answered:
        ref = item.answer_reference or ""
        ref = f", {ref[:1].lower()}{ref[1:]}" if ref else ""
        tail = f"): {item.state.label.split(': ', 1)[-1]}{ref}"
        if item.summary:
            tail += f" — {brief(item.summary, 200)}"
        if item.reason:
            tail += f" — lý do: {brief(item.reason, 200)}"
        return head + tail.rstrip(" .") + "."
    due = f", hạn {dmy(item.deadline)}" if item.deadline else ""
    return head + f"{due}): {item.state.label.lower()}; {item.flag_text.lower()}."


def carry_over_document(db: sqlite_utils.Database, meeting_id: int, today: date) -> Document:
    meeting = get_meeting(db, meeting_id)
    items = list_items(db, today, meeting_id=meeting_id)
    done = [i for i in items if i.state in (FollowState.RESOLVED, FollowState.EXPLAINED)]
    not_done = [i for i in items if i.state is FollowState.UNRESOLVED]
    still_open = [i for i in items if i.is_open]
    blocks: list = [
        Header(meeting.organisation, meeting.parent, f"Số: .../BC-{organisation_code(meeting.organisation)}",
               place_date_line(meeting.place_name, today)),
        Title("BÁO CÁO", f"Kết quả giải quyết ý kiến, kiến nghị của Nhân dân tại hội nghị tiếp xúc, "
                         f"đối thoại ngày {dmy(meeting.date)}"),
        para(f"Tại hội nghị ngày {dmy(meeting.date)}, {len(items)} ý kiến, kiến nghị được giao giải quyết "
             f"hoặc kiến nghị cấp có thẩm quyền. Đến ngày {dmy(today)}: đã giải quyết xong hoặc đã giải trình "
             f"{len(done)} ý kiến; chưa giải quyết được {len(not_done)} ý kiến; đang giải quyết "
             f"{len(still_open)} ý kiến."),
    ]
    sections = [("1. Đã giải quyết, đã giải trình", done), ("2. Chưa giải quyết được", not_done),
                ("3. Đang giải quyết", still_open)]
    for title, group in sections:
        if group:
            blocks.append(para(b(title), keep_with_next=True))
            blocks += [para(_line(n, item)) for n, item in enumerate(group, 1)]
    return Document(tuple(blocks), title=f"Kết quả giải quyết kiến nghị - hội nghị {dmy(meeting.date)}",
                    author=meeting.organisation, subject=CARRY_OVER_STEP)


def carry_over_text(document: Document) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, Para)]


def write_carry_over(db: sqlite_utils.Database, meeting_id: int, today: date, out_dir: str | os.PathLike, *,
                     font: str | os.PathLike | RegisteredFont | None = None) -> list[Path]:
    document = carry_over_document(db, meeting_id, today)
    registered = font if isinstance(font, RegisteredFont) else resolve_font(font)
    stem = Path(out_dir) / f"ket-qua-giai-quyet-hn{meeting_id}-{today.isoformat()}"
    return [render_pdf(document, files.prepare(stem.with_suffix(".pdf")), registered),
            render_docx(document, files.prepare(stem.with_suffix(".docx")), registered)]
