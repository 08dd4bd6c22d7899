"""Who is invited (thành phần tham dự), with the head counts (a part of the plan reader).

Read from a "Thành phần" section (items with or without counts, "Chi hội Người cao
tuổi: 12 người", "(05 người)", a total "Dự kiến 120 - 150 đại biểu"), from a table
with "Thành phần" and "Số lượng" columns, or, when neither is there, from the sentence
that lists them ("Thành phần gồm A; B; C.", "Kính mời A; B đến dự", "… trân trọng kính
mời:" then the next line; the "Kính gửi:" line of an invitation). Sentences about the form of the meeting ("Hình thức: …") or
who the dialogue is with are not groups.
"""

from __future__ import annotations

import re

from .plan_counts import COUNT_WORD, HEAD_TOTAL, LAST_BRACKET, PRODUCT, count_span, only_count, drop_counts
from .plan_dates import find_counts
from .plan_found import sentence_end, tidy, trim
from .plan_group_label import GroupLabelMixin, instruction_remark
from .plan_invited import InvitedMixin
from .plan_people import _CHAIR_LABEL, _SECRETARY
from .plan_source import Para, after, cell_spans, nested_under, section
from db.plans import PlanGroup

_I = re.IGNORECASE
_ATTEND_HEAD = re.compile(r"(?:thành phần|số lượng|đối tượng|đại biểu tham dự|đại biểu (?:được )?mời\s*:?\s*$|mời\s+(?:tham\s+)?dự\s*:|người\s+dự\s*:)", _I)
_INVITE = re.compile(r"(?<!\w)(?:kính\s+)?mời\s+", _I)
_INVITE_END = re.compile(r"\s+(?:đến\s+|đi\s+|cùng\s+|về\s+)?(?:tham\s+dự|dự)(?!\w|\s+(?:án|kiến|thảo|toán)\b)"
                         r"|\s+(?:sắp\s+xếp|bố\s+trí)\s+(?:công\s+việc|thời\s+gian)", _I)
_TOTAL_LABEL = re.compile(r"thành phần|số lượng|tổng|đại biểu (?:mời )?tham dự", _I)
# "Thành phần gồm", "Thành phần mời dự gồm có", "Thành phần tham dự là", "Khách mời:"
_ATTEND_SENTENCE = re.compile(r"(?:(?:^|(?<=[.;:]\s))(?:thành\s+phần(?:\s+(?:được\s+)?(?:mời|tham|dự|đại\s+biểu)){0,3}"
                              r"|khách\s+mời|đại\s+biểu\s+mời)"
                              r"(?:\s+(?:gồm(?:\s+có)?|bao\s+gồm|là)(?!\w))?\s*:?|(?<!\w)(?:trân\s+trọng\s+)?kính\s+mời\s*:?"
                              r"|^kính\s+gửi\s*:"
                              # "Mời dự: A; B", "Mời dự buổi đối thoại là A và B"
                              # "Mời bà con các ấp … sắp xếp công việc đến dự."
                              r"|(?:^|(?<=[.!]\s))Mời\s+(?=[^.;:]{3,200}?\s(?:đến\s+|đi\s+)(?:tham\s+)?dự(?!\w))"
                              r"|(?:^|(?<=[.;:]\s))mời\s+(?:tham\s+)?dự(?:\s*:|(?:\s+[^\W\d_]+){1,5}?\s+(?:là|gồm(?:\s+có)?)\s*:?))\s*", _I)
