"""A weekly work schedule (LỊCH CÔNG TÁC TUẦN) that holds the meeting as one of its entries (a part
of the plan reader).

A commune's portal lists the leaders' week day by day ("THỨ TƯ (16/12)", "Sáng:", then "- 08h00 -
11h30: Đ/c … chủ trì Hội nghị tiếp xúc, đối thoại …" with indented "Thành phần:", "Thư ký:",
"Địa điểm:" lines). Only the entry in which someone chairs or holds the meeting itself is about it;
the other entries (a preparatory meeting in the same hall, a follow-up by the same chair) name
other rooms, people and dates. So the reader reads the schedule's heading and that one entry, the
other lines blanked (line numbers kept, every value keeps its source line), and takes the date
from the entry's day heading with the year of the week line ("Tuần 51 (Từ ngày 14/12/2026 …)").
When more than one entry (or none) holds such a meeting, the schedule is read as it is.
"""

from __future__ import annotations

import re
from datetime import date

from .plan_dates import start_and_end

_I = re.IGNORECASE
_SCHEDULE = re.compile(r"\s*LỊCH\s+CÔNG\s+TÁC(?!\w)")
# "THỨ TƯ (16/12)", "THỨ BẢY (19/12), CHỦ NHẬT (20/12)"
_DAY = re.compile(r"\s*(?:THỨ\s+(HAI|BA|TƯ|NĂM|SÁU|BẢY)|CHỦ\s+NHẬT)\s*\(\s*(\d{1,2})\s*/\s*(\d{1,2})\s*\)")
_WEEKDAY = {"HAI": 0, "BA": 1, "TƯ": 2, "NĂM": 3, "SÁU": 4, "BẢY": 5, None: 6}
# "Tuần 51 (Từ ngày 14/12/2026 đến ngày 20/12/2026)"
_WEEK = re.compile(r"\s*tuần\s+\d{1,2}\b[^\n]{0,40}?\d{1,2}\s*/\s*\d{1,2}\s*/\s*(20\d\d)", _I)
# an entry: "- 08h00 - 11h30: …", "Cả ngày: …", "Sáng: …"
_ENTRY = re.compile(r"\s*(?:[-+•]\s*)?(?:\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}|cả\s+ngày|sáng|chiều|tối)\b", _I)
# the meeting itself chaired or held in the entry (not "chủ trì họp … chuẩn bị Hội nghị đối thoại")
_HOLDS = re.compile(r"(?<!\w)(?:chủ\s+trì|tổ\s+chức)\s+(?:hội\s+nghị|buổi|cuộc)\s+(?:[^\W\d_]+\s+){0,2}?"
                    r"(?:tiếp\s+xúc|đối\s+thoại|gặp\s+mặt)", _I)


def schedule_entry(lines: list[str]) -> tuple[list[str], int] | None:
    """(the lines with only the schedule's heading and the meeting's entry kept, the index of the
    entry's day heading), or None when `lines` are not a schedule with one such entry."""
    top = next((i for i, line in enumerate(lines[:20]) if _SCHEDULE.match(line)), None)
    if top is None:
        return None
    found, day = [], None
    for i in range(top + 1, len(lines)):
        if _DAY.match(lines[i]):
            day = i
        elif _ENTRY.match(lines[i]) and _HOLDS.search(lines[i]) and day is not None:
            found.append((i, day))
    if len(found) != 1:
        return None
    entry, day = found[0]
    end = entry + 1
    while end < len(lines) and lines[end].strip() and not _ENTRY.match(lines[end]) and not _DAY.match(lines[end]):
        end += 1  # the entry's indented "Thành phần:", "Thư ký:", "Địa điểm:" lines
    keep = set(range(top + 1)) | {day} | set(range(entry, end))
    keep |= {i for i in range(top + 1, min(top + 4, len(lines))) if _WEEK.match(lines[i])}
    return [line if i in keep else "" for i, line in enumerate(lines)], day


class ScheduleMixin:
    """Part of the reader (plan_extract._Reader): the date and times of a schedule's entry."""

    schedule_day: int | None = None

    def schedule_when(self) -> None:
        if self.schedule_day is None:
            return
        day_para = next((p for p in self.paras if p.first == self.schedule_day + 1 and p.row is None), None)
        week = next((m for p in self.paras[:8] for m in [_WEEK.match(p.text)] if m), None)
        day = _DAY.match(day_para.text) if day_para else None
        if self.plan.date is None and day and week:
            try:
                value = date(int(week.group(1)), int(day.group(3)), int(day.group(2)))
            except ValueError:
                value = None
            if value and value.weekday() == _WEEKDAY[day.group(1)]:
                self.plan.date = value
                self.found("date", day_para, day.start(2), day.end(3),
                           f"lịch tuần: ngày ghi không kèm năm, lấy năm {value.year} của dòng “Tuần”")
        entry = next((p for p in self.paras if p.first > self.schedule_day + 1 and _ENTRY.match(p.text)), None)
        if entry is None or self.plan.start is not None:
            return
        colon = entry.text.find(":", 0, 40)
        first, last = start_and_end(entry.text[:colon]) if colon > 0 else (None, None)
        if first:
            self.plan.start = first.value
            self.found("start", entry, first.start, first.end, "giờ ghi ở đầu mục của lịch tuần")
        if first and last and self.plan.end is None and last.value > first.value:
            self.plan.end = last.value
            self.found("end", entry, last.start, last.end, "giờ ghi ở đầu mục của lịch tuần")
