"""Dates, times and head counts as Vietnamese plans write them.

Every function returns what it read *and* the exact text it read it from (`text`),
so a caller can show the secretary the source of each value. Nothing is guessed:
a date without a day, or without a year, comes back as `VagueDate` with a note.

Forms read (case-insensitive, NFC input):

- dates: "ngày 08 tháng 12 năm 2023", "ngày 11 tháng 8/2023", "ngày 20/05/2024",
  "12/11/2024", "20-05-2024", "20.05.2024"; vague: "tháng 6/2026", "ngày 08/12"
- times: "7h30p", "7h30", "8h", "13h30", "14h00'", "7 giờ 30 phút", "7 giờ", "07:30",
  "7g30", "7 giờ rưỡi" (half past), "2 giờ chiều" (afternoon/evening adds 12 hours)
- counts: "khoảng 100 người", "Dự kiến 120 - 150 đại biểu", "05 đồng chí"
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, time

# What may stand just before a date that is not the meeting's: a deadline ("trước ngày"),
# a source document ("Kế hoạch số 24-KH/ĐU ngày", "Công văn 112/UBND-VP, ngày"). They are
# checked on the end of the text before the date with string operations, not a regex
# search over a window, so that a text with many dates is read in linear time.
_DEADLINE_WORDS = ("trước", "chậm nhất", "hạn", "hoàn thành", "kể từ", "sau", "đến hết", "ban hành", "ký")
_DOC_KINDS = re.compile(r"(?:KH|QĐ|CV|TB|NQ|ĐA|CT|HD)-[\w./-]+$", re.IGNORECASE)
_DOC_NUMBER = re.compile(r"[\w.-]*/[\w.-]+$")
# "20/12/2025" before a time is the meeting's date, not a document number ("97/KH-UBND")
_BARE_DATE = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?[,;.]?")
_TAIL_DROP = re.compile(r"(?:\s|^)(?:ngày|là|vào|đến)$", re.IGNORECASE)

# every form below has a digit, then "/", "." or "-" and a digit, or "tháng" and a digit
_MAYBE_DATE = re.compile(r"\d\s*[/.-]\s*\d|tháng\s+\d", re.IGNORECASE)
_FULL_VN = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,\s*)?(?:năm\s+|/\s*|-\s*)(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"(?:ngày\s+)?(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?![\d/])",
    re.IGNORECASE,
)
_MONTH_ONLY = re.compile(
    r"(?:ngày\s+)?tháng\s+(?P<m>\d{1,2})\s*(?:,\s*)?(?:năm\s+|/\s*|-\s*)(?P<y>\d{4})(?!\d)", re.IGNORECASE
)
_NO_YEAR = re.compile(
    # "ngay 15/12": a message typed without diacritics
    r"ng(?:à|a)y\s+(?P<d>\d{1,2})\s*(?:/|\s+tháng\s+)\s*(?P<m>\d{1,2})(?!\d)(?!\s*(?:/|-|năm|,\s*năm)\s*\d)",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"(?:th(?:ứ|u)\s+(hai|ba|tư|năm|sáu|bảy|[2-7])|(chủ nhật))\s*,?\s*(?:ng(?:à|a)y\s*)?(?:\(\s*)?$",
                      re.IGNORECASE)
_WEEKDAYS = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "4": 2, "năm": 3, "5": 3, "sáu": 4, "6": 4,
             "bảy": 5, "7": 5}
_WEEKDAY_NAMES = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]

_TIME = re.compile(
    r"(?<![\w/.,:'])(?P<h>\d{1,2})\s*(?:giờ|h|g|:)\s*(?:(?P<m>\d{2})\s*(?:phút|ph|p|')?|(?P<half>rưỡi))?"
    r"(?:\s*(?P<part>sáng|trưa|chiều|tối))?(?![\w/])",
    re.IGNORECASE,
)
_RANGE_GAP = re.compile(r"^\s*,?\s*(?:-|–|—|đến|tới|đến hết)\s*$", re.IGNORECASE)

#: The words a head count of people is said in ("15 người", "12 đ/c"): the list every rule that
#: reads a count builds on (plan_invited adds households, "90 hộ", for an invitation's quota).
COUNT_UNITS = r"người|đại\s+biểu|đồng\s+chí|đ/c|cử\s+tri|công\s+dân|hộ\s+dân"
COUNT = re.compile(
    r"(?P<qual>(?:(?:khoảng|dự kiến|tổng số|tổng cộng|chừng|trên|hơn|gần|tối đa|từ)\s+)*)"
    r"(?<![\d/.])(?P<low>\d{1,5})(?:\s*(?:-|–|đến|tới)\s*(?P<high>\d{1,5}))?\s*"
    rf"(?P<unit>{COUNT_UNITS})(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    value: date
    text: str
    start: int
    end: int
    note: str = ""


@dataclass(frozen=True)
class VagueDate:
    """A date the text gives only in part (no day, no year) or that is impossible."""

    text: str
    start: int
    end: int
    note: str


@dataclass(frozen=True)
class FoundTime:
    value: time
    text: str
    start: int
    end: int
    note: str = ""


@dataclass(frozen=True)
class FoundCount:
    value: int
    text: str
    start: int
    end: int
    note: str = ""


class _Spans:
    """Text spans already read, kept in groups that each grow left to right (one regex's
    matches), so a check costs a binary search per group, not a scan of every span:
    reading stays linear in the size of the text."""

    def __init__(self) -> None:
        self.groups: list[tuple[list[int], list[int]]] = []

    def add(self, start: int, end: int) -> None:
        if not self.groups or (self.groups[-1][0] and self.groups[-1][0][-1] > start):
            self.groups.append(([], []))
        self.groups[-1][0].append(start)
        self.groups[-1][1].append(end)

    def free(self, start: int, end: int) -> bool:
        """No span overlaps [start, end)."""
        for starts, ends in self.groups:
            i = bisect_right(starts, start)
            if i and ends[i - 1] > start:
                return False
            if i < len(starts) and starts[i] < end:
                return False
        return True

    def covers(self, pos: int) -> bool:
        for starts, ends in self.groups:
            i = bisect_right(starts, pos)
            if i and ends[i - 1] > pos:
                return True
        return False


def _is_excluded(text: str, start: int) -> bool:
    """A deadline ("trước ngày ...") or a source document's date ("Kế hoạch số 24-KH/ĐU ngày ...")."""
    before = text[max(0, start - 40):start].rstrip().casefold()
    if before.endswith("ngày"):
        before = before[:-4].rstrip()
    if before.endswith(","):
        before = before[:-1].rstrip()
    words = before.split()
    if words and (_DOC_KINDS.search(words[-1]) or (_DOC_NUMBER.search(words[-1])
                                                    and not _BARE_DATE.fullmatch(words[-1]))):
        return True
    if words and (words[-1].rstrip(":") == "số" or (len(words) > 1 and words[-2].rstrip(":") == "số")
                  or words[-1].startswith("số:")):
        return True
    for _ in range(2):  # "trước ngày", "hạn là ngày", "chậm nhất đến ngày"
        if before.endswith(_DEADLINE_WORDS):
            return True
        dropped = _TAIL_DROP.search(before)
        if not dropped:
            break
        before = before[:dropped.start()].rstrip()
    return before.endswith(_DEADLINE_WORDS)


