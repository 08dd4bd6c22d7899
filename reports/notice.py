"""Thông báo kết luận (the conclusion notice), template 1.4 of Nghị định 30/2020.

The secretary prints it for the chair to correct and sign, so it is marked
"DỰ THẢO" (boxed, top left, and at the foot of every page) until the secretary
says it is final. The public version, for posting and broadcast, names citizens
only by honorific, initials and hamlet (or "cử tri thôn ...") and hides phone and
ID numbers (Luật Bảo vệ dữ liệu cá nhân 2025).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from db.documents import PublicNaming
from db.models import MeetingRecord, MeetingStatus

from . import facts
from . import notice_parts as parts
from .counts import general_sentences, notice_counts
from .fonts import RegisteredFont, resolve_font
from .layout import organisation_body, organisation_code
from .model import Block, Columns, Document, Gap, Header, Keep, Mark, Recipients, Signature, Style, Title, \
    WriteLines, b, para
from .pdf import render_pdf
from .recipients import notice_recipients
from .text import hide_numbers, place_date_line, short_date, split_lines, to_date, upper_vi, vn_moment

DRAFT = "DỰ THẢO"
UNCLASSIFIED = parts.UNCLASSIFIED


def build_conclusion(record: MeetingRecord, out_path: str | os.PathLike, *,
                     font: str | os.PathLike | RegisteredFont | None = None,
                     now: datetime | None = None, footer_text: str | None = None,
                     final: bool = False, public: PublicNaming | None = None) -> Path:
    """Print the conclusion notice of `record` to `out_path` (PDF) and return the path.

    The place/date line carries the printing date (`now`), or the meeting date
    when printed before the meeting.
    """
    registered = font if isinstance(font, RegisteredFont) else resolve_font(font)
    document = notice_document(record, now or datetime.now(), footer_text, final=final, public=public)
    return render_pdf(document, out_path, registered)


def notice_document(record: MeetingRecord, now: datetime, footer_text: str | None = None, *,
                    final: bool = False, public: PublicNaming | None = None) -> Document:
    meeting = record.meeting
    kind = "Thông báo kết luận" if final else "Dự thảo thông báo kết luận"
    if public is not None:
        kind += " (bản công khai)"
    return Document(
        tuple(notice_blocks(record, now, final=final, public=public)), title=f"{kind} - {meeting.title}",
        author=meeting.organisation, subject=f"{kind} hội nghị tiếp xúc, đối thoại",
        footer_lines=() if final else (f"{DRAFT} – chưa ký ban hành",), footer_text=footer_text,
    )


def notice_blocks(record: MeetingRecord, now: datetime, *, final: bool = False,
                  public: PublicNaming | None = None) -> list[Block]:
    meeting = record.meeting
    who = facts.who_concludes(record)
    notice_date = max(now.date(), to_date(meeting.date))
    shown = hide_numbers if public is not None else (lambda text: text)
    number = f"Số: .../TB-{organisation_code(meeting.organisation)}"
    out: list[Block] = [] if final else [Mark(DRAFT, align="LEFT"), Gap(6)]
    out.append(Header(meeting.organisation, meeting.parent, number,
                      place_date_line(meeting.place_name, notice_date)))
    out.append(Title("THÔNG BÁO", f"Kết luận của {who} tại {facts.meeting_phrase(record)}"))
    out.append(para(b("I. KHÁI QUÁT CHUNG"), style=Style.HEADING, keep_with_next=True))
    out.append(para(_opening(record)))
    out += [para(sentence) for sentence in general_sentences(notice_counts(record))]
    if meeting.status is not MeetingStatus.ENDED:
        out.append(para("(Hội nghị chưa kết thúc khi in dự thảo này.)"))

    out.append(para(b(f"II. KẾT LUẬN CỦA {upper_vi(who)} THEO TỪNG LĨNH VỰC"), style=Style.HEADING,
                    keep_with_next=True))
    out.append(para(f"Sau khi nghe ý kiến phát biểu của Nhân dân và giải trình của đại diện các cơ quan, "
                    f"đơn vị, {who} kết luận như sau:"))
    name_of = facts.namer(record, public)
    out += parts.conclusions(record, name_of, shown)
    out.append(para(b(f"{len(parts.by_field(record)) + 1}. Kết luận chung"), style=Style.HEADING,
                    keep_with_next=True))
    general = split_lines(meeting.conclusion)
    out += [para(shown(line)) for line in general] if general else [WriteLines(5)]

    out.append(para(b("III. TỔ CHỨC THỰC HIỆN"), style=Style.HEADING, keep_with_next=True))
    out += parts.follow_up(record, name_of, shown)

    body = parts.body_name(record)
    closing = para(
        f"Trên đây là kết luận của {who} tại {facts.meeting_phrase(record)}. "
        f"{body} thông báo để các cơ quan, đơn vị và Nhân dân biết; các cơ quan, đơn vị được giao nhiệm vụ "
        f"khẩn trương giải quyết, trả lời bằng văn bản cho công dân và báo cáo kết quả về {body} "
        f"đúng thời hạn./.")

    chair = facts.signer(record)
    roles = facts.signer_roles(record, organisation_body(meeting.organisation))
    # the closing paragraph with the recipients and the signature: never a page of signature alone
    out.append(Keep((closing, Gap(10),
                     Columns((Recipients(notice_recipients(record)),),
                             (Signature(tuple(roles), (chair.name if chair else "",)),), left_share=0.45))))
    if parts.uses_appendix(record):
        out += parts.appendix(record, name_of, shown, number.replace("Số: ", "số "),
                              f"ngày {short_date(notice_date.isoformat())}")
    return out


def _opening(record: MeetingRecord) -> str:
    meeting = record.meeting
    started = meeting.started_at or f"{meeting.date}T{meeting.start}"
    text = (f"Vào hồi {vn_moment(started)}, tại {meeting.venue}, {meeting.organisation} "
            f"tổ chức {meeting.title}.")
    chairs = sorted(record.chairs, key=lambda c: c.position)
    if len(chairs) == 1:
        text += f" Đồng chí {facts.chair_line(chairs[0])} chủ trì hội nghị."
    elif chairs:
        names = " và ".join(f"đồng chí {facts.chair_line(c)}" for c in chairs)
        text += f" {names[0].upper()}{names[1:]} đồng chủ trì hội nghị."
    if record.delegates:
        text += " Dự hội nghị có " + "; ".join(f"đồng chí {d.line}" for d in record.delegates) + "."
    totals = facts.attendance_totals(record)
    if totals.present is not None:
        text += f" Tham dự hội nghị có {totals.present} người."
    elif totals.invited is not None:
        text += f" Hội nghị mời {totals.invited} người tham dự."
    return text
