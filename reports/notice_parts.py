"""The notice's parts II and III and its appendix.

II. Conclusions by field, in the plan's field order. Opinions the secretary merged
(db/conclusions.py) print once, naming everyone who raised the matter. With more
than `APPENDIX_FROM` opinions the body only sums each field up (merged matters in
full, the rest by outcome with their numbers) and every opinion goes to the appendix
table, so the body stays short.

III. Organising the follow-up: each assignment in the office's words, grouped by
the lead agency; forwarded opinions; the deadline and who monitors it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from db.models import MeetingRecord, Opinion, Outcome, Source
from db.vocabulary import NO_OUTCOME_NOTICE

from . import facts
from .counts import n
from .layout import organisation_body
from .model import Block, Grid, Keep, PageBreak, Para, Style, b, para
from .recipients import higher_levels
from .text import brief, short_date, split_lines

#: More opinions than this: the body sums up, the appendix lists every opinion.
APPENDIX_FROM = 30
UNCLASSIFIED = "Ý kiến chưa phân loại lĩnh vực"
APPENDIX_HEAD = ("Số", "Người phản ánh", "Lĩnh vực", "Nội dung tóm tắt", "Kết quả", "Cơ quan được giao",
                   "Thời hạn")
APPENDIX_WIDTHS = (0.05, 0.17, 0.12, 0.30, 0.11, 0.125, 0.125)

Namer = Callable[[Opinion], str]
Shown = Callable[[str], str]


@dataclass(frozen=True)
class Item:
    """One conclusion: a single opinion, or a merged group (`text` is its conclusion)."""

    opinions: tuple[Opinion, ...]
    text: str | None = None  # the group's conclusion; None for a single opinion

    @property
    def numbers(self) -> str:
        return ", ".join(str(op.number) for op in self.opinions)


def uses_appendix(record: MeetingRecord) -> bool:
    return len(record.opinions) > APPENDIX_FROM


def body_name(record: MeetingRecord) -> str:
    """'Ủy ban nhân dân xã'."""
    return f"{organisation_body(record.meeting.organisation).capitalize()} {facts.level_of(record.meeting.organisation)}"


def by_field(record: MeetingRecord) -> list[tuple[str, list[Item]]]:
    """Items grouped by field in the meeting's field order (a follow-up without a field
    takes its thread's field; unknown fields after, unclassified last). A merged group
    stands where its first opinion stands."""
    by_id = {op.id: op for op in record.opinions}
    group_of = {oid: g for g in record.conclusion_groups for oid in g.opinion_ids}

    def field_of(op: Opinion, depth: int = 0) -> tuple[int | None, str | None]:
        if op.field_id is None and op.field_name is None and op.follows_id in by_id and depth < 50:
            return field_of(by_id[op.follows_id], depth + 1)
        return op.field_id, op.field_name

    names = {f.id: f.name for f in record.fields}
    groups: dict[str, list[Item]] = {}
    placed: set[int] = set()
    for op, _depth in facts.threaded(record.opinions, set(Source)):
        group = group_of.get(op.id)
        if group is not None and group.id in placed:
            continue
        field_id, field_name = field_of(op)
        name = names.get(field_id) or field_name or UNCLASSIFIED
        if group is not None:
            placed.add(group.id)
            members = tuple(sorted((by_id[i] for i in group.opinion_ids if i in by_id), key=lambda o: o.number))
            groups.setdefault(name, []).append(Item(members, group.text))
        else:
            groups.setdefault(name, []).append(Item((op,)))
    order = [f.name for f in sorted(record.fields, key=lambda f: f.position)]
    known = [(name, groups.pop(name)) for name in order if name in groups]
    unclassified = groups.pop(UNCLASSIFIED, None)
    return known + list(groups.items()) + ([(UNCLASSIFIED, unclassified)] if unclassified else [])


def _people(item: Item, name_of: Namer) -> str:
    names = list(dict.fromkeys(facts.in_sentence(name_of(op)) for op in item.opinions))
    return ", ".join(names)


def _raised(item: Item, name_of: Namer, limit: int) -> str:
    if item.text is not None:
        contents = "; ".join(f"“{brief(op.content, limit)}”" for op in item.opinions)
        return f"- Ý kiến số {item.numbers} của {_people(item, name_of)} về: {contents}"
    opinion = item.opinions[0]
    who = name_of(opinion)
    who = who[:1].upper() + who[1:]
    if opinion.follows_id is not None:
        verb = "tiếp tục có ý kiến"
    elif opinion.source is Source.BEFORE:
        verb = "(ý kiến gửi trước hội nghị) phản ánh, kiến nghị"
    else:
        verb = "phản ánh, kiến nghị"
    return f"- {who} {verb}: “{brief(opinion.content, limit)}”"


def lead_and_co(opinion: Opinion) -> str:
    """'Công chức Địa chính - Xây dựng chủ trì, phối hợp Công an xã' (or the agency alone)."""
    agency = opinion.agency or "...................."
    return f"{agency} chủ trì, phối hợp {opinion.co_agency}" if opinion.co_agency else agency


def decision(record: MeetingRecord, opinion: Opinion) -> str:
    """'Kết luận: ...' for one opinion, in the vocabulary's sentence for its outcome."""
    if opinion.outcome is None:
        return NO_OUTCOME_NOTICE
    explained = ""
    if opinion.answer and opinion.outcome is not Outcome.ANSWERED:
        by = f"{opinion.answered_by} đã" if opinion.answered_by else "Đã"
        explained = f" Tại hội nghị, {by} giải trình: {brief(opinion.answer, 300)}"
    return opinion.outcome.notice_sentence(
        by=f" {opinion.answered_by}" if opinion.answered_by else "",
        answer=f": {brief(opinion.answer, 400)}" if opinion.answer else ".",
        agency=lead_and_co(opinion), to=f" ({opinion.agency})" if opinion.agency else "",
        deadline=f" trước ngày {short_date(opinion.deadline)}" if opinion.deadline else "",
        explained=explained, body=body_name(record))


