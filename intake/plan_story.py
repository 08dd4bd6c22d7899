"""A programme told as sentences in one paragraph under its heading (a part of the reader, used by
plan_programme.ProgrammeMixin):

    "Mở đầu, Văn phòng HĐND và UBND xã ổn định tổ chức … (10 phút). Tiếp theo, ông Bí thư Đảng ủy
    xã phát biểu khai mạc (10 phút). … Cuối cùng, ông Chủ tịch UBND xã kết luận hội nghị (15 phút)."

Each sentence that ends with its length in brackets is a step (three or more, or it is no
programme); the word that orders it ("Mở đầu,", "Tiếp theo,", "Sau đó,", "Cuối cùng,", "Phần chính
của hội nghị là") is not its content. Its leader, the subject of the sentence, is read as in any
timed programme whose steps open with their leaders (StepsMixin.leads_as_subjects).
"""

from __future__ import annotations

import re

from .plan_found import trim
from .plan_source import after

_I = re.IGNORECASE
# the end of a step told as a sentence: its length in brackets, then a full stop or the end
_TIMED_END = re.compile(r"\(\s*\d{1,3}\s*phút\s*\)\s*(?:[.;]|$)", _I)
# the word that orders a step: "Mở đầu,", "Tiếp theo,", "Sau đó,", "Cuối cùng,", "Phần chính của hội nghị là"
_ORDER = re.compile(r"(?:(?:mở\s+đầu|đầu\s+tiên|trước\s+hết|tiếp\s+theo|tiếp\s+đó|tiếp\s+sau|kế\s+đến|kế\s+tiếp|sau\s+đó"
                    r"|cuối\s+cùng)\s*,\s*|(?:phần|nội\s+dung)\s+chính(?:\s+của\s+(?:hội\s+nghị|buổi\s+[^\W\d_]+(?:\s+[^\W\d_]+)?))?"
                    r"\s+là\s+)", _I)
#: the fewest sentences that make a programme
MIN_STEPS = 3


class StoryMixin:
    """Part of the reader: uses self.paras, .plan, and ProgrammeMixin.add_step."""

    def programme_story(self, index: int) -> bool:
        """The steps told in the first paragraph under heading paras[index]; False if it tells none."""
        para = next((p for p in after(self.paras, index) if p.row is None), None)
        if para is None or para.marker or para.level is not None:
            return False
        text, pos = para.text, para.body_start
        ends = [match.end() for match in _TIMED_END.finditer(text, pos)]
        if len(ends) < MIN_STEPS:
            return False
        for stop in ends:
            start, end = trim(text, pos, stop)
            order = _ORDER.match(text, start, end)
            self.add_step(para, order.end() if order else start, end)
            pos = stop
        if len(self.plan.programme) < MIN_STEPS:
            self.plan.programme.clear()
            self.step_spans.clear()
            return False
        return True
