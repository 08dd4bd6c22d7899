"""Find the plan's values in the lines of a plan document (see plan_documents.py).

`extract(lines)` returns the values it found as a `PartialPlan`, a `Finding` for each
value (the exact text it came from and the line), and a `Missing` for each value it
could not find or was unsure of. This module reads the issuing body, the title and
the meeting's time and place; plan_people.py the people, plan_programme.py the topics
and programme.
"""

from __future__ import annotations

import re

from .plan_found import Finding, FoundChair, Missing, PartialPlan, ReaderBase, sentence_end, tidy, trim
from .plan_attendance import AttendanceMixin
from .plan_roster import RosterMixin
from .plan_people import PeopleMixin
from .plan_programme import ProgrammeMixin
from .plan_roles import RolesMixin
from .plan_when import WhenMixin
from .plan_schedule import ScheduleMixin, schedule_entry
from .plan_fallback import FallbackMixin
from .plan_source import Para, cell_spans, without_closing, is_caps

__all__ = ["Finding", "FoundChair", "Missing", "PartialPlan", "extract"]

_I = re.IGNORECASE
_ORG = re.compile(r"(?<!\w)(?P<body>ủy ban nhân dân|uỷ ban nhân dân|ubnd|đảng ủy|đảng uỷ)"
                  r"\s+(?P<unit>xã|phường|thị trấn)(?!\w)", _I)
_ISSUER = re.compile(r"(?<!\w)(?P<body>ủy ban nhân dân|uỷ ban nhân dân|ubnd|đảng ủy|đảng uỷ)"
                     r"(?P<rest>(?:\s+\S+){0,4}?)\s+(?:xây dựng|ban hành)\s+kế\s+hoạch", _I)
_PARENT = re.compile(r"(?P<body>ĐẢNG BỘ|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\s+"
                     r"(?P<unit>TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s+(?P<name>[^\W\d_][^\t]*?)\s*$")
_COLUMN_GAP = re.compile(r"\s{3,}|\s+(?=ĐẢNG\s+CỘNG\s+SẢN|CỘNG\s+H[ÒO]A\s+XÃ\s+HỘI|ĐỘC\s+LẬP\s+-)")
_PLACE_DATE_LOOSE = re.compile(r"(?P<words>[^\W\d_]+(?: [^\W\d_]+){0,4}),\s*ngày\b", _I)
_PLACE_DATE = re.compile(r"^(?P<place>[^\W\d_][^,\t]{1,40}?)\s*,\s*ngày\b", _I)
_SIGN_KIND = re.compile(r"(?:TM|T/M)\.?\s*(?P<body>ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|ĐẢNG ỦY|ĐẢNG UỶ|BAN THƯỜNG VỤ)")

# the document's kind, alone on its line; "THƯ MỜI HỌP DÂN", "GIẤY MỜI HỌP" name the same kinds
_KINDS = re.compile(r"(?:KẾHOẠCH(?:LIÊNTỊCH)?|THÔNGBÁO|GIẤYMỜI|THƯMỜI|PHƯƠNGÁN(?:TỔCHỨC)?)(?:HỌP(?:DÂN)?)?"
                    # a script read out at the meeting: "KỊCH BẢN", "KỊCH BẢN ĐIỀU HÀNH", "KỊCH BẢN DẪN CHƯƠNG TRÌNH"
                    r"|KỊCHBẢN(?:ĐIỀUHÀNH|DẪNCHƯƠNGTRÌNH|HỘINGHỊ|CHƯƠNGTRÌNH)?"
                    # a programme issued on its own ("CHƯƠNG TRÌNH" / "Hội nghị …" / "(Kèm theo Kế hoạch …)")
                    r"|CHƯƠNGTRÌNH")
_ABOUT = re.compile(r"tiếp xúc|đối thoại|gặp mặt", re.IGNORECASE)
# a subject line that stops mid-phrase: a joining word last, or "giữa A" still waiting for "với B"
# (or with an office whose body is on the next line: "… của Chủ tịch" / "UBND xã với …")
_OPEN_SUBJECT = re.compile(r"(?:\s(?:của|với|và|giữa|cho|về|tại|trong|năm|chủ\s+tịch|bí\s+thư|người\s+đứng\s+đầu)|,)\s*$"
                           r"|\sgiữa\s(?!.*\s(?:với|và)\s)",
                           re.IGNORECASE)
