"""Find the plan's values in the lines of a plan document (see plan_documents.py).

`extract(lines)` returns the values it found as a `PartialPlan`, a `Finding` for each
value (the exact text it came from and the line), and a `Missing` for each value it
could not find or was unsure of. It never invents a value: a `Finding.value` is always
a piece of its `source_text`; the plan value is that text tidied (spaces collapsed,
end punctuation dropped, first letter capitalised) or, for dates, times and counts,
read from it. Head counts written as a range ("120 - 150") count as the upper bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, time

from .plan_dates import FoundDate, VagueDate, find_counts, find_dates, start_and_end
from .plan_source import Para, cell_spans, cells, is_caps, paragraphs, section
from .plans import PlanGroup, PlanStep


@dataclass(frozen=True)
class Finding:
    """A value found in the document: `value` is verbatim text of `source_text`.

    `source_text` is line `line` as read (NFC, conversion markup removed); for a
    value that a conversion wrapped over several lines, the lines `line`..`end_line`
    joined by one space.
    """

    field: str
    value: str
    line: int
    source_text: str
    note: str = ""
    end_line: int | None = None


@dataclass(frozen=True)
class Missing:
    field: str
    note: str


@dataclass
class FoundChair:
    name: str | None = None
    title: str | None = None


@dataclass
class PartialPlan:
    """A plan as far as the document tells it: every field may be empty."""

    title: str | None = None
    organisation: str | None = None
    parent: str | None = None
    place_name: str | None = None
    venue: str | None = None
    date: date | None = None
    start: time | None = None
    end: time | None = None
    chairs: list[FoundChair] = field(default_factory=list)
    secretary_name: str | None = None
    secretary_title: str | None = None
    attendance: list[PlanGroup] = field(default_factory=list)
    invited_total: int | None = None
    programme: list[PlanStep] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    signer_name: str | None = None
    signer_title: str | None = None


_I = re.IGNORECASE
_ORG = re.compile(r"(?<!\w)(?P<body>ủy ban nhân dân|uỷ ban nhân dân|ubnd|đảng ủy|đảng uỷ)"
                  r"\s+(?P<unit>xã|phường|thị trấn)(?!\w)", _I)
_ISSUER = re.compile(r"(?<!\w)(?P<body>ủy ban nhân dân|uỷ ban nhân dân|ubnd|đảng ủy|đảng uỷ)"
                     r"(?P<rest>(?:\s+\S+){0,4}?)\s+(?:xây dựng|ban hành)\s+kế\s+hoạch", _I)
_PARENT = re.compile(r"(?P<body>ĐẢNG BỘ|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\s+"
                     r"(?P<unit>TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s+(?P<name>[^\W\d_][^\t]*?)\s*$")
_PLACE_DATE = re.compile(r"^(?P<place>[^\W\d_][^,\t]{1,40}?)\s*,\s*ngày\b", _I)
_HONORIFIC = re.compile(r"(?:đ/c|đồng chí|ông|bà)\s+", _I)
_ROLE = re.compile(r"(?:q\.|quyền\s|kt\.|tm\.|phó\s|chủ tịch|ct\s|pct\s|bí thư|trưởng|giám đốc|thường trực"
                   r"|người đứng đầu|lãnh đạo|đại diện|ủy viên|uỷ viên|công chức|cán bộ|ubnd|hđnd)", _I)
_VERB_TAIL = re.compile(r"\s+(?:trực tiếp|đồng chủ trì|chủ trì|chủ tọa|là\s|làm\s|thực hiện|điều hành|"
                        r"đối thoại)", _I)
_CHAIR_LABEL = re.compile(r"(?:người\s+)?chủ\s+(?:trì|tọa|toạ)(?:\s*(?:,|và|/)\s*chủ\s+(?:tọa|toạ|trì))?"
                          r"(?:\s+hội\s+nghị)?\s*:\s*", _I)
_CHAIR_IS = re.compile(r"\s+(?:là|làm)\s+(?:người\s+)?chủ\s+(?:tọa|toạ|trì)(?!\w)", _I)
_CHAIR_BY = re.compile(r"(?<!\w)do\s+(?P<who>[^.;]+?)\s+(?:đồng\s+)?chủ\s+(?:trì|tọa|toạ)(?!\w)", _I)
_SECRETARY = re.compile(r"thư\s+ký(?:\s+hội\s+nghị)?\s*:\s*", _I)
_SPLIT_PEOPLE = re.compile(r"\s*;\s*|\s+và\s+(?=(?:đ/c|đồng chí|ông|bà)\s)|\s*,\s*(?=(?:đ/c|đồng chí|ông|bà)\s)", _I)
_ABBREV = {"q", "tm", "kt", "tl", "tuq", "t/m", "đ/c", "tp", "p", "ô", "b"}
_TIME_LABEL = re.compile(r"thời\s+gian(?:\s+(?:tổ chức|họp|hội nghị|tiến hành|diễn ra|dự kiến))?"
                         r"(?P<both>\s*(?:,|và)\s*địa\s+điểm(?:\s+tổ\s+chức)?)?\s*:\s*", _I)
_VENUE_LABEL = re.compile(r"địa\s+điểm(?:\s+(?:tổ chức|họp|hội nghị))?"
                          r"(?P<both>\s*(?:,|và)\s*thời\s+gian(?:\s+tổ\s+chức)?)?\s*:\s*", _I)
_TIME_SECTION = re.compile(r"(?:thời\s+gian|địa\s+điểm)\s*(?:,|và|-)\s*(?:thời\s+gian|địa\s+điểm)"
                           r"(?:\s+tổ\s+chức)?(?:\s+hội\s+nghị)?\s*:?\s*$", _I)
_AT = re.compile(r"(?:^|(?<=[\s,]))tại\s+", _I)
_HALF_DAY = re.compile(r"½\s*ngày|1/2\s*ngày|nửa\s+ngày|buổi\s+(?:sáng|chiều|tối)|\d+\s+buổi", _I)
_ATTEND_HEAD = re.compile(r"(?:thành phần|số lượng|đối tượng|đại biểu tham dự)", _I)
_TOPIC_HEAD = re.compile(r"nội\s+dung", _I)
_INVITE = re.compile(r"(?<!\w)(?:kính\s+)?mời\s+", _I)
_INVITE_END = re.compile(r"\s+(?:tham\s+dự|dự)(?!\w)", _I)
_PROGRAMME_HEAD = re.compile(r"chương\s+trình(?:\s+hội\s+nghị)?[^:]{0,60}:\s*$", _I)
_LEAD_HEAD = re.compile(r"điều hành|thực hiện|chủ trì|phụ trách|trình bày", _I)
_MINUTES = re.compile(r"(?<!\d)(\d{1,3})\s*(?:phút|')", _I)
_DIALOGUE = re.compile(r"(?:^|(?<=[;.])\s*)[^;.]{0,30}?(?:nhân dân|người dân|công dân|cử tri)\s+[^;.]{0,30}?"
                       r"(?:phát biểu|trao đổi|đối thoại)", _I)
_SIGN_ROLE = re.compile(r"(?<![^\W\d_])(?:(?:TM|T/M|KT|Q|TL|TUQ)\.?\s*)?(?:PHÓ\s+)?(?:CHỦ\s+TỊCH"
                        r"|BÍ\s+THƯ(?:\s+THƯỜNG\s+TRỰC)?|TRƯỞNG\s+BAN)(?![^\W\d_])")
_SIGN_KIND = re.compile(r"(?:TM|T/M)\.?\s*(?P<body>ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|ĐẢNG ỦY|ĐẢNG UỶ|BAN THƯỜNG VỤ)")


def _canonical_body(body: str) -> str:
    return "Đảng ủy" if body.casefold().startswith("đảng") else "Ủy ban nhân dân"


def _title_case(words: str) -> str:
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in words.split())


def _tidy(value: str, capitalise: bool = True) -> str:
    text = " ".join(value.split()).strip(" .;,:")
    if capitalise and text:
        text = text[0].upper() + text[1:]
    return text


def _trim(text: str, start: int, end: int, chars: str = " .;,:") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    # keep an abbreviation's dot ("Q.") and a closing bracket that has its opening one
    if end < len(text) and text[end] == "." and text[start:end].split()[-1:] and \
            text[start:end].split()[-1].casefold() in _ABBREV:
        end += 1
    return start, end


def _place_words(text: str, start: int) -> tuple[int, int] | None:
    """The capitalised words of a place name at `start` ("Hoằng Trường", "KÈ SẮT", "Phường 3")."""
    first = last = None
    for match in re.finditer(r"[ ]+(\S+)", text[start:]):
        if match.start() != (0 if last is None else last - start):
            break  # a tab (next cell) or anything but spaces between words
        word = match.group(1)
        bare = word.rstrip(".,;:)")
        if not bare or not (bare[0].isupper() or bare.isdigit()) or not bare.isalnum():
            break
        first = start + match.start(1) if first is None else first
        last = start + match.start(1) + len(bare)
        if bare != word or len(text[first:last].split()) >= 5:
            break
    return (first, last) if first is not None else None


def _is_name(words: list[str]) -> bool:
    return 2 <= len(words) <= 6 and all(w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower())
                                        for w in words)


def _sentence_end(text: str, start: int) -> int:
    for match in re.finditer(r"\.(?=\s|$)", text[start:]):
        before = text[start:start + match.start()].split()
        if before and before[-1].casefold() in _ABBREV:
            continue
        return start + match.start()
    return len(text)


class _Reader:
    def __init__(self, lines: list[str]):
        self.lines = lines
        self.paras = paragraphs(lines)
        self.plan = PartialPlan()
        self.findings: list[Finding] = []
        self.missing: list[Missing] = []
        self.step_spans: list[tuple[Para, int, int]] = []

    def found(self, name: str, para: Para, start: int, end: int, note: str = "") -> str:
        value, first, last, source = para.span(start, end)
        self.findings.append(Finding(name, value, first, source, note, last if last != first else None))
        return value

    def miss(self, name: str, note: str) -> None:
        self.missing.append(Missing(name, note))

    # -- issuing body, title ------------------------------------------------------

    def kehoach_index(self) -> int | None:
        for i, para in enumerate(self.paras):
            if para.text.replace(" ", "") == "KẾHOẠCH":
                return i
        return None

    def organisation(self) -> None:
        kind = unit = None
        for para in self.paras:
            if re.match(r"số\s*:", para.text, _I):
                if re.search(r"-UBND\b", para.text):
                    kind = "Ủy ban nhân dân"
                elif re.search(r"/ĐU\b", para.text):
                    kind = "Đảng ủy"
        issuer = None
        for para in self.paras:
            match = _ISSUER.search(para.text)
            if match:
                issuer, kind = (para, match), _canonical_body(match["body"])
                rest = match["rest"].split()
                unit = rest[0].casefold() if rest and rest[0].casefold() in ("xã", "phường") else unit
                if len(rest) > 1 and " ".join(rest[:2]).casefold() == "thị trấn":
                    unit = "thị trấn"
                break
        if kind is None:
            for para in self.paras:
                sign = _SIGN_KIND.search(para.text)
                if sign:
                    kind = "Ủy ban nhân dân" if "NHÂN DÂN" in sign["body"] else "Đảng ủy"
                    break
        top = self.kehoach_index()
        candidates = []
        for i, para in enumerate(self.paras):
            for match in _ORG.finditer(para.text):
                place = _place_words(para.text, match.end())
                if place:
                    rank = 0 if top is not None and i < top else 1 if issuer and issuer[0] is para else 2
                    if kind and _canonical_body(match["body"]) != kind:
                        rank += 3
                    candidates.append((rank, i, para, match, place))
            # a header written on two lines: "ỦY BAN NHÂN DÂN" / "XÃ KÈ SẮT"
            if re.fullmatch(r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|ĐẢNG ỦY|ĐẢNG UỶ", para.text) and i + 1 < len(self.paras):
                nxt = self.paras[i + 1]
                unit_match = re.match(r"(XÃ|PHƯỜNG|THỊ TRẤN)\s+", nxt.text)
                if unit_match and nxt.row is None and is_caps(nxt.text):
                    joined = Para(para.lines + nxt.lines)
                    match = _ORG.match(joined.text)
                    place = _place_words(joined.text, match.end()) if match else None
                    if place:
                        rank = 0 if top is not None and i < top else 2
                        candidates.append((rank + (3 if kind and _canonical_body(match["body"]) != kind else 0),
                                           i, joined, match, place))
        if candidates:
            rank, i, para, match, place = min(candidates, key=lambda c: (c[0], c[1]))
            if rank < 3 or kind is None:
                place_name = _title_case(para.text[place[0]:place[1]])
                self.plan.organisation = (f"{_canonical_body(match['body'])} {match['unit'].casefold()} "
                                          f"{place_name}")
                self.plan.place_name = place_name
                self.found("organisation", para, match.start(), place[1])
                self.found("place_name", para, place[0], place[1])
                self.parent(i, para, match.start())
                return
        place_line = self.place_date()
        if kind and unit and issuer and place_line:
            para, match = issuer
            p_para, p_start, p_end = place_line
            place_name = _tidy(p_para.text[p_start:p_end], capitalise=False)
            self.plan.organisation = f"{kind} {unit} {place_name}"
            self.plan.place_name = place_name
            end = match.start("rest") + len(match["rest"].rstrip())
            self.found("organisation", para, match.start(), end,
                       f"văn bản không ghi tên xã cạnh cơ quan; tên xã lấy từ dòng {p_para.first}")
            self.found("place_name", p_para, p_start, p_end, "lấy từ dòng ghi địa danh, ngày tháng")
            return
        if place_line:
            p_para, p_start, p_end = place_line
            self.plan.place_name = _tidy(p_para.text[p_start:p_end], capitalise=False)
            self.found("place_name", p_para, p_start, p_end, "lấy từ dòng ghi địa danh, ngày tháng")
        else:
            self.miss("place_name", "không tìm thấy tên xã (dòng “…, ngày … tháng … năm …”)")
        what = f"{kind} {unit or 'xã'} …" if kind else "Ủy ban nhân dân xã … hoặc Đảng ủy xã …"
        self.miss("organisation", f"không tìm thấy đủ tên cơ quan ban hành ({what})")

    def place_date(self) -> tuple[Para, int, int] | None:
        for para in self.paras:
            offset = 0
            for cell in (para.row or [para.text]):
                match = _PLACE_DATE.match(cell)
                if match and all(w[0].isupper() for w in match["place"].split()):
                    start = offset + match.start("place")
                    return para, start, start + len(match["place"].rstrip())
                offset += len(cell) + 1
        return None

    def parent(self, index: int, para: Para, org_start: int) -> None:
        """The level above ("ĐẢNG BỘ THÀNH PHỐ VINH"), written just above a header in capitals."""
        if not is_caps(para.text[org_start:]):
            return
        target, before = para, para.text[:org_start].rstrip()
        if not before and index > 0 and self.paras[index - 1].row is None:
            target = self.paras[index - 1]
            before = target.text
        match = _PARENT.search(before)
        if match:
            body = "Đảng bộ" if match["body"] == "ĐẢNG BỘ" else "Ủy ban nhân dân"
            self.plan.parent = f"{body} {match['unit'].casefold()} {_title_case(match['name'])}"
            self.found("parent", target, match.start(), match.end())

    def title(self) -> None:
        top = self.kehoach_index()
        subject = self.paras[top + 1] if top is not None and top + 1 < len(self.paras) else None
        if subject is None or subject.row is not None or subject.level == 0:
            self.miss("title", "không tìm thấy trích yếu dưới chữ “KẾ HOẠCH”")
            return
        start, end = _trim(subject.text, 0, len(subject.text))
        text = subject.text[start:end]
        if not re.search(r"tiếp xúc|đối thoại|gặp mặt", text, _I):
            self.miss("title", f"trích yếu “{text}” không nói về hội nghị đối thoại")
            return
        rest = re.sub(r"^(?:v/v|về việc)\s*", "", text, flags=_I)
        if not re.match(r"hội\s+nghị", rest, _I):
            rest = re.sub(r"^tổ\s+chức\s+", "", rest, flags=_I)
            rest = re.sub(r"^(?:buổi|hội\s+nghị|cuộc)\s+", "", rest, flags=_I)
            rest = "Hội nghị " + rest
        self.plan.title = _tidy(rest)
        self.found("title", subject, start, end, "tên hội nghị đặt theo trích yếu của kế hoạch")

    # -- when and where -------------------------------------------------------------

    def time_and_venue(self) -> None:
        timed: list[tuple[Para, int]] = []  # (paragraph, where its value starts)
        venues: list[tuple[Para, int, bool]] = []  # (.., start, after "tại" only)
        in_section: set[int] = set()
        for i, para in enumerate(self.paras):
            if para.row is not None:
                continue
            body = para.body
            if _TIME_SECTION.match(body):
                for sub in section(self.paras, i):
                    in_section.add(id(sub))
                continue
            label = _TIME_LABEL.match(body)
            if label:
                timed.append((para, para.body_start + label.end()))
                if label["both"]:
                    venues.append((para, para.body_start + label.end(), True))
                continue
            label = _VENUE_LABEL.match(body)
            if label:
                venues.append((para, para.body_start + label.end(), bool(label["both"])))
                if label["both"]:
                    timed.append((para, para.body_start + label.end()))
        for para in self.paras:
            if id(para) in in_section and not any(p is para for p, _ in timed) \
                    and not any(p is para for p, _, _ in venues):
                timed.append((para, para.body_start))
                venues.append((para, para.body_start, not re.match(r"tại\s", para.body, _I)))
        timed.sort(key=lambda t: t[0].first)
        self.when(timed)
        self.where(venues)

    def when(self, timed: list[tuple[Para, int]]) -> None:
        vague: tuple[VagueDate, Para, int] | None = None
        for para, start in timed:
            if self.plan.date is None:
                for found in find_dates(para.text[start:]):
                    if isinstance(found, FoundDate):
                        note = ""
                        if re.search(r"dự\s+kiến", para.text[start:start + found.start], _I):
                            note = "văn bản ghi “dự kiến”: đối chiếu với giấy mời"
                        self.plan.date = found.value
                        self.found("date", para, start + found.start, start + found.end, note)
                        break
                    if vague is None:
                        vague = (found, para, start)
            if self.plan.start is None:
                first, last = start_and_end(para.text[start:])
                if first:
                    self.plan.start = first.value
                    self.found("start", para, start + first.start, start + first.end)
                    if last and last.value > first.value:
                        self.plan.end = last.value
                        self.found("end", para, start + last.start, start + last.end)
        if self.plan.date is None:
            if vague:
                self.miss("date", vague[0].note + f" (dòng {vague[1].span(vague[2] + vague[0].start, vague[2] + vague[0].end)[1]})")
            elif timed:
                self.miss("date", f"mục “Thời gian” (dòng {timed[0][0].first}) không ghi ngày họp")
            else:
                self.miss("date", "không tìm thấy mục “Thời gian” của hội nghị")
        if self.plan.start is None:
            half = next((m for p, s in timed for m in [_HALF_DAY.search(p.text[s:])] if m), None)
            if half:
                self.miss("start", f"chỉ ghi “{half.group()}”, chưa có giờ bắt đầu")
            else:
                self.miss("start", "không ghi giờ bắt đầu")
        if self.plan.end is None and self.plan.start is not None:
            self.miss("end", "không ghi giờ kết thúc (không bắt buộc)")

    def where(self, venues: list[tuple[Para, int, bool]]) -> None:
        for para, start, after_at in sorted(venues, key=lambda v: v[0].first):
            text = para.text
            if after_at:
                at = _AT.search(text, start)
                if not at:
                    continue
                start = at.end()
            else:
                at = re.match(r"tại\s+", text[start:], _I)
                start += at.end() if at else 0
            end = _sentence_end(text, start)
            semicolon = text.find(";", start, end)
            end = end if semicolon == -1 else semicolon
            start, end = _trim(text, start, end)
            if end - start < 3 or end - start > 300:
                continue
            self.plan.venue = _tidy(text[start:end])
            self.found("venue", para, start, end)
            return
        self.miss("venue", "không tìm thấy mục “Địa điểm”")

    # -- people ----------------------------------------------------------------------

    def person(self, para: Para, start: int, end: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        text = para.text
        start, end = _trim(text, start, end)
        honorific = _HONORIFIC.match(text, start, end)
        if honorific:
            start = honorific.end()
        tail = _VERB_TAIL.search(text, start, end)
        if tail:
            end = tail.start()
        start, end = _trim(text, start, end)
        if end <= start:
            return None, None
        if _ROLE.match(text, start, end):
            return None, (start, end)
        run = re.match(r"[^\W\d_]+(?:[ ][^\W\d_]+)*", text[start:end])
        if run and _is_name(run.group().split()):
            rest = text[start + run.end():end]
            sep = re.match(r"\s*(?:[,:(]|[-–]\s)\s*", rest)
            if sep or not rest.strip():
                name = (start, start + run.end())
                t_start, t_end = _trim(text, start + run.end() + (sep.end() if sep else 0), end, " .;,:()")
                return name, ((t_start, t_end) if t_end > t_start else None)
        return None, (start, end)

    def people(self, para: Para, start: int, end: int) -> list[tuple]:
        out, pos = [], start
        for sep in list(_SPLIT_PEOPLE.finditer(para.text, start, end)) + [None]:
            stop = sep.start() if sep else end
            name, title = self.person(para, pos, stop)
            if name or title:
                out.append((name, title))
            pos = sep.end() if sep else end
        return out

    def chairs(self) -> None:
        found = None
        for para in self.paras:
            label = _CHAIR_LABEL.match(para.body) if para.row is None else None
            if label:
                start = para.body_start + label.end()
                found = (para, self.people(para, start, _sentence_end(para.text, start)))
                break
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
                    clause = max(para.text.rfind(c, 0, is_.start()) for c in ";:.") + 1
                    found = (para, self.people(para, clause, is_.start()))
                    break
        if not found or not found[1]:
            self.miss("chairs", "không tìm thấy người chủ trì (mục “Chủ trì”, “… là chủ tọa”)")
            return
        para, people = found
        for i, (name, title) in enumerate(people):
            chair = FoundChair()
            if name:
                chair.name = _tidy(self.found(f"chairs[{i}].name", para, *name), capitalise=False)
            if title:
                chair.title = _tidy(self.found(f"chairs[{i}].title", para, *title))
            else:
                self.miss(f"chairs[{i}].title", "kế hoạch ghi tên nhưng không ghi chức vụ")
            self.plan.chairs.append(chair)

    def chair_names_missing(self) -> None:
        hinted = False
        for i, chair in enumerate(self.plan.chairs):
            if chair.name:
                continue
            note = "kế hoạch chỉ ghi chức vụ, không ghi họ tên"
            role = (chair.title or "").casefold()
            sign = re.sub(r"^(?:Q|TM|T/M)\.?\s*", "", self.plan.signer_title or "")
            if self.plan.signer_name and not hinted and (
                    (sign == "CHỦ TỊCH" and role.startswith(("chủ tịch", "ct ")))
                    or (sign == "BÍ THƯ" and role.startswith("bí thư"))):
                hinted = True
                note += (f"; người ký kế hoạch là {self.plan.signer_name} ({self.plan.signer_title}),"
                         " thường là người chủ trì: kiểm tra rồi điền")
            self.miss(f"chairs[{i}].name", note)

    def secretary(self) -> None:
        for para in self.paras:
            label = _SECRETARY.match(para.body) if para.row is None else None
            if label:
                start = para.body_start + label.end()
                people = self.people(para, start, _sentence_end(para.text, start))
                if people and people[0][0]:
                    name, title = people[0]
                    self.plan.secretary_name = _tidy(self.found("secretary.name", para, *name), False)
                    if title:
                        self.plan.secretary_title = _tidy(self.found("secretary.title", para, *title))
                    return
        self.miss("secretary.name", "kế hoạch không ghi tên thư ký hội nghị")

    def signer(self) -> None:
        """The name under the signing title at the foot ("CHỦ TỊCH" ... "Lê Thanh Cảnh")."""
        for index, line in enumerate(self.lines):
            for cell in cells(line) or [line]:
                role = _SIGN_ROLE.search(cell)
                if not role or re.search(r"[^\W\d_]", cell[:role.start()].upper()) and \
                        not is_caps(cell[:role.start()] + "XXXX"):
                    continue
                rest = cell[role.end():].strip()
                if re.match(r"[^\W\d_]{2,}(?:\s|$)", rest) and rest.split()[0].isupper():
                    continue  # "CHỦ TỊCH UBND XÃ" in a heading, not a signature
                same = re.search(r"[^\W\d_]+(?:\s+[^\W\d_]+){1,5}\s*$", rest)
                if same and _is_name(same.group().split()):
                    self.record_signer(role.group(), same.group().strip(), index)
                    return
                for later in range(index + 1, min(index + 9, len(self.lines))):
                    if _is_name(self.lines[later].split()):
                        self.record_signer(role.group(), self.lines[later], later)
                        return

    def record_signer(self, title: str, name: str, index: int) -> None:
        title = " ".join(title.split())
        self.plan.signer_name, self.plan.signer_title = name, title
        note = f"người ký kế hoạch ({title})"
        if re.sub(r"^(?:Q|TM|T/M)\.?\s*", "", title) == "CHỦ TỊCH":
            note += "; với kế hoạch của UBND, người ký thường là người chủ trì"
        self.findings.append(Finding("signer", name, index + 1, self.lines[index], note))

    # -- participants ------------------------------------------------------------------

    def attendance(self) -> None:
        head = None
        for i, para in enumerate(self.paras):
            body = para.body
            if para.row is None and _ATTEND_HEAD.match(body) and "nội dung" not in body.casefold() \
                    and (para.level is not None or body.rstrip().endswith(":")):
                head = i
                break
        if head is None:
            self.miss("attendance", "không tìm thấy mục “Thành phần”")
            return
        items = [self.paras[head]] + section(self.paras, head)
        for n, para in enumerate(items):
            if para.row is not None or _CHAIR_LABEL.match(para.body) or _SECRETARY.match(para.body):
                continue
            text, start, end = para.text, para.body_start, len(para.text)
            colon = text.find(":", start)
            if 0 <= colon - start < 60:
                label = text[start:colon]
                start = colon + 1
                if not text[start:].strip(" .;"):
                    continue
                counts = find_counts(text[start:])
                rest = re.sub(r"[\s.,;:()]|dự\s+kiến|khoảng|tổng\s+số", "",
                              _without(text[start:], counts), flags=_I)
                if counts and not rest:
                    if self.plan.invited_total is None:
                        count = counts[0]
                        self.plan.invited_total = count.value
                        self.found("attendance.total", para, start + count.start, start + count.end,
                                   count.note or f"tổng số dự kiến ({label.strip()})")
                    continue
            elif n == 0:
                continue  # the heading itself
            pos = start
            for sep in list(re.finditer(r";", text[start:end])) + [None]:
                stop = start + sep.start() if sep else end
                self.group(para, pos, stop)
                pos = start + sep.end() if sep else end
        if not self.plan.attendance and self.plan.invited_total is None:
            self.miss("attendance", "mục “Thành phần” không liệt kê được nhóm đại biểu nào")
        without = [g.group for g in self.plan.attendance if g.invited is None]
        if without and self.plan.attendance:
            note = f"{len(without)}/{len(self.plan.attendance)} nhóm không ghi số người"
            if self.plan.invited_total is not None:
                note += f" (chỉ có tổng số dự kiến {self.plan.invited_total})"
            self.miss("attendance.invited", note)

    def group(self, para: Para, start: int, end: int) -> None:
        text = para.text
        start, end = _trim(text, start, end)
        if end - start < 3 or re.search(r"chủ\s+(?:tọa|toạ|trì)", text[start:end], _I):
            return
        note = ""
        invite = _INVITE.search(text, start, end)
        if invite and not re.fullmatch(r"\s*|.*(?:có\s+thể|sẽ)\s*", text[start:invite.start()], _I | re.S):
            invite = None
        if invite:
            if re.search(r"có\s+thể", text[start:invite.start()], _I):
                note = "mời tùy tình hình thực tế (văn bản ghi “có thể mời”)"
            start = invite.end()
            stop = _INVITE_END.search(text, start, end)
            end = stop.start() if stop else end
        counts = find_counts(text[start:end])
        invited = None
        if counts:
            count = counts[0]
            c_start, c_end = start + count.start, start + count.end
            before = _trim(text, start, c_start, " .;,:(")
            after = _trim(text, c_end, end, " .;,:()")
            start, end = before if before[1] > before[0] else after
            invited = count
        start, end = _trim(text, start, end, " .;,:()")
        if end - start < 3 or end - start > 300:
            return
        i = len(self.plan.attendance)
        self.plan.attendance.append(PlanGroup(_tidy(self.found(f"attendance[{i}].group", para, start, end, note))))
        if invited:
            self.plan.attendance[i].invited = invited.value
            self.found(f"attendance[{i}].invited", para, c_start, c_end, invited.note)

    # -- what is discussed, and in which order -----------------------------------------

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
                    start, end = _trim(sub.text, sub.body_start, len(sub.text))
                    if end - start >= 3:
                        n = len(self.plan.topics)
                        self.plan.topics.append(_tidy(self.found(f"topics[{n}]", sub, start, end)))
                if self.plan.topics:
                    return
        self.miss("topics", "không tìm thấy mục “Nội dung” tiếp xúc, đối thoại (không bắt buộc)")

    def programme(self) -> None:
        for i, para in enumerate(self.paras):
            row = para.row
            if row and any(c.casefold() in ("tt", "stt") for c in row) and \
                    any(c.casefold().startswith("nội dung") for c in row):
                self.programme_table(i)
                break
        if not self.plan.programme:
            for i, para in enumerate(self.paras):
                if para.row is None and (_PROGRAMME_HEAD.match(para.body)
                                         or (para.level == 0 and para.text.startswith("CHƯƠNG TRÌNH"))):
                    self.programme_list(i)
                    if self.plan.programme:
                        break
        if not self.plan.programme:
            self.miss("programme", "kế hoạch không có chương trình hội nghị (bảng TT / Nội dung / Điều hành)")
            return
        for n, (step, (para, start, end)) in enumerate(zip(self.plan.programme, self.step_spans)):
            match = _DIALOGUE.search(para.text[start:end])
            if match:
                step.dialogue = True
                a, b = _trim(para.text, start + match.start(), start + match.end())
                self.found(f"programme[{n}].dialogue", para, a, b,
                           "bước Nhân dân phát biểu, đối thoại")
                return
        self.miss("programme.dialogue", "không thấy bước “Nhân dân phát biểu, đối thoại” trong chương trình")

    def programme_table(self, index: int) -> None:
        header = [c.casefold() for c in self.paras[index].row]
        content = next(i for i, c in enumerate(header) if c.startswith("nội dung"))
        lead = next((i for i, c in enumerate(header) if i != content and _LEAD_HEAD.search(c)), None)
        span = next((i for i, c in enumerate(header) if c.startswith(("thời gian", "thời lượng"))), None)
        for para in self.paras[index + 1:]:
            if para.row is None:
                break
            spans = cell_spans(para.text)
            if all(set(c) <= set("-:| ") for c in para.row) or content >= len(spans):
                continue
            start, end = _trim(para.text, *spans[content])
            if end - start < 2:
                continue
            n = len(self.plan.programme)
            self.step_spans.append((para, start, end))
            step = PlanStep(_tidy(self.found(f"programme[{n}].content", para, start, end)))
            if lead is not None and lead < len(spans):
                l_start, l_end = _trim(para.text, *spans[lead])
                if l_end > l_start:
                    step.lead = _tidy(self.found(f"programme[{n}].lead", para, l_start, l_end), False)
            if span is not None and span < len(spans):
                self.step_minutes(step, n, para, *spans[span])
            self.plan.programme.append(step)
        if self.plan.programme and lead is None:
            self.miss("programme.lead", "bảng chương trình không có cột người điều hành (không bắt buộc)")

    def step_minutes(self, step: PlanStep, n: int, para: Para, start: int, end: int) -> None:
        text = para.text[start:end]
        match = _MINUTES.search(text)
        if match:
            step.minutes = int(match.group(1))
            self.found(f"programme[{n}].minutes", para, start + match.start(), start + match.end())
            return
        first, last = start_and_end(text)
        if first and last and last.value > first.value:
            step.minutes = (last.value.hour * 60 + last.value.minute) - (first.value.hour * 60 + first.value.minute)
            self.found(f"programme[{n}].minutes", para, start + first.start, start + last.end,
                       f"tính từ khoảng giờ: {step.minutes} phút")

    def programme_list(self, index: int) -> None:
        head = self.paras[index]
        kind = None
        for para in self.paras[index + 1:]:
            if kind is None and para.row is None and (para.level == 0 or not para.text.strip("-_*= ")):
                continue  # the programme's title in capitals, a rule
            if para.row is not None or not para.marker or (head.marker and para.bullet == head.bullet):
                break
            if para.level is not None and head.level is not None and para.level <= head.level:
                break
            kind = kind or para.bullet
            if para.bullet != kind:
                break
            start, end = _trim(para.text, para.body_start, len(para.text))
            if end - start < 3:
                continue
            n = len(self.plan.programme)
            self.step_spans.append((para, start, end))
            self.plan.programme.append(PlanStep(_tidy(self.found(f"programme[{n}].content", para, start, end))))
        if self.plan.programme:
            self.miss("programme.lead", "chương trình ghi dạng liệt kê, không ghi người điều hành từng bước"
                      " (không bắt buộc)")


def _without(text: str, counts) -> str:
    for count in reversed(counts):
        text = text[:count.start] + text[count.end:]
    return text


def extract(lines: list[str]) -> tuple[PartialPlan, list[Finding], list[Missing]]:
    reader = _Reader(lines)
    reader.title()
    reader.organisation()
    reader.time_and_venue()
    reader.signer()
    reader.chairs()
    reader.chair_names_missing()
    reader.secretary()
    reader.attendance()
    reader.programme()
    reader.topics()
    order = ["title", "organisation", "parent", "place_name", "date", "start", "end", "venue",
             "chairs", "secretary", "signer", "attendance", "programme", "topics"]

    def rank(name: str) -> tuple:
        head = re.split(r"[.\[]", name)[0]
        index = re.search(r"\[(\d+)\]", name)
        return (order.index(head) if head in order else len(order), int(index.group(1)) if index else -1)

    reader.findings.sort(key=lambda f: rank(f.field))
    reader.missing.sort(key=lambda m: rank(m.field))
    return reader.plan, reader.findings, reader.missing
