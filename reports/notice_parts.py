"""The parts of the conclusion notice that communes write beyond the conclusions themselves:
the counts of the general part (in words when a count is zero), the organisation of the
follow-up ("Giao … chủ trì …, hoàn thành, trả lời công dân và báo cáo … trước ngày …"),
and, for a long meeting, the appendix table of every opinion.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from db.models import MeetingRecord, Opinion, Outcome, Source

from . import facts
from .model import Block, Grid, PageBreak, Para, Style, b, i, para
from .text import brief, short_date, to_date

#: Above this many opinions the notice's body summarises each field and the full list
#: goes in an appendix table, so the body stays short.
APPENDIX_FROM = 30
APPENDIX_HEAD = ("TT", "Người phản ánh", "Lĩnh vực", "Nội dung (tóm tắt)", "Kết quả", "Cơ quan, thời hạn")
_APPENDIX_SHARES = (0.8, 2.3, 1.9, 4.3, 1.8, 2.1)


def count(n: int, thing: str) -> str:
    """'09 ý kiến' (two digits, as notices write counts)."""
    return f"{n:02d} {thing}"


def turns_of_speech(record: MeetingRecord) -> int:
    """Each citizen who took the floor, plus each time one spoke again after the answer."""
    again = sum(1 for op in record.opinions if op.source is Source.SPOKEN and op.follows_id is not None)
    return facts.speakers_done(record) + again


def counts_sentences(record: MeetingRecord) -> str:
    """'Tại hội nghị có 05 lượt phát biểu của 03 người với 09 ý kiến, kiến nghị (…). Trong đó: …'."""
    by_source = facts.count_by_source(record)
    sources = ", ".join(count(by_source[s], s.count_phrase) if by_source[s] else f"không có {s.count_phrase}"
                        for s in Source)
    text = (f"Tại hội nghị có {count(turns_of_speech(record), 'lượt phát biểu')} của "
            f"{count(facts.speakers_done(record), 'người')} với {count(len(record.opinions), 'ý kiến, kiến nghị')} "
            f"({sources}).")
    if not record.opinions:
        return text
    results = []
    for outcome in Outcome:
        n = sum(1 for op in record.opinions if op.outcome is outcome)
        what = outcome.label[:1].lower() + outcome.label[1:]  # 'đã trả lời tại hội nghị'
        results.append(f"{what} {count(n, 'ý kiến')}" if n else f"không có ý kiến nào {what}")
    waiting = sum(1 for op in record.opinions if op.outcome is None)
    if waiting:
        results.append(f"chưa có kết luận {count(waiting, 'ý kiến')}")
    return f"{text} Kết quả: {'; '.join(results)}."


def field_summary(opinions: list[Opinion]) -> str:
    """For the appendix form: 'Có 12 ý kiến (số 3, 4, 9, …): đã trả lời 05; giao giải quyết 04; …'."""
    numbers = ", ".join(str(op.number) for op in opinions)
    parts = []
    for outcome in Outcome:
        n = sum(1 for op in opinions if op.outcome is outcome)
        if n:
            parts.append(f"{outcome.short} {n:02d}")
    waiting = sum(1 for op in opinions if op.outcome is None)
    if waiting:
        parts.append(f"chưa có kết luận {waiting:02d}")
    return (f"Có {count(len(opinions), 'ý kiến')} (số {numbers}): {'; '.join(parts)}. "
            f"Nội dung và kết luận từng ý kiến tại Phụ lục kèm theo.")


# -- III. organising the follow-up ---------------------------------------------------------


def _latest(opinions: list[Opinion]) -> date | None:
    deadlines = [to_date(op.deadline) for op in opinions if op.deadline]
    return max(deadlines) if deadlines else None


def _numbers(opinions: list[Opinion]) -> str:
    word = "ý kiến số" if len(opinions) == 1 else "các ý kiến số"
    return f"{word} {', '.join(str(op.number) for op in opinions)}"


def follow_up_blocks(record: MeetingRecord, who: str, office: str) -> list[Block]:
    """Each assignment grouped by its agency, the forwarded opinions, the deadline for all,
    who monitors. `who`: 'Chủ tịch UBND xã'; `office`: the office that follows up."""
    out: list[Block] = []
    by_agency: dict[str, list[Opinion]] = {}
    forwarded: list[Opinion] = []
    for op in sorted(record.opinions, key=lambda o: o.number):
        if op.outcome is Outcome.ASSIGNED:
            by_agency.setdefault((op.agency or "").strip() or "....................", []).append(op)
        elif op.outcome is Outcome.FORWARDED:
            forwarded.append(op)
    for agency, opinions in by_agency.items():
        partners = sorted({co.strip() for op in opinions if (co := getattr(op, "co_agency", None)) and co.strip()})
        lead = f"Giao {agency} chủ trì" + (f", phối hợp {', '.join(partners)}" if partners else "")
        latest = _latest(opinions)
        by = f" trước ngày {short_date(latest)}" if latest else ""
        out.append(para(f"- {lead} giải quyết {_numbers(opinions)}; hoàn thành, trả lời công dân bằng văn bản "
                        f"và báo cáo {who}{by}."))
    if forwarded:
        levels = sorted({op.agency.strip() for op in forwarded if op.agency and op.agency.strip()})
        to = ", ".join(levels) if levels else "cấp có thẩm quyền"
        out.append(para(f"- {office} tham mưu văn bản kiến nghị {to} xem xét, giải quyết {_numbers(forwarded)}."))
    latest = _latest([op for ops in by_agency.values() for op in ops])
    if latest:
        out.append(para(f"- Chậm nhất đến ngày {short_date(latest)}, các cơ quan được giao nhiệm vụ theo kết luận "
                        f"phải trả lời ý kiến, kiến nghị của Nhân dân bằng văn bản và báo cáo với {who}."))
    out.append(para(f"- {office} theo dõi, đôn đốc các cơ quan thực hiện; tổng hợp kết quả, báo cáo {who}."))
    return out


# -- the appendix ------------------------------------------------------------------------------


def appendix_blocks(record: MeetingRecord, number_line: str, field_of: Callable[[Opinion], str],
                    name_of: Callable[[Opinion], str], shown: Callable[[str], str]) -> list[Block]:
    """A new page: 'PHỤ LỤC', what it lists, and a table of every opinion."""
    rows = []
    for op in sorted(record.opinions, key=lambda o: o.number):
        outcome = op.outcome.label if op.outcome else "Chưa có kết luận"
        agency = (op.agency or "").strip() if op.outcome and op.outcome.shows_agency else ""
        if op.deadline:
            agency = f"{agency}; trước {short_date(op.deadline)}" if agency else f"Trước {short_date(op.deadline)}"
        rows.append((str(op.number), name_of(op), field_of(op), shown(brief(op.content, 220)), outcome, agency))
    heading: list[Para] = [
        para(b("PHỤ LỤC"), style=Style.CENTRE, keep_with_next=True),
        para(b("DANH SÁCH Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN VÀ KẾT LUẬN"), style=Style.CENTRE, keep_with_next=True),
        para(i(f"(Kèm theo {number_line})"), style=Style.CENTRE, space_after=8, keep_with_next=True),
    ]
    return [PageBreak(), *heading, Grid(APPENDIX_HEAD, tuple(rows), _APPENDIX_SHARES)]
