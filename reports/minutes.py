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

from reportlab.lib.units import cm

from db.models import MeetingRecord, MeetingStatus, Opinion, Outcome, Source, Step

from . import facts
from .fonts import RegisteredFont, resolve_font
from .layout import BODY_SIZE, LEADING, SIGNATURE_ROOM, organisation_code
from .model import (
    Block, Columns, Document, Gap, Header, Keep, Mark, Para, Recipients, Signature, Style, Title, WriteLines,
    b, i, para,
)
from .pdf import render_pdf
from .recipients import minutes_recipients
from .text import split_lines, vn_date, vn_moment, vn_time

PROVISIONAL = "BẢN GHI TẠM – HỘI NGHỊ ĐANG DIỄN RA"
#: Blank opinion slots printed on the paper form of a planned meeting.
PAPER_SLOTS = 12
DOTS = "......"
#: The closing sentence, unless the secretary unticks it on the end screen.
APPROVED = "Biên bản đã được đọc lại cho hội nghị nghe và được hội nghị nhất trí thông qua"
_BEFORE_TITLE = "Ý kiến, kiến nghị tổng hợp trước hội nghị"


def build_minutes(record: MeetingRecord, out_path: str | os.PathLike, *,
                  font: str | os.PathLike | RegisteredFont | None = None,
                  now: datetime | None = None, footer_text: str | None = None) -> Path:
    """Print the minutes of `record` to `out_path` (PDF) and return the path.

    `font`: a path to a regular TTF (siblings found by name), an already resolved
    font, or None for the system's best. `now` is the printing moment (live marks).
    `footer_text` is printed at the foot of every page (the seal line).
    """
    registered = font if isinstance(font, RegisteredFont) else resolve_font(font)
    return render_pdf(minutes_document(record, now or datetime.now(), footer_text), out_path, registered)


def minutes_document(record: MeetingRecord, now: datetime, footer_text: str | None = None) -> Document:
    """The minutes as a document model. A live meeting's minutes are marked provisional;
    an ended meeting's minutes carry no mark."""
    meeting = record.meeting
    live = meeting.status is MeetingStatus.LIVE
    footer = (f"{PROVISIONAL} – in lúc {vn_time(now)}, {vn_date(now)}",) if live else ()
    return Document(
        tuple(minutes_blocks(record, now)), title=f"Biên bản - {meeting.title}", author=meeting.organisation,
        subject="Biên bản hội nghị tiếp xúc, đối thoại", footer_lines=footer, footer_text=footer_text,
    )


def minutes_blocks(record: MeetingRecord, now: datetime) -> list[Block]:
    meeting = record.meeting
    status = meeting.status
    out: list[Block] = []
    if status is MeetingStatus.LIVE:
        out += [Mark(f"{PROVISIONAL}\nIn lúc {vn_time(now)}, {vn_date(now)}"), Gap(4)]
    code = organisation_code(meeting.organisation)
    out.append(Header(meeting.organisation, meeting.parent, f"Số: .../BB-{code}"))
    out.append(Title("BIÊN BẢN", meeting.title))

    started = meeting.started_at or f"{meeting.date}T{meeting.start}"
    out.append(_labelled("Thời gian bắt đầu:", vn_moment(started)))
    out.append(_labelled("Địa điểm:", meeting.venue))
    out += _attendance(record)
    out += _chairs(record)
    secretary = meeting.secretary_name
    if meeting.secretary_title:
        secretary += f", {meeting.secretary_title}"
    out.append(_labelled("Thư ký (người ghi biên bản):", secretary))
    out.append(para(b("Nội dung (theo diễn biến hội nghị):"), keep_with_next=True))
    out += _programme(record)

    out.append(para(b("Kết luận của chủ trì:"), keep_with_next=True))
    conclusion = split_lines(meeting.conclusion)
    if conclusion:
        out += [para(line) for line in conclusion]
    elif status is MeetingStatus.PLANNED:
        out.append(WriteLines(6))
    else:
        out.append(para("(Chưa ghi kết luận.)" if status is MeetingStatus.LIVE else "(Không ghi kết luận.)"))

    chairs = sorted(record.chairs, key=lambda c: c.position)
    # The closing line, the signatures and "Nơi nhận" on one page: "Nơi nhận" goes in the
    # left column under the secretary, lowered to below the last chair's name, so the
    # whole closing is one table row that neither renderer splits.
    lower = max(0, len(chairs) - 1) * (SIGNATURE_ROOM + BODY_SIZE * LEADING)
    out.append(Keep((
        _end_line(record, now), Gap(10),
        Columns((Signature(("THƯ KÝ",), (meeting.secretary_name,)), Gap(12 + lower),
                 Recipients(minutes_recipients(record))),
                (Signature(("CHỦ TỌA",), tuple(c.name for c in chairs)),)),
    )))
    return out


