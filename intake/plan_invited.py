"""Who is invited, said in sentences rather than listed (a part of the plan reader).

- "… kính mời bà con cử tri hai ấp (…, dự kiến khoảng 110 bà con) đến dự": the count an invitation
  sentence gives to one of the addressees; "cùng dự có …": guests besides the invited.
- Who attends said in a list item of instructions: a letter to the hamlets (CÔNG VĂN) or a plan's
  tasks may say it inside its numbered items rather than in a "Thành phần" section: "2. Mời đại diện hộ gia đình dự hội nghị: mỗi thôn
mời 15 hộ, toàn xã 90 hộ; …", "3. Trưởng thôn, Bí thư chi bộ các thôn trực tiếp dự hội nghị, …".
The words before "(trực tiếp / cùng) (tham) dự hội nghị" at the start of the item are a group; a
head count in the same clause is its count, unless it is per unit ("mỗi thôn 15 hộ").
"""

from __future__ import annotations

import re

from .plan_dates import COUNT_UNITS
from .plan_found import sentence_end, tidy, trim
from db.plans import PlanGroup

_I = re.IGNORECASE
# "Mời <who> dự hội nghị", "<who> trực tiếp dự hội nghị" at the start of an item
_ATTENDS = re.compile(r"(?:(?:kính\s+)?mời\s+)?(?P<who>[^;:.()]{3,120}?)\s+(?:(?:trực\s+tiếp|cùng|đến)\s+)?(?:tham\s+)?dự\s+"
                      r"(?:hội\s+nghị|buổi\s+(?:đối\s+thoại|tiếp\s+xúc)|cuộc\s+họp)(?!\w)", _I)
# the words of an item that gives a task, not who attends: a verb of preparing or sending
_TASK = re.compile(r"(?<!\w)(?:chuẩn\s+bị|thông\s+báo|tổng\s+hợp|gửi|bảo\s+đảm|đảm\s+bảo|phối\s+hợp|tham\s+mưu|bố\s+trí"
                   r"|tuyên\s+truyền|chỉ\s+đạo|theo\s+dõi|có\s+trách\s+nhiệm|nhắc\s+nhở|mời\s+đúng)(?!\w)", _I)
# a head count in an invitation: of people, or of households invited ("toàn xã 90 hộ", "110 bà con")
_COUNT = re.compile(rf"(?<![\d/.,])(?P<n>\d{{1,5}})\s+(?:{COUNT_UNITS}|bà\s+con|hộ)(?!\w)", _I)


# "… kính mời <who> đến dự": the invited, as the sentence names them
_INVITE_SENTENCE = re.compile(r"(?<!\w)kính\s+mời\s+(?P<who>[^.;:]{3,300}?)\s+(?:đến\s+|đi\s+|về\s+)?(?:tham\s+)?dự(?!\w|\s+(?:án|kiến|thảo|toán)\b)", _I)
# "mỗi hộ cử 01 người", "mỗi thôn 15 hộ": a number per unit, not the group's count
_EACH = re.compile(r"mỗi\s+[^,;()]{0,30}$", _I)
# the words that name who a group is, before its places ("bà con cử tri | ấp …", "… | hai ấp")
_PLACE_WORD = re.compile(r"\s(?:ấp|thôn|bản|buôn|làng|khu\s+phố|tổ|xã|phường|các|những|hai|ba|bốn|năm|\d)(?!\w)|[(,;]", _I)
# "cùng dự có …", "cùng tham dự hội nghị còn có …": more who attend
_ALSO_ATTEND = re.compile(r"(?<!\w)cùng\s+(?:tham\s+)?dự(?:\s+(?:hội\s+nghị|buổi\s+\w+(?:\s+\w+)?))?\s+(?:còn\s+)?có\s+", _I)
# "… để giải đáp …", "… nhằm …": why they attend, not who they are
_PURPOSE = re.compile(r"\s(?:để|nhằm)\s", _I)


def _head_words(text: str) -> str:
    """The words before the first place or number word, casefolded; "" when fewer than two."""
    stop = _PLACE_WORD.search(text[:200])
    words = text[:stop.start() if stop else 200].casefold().split()
    return " ".join(words) if len(words) >= 2 else ""


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

    def invited_count(self) -> None:
        """ "… kính mời bà con cử tri hai ấp (…, dự kiến khoảng 110 bà con) đến dự": a count in the
        invitation sentence belongs to the one addressee without a count whose label starts with the
        same words as the invited ("Bà con cử tri ấp …"); none if no addressee, or more than one, fits."""
        for para in self.paras:
            if para.row is not None:
                continue
            for invite in _INVITE_SENTENCE.finditer(para.text, 0, min(len(para.text), 3000)):
                counts = [m for m in _COUNT.finditer(invite["who"]) if not _EACH.search(invite["who"], 0, m.start())]
                head = _head_words(invite["who"])
                fits = [g for g in self.plan.attendance if g.invited is None and head and _head_words(g.group) == head]
                if len(counts) == 1 and len(fits) == 1:
                    count = counts[0]
                    fits[0].invited = int(count["n"])
                    n = self.plan.attendance.index(fits[0])
                    start = invite.start("who")
                    self.found(f"attendance[{n}].invited", para, start + count.start(), start + count.end(),
                               "số người ghi trong câu mời")
                    return

    def guests(self) -> None:
        """ "…; cùng dự có đại diện Thường trực Đảng ủy, … và các công chức chuyên môn để giải đáp …":
        those who attend besides the invited, named in a sentence of the invitation."""
        for para in self.paras:
            if para.row is not None:
                continue
            for match in _ALSO_ATTEND.finditer(para.text, 0, min(len(para.text), 3000)):
                start = match.end()
                end = sentence_end(para.text[:start + 1000], start)
                purpose = _PURPOSE.search(para.text, start, end)
                self.groups(para, start, purpose.start() if purpose else end)
