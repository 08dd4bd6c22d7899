"""Steps a programme writes without list markers, and the detail lines under a step (a part of
the reader, used by plan_programme.ProgrammeMixin).

- A step may be numbered by a word ("Bước 2.", "Phần 3:", "Mục 1 –") or start with its time
  slot ("13h30 – 13h45: …"): under a programme's heading both are list items like "- …".
- A step's lead and length may stand on the line under it, each after a label: "Thực hiện:
  Phó Chủ tịch UBND xã. Thời lượng: 20 phút." (also "Người thực hiện", "Trình bày", "Phụ
  trách", "Điều hành", "Thời gian"). They belong to the step above; the line is not a step.
- A script read out at the meeting (KỊCH BẢN) is made of parts, "PHẦN 1: … (7h30' – 7h40')":
  each part is a step, and its lead is the speaker whose turn carries it, written as a line
  "Đồng chí Bí thư Đảng ủy xã:" inside the part; the presenter (người dẫn chương trình, MC),
  who introduces every part, leads only a part no one else speaks in.
"""

from __future__ import annotations

import re

from .plan_found import is_name, tidy, trim
from .plan_source import Para, cell_spans, nested_under

_I = re.IGNORECASE
# "Bước 2.", "PHẦN 3:", "Mục 1 –", "Phần thứ hai:" at the start of a step
STEP_WORD = re.compile(r"(?:bước|phần|mục)\s+(?:\d{1,2}|[IVX]{1,5}|thứ\s+[^\W\d_]+)\s*[.:)\-–]\s*", _I)
# a time slot at the start of a line ("13h30 – 13h45:", "8h00 - 8h15", "7 giờ 30 - 7 giờ 45")
_SLOT = re.compile(r"(?:từ\s+)?\d{1,2}\s*(?:h|giờ|:)\s*(?:\d{2})?\s*(?:phút|')?\s*(?:-|–|—|đến)\s*\d{1,2}\s*(?:h|giờ|:)", _I)
# a detail of the step above: who does it, how long it takes
_DETAIL = re.compile(r"(?P<label>(?:người\s+)?thực\s+hiện|trình\s+bày|phụ\s+trách|(?:người\s+)?điều\s+hành"
                     r"|thời\s+lượng|thời\s+gian(?:\s+dự\s+kiến)?)\s*:\s*", _I)
_SLOT_ONLY = re.compile(r"(?:từ\s+)?\d{1,2}\s*(?:h|giờ|:)\s*(?:\d{2})?\s*(?:phút|')?\s*(?:-|–|—|đến)\s*"
                        r"\d{1,2}\s*(?:h|giờ|:)\s*(?:\d{2})?\s*(?:phút|')?", _I)
_SCRIPT = re.compile(r"kịch\s+bản", _I)
_DETAIL_IN = re.compile(r"(?<=\s)" + _DETAIL.pattern, _I)
# a detail after the step's content in the same paragraph: "content. Thực hiện: lead."
_DETAIL_AFTER = re.compile(r"(?<=[.;]\s)" + _DETAIL.pattern, _I)
_MINUTES = re.compile(r"(?<!\d)(\d{1,3})\s*(?:phút|')", _I)
# a lead with its length in brackets after it: "… (10 phút)"
_LEAD_MINUTES = re.compile(r"\s*\(\s*(?P<min>(?P<n>\d{1,3})\s*phút)\s*\)\s*[.;]?\s*$", _I)
# the presenter's turn ("Người dẫn chương trình (đ/c …):", "MC:")
_PRESENTER = re.compile(r"(?:người\s+)?dẫn\s+chương\s+trình|mc(?!\w)", _I)
# a speaker's turn in a script: a short line that names someone and ends with a colon
_TURN = re.compile(r"(?P<who>(?:người\s+dẫn\s+chương\s+trình|mc|đồng\s+chí|đ/c|ông|bà|chủ\s+tịch|bí\s+thư|phó|đại\s+diện"
                   r"|lãnh\s+đạo|thư\s+ký)(?:[^:()]{0,100}?))\s*(?:\([^()]{0,120}\))?\s*:$", _I)

