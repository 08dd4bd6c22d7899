"""Attendance groups found anywhere, chosen by their context (a part of the reader, used when the
rules of plan_attendance.py find no group; issue 15).

A group is a label with its head count. The fallback looks for such pairs wherever they are:

- lines that end with a count after dotted leaders, a dash, a colon, a bracket or a run of
  spaces ("Các ban, ngành, đoàn thể xã ........ 10 người", "— Bí thư chi đoàn các bản — 12 người",
  "Hộ dân ấp An Thạnh          90 người"), taken as a run of two or more consecutive lines under a
  heading or line that speaks of who attends (thành phần, mời, tham dự, đại biểu, đối tượng …);
- one sentence that speaks of who attends and gives two or more counts in brackets ("Hội nghị có
  sự tham gia của A (05 đại biểu), B (08 đại biểu) cùng C (60 hộ)").

A total line ("Tổng số …", "Cộng …") is no group; whatever the fallback proposes passes the same
test of a group's label as the rules' groups (plan_group_label.py). Each value keeps its source
line and a note that says how it was found.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .plan_dates import COUNT_UNITS, FoundCount
from .plan_fallback_programme import SLOT, VERBS as _VERBS
from .plan_found import Finding, tidy, trim

_I = re.IGNORECASE
NOTE = "tìm theo ngữ cảnh (không theo mẫu quen): cần kiểm tra"
_UNITS = COUNT_UNITS + r"|hộ|bà\s+con|thành\s+viên|đoàn\s+viên|hội\s+viên"
# a line that ends with its count
_LINE = re.compile(rf"(?P<label>.{{3,200}}?)(?:\s*(?:\.{{3,}}|…+)\s*|\s+[-–—]+\s+|\s*:\s*|\s{{2,}}|\s*\(\s*)"
                   rf"(?P<count>(?P<n>\d{{1,4}})\s*(?:{_UNITS}))(?!\w)\s*\)?\s*[.;,]?\s*", _I)
# a count in brackets inside a sentence: "(05 đại biểu)"
_BRACKET = re.compile(rf"\(\s*(?P<count>(?P<n>\d{{1,4}})\s*(?:{_UNITS}))\s*\)", _I)
# who attends: the words of a heading or sentence over the groups
_ATTENDS = re.compile(r"thành\s+phần|mời|tham\s+dự|tham\s+gia|dự\s+(?:họp|hội\s+nghị)|đại\s+biểu|đối\s+tượng|người\s+dự", _I)
_TOTAL = re.compile(r"\s*(?:tổng|cộng|tổng\s+số|tổng\s+cộng|toàn\s+bộ)(?!\w)", _I)
# before the first group of a sentence: "có sự tham gia của", "gồm có", "mời"
_INTRO = re.compile(r"(?:tham\s+gia|tham\s+dự|có\s+mặt)\s+của\s+|gồm(?:\s+có)?\s*:?\s+|(?<!\w)mời\s+|:\s+", _I)
# between groups: ", ", "; ", " và ", " cùng (với) "
# what a group's label starts with: a body, an office, the people of a place
_GROUP_WORDS = re.compile(r"\s*(?:các\s+(?:đồng\s+chí\s+)?)?(?:ban|thường\s+trực|đại\s+diện|nhân\s+dân|bí\s+thư|trưởng|phó|hộ|cử\s+tri"
                          r"|đoàn|lãnh\s+đạo|công\s+chức|cán\s+bộ|đại\s+biểu|hội|chi\s+(?:bộ|hội)|bà\s+con|đảng\s+(?:viên|ủy|uỷ)"
                          r"|ủy\s+ban|uỷ\s+ban|ubnd|hđnd|mttq|ub\s+mttq|công\s+an|thôn|xóm|ấp|bản|khu\s+phố|tổ|già\s+làng"
                          r"|người|thành\s+viên|hợp\s+tác\s+xã|doanh\s+nghiệp|tiểu\s+thương|chủ\s+tịch|mời)(?!\w)", _I)
_PROGRAMME_WORDS = re.compile(r"chương\s+trình|trình\s+tự|diễn\s+biến|nhiệm\s+vụ|phân\s+công|tổ\s+chức\s+thực\s+hiện", _I)
# "Thời gian: …", "Địa điểm: …": a label and its value, not a group (a group's count after a colon is)
_LABEL_VALUE = re.compile(rf"\s*[^:]{{2,40}}:\s(?!.*\d\s*(?:{_UNITS}))", _I)
_JOIN = re.compile(r"[\s,;]*(?:(?:và|cùng(?:\s+với)?|với)\s+)?", _I)


class AttendanceFallbackMixin:
    """Part of the reader: uses self.paras, .plan, .findings, .group, .keep_groups."""

    def attendance_anywhere(self) -> bool:
        first = len(self.findings)
        if not (self._counted_lines() or self._counted_sentence() or self._group_list()):
            return False
        self.keep_groups()
        self.findings[first:] = [_clean(f, self.plan.attendance) for f in self.findings[first:]]
        return bool(self.plan.attendance)

    def _counted_lines(self) -> bool:
        runs, run = [], []
        for index, para in enumerate(self.paras):
            match = _LINE.fullmatch(para.text, para.body_start) if para.row is None and len(para.text) < 300 else None
            if match and not _TOTAL.match(match["label"]):
                run.append((index, para, match))
                continue
            if match:  # a total line ends the run without breaking it
                continue
            if len(run) >= 2:
                runs.append(run)
            run = []
        if len(run) >= 2:
            runs.append(run)
        for run in runs:
            index = run[0][0]
            above = [p for p in self.paras[max(0, index - 2):index] if p.row is None and len(p.text) < 200]
            if not any(_ATTENDS.search(p.text) for p in above):
                continue
            for _, para, match in run:
                self.group(para, match.start("label"), match.end("label"), _count(match), 0)
            return True
        return False

    def _counted_sentence(self) -> bool:
        for para in self.paras:
            if para.row is not None or len(para.text) > 3000:
                continue
            counts = list(_BRACKET.finditer(para.text))
            if len(counts) < 2:
                continue
            sentence_start = max(para.text.rfind(". ", 0, counts[0].start()) + 2, para.body_start)
            head = para.text[sentence_start:counts[0].start()]
            if not _ATTENDS.search(head):
                continue
            intro = None
            for intro in _INTRO.finditer(para.text, sentence_start, counts[0].start()):
                pass
            pos = intro.end() if intro else sentence_start
            for count in counts:
                if para.text.find(". ", pos, count.start()) != -1:
                    break  # the sentence ended: the counts after it belong elsewhere
                self.group(para, *trim(para.text, pos, count.start()), _count(count), 0)
                pos = _JOIN.match(para.text, count.end()).end()
            return bool(self.plan.attendance)
        return False

    def _group_list(self) -> bool:
        """A list (the same candidates as the programme's: marker runs, table rows, one sentence's
        parts) under words about who attends, whose items name bodies or people by their office."""
        for run in self._candidate_lists():
            items = [(para, start, end) for para, start, end, _ in run["items"] if para.row is None]
            if len(items) < 2 or len(items) != len(run["items"]):
                continue
            intro = run.get("intro") or " ".join(p.text for p in self.paras[max(0, run["index"] - 2):run["index"]]
                                                  if len(p.text) < 200)
            if not _ATTENDS.search(intro) or _PROGRAMME_WORDS.search(intro):
                continue
            texts = [para.text[start:end] for para, start, end in items]
            good = sum(bool(_GROUP_WORDS.match(t.strip(" -+•*")) and len(t) < 250 and not SLOT.search(t)
                            and not _VERBS.search(t) and not _LABEL_VALUE.match(t)) for t in texts)
            if good * 3 < len(items) * 2 or good < 2:
                continue
            for para, start, end in items:
                self.group(para, *trim(para.text, start, end))
            if self.plan.attendance:
                return True
        return False

    def drop_groups_on(self, lines: set[int]) -> None:
        """Groups that a rule read from the lines of the programme (found later by the fallback) are
        the programme's steps, not groups."""
        wrong = {f.field.split(".")[0] for f in self.findings
                 if f.field.startswith("attendance[") and f.field.endswith(".group") and f.line in lines}
        if not wrong:
            return
        self.keep_attendance([i for i in range(len(self.plan.attendance)) if f"attendance[{i}]" not in wrong])


