"""The report across meetings (báo cáo kết quả tiếp xúc, đối thoại và giải quyết kiến
nghị), for a period: month, quarter, 6 or 9 months, the year, or any two dates.

Counts: meetings held, attendance, turns of speech, opinions by source and by field,
answered at the meeting, assigned, forwarded, noted, then the follow-up (resolved,
explained, not resolvable, still open, overdue) and the share answered on the spot;
and one row per opinion in the petition trackers' column order. Written as .xlsx
(reports/report_xlsx.py) and as a printed document (reports/report_print.py).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field as dc_field
from datetime import date

import sqlite_utils

from db.followup_list import FollowItem, list_items
from db.vndate import dmy
from db.vocabulary import MeetingStatus, Outcome, Source, SpeakerStatus
from db.vocabulary_followup import DeadlineFlag, FollowState

UNCLASSIFIED = "Chưa phân loại"
#: The exchange sheet's columns, in the petition trackers' order.
COLUMNS = ("STT", "Nội dung kiến nghị", "Địa phương", "Lĩnh vực", "Cơ quan trả lời",
           "Văn bản trả lời (số, ngày)", "Ghi chú")
PERIODS = ("month", "quarter", "6m", "9m", "year")


class PeriodError(ValueError):
    """A period that cannot be understood; the message is for the user."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str  # 'quý II năm 2026', 'từ 01/06/2026 đến 30/06/2026'