def find_dates(text: str) -> list[FoundDate | VagueDate]:
    """Every date in `text` that is not a deadline or a document reference, in order."""
    found: list[FoundDate | VagueDate] = []
    if not _MAYBE_DATE.search(text):
        return found
    taken = _Spans()

    for pattern in (_FULL_VN, _NUMERIC):
        for match in pattern.finditer(text):
            if not taken.free(match.start(), match.end()) or _is_excluded(text, match.start()):
                continue
            taken.add(match.start(), match.end())
            d, m, y = int(match["d"]), int(match["m"]), int(match["y"])
            try:
                value = date(y, m, d)
            except ValueError:
                found.append(VagueDate(match.group(), match.start(), match.end(),
                                       f"“{match.group()}” không phải ngày có thật"))
                continue
            weekday = _WEEKDAY.search(text[max(0, match.start() - 20):match.start()])
            if weekday:
                wanted = 6 if weekday.group(2) else _WEEKDAYS[weekday.group(1).lower()]
                if wanted != value.weekday():
                    found.append(VagueDate(
                        match.group(), match.start(), match.end(),
                        f"văn bản ghi “{weekday.group().strip(' ,(')}” nhưng {value:%d/%m/%Y} là "
                        f"{_WEEKDAY_NAMES[value.weekday()]}: chưa rõ ngày nào đúng"))
                    continue
            found.append(FoundDate(value, match.group(), match.start(), match.end()))
    for pattern, note in ((_MONTH_ONLY, "chỉ ghi {}, chưa có ngày cụ thể"),
                          (_NO_YEAR, "“{}” không ghi năm")):
        for match in pattern.finditer(text):
            if not taken.free(match.start(), match.end()) or _is_excluded(text, match.start()):
                continue
            taken.add(match.start(), match.end())
            shown = match.group()
            if pattern is _MONTH_ONLY:
                shown = re.sub(r"^ngày\s+", "", shown, flags=re.IGNORECASE)
            found.append(VagueDate(match.group(), match.start(), match.end(), note.format(shown)))
    return sorted(found, key=lambda f: f.start)


def find_times(text: str) -> list[FoundTime]:
    """Every clock time in `text`, in order; a date's digits are never read as a time."""
    dates = _Spans()
    for found in find_dates(text):
        dates.add(found.start, found.end)
    out: list[FoundTime] = []
    for match in _TIME.finditer(text):
        if dates.covers(match.start()):
            continue
        hour, minute = int(match["h"]), 30 if match["half"] else int(match["m"] or 0)  # "7 giờ rưỡi"
        if match["m"] is None and not re.search(r"giờ|h|g", match.group(), re.IGNORECASE):
            continue  # "7:" alone is not a time
        part = (match["part"] or "").lower()
        if part in ("chiều", "tối") and hour < 12:
            hour += 12
        if hour > 23 or minute > 59:
            continue
        if _is_excluded(text, match.start()):
            continue
        out.append(FoundTime(time(hour, minute), match.group(), match.start(), match.end()))
    return out


def start_and_end(text: str) -> tuple[FoundTime | None, FoundTime | None]:
    """The start time, and the end time when written as a range ("từ 14h00' đến 16h30'")."""
    times = find_times(text)
    if not times:
        return None, None
    start = times[0]
    end = None
    if len(times) > 1 and _RANGE_GAP.match(text[start.end:times[1].start]):
        end = times[1]
    return start, end


def find_counts(text: str) -> list[FoundCount]:
    """Head counts ("khoảng 100 người"); a range "120 - 150" counts as its upper bound."""
    out = []
    for match in COUNT.finditer(text):
        low, high = int(match["low"]), match["high"]
        note = ""
        value = low
        if high is not None:
            value = max(low, int(high))
            note = (f"ghi khoảng {low} - {high}: lấy cận trên {value} "
                    "để chuẩn bị đủ chỗ ngồi và tài liệu")
        elif match["qual"].strip():
            note = f"ghi “{match['qual'].strip()} {low}”: số dự kiến"
        out.append(FoundCount(value, match.group(), match.start(), match.end(), note))
    return out