# the first words of a document's body, not of its subject
_BODY_START = re.compile(r"(?:kính\s+gửi|căn\s+cứ|thực\s+hiện|số\s*:|nơi\s+nhận)", re.IGNORECASE)
# a news-style sentence: "Ủy ban nhân dân phường X tổ chức Hội nghị đối thoại giữa … ."
# an invitation: "Đến dự buổi đối thoại giữa … ."; a schedule's entry: "Đ/c … chủ trì Hội nghị tiếp xúc, …"
_ORGANISES = re.compile(r"(?<!\w)(?:tổ\s+chức|diễn\s+ra|chủ\s+trì|(?<![\w ])đến\s+(?:tham\s+)?dự)\s+"
                        r"(?=(?:hội\s+nghị|buổi|cuộc)?\s*(?:tiếp\s+xúc|đối\s+thoại|gặp\s+mặt))",
                        re.IGNORECASE)
# an e-mail's or letter's subject: "Tiêu đề: V/v chuẩn bị buổi đối thoại của Chủ tịch UBND …"
_SUBJECT = re.compile(r"(?:\[[^\[\]]{1,12}\]\s*)?(?:tiêu\s+đề|trích\s+yếu|chủ\s+đề\s+thư)?\s*:?\s*(?:v/v|về\s+việc)\s*:?\s*[^:]{0,80}?"
                      r"(?P<what>(?:buổi|hội\s+nghị|(?-i:HN)|cuộc)\s+(?:tiếp\s+xúc|đối\s+thoại|gặp\s+mặt))", re.IGNORECASE)
# an invitation's "Tới dự: Hội nghị đối thoại …"
_TO_ATTEND = re.compile(r"(?:tới|đến|về)\s+(?:tham\s+)?dự\s*:\s*(?P<what>(?:buổi|hội\s+nghị|cuộc)\s+[^:]{0,80}?(?:tiếp\s+xúc|đối\s+thoại|gặp\s+mặt))",
                        re.IGNORECASE)
_WHO_MEETS = re.compile(r"(?P<who>(?:(?!hội\s+nghị|buổi|cuộc|tổ\s+chức|chuẩn\s+bị)[^,;]){3,80}?)\s+(?:sẽ\s+)?(?:trực\s+tiếp\s+)?"
                        r"(?P<what>tiếp\s+xúc,\s+đối\s+thoại|đối\s+thoại|tiếp\s+xúc)\s+với\s+", re.IGNORECASE)
_CHANGES = re.compile(r"^(?:hoãn|lùi|dời|thay\s+đổi|điều\s+chỉnh)(?!\w)[^,;.]{0,80}?\s(?=(?:hội\s+nghị|buổi|cuộc)\s)", re.IGNORECASE)
_TITLE_STOP = re.compile(r"\s*,?\s+(?:vào\s+(?:lúc|hồi|ngày)|lúc\s+\d|tại\s|từ\s+\d|nhằm\s|để\s)", re.IGNORECASE)


def _canonical_body(body: str) -> str:
    return "Đảng ủy" if body.casefold().startswith("đảng") else "Ủy ban nhân dân"


def _title_case(words: str) -> str:
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in words.split())


def _place_words(text: str, start: int) -> tuple[int, int] | None:
    """The capitalised words of a place name at `start` ("Hoằng Trường", "KÈ SẮT", "Phường 3")."""
    first = last = None
    for match in re.finditer(r"[ ]+(\S+)", text[start:]):
        if match.start() != (0 if last is None else last - start):
            break  # a tab (next cell) or anything but spaces between words
        if last is not None and len(match.group()) - len(match.group(1)) >= 3:
            break  # a run of spaces: the next column of a header ("AN PHÚ      CỘNG HÒA …")
        word = match.group(1)
        bare = word.rstrip(".,;:)")
        if not bare or not (bare[0].isupper() or bare.isdigit()) or not bare.isalnum():
            break
        if first is not None and len(bare) > 1 and bare.isupper() != text[first:last].split()[0].isupper():
            break  # "KÈ SẮT Số: 05/KH-UBND": the place ends where the case changes
        first = start + match.start(1) if first is None else first
        last = start + match.start(1) + len(bare)
        if bare != word or len(text[first:last].split()) >= 5:
            break
    return (first, last) if first is not None else None


