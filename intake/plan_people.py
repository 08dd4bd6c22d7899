"""Chairs, secretary, signer and participants of a plan document (a part of the reader)."""

from __future__ import annotations

import re

from .plan_found import FoundChair, Finding, is_name, sentence_end, tidy, trim
from .plan_roles import SECRETARY_GIVEN
from .plan_source import Para, cells, schedule_cells, section

_I = re.IGNORECASE
# "đồng chí", "ông", and the plural that opens a list ("các đồng chí: A, …; B, …")
_HONORIFIC = re.compile(r"(?:các\s+(?:đồng\s+chí|ông,?\s+bà|ông|bà)\s*:?|đ/c|đc|đồng chí|ông|bà"
                        # "anh / chị / c / a Vũ Thị Lan": a message's honorific, before a capitalised name
                        r"|(?:anh|chị|cô|chú|c|a)(?=\s+(?-i:[A-ZĐÂĂÊÔƠƯ])))\s+", _I)
_ROLE = re.compile(r"(?:q\.|quyền\s|kt\.|tm\.|phó\s|chủ tịch|ct\s|pct\s|bí thư|trưởng|giám đốc|thường trực"
                   r"|người đứng đầu|lãnh đạo|đại diện|ủy viên|uỷ viên|công chức|cán bộ|ubnd|hđnd)", _I)
_NAME_IN_BRACKETS = re.compile(r"\s*\(\s*(?:đồng\s+chí|đ/c|ông|bà)\s+(?P<name>[^\W\d_]+(?:\s[^\W\d_]+){1,5})\s*\)\s*$",
                               re.IGNORECASE)
_VERB_TAIL = re.compile(r"\s+\(?(?:sẽ(?!\w)|được\s+(?:phân\s+công|giao|cử)(?!\w)|trực tiếp|cùng chủ trì|cùng đồng chủ trì|đồng chủ trì|chủ trì|chủ tọa|là\s|làm\s|thực hiện|điều hành|"
                        r"đối thoại)", _I)
# ("Người điều hành hội nghị:" too, never a bare "Điều hành:", which is a step's detail)
_CHAIR_LABEL = re.compile(r"(?:(?:người\s+|đồng\s+)?chủ\s+(?:trì|tọa|toạ)(?:\s*(?:,|và|/)\s*chủ\s+(?:tọa|toạ|trì))?"
                          r"|người\s+điều\s+hành(?=\s+(?:hội\s+nghị|buổi|cuộc)))"
                          r"(?:\s+(?:hội\s+nghị|buổi\s+(?:đối\s+thoại|tiếp\s+xúc(?:,\s*đối\s+thoại)?)|cuộc\s+đối\s+thoại"
                          r"|đối\s+thoại))?(?:\s*:|\s+(?:là|gồm(?:\s+có)?)(?!\w))\s*", _I)
# the same label where a sentence of a run-on paragraph starts ("… cùng ngày. Chủ trì: …")
# (a co-chair's label, "Đồng chủ trì: …", is read by co_chairs)
_CHAIR_LABEL_IN = re.compile(r"(?:^|(?<=[.;]\s))(?!đồng\s)" + _CHAIR_LABEL.pattern, _I)
_CO_WORDS = re.compile(r"(?:đồng|cùng)\s+chủ\s+(?:trì|tọa|toạ)", _I)
# a co-chair: "đồng chủ trì là đồng chí Bí thư Đảng ủy xã", "Đồng chủ trì: …", "…; đồng chí B đồng chủ trì"
_CO_CHAIR = re.compile(r"(?:(?:cùng\s+)?đồng|cùng)\s+chủ\s+(?:trì|tọa|toạ)(?:\s+(?:hội\s+nghị|buổi\s+(?:đối\s+thoại|tiếp\s+xúc)))?"
                       r"(?:\s*:|\s+(?:là|gồm(?:\s+có)?|có)(?!\w))\s*(?P<who>(?=[^\W\d_]))"
                       r"|(?:^|(?<=[;.:,]\s))(?P<subject>(?:đồng\s+chí|đ/c|ông|bà|chủ\s+tịch|bí\s+thư|phó)\s"
                       r"(?:(?!chủ\s+(?:trì|tọa|toạ))[^.;:]){0,150}?)\s+(?:cùng\s+)?(?:làm\s+|là\s+)?"
                       r"đồng\s+chủ\s+(?:trì|tọa|toạ)(?!\w)", _I)
