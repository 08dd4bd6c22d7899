"""Biên bản hội nghị (the minutes), in the order of template 1.9 of Nghị định 30/2020.

Three states: a planned meeting prints the frame with the plan filled in and
dotted lines to write on (the paper fallback); a live meeting prints the record so
far, marked provisional at the top and at the foot of every page; an ended
meeting prints the record.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from db.models import MeetingRecord, MeetingStatus, Opinion, Outcome, Source, Step

from . import facts
from .fonts import RegisteredFont, resolve_font
from .layout import (
    Styles,
    boxed,
    build_pdf,
    header,
    make_styles,
    organisation_code,
    recipients,
    signature_column,
    title_block,
    WriteLine,
    two_columns,
    write_lines,
)
from .text import escape_user_text, markup, user_paragraphs, vn_date, vn_moment, vn_time

PROVISIONAL = "BẢN GHI TẠM – HỘI NGHỊ ĐANG DIỄN RA"
#: Blank opinion slots printed on the paper form of a planned meeting.
PAPER_SLOTS = 12
DOTS = "......"
_BEFORE_TITLE = "Ý kiến, kiến nghị tổng hợp trước hội nghị"


def build_minutes(record: MeetingRecord, out_path: str | os.PathLike, *,
                  font: str | os.PathLike | RegisteredFont | None = None,
                  now: datetime | None = None, footer_text: str | None = None) -> Path:
    """Print the minutes of `record` to `out_path` (PDF) and return the path.

    `font`: a path to a regular TTF (siblings found by name), an already resolved
    font, or None for the system's best. `now` is the printing moment (live marks).
    `footer_text` is printed at the foot of every page (the seal hash, later).
    """
    registered = font if isinstance(font, RegisteredFont) else resolve_font(font)
    now = now or datetime.now()
    styles = make_styles(registered)
    meeting = record.meeting
    live = meeting.status is MeetingStatus.LIVE
    footer = [f"{PROVISIONAL} – in lúc {vn_time(now)}, {vn_date(now)}"] if live else []
    return build_pdf(
        out_path, minutes_story(record, styles, now), registered,
        title=f"Biên bản - {meeting.title}", author=meeting.organisation,
        subject="Biên bản hội nghị tiếp xúc, đối thoại", footer_lines=footer, footer_text=footer_text,
    )


def minutes_story(record: MeetingRecord, styles: Styles, now: datetime) -> list[Flowable]:
    meeting = record.meeting
    status = meeting.status
    story: list[Flowable] = []
    if status is MeetingStatus.LIVE:
        story += [boxed(f"{PROVISIONAL}\nIn lúc {vn_time(now)}, {vn_date(now)}", styles.centre_bold),
                  Spacer(1, 4)]
    code = organisation_code(meeting.organisation)
    story.append(header(styles, organisation=meeting.organisation, parent=meeting.parent,
                        number=f"Số: .../BB-{code}"))
    story += title_block(styles, "BIÊN BẢN", meeting.title)

    started = meeting.started_at or f"{meeting.date}T{meeting.start}"
    story.append(_labelled(styles, "Thời gian bắt đầu:", vn_moment(started)))
    story.append(_labelled(styles, "Địa điểm:", meeting.venue))
    story += _attendance(record, styles)
    story += _chairs(record, styles)
    secretary = meeting.secretary_name
    if meeting.secretary_title:
        secretary += f", {meeting.secretary_title}"
    story.append(_labelled(styles, "Thư ký (người ghi biên bản):", secretary))
    story.append(Paragraph("<b>Nội dung (theo diễn biến hội nghị):</b>", styles.body))
    story += _programme(record, styles)

    story.append(Paragraph("<b>Kết luận của chủ trì:</b>", styles.body))
    conclusion = user_paragraphs(meeting.conclusion, styles.body)
    if conclusion:
        story += conclusion
    elif status is MeetingStatus.PLANNED:
        story += write_lines(6, styles.write_line)
    else:
        story.append(Paragraph("(Chưa ghi kết luận.)" if status is MeetingStatus.LIVE
                               else "(Không ghi kết luận.)", styles.body))

    closing = [_end_line(record, styles, now), Spacer(1, 10)]
    chairs = sorted(record.chairs, key=lambda c: c.position)
    closing.append(two_columns(
        styles,
        signature_column(styles, ["THƯ KÝ"], [meeting.secretary_name]),
        signature_column(styles, ["CHỦ TỌA"], [c.name for c in chairs]),
    ))
    story.append(KeepTogether(closing))
    story.append(Spacer(1, 12))
    story += recipients(styles, ["Chủ tọa hội nghị", "Lưu: VT, Hồ sơ"])
    return story


# -- sections ------------------------------------------------------------------------


def _labelled(styles: Styles, label: str, value: str | None) -> Paragraph:
    return Paragraph(markup("<b>{label}</b> {value}", label=label, value=value or DOTS), styles.body)


def _attendance(record: MeetingRecord, styles: Styles) -> list[Flowable]:
    status = record.meeting.status
    out: list[Flowable] = [Paragraph("<b>Thành phần tham dự:</b>", styles.body)]
    groups = sorted(record.attendance, key=lambda g: g.position)
    if not groups:
        return out + write_lines(3, styles.write_line)
    for group in groups:
        parts = []
        if group.invited is not None:
            parts.append(f"mời {group.invited} người")
        if group.present is not None:
            parts.append(f"có mặt {group.present} người")
        elif status is not MeetingStatus.ENDED:
            parts.append(f"có mặt {DOTS} người")
        text = f"- {group.group}" + (f": {', '.join(parts)}." if parts else ".")
        out.append(Paragraph(escape_user_text(text), styles.body))
    totals = facts.attendance_totals(record)
    parts = []
    if totals.invited is not None:
        parts.append(f"mời {totals.invited} người")
    if totals.present is not None:
        parts.append(f"có mặt {totals.present} người")
    elif status is not MeetingStatus.ENDED:
        parts.append(f"có mặt {DOTS} người")
    if parts:
        out.append(Paragraph(escape_user_text(f"Tổng số: {', '.join(parts)}."), styles.body))
    return out


def _chairs(record: MeetingRecord, styles: Styles) -> list[Flowable]:
    chairs = sorted(record.chairs, key=lambda c: c.position)
    if len(chairs) == 1:
        return [_labelled(styles, "Chủ trì (chủ tọa):", facts.chair_line(chairs[0]))]
    out: list[Flowable] = [Paragraph("<b>Chủ trì (chủ tọa):</b>", styles.body)]
    if not chairs:
        return out + write_lines(2, styles.write_line)
    out += [Paragraph(escape_user_text(f"- {facts.chair_line(c)}"), styles.body) for c in chairs]
    return out


def _step_times(step: Step, status: MeetingStatus) -> str:
    if step.started_at and step.ended_at:
        return f"({vn_time(step.started_at)} – {vn_time(step.ended_at)})"
    if step.started_at:
        return f"(từ {vn_time(step.started_at)}, đang diễn ra)" if status is MeetingStatus.LIVE \
            else f"(từ {vn_time(step.started_at)})"
    if status is MeetingStatus.PLANNED:
        planned = f"dự kiến {step.minutes} phút; " if step.minutes else ""
        return f"({planned}từ {DOTS} giờ {DOTS} phút đến {DOTS} giờ {DOTS} phút)"
    return "(chưa thực hiện)" if status is MeetingStatus.LIVE else "(không ghi nhận thời gian)"


def _programme(record: MeetingRecord, styles: Styles) -> list[Flowable]:
    status = record.meeting.status
    steps = sorted(record.steps, key=lambda s: s.position)
    dialogue = facts.dialogue_opinions(record)
    before = facts.before_opinions(record)
    dialogue_step = next((s for s in steps if s.dialogue), None)
    step_style = ParagraphStyle("step", parent=styles.body, spaceBefore=6, keepWithNext=1)
    out: list[Flowable] = []
    for step in steps:
        if step is dialogue_step and before:
            out += _before_section(before, styles)
        out.append(Paragraph(markup("<b>{pos}. {content}</b> {times}", pos=step.position,
                                    content=step.content, times=_step_times(step, status)), step_style))
        if step.lead:
            out.append(Paragraph(markup("<i>Điều hành:</i> {lead}.", lead=step.lead.rstrip(".")), styles.body))
        if step is dialogue_step:
            out += _dialogue(record, dialogue, styles)
        elif status is MeetingStatus.PLANNED:
            out += write_lines(2, styles.write_line) + [Spacer(1, 6)]
    if dialogue_step is None:
        if before:
            out += _before_section(before, styles)
        if dialogue or status is MeetingStatus.PLANNED:
            out.append(Paragraph("<b>Ý kiến phát biểu, phiếu ý kiến tại hội nghị</b>", styles.heading))
            out += _dialogue(record, dialogue, styles)
    return out


def _before_section(opinions: list[tuple[Opinion, int]], styles: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph(escape_user_text(_BEFORE_TITLE), styles.heading)]
    for opinion, depth in opinions:
        out += _opinion(opinion, depth, styles)
    return out


def _dialogue(record: MeetingRecord, opinions: list[tuple[Opinion, int]], styles: Styles) -> list[Flowable]:
    status = record.meeting.status
    out: list[Flowable] = []
    for opinion, depth in opinions:
        out += _opinion(opinion, depth, styles)
    if status is MeetingStatus.PLANNED:
        first = max((op.number for op in record.opinions), default=0) + 1
        out += [_paper_slot(first + i, styles) for i in range(PAPER_SLOTS)]
    elif not opinions:
        out.append(Paragraph("(Chưa có ý kiến nào được ghi.)" if status is MeetingStatus.LIVE
                             else "(Không có ý kiến phát biểu.)", styles.body))
    return out


def _opinion(opinion: Opinion, depth: int, styles: Styles) -> list[Flowable]:
    """Head (number, who, field), content, answer, outcome: three or four compact paragraphs."""
    base = styles.indented if depth else styles.body
    head_style = ParagraphStyle(f"{base.name}-head", parent=base, spaceBefore=6, spaceAfter=2)
    style = ParagraphStyle(f"{base.name}-inner", parent=base, spaceAfter=2)
    follow = ""
    if depth and opinion.follows_number is not None:
        follow = f" (tiếp tục có ý kiến sau ý kiến số {opinion.follows_number})"
    elif depth:
        follow = " (tiếp tục có ý kiến)"
    source = " – phiếu lấy ý kiến trước hội nghị" if opinion.source is Source.BEFORE and depth else ""
    head = markup("<b>Ý kiến số {n}</b>{follow}{source}: <b>{who}</b>", n=opinion.number, follow=follow,
                  source=source, who=facts.who_raised(opinion))
    if opinion.field_name:
        head += markup(". <i>Lĩnh vực:</i> {f}", f=opinion.field_name)
    lines = [Paragraph(head, head_style), Paragraph(markup("<i>Nội dung:</i> {c}", c=opinion.content), style)]
    # Keep the head with a short content; a long one just flows (a KeepTogether
    # around it would leave the rest of the page blank).
    block: list[Flowable] = [KeepTogether(lines)] if len(opinion.content) < 1500 else lines
    answer = []
    if opinion.answered_by:
        answer.append(markup("<i>Người trả lời:</i> {who}.", who=opinion.answered_by.rstrip(".")))
    if opinion.answer:
        answer.append(markup("<i>Trả lời:</i> {a}", a=opinion.answer))
    if answer:
        block.append(Paragraph(" ".join(answer), style))
    outcome = facts.outcome_phrase(opinion)
    block.append(Paragraph(markup("<i>Kết quả:</i> {o}.", o=outcome or "chưa trả lời"), style))
    return block


def _paper_slot(number: int, styles: Styles) -> Flowable:
    """A numbered blank opinion to fill in by hand (about 80 mm: three fit on a page)."""
    line = styles.write_line
    slot: list[Flowable] = [Spacer(1, 4), Paragraph(f"<b>Ý kiến số {number}</b>", styles.flush)]
    slot += write_lines(1, line, "Người phát biểu (họ tên, thôn) hoặc phiếu ý kiến:")
    slot += write_lines(3, line, "Nội dung:")
    slot.append(WriteLine([("Lĩnh vực:", 0.42), ("Người trả lời:", 0.58)], line))
    slot += write_lines(2, line, "Trả lời:")
    gap = "&nbsp;" * 4
    boxes = gap.join(f"□ {o.paper_label}" for o in Outcome if not o.paper_write_line)
    slot.append(Paragraph(f"Kết quả: {boxes}", styles.write_line))
    for o in (o for o in Outcome if o.paper_write_line):
        slot += write_lines(1, line, f"□ {o.paper_label}", indent=1.5 * cm)
    return KeepTogether(slot)


def _end_line(record: MeetingRecord, styles: Styles, now: datetime) -> Paragraph:
    meeting = record.meeting
    if meeting.status is MeetingStatus.LIVE:
        text = f"Hội nghị chưa kết thúc; bản ghi tạm in lúc {vn_time(now)}, {vn_date(now)}."
    elif meeting.status is MeetingStatus.ENDED and meeting.ended_at:
        text = f"Hội nghị kết thúc vào {vn_moment(meeting.ended_at)}./."
    else:
        text = f"Hội nghị kết thúc vào {DOTS} giờ {DOTS} phút, {vn_date(meeting.date)}./."
    return Paragraph(escape_user_text(text), styles.body)