# who may lead a step: a person, an office, a body, the chair, the people themselves
_LEADER = re.compile(r"(?:đồng\s+chí|đ/c|ông|bà|chủ\s+(?:trì|tọa|toạ)|người\s+(?:chủ\s+trì|dẫn)|mc|thư\s+ký|ban\s+tổ\s+chức|btc"
                     r"|phó|chủ\s+tịch|bí\s+thư|trưởng|lãnh\s+đạo|đại\s+diện|[uủ]y\s+ban|ubnd|ubmttq|mttq|hđnd|văn\s+phòng"
                     r"|công\s+chức|cán\s+bộ|công\s+an|hội\s+(?:nông\s+dân|phụ\s+nữ|cựu\s+chiến\s+binh|liên\s+hiệp|người\s+cao\s+tuổi)"
                     r"|đoàn\s+thanh\s+niên|các\s+(?:ngành|đồng\s+chí|ban|đơn\s+vị|cơ\s+quan|đoàn\s+thể|thành\s+viên)|thường\s+trực|tổ\s+trưởng|giám\s+đốc|nhân\s+dân"
                     r"|cử\s+tri|bà\s+con|đại\s+biểu|đồng\s+chủ\s+trì|phòng|ban\s+quản\s+lý|trung\s+tâm"
                     # a message's abbreviations: văn phòng, (phó) chủ tịch, ban tổ chức
                     r"|(?-i:VP|PCT|CT|BTC))(?!\w)", _I)


# "…, 10 phút" at the end of a step written in a sentence
_TAIL_MINUTES = re.compile(r"\s*[,;:\-–]?\s*(?:(?:dự\s+kiến|khoảng|trong)\s+)?(?P<min>\d{1,3})\s*(?:phút|')\s*$", _I)
# "… do đồng chí Phó Bí thư trình bày": who does the step, then what they do, at its end
_DO = re.compile(r"\sdo\s", _I)
_DOES = re.compile(r"\s+(?:thực\s+hiện|trình\s+bày|điều\s+hành|phụ\s+trách|chủ\s+trì|báo\s+cáo|phát\s+biểu|đảm\s+nhận)\s*$", _I)


# what a step's leader does: the verb after the subject of a step told as a sentence
_STEP_VERB = re.compile(r"(?<=\s)(?:ổn\s+định|phát\s+biểu|báo\s+cáo|thông\s+báo|điều\s+hành|kết\s+luận|trình\s+bày"
                        r"|khai\s+mạc|bế\s+mạc|tuyên\s+bố|giới\s+thiệu|quán\s+triệt|thông\s+qua|trả\s+lời|giải\s+trình"
                        r"|tổng\s+hợp|thông\s+tin|đọc)(?!\w)", _I)