# attendance told as a story: "Về phía khu phố có: A; B và hơn 150 bà con."
_STORY = re.compile(r"(?:^|(?<=[.;,:]\s))về\s+phía\s+[^:.;]{1,60}?\s+có\s*:?\s*", _I)
# a named person ("Ông Trương Minh Đức", "đồng chí Đinh Công Lực"): a clause naming people introduces
# the delegates on the platform, not the groups invited
_NAMED = re.compile(r"(?<!\w)(?:[ôÔ]ng|[bB]à|[đĐ]ồng\s+chí|[đĐ]/c)\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\W\d_]*\s+[A-ZĐÂĂÊÔƠƯ]")
# "A và hơn 150 bà con", "A; cùng 85 hộ dân", "A và đại diện các hộ": where one group ends, another begins
_JOIN_AT = r"(?:,\s*)?\s(?:cùng|và)\s+(?=(?:hơn|gần|khoảng|trên|chừng)?\s*\d{extra})"
_JOIN = re.compile(_JOIN_AT.format(extra=r"|đại\s+diện\s|toàn\s+thể\s"), _I)
_JOIN_COUNT = re.compile(_JOIN_AT.format(extra=""), _I)  # only before a count
# "hơn 150 bà con", "60 hộ nuôi trồng thủy sản": a group that starts with its head count
_COUNT_FIRST = re.compile(r"(?P<lead>đại\s+diện\s+)?(?:(?:hơn|gần|khoảng|trên|chừng)\s+)?(\d{1,5})\s+(?=[^\W\d_])"
                          # "đại diện 9 thôn" (places, bodies), "88 người, mỗi khu phố 44 người": no group
                          r"(?!(?:người|đại\s+biểu|đồng\s+chí|hộ)\s*(?:[,;.(]|$)|(?:thôn|ấp|bản|làng|khu\s+phố|khu\s+vực|tổ|xã|phường|đơn\s+vị|chi\s+hội|ban|ngành|đoàn\s+thể|cơ\s+quan)\b)"
                          # "90 người đại diện các hộ", "04 đồng chí Thường trực …": a unit, the group after it
                          r"(?:(?:người|đại\s+biểu)\s+(?:là\s+|(?=(?:đại\s+diện|thuộc|của|ở|tại|trong|từ)\s))"
                          r"|(?:đồng\s+chí|đ/c)\s+(?=[^\W\d_]))?", _I)
# the words that join a group to the one before ("; cùng với …", "và …") or introduce it ("gồm có …")
_LEAD = re.compile(r"(?:(?:cùng|và)(?:\s+với)?|gồm(?:\s+có)?|bao\s+gồm)\s+|(?:[a-zđ]|\d{1,2})\)\s+|[-+•]\s+", _I)
# "Kính mời các đồng chí, bà con đến dự đúng giờ": the readers addressed, not a group
_GENERIC = re.compile(r"(?:\s|,|và|các|quý|toàn\s+thể|đồng\s+chí|đại\s+biểu|vị|bà\s+con|ông|bà|anh|chị|cô|chú"
                      r"|mọi\s+người|nhân\s+dân)*", _I)
# the words that join a group to its count ("… làng là 08 người", "… xã có 12 người")
_TO_COUNT = re.compile(r"(?:\s+(?:là|có|gồm(?:\s+có)?|với|số\s+lượng|tổng\s+số|dự\s+kiến))+\s*$", _I)
# the column of who is invited: the groups, or the places whose people are invited
_ATTEND_TABLE = re.compile(r"thành\s+phần|đơn\s+vị|đối\s+tượng|nhóm|thôn|ấp|xóm|bản|buôn|làng|tổ(?:\s+dân\s+phố)?"
                           r"|khu\s+phố|khu\s+dân\s+cư|tên\s+(?:thôn|ấp|xóm|bản|đơn\s+vị|tổ)", _I)
_COUNT_HEAD = re.compile(r"số\s+lượng|số\s+người|số\s+đại\s+biểu", _I)
# a colon after a plural ("các lĩnh vực:", "những đơn vị:") in an item lists what the phrase names
_ENUMERATES = re.compile(r"(?<!\w)(?:các|những)(?:\s+[^\W\d_]+){1,2}\s*$", _I)
_TOTAL_ROW = re.compile(r"(?:tổng\s+)?cộng|tổng(?:\s+số)?(?:\s+cộng)?", _I)
# a remark in brackets after a group ("(giữ nguyên theo Giấy mời số 88/GM-UBND)"): not part of who
_REMARK = re.compile(r"\s*\((?:giữ\s+nguyên|theo|như|xem|căn\s+cứ)\b[^()]{0,120}\)\s*[.;]?\s*$", _I)


# "…, gồm:", "bao gồm có:": what follows lists the parts of what comes before
_INTRODUCER_END = re.compile(r"\s*,?\s*(?<!\w)(?:bao\s+)?gồm(?:\s+có)?\s*:\s*$", _I)
_INTRODUCER = re.compile(r"\s*,?\s*(?<!\w)(?:bao\s+)?gồm(?:\s+có)?\s*:\s*", _I)


