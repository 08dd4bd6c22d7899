"""Chair, secretary and attendance stated where a plan gives out tasks or a script introduces
people (a part of the plan reader, used by plan_people and plan_attendance).

- A section that assigns tasks ("PHÂN CÔNG NHIỆM VỤ", "TỔ CHỨC THỰC HIỆN") says who chairs when
  one of its items gives someone the duty of chairing the meeting: "Đồng chí A, Chủ tịch UBND
  xã: chủ trì hội nghị; …". Chairing another meeting ("chủ trì cuộc họp chuẩn bị …") is not it.
- A task given to a named person makes them the secretary: "Giao công chức Văn phòng - Thống kê
  (đ/c B) làm thư ký hội nghị".
- A sentence that ends by introducing a list ("… giới thiệu các đồng chí chủ trì hội nghị hôm
  nay:", "Về dự hội nghị hôm nay, xin trân trọng giới thiệu:", "Tham dự hội nghị có:") makes the
  items under it the chairs, or the groups attending.
"""

from __future__ import annotations

import re

from .plan_source import section

_I = re.IGNORECASE
# the heading of a section that gives out tasks
TASKS_HEAD = re.compile(r"(?:phân\s+công(?:\s+nhiệm\s+vụ|\s+thực\s+hiện)?|tổ\s+chức\s+thực\s+hiện|nhiệm\s+vụ\s+cụ\s+thể)\s*:?\s*$", _I)
# the duty of chairing this meeting, as a clause of an item's duties
_CHAIR_DUTY = re.compile(r"(?:^|(?<=[;:,]\s))(?:trực\s+tiếp\s+)?(?:đồng\s+)?chủ\s+(?:trì|tọa|toạ)"
                         r"(?:\s+(?:hội\s+nghị|buổi\s+(?:đối\s+thoại|tiếp\s+xúc)|cuộc\s+đối\s+thoại|đối\s+thoại))?\s*(?=[;,.]|$)", _I)
# "Giao công chức Văn phòng - Thống kê (đ/c B) làm thư ký": the one given the task of secretary
SECRETARY_GIVEN = re.compile(r"(?:(?<!\w)(?:cử|giao|phân\s+công)\s+)(?P<who>[^.;:]{3,120}?)\s+(?:làm|là)\s+thư\s+ký(?!\w)", _I)
# a sentence that ends by introducing the chairs: "… các đồng chí chủ trì hội nghị hôm nay:"
_CHAIR_INTRO = re.compile(r"chủ\s+(?:trì|tọa|toạ)(?:\s+hội\s+nghị|\s+buổi\s+(?:đối\s+thoại|tiếp\s+xúc))?"
                          r"(?:\s+(?:hôm\s+nay|gồm(?:\s+có)?|là))*\s*:\s*$", _I)
# a sentence that ends by introducing who attends: "Về dự hội nghị hôm nay, xin trân trọng giới
# thiệu:", "Tham dự hội nghị hôm nay có:"
_ATTEND_INTRO = re.compile(r"(?<!\w)(?:về|đến|tới|tham)\s+dự\s+(?:hội\s+nghị|buổi\s+(?:đối\s+thoại|tiếp\s+xúc|gặp\s+mặt))"
                           r"(?:\s+hôm\s+nay)?(?:[^:.]{0,60}?(?:giới\s+thiệu|có|gồm(?:\s+có)?))?\s*:\s*$", _I)


class RolesMixin:
    """Part of the reader: uses self.paras and PeopleMixin.people / AttendanceMixin.groups."""

    def chairs_in_tasks(self):
        """[(item, people)] of the items of a task section that give the duty of chairing."""
        for i, para in enumerate(self.paras):
            if para.row is not None or para.level is None or not TASKS_HEAD.match(para.body):
                continue
            out = []
            for item in section(self.paras, i):
                colon = item.text.find(":", item.body_start)
                if item.row is not None or colon < 0 or colon - item.body_start > 150:
                    continue
                if _CHAIR_DUTY.search(item.text, colon + 1, min(len(item.text), colon + 400)):
                    people = self.people(item, item.body_start, colon)
                    if people:
                        out.append((item, people))
            if out:
                return out
        return None

    def chairs_introduced(self):
        """[(item, people)] of the list under a sentence that introduces the chairs."""
        for i, para in enumerate(self.paras):
            if para.row is not None or not para.text.endswith(":") or not _CHAIR_INTRO.search(para.text[-120:]):
                continue
            items = [p for p in section(self.paras, i) if p.row is None and p.marker]
            found = [(p, self.people(p, p.body_start, len(p.text))) for p in items]
            found = [(p, people) for p, people in found if people]
            if found:
                return found
        return None

    def attendance_introduced(self) -> bool:
        """The groups listed under a sentence that introduces who attends."""
        for i, para in enumerate(self.paras):
            if para.row is not None or not para.text.endswith(":") or not _ATTEND_INTRO.search(para.text[-200:]):
                continue
            for item in section(self.paras, i):
                if item.row is None and item.marker:
                    self.groups(item, item.body_start, len(item.text))
            if self.plan.attendance:
                return True
        return False

