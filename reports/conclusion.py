"""Dự thảo thông báo kết luận (the draft conclusion notice), template 1.4 of Nghị định 30/2020.

The secretary prints it for the chair to correct and sign, so it is marked
"DỰ THẢO" (boxed, top left, and at the foot of every page).
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from db.models import MeetingRecord, MeetingStatus, Opinion, Outcome, Source
from db.vocabulary import NO_OUTCOME_NOTICE

from . import facts
from .fonts import RegisteredFont, resolve_font
from .layout import (
    Styles,
    boxed,
    build_pdf,
    header,
    make_styles,
    organisation_body,
    organisation_code,
    recipients,
    signature_column,
    title_block,
    two_columns,
    write_lines,
)
from .text import brief, escape_user_text, markup, place_date_line, short_date, to_date, user_paragraphs, vn_moment

DRAFT = "DỰ THẢO"
UNCLASSIFIED = "Ý kiến chưa phân loại lĩnh vực"
_LEVEL = re.compile(r"\b(xã|phường|thị trấn)\b", re.IGNORECASE)


def build_conclusion(record: MeetingRecord, out_path: str | os.PathLike, *,
                     font: str | os.PathLike | RegisteredFont | None = None,
                     now: datetime | None = None, footer_text: str | None = None) -> Path:
    """Print the draft conclusion notice of `record` to `out_path` (PDF) and return the path.

    The place/date line carries the printing date (`now`), or the meeting date
    when printed before the meeting.
    """
    registered = font if isinstance(font, RegisteredFont) else resolve_font(font)
    now = now or datetime.now()
    styles = make_styles(registered)
    meeting = record.meeting
    return build_pdf(
        out_path, conclusion_story(record, styles, now), registered,
        title=f"Dự thảo thông báo kết luận - {meeting.title}", author=meeting.organisation,
        subject="Dự thảo thông báo kết luận hội nghị tiếp xúc, đối thoại",
        footer_lines=[f"{DRAFT} – chưa ký ban hành"], footer_text=footer_text,
    )


def conclusion_story(record: MeetingRecord, styles: Styles, now: datetime) -> list[Flowable]:
    meeting = record.meeting
    who = facts.who_concludes(record)
    notice_date = max(now.date(), to_date(meeting.date))
    story: list[Flowable] = [boxed(DRAFT, styles.centre_bold, align="LEFT"), Spacer(1, 6)]
    story.append(header(
        styles, organisation=meeting.organisation, parent=meeting.parent,
        number=f"Số: .../TB-{organisation_code(meeting.organisation)}",
        place_date=place_date_line(meeting.place_name, notice_date),
    ))
    story += title_block(styles, "THÔNG BÁO", f"Kết luận của {who} tại {facts.meeting_phrase(record)}")
    story.append(Paragraph(escape_user_text(_opening(record)), styles.body))
    story.append(Paragraph(escape_user_text(
        f"Sau khi nghe ý kiến phát biểu của Nhân dân và giải trình của đại diện các cơ quan, "
        f"đơn vị, {who} kết luận như sau:"), styles.body))

    groups = _by_field(record)
    for index, (name, opinions) in enumerate(groups, start=1):
        story.append(Paragraph(markup("<b>{i}. {name}</b>", i=index, name=name), styles.body))
        for opinion in opinions:
            story.append(Paragraph(escape_user_text(_raised(opinion)), styles.body))
            story.append(Paragraph(escape_user_text(_decision(record, opinion)), styles.body))
    story.append(Paragraph(markup("<b>{i}. Kết luận chung</b>", i=len(groups) + 1), styles.body))
    general = user_paragraphs(meeting.conclusion, styles.body)
    story += general if general else write_lines(5, styles.write_line)

    level = _level(meeting.organisation)
    story.append(Paragraph(escape_user_text(
        f"Trên đây là kết luận của {who} tại {facts.meeting_phrase(record)}. "
        f"{organisation_body(meeting.organisation).capitalize()} {level} thông báo để các cơ quan, đơn vị "
        f"và Nhân dân biết; các cơ quan, đơn vị được giao nhiệm vụ khẩn trương giải quyết, trả lời "
        f"bằng văn bản cho công dân và báo cáo kết quả về {organisation_body(meeting.organisation).capitalize()} "
        f"{level} đúng thời hạn./."), styles.body))

    agencies = sorted({op.agency.strip() for op in record.opinions
                       if op.outcome is Outcome.ASSIGNED and op.agency and op.agency.strip()})
    items = [f"Thường trực Đảng ủy, HĐND {level}", f"Ủy ban MTTQ Việt Nam {level}", *agencies,
             "Các thôn, tổ dân phố", "Lưu: VT"]
    chair = facts.signer(record)
    roles = facts.signer_roles(record, organisation_body(meeting.organisation))
    story.append(Spacer(1, 10))
    story.append(KeepTogether([two_columns(
        styles,
        recipients(styles, items),
        signature_column(styles, roles, [chair.name if chair else ""], note=None),
        left_share=0.45,
    )]))
    return story


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


def _raised(opinion: Opinion) -> str:
    who = facts.who_raised(opinion)
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
