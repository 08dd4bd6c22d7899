"""A roster of invitees (a part of the plan reader): the table an invitation sends "kèm theo",
TT | Họ và tên | Chức vụ | Đơn vị | Ghi chú.

A row that names a person is one invitee, not a group. A row merged across the columns
("12<TAB>Trưởng thôn các thôn (06 người)") names a group and its head count. The remark
"Thư ký hội nghị" in a person's row marks the secretary: the name without its honorific, the
title from the "Chức vụ" cell.
"""

from __future__ import annotations

import re

from .plan_found import tidy, trim
from .plan_source import after, cell_spans

_I = re.IGNORECASE
_NAME_HEAD = re.compile(r"họ\s+(?:và\s+)?tên", _I)
_TITLE_HEAD = re.compile(r"chức\s+vụ", _I)
_REMARK_HEAD = re.compile(r"ghi\s+chú", _I)
_SECRETARY_REMARK = re.compile(r"(?:làm\s+)?thư\s+ký(?:\s+hội\s+nghị)?", _I)
_HONORIFIC = re.compile(r"(?:đồng\s+chí|đ/c|ông|bà)\s+", _I)


class RosterMixin:
    """Part of the reader: uses self.paras, .plan, .found, .group."""

    def roster(self) -> tuple[int, list[str]] | None:
        """(index of the header row, its cells casefolded) of a table with a "Họ và tên" column."""
        for i, para in enumerate(self.paras):
            if para.row is not None and any(_NAME_HEAD.fullmatch(c.strip()) for c in para.row):
                return i, [c.strip().casefold() for c in para.row]
        return None

    def roster_rows(self, index: int):
        """(row, its non-empty cell spans) of the roster under header `index`."""
        for para in after(self.paras, index):
            if para.row is None:
                return
            spans = cell_spans(para.text) or []
            yield para, spans, [(a, b) for a, b in (trim(para.text, *s) for s in spans) if b > a]

    def attendance_roster(self) -> bool:
        """The groups of a roster: its rows of one number and one merged cell."""
        found = self.roster()
        if found is None:
            return False
        for para, _spans, filled in self.roster_rows(found[0]):
            if len(filled) == 2 and para.text[slice(*filled[0])].isdigit():
                self.group(para, *filled[1])
        return bool(self.plan.attendance)

    def roster_secretary(self) -> bool:
        """The person a roster's remark column marks "Thư ký hội nghị"."""
        found = self.roster()
        if found is None:
            return False
        index, header = found
        name = next(k for k, c in enumerate(header) if _NAME_HEAD.fullmatch(c))
        title = next((k for k, c in enumerate(header) if _TITLE_HEAD.fullmatch(c)), None)
        remark = next((k for k, c in enumerate(header) if _REMARK_HEAD.fullmatch(c)), None)
        if remark is None:
            return False
        for para, spans, _filled in self.roster_rows(index):
            if len(spans) != len(header) or not _SECRETARY_REMARK.fullmatch(para.text[slice(*trim(para.text, *spans[remark]))]):
                continue
            start, end = trim(para.text, *spans[name])
            honorific = _HONORIFIC.match(para.text, start, end)
            start = honorific.end() if honorific else start
            if end - start < 3:
                continue
            self.plan.secretary_name = tidy(self.found("secretary.name", para, start, end,
                                                       "thư ký theo cột Ghi chú của danh sách mời"), False)
            if title is not None:
                t_start, t_end = trim(para.text, *spans[title])
                if t_end > t_start:
                    self.plan.secretary_title = tidy(self.found("secretary.title", para, t_start, t_end))
            return True
        return False