def lead_as_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The leader that is the subject of a step told as a sentence ("Đồng chí Chủ tịch UBND xã phát
    biểu khai mạc …"): a leader, then the step's verb; None otherwise."""
    verb = _STEP_VERB.search(text, start, min(end, start + 160))
    if not verb or verb.start() - start < 3 or ";" in text[start:verb.start()]:
        return None  # "Nhân dân nêu ý kiến; lãnh đạo xã trả lời": a clause before, not a leader
    lead = leader_span(text, start, verb.start())
    # "Nhân dân phát biểu ý kiến …": the people speaking are the step (the dialogue), not its lead
    return None if lead and _THE_PEOPLE.fullmatch(text, *lead) else lead


_THE_PEOPLE = re.compile(r"(?:nhân\s+dân|người\s+dân|công\s+dân|cử\s+tri|bà\s+con|đại\s+biểu)(?:\s+[^\W\d_]+){0,4}", re.IGNORECASE)


def said_lead(text: str, start: int, end: int) -> tuple[tuple | None, tuple | None, int]:
    """A step written as a clause, "content do LEAD thực hiện, 10 phút": ((lead start, end) or None,
    (minutes start, end, minutes) or None, where the content ends)."""
    minutes = _TAIL_MINUTES.search(text, start, end)
    when = None
    if minutes and minutes.start() - start >= 3:
        when, end = (minutes.start("min"), minutes.end(), minutes["min"]), minutes.start()
    last = None
    for last in _DO.finditer(text, start, end):
        pass
    does = _DOES.search(text, last.end(), end) if last and last.start() - start >= 3 else None
    lead = leader_span(text, last.end(), does.start()) if does else None
    return lead, when, (last.start() if lead else end)


def step_kind(para: Para) -> tuple[str | None, int]:
    """(kind of list item, where its text starts) of a paragraph under a programme's heading:
    its list marker, a step word ("step") or a leading time slot ("slot"); (None, 0) if none."""
    if para.row is not None:
        return None, 0
    if para.marker:
        return para.bullet, para.body_start
    word = STEP_WORD.match(para.text)
    if word:
        return "step", word.end()
    if _SLOT.match(para.text):
        return "slot", 0
    return None, 0


def detail_at(text: str, start: int, end: int) -> int | None:
    """Where a step's details ("Trình bày: …", "Thời lượng: …") start inside text[start:end], the
    step's content before them (a table cell of two paragraphs); None if none."""
    match = _DETAIL_IN.search(text, start, end)
    return match.start() if match and match.start() - start >= 3 else None


def detail_after(text: str, start: int, end: int) -> int | None:
    """Where the details written after a step's content on its own line start ("Khai mạc hội nghị.
    Thực hiện: Chủ tịch UBND xã."): a detail label after a full stop; None if none."""
    match = _DETAIL_AFTER.search(text, start, end)
    return match.start() if match and match.start() - start >= 5 else None


def nested(para: Para, kind: str) -> bool:
    """A list item under a step: a "+" bullet under "-" steps (a deeper list level, as Word's
    "List Bullet 2" is read), or any bullet whose text is a detail ("- Phụ trách: …")."""
    if para.row is not None or not para.marker or para.level is not None:
        return False
    return nested_under(para, kind) or bool(_DETAIL.match(para.body))


def is_detail(para: Para) -> bool:
    return para.row is None and not para.marker and bool(_DETAIL.match(para.text))


class StepsMixin:
    """Part of the reader: uses self.paras, .plan, .step_spans, .found, and ProgrammeMixin.add_step."""

    def step_detail(self, para: Para, start: int = 0, end: int | None = None) -> None:
        """The lead and minutes of the last step, from a detail line under it (or from
        para.text[start:end], the details in the step's own table cell)."""
        if not self.plan.programme:
            return
        n, step = len(self.plan.programme) - 1, self.plan.programme[-1]
        end = len(para.text) if end is None else end
        labels = list(_DETAIL.finditer(para.text, start, end))
        for k, label in enumerate(labels):
            stop = labels[k + 1].start() if k + 1 < len(labels) else end
            a, b = trim(para.text, label.end(), stop)
            if b <= a:
                continue
            if label["label"].casefold().startswith("thời"):
                minutes = _MINUTES.search(para.text, a, b)
                if minutes and step.minutes is None:
                    step.minutes = int(minutes.group(1))
                    self.found(f"programme[{n}].minutes", para, minutes.start(), minutes.end())
            elif not step.lead:
                timed = _LEAD_MINUTES.search(para.text, a, b)  # "Văn phòng UBND phường (10 phút)"
                if timed and timed.start() > a:
                    if step.minutes is None:
                        step.minutes = int(timed["n"])
                        self.found(f"programme[{n}].minutes", para, timed.start("min"), timed.end("min"))
                    a, b = trim(para.text, a, timed.start())
                step.lead = tidy(self.found(f"programme[{n}].lead", para, a, b), False)

    def leads_as_subjects(self) -> None:
        """A timed programme (3 steps or more) whose every step that names no lead otherwise (two or
        more) opens with its leader as the subject (a step that names one keeps it) ("2. Đồng chí Chủ tịch UBND xã phát biểu khai mạc … (7h40 – 7h50)."): the
        subjects are the leads, the rest the contents. A lone step told so, or an untimed list of
        sentences ("2. Đồng chí Bí thư Đảng ủy khai mạc hội nghị."), keeps its subject."""
        steps = self.plan.programme
        if len(steps) < 3 or sum(not step.lead for step in steps) < 2 or any(step.minutes is None for step in steps):
            return
        leads = [None if step.lead else lead_as_subject(para.text, start, end)
                 for step, (para, start, end) in zip(steps, self.step_spans)]
        if not all(lead for step, lead in zip(steps, leads) if not step.lead):
            return
        content = {f"programme[{n}].content" for n, lead in enumerate(leads) if lead}
        self.findings = [f for f in self.findings if f.field not in content]
        for n, (step, (para, start, end), lead) in enumerate(zip(steps, self.step_spans, leads)):
            if lead is None:
                continue  # a step that names its lead otherwise ("…, do chủ trì điều hành (125 phút)")
            step.lead = tidy(self.found(f"programme[{n}].lead", para, *lead), False)
            c_start = lead[1] + len(para.text[lead[1]:end]) - len(para.text[lead[1]:end].lstrip())
            self.step_spans[n] = (para, c_start, end)
            step.content = tidy(self.found(f"programme[{n}].content", para, c_start, end), False)

    def row_step(self, para: Para) -> bool:
        """A step from a table row without a header: its time slot cell, the content cell after it
        and, in the cell after that, who leads it; False if the row has no slot cell first."""
        spans = cell_spans(para.text) or []
        slot = next((k for k, (a, b) in enumerate(spans) if b > a), None)
        if slot is None or slot + 1 >= len(spans) or not _SLOT.match(para.text, *spans[slot]) \
                or not _SLOT_ONLY.fullmatch(para.text, *spans[slot]):
            return False
        start, end = trim(para.text, *spans[slot + 1])
        if end - start < 3:
            return False
        n, before = len(self.plan.programme), len(self.plan.programme)
        self.add_step(para, spans[slot][0], end)  # the slot, then the content: one step
        if len(self.plan.programme) == before:
            return False
        step = self.plan.programme[n]
        if slot + 2 < len(spans) and not step.lead:
            lead = leader_span(para.text, *spans[slot + 2])
            if lead:
                step.lead = tidy(self.found(f"programme[{n}].lead", para, *lead), False)
        return True

    def programme_parts(self) -> bool:
        """A script's parts ("PHẦN 1: … (7h30' – 7h40')") as steps, each led by its speaker: in a
        document that calls itself a script, or when every part gives its time."""
        parts = [i for i, p in enumerate(self.paras) if p.row is None and not p.marker and STEP_WORD.match(p.text)
                 and not _DETAIL.match(p.text, STEP_WORD.match(p.text).end())]
        if len(parts) < 2:
            return False
        script = any(p.level == 0 and _SCRIPT.match(p.body) for p in self.paras[:12])
        if not script and not all(_SLOT.search(self.paras[i].text) or _MINUTES.search(self.paras[i].text)
                                  for i in parts):
            return False
        for k, i in enumerate(parts):
            para = self.paras[i]
            before = len(self.plan.programme)
            self.add_step(para, *trim(para.text, STEP_WORD.match(para.text).end(), len(para.text)), script=True)
            if len(self.plan.programme) == before:
                continue
            step, n = self.plan.programme[-1], before
            stop = parts[k + 1] if k + 1 < len(parts) else len(self.paras)
            turns = [(p, t) for p in self.paras[i + 1:stop] for t in [_TURN.match(p.text)] if t and p.row is None]
            speaker = next(((p, t) for p, t in turns if not _PRESENTER.match(t["who"])), None) \
                or (turns[0] if turns else None)
            if speaker and not step.lead:
                p, t = speaker
                step.lead = tidy(self.found(f"programme[{n}].lead", p, *trim(p.text, t.start("who"), t.end("who"))),
                                 False)
        return bool(self.plan.programme)


def leader_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """text[start:end], trimmed, when it names who leads a step (a person, an office, a body)."""
    a, b = trim(text, start, end)
    if b - a < 2 or b - a > 120 or not (_LEADER.match(text, a, b) or is_name(text[a:b].split()[:3])):
        return None
    return a, b
