"""When and where the meeting happens (a part of the plan reader, see plan_documents.py).

Dates are looked for anywhere in the text and chosen by their context, not by a heading
alone: a date in the sentence about the meeting (with a clock time, "hội nghị … vào
lúc", "bắt đầu lúc", or under "Thời gian:" / a "THỜI GIAN, ĐỊA ĐIỂM" section) wins;
the issue date ("Kè Sắt, ngày …"), an opinion-collection window ("từ ngày … đến ngày
…"), a posting stamp ("Ngày đăng: …", "Cập nhật lúc …"), deadlines and the dates of
source documents are never the meeting's. The start is the time of that sentence; the
end a range in it, "kết thúc lúc …", or the last time of the programme.

Each paragraph is read only up to `WINDOW` characters for dates and times: a sentence
that says when a meeting happens is never longer, and the reading stays linear.
"""

from __future__ import annotations

import re
from datetime import date

from .plan_dates import FoundDate, FoundTime, VagueDate, find_dates, find_times, start_and_end
from .plan_found import sentence_end, tidy, trim
from .plan_source import Para, schedule_cells, section

_I = re.IGNORECASE
WINDOW = 3000

_TIME_LABEL = re.compile(r"(?:thời\s+gian|ngày\s+giờ|thời\s+điểm|vào\s+lúc|vào\s+hồi)(?:\s+(?:tổ chức|họp|hội nghị|tiến hành|diễn ra|dự kiến|"
                         r"đối thoại|bắt đầu))?(?P<both>\s*(?:,|và)\s*địa\s+điểm(?:\s+tổ\s+chức)?)?\s*:\s*", _I)
_VENUE_LABEL = re.compile(r"(?:địa\s+điểm|nơi\s+(?:tổ\s+chức|họp|diễn\s+ra)|tại)(?:\s+(?:tổ chức|họp|hội nghị|đối thoại))?(?:\s+dự\s+kiến)?"
                          r"(?P<both>\s*(?:,|và)\s*thời\s+gian(?:\s+tổ\s+chức)?)?\s*:\s*", _I)
# a heading that names the time and the place among its parts ("NỘI DUNG, THỜI GIAN, ĐỊA ĐIỂM")
_TIME_SECTION = re.compile(r"(?:[^\W\d_]+(?:\s+[^\W\d_]+)?\s*(?:,|và|-)\s*){0,2}"
                           r"(?:thời\s+gian|địa\s+điểm)\s*(?:,|và|-)\s*(?:thời\s+gian|địa\s+điểm)"
                           r"(?:\s*(?:,|và)\s*thành\s+phần)?(?:\s+tổ\s+chức)?(?:\s+hội\s+nghị)?\s*:?\s*$", _I)
_AT = re.compile(r"(?:^|(?<=[\s,]))tại\s+", _I)
# the same labels where a sentence of a paragraph starts ("… ngày 18/10/2026. Địa điểm: …")
_TIME_LABEL_IN = re.compile(r"(?<=[.;]\s)" + _TIME_LABEL.pattern, _I)
_VENUE_LABEL_IN = re.compile(r"(?<=[.;]\s)" + _VENUE_LABEL.pattern, _I)
# "gửi về Văn phòng … tại số 27 đường …", "niêm yết tại …": where papers go, not where people meet
_PAPERS = re.compile(r"(?:gửi|nộp|chuyển|bỏ|niêm\s+yết|tiếp\s+nhận|liên\s+hệ|đăng\s+ký|phát\s+hành)(?!\w)", _I)
# "tại hội nghị", "tại thông báo kết luận", "tại Điều 3", "tại các …": the meeting itself or a document, not a place
_NOT_PLACE = re.compile(r"(?:hội\s+nghị|buổi|cuộc|kỳ\s+họp|phiên|thông\s+báo|kế\s+hoạch|văn\s+bản|công\s+văn|quyết\s+định"
                        r"|nghị\s+(?:định|quyết)|điều|khoản|mục|phụ\s+lục|biên\s+bản|địa\s+phương|chỗ|cơ\s+sở|đây|đó"
                        # "tại các cuộc họp thôn", "tại những nơi công cộng": many places, not the meeting's
                        r"|các|những)(?!\w)", _I)
_HALF_DAY = re.compile(r"½\s*ngày|1/2\s*ngày|nửa\s+ngày|buổi\s+(?:sáng|chiều|tối)|\d+\s+buổi", _I)
_MEETING = re.compile(r"hội\s+nghị|buổi\s+(?:đối\s+thoại|tiếp\s+xúc|gặp\s+mặt)|diễn\s+ra|bắt\s+đầu|khai\s+mạc|"
                      r"vào\s+(?:lúc|hồi)|tổ\s+chức\s+(?:đối\s+thoại|tiếp\s+xúc)|được\s+tổ\s+chức|sẽ\s+tổ\s+chức", _I)
