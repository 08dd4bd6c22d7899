"""Topics and programme of a plan document (a part of the reader)."""

from __future__ import annotations

import re

from .plan_dates import start_and_end
from .plan_found import sentence_end, tidy, trim
from .plan_source import Para, after, cell_spans, section
from .plan_step_notes import step_tail
from .plan_story import StoryMixin
from .plan_steps import StepsMixin, detail_after, detail_at, is_detail, nested, said_lead, step_kind
from db.plans import PlanStep

_I = re.IGNORECASE
_TOPIC_HEAD = re.compile(r"nội\s+dung", _I)
_PROGRAMME_HEAD = re.compile(r"chương\s+trình(?:\s+hội\s+nghị)?[^:]{0,60}:\s*$", _I)
# a heading of the programme without a colon ("III. CHƯƠNG TRÌNH HỘI NGHỊ", "5. Trình tự hội nghị")
_PROGRAMME_TITLE = re.compile(r"(?:nội\s+dung\s*,?\s+(?:và\s+)?)?(?:chương\s+trình|trình\s+tự|diễn\s+biến|tiến\s+trình)(?:\s+(?:hội\s+nghị|buổi\s+"
                              r"(?:đối\s+thoại|tiếp\s+xúc)|đối\s+thoại|tiếp\s+xúc)){0,2}(?:\s+(?:tiếp\s+xúc|đối\s+thoại)"
                              r"){0,2}(?:\s*\([^()]{0,80}\))?\s*:?\s*$", _I)
# "07h30 - 07h45: " before a listed step
_LEADING_TIMES = re.compile(r"(?:từ\s+)?\d{1,2}\s*(?:h|g(?![^\W\d_])|giờ|:)\s*(?:\d{2})?\s*(?:phút|')?\s*(?:-|–|đến)\s*"
                            r"\d{1,2}\s*(?:h|g(?![^\W\d_])|giờ|:)\s*(?:\d{2})?\s*(?:phút|')?\s*(?::|-|–|\.)?\s*", _I)
_LEAD_HEAD = re.compile(r"điều hành|thực hiện|chủ trì|phụ trách|trình bày", _I)
_MINUTES = re.compile(r"(?<!\d)(\d{1,3})\s*(?:phút|')", _I)
_DIALOGUE = re.compile(r"(?:^|(?<=[;.])\s*)[^;.]{0,30}?(?:nhân dân|(?<!\w)(?-i:ND)(?!\w)|người dân|công dân|ngư dân|cư dân|cử tri|hộ dân|bà con|"
                       r"thanh niên|đảng viên|nông dân|hộ kinh doanh|hộ gia đình|tiểu thương|doanh nghiệp)[\s,]+[^;.]{0,30}?"
                       r"(?:phát biểu|trao đổi|đối thoại|nêu ý kiến|trình bày ý kiến|phản ánh)"
                       # a step that is the dialogue itself: "Đối thoại, trả lời ý kiến của Nhân dân"
                       r"|^\s*(?:thảo\s+luận,?\s+|trao\s+đổi,?\s+)?đối\s+thoại\b", _I)


# "Chương trình gồm: (1) Khai mạc; (2) …": the steps numbered inside one sentence
_INLINE_HEAD = re.compile(r"(?:chương\s+trình|trình\s+tự)[^:]{0,40}:\s*(?=\(?1\))", _I)
_INLINE_STEP = re.compile(r"\(?(\d{1,2})\)\s*([^;]+?)\s*(?=;\s*\(?\d{1,2}\)|[;.]?\s*$)")
_ARROW_HEAD = re.compile(r"^(?:chương\s+trình|trình\s+tự|tiến\s+trình)[^:]{0,40}:\s*", _I)
# "Nội dung hội nghị: A; B; C.", "Chương trình gồm: A; B; C": the steps as one sentence
# "Chương trình hội nghị gồm:", "Hội nghị tiến hành theo trình tự:"
_LIST_HEAD = re.compile(r"(?:^|(?<=[.;]\s)|(?<=\stheo\s))(?P<kind>nội\s+dung|chương\s+trình|trình\s+tự|tiến\s+trình|diễn\s+biến)"
                        r"(?:\s+(?:chính\s+)?(?:của\s+)?(?:hội\s+nghị|buổi\s+(?:đối\s+thoại|tiếp\s+xúc|gặp\s+mặt)"
                        r"|cuộc\s+(?:đối\s+thoại|họp)|đối\s+thoại|tiếp\s+xúc))?"
                        r"(?:\s+(?:gồm(?:\s+có)?|bao\s+gồm|như\s+sau|dự\s+kiến))*\s*:\s*", _I)