# -- sections ------------------------------------------------------------------------


def _labelled(label: str, value: str | None) -> Para:
    return para(b(label), " ", value or DOTS)


def _attendance(record: MeetingRecord) -> list[Block]:
    status = record.meeting.status
    out: list[Block] = [para(b("Thành phần tham dự:"), keep_with_next=True)]
    if record.delegates:
        out.append(para("- Đại biểu:", keep_with_next=True))
        out += [para(f"+ Đồng chí {d.line}" + (";" if k < len(record.delegates) - 1 else "."))
                for k, d in enumerate(record.delegates)]
    groups = sorted(record.attendance, key=lambda g: g.position)
    if not groups:
        return out + ([] if record.delegates else [WriteLines(3)])
    for group in groups:
        parts = []
        if group.invited is not None:
            parts.append(f"mời {group.invited} người")
        if group.present is not None:
            parts.append(f"có mặt {group.present} người")
        elif status is not MeetingStatus.ENDED:
            parts.append(f"có mặt {DOTS} người")
        out.append(para(f"- {group.group}" + (f": {', '.join(parts)}." if parts else ".")))
    totals = facts.attendance_totals(record)
    parts = []
    if totals.invited is not None:
        parts.append(f"mời {totals.invited} người")
    if totals.present is not None:
        parts.append(f"có mặt {totals.present} người")
    elif status is not MeetingStatus.ENDED:
        parts.append(f"có mặt {DOTS} người")
    if parts:
        out.append(para(f"Tổng số: {', '.join(parts)}."))
    return out


def _chairs(record: MeetingRecord) -> list[Block]:
    chairs = sorted(record.chairs, key=lambda c: c.position)
    if len(chairs) == 1:
        return [_labelled("Chủ trì (chủ tọa):", facts.chair_line(chairs[0]))]
    out: list[Block] = [para(b("Chủ trì (chủ tọa):"), keep_with_next=True)]
    if not chairs:
        return out + [WriteLines(2)]
    return out + [para(f"- {facts.chair_line(c)}") for c in chairs]


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


def _programme(record: MeetingRecord) -> list[Block]:
    status = record.meeting.status
    steps = sorted(record.steps, key=lambda s: s.position)
    dialogue = facts.dialogue_opinions(record)
    before = facts.before_opinions(record)
    dialogue_step = next((s for s in steps if s.dialogue), None)
    out: list[Block] = []
    for step in steps:
        if step is dialogue_step and before:
            out += _before_section(before)
        out.append(para(b(f"{step.position}. {step.content}"), " ", _step_times(step, status),
                        space_before=6, keep_with_next=True))
        note = _step_note(step)
        if step.lead:
            out.append(para(i("Điều hành:"), f" {step.lead.rstrip('.')}.", keep_with_next=bool(note)))
        out += note
        if step is dialogue_step:
            out += _dialogue(record, dialogue)
        elif status is MeetingStatus.PLANNED:
            out += [WriteLines(2), Gap(6)]
    if dialogue_step is None:
        if before:
            out += _before_section(before)
        if dialogue or status is MeetingStatus.PLANNED:
            out.append(para(b("Ý kiến phát biểu, phiếu ý kiến tại hội nghị"), style=Style.HEADING))
            out += _dialogue(record, dialogue)
    return out


def _step_note(step: Step) -> list[Block]:
    """Who presented the step and the gist of it, as the secretary noted them."""
    out: list[Block] = []
    gist = split_lines(step.gist)
    if step.presenter:
        out.append(para(i("Người trình bày:"), f" {step.presenter.rstrip('.')}.", keep_with_next=bool(gist)))
    if gist:
        out.append(para(i("Nội dung tóm tắt:"), f" {gist[0]}"))
        out += [para(line) for line in gist[1:]]
    return out


def _before_section(opinions: list[tuple[Opinion, int]]) -> list[Block]:
    out: list[Block] = [para(_BEFORE_TITLE, style=Style.HEADING)]
    for opinion, depth in opinions:
        out += _opinion(opinion, depth)
    return out