def conclusions(record: MeetingRecord, name_of: Namer, shown: Shown) -> list[Block]:
    """Part II, numbered by field."""
    out: list[Block] = []
    summed = uses_appendix(record)
    if summed:
        out.append(para("(Nội dung từng ý kiến, kiến nghị và kết quả giải quyết tại Phụ lục kèm theo Thông báo "
                        "này; dưới đây tổng hợp theo lĩnh vực.)"))
    for index, (name, items) in enumerate(by_field(record), start=1):
        count = sum(len(item.opinions) for item in items)
        out.append(para(b(f"{index}. {name}"), f" ({n(count)} ý kiến)" if summed else "",
                        style=Style.HEADING, keep_with_next=True))
        singles: dict[Outcome | None, list[Opinion]] = {}
        for item in items:
            if item.text is not None:
                out.append(Keep((para(shown(_raised(item, name_of, 150 if summed else 300))),
                                 *_group_conclusion(item, shown))))
            elif summed:
                singles.setdefault(item.opinions[0].outcome, []).append(item.opinions[0])
            else:
                out.append(Keep((para(shown(_raised(item, name_of, 300))),
                                 para(shown(decision(record, item.opinions[0]))))))
        for outcome in [*Outcome, None]:
            ops = singles.get(outcome)
            if ops:
                phrase = outcome.count_phrase if outcome else "chưa trả lời"
                numbers = ", ".join(str(op.number) for op in ops)
                out.append(para(f"- {phrase[:1].upper()}{phrase[1:]} {n(len(ops))} ý kiến (số {numbers})."))
    return out


def _group_conclusion(item: Item, shown: Shown) -> list[Para]:
    lines = split_lines(item.text) or [""]
    return [para(shown(f"Kết luận: {lines[0]}")), *(para(shown(line)) for line in lines[1:])]


def _assignments(record: MeetingRecord, summed: bool) -> list[tuple[str, list[Item]]]:
    """Assigned opinions grouped by lead agency (in order of first assignment); the
    members of a merged group with the same agency, co-agency and deadline are one item
    (with the appendix, all opinions with the same agency, co-agency and deadline are)."""
    group_of = {oid: g.id for g in record.conclusion_groups for oid in g.opinion_ids}
    items: dict[tuple, list[Opinion]] = {}
    for op in record.opinions:
        if op.outcome is Outcome.ASSIGNED:
            key = ("" if summed else group_of.get(op.id, f"op{op.id}"), op.agency, op.co_agency, op.deadline)
            items.setdefault(key, []).append(op)
    agencies: dict[str, list[Item]] = {}
    for (_g, agency, _co, _d), ops in items.items():
        agencies.setdefault((agency or "").strip() or "Cơ quan chưa xác định", []).append(Item(tuple(ops)))
    return list(agencies.items())