_SOURCE = re.compile(r"căn\s+cứ|thực\s+hiện\s+(?:kế\s+hoạch|công\s+văn|quyết\s+định|chỉ\s+thị|hướng\s+dẫn|quy\s+định)"
                     r"|\bluật\b|nghị\s+định|nghị\s+quyết", _I)
_ORGANISES_AFTER = re.compile(r",\s[^,]{0,80}?(?:tổ\s+chức|sẽ\s+tổ\s+chức)\s+(?:hội\s+nghị|buổi|cuộc)", _I)
_STAMP = re.compile(r"(?:đăng|cập\s+nhật|ban\s+hành|xuất\s+bản|lượt\s+xem)(?:\s+\S+){0,3}\s*$", _I)
_WINDOW_FROM = re.compile(r"(?:từ|kể\s+từ)\s*(?:ngày\s*)?$", _I)
_WINDOW_TO = re.compile(r"(?:đến|tới|-|–)\s*(?:hết\s*)?(?:ngày\s*)?$", _I)
_WEEKDAY = re.compile(r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*$", _I)
# "thu 3 ngay", "thứ Ba,": the weekday just before a date
_WEEKDAY_BEFORE = re.compile(r"th(?:ứ|u)\s+(hai|ba|tư|tu|năm|nam|sáu|sau|bảy|bay|[2-7])\s*,?\s*(?:ng(?:à|a)y\s*)?$", _I)
_WEEKDAY_NUMBER = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "tu": 2, "4": 2, "năm": 3, "nam": 3, "5": 3,
                   "sáu": 4, "sau": 4, "6": 4, "bảy": 5, "bay": 5, "7": 5}
# "năm 2026": the year a document names
_YEAR = re.compile(r"(?<!\w)n(?:ă|a)m\s+(20\d\d)(?!\d)", _I)
_PLACE_DATE = re.compile(r"(?:^|\t)\s*(?P<place>[^\W\d_]+(?: [^\W\d_]+){0,5}),\s*(?:ngày\s*)?$")
# "kết thúc lúc 11 giờ 00", "kết thúc trước 11 giờ 30", "bế mạc lúc 16 giờ 30", "Bế mạc: 17 giờ 00"
_END = re.compile(r"(?:kết\s+thúc|bế\s+mạc)\s*(?:vào\s+)?(?:(?:lúc|hồi|khoảng|vào\s+khoảng|trước)\s+|:\s*)?(?=\d)", _I)
_START = re.compile(r"(?:bắt\s+đầu|khai\s+mạc|vào\s+lúc|vào\s+hồi)\s*(?:từ\s+|lúc\s+|vào\s+lúc\s+)?(?=\d)", _I)
_VENUE_STOP = re.compile(r"\s*[;]|\s*,?\s*(?:vào\s+(?:lúc|hồi|ngày)|lúc\s+\d|từ\s+\d|dự\s+kiến|thời\s+gian)\b"
                         # "tại Hội trường ấp, Ủy ban nhân dân xã tổ chức …": the next clause is not the place
                         r"|,(?=\s+[^,;.]{0,60}?\s(?:tổ\s+chức|tiến\s+hành|diễn\s+ra|sẽ|đối\s+thoại)\s)"
                         # "(Hội trường … – 14 giờ 00, …)": a spaced en dash separates the parts of one line
                         r"|\s+[–—]\s|\s*\t"
                         # "tại Nhà văn hóa khu phố 5 sẽ diễn ra buổi đối thoại …": the verb ends the place
                         r"|\s+(?:sẽ\s+)?(?:diễn\s+ra|được\s+tổ\s+chức)\s"
                         # "tại sân … về tình trạng …": the subject of the meeting follows the place
                         r"|\s+(?-i:về\s+(?!phía)[a-zđà-ỹ])", _I)
# a place a meeting is held in, when a line names it without "Địa điểm:" or "tại"
_PLACE_NOUN = re.compile(r"(?:hội\s+trường|nhà\s+văn\s+h(?:óa|oá)|trụ\s+sở|văn\s+phòng|phòng\s+họp|sân|trường|"
                         r"nhà\s+sinh\s+hoạt|đình|hội\s+quán|trung\s+tâm)\s", _I)
_PLACE_AFTER = re.compile(r"[,–—]\s*(?=" + _PLACE_NOUN.pattern + ")", _I)
# where the parts of a bracketed line begin: "(Thời gian: … – Địa điểm: …)"
_PART = re.compile(r"^\(\s*|\s[–—]\s+|;\s+")


