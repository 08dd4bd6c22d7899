"""The chair and the secretary found anywhere, by the role words near a named person (a part of the
reader, used when the rules of plan_people.py / plan_roles.py find no chair or no secretary;
issue 15).

Three places say who chairs and who keeps the minutes, in any order of name, title and role:

- a table row "name | title | role" (also "role | name | title"), the role a cell of its own
  ("Chủ trì", "Điều hành", "Thư ký, ghi biên bản");
- a role label alone on its line ("Chủ trì hội nghị:", "Thư ký:") over lines that each give an
  honorific, a name and a title, in columns aligned by spaces or after a comma or dash;
- a sentence with a role word (chủ trì, chủ tọa, điều hành, đồng chủ trì; thư ký, ghi (chép)
  biên bản) and a person named with an honorific ("do ông A, Chủ tịch UBND xã trực tiếp điều
  hành", "Giúp việc ghi chép biên bản cho hội nghị là bà B, công chức …"): each person takes the
  role word nearest to them; "cùng", "đồng" or "tham gia" before the role makes a co-chair.

A person needs a name (an office alone is not enough here), and a sentence about preparing the
meeting or presenting it (chuẩn bị, trù bị, dẫn chương trình) is not read. Each value keeps its
source line and a note that says how it was found.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .plan_found import FoundChair, is_name, tidy, trim
from .plan_source import Para, cell_spans
from .plan_steps import is_detail

_I = re.IGNORECASE
NOTE = "tìm theo ngữ cảnh (không theo mẫu quen): cần kiểm tra"
_CHAIR_WORD = re.compile(r"(?<!\w)(?<!giúp việc )(?P<co>(?:đồng|cùng)\s+(?=chủ)|(?:tham\s+gia\s+|cùng\s+)(?=điều))?"
                         r"(?:chủ\s+(?:trì|tọa|toạ)|điều\s+hành)(?!\w)", _I)
_CO_WORD = re.compile(r"(?:đồng|cùng)\s+chủ\s+(?:trì|tọa|toạ)|(?:tham\s+gia\s+|cùng\s+)điều\s+hành", _I)
_ANY_ROLE = re.compile(r"chủ\s+(?:trì|tọa|toạ)|điều\s+hành|thư\s+ký|biên\s+bản", _I)
_SECRETARY_WORD = re.compile(r"(?<!\w)(?:thư\s+ký|ghi\s+(?:chép\s+)?biên\s+bản)(?!\w)", _I)
_NOT_THIS = re.compile(r"chuẩn\s+bị|trù\s+bị|dẫn\s+chương\s+trình|(?<!\w)MC(?!\w)|tổ\s+giúp\s+việc", _I)
_HONORIFIC = re.compile(r"(?<!\w)(?:ông|bà|đồng\s+chí|đ/c)\s+(?=[^\W\d_])", _I)
# a name without an honorific where a clause or list starts, when a title follows it after a comma or
# dash ("các đồng chí: Trần Văn Bình, Bí thư Đảng ủy phường và Lê Thị Thu, Chủ tịch UBND phường")
_BARE_NAME = re.compile(r"(?:(?<=[:;,]\s)|(?<=\svà\s)|(?<=\slà\s))(?=[^\W\d_]+(?: [^\W\d_]+){1,4}\s*(?:,|[-–—]\s)\s*"
                        r"(?:phó\s+|nguyên\s+)?(?:chủ\s+tịch|bí\s+thư|trưởng|công\s+chức|chuyên\s+viên|cán\s+bộ|giám\s+đốc"
                        r"|ủy\s+viên|uỷ\s+viên|chánh|thường\s+trực)(?!\w))", _I)
_NAME = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]*)?(?: [^\W\d_]+(?:['’][^\W\d_]*)?){1,5}")
# after a name: its title, up to a role verb, a bracket or the clause's end
# (or before the next person: "… và ông B", ", bà C")
_TITLE_END = re.compile(r"(?:\s+và|\s*,)\s+(?=(?:ông|bà|đồng\s+chí|đ/c)\s)|\s+sẽ(?!\w)"
                        r"|\s+(?:trực\s+tiếp|cùng|là|làm|chủ\s+(?:trì|tọa|toạ)|đồng\s+chủ|điều\s+hành|ghi|giúp)(?!\w)"
                        r"|[.;()]|$", _I)
_LABEL = re.compile(r"(?:người\s+)?(?P<co>đồng\s+)?(?:(?P<chair>chủ\s+(?:trì|tọa|toạ)|điều\s+hành)|(?P<sec>thư\s+ký|ghi\s+biên\s+bản))"
                    r"(?:\s+(?:hội\s+nghị|buổi\s+[^:]{0,30}|cuộc\s+[^:]{0,30}))?\s*(?::\s*)?", _I)
_ROLE_CELL = re.compile(r"(?:người\s+)?(?P<co>đồng\s+)?(?:(?P<chair>chủ\s+(?:trì|tọa|toạ)|điều\s+hành)|(?P<sec>thư\s+ký|ghi\s+biên\s+bản))"
                        r"(?!\w)", _I)


class RolesFallbackMixin:
    """Part of the reader: uses self.paras, .plan, .findings, .found."""

    def roles_anywhere(self, chairs: bool, secretary: bool) -> None:
        """Chairs (when `chairs`) and the secretary (when `secretary`): from the first place that
        names them, tables first, then labelled lines, then sentences."""
        first = len(self.findings)
        self._want = {"chair": chairs, "sec": secretary}
        # a step of the programme and its detail lines ("Điều hành: đồng chí …") name no chair
        steps = {id(para) for para, *_ in self.step_spans}
        paras = [p for p in self.paras if id(p) not in steps and not is_detail(p)]
        stages = ([p for p in paras if p.row is not None], self._role_row), \
            ([i for i, p in enumerate(self.paras) if id(p) not in steps and not is_detail(p)], self._role_lines), \
            ([p for p in paras if p.row is None and len(p.text) < 3000], self._role_sentences)
        for items, read in stages:
            for item in items:
                if not (self._want["chair"] or self._want["sec"]):
                    break
                read(item)
            if self.plan.chairs:
                self._want["chair"] = False
        self.findings[first:] = [replace(f, note=f.note or NOTE) for f in self.findings[first:]]

    def co_chairs_anywhere(self) -> None:
        """The rules found the chair; a sentence elsewhere adds a co-chair ("Tham gia điều hành cùng
        đồng chí Chủ tịch có đồng chí B, Phó Chủ tịch UBND phường"): a named person whose nearest
        role word is a co-chair's."""
        first, self._want = len(self.findings), {"chair": True, "sec": False, "co_only": True}
        steps = {id(para) for para, *_ in self.step_spans}
        for para in self.paras:
            if para.row is None and id(para) not in steps and len(para.text) < 3000 and not is_detail(para) \
                    and _CO_WORD.search(para.text):
                self._role_sentences(para)
                self._want["chair"] = True
        self._want = {}
        self.findings[first:] = [replace(f, note=f.note or NOTE) for f in self.findings[first:]]

    def _give(self, role: str, co: bool, para: Para, name: tuple[int, int], title: tuple[int, int] | None) -> None:
        if role == "sec":
            if not self._want["sec"]:
                return
            self.plan.secretary_name = tidy(self.found("secretary.name", para, *name), False)
            if title:
                self.plan.secretary_title = tidy(self.found("secretary.title", para, *title))
            self._want["sec"] = False
            return
        if not self._want["chair"] or (self._want.get("co_only") and not co):
            return
        value = tidy(para.text[name[0]:name[1]], False)
        if any(c.name == value for c in self.plan.chairs):
            return
        i = len(self.plan.chairs)
        chair = FoundChair(tidy(self.found(f"chairs[{i}].name", para, *name), False))
        if title:
            chair.title = tidy(self.found(f"chairs[{i}].title", para, *title))
        self.plan.chairs.append(chair)

    def _role_row(self, para: Para) -> None:
        spans = cell_spans(para.text)
        if not spans or len(spans) < 3:
            return
        texts = [para.text[a:b] for a, b in spans]
        role = next((_ROLE_CELL.match(t) for t in texts if _ROLE_CELL.match(t) and len(t) < 40), None)
        name = next((s for s, t in zip(spans, texts) if _name_in(para.text, *s)), None)
        if not role or not name:
            return
        title = next((s for s, t in zip(spans, texts) if s != name and not _ROLE_CELL.match(t)
                      and not re.fullmatch(r"[\d.]*", t) and len(t) > 2), None)
        self._give("sec" if role["sec"] else "chair", bool(role["co"]), para, _name_in(para.text, *name), title)

    def _role_lines(self, index: int) -> None:
        """ "Chủ trì hội nghị:" over "Ông  Phạm Văn Lực     Chủ tịch UBND xã" lines."""
        para = self.paras[index]
        label = _LABEL.fullmatch(para.body) if para.row is None else None
        if not label or not (para.body.rstrip().endswith(":") or para.level is not None):  # a label or a heading
            return
        role = "sec" if label["sec"] else "chair"
        for para in self.paras[index + 1:index + 5]:
            if para.row is not None:
                return
            person = _person_line(para)
            if person is None:
                return
            self._give(role, bool(label["co"]), para, *person)

    def _role_sentences(self, para: Para) -> None:
        text, pos = para.text, para.body_start
        if not _ANY_ROLE.search(text):
            return  # most paragraphs name no role: not cut into sentences
        while pos < len(text):
            stop = text.find(". ", pos)
            stop = len(text) if stop == -1 else stop + 1
            if not _NOT_THIS.search(text, pos, stop):
                clause = pos
                for cut in [m.start() for m in re.finditer(";", text[pos:stop])] + [stop - pos]:
                    self._clause(para, clause, pos + cut)  # each person takes a role of their own clause
                    clause = pos + cut + 1
                if self.plan.chairs and not self._want.get("co_only"):
                    self._want["chair"] = False  # the first sentence that names a chair names them all
            pos = stop + 1

    def _clause(self, para: Para, start: int, end: int) -> None:
        text = para.text
        roles = [(m.start(), "chair", bool(m["co"])) for m in _CHAIR_WORD.finditer(text, start, end)]
        roles += [(m.start(), "sec", False) for m in _SECRETARY_WORD.finditer(text, start, end)]
        if not roles:
            return
        named = [m for m in _BARE_NAME.finditer(text, start, end) if not _HONORIFIC.match(text, m.start(), end)]
        for honorific in sorted([*_HONORIFIC.finditer(text, start, end), *named], key=lambda m: m.start()):
            name = _NAME.match(text, honorific.end(), end)
            if not name or not is_name(name.group().split()[:4]):
                continue
            n_end = honorific.end() + len(" ".join(_name_words(name.group().split())))
            title = None
            sep = re.match(r"\s*(?:,|[-–—]\s)\s*", text[n_end:end])
            if sep:
                t_end = _TITLE_END.search(text, n_end + sep.end(), end)
                title = trim(text, n_end + sep.end(), t_end.start() if t_end else end, " .;,:-–—")
                title = title if 2 < title[1] - title[0] < 120 else None
            at = honorific.start()
            _pos, role, co = min(roles, key=lambda r: abs(r[0] - at))
            self._give(role, co, para, (honorific.end(), n_end), title)


def _name_words(words: list[str]) -> list[str]:
    """The words of a name: capitalised words up to the first that is not ("Lê Quang Vinh, …")."""
    out = []
    for word in words:
        bare = word.rstrip(",")
        if not is_name([bare, "X"]) and not (len(bare) > 1 and bare[0].isupper() and bare[1:].islower()):
            break
        out.append(bare)
        if bare != word:
            break
    return out if is_name(out) else out[:0]


def _name_in(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name a cell holds, after an honorific ("Ông Trương Công Định", "Trương Công Định")."""
    honorific = _HONORIFIC.match(text, start, end)
    a = honorific.end() if honorific else start
    a, b = trim(text, a, end)
    return (a, b) if is_name(text[a:b].split()) else None


def _person_line(para: Para) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """ "Ông  Phạm Văn Lực          Chủ tịch UBND xã", "Bà Lò Thị Hoa - Bí thư Đoàn xã": name, title."""
    text = para.text
    honorific = re.match(r"(?:ông|bà|đồng\s+chí|đ/c)\s+", text[para.body_start:], _I)
    if not honorific:
        return None
    start = para.body_start + honorific.end()
    cut = re.compile(r"\s{2,}|\s*,\s*|\s+[-–—]\s+").search(text, start)
    n_end = cut.start() if cut else len(text)
    if not is_name(text[start:n_end].split()):
        return None
    stop = _TITLE_END.search(text, cut.end()) if cut else None
    title = trim(text, cut.end(), stop.start() if stop else len(text)) if cut else None
    return (start, n_end), (title if title and title[1] > title[0] else None)