# "Đồng chí Hồ Sĩ Nguyên, Bí thư Đảng ủy xã chủ trì", "Chủ tịch UBND xã chủ trì hội nghị"
_CHAIR_SUBJECT = re.compile(r"(?:^|(?<=[;.:]\s))(?P<who>(?:đồng\s+chí|đ/c|ông|bà|chủ\s+tịch|bí\s+thư)\s[^.;:]{0,150}?)"
                            r"\s+(?:trực\s+tiếp\s+|cùng\s+)?(?:đồng\s+)?chủ\s+(?:trì|tọa|toạ)(?!\w)", _I)
# a heading "CHỦ TRÌ" / "II. CHỦ TRÌ" whose items name the chairs
_CHAIR_HEAD = re.compile(r"chủ\s+(?:trì|tọa|toạ)(?:\s+hội\s+nghị)?\s*:?\s*$", _I)
# "… là chủ tọa", "Chủ tịch UBND phường (chủ trì)"
_CHAIR_IS = re.compile(r"\s+(?:(?:là|làm)\s+(?:người\s+)?chủ\s+(?:tọa|toạ|trì)(?!\w)|\(\s*chủ\s+(?:tọa|toạ|trì)\s*\))", _I)
_CHAIR_BY = re.compile(r"(?<!\w)do\s+(?P<who>[^.;]{1,150}?)\s+(?:cùng\s+)?(?:đồng\s+)?chủ\s+(?:trì|tọa|toạ)(?!\w)", _I)
# "Cử bà Trần Thị B, công chức Văn phòng - Thống kê làm thư ký hội nghị"; "Bà B, công chức …, giúp
# việc chủ trì và ghi biên bản hội nghị"
_SECRETARY_VERB = re.compile(r"(?:(?:cử|giao|phân\s+công|mời)\s+|(?:^|(?<=[;.]\s)))(?P<who>(?:đồng\s+chí|đ/c|ông|bà)\s[^.;:]{3,120}?)"
                             r"(?:\s+(?:làm|là)\s+thư\s+ký|\s*,?\s+(?:giúp\s+việc\s+chủ\s+(?:trì|tọa|toạ)\s+và\s+)?ghi\s+biên\s+bản)(?!\w)",
                             re.IGNORECASE)
_SECRETARY = re.compile(r"(?:thư\s+ký|(?:người\s+)?ghi\s+biên\s+bản)(?:\s+(?:hội\s+nghị|buổi\s+(?:đối\s+thoại|tiếp\s+xúc)"
                        r"|cuộc\s+(?:họp|đối\s+thoại)))?(?:\s*:|\s+là(?!\w))\s*", _I)
# (also after "và": "1. Chủ tịch UBND phường (chủ trì) và Thư ký: bà …")
_SECRETARY_IN = re.compile(r"(?:^|(?<=[.;]\s)|(?<=\svà\s)(?=thư\s+ký\s*:))" + _SECRETARY.pattern, _I)
_SPLIT_PEOPLE = re.compile(r"\s*;\s*|\s+và\s+(?=(?:đ/c|đồng chí|ông|bà)\s)|\s*,\s*(?=(?:đ/c|đồng chí|ông|bà)\s)", _I)
_AND = re.compile(r"\s+và\s+(?=(?P<next>[^\W\d_][^\s,;()]*(?:\s[^\W\d_][^\s,;()]*){1,5})\s*[,(])", _I)
_SIGN_ROLE = re.compile(r"(?<![^\W\d_])(?:(?:TM|T/M|KT|Q|TL|TUQ)\.?\s*)?(?:PHÓ\s+)?(?:CHỦ\s+TỊCH"
                        r"|BÍ\s+THƯ(?:\s+THƯỜNG\s+TRỰC)?|TRƯỞNG\s+BAN)(?![^\W\d_])")