# a meeting put off or moved ("hoãn", "lùi", "dời", "thay đổi thời gian"), and where the new date follows
_POSTPONES = re.compile(r"(?<!\w)(?:hoãn|lùi|dời|thay\s+đổi\s+(?:thời\s+gian|ngày|lịch))(?!\w)", _I)
_POSTPONED_TO = re.compile(r"(?<!\w)(?:hoãn|lùi|dời|chuyển)(?!\w)[^.;]{0,80}?(?:sang|đến|tới|vào)\s+(?:ngày\s*)?$", _I)
# the plan it changes: "Theo Kế hoạch số …", "như đã thông báo", "dự kiến ban đầu"
_AS_PLANNED = re.compile(r"(?<!\w)(?:theo\s+(?:kế\s+hoạch|giấy\s+mời|thông\s+báo|lịch)|(?:như\s+)?đã\s+(?:thông\s+báo|ấn\s+định|mời)"
                         r"|trước\s+đây|ban\s+đầu)(?!\w)", _I)


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The sentence of `text` around `pos` (between ". " boundaries)."""
    start = 0
    for match in re.finditer(r"\.\s+(?=[^\W\d_])", text[max(0, pos - 400):pos]):
        start = max(0, pos - 400) + match.end()
    return start, sentence_end(text, pos)


class WhenMixin:
    """Part of the reader (plan_extract._Reader): uses self.paras, .plan, .found, .miss."""

    def labelled(self) -> tuple[list[tuple[Para, int]], list[tuple[Para, int, bool]]]:
        """(paragraph, value start) of each "Thời gian:" and "Địa điểm:" (with what follows a
        "THỜI GIAN, ĐỊA ĐIỂM" heading)."""
        timed: list[tuple[Para, int]] = []
        venues: list[tuple[Para, int, bool]] = []
        in_section: list[Para] = []
        for i, para in enumerate(self.paras):
            if para.row is not None:
                continue
            body = para.body
            if body.startswith("(") and body.rstrip(" .").endswith(")"):
                self.bracketed(para, timed, venues)
                continue
            if _TIME_SECTION.match(body):
                in_section += section(self.paras, i)
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
                continue
            head = body[:WINDOW]
            label = _TIME_LABEL_IN.search(head)
            if label:
                timed.append((para, para.body_start + label.end()))
            label = _VENUE_LABEL_IN.search(head)
            if label:
                venues.append((para, para.body_start + label.end(), False))
        for para, start, _ in schedule_cells(self.paras, "when"):
            timed.append((para, start))
        for para, start, _ in schedule_cells(self.paras, "venue"):
            venues.append((para, start, False))
        labelled = {id(p) for p, _ in timed} | {id(p) for p, _, _ in venues}
        for para in in_section:
            if para.row is None and id(para) not in labelled:
                labelled.add(id(para))  # sections may overlap: each paragraph once
                timed.append((para, para.body_start))
                venues.append((para, para.body_start, not re.match(r"tại\s", para.body, _I)))
        timed.sort(key=lambda t: t[0].first)
        return timed, venues

    @staticmethod
    def bracketed(para: Para, timed: list, venues: list) -> None:
        """A line in brackets under a title: "(Thời gian: … – Địa điểm: …)" or "(Hội trường … – 14 giờ …)"."""
        body, base = para.body, para.body_start
        for part in _PART.finditer(body):
            pos = part.end()
            label = _TIME_LABEL.match(body, pos)
            if label:
                timed.append((para, base + label.end()))
                continue
            label = _VENUE_LABEL.match(body, pos)
            if label:
                venues.append((para, base + label.end(), False))
            elif _PLACE_NOUN.match(body, pos):
                venues.append((para, base + pos, False))
        if not any(p is para for p, _ in timed):
            timed.append((para, base))

    def time_and_venue(self) -> None:
        timed, venues = self.labelled()
        chosen = self.when(timed)
        self.where(venues, chosen)

    # -- the date ------------------------------------------------------------------------

    def date_candidates(self, timed: list[tuple[Para, int]]):
        """(score, order, found, para, offset) of every date that may be the meeting's."""
        labelled = {id(p): s for p, s in timed}
        out = []
        # a notice that postpones or moves a meeting: the new date wins over the one planned before
        postponed = any(_POSTPONES.search(p.text, 0, 600) for p in self.paras[:40] if p.row is None)
        for order, para in enumerate(self.paras):
            if para.row is not None and id(para) not in labelled:
                continue
            offset = labelled.get(id(para), 0)
            text = para.text[:offset + WINDOW]
            times = None
            for found in find_dates(text[offset:]):
                at = offset + found.start
                before = text[max(0, at - 60):at]
                place = _PLACE_DATE.search(text, max(0, at - 60), at)
                if place and (not all(w[0].isupper() for w in place["place"].split())
                              or _WEEKDAY.search(place["place"])):
                    place = None  # "Thứ Bảy, 20/12/2025": a weekday, not the place of an issue date
                if place or _STAMP.search(before):
                    continue  # the issue date, a posting stamp
                if self.in_window(text, at, offset + found.end):
                    continue
                a, b = _sentence(text, at)
                sentence = text[a:b]
                score = 0
                if id(para) in labelled:
                    score += 6
                if times is None:
                    times = [offset + t.start for t in find_times(text[offset:])]
                if any(a <= t < b for t in times):
                    score += 4
                if _MEETING.search(sentence):
                    score += 2
                source = None
                for source in _SOURCE.finditer(sentence, 0, max(0, at - a)):
                    pass
                # "Thực hiện Kế hoạch số … ngày …, UBND phường tổ chức Hội nghị … vào … ngày …": the
                # source document's date, not the meeting's one the sentence goes on to give
                if source and not _ORGANISES_AFTER.search(sentence, source.end(), max(0, at - a)):
                    score -= 6
                if _POSTPONED_TO.search(text, max(a, at - 100), at):
                    score += 6  # "hoãn Hội nghị sang ngày 18/12/2026": the new date
                elif postponed and _AS_PLANNED.search(text, a, at):
                    score -= 6  # "Theo Kế hoạch số …, Hội nghị … được tổ chức vào …": the old one
                if score >= 2:
                    out.append((score, order, found, para, offset))
        return out

    def year_from_weekday(self, best) -> bool:
        """A date written without its year ("thu 3 ngay 15/12"): the year the document names
        ("năm 2026") on which the weekday written before the date falls; False unless exactly one of
        the years the document names fits."""
        _, _, found, para, offset = best
        day = re.search(r"(\d{1,2})\s*(?:/|\s+tháng\s+)\s*(\d{1,2})$", found.text, _I)
        weekday = _WEEKDAY_BEFORE.search(para.text, max(0, offset + found.start - 25), offset + found.start)
        years = {m.group(1) for p in self.paras[:60] if p.row is None for m in _YEAR.finditer(p.text[:2000])}
        if not day or not weekday:
            return False
        fits = []
        for year in sorted(years):
            try:
                value = date(int(year), int(day.group(2)), int(day.group(1)))
            except ValueError:
                continue
            if value.weekday() == _WEEKDAY_NUMBER[weekday.group(1).casefold()]:
                fits.append(value)
        if len(fits) != 1:
            return False
        value = fits[0]
        self.plan.date = value
        self.found("date", para, offset + found.start, offset + found.end,
                   f"văn bản không ghi năm; lấy năm {value.year} của văn bản ({weekday.group().strip()} khớp)")
        return True

    @staticmethod
    def in_window(text: str, start: int, end: int) -> bool:
        """Part of "từ ngày … đến ngày …" (a period to collect opinions, not a meeting)."""
        before = text[max(0, start - 30):start]
        if _WINDOW_FROM.search(before):
            after = text[end:end + 30]
            return bool(re.match(r"\s*(?:đến|tới|-|–)\s*(?:hết\s*)?(?:ngày\s*)?\d", after, _I))
        to = _WINDOW_TO.search(before)
        if to:
            return bool(re.search(r"(?:từ|kể\s+từ)\s*(?:ngày\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\s*$",
                                  text[max(0, start - 60):start - len(to.group())], _I))
        return False

    def when(self, timed: list[tuple[Para, int]]):
        """Choose the meeting's date, start and end; return (para, sentence start, end) of its sentence."""
        candidates = self.date_candidates(timed)
        best = max(candidates, key=lambda c: (c[0], -c[1]), default=None)
        chosen = None
        if best and isinstance(best[2], FoundDate):
            _, _, found, para, offset = best
            at = offset + found.start
            note = ""
            if re.search(r"dự\s+kiến", para.text[max(offset, at - 40):at], _I):
                note = "văn bản ghi “dự kiến”: đối chiếu với giấy mời"
            self.plan.date = found.value
            self.found("date", para, at, offset + found.end, note)
            chosen = (para, *_sentence(para.text[:offset + WINDOW], at))
        elif best and self.year_from_weekday(best):
            _, _, found, para, offset = best
            chosen = (para, *_sentence(para.text[:offset + WINDOW], offset + found.start))
        elif best:
            _, _, found, para, offset = best
            self.miss("date", f"{found.note} (dòng {para.span(offset + found.start, offset + found.end)[1]})")
        elif timed:
            self.miss("date", f"mục “Thời gian” (dòng {timed[0][0].first}) không ghi ngày họp")
        else:
            self.miss("date", "không tìm thấy ngày họp (câu nói hội nghị tổ chức vào ngày nào)")
        self.start_time(chosen, timed)
        return chosen

    # -- the times -----------------------------------------------------------------------

    def start_time(self, chosen, timed: list[tuple[Para, int]]) -> None:
        places: list[tuple[Para, int, int]] = []
        if chosen:
            places.append(chosen)
        places += [(p, s, min(len(p.text), s + WINDOW)) for p, s in timed]
        for para in self.paras:
            if para.row is None:
                match = _START.search(para.text, 0, WINDOW)
                if match:
                    places.append((para, match.start(), sentence_end(para.text[:WINDOW], match.end())))
        for para, a, b in places:
            first, last = self.times_in(para, a, b)
            if first:
                self.plan.start = first.value
                self.found("start", para, a + first.start, a + first.end)
                if last and last.value > first.value:
                    self.plan.end = last.value
                    self.found("end", para, a + last.start, a + last.end)
                break
        if self.plan.start is None:
            half = next((m for p, s in timed for m in [_HALF_DAY.search(p.text, s, s + WINDOW)] if m), None)
            if half:
                self.miss("start", f"chỉ ghi “{half.group()}”, chưa có giờ bắt đầu")
            else:
                self.miss("start", "không ghi giờ bắt đầu")
            return
        if self.plan.end is None:
            self.end_time()

    def times_in(self, para: Para, a: int, b: int) -> tuple[FoundTime | None, FoundTime | None]:
        return start_and_end(para.text[a:b])

    def end_time(self) -> None:
        for para in self.paras:
            if para.row is not None:
                continue
            match = _END.search(para.text, 0, WINDOW)
            if match:
                times = find_times(para.text[match.end():match.end() + 40])
                if times and times[0].start == 0 and times[0].value > self.plan.start:
                    t = times[0]
                    self.plan.end = t.value
                    self.found("end", para, match.end() + t.start, match.end() + t.end)
                    return
        # else the programme's last time may give it (ProgrammeMixin.end_from_programme)

    # -- the place -----------------------------------------------------------------------

    def where(self, venues: list[tuple[Para, int, bool]], chosen) -> None:
        tried = [(para, start, after_at, start + WINDOW) for para, start, after_at in
                 sorted(venues, key=lambda v: v[0].first)]
        if chosen:  # "… vào 8 giờ ngày 16/5/2026, tại Nhà văn hóa bản": in the meeting's sentence or the next
            text = chosen[0].text
            tried.append((chosen[0], chosen[1], True, sentence_end(text[:chosen[2] + WINDOW], chosen[2] + 1)))
        for para, start, after_at, limit in tried:
            text = para.text
            if after_at:
                at = next((m for m in _AT.finditer(text, start, limit) if not _NOT_PLACE.match(text, m.end())
                           and not _papers_go(text, m.start())), None)
                if not at:  # "Thời gian, địa điểm: 15h00 ngày …, Hội trường …"
                    at = _PLACE_AFTER.search(text, start, sentence_end(text[:start + WINDOW], start))
                if not at:
                    continue
                start = at.end()
            else:
                at = re.match(r"tại\s+", text[start:], _I)
                start += at.end() if at else 0
            end = sentence_end(text[:start + WINDOW], start)
            stop = _VENUE_STOP.search(text, start, end)
            end = end if stop is None or stop.start() == start else stop.start()
            end = _balanced(text, start, end)
            start, end = trim(text, start, end)
            if end - start < 3 or end - start > 300:
                continue
            self.plan.venue = tidy(text[start:end])
            self.found("venue", para, start, end)
            return
        self.miss("venue", "không tìm thấy mục “Địa điểm”")


def _papers_go(text: str, at: int) -> bool:
    """The clause before "tại" sends or posts papers ("nộp tại Bộ phận Một cửa")."""
    clause = max(text.rfind(c, max(0, at - 200), at) for c in ".;:")
    return bool(_PAPERS.search(text, max(clause + 1, at - 200), at))


def _balanced(text: str, start: int, end: int) -> int:
    """`end`, or where a ")" closes a bracket opened before `start` ("(… Địa điểm: Hội trường)")."""
    depth = 0
    for i in range(start, end):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            if depth == 0:
                return i
            depth -= 1
    return end


__all__ = ["WhenMixin", "VagueDate"]
