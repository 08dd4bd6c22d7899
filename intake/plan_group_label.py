"""What an attendance group's label is, and what it is not (a part of the plan reader).

A group is named by a noun phrase: a body ("Ban Thường trực Ủy ban MTTQ Việt Nam xã"), a role
("Trưởng thôn các thôn"), a kind of people ("Đại diện hộ gia đình các thôn"). Every rule that
proposes groups (a "Thành phần" section, a table, a sentence, a "Kính gửi" list, an item of
tasks) hands its candidates to `not_a_group`, one test for all of them; a candidate it rejects
is dropped with its findings. Not a group:

- a sentence with a verb of instruction ("Mỗi thôn 11 người do Trưởng thôn lựa chọn, lập danh
  sách gửi về …"; a quota alone, "Mỗi hộ 01 người", does say who comes);
- a reference to a document ("Theo Kế hoạch số 201/KH-UBND ngày …");
- one named person ("Đồng chí Nguyễn Văn Lực, Bí thư Đảng ủy xã");
- a pointer to a list elsewhere ("Các đồng chí, ông (bà) có tên trong danh sách kèm theo");
- only generic words that introduce a list ("Đại biểu, cụ thể");
- a programme step, which ends with its duration ("Khai mạc hội nghị: đ/c Bí thư (10')").
"""

from __future__ import annotations

import re
from dataclasses import replace

from .plan_found import is_name

_I = re.IGNORECASE

# verbs that instruct someone to do something: a sentence of tasks, not a label
_INSTRUCTION = re.compile(r"(?<!\w)(?:lựa\s+chọn|lập\s+danh\s+sách|gửi\s+(?:về|danh\s+sách|đến)|chịu\s+trách\s+nhiệm"
                          r"|có\s+trách\s+nhiệm|đề\s+nghị|triệu\s+tập|thông\s+báo\s+(?:đến|cho))(?!\w)", _I)
# "Theo Kế hoạch số …", "Căn cứ …", "… số 201/KH-UBND": a document, not people
_REFERENCE = re.compile(r"(?:theo|căn\s+cứ|thực\s+hiện)\s+(?:kế\s+hoạch|quyết\s+định|công\s+văn|thông\s+báo|giấy\s+mời"
                        r"|chương\s+trình|văn\s+bản|hướng\s+dẫn|chỉ\s+thị|nghị\s+quyết)(?!\w)", _I)
_DOC_NUMBER = re.compile(r"(?<!\w)số\s*:?\s*\d{1,5}/[A-ZĐ]{1,6}(?:-[A-ZĐ]{1,8})*")
# "có tên trong danh sách kèm theo", "theo danh sách đính kèm": the groups are listed elsewhere
_POINTER = re.compile(r"(?<!\w)(?:có\s+tên\s+)?(?:trong|theo|tại)\s+danh\s+sách(?:\s+(?:kèm\s+theo|đính\s+kèm|gửi\s+kèm))?"
                      r"|danh\s+sách\s+(?:kèm\s+theo|đính\s+kèm|gửi\s+kèm)", _I)
# "Đồng chí Nguyễn Văn Lực, Bí thư …": an honorific and a name open the label
_HONORIFIC = re.compile(r"(?:đồng\s+chí|đ/c|ông|bà)\s+", _I)
# nothing but the words that announce a list ("Đại biểu, cụ thể", "Các đồng chí sau")
_ONLY_INTRO = re.compile(r"(?:[\s,:]|các|đại\s+biểu|đồng\s+chí|thành\s+phần|cụ\s+thể|như\s+sau|sau\s+đây|sau|gồm(?:\s+có)?"
                         r"|bao\s+gồm)*", _I)


# "(10')", "(15 phút)" closing the text: the time a step of the programme takes
_DURATION_END = re.compile(r"\(\s*\d{1,3}\s*(?:'|’|phút)\s*\)\s*$", _I)


_LAST_BRACKET = re.compile(r"\s*\([^()]{3,200}\)\s*[.;]?\s*$")


def instruction_remark(text: str, start: int, end: int) -> int | None:
    """Where a closing remark in brackets that gives an instruction starts ("đại diện hộ gia đình
    các ấp (mỗi hộ 01 người, Trưởng ấp lập danh sách gửi về …)") or points to a list ("(có danh sách
    kèm theo)"): not part of the group's label."""
    bracket = _LAST_BRACKET.search(text, max(start, end - 220), end)
    if bracket and bracket.start() - start >= 3 and (_INSTRUCTION.search(text, bracket.start(), bracket.end())
                                                     or _POINTER.search(text, bracket.start(), bracket.end())):
        return bracket.start()
    return None


def not_a_group(label: str) -> str:
    """Why `label` is not an attendance group's label ("" when it is one)."""
    text = " ".join(label.split()).strip(" .;,:-–+•*")
    if _INSTRUCTION.search(re.sub(r"\([^()]*\)", "", text)):  # an instruction in brackets is a remark
        return "một câu giao việc, không phải tên nhóm"
    if _REFERENCE.match(text) or _DOC_NUMBER.search(text):
        return "dẫn một văn bản, không phải tên nhóm"
    if _POINTER.search(text):
        return "trỏ đến danh sách ở nơi khác"
    honorific = _HONORIFIC.match(text)
    if honorific:
        words = re.split(r"[,(–—]|\s-\s", text[honorific.end():], maxsplit=1)[0].split()
        if is_name(words):
            return "một người có tên, không phải một nhóm"
    if _DURATION_END.search(text):
        return "một bước của chương trình (có thời lượng), không phải tên nhóm"
    if _ONLY_INTRO.fullmatch(text):
        return "lời dẫn danh sách, không phải tên nhóm"
    return ""


class GroupLabelMixin:
    """Part of the reader: drops the proposed groups that are not groups (uses .plan, .findings)."""

    def keep_groups(self) -> None:
        keep = [i for i, group in enumerate(self.plan.attendance) if not not_a_group(group.group)]
        if len(keep) < len(self.plan.attendance):
            self.keep_attendance(keep)

    def keep_attendance(self, keep: list[int]) -> None:
        """Keep only the groups at these indexes, with their findings renumbered."""
        renumber = {old: new for new, old in enumerate(keep)}
        findings = []
        for finding in self.findings:
            index = re.match(r"attendance\[(\d+)\]", finding.field)
            if index:
                old = int(index.group(1))
                if old not in renumber:
                    continue
                finding = replace(finding, field=f"attendance[{renumber[old]}]" + finding.field[index.end():])
            findings.append(finding)
        self.findings = findings
        self.plan.attendance = [self.plan.attendance[i] for i in keep]

    def groups_kept(self) -> bool:
        """After a rule proposed groups: whether any is a group."""
        self.keep_groups()
        return bool(self.plan.attendance)
