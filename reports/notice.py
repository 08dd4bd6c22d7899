"""Thông báo kết luận (the conclusion notice), template 1.4 of Nghị định 30/2020.

The secretary prints it for the chair to correct and sign, so it is marked
"DỰ THẢO" (boxed, top left, and at the foot of every page) until the secretary
says it is final. The public version, for posting and broadcast, names citizens
only by honorific, initials and hamlet (or "cử tri thôn ...") and hides phone and
ID numbers (Luật Bảo vệ dữ liệu cá nhân 2025).
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from db.documents import PublicNaming
from db.models import MeetingRecord, MeetingStatus, Opinion, Outcome, Source
from db.vocabulary import NO_OUTCOME_NOTICE

from . import facts
from .fonts import RegisteredFont, resolve_font
from .layout import organisation_body, organisation_code
from .model import Block, Columns, Document, Gap, Header, Keep, Mark, Para, Recipients, Signature, Title, \
    WriteLines, b, para
from .pdf import render_pdf
from .text import brief, hide_numbers, place_date_line, short_date, split_lines, to_date, vn_moment

DRAFT = "DỰ THẢO"
UNCLASSIFIED = "Ý kiến chưa phân loại lĩnh vực"
_LEVEL = re.compile(r"\b(xã|phường|thị trấn)\b", re.IGNORECASE)


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
    out: list[Block] = [] if final else [Mark(DRAFT, align="LEFT"), Gap(6)]
    out.append(Header(meeting.organisation, meeting.parent,
                      f"Số: .../TB-{organisation_code(meeting.organisation)}",
                      place_date_line(meeting.place_name, notice_date)))
    out.append(Title("THÔNG BÁO", f"Kết luận của {who} tại {facts.meeting_phrase(record)}"))
    out.append(para(_opening(record)))
    out.append(para(f"Sau khi nghe ý kiến phát biểu của Nhân dân và giải trình của đại diện các cơ quan, "
                    f"đơn vị, {who} kết luận như sau:"))

    name_of = facts.namer(record, public)
    groups = _by_field(record)
    for index, (name, opinions) in enumerate(groups, start=1):
        out.append(para(b(f"{index}. {name}"), keep_with_next=True))
        for opinion in opinions:
            out.append(Keep((para(shown(_raised(opinion, name_of(opinion)))),
                             para(shown(_decision(record, opinion))))))
    out.append(para(b(f"{len(groups) + 1}. Kết luận chung"), keep_with_next=True))
    general = split_lines(meeting.conclusion)
    out += [para(shown(line)) for line in general] if general else [WriteLines(5)]

    level = _level(meeting.organisation)
    body = organisation_body(meeting.organisation).capitalize()
    closing = para(
        f"Trên đây là kết luận của {who} tại {facts.meeting_phrase(record)}. "
        f"{body} {level} thông báo để các cơ quan, đơn vị "
        f"và Nhân dân biết; các cơ quan, đơn vị được giao nhiệm vụ khẩn trương giải quyết, trả lời "
        f"bằng văn bản cho công dân và báo cáo kết quả về {body} {level} đúng thời hạn./.")

    agencies = sorted({op.agency.strip() for op in record.opinions
                       if op.outcome is Outcome.ASSIGNED and op.agency and op.agency.strip()})
    items = (f"Thường trực Đảng ủy, HĐND {level}", f"Ủy ban MTTQ Việt Nam {level}", *agencies,
             "Các thôn, tổ dân phố", "Lưu: VT")
    chair = facts.signer(record)
    roles = facts.signer_roles(record, organisation_body(meeting.organisation))
    # the closing paragraph with the recipients and the signature: never a page of signature alone
    out.append(Keep((closing, Gap(10),
                     Columns((Recipients(items),), (Signature(tuple(roles), (chair.name if chair else "",)),),
                             left_share=0.45))))
    return out


def _level(organisation: str) -> str:
    match = _LEVEL.search(organisation)
    return match.group(1).lower() if match else "xã"


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
    totals = facts.attendance_totals(record)
    if totals.present is not None:
        text += f" Tham dự hội nghị có {totals.present} người."
    elif totals.invited is not None:
        text += f" Hội nghị mời {totals.invited} người tham dự."
    counts = facts.count_by_source(record)
    spoke = facts.speakers_done(record)
    text += (f" Tại hội nghị có {spoke} người phát biểu trực tiếp; tổng số {len(record.opinions)} "
             f"ý kiến, kiến nghị ({counts[Source.SPOKEN]} ý kiến phát biểu, {counts[Source.SLIP]} "
             f"phiếu ý kiến tại hội nghị, {counts[Source.BEFORE]} ý kiến tổng hợp trước hội nghị).")
    if meeting.status is not MeetingStatus.ENDED:
        text += " (Hội nghị chưa kết thúc khi in dự thảo này.)"
    return text


def _by_field(record: MeetingRecord) -> list[tuple[str, list[Opinion]]]:
    """Opinions grouped by field in the meeting's field order; a follow-up without a
    field takes the field of the opinion it follows; unknown fields after, unclassified last."""
    by_id = {op.id: op for op in record.opinions}

    def field_of(op: Opinion, depth: int = 0) -> tuple[int | None, str | None]:
        if op.field_id is None and op.field_name is None and op.follows_id in by_id and depth < 50:
            return field_of(by_id[op.follows_id], depth + 1)
        return op.field_id, op.field_name

    ordered = [op for op, _depth in facts.threaded(record.opinions, set(Source))]
    groups: dict[str, list[Opinion]] = {}
    names = {f.id: f.name for f in record.fields}
    for op in ordered:
        field_id, field_name = field_of(op)
        name = names.get(field_id) or field_name or UNCLASSIFIED
        groups.setdefault(name, []).append(op)
    order = [f.name for f in sorted(record.fields, key=lambda f: f.position)]
    known = [(name, groups.pop(name)) for name in order if name in groups]
    unclassified = groups.pop(UNCLASSIFIED, None)
    result = known + list(groups.items())
    if unclassified:
        result.append((UNCLASSIFIED, unclassified))
    return result


def _raised(opinion: Opinion, who: str) -> str:
    who = who[:1].upper() + who[1:]
    if opinion.follows_id is not None:
        verb = "tiếp tục có ý kiến"
    elif opinion.source is Source.BEFORE:
        verb = "(ý kiến gửi trước hội nghị) phản ánh, kiến nghị"
    else:
        verb = "phản ánh, kiến nghị"
    return f"- {who} {verb}: “{brief(opinion.content, 300)}”"


def _decision(record: MeetingRecord, opinion: Opinion) -> str:
    body = f"{organisation_body(record.meeting.organisation).capitalize()} {_level(record.meeting.organisation)}"
    explained = ""
    if opinion.answer:
        by = f"{opinion.answered_by} đã" if opinion.answered_by else "Đã"
        explained = f" Tại hội nghị, {by} giải trình: {brief(opinion.answer, 300)}"
    deadline = f" trước ngày {short_date(opinion.deadline)}" if opinion.deadline else ""
    if opinion.outcome is None:
        return NO_OUTCOME_NOTICE
    return opinion.outcome.notice_sentence(
        by=f" {opinion.answered_by}" if opinion.answered_by else "",
        answer=f": {brief(opinion.answer, 400)}" if opinion.answer else ".",
        agency=opinion.agency or "....................",
        to=f" ({opinion.agency})" if opinion.agency else "",
        deadline=deadline, explained=explained, body=body)