# an invitation's address line, and the bullets its list may use
_ADDRESS = re.compile(r"kính\s+gửi", _I)
_BULLETS = "-+•"
# "Kính mời:", "Mời:" as an item's label: the invited follow
_INVITE_LABEL = re.compile(r"(?:trân\s+trọng\s+)?(?:kính\s+)?mời(?:\s+(?:tham\s+)?dự)?", _I)


class AttendanceMixin(InvitedMixin, GroupLabelMixin):
    """Part of the reader (plan_extract._Reader): uses self.paras, .plan, .found, .miss."""

    def total(self, para: Para, start: int, count, label: str) -> None:
        """The total number invited, counts[0] of para.text[start:], under its label."""
        if self.plan.invited_total is None:
            self.plan.invited_total = count.value
            self.found("attendance.total", para, start + count.start, start + count.end,
                       count.note or f"tổng số dự kiến ({label.strip()})")

    def attendance(self) -> None:
        head = None
        for i, para in enumerate(self.paras):
            body = para.body
            if para.row is None and _ATTEND_HEAD.match(body) and "nội dung" not in body.casefold() \
                    and (para.level is not None or body.rstrip().endswith(":")):
                head = i
                break
        if head is None:
            if not any(rule() and self.groups_kept() for rule in (self.attendance_roster, self.attendance_table,
                                                                 self.attendance_introduced,
                                                                 self.attendance_sentence, self.attendance_story)):
                self.miss("attendance", "không tìm thấy mục “Thành phần”")
            return
        items = [self.paras[head]] + section(self.paras, head)
        kind = next((p.bullet for p in items[1:] if p.marker and p.row is None), "")
        above = None  # the last item of the outer list
        for n, para in enumerate(items):
            if nested_under(para, kind):
                # under a group ("- A: 05 người;", "- A: 15 người, gồm:") a nested item names its members;
                # under a label ("- Thành phần tham dự:") it is one of the groups the label lists
                if above is not None and (not above.text.rstrip().endswith(":") or _INTRODUCER_END.search(above.text)):
                    continue
            else:
                above = para
            if para.row is not None or _CHAIR_LABEL.match(para.body) or _SECRETARY.match(para.body):
                continue
            text, start, end = para.text, para.body_start, len(para.text)
            tail = _INTRODUCER_END.search(text, start)
            if tail and tail.start() > start:
                # "Đại biểu phường: 15 người, gồm:" over its nested members: the group and its count
                text = text[:tail.start()]
            colon = text.find(":", start)
            # "b) Lãnh đạo UBND xã; Trưởng Công an xã; công chức …: 10 người": an item with one count
            # after its colon is one group, however long its label and whatever it lists
            if n > 0 and colon > start and _ENUMERATES.search(text, max(start, colon - 40), colon) \
                    and text[colon + 1:].strip(" .;") and not only_count(text[colon + 1:]):
                colon = -1  # "công chức các lĩnh vực: A, B, C (09 đồng chí)": the colon lists, inside the group
            if 0 <= colon - start < 60 or (colon > start and para.marker and only_count(text[colon + 1:])):
                label = text[start:colon]
                start = colon + 1
                if not text[start:].strip(" .;"):
                    continue
                c_start, c_end = count_span(text, start)
                counts = find_counts(text[c_start:c_end])
                rest = re.sub(r"[\s.,;:()]|dự\s+kiến|khoảng|tổng\s+số|mỗi(?:\s+[^\W\d_]+){1,3}", "", drop_counts(text[c_start:c_end], counts), flags=_I)
                named = COUNT_WORD.search(text, para.body_start, colon) if n > 0 else None
                if counts and not rest and named and named.start() - para.body_start >= 3:
                    # "2.1. Lãnh đạo Ban Dân tộc …; số lượng: 03 đồng chí.": the group, then its count
                    self.group(para, para.body_start, named.start(), counts[0], c_start)
                    continue
                if counts and not rest and not (n == 0 or _TOTAL_LABEL.search(label)):
                    # "Trưởng các ban, ngành, đoàn thể xã: 15 người"
                    self.group(para, para.body_start, colon, counts[0], c_start)
                    continue
                if counts and not rest:
                    self.total(para, c_start, counts[0], label)
                    continue
                if _INVITE_LABEL.fullmatch(label.strip()):
                    # "* Kính mời: đại diện Thuế cơ sở 3 dự, trả lời …": who, up to "dự"
                    stop = _INVITE_END.search(text, start, sentence_end(text, start))
                    if stop:
                        self.group(para, start, stop.start())
                        continue
            elif n == 0:
                continue  # the heading itself
            else:
                note = LAST_BRACKET.search(text, start) if para.marker else None
                if note and tail and only_count(note["count"]) and _TOTAL_LABEL.fullmatch(text[start:note.start()].strip()):
                    # "3. Đại biểu mời tham dự (120 người), gồm:" over the groups: their total, no group
                    self.total(para, note.start("count"), find_counts(note["count"])[0], text[start:note.start()])
                    continue
                if note and note.start() - start >= 3 and only_count(note["count"]):
                    # "1) Lãnh đạo Đảng ủy, HĐND xã; …; Đồn Biên phòng (03 người).": one group, one count
                    self.group(para, start, note.start(), find_counts(note["count"])[0], note.start("count"))
                    continue
            # one sentence lists the groups; an invitation may follow ("… Trân trọng kính mời … cùng dự.")
            stop = sentence_end(text, start)
            self.groups(para, start, stop)
            self.more_invited(para, stop)
        self.attendance_items()  # "2. Mời đại diện hộ gia đình dự hội nghị: …" among other items
        tables = [p for p in items if p.row is not None]
        if tables:  # a table of groups inside the section ("| Thôn Đồng Tâm | 25 |")
            self.attendance_table(tables)
        if not self.groups_kept():
            self.attendance_table()
            self.keep_groups()
        if not self.plan.attendance and self.plan.invited_total is None:
            self.miss("attendance", "mục “Thành phần” không liệt kê được nhóm đại biểu nào")
        without = [g.group for g in self.plan.attendance if g.invited is None]
        if without and self.plan.attendance:
            note = f"{len(without)}/{len(self.plan.attendance)} nhóm không ghi số người"
            if self.plan.invited_total is not None:
                note += f" (chỉ có tổng số dự kiến {self.plan.invited_total})"
            self.miss("attendance.invited", note)

    def group(self, para: Para, start: int, end: int, count=None, count_offset: int = 0) -> None:
        text = para.text
        if count is not None:
            start, end = trim(text, start, end, " .;,:()")
            invite = _INVITE.match(text, start, end)  # "- Mời Thường trực Đảng ủy …: 06 người"
            start = invite.end() if invite and end - invite.end() >= 3 else start
            i = len(self.plan.attendance)
            self.plan.attendance.append(PlanGroup(tidy(self.found(f"attendance[{i}].group", para, start, end)),
                                                  count.value))
            self.found(f"attendance[{i}].invited", para, count_offset + count.start, count_offset + count.end,
                       count.note)
            return
        if re.search(r"\.{4,}|…{2,}", text[start:end]):
            return  # a blank to fill in ("Ông (Bà) ………"), not a group
        intro = _INTRODUCER.search(text, start, min(end, start + 200))
        if intro and end - intro.end() >= 3:
            # "khoảng 130 đại biểu, gồm: A": the words before "gồm:" name the whole (its count the
            # total), A is the group
            whole = find_counts(text[start:intro.start()])
            if len(whole) == 1 and self.plan.invited_total is None:
                self.plan.invited_total = whole[0].value
                self.found("attendance.total", para, start + whole[0].start, start + whole[0].end,
                           whole[0].note or "tổng số dự kiến")
            start = intro.end()
        start, end = trim(text, start, end)
        lead = _LEAD.match(text, start, end)
        if lead and end - lead.end() >= 3:
            start = lead.end()  # "cùng với khoảng 90 người …", "a) Ban Thường vụ …"
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
        first = _COUNT_FIRST.match(text, trim(text, start, end)[0], end)
        if first and end - first.end() >= 3:
            i = len(self.plan.attendance)
            g_start, g_end = trim(text, first.end(), end, " .;,:()")
            self.found(f"attendance[{i}].group", para, first.start(), g_end)
            # "đại diện 45 hộ kinh doanh": the group is "Đại diện hộ kinh doanh", 45 of them
            group = tidy((first["lead"] or "") + text[g_start:g_end])
            self.plan.attendance.append(PlanGroup(group, int(first.group(2))))
            self.found(f"attendance[{i}].invited", para, first.start(2), first.end(2))
            return
        counts = find_counts(text[start:end])
        # "mỗi hộ cử 01 người", "mỗi tổ dân phố 10 hộ": a number per unit is not the group's head count
        counts = [c for c in counts if not re.search(r"(?:\bcử|\bmỗi(?:\s+[^\W\d_]+){1,4})\s*$", text[start:start + c.start])]
        invited = None
        product = PRODUCT.search(text, start, end)
        if product:  # "… - 03 người/thôn x 8 thôn = 24 người": the result is the count
            counts = [c for c in counts if start + c.start >= product.end()][:1] or counts
        if counts:
            # "mỗi thôn 10 người (90 người)": the count in brackets at the end is the group's
            count = next((c for c in counts if re.match(r"\s*\)?[\s.;,]*$", text[start + c.end:end])
                          and text[start:start + c.start].rstrip().endswith("(")), counts[0])
            c_start, c_end = start + count.start, start + count.end
            c_label = product.start() if product and c_start >= product.end() else c_start
            link = _TO_COUNT.search(text, start, c_label)
            before = trim(text, start, link.start() if link else c_label, " .;,:(-–—=")  # "… xã - 06 người"
            after = trim(text, c_end, end, " .;,:()")
            start, end = before if before[1] > before[0] else after
            invited = count
        remark = _REMARK.search(text, max(start, end - 160), end)
        if remark and remark.start() - start >= 3:
            end = remark.start()
        end = instruction_remark(text, start, end) or end  # "(…, Trưởng ấp lập danh sách gửi về …)"
        start, end = trim(text, start, end, " .;,:()")
        if end - start < 3 or end - start > 300:
            return
        i = len(self.plan.attendance)
        self.plan.attendance.append(PlanGroup(tidy(self.found(f"attendance[{i}].group", para, start, end, note))))
        if invited:
            self.plan.attendance[i].invited = invited.value
            self.found(f"attendance[{i}].invited", para, c_start, c_end, invited.note)


    def attendance_table(self, rows: list[Para] | None = None) -> bool:
        """A table with a column of who is invited ("Thành phần", "Đơn vị", "Thôn", …) and a column
        of head counts ("Số lượng", "Số người mời"); a row of totals ("Cộng", "Tổng số") is no group.
        `rows`: only these rows (a table inside the "Thành phần" section)."""
        paras = self.paras if rows is None else rows
        for i, para in enumerate(paras):
            row = para.row
            if not row:
                continue
            who = next((k for k, c in enumerate(row) if _ATTEND_TABLE.fullmatch(c.strip(" :"))), None)
            count = next((k for k, c in enumerate(row) if _COUNT_HEAD.match(c)), None)
            if who is None or count is None:
                continue
            for item in after(paras, i):
                if item.row is None:
                    break
                spans = cell_spans(item.text)
                if max(who, count) >= len(spans):
                    continue
                g_start, g_end = trim(item.text, *spans[who])
                if g_end - g_start < 3 or _TOTAL_ROW.fullmatch(item.text, g_start, g_end) \
                        or all(set(c) <= set("-:=+ ") for c in item.row):
                    continue  # a total, a rule "|---|---|"
                n = len(self.plan.attendance)
                group = PlanGroup(tidy(self.found(f"attendance[{n}].group", item, g_start, g_end)))
                c_start, c_end = trim(item.text, *spans[count])
                digits = re.fullmatch(r"(\d{1,5})(?:\s*(?:người|đại biểu|đồng chí|đ/c))?", item.text[c_start:c_end], _I)
                if digits:
                    group.invited = int(digits.group(1))
                    self.found(f"attendance[{n}].invited", item, c_start, c_end)
                self.plan.attendance.append(group)
            return bool(self.plan.attendance)
        return False

    def attendance_sentence(self) -> bool:
        """ "Thành phần gồm A; B; C.", "Kính mời A; B đến dự …", "… kính mời:" + the next line."""
        for i, para in enumerate(self.paras):
            if para.row is not None:
                continue
            match = _ATTEND_SENTENCE.search(para.body[:3000])
            if not match:
                continue
            target, start = para, para.body_start + match.end()
            total = HEAD_TOTAL.match(para.text, start)
            if total and only_count(total["count"]):
                # "Thành phần (khoảng 120 người): Mời A; B": the bracket holds the total, the groups follow
                count = find_counts(total["count"])[0]
                if self.plan.invited_total is None:
                    self.plan.invited_total = count.value
                    self.found("attendance.total", para, total.start("count") + count.start,
                               total.start("count") + count.end, count.note or "tổng số dự kiến")
                start = total.end()
            end = sentence_end(para.text, start)
            if not para.text[start:end].strip(" .:;") and i + 1 < len(self.paras):
                target = self.paras[i + 1]  # "… trân trọng kính mời:" / the invited on the next line
                if target.row is not None:
                    continue
                start, end = target.body_start, sentence_end(target.text, target.body_start)
            stop = _INVITE_END.search(target.text, start, end)
            end = stop.start() if stop else end
            self.groups(target, start, end)
            if target is not para and target.marker and target.level is None and not _ADDRESS.match(match.group()):
                self.items_after(i + 1, target.bullet)  # "- A;" / "- B;" under "… trân trọng kính mời:"
            if self.plan.attendance:
                if target is para:
                    self.more_invited(para, sentence_end(para.text, start))
                if _ADDRESS.match(match.group()):
                    self.addressees(self.paras.index(target), target.text[start:end].lstrip()[:1])
                self.guests()
                return True
        return False

    def items_after(self, index: int, bullet: str) -> None:
        """The groups of the bulleted items ("- B;", "- C.") that follow paras[index], one of them."""
        for para in after(self.paras, index):
            if para.row is not None or para.level is not None or para.bullet != bullet:
                break
            self.groups(para, para.body_start, sentence_end(para.text, para.body_start))

    def addressees(self, index: int, bullet: str) -> None:
        """The "Kính gửi:" list of an invitation: the bulleted lines under the first addressee are
        addressees too; a head count the invitation states for one of them is its count."""
        for para in after(self.paras, index):
            if para.row is not None or not para.marker or para.level is not None \
                    or (bullet in _BULLETS and para.bullet != bullet):
                break
            self.groups(para, para.body_start, sentence_end(para.text, para.body_start))
        self.invited_count()

    def more_invited(self, para: Para, pos: int) -> None:
        """The invitations that follow in the same paragraph ("… 90 người đại diện các hộ. Kính mời
        đại diện Đồn Biên phòng cùng dự.")."""
        limit = min(len(para.text), para.body_start + 3000)
        while pos < limit:
            match = _ATTEND_SENTENCE.search(para.text, pos, limit)
            if not match or not re.match(r"(?:trân\s+trọng\s+)?(?:kính\s+)?mời", match.group(), _I):
                return  # only an invitation continues the list, not another "Thành phần …"
            start = match.end()
            end = sentence_end(para.text, start)
            stop = _INVITE_END.search(para.text, start, end)
            if not _GENERIC.fullmatch(para.text[start:stop.start() if stop else end]):
                self.groups(para, start, stop.start() if stop else end)
            pos = end + 1

    def groups(self, para: Para, start: int, end: int) -> None:
        """The groups of "A; B và hơn 150 bà con": split at ";" and at a join before a count."""
        text, pos = para.text, start
        semis = [(m.start(), m.end()) for m in re.finditer(r";", text[start:end])]
        # where ";" separates the groups, a "và đại diện …" inside one of them is part of it
        join = _JOIN_COUNT if semis else _JOIN
        stops = sorted(semis + [(m.start(), m.end()) for m in join.finditer(text[start:end])])
        for a, b in stops + [(end - start, end - start)]:
            self.group(para, pos, start + a)  # (which drops a joining "cùng với", "và")
            pos = start + b

    def attendance_story(self) -> bool:
        """ "Về phía khu phố có: A; B và hơn 150 bà con." in the text a script reads out."""
        for para in self.paras:
            if para.row is not None:
                continue
            for match in _STORY.finditer(para.text[:3000]):
                start = match.end()
                end = sentence_end(para.text, start)
                if _NAMED.search(para.text, start, end):
                    continue  # the delegates introduced by name
                self.groups(para, start, end)
        return bool(self.plan.attendance)