def follow_up(record: MeetingRecord, name_of: Namer, shown: Shown) -> list[Block]:
    """Part III: the assignments by agency, forwarded opinions, deadline and monitoring."""
    boss = facts.who_concludes(record)
    level = facts.level_of(record.meeting.organisation)
    out: list[Block] = []
    summed = uses_appendix(record)
    assignments = _assignments(record, summed)
    if not assignments:
        out.append(para(f"{Outcome.ASSIGNED.none_sentence}."))
    for index, (agency, items) in enumerate(assignments, start=1):
        out.append(para(b(f"{index}. {agency}"), f" ({n(sum(len(i.opinions) for i in items))} nội dung)",
                        style=Style.HEADING, keep_with_next=True))
        for item in items:
            first = item.opinions[0]
            due = (f"trước ngày {short_date(first.deadline)}" if first.deadline else "đúng thời hạn")
            verb = "chủ trì, phối hợp " + first.co_agency if first.co_agency else "chủ trì"
            if summed:  # who and what are in the appendix
                what = f"các ý kiến số {item.numbers}" if len(item.opinions) > 1 else f"ý kiến số {item.numbers}"
            else:
                what = (f"ý kiến số {item.numbers} của {_people(item, name_of)} "
                        f"về “{brief(first.content, 160).rstrip(' .;:')}”")
            out.append(para(shown(f"- Giao {agency} {verb} giải quyết {what}; hoàn thành, trả lời công dân và "
                                  f"báo cáo {boss} {due}.")))
    forwarded = [op for op in record.opinions if op.outcome is Outcome.FORWARDED]
    if forwarded:
        numbers = ", ".join(str(op.number) for op in forwarded)
        to = ", ".join(higher_levels(record))
        out.append(para(f"Đối với {n(len(forwarded))} ý kiến vượt thẩm quyền (số {numbers}): giao Văn phòng "
                        f"tổng hợp, tham mưu {body_name(record)} báo cáo, kiến nghị {to} xem xét, giải quyết."))
    else:
        out.append(para(f"{Outcome.FORWARDED.none_sentence}."))
    if record.timeline:  # the plan's own dates after the meeting
        out.append(para("Các mốc thực hiện theo kế hoạch:", keep_with_next=True))
        for task in record.timeline:
            due = f": chậm nhất ngày {short_date(task.due)}." if task.due else "."
            out.append(para(f"- {task.task.rstrip(' .;')}{due}"))
    else:
        deadlines = sorted(op.deadline for op in record.opinions if op.outcome is Outcome.ASSIGNED and op.deadline)
        if deadlines:
            out.append(para(f"Chậm nhất đến ngày {short_date(deadlines[-1])}, các cơ quan, đơn vị được giao nhiệm "
                            f"vụ theo kết luận phải trả lời ý kiến, kiến nghị của Nhân dân bằng văn bản và báo cáo "
                            f"với {boss}."))
    out.append(para(f"Văn phòng HĐND và UBND {level} theo dõi, đôn đốc các cơ quan, đơn vị thực hiện; "
                    f"tổng hợp kết quả, báo cáo {boss}."))
    return out


def appendix(record: MeetingRecord, name_of: Namer, shown: Shown, notice_number: str, notice_date: str) -> list[Block]:
    """Every opinion in a table, after the signature, on a new page."""
    rows = []
    for op, _depth in facts.threaded(record.opinions, set(Source)):
        outcome = op.outcome.short if op.outcome else "chưa trả lời"
        agency = lead_and_co(op) if op.outcome is Outcome.ASSIGNED else (op.agency or "")
        rows.append((str(op.number), shown(name_of(op)), op.field_name or "", shown(brief(op.content, 100)),
                     outcome, agency, short_date(op.deadline) if op.deadline else ""))
    return [PageBreak(),
            para(b("PHỤ LỤC"), style=Style.CENTRE),
            para(b("DANH SÁCH Ý KIẾN, KIẾN NGHỊ VÀ KẾT QUẢ GIẢI QUYẾT"), style=Style.CENTRE),
            para(f"(Kèm theo Thông báo {notice_number} {notice_date})", style=Style.CENTRE_ITALIC),
            Grid(APPENDIX_HEAD, tuple(rows), APPENDIX_WIDTHS)]