_PART = re.compile(r"[^;]+")
# "Nội dung hội nghị" as the heading of a list: the programme when its items include the dialogue
_CONTENT_HEAD = re.compile(r"nội\s+dung(?:\s+chính)?(?:\s+(?:của\s+)?(?:hội\s+nghị|buổi\s+(?:đối\s+thoại|tiếp\s+xúc|gặp\s+mặt)))?"
                           r"(?:\s+(?:gồm(?:\s+có)?|như\s+sau))?\s*:?\s*$", _I)
# a document that is the script read out at the meeting: its numbered parts are the steps
_SCRIPT = re.compile(r"kịch\s+bản", _I)
# a remark in brackets on its own line under a step
_STEP_REMARK = re.compile(r"\([^()]{3,200}\)\.?")
# "Lưu ý: ý kiến … do đồng chí … phiên dịch." on its own line under a step: a note, not the end of the list
_STEP_NOTE_LINE = re.compile(r"\s*(?:lưu\s+ý|ghi\s+chú|chú\s+ý)\s*:", _I)
# what a step of a meeting does, besides the people speaking: open, report, answer, conclude
_PROCEDURE = re.compile(r"khai\s+mạc|tuyên\s+bố|giới\s+thiệu|báo\s+cáo|trả\s+lời|giải\s+trình|tiếp\s+thu|kết\s+luận"
                        r"|bế\s+mạc|quán\s+triệt|thông\s+tin", _I)


def _steps(items: list[str]) -> bool:
    """Items under "Nội dung" are the meeting's steps, not its topics, when one is the people
    speaking and another is a step of the meeting's procedure."""
    talk = [i for i, item in enumerate(items) if _DIALOGUE.search(item)]
    return bool(talk) and any(_PROCEDURE.search(item) for i, item in enumerate(items) if i != talk[0])