def _dialogue(record: MeetingRecord, opinions: list[tuple[Opinion, int]]) -> list[Block]:
    status = record.meeting.status
    out: list[Block] = []
    for opinion, depth in opinions:
        out += _opinion(opinion, depth)
    if status is MeetingStatus.PLANNED:
        first = max((op.number for op in record.opinions), default=0) + 1
        out += [_paper_slot(first + n) for n in range(PAPER_SLOTS)]
    elif not opinions:
        out.append(para("(Chưa có ý kiến nào được ghi.)" if status is MeetingStatus.LIVE
                         else "(Không có ý kiến phát biểu.)"))
    return out


#: An opinion shorter than this (characters) is kept on one page with its answer and outcome.
KEEP_LIMIT = 1500
#: Space between the parts of an opinion (points).
PART_SPACE = 6


def _opinion(opinion: Opinion, depth: int) -> list[Block]:
    """Head (number, who, field), content, answer, outcome; a typed line break starts
    a new paragraph; 6 pt between the parts."""
    style = Style.INDENTED if depth else Style.BODY
    follow = ""
    if depth and opinion.follows_number is not None:
        follow = f" (tiếp tục có ý kiến sau ý kiến số {opinion.follows_number})"
    elif depth:
        follow = " (tiếp tục có ý kiến)"
    source = " – phiếu lấy ý kiến trước hội nghị" if opinion.source is Source.BEFORE and depth else ""
    field = (". ", i("Lĩnh vực:"), f" {opinion.field_name}") if opinion.field_name else ()
    head = para(b(f"Ý kiến số {opinion.number}"), follow, source, ": ", b(facts.who_raised(opinion)), *field,
                style=style, space_before=PART_SPACE, space_after=PART_SPACE)

    def lines(label: Para | None, text: str | None) -> list[Para]:
        parts = split_lines(text)
        out = [para(*label.runs, " ", parts[0] if parts else "", style=style, space_after=PART_SPACE)] \
            if label else []
        return out + [para(line, style=style, space_after=PART_SPACE) for line in parts[1 if label else 0:]]

    content = lines(para(i("Nội dung:")), opinion.content)
    answer: list[Para] = []
    if opinion.answered_by or opinion.answer:
        label = []
        if opinion.answered_by:
            label += [i("Người trả lời:"), f" {opinion.answered_by.rstrip('.')}."]
        if opinion.answer:
            label += [" " if label else None, i("Trả lời:")]
            answer = lines(para(*label), opinion.answer)
        else:
            answer = [para(*label, style=style, space_after=PART_SPACE)]
    outcome = facts.outcome_phrase(opinion)
    end = para(i("Kết quả:"), f" {outcome or 'chưa trả lời'}.", style=style, space_after=PART_SPACE)
    whole = [head, *content, *answer, end]
    if sum(len(p.text) for p in whole) < KEEP_LIMIT:
        return [Keep(tuple(whole))]
    # A long opinion flows; keep at least its head with the start of its content.
    return [Keep((head, content[0])), *content[1:], *answer, end]


def _paper_slot(number: int) -> Block:
    """A numbered blank opinion to fill in by hand (about 80 mm: three fit on a page)."""
    gap = "\u00a0" * 4
    boxes = gap.join(f"□ {o.paper_label}" for o in Outcome if not o.paper_write_line)
    lines = tuple(WriteLines(1, f"□ {o.paper_label}", indent=1.5 * cm) for o in Outcome if o.paper_write_line)
    return Keep((
        Gap(4), para(b(f"Ý kiến số {number}"), style=Style.FLUSH),
        WriteLines(1, "Người phát biểu (họ tên, thôn) hoặc phiếu ý kiến:"),
        WriteLines(3, "Nội dung:"),
        WriteLines(1, fields=(("Lĩnh vực:", 0.42), ("Người trả lời:", 0.58))),
        WriteLines(2, "Trả lời:"),
        para(f"Kết quả: {boxes}", style=Style.WRITE_LINE),
        *lines,
    ))


def _end_line(record: MeetingRecord, now: datetime) -> Para:
    meeting = record.meeting
    if meeting.status is MeetingStatus.LIVE:
        text = f"Hội nghị chưa kết thúc; bản ghi tạm in lúc {vn_time(now)}, {vn_date(now)}."
    elif meeting.status is MeetingStatus.ENDED and meeting.ended_at:
        text = f"Hội nghị kết thúc vào {vn_moment(meeting.ended_at)}"
        text += f". {APPROVED}./." if record.minutes_approved else "./."
    else:
        text = f"Hội nghị kết thúc vào {DOTS} giờ {DOTS} phút, {vn_date(meeting.date)}./."
    return para(text)