class _Above:
    """A header's body written in the row above its unit and place ("ỦY BAN NHÂN DÂN" / "XÃ …"):
    looks like an `_ORG` match on the lower row, whose text is the finding."""

    def __init__(self, body: str, unit: re.Match):
        self.groups = {"body": body, "unit": unit["unit"]}
        self.unit = unit

    def __getitem__(self, name: str) -> str:
        return self.groups[name]

    def start(self) -> int:
        return self.unit.start()

    def end(self) -> int:
        return self.unit.end()


class _Reader(WhenMixin, ScheduleMixin, PeopleMixin, RolesMixin, AttendanceMixin, RosterMixin, ProgrammeMixin,
              FallbackMixin, ReaderBase):
    # -- issuing body, title ------------------------------------------------------

    def kehoach_index(self) -> int | None:
        """The line that names the document's kind: KẾ HOẠCH (LIÊN TỊCH), THÔNG BÁO, GIẤY MỜI, THƯ MỜI."""
        for i, para in enumerate(self.paras):
            if _KINDS.fullmatch(para.text.replace(" ", "")):
                return i
        return None

    def issuing_kind(self, top: int | None) -> tuple[str | None, str | None, tuple | None]:
        """(body, unit, issuer sentence) from "Số: 05/KH-UBND", "… xã xây dựng kế hoạch", "TM. …"."""
        kind = unit = issuer = None
        for i, para in enumerate(self.paras):
            if re.match(r"số\s*:", para.text, _I) or (top is not None and i < top and re.search(r"\bSố\b", para.text)):
                if re.search(r"-UBND\b", para.text):
                    kind = "Ủy ban nhân dân"
                elif re.search(r"/ĐU\b", para.text):
                    kind = "Đảng ủy"
        for para in self.paras:
            match = _ISSUER.search(para.text)
            if match:
                issuer, kind = (para, match), _canonical_body(match["body"])
                rest = match["rest"].split()
                if rest and rest[0].casefold() in ("xã", "phường"):
                    unit = rest[0].casefold()
                elif " ".join(rest[:2]).casefold() == "thị trấn":
                    unit = "thị trấn"
                break
        if kind is None:
            for para in self.paras:
                sign = _SIGN_KIND.search(para.text)
                if sign:
                    kind = "Ủy ban nhân dân" if "NHÂN DÂN" in sign["body"] else "Đảng ủy"
                    break
        return kind, unit, issuer

    def org_candidates(self, top: int | None, kind: str | None, issuer: tuple | None) -> list[tuple]:
        """(rank, index, para, match, place span) of every "<body> xã <Place>"; lower rank is better:
        the header above "KẾ HOẠCH", then the issuer's sentence, then anywhere; another body last."""
        out = []
        for i, para in enumerate(self.paras):
            found = [(para, m) for m in _ORG.finditer(para.text)]
            # a header written on two lines: "ỦY BAN NHÂN DÂN" / "XÃ KÈ SẮT"
            if re.fullmatch(r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|ĐẢNG ỦY|ĐẢNG UỶ", para.text) and i + 1 < len(self.paras):
                nxt = self.paras[i + 1]
                if nxt.row is None and is_caps(nxt.text) and re.match(r"(XÃ|PHƯỜNG|THỊ TRẤN)\s+", nxt.text):
                    joined = Para(para.lines + nxt.lines)
                    found += [(joined, m) for m in [_ORG.match(joined.text)] if m]
            # the same in a header whose columns are aligned with spaces: "ỦY BAN NHÂN DÂN      CỘNG HÒA …"
            elif para.row is None and i + 1 < len(self.paras) and self.paras[i + 1].row is None \
                    and re.fullmatch(r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|ĐẢNG ỦY|ĐẢNG UỶ", _COLUMN_GAP.split(para.text, 1)[0]):
                unit = re.match(r"(?P<unit>XÃ|PHƯỜNG|THỊ TRẤN)(?=\s)", self.paras[i + 1].text)
                if unit:
                    found.append((self.paras[i + 1], _Above(_COLUMN_GAP.split(para.text, 1)[0], unit)))
            # the same in the first column of a header table: "ỦY BAN NHÂN DÂN\tCỘNG HÒA …" / "XÃ …\t…"
            if para.row and re.fullmatch(r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|ĐẢNG ỦY|ĐẢNG UỶ", para.row[0]) \
                    and i + 1 < len(self.paras) and self.paras[i + 1].row:
                nxt = self.paras[i + 1]
                unit = re.match(r"(?P<unit>XÃ|PHƯỜNG|THỊ TRẤN)(?=\s)", nxt.text)
                if unit:
                    found.append((nxt, _Above(para.row[0], unit)))
            for where, match in found:
                place = _place_words(where.text, match.end())
                if not place:
                    continue
                rank = 0 if top is not None and i < top else 1 if issuer and issuer[0] is where else 2
                if kind and _canonical_body(match["body"]) != kind:
                    rank += 3
                out.append((rank, i, where, match, place))
        return out

    def organisation(self) -> None:
        top = self.kehoach_index()
        kind, unit, issuer = self.issuing_kind(top)
        candidates = self.org_candidates(top, kind, issuer)
        if candidates:
            rank, i, para, match, place = min(candidates, key=lambda c: (c[0], c[1]))
            if rank < 3:
                place_name = _title_case(para.text[place[0]:place[1]])
                self.plan.organisation = (f"{_canonical_body(match['body'])} {match['unit'].casefold()} "
                                          f"{place_name}")
                self.plan.place_name = place_name
                self.found("organisation", para, match.start(), place[1])
                self.found("place_name", para, place[0], place[1])
                self.parent(i, para, match.start(), place[1])
                return
        place_line = self.place_date()
        if kind and unit and issuer and place_line:
            para, match = issuer
            p_para, p_start, p_end = place_line
            place_name = tidy(p_para.text[p_start:p_end], capitalise=False)
            self.plan.organisation = f"{kind} {unit} {place_name}"
            self.plan.place_name = place_name
            end = match.start("rest") + len(match["rest"].rstrip())
            self.found("organisation", para, match.start(), end,
                       f"văn bản không ghi tên xã cạnh cơ quan; tên xã lấy từ dòng {p_para.first}")
            self.found("place_name", p_para, p_start, p_end, "lấy từ dòng ghi địa danh, ngày tháng")
            return
        if place_line:
            p_para, p_start, p_end = place_line
            self.plan.place_name = tidy(p_para.text[p_start:p_end], capitalise=False)
            self.found("place_name", p_para, p_start, p_end, "lấy từ dòng ghi địa danh, ngày tháng")
        else:
            self.miss("place_name", "không tìm thấy tên xã (dòng “…, ngày … tháng … năm …”)")
        what = f"{kind} {unit or 'xã'} …" if kind else "Ủy ban nhân dân xã … hoặc Đảng ủy xã …"
        self.miss("organisation", f"không tìm thấy đủ tên cơ quan ban hành ({what})")

    def place_date(self) -> tuple[Para, int, int] | None:
        """The place of the place/date line ("Kè Sắt, ngày tháng 5 năm 2026")."""
        top = self.kehoach_index()
        for i, para in enumerate(self.paras):
            for a, b in cell_spans(para.text) or [(0, len(para.text))]:
                cell = para.text[a:b]
                match = _PLACE_DATE.match(cell)
                if match and all(w[0].isupper() for w in match["place"].split()):
                    return para, a + match.start("place"), a + match.start("place") + len(match["place"].rstrip())
                loose = _PLACE_DATE_LOOSE.search(cell) if top is not None and i < top else None
                if loose:  # a header cell: "... Hạnh phúc Kè Sắt, ngày 20 tháng 5 năm 2026"
                    words = loose["words"].split(" ")
                    keep = 0
                    while keep < len(words) and words[-1 - keep][0].isupper():
                        keep += 1
                    if keep:
                        end = a + loose.end("words")
                        return para, end - len(" ".join(words[-keep:])), end
        return None

    def parent(self, index: int, para: Para, org_start: int, org_end: int) -> None:
        """The level above ("ĐẢNG BỘ THÀNH PHỐ VINH"), written just above a header in capitals."""
        if not is_caps(para.text[org_start:org_end]):
            return
        target, before = para, para.text[:org_start].rstrip()
        if not before and index > 0 and self.paras[index - 1].row is None:
            target = self.paras[index - 1]
            before = target.text
        match = _PARENT.search(before)
        if match:
            body = "Đảng bộ" if match["body"] == "ĐẢNG BỘ" else "Ủy ban nhân dân"
            # the name ends at the header's next column: a run of spaces, or the motto line of the
            # other column ("ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
            name = _COLUMN_GAP.split(match["name"], maxsplit=1)[0].rstrip()
            self.plan.parent = f"{body} {match['unit'].casefold()} {_title_case(name)}"
            self.found("parent", target, match.start(), match.start("name") + len(name))

    def title(self) -> None:
        top = self.kehoach_index()
        subject = self.paras[top + 1] if top is not None and top + 1 < len(self.paras) else None
        if subject is None or subject.row is not None or subject.level == 0:
            if not self.title_in_sentence():
                self.miss("title", "không tìm thấy trích yếu dưới chữ “KẾ HOẠCH” / “THÔNG BÁO”")
            return
        subject = self.subject_continued(top + 1)
        start, end = trim(subject.text, 0, len(subject.text))
        if subject.text[start:start + 1] == "(" and subject.text[end - 1:end] == ")":
            start, end = trim(subject.text, start + 1, end - 1)  # "(V/v dự buổi đối thoại …)"
        text = subject.text[start:end]
        if not _ABOUT.search(text):
            if self.title_in_sentence():
                return
            self.miss("title", f"trích yếu “{text}” không nói về hội nghị đối thoại")
            return
        self.set_title(subject, start, end, "tên hội nghị đặt theo trích yếu của văn bản")

    def subject_continued(self, index: int) -> Para:
        """The subject line, joined with the next line when it stops mid-phrase ("… trực tiếp giữa
        Chủ tịch" / "UBND xã với bà con …"): it ends with a joining word, or says "giữa" without
        the "với" that completes it, and the next line follows at once as plain text."""
        subject = self.paras[index]
        nxt = self.paras[index + 1] if index + 1 < len(self.paras) else None
        if nxt is None or nxt.row is not None or nxt.marker or nxt.level is not None \
                or nxt.lines[0][0] != subject.lines[-1][0] + 1 or len(subject.text) + len(nxt.text) > 300 \
                or not _OPEN_SUBJECT.search(subject.text) or _BODY_START.match(nxt.text):
            return subject
        return Para(subject.lines + nxt.lines)

    def title_in_sentence(self) -> bool:
        """No document kind: the meeting's name in a subject line ("Tiêu đề: V/v chuẩn bị buổi đối
        thoại …") or in "… tổ chức Hội nghị đối thoại … ." (a news item)."""
        for para in self.paras:
            subject = (_SUBJECT.match(para.body) or _TO_ATTEND.match(para.body)) if para.row is None else None
            if subject:
                start = para.body_start + subject.start("what")
                start, end = trim(para.text, start, len(para.text))
                if 10 <= end - start <= 300:
                    where, start, end = self.as_written(para, start, end)
                    self.set_title(where, start, end, "tên hội nghị lấy từ dòng trích yếu (V/v)" if where is para
                                   else f"tên hội nghị theo trích yếu (dòng {para.first}), viết như trong câu này")
                    return True
        for para in self.paras:
            if para.row is not None or is_caps(para.text):
                continue
            match = _ORGANISES.search(para.text, 0, 2000)
            if match:
                start = match.end()
                end = sentence_end(para.text[:start + 600], start)
                stop = _TITLE_STOP.search(para.text, start, end)
                end = stop.start() if stop else end
                start, end = trim(para.text, start, end)
                if 10 <= end - start <= 300:
                    self.set_title(para, start, end, "tên hội nghị lấy từ câu nói về việc tổ chức")
                    self.year_from_heading()
                    return True
        return False

    def as_written(self, para: Para, start: int, end: int) -> tuple[Para, int, int]:
        """A name in capitals ("HỘI NGHỊ ĐỐI THOẠI …") where the body writes it again in normal
        case: that span, else the one in capitals."""
        name = para.text[start:end]
        if not is_caps(name):
            return para, start, end
        key = name.lower()
        for other in self.paras:
            if other is para or other.row is not None or len(other.text) < len(name):
                continue
            at = other.text.lower().find(key, 0, 3000)
            if at >= 0 and len(other.text.lower()) == len(other.text) and not is_caps(other.text[at:at + len(name)]):
                return other, at, at + len(name)
        return para, start, end

    def year_from_heading(self) -> None:
        """The heading in capitals names the same meeting and adds its year ("… NĂM 2025")."""
        heading = " ".join(p.text for p in self.paras[:15] if p.level == 0 and is_caps(p.text)).casefold()
        name = " ".join(self.plan.title.split()).casefold()
        at = heading.find(name)
        year = re.match(r"\s+năm\s+(\d{4})\b", heading[at + len(name):]) if at >= 0 else None
        if year and not re.search(r"\bnăm\s+\d{4}$", name):
            self.plan.title += f" năm {year.group(1)}"

    def set_title(self, para: Para, start: int, end: int, note: str) -> None:
        text = para.text[start:end]
        rest = re.sub(r"^(?:v/v|về việc)\s+", "", text, flags=_I)
        rest = re.sub(r"^(?:mời\s+)?(?:dự|tham\s+dự)\s+", "", rest, flags=_I)
        # "Lịch đối thoại của …", "Kế hoạch tổ chức đối thoại …": the document, not the meeting
        rest = re.sub(r"^(?:lịch|kế\s+hoạch|chương\s+trình)\s+(?=(?:tổ\s+chức\s+)?(?:buổi\s+|hội\s+nghị\s+)?"
                      r"(?:tiếp\s+xúc|đối\s+thoại))", "", rest, flags=_I)
        # "Về việc hoãn (thời gian và thay đổi địa điểm tổ chức) Hội nghị …": a notice that changes a
        # meeting; the meeting's name is what follows
        rest = _CHANGES.sub("", rest, count=1)
        # "Về việc Chủ tịch UBND xã đối thoại với bà con …": the meeting of the one who holds it
        who = _WHO_MEETS.match(rest)
        if who:
            rest = f"Hội nghị {who['what']} của {who['who']} với {rest[who.end():]}"
        if not re.match(r"hội\s+nghị|(?-i:HN)\s", rest, _I):  # (HN: a message's "hội nghị")
            rest = re.sub(r"^tổ\s+chức\s+", "", rest, flags=_I)
            rest = re.sub(r"^(?:buổi|hội\s+nghị|cuộc)\s+", "", rest, flags=_I)
            rest = "Hội nghị " + rest
        self.plan.title = tidy(rest)
        self.found("title", para, start, end, note)


def extract(lines: list[str], rules_off: frozenset = frozenset()) -> tuple[PartialPlan, list[Finding], list[Missing]]:
    # rules_off: fields whose rules are skipped, only their fallback run (bench/plan_fallback.py)
    schedule = schedule_entry(lines)  # a weekly schedule: only the meeting's entry is read
    reader = _Reader(schedule[0] if schedule else lines)
    reader.rules_off = rules_off
    reader.schedule_day = schedule[1] if schedule else None
    reader.title()
    reader.organisation()
    # the recipients and the signature name no meeting field (the signer is read from the lines)
    reader.paras = without_closing(reader.paras)
    reader.time_and_venue()
    reader.schedule_when()
    reader.signer()
    for name, rules in (("chairs", (reader.chairs, reader.chair_names_missing)), ("secretary", (reader.secretary,)),
                        ("attendance", (reader.attendance,))):
        for rule in rules if name not in rules_off else ():
            rule()
    reader.programme()
    reader.fill_from_context()
    reader.end_from_programme()
    reader.topics()
    order = "title organisation parent place_name date start end venue chairs secretary signer attendance programme topics".split()

    def rank(name: str) -> tuple:
        head = re.split(r"[.\[]", name)[0]
        index = re.search(r"\[(\d+)\]", name)
        return (order.index(head) if head in order else len(order), int(index.group(1)) if index else -1)

    reader.findings.sort(key=lambda f: rank(f.field))
    reader.missing.sort(key=lambda m: rank(m.field))
    return reader.plan, reader.findings, reader.missing