class PeopleMixin:
    """Part of the reader (plan_extract._Reader): uses self.paras, .lines, .plan, .found, .miss."""


    def person(self, para: Para, start: int, end: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        text = para.text
        start, end = trim(text, start, end)
        honorific = _HONORIFIC.match(text, start, end)
        if honorific:
            start = honorific.end()
        tail = _VERB_TAIL.search(text, start, end)
        if tail:
            end = tail.start()
        open_end = re.search(r"\s*\([^()]{0,12}$", text[start:end])  # "… (đồng" of "(đồng chủ trì)" cut off
        if open_end:
            end = start + open_end.start()
        start, end = trim(text, start, end)
        if end <= start:
            return None, None
        if _ROLE.match(text, start, end):
            # "Chủ tịch UBND phường (ông Lê Văn Hai)": the name in brackets after the office
            named = _NAME_IN_BRACKETS.search(text, start, end)
            if named and is_name(named["name"].split()):
                t_start, t_end = trim(text, start, named.start())
                return (named.start("name"), named.end("name")), ((t_start, t_end) if t_end > t_start else None)
            return None, (start, end)
        run = re.match(r"[^\W\d_]+(?:['’][^\W\d_]*)?(?:[ ][^\W\d_]+(?:['’][^\W\d_]*)?)*", text[start:end])
        if run and is_name(run.group().split()):
            rest = text[start + run.end():end]
            sep = re.match(r"\s*(?:[,:(]|[-–]\s)\s*", rest)
            if sep or not rest.strip():
                name = (start, start + run.end())
                t_start, t_end = trim(text, start + run.end() + (sep.end() if sep else 0), end, " .;,:()")
                return name, ((t_start, t_end) if t_end > t_start else None)
        return None, (start, end)

    def people(self, para: Para, start: int, end: int) -> list[tuple]:
        out, pos = [], start
        seps = list(_SPLIT_PEOPLE.finditer(para.text, start, end))
        # "A, Bí thư Đảng ủy phường và B, Chủ tịch UBND phường": "và" before a name starts a person
        seps += [m for m in _AND.finditer(para.text, start, end) if is_name(m["next"].split())]
        seps.sort(key=lambda m: m.start())
        for sep in seps + [None]:
            stop = sep.start() if sep else end
            name, title = self.person(para, pos, stop)
            if name or (title and _ROLE.match(para.text, *title)):  # not "cùng dự có Hội đồng …"
                out.append((name, title))
            pos = sep.end() if sep else end
        return out

    def chairs(self) -> None:
        found = None
        for para in self.paras:
            label = _CHAIR_LABEL_IN.search(para.body[:3000]) if para.row is None else None
            if label:
                start = para.body_start + label.end()
                people = self.people(para, start, sentence_end(para.text, start))
                if people:
                    found = (para, people)
                    break
        if found is None:  # a schedule table's "Người chủ trì" column
            found = next(((para, self.people(para, start, end))
                          for para, start, end in schedule_cells(self.paras, "chair")), None)
        if found is None:
            for para in self.paras:
                if para.row is not None:
                    continue
                by = _CHAIR_BY.search(para.text)
                if by:
                    found = (para, self.people(para, by.start("who"), by.end("who")))
                    break
                is_ = _CHAIR_IS.search(para.text)
                if is_:
                    clause = max([para.text.rfind(c, 0, is_.start()) + 1 for c in ";:."] + [para.body_start])
                    found = (para, self.people(para, clause, is_.start()))
                    break
        if found is None:
            for para in self.paras:
                subject = _CHAIR_SUBJECT.search(para.body[:3000]) if para.row is None else None
                if subject:
                    at = para.body_start
                    found = (para, self.people(para, at + subject.start("who"), at + subject.end("who")))
                    break
        if found is None:
            found = self.chairs_under_heading() or self.chairs_in_tasks() or self.chairs_introduced()
        if not found or (isinstance(found, tuple) and not found[1]):
            self.co_chairs()
            if not self.plan.chairs:
                self.miss("chairs", "không tìm thấy người chủ trì (mục “Chủ trì”, “… là chủ tọa”)")
            return
        pairs = found if isinstance(found, list) else [found]
        everyone = [(para, person) for para, people in pairs for person in people]
        for i, (para, (name, title)) in enumerate(everyone):
            chair = FoundChair()
            if name:
                chair.name = tidy(self.found(f"chairs[{i}].name", para, *name), capitalise=False)
            if title:
                chair.title = tidy(self.found(f"chairs[{i}].title", para, *title))
            else:
                self.miss(f"chairs[{i}].title", "kế hoạch ghi tên nhưng không ghi chức vụ")
            self.plan.chairs.append(chair)
        taken = {}  # the text each paragraph's chair statement takes: a co-chair is said elsewhere
        for para, (name, title) in everyone:
            spans = [s for s in (name, title) if s] + [taken.get(id(para), (10**9, -1))]
            taken[id(para)] = (min(s[0] for s in spans), max(s[1] for s in spans))
        self.co_chairs(taken)

    def co_chairs(self, taken: dict | None = None) -> None:
        """Co-chairs stated apart from the chair ("…; đồng chủ trì là đồng chí Bí thư Đảng ủy xã"),
        each once: one already named (by name, else by office) is not added again."""
        def key(text) -> str:
            return " ".join(text.split()).casefold()
        names = {key(c.name) for c in self.plan.chairs if c.name}
        titles = {key(c.title) for c in self.plan.chairs if c.title and not c.name}
        for para in self.paras:
            if para.row is not None:
                continue
            if not _CO_WORDS.search(para.text, 0, 3000):
                continue  # (a plain search first: most paragraphs name no co-chair)
            lo, hi = (taken or {}).get(id(para), (10**9, -1))
            for match in _CO_CHAIR.finditer(para.text, 0, 3000):
                if match.start() < hi and match.end() > lo:
                    continue  # part of the chair's own statement ("do A và B đồng chủ trì")
                if match["who"] is not None:  # the list that follows, to the end of the sentence
                    start, end = match.start("who"), sentence_end(para.text[:match.end() + 400], match.end())
                else:
                    start, end = match.span("subject")
                for name, title in self.people(para, start, end):
                    if name and key(para.text[name[0]:name[1]]) in names \
                            or not name and title and key(tidy(para.text[title[0]:title[1]])) in titles:
                        continue
                    if name:
                        names.add(key(para.text[name[0]:name[1]]))
                    elif title:
                        titles.add(key(tidy(para.text[title[0]:title[1]])))
                    i, chair = len(self.plan.chairs), FoundChair()
                    if name:
                        chair.name = tidy(self.found(f"chairs[{i}].name", para, *name), capitalise=False)
                    if title:
                        chair.title = tidy(self.found(f"chairs[{i}].title", para, *title, "đồng chủ trì"))
                    else:
                        self.miss(f"chairs[{i}].title", "kế hoạch ghi tên nhưng không ghi chức vụ")
                    self.plan.chairs.append(chair)

    def chairs_under_heading(self):
        """(paragraph, people) for each item under a "CHỦ TRÌ" heading, merged; None if none."""
        for i, para in enumerate(self.paras):
            if para.row is None and (para.level is not None or para.body.rstrip().endswith(":")) \
                    and _CHAIR_HEAD.match(para.body):
                items = [p for p in section(self.paras, i) if p.row is None and p.marker] \
                    or [p for p in section(self.paras, i)[:3] if p.row is None]  # unmarked lines under it
                people = [(p, self.people(p, p.body_start, sentence_end(p.text, p.body_start))) for p in items]
                people = [(p, found) for p, found in people if found]
                if people:
                    return people
        return None

    def chair_names_missing(self) -> None:
        hinted = False
        for i, chair in enumerate(self.plan.chairs):
            if chair.name:
                continue
            note = "kế hoạch chỉ ghi chức vụ, không ghi họ tên"
            role = (chair.title or "").casefold()
            sign = re.sub(r"^(?:Q|TM|T/M)\.?\s*", "", self.plan.signer_title or "")
            signer = next((f for f in self.findings if f.field == "signer"), None)
            if signer and not hinted and (
                    (sign == "CHỦ TỊCH" and role.startswith(("chủ tịch", "ct ")))
                    or (sign == "BÍ THƯ" and role.startswith("bí thư"))):
                hinted = True
                chair.name = self.plan.signer_name
                why = (f"{note}; người ký văn bản là {self.plan.signer_name} ({self.plan.signer_title}), "
                       f"văn bản ghi {chair.title} chủ trì")
                self.findings.append(Finding(f"chairs[{i}].name", signer.value, signer.line, signer.source_text,
                                             f"đề xuất: kiểm tra — {why}"))
                # still listed as unsure, so the form and the plan file ask the secretary to confirm
                self.miss(f"chairs[{i}].name", f"đề xuất: kiểm tra “{self.plan.signer_name}” — {why}")
                continue
            self.miss(f"chairs[{i}].name", note)

    def secretary(self) -> None:
        spans = (_labelled_secretary, _secretary_by_verb, _secretary_given)
        for span in spans:  # each way of naming the secretary in turn, over the whole document
            for para in self.paras:
                where = span(para) if para.row is None else None
                people = self.people(para, *where) if where else None
                if people and people[0][0]:
                    name, title = people[0]
                    self.plan.secretary_name = tidy(self.found("secretary.name", para, *name), False)
                    if title:
                        self.plan.secretary_title = tidy(self.found("secretary.title", para, *title))
                    return
        if not self.roster_secretary():  # "Thư ký hội nghị" in a roster's remarks
            self.miss("secretary.name", "kế hoạch không ghi tên thư ký hội nghị")

    def signer(self) -> None:
        """The name under the signing title at the foot ("CHỦ TỊCH" ... "Lê Thanh Cảnh")."""
        for index, line in enumerate(self.lines):
            for cell in cells(line) or [line]:
                role = _SIGN_ROLE.search(cell)
                if not role or any(c.isalpha() and not c.isupper() for c in cell[:role.start()]):
                    continue  # a signing title stands alone or under "TM. ỦY BAN NHÂN DÂN"
                rest = cell[role.end():].strip()
                if re.match(r"[^\W\d_]{2,}(?:\s|$)", rest) and rest.split()[0].isupper():
                    continue  # "CHỦ TỊCH UBND XÃ" in a heading, not a signature
                same = re.search(r"[^\W\d_]+(?:\s+[^\W\d_]+){1,5}\s*$", rest)
                if same and is_name(same.group().split()):
                    self.record_signer(role.group(), same.group().strip(), index)
                    return
                title = role.group()
                for later in range(index + 1, min(index + 9, len(self.lines))):
                    text = self.lines[later]
                    if is_name(text.split()):
                        self.record_signer(title, text, later)
                        return
                    again = _SIGN_ROLE.fullmatch(text)
                    if again:  # "KT. CHỦ TỊCH" then "PHÓ CHỦ TỊCH": the second is the signer's
                        title = again.group()

    def record_signer(self, title: str, name: str, index: int) -> None:
        title = " ".join(title.split())
        self.plan.signer_name, self.plan.signer_title = name, title
        note = f"người ký kế hoạch ({title})"
        if re.sub(r"^(?:Q|TM|T/M)\.?\s*", "", title) == "CHỦ TỊCH":
            note += "; với kế hoạch của UBND, người ký thường là người chủ trì"
        self.findings.append(Finding("signer", name, index + 1, self.lines[index], note))


def _labelled_secretary(para: Para) -> tuple[int, int] | None:
    """ "Thư ký: đ/c B, …" (also after "và" inside an item): the span that names the secretary."""
    label = _SECRETARY_IN.search(para.body[:3000])
    start = para.body_start + label.end() if label else 0
    return (start, sentence_end(para.text, start)) if label else None


def _secretary_by_verb(para: Para) -> tuple[int, int] | None:
    """In the body: "- Đồng chí B (công chức …) làm thư ký" opens an item after its marker."""
    verb = _SECRETARY_VERB.search(para.body[:3000])
    return (para.body_start + verb.start("who"), para.body_start + verb.end("who")) if verb else None


def _secretary_given(para: Para) -> tuple[int, int] | None:
    """ "Giao công chức Văn phòng - Thống kê (đ/c B) làm thư ký hội nghị"."""
    given = SECRETARY_GIVEN.search(para.text, 0, 3000)
    return (given.start("who"), given.end("who")) if given else None
