"""What both documents derive from a MeetingRecord: order, counts, labels, phrases.

Plain functions returning plain strings (not yet escaped); the document modules
escape them when they build paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from db.documents import PublicNaming
from db.models import (
    Chair,
    MeetingRecord,
    Opinion,
    Source,
    Speaker,
    SpeakerStatus,
)

from db.who import initials, who_said

from .text import clean, short_date


def who_raised(opinion: Opinion) -> str:
    """'Ông Nguyễn Văn An (thôn Quán Gỏi)', 'Phiếu ý kiến của Bà Lê Thị C (thôn X)', 'Phiếu ý kiến'."""
    return who_said(opinion)


_HONORIFIC = re.compile(r"^\s*(ông|bà|anh|chị|cô|chú|bác|cụ|em)\s+", re.IGNORECASE)
_HAMLET = re.compile(r"((?:thôn|xóm|khu phố|khu dân cư|khu|tổ dân phố|tổ|ấp|bản|làng|khối)\s+[^,;()\n]+)",
                     re.IGNORECASE)


def hamlet_of(address: str | None) -> str | None:
    """'thôn Quán Gỏi' from 'số 5, xóm Chùa, thôn Quán Gỏi, xã Kè Sắt' (the last, widest unit
    named before the commune); None when no hamlet is named."""
    found = _HAMLET.findall(clean(address)) if address else []
    return " ".join(found[-1].split()) if found else None


def public_person(honorific: str | None, name: str | None, hamlet: str | None, naming: PublicNaming) -> str:
    """'Ông N.V.A (thôn Quán Gỏi)' or 'cử tri thôn Quán Gỏi': no full name, no address beyond the hamlet."""
    if naming is PublicNaming.HAMLET:
        return f"cử tri {hamlet}" if hamlet else "một cử tri"
    person = " ".join(part for part in (honorific, initials(name or "")) if part) or "Một cử tri"
    return f"{person} ({hamlet})" if hamlet else person


def _split_honorific(author: str) -> tuple[str | None, str]:
    match = _HONORIFIC.match(author)
    if not match:
        return None, author
    return match.group(1).capitalize(), author[match.end():]


def public_who(opinion: Opinion, speaker: Speaker | None, naming: PublicNaming) -> str:
    """`who_raised` for the public version."""
    if opinion.source is Source.SPOKEN and speaker is not None:
        return public_person(speaker.honorific, speaker.name, hamlet_of(speaker.hamlet) or speaker.hamlet,
                             naming)
    author = opinion.author or ""
    hamlet = hamlet_of(opinion.author_address) or hamlet_of(author)
    author = re.sub(r"\s*\(.*?\)\s*", " ", author).strip()  # an address in brackets
    honorific, name = _split_honorific(author)
    if opinion.source is Source.SLIP:
        return f"Phiếu ý kiến của {public_person(honorific, name, hamlet, naming)}" if author or hamlet \
            else Source.SLIP.unnamed
    if not author and not hamlet:
        return Source.BEFORE.unnamed
    return public_person(honorific, name, hamlet, naming)


def namer(record: MeetingRecord, public: PublicNaming | None):
    """A function opinion -> who raised it: full names, or the public version's naming."""
    if public is None:
        return who_raised
    speakers = {s.id: s for s in record.speakers}
    return lambda opinion: public_who(opinion, speakers.get(opinion.speaker_id), public)


def threaded(opinions: list[Opinion], roots_from: set[Source]) -> Iterator[tuple[Opinion, int]]:
    """Opinions whose thread starts with a source in `roots_from`, as (opinion, depth).

    Roots in `number` order; every follow-up comes directly under the opinion it
    follows (depth 1, 2 ...), in number order. A follow-up whose target is missing
    is a root. Cycles (impossible in the store, but cheap to guard) are cut.
    """
    by_id = {op.id: op for op in opinions}
    children: dict[int, list[Opinion]] = {}
    roots = []
    for op in sorted(opinions, key=lambda o: o.number):
        if op.follows_id is not None and op.follows_id in by_id and op.follows_id != op.id:
            children.setdefault(op.follows_id, []).append(op)
        else:
            roots.append(op)
    seen: set[int] = set()

    def walk(op: Opinion, depth: int) -> Iterator[tuple[Opinion, int]]:
        if op.id in seen:
            return
        seen.add(op.id)
        yield op, depth
        for child in children.get(op.id, []):
            yield from walk(child, depth + 1)

    for root in roots:
        if root.source in roots_from:
            yield from walk(root, 0)
    # anything left (a cycle with no root) still gets printed, at the end
    for op in sorted(opinions, key=lambda o: o.number):
        if op.id not in seen and op.source in roots_from:
            yield from walk(op, 0)


