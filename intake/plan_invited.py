"""Who is invited, said in a list item of instructions (a part of the plan reader).

A letter to the hamlets (CÔNG VĂN) or a plan's tasks may say who attends inside its numbered
items rather than in a "Thành phần" section: "2. Mời đại diện hộ gia đình dự hội nghị: mỗi thôn
mời 15 hộ, toàn xã 90 hộ; …", "3. Trưởng thôn, Bí thư chi bộ các thôn trực tiếp dự hội nghị, …".
The words before "(trực tiếp / cùng) (tham) dự hội nghị" at the start of the item are a group; a
head count in the same clause is its count, unless it is per unit ("mỗi thôn 15 hộ").
"""

from __future__ import annotations

import re

from .plan_found import tidy, trim
from .plan_source import Para
from db.plans import PlanGroup

_I = re.IGNORECASE
# "Mời <who> dự hội nghị", "<who> trực tiếp dự hội nghị" at the start of an item
_ATTENDS = re.compile(r"(?:(?:kính\s+)?mời\s+)?(?P<who>[^;:.()]{3,120}?)\s+(?:(?:trực\s+tiếp|cùng|đến)\s+)?(?:tham\s+)?dự\s+"
                      r"(?:hội\s+nghị|buổi\s+(?:đối\s+thoại|tiếp\s+xúc)|cuộc\s+họp)(?!\w)", _I)
# the words of an item that gives a task, not who attends: a verb of preparing or sending
_TASK = re.compile(r"(?<!\w)(?:chuẩn\s+bị|thông\s+báo|tổng\s+hợp|gửi|bảo\s+đảm|đảm\s+bảo|phối\s+hợp|tham\s+mưu|bố\s+trí"
                   r"|tuyên\s+truyền|chỉ\s+đạo|theo\s+dõi|có\s+trách\s+nhiệm|nhắc\s+nhở|mời\s+đúng)(?!\w)", _I)
_COUNT = re.compile(r"(?<![\d/.,])(?P<n>\d{1,5})\s+(?:hộ|người|đại\s+biểu|cử\s+tri)(?!\w)", _I)
_EACH = re.compile(r"mỗi\s+[^,;()]{0,30}$", _I)


class InvitedMixin:
    """Part of the reader (plan_attendance.AttendanceMixin): uses self.paras, .plan, .found."""

    def attendance_items(self) -> None:
        """The groups that list items of instructions say attend (see the module's doc)."""
        known = {g.group.casefold() for g in self.plan.attendance}
        for para in self.paras:
            if para.row is not None or not para.marker or para.level is None:
                continue
            said = _ATTENDS.match(para.text, para.body_start, min(len(para.text), para.body_start + 300))
            if not said or _TASK.search(said["who"]):
                continue
            start, end = trim(para.text, said.start("who"), said.end("who"))
            if end - start < 3 or para.text[start:end].casefold() in known:
                continue
            n = len(self.plan.attendance)
            group = PlanGroup(tidy(self.found(f"attendance[{n}].group", para, start, end)))
            clause_end = min(x for x in (para.text.find(";", said.end()), para.text.find(".", said.end()),
                                         len(para.text)) if x >= 0)
            counts = [m for m in _COUNT.finditer(para.text, said.end(), clause_end)
                      if not _EACH.search(para.text, said.end(), m.start())]
            if len(counts) == 1:
                group.invited = int(counts[0]["n"])
                self.found(f"attendance[{n}].invited", para, counts[0].start(), counts[0].end())
            self.plan.attendance.append(group)
