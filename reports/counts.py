"""The notice's general part in figures, as communes write it: "15 lượt phát biểu với
31 ý kiến (09 ý kiến phát biểu, 01 phiếu ý kiến tại hội nghị)", then how many were
answered at the meeting, assigned, forwarded to the higher level and noted, a zero
said in words ("Không có ý kiến vượt thẩm quyền đề nghị cấp trên xem xét").

A turn of speech (lượt phát biểu) is a citizen taking the floor: every registered
speaker who spoke, plus every time a citizen spoke again after hearing the answer
(a spoken follow-up).
"""

from __future__ import annotations

from dataclasses import dataclass

from db.models import MeetingRecord, Outcome, Source, SpeakerStatus


@dataclass(frozen=True)
class NoticeCounts:
    turns: int
    by_source: dict[Source, int]
    by_outcome: dict[Outcome, int]
    unanswered: int

    @property
    def at_meeting(self) -> int:
        return self.by_source[Source.SPOKEN] + self.by_source[Source.SLIP]

    @property
    def total(self) -> int:
        return sum(self.by_source.values())


def notice_counts(record: MeetingRecord) -> NoticeCounts:
    took_floor = sum(1 for s in record.speakers if s.status in (SpeakerStatus.DONE, SpeakerStatus.SPEAKING))
    spoke_again = sum(1 for o in record.opinions if o.source is Source.SPOKEN and o.follows_id is not None)
    by_source = {source: 0 for source in Source}
    by_outcome = {outcome: 0 for outcome in Outcome}
    unanswered = 0
    for opinion in record.opinions:
        by_source[opinion.source] += 1
        if opinion.outcome is None:
            unanswered += 1
        else:
            by_outcome[opinion.outcome] += 1
    return NoticeCounts(took_floor + spoke_again, by_source, by_outcome, unanswered)


def n(count: int) -> str:
    """'09', '31': counts in the notice are written with two digits at least."""
    return f"{count:02d}"


def general_sentences(counts: NoticeCounts) -> list[str]:
    """The general part's figures, one sentence per paragraph."""
    spoken, slips, before = (counts.by_source[s] for s in (Source.SPOKEN, Source.SLIP, Source.BEFORE))
    at_meeting = [f"{n(spoken)} {Source.SPOKEN.count_phrase}" if spoken else f"không có {Source.SPOKEN.count_phrase}",
                  f"{n(slips)} {Source.SLIP.count_phrase}" if slips else f"không có {Source.SLIP.count_phrase}"]
    first = (f"Tại hội nghị có {n(counts.turns)} lượt phát biểu với {n(counts.at_meeting)} ý kiến, kiến nghị "
             f"({', '.join(at_meeting)})")
    if before:
        first += (f"; ngoài ra có {n(before)} {Source.BEFORE.count_phrase} (phiếu lấy ý kiến), "
                  f"nâng tổng số lên {n(counts.total)} ý kiến, kiến nghị.")
    else:
        first += f"; không có {Source.BEFORE.count_phrase}."
    if not counts.total:
        return [first, "Hội nghị không có ý kiến, kiến nghị nào cần kết luận."]
    parts = [f"{o.count_phrase} {n(counts.by_outcome[o])} ý kiến" for o in Outcome if counts.by_outcome[o]]
    second = f"Trong tổng số {n(counts.total)} ý kiến, kiến nghị: " + "; ".join(parts)
    if counts.unanswered:
        second += f"; chưa trả lời {n(counts.unanswered)} ý kiến"
    second += "."
    nones = [o.none_sentence for o in Outcome if not counts.by_outcome[o]]
    if nones:
        second += " " + ". ".join(nones) + "."
    return [first, second]