def _count(match: re.Match) -> FoundCount:
    return FoundCount(int(match["n"]), match["count"], match.start("count"), match.end("count"))


# the words around a label that are not the group: a list's dash, a category before a colon
# ("Khách mời: …", "Cấp xã: …"), what introduces the count ("…: mời", "…; số lượng")
_LABEL_HEAD = re.compile(r"\s*(?:[-–+•]\s+)?(?:[^:,;()]{2,30}:\s+(?=\S{3}))?")
_LABEL_TAIL = re.compile(r"[\s;,:]*(?:(?:số\s+lượng|mời|khoảng|dự\s+kiến|gồm(?:\s+có)?)[\s:]*)?$", _I)


def _clean(finding: Finding, groups: list) -> Finding:
    """A group's finding with its note, its label without the words around it (the plan's label
    set to match); the value stays a piece of its source text."""
    finding = replace(finding, note=finding.note or NOTE)
    index = re.fullmatch(r"attendance\[(\d+)\]\.group", finding.field)
    if not index or int(index.group(1)) >= len(groups):
        return finding
    value = finding.value
    tail = _LABEL_TAIL.search(value).start()
    head = _LABEL_HEAD.match(value, 0, tail).end()
    if tail - head < 3 or value[head:tail] == value:
        return finding
    groups[int(index.group(1))].group = tidy(value[head:tail])
    return replace(finding, value=value[head:tail])