def period(kind: str, year: int, number: int | None = None, today: date | None = None) -> Period:
    """The period `kind` of `year`: month/quarter `number`, or the one holding `today`
    (the last one of a past year)."""
    if kind not in PERIODS:
        raise PeriodError(f"kỳ báo cáo '{kind}' không có; chọn một trong: {', '.join(PERIODS)}")
    today = today or date.today()
    if kind == "month":
        n = number or (today.month if today.year == year else 12)
        if not 1 <= n <= 12:
            raise PeriodError(f"không có tháng {n}")
        return Period(date(year, n, 1), date(year, n, calendar.monthrange(year, n)[1]), f"tháng {n} năm {year}")
    if kind == "quarter":
        n = number or ((today.month - 1) // 3 + 1 if today.year == year else 4)
        if not 1 <= n <= 4:
            raise PeriodError(f"không có quý {n}")
        last = 3 * n
        return Period(date(year, last - 2, 1), date(year, last, calendar.monthrange(year, last)[1]),
                      f"quý {'I II III IV'.split()[n - 1]} năm {year}")
    if kind == "6m":
        return Period(date(year, 1, 1), date(year, 6, 30), f"6 tháng đầu năm {year}")
    if kind == "9m":
        return Period(date(year, 1, 1), date(year, 9, 30), f"9 tháng năm {year}")
    return Period(date(year, 1, 1), date(year, 12, 31), f"năm {year}")


def between(start: date, end: date) -> Period:
    if end < start:
        raise PeriodError(f"ngày kết thúc {dmy(end)} ở trước ngày bắt đầu {dmy(start)}")
    return Period(start, end, f"từ ngày {dmy(start)} đến ngày {dmy(end)}")


@dataclass(frozen=True)
class OpinionRow:
    """One row of the exchange sheet."""

    stt: int
    content: str
    locality: str
    field: str
    answering: str
    answer_ref: str
    note: str


@dataclass
class Report:
    period: Period
    as_of: date  # flags are counted on this day (the period's end, or today if earlier)
    organisations: list[str] = dc_field(default_factory=list)
    issuer: tuple[str, str | None, str] | None = None  # (organisation, parent, place) of the latest meeting
    meetings: int = 0
    attendance: int = 0
    turns: int = 0
    opinions: int = 0
    by_source: dict[Source, int] = dc_field(default_factory=dict)
    by_field: dict[str, int] = dc_field(default_factory=dict)
    by_outcome: dict[Outcome | None, int] = dc_field(default_factory=dict)
    followed: int = 0
    by_state: dict[FollowState, int] = dc_field(default_factory=dict)
    overdue: int = 0
    rows: list[OpinionRow] = dc_field(default_factory=list)

    @property
    def on_the_spot_share(self) -> float:
        """Share of the opinions answered at the meeting, in percent."""
        return 100 * self.by_outcome.get(Outcome.ANSWERED, 0) / self.opinions if self.opinions else 0.0

    def summary_rows(self) -> list[tuple[str, int | float]]:
        """(label, value) in the order the report prints them: the summary sheet's rows."""
        rows: list[tuple[str, int | float]] = [
            ("Số hội nghị đã tổ chức", self.meetings),
            ("Số người tham dự", self.attendance),
            ("Số lượt phát biểu", self.turns),
            ("Tổng số ý kiến, kiến nghị", self.opinions),
        ]
        rows += [(f"  - {s.label}", self.by_source.get(s, 0)) for s in Source]
        rows += [(f"Lĩnh vực: {name}", n) for name, n in self.by_field.items()]
        rows += [(o.label, self.by_outcome.get(o, 0)) for o in Outcome]
        if self.by_outcome.get(None):
            rows.append(("Chưa có kết quả", self.by_outcome[None]))
        rows.append(("Tỷ lệ trả lời tại hội nghị (%)", round(self.on_the_spot_share, 1)))
        rows.append(("Số việc phải theo dõi (giao giải quyết, kiến nghị cấp trên)", self.followed))
        rows += [(f"  - {s.label}", self.by_state.get(s, 0)) for s in FollowState]
        rows.append((f"Quá hạn (tính đến ngày {dmy(self.as_of)})", self.overdue))
        return rows


_MEETINGS = """SELECT id, organisation, parent, place_name FROM meetings WHERE date BETWEEN ? AND ? AND status != ? ORDER BY date, id"""


def build_report(db: sqlite_utils.Database, span: Period, today: date) -> Report:
    """Count everything for the meetings held in `span`, flags as of min(end, today)."""
    as_of = min(span.end, today)
    report = Report(period=span, as_of=as_of)
    rows = list(db.execute(_MEETINGS, [span.start.isoformat(), span.end.isoformat(), MeetingStatus.PLANNED.value]))
    ids = [r[0] for r in rows]
    report.organisations = list(dict.fromkeys(r[1] for r in rows))
    report.issuer = (rows[-1][1], rows[-1][2], rows[-1][3]) if rows else None
    report.meetings = len(ids)
    if not ids:
        return report
    marks = ", ".join("?" for _ in ids)
    report.attendance = sum(_attended(db, mid) for mid in ids)
    report.turns = db.execute(f"SELECT count(*) FROM speakers WHERE meeting_id IN ({marks}) AND status = ?",
                              [*ids, SpeakerStatus.DONE.value]).fetchone()[0]
    report.by_source = {s: 0 for s in Source}
    report.by_outcome = {o: 0 for o in Outcome}
    opinions = list(db.query(
        "SELECT o.id, o.meeting_id, o.number, o.source, o.outcome, o.content, o.answered_by, o.answered_at, "
        "f.name AS field, coalesce(s.hamlet, o.author_address) AS locality, m.date AS meeting_date "
        f"FROM opinions o JOIN meetings m ON m.id = o.meeting_id LEFT JOIN fields f ON f.id = o.field_id "
        f"LEFT JOIN speakers s ON s.id = o.speaker_id WHERE o.meeting_id IN ({marks}) "
        "ORDER BY m.date, o.meeting_id, o.number", ids))
    wanted = set(ids)
    followed = {i.opinion_id: i for i in list_items(db, as_of) if i.meeting_id in wanted}
    for stt, r in enumerate(opinions, 1):
        outcome = Outcome(r["outcome"]) if r["outcome"] else None
        report.by_source[Source(r["source"])] += 1
        report.by_outcome[outcome] = report.by_outcome.get(outcome, 0) + 1
        field = r["field"] or UNCLASSIFIED
        report.by_field[field] = report.by_field.get(field, 0) + 1
        report.rows.append(_row(stt, r, outcome, followed.get(r["id"])))
    report.opinions = len(opinions)
    report.followed = len(followed)
    report.by_state = {s: sum(1 for i in followed.values() if i.state is s) for s in FollowState}
    report.overdue = sum(1 for i in followed.values() if i.flag is DeadlineFlag.OVERDUE)
    return report


def _attended(db: sqlite_utils.Database, meeting_id: int) -> int:
    """Those counted present, else those invited (the plan's figure)."""
    present, invited = db.execute('SELECT sum(present), sum(invited) FROM attendance WHERE meeting_id = ?',
                                  [meeting_id]).fetchone()
    return present if present is not None else (invited or 0)


def _row(stt: int, r: dict, outcome: Outcome | None, item: FollowItem | None) -> OpinionRow:
    where = f"Hội nghị ngày {dmy(r['meeting_date'])}, ý kiến số {r['number']}"
    if item is not None:
        answering = item.answer_agency or item.agency
        ref = item.answer_reference or ""
        note = f"{item.state.label}; " + (f"{item.flag_text}; " if item.flag else "")
        note += f"hạn {dmy(item.deadline)}; " if item.deadline else ""
    elif outcome is Outcome.ANSWERED:
        answering = r["answered_by"] or ""
        ref = f"Trả lời tại hội nghị ngày {dmy(r['meeting_date'])}"
        note = ""
    else:
        answering, ref = "", ""
        note = (outcome.label + "; ") if outcome else "Chưa trả lời; "
    return OpinionRow(stt, r["content"], r["locality"] or "", r["field"] or UNCLASSIFIED, answering, ref,
                      note + where)