def dialogue_opinions(record: MeetingRecord) -> list[tuple[Opinion, int]]:
    return list(threaded(record.opinions, {Source.SPOKEN, Source.SLIP}))


def before_opinions(record: MeetingRecord) -> list[tuple[Opinion, int]]:
    return list(threaded(record.opinions, {Source.BEFORE}))


def outcome_phrase(opinion: Opinion) -> str | None:
    """'Giao giải quyết, trả lời bằng văn bản: Công chức Địa chính; thời hạn trước ngày 30/06/2026'."""
    if opinion.outcome is None:
        return None
    text = opinion.outcome.label
    if opinion.outcome.shows_agency and opinion.agency:
        text += f": {opinion.agency}"
    if opinion.deadline:
        text += f"; thời hạn trước ngày {short_date(opinion.deadline)}"
    return text


def chair_line(chair: Chair) -> str:
    return f"{chair.name}, {chair.title}" if chair.title else chair.name


@dataclass(frozen=True)
class Attendance:
    invited: int | None
    present: int | None

    @property
    def attended(self) -> int | None:
        """Present if anyone was counted, else invited (the plan's figure)."""
        return self.present if self.present is not None else self.invited


def attendance_totals(record: MeetingRecord) -> Attendance:
    invited = [g.invited for g in record.attendance if g.invited is not None]
    present = [g.present for g in record.attendance if g.present is not None]
    return Attendance(sum(invited) if invited else None, sum(present) if present else None)


def speakers_done(record: MeetingRecord) -> int:
    return sum(1 for s in record.speakers if s.status is SpeakerStatus.DONE)


def count_by_source(record: MeetingRecord) -> dict[Source, int]:
    counts = {source: 0 for source in Source}
    for op in record.opinions:
        counts[op.source] += 1
    return counts


def signer(record: MeetingRecord) -> Chair | None:
    """The chair who signs for the People's Committee: a 'Chủ tịch' (not 'Phó'), else the first."""
    chairs = sorted(record.chairs, key=lambda c: c.position)
    for chair in chairs:
        title = chair.title.lower()
        if "chủ tịch" in title and "phó" not in title:
            return chair
    return chairs[0] if chairs else None


def signer_roles(record: MeetingRecord, body: str) -> list[str]:
    """['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'] (or 'Q. CHỦ TỊCH', 'KT. CHỦ TỊCH' + 'PHÓ CHỦ TỊCH')."""
    chair = signer(record)
    title = (chair.title if chair else "").lower()
    if body.startswith("ĐẢNG ỦY"):
        return [f"T/M {body}", "BÍ THƯ"]
    if "phó chủ tịch" in title:
        return [f"TM. {body}", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    if re.match(r"^\s*q\.", title) or title.startswith("quyền"):
        return [f"TM. {body}", "Q. CHỦ TỊCH"]
    return [f"TM. {body}", "CHỦ TỊCH"]


def who_concludes(record: MeetingRecord) -> str:
    """'Chủ tịch UBND xã' from the title ('... của Chủ tịch UBND xã với ...') or the chair's title."""
    match = re.search(r"\bcủa (.+?) với\b", record.meeting.title)
    if match:
        return match.group(1).strip()
    chair = signer(record)
    if chair and chair.title:
        return re.sub(r"^\s*(Q\.|Quyền)\s*", "", chair.title)
    return "Chủ tịch UBND xã"


def meeting_phrase(record: MeetingRecord) -> str:
    """The meeting's name without its 'của ...' part: 'Hội nghị tiếp xúc, đối thoại ... với Nhân dân ...'."""
    title = " ".join(record.meeting.title.split())
    return re.sub(r"\s+của .+? (?=với\b)", " ", title, count=1)


_LEVEL = re.compile(r"\b(xã|phường|thị trấn|đặc khu)\b", re.IGNORECASE)


def level_of(organisation: str) -> str:
    """'xã', 'phường', 'thị trấn' from the issuing body's name ('xã' when none is named)."""
    match = _LEVEL.search(organisation)
    return match.group(1).lower() if match else "xã"


def in_sentence(who: str) -> str:
    """'ông Nguyễn Văn An (thôn X)' from 'Ông Nguyễn Văn An (thôn X)': an honorific or
    'Phiếu' inside a sentence takes a small letter; a name never does."""
    first = who.split(" ", 1)[0]
    return who[:1].lower() + who[1:] if first in ("Ông", "Bà", "Phiếu", "Một") else who