class ProgrammeMixin(StepsMixin, StoryMixin):
    """Part of the reader (plan_extract._Reader): uses self.paras, .plan, .step_spans, .found, .miss."""


    def topics(self) -> None:
        for i, para in enumerate(self.paras):
            if para.row is None and _TOPIC_HEAD.match(para.body) and len(para.body) < 100 \
                    and (para.level is not None or para.body.rstrip().endswith(":")):
                kind = None
                for sub in section(self.paras, i):
                    if not sub.marker or sub.row is not None:
                        continue
                    kind = kind or sub.bullet
                    if sub.bullet != kind:
                        continue
                    start, end = trim(sub.text, sub.body_start, len(sub.text))
                    if end - start >= 3:
                        n = len(self.plan.topics)
                        self.plan.topics.append(tidy(self.found(f"topics[{n}]", sub, start, end)))
                if self.plan.topics:
                    return
        self.miss("topics", "không tìm thấy mục “Nội dung” tiếp xúc, đối thoại (không bắt buộc)")

    def programme(self) -> None:
        if "programme" not in self.rules_off:
            self.programme_rules()
        if not self.plan.programme:
            self.programme_anywhere()  # plan_fallback_programme.py
        if not self.plan.programme:
            self.miss("programme", "kế hoạch không có chương trình hội nghị (bảng TT / Nội dung / Điều hành)")
            return
        self.leads_as_subjects()
        for n, (step, (para, start, end)) in enumerate(zip(self.plan.programme, self.step_spans)):
            match = _DIALOGUE.search(para.text[start:end])
            if match:
                step.dialogue = True
                a, b = trim(para.text, start + match.start(), start + match.end())
                self.found(f"programme[{n}].dialogue", para, a, b,
                           "bước Nhân dân phát biểu, đối thoại")
                return
        self.miss("programme.dialogue", "không thấy bước “Nhân dân phát biểu, đối thoại” trong chương trình")

    def programme_rules(self) -> None:
        for i, para in enumerate(self.paras):
            row = para.row
            # a programme table: "Nội dung" with a step number (TT) or a time column
            if row and any(c.casefold() in ("tt", "stt") or c.casefold().startswith(("thời gian", "giờ"))
                           for c in row) and any(c.casefold().startswith("nội dung") for c in row):
                self.programme_table(i)
                break
        if not self.plan.programme:
            for i, para in enumerate(self.paras):
                if para.row is None and (_PROGRAMME_HEAD.match(para.body)
                                         or (para.level == 0 and para.body.startswith("CHƯƠNG TRÌNH"))
                                         or (para.level is not None and _PROGRAMME_TITLE.match(para.body))
                                         or (para.marker and _PROGRAMME_TITLE.match(para.body))
                                         or (para.body.endswith(":") and _PROGRAMME_TITLE.match(para.body))):
                    self.programme_list(i)
                    if self.plan.programme or self.programme_story(i):
                        break
        if not self.plan.programme:
            for i, para in enumerate(self.paras):
                if para.row is None and (para.level is not None or para.marker or para.body.rstrip().endswith(":")) \
                        and _CONTENT_HEAD.match(para.body) \
                        and _steps([p.body for p in section(self.paras, i) if p.marker]):
                    self.programme_list(i)  # the steps, not topics: the people speak in one of them
                    if self.plan.programme:
                        break
        if not self.plan.programme:
            self.programme_inline() or self.programme_sentence() or self.programme_script() \
                or self.programme_parts()

    def programme_table(self, index: int) -> None:
        header = [c.casefold() for c in self.paras[index].row]
        content = next(i for i, c in enumerate(header) if c.startswith("nội dung"))
        lead = next((i for i, c in enumerate(header) if i != content and _LEAD_HEAD.search(c)), None)
        span = next((i for i, c in enumerate(header) if c.startswith(("thời gian", "thời lượng", "giờ"))), None)
        number = next((i for i, c in enumerate(header) if c in ("tt", "stt")), None)
        length = next((i for i, c in enumerate(header) if i != span and c.startswith("thời lượng")), None)
        for k, para in enumerate(after(self.paras, index), index + 1):
            if para.row is None:
                nxt = self.paras[k + 1] if k + 1 < len(self.paras) else None
                if nxt is not None and nxt.row is not None and len(nxt.row) == len(header):
                    continue  # a band row merged across the table ("Buổi chiều, ngày …") between steps
                break
            spans = cell_spans(para.text)
            if all(set(c) <= set("-:| ") for c in para.row) or content >= len(spans):
                continue
            if number is not None and number < len(para.row) \
                    and not re.fullmatch(r"(?:\d{1,2}|[IVX]{1,4})?\.?", para.row[number]):
                break  # the table after the programme (e.g. "Nơi nhận" / signature)
            if number is None and span is not None and span < len(para.row) and para.row[span] \
                    and not start_and_end(para.row[span])[0] and not _MINUTES.search(para.row[span]):
                break  # no step number: a row whose time cell holds no time ends the programme
            start, end = trim(para.text, *spans[content])
            if end - start < 2:
                continue
            cell_end, detail = end, detail_at(para.text, start, end)
            if detail is not None:  # the cell's second paragraph: "Trình bày: Phó Chủ tịch UBND xã"
                start, end = trim(para.text, start, detail)
            n = len(self.plan.programme)
            self.step_spans.append((para, start, end))
            step = PlanStep(tidy(self.found(f"programme[{n}].content", para, start, end)))
            if lead is not None and lead < len(spans):
                l_start, l_end = trim(para.text, *spans[lead])
                if l_end > l_start:
                    step.lead = tidy(self.found(f"programme[{n}].lead", para, l_start, l_end), False)
            if span is not None and span < len(spans):
                self.step_minutes(step, n, para, *spans[span])
            if length is not None and length < len(spans):  # "Giờ | … | Thời lượng": its own column
                self.step_minutes(step, n, para, *spans[length])
            self.plan.programme.append(step)
            if detail is not None:
                self.step_detail(para, detail, cell_end)
        if self.plan.programme and lead is None and not any(step.lead for step in self.plan.programme):
            self.miss("programme.lead", "bảng chương trình không có cột người điều hành (không bắt buộc)")

    def step_minutes(self, step: PlanStep, n: int, para: Para, start: int, end: int) -> None:
        text = para.text[start:end]
        match = _MINUTES.search(text)
        if match:
            step.minutes = int(match.group(1))
            self.found(f"programme[{n}].minutes", para, start + match.start(), start + match.end())
            return
        first, last = start_and_end(text)
        if last:
            self.programme_times.append((para, start + last.start, start + last.end, last.value))
        if first and last and last.value > first.value:
            step.minutes = (last.value.hour * 60 + last.value.minute) - (first.value.hour * 60 + first.value.minute)
            self.found(f"programme[{n}].minutes", para, start + first.start, start + last.end,
                       f"tính từ khoảng giờ: {step.minutes} phút")

    def programme_list(self, index: int) -> None:
        head = self.paras[index]
        kind = style = None
        for para in after(self.paras, index):
            if kind is None and para.row is None and (para.level == 0 or not para.text.strip("-_*= ")):
                continue  # the programme's title in capitals, a rule
            if kind is not None and is_detail(para):
                self.step_detail(para)  # "Thực hiện: …. Thời lượng: 10 phút." under a step
                continue
            if kind is not None and nested(para, kind):
                # "+ Phụ trách: Văn phòng …" under "- 8g00 – 8g15: …": the step's detail, never a step
                self.step_detail(para, para.body_start)
                continue
            item, start = step_kind(para)
            if item is None and para.row is not None and kind in (None, "row") and self.row_step(para):
                kind = "row"  # a table row without a header: "8h00 - 8h15<TAB>content<TAB>lead"
                continue
            # "5. Chương trình:" over "1. …", "2. …": a list that restarts its numbering at the label's
            # level (Word's numbered lists do) runs while its numbers follow on
            restarted = head.text.rstrip().endswith(":") and para.level is not None and para.level == head.level \
                and para.marker.rstrip(".)") == str(len(self.plan.programme) + 1) \
                and (para.marker.rstrip(".)") != head.marker.rstrip(".)") or para.marker[-1:] != head.marker[-1:]) \
                and style in (None, para.marker[-1:])
            # (the label's own number written in another style, "4)" over "4.", is a step; "5)" after them is not)
            if kind is not None and (_STEP_REMARK.fullmatch(para.body) or _STEP_NOTE_LINE.match(para.text)):
                continue  # "(Giữa phần đối thoại nghỉ giải lao 10 phút.)" under a step: a remark
            if item is None and kind is None and head.level == 0 and para.row is None:
                continue  # a CHƯƠNG TRÌNH's title, time and place before its first step
            if item is None or (head.marker and para.bullet == head.bullet and not restarted):
                break
            if para.level is not None and head.level is not None and para.level <= head.level and not restarted:
                break
            kind = kind or item
            if item != kind:
                break
            self.add_step(para, *trim(para.text, start, len(para.text)))
            style = style or para.marker[-1:] or None
        self.leads_missing()

    def leads_missing(self) -> None:
        if self.plan.programme and not any(step.lead for step in self.plan.programme):
            self.miss("programme.lead", "chương trình ghi dạng liệt kê, không ghi người điều hành từng bước"
                      " (không bắt buộc)")



    def programme_inline(self) -> bool:
        for para in self.paras:
            if para.row is not None:
                continue
            head = _INLINE_HEAD.search(para.text[:3000])
            if not head:
                continue
            end = min(len(para.text), head.end() + 3000)
            for number, match in enumerate(_INLINE_STEP.finditer(para.text, head.end(), end), 1):
                if int(match.group(1)) != number:
                    break
                self.add_step(para, *trim(para.text, match.start(2), match.end(2)))
            if self.plan.programme:
                return True
        for para in self.paras:  # "Trình tự: khai mạc → báo cáo → đối thoại → kết luận."
            head = _ARROW_HEAD.search(para.body[:300]) if para.row is None else None
            if not head:
                continue
            start = para.body_start + head.end()
            end = sentence_end(para.text[:start + 3000], start)
            if para.text.count("→", start, end) < 2:
                continue
            pos = start
            for arrow in list(re.finditer("→", para.text[start:end])) + [None]:
                stop = start + arrow.start() if arrow else end
                self.add_step(para, *trim(para.text, pos, stop))
                pos = start + arrow.end() if arrow else end
            return bool(self.plan.programme)
        return False

    def programme_sentence(self) -> bool:
        """ "Nội dung hội nghị: nghe báo cáo …; bà con phát biểu …; Chủ tịch UBND xã trả lời …": at
        least two steps separated by ";" after a programme's words; after "Nội dung" only when one
        of them is the people speaking (otherwise it lists the topics)."""
        for para in self.paras:
            if para.row is not None:
                continue
            body = para.body[:3000]
            for head in _LIST_HEAD.finditer(body):
                start = para.body_start + head.end()
                end = sentence_end(para.text[:start + 3000], start)
                parts = [trim(para.text, m.start(), m.end()) for m in _PART.finditer(para.text, start, end)]
                parts = [(a, b) for a, b in parts if b - a >= 3]
                if len(parts) < 2 or (head["kind"].casefold().startswith("nội")
                                      and not _steps([para.text[a:b] for a, b in parts])):
                    continue
                for a, b in parts:
                    self.add_step(para, a, b)
                return bool(self.plan.programme)
        return False

    def programme_script(self) -> bool:
        if not any(p.level == 0 and _SCRIPT.match(p.body) for p in self.paras[:12]):
            return False
        kind = None
        for para in self.paras:
            if para.row is not None or para.level is None or not para.marker or para.level == 0:
                continue
            kind = kind or para.bullet
            if para.bullet != kind:
                continue
            start, end = trim(para.text, para.body_start, len(para.text))
            self.add_step(para, start, end, script=True)
        return bool(self.plan.programme)

    def add_step(self, para: Para, start: int, end: int, script: bool = False) -> None:
        """One step from text[start:end]: a time slot before it ("07h30 - 07h45: ") and a note after
        it ("(Văn phòng HĐND - UBND xã, 10 phút)") give its minutes and lead, not its content."""
        text, n_before = para.text, len(self.plan.programme)
        details = detail_after(text, start, end)  # "content. Thực hiện: lead." on the step's line
        if details is not None:
            self.add_step(para, start, details, script)
            if len(self.plan.programme) > n_before:
                self.step_detail(para, details, end)
            return
        times = _LEADING_TIMES.match(text, start, end)
        c_start = times.end() if times else start
        when, lead, c_end = step_tail(text, c_start, end, script)
        if lead is None and not times:
            lead, said, c_end = said_lead(text, c_start, c_end)  # "… do X thực hiện, 10 phút"
            when = when or said
        c_start, c_end = trim(text, c_start, c_end)
        if c_end - c_start < 3:
            return
        n, step = len(self.plan.programme), PlanStep("")
        if times:
            self.slot(step, n, para, start, times.end())
        if when and when[2]:
            step.minutes = int(when[2])
            self.found(f"programme[{n}].minutes", para, when[0], when[1])
        elif when:
            self.slot(step, n, para, when[0], when[1])
        if lead:
            step.lead = tidy(self.found(f"programme[{n}].lead", para, *lead), False)
        self.step_spans.append((para, c_start, c_end))
        step.content = tidy(self.found(f"programme[{n}].content", para, c_start, c_end))
        self.plan.programme.append(step)

    def slot(self, step: PlanStep, n: int, para: Para, start: int, end: int) -> None:
        """A step's time slot ("07h30 - 07h45"): its minutes, and the last time the programme gives."""
        first, last = start_and_end(para.text[start:end])
        if last:
            self.programme_times.append((para, start + last.start, start + last.end, last.value))
        if first and last and last.value > first.value:
            step.minutes = (last.value.hour * 60 + last.value.minute) - (first.value.hour * 60 + first.value.minute)
            self.found(f"programme[{n}].minutes", para, start + first.start, start + last.end,
                       f"tính từ khoảng giờ: {step.minutes} phút")

    def end_from_programme(self) -> None:
        """No end stated: the end of the programme's last timed step, if it has times."""
        plan = self.plan
        if plan.start is None or plan.end is not None:
            return
        last_step = self.step_spans[-1][0] if self.step_spans else None
        if self.programme_times and self.programme_times[-1][0] is last_step and self.programme_times[-1][3] > plan.start:
            para, start, end, value = self.programme_times[-1]
            plan.end = value
            self.found("end", para, start, end, "giờ kết thúc lấy theo bước cuối của chương trình")
            return
        self.miss("end", "không ghi giờ kết thúc (không bắt buộc)")
