"""The programme found anywhere, chosen by its context (a part of the reader, used when the rules
of plan_programme.py find no programme; issue 15).

The rules know the programme by its heading and its list's style. When none of them finds it,
this fallback cuts the whole text into candidate lists and keeps the one that reads like a
meeting's programme:

- a candidate list is a run of consecutive paragraphs whose items share a shape (the same list
  marker, a time slot first "07g30 - 07g45 …", an ordinal word first "Một là, …", "Thứ hai, …",
  "Tiếp theo, …"), or the sentences of one paragraph that each open with an ordinal word
  ("… theo trình tự: Thứ nhất, …. Thứ hai, …");
- it is scored by what its items say (the verbs of a meeting's programme: khai mạc, báo cáo, phát
  biểu, đối thoại, giải trình, kết luận, bế mạc …), whether they carry times or lengths, whether a
  heading or an introducing sentence names a programme (chương trình, trình tự, diễn biến …) and
  whether one item is the people speaking;
- a list is taken only with strong context: three items or more, most of them meeting verbs, a
  programme heading or times on most items, and the dialogue or both an opening and a closing
  step. A document that states no programme must keep none.

Each item is then read as the rules read a step (plan_programme.add_step: slot, content, lead in a
note, "do … thực hiện", "(NN phút)"); a list aligned by spaces is cut into its columns where the
other rows' columns start. Every value keeps its source line and a note that says how it was found.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .plan_dates import COUNT
from .plan_found import trim, tidy
from .plan_source import Para, cell_spans
from .plan_steps import detail_at, leader_span

_I = re.IGNORECASE
NOTE = "tìm theo ngữ cảnh (không theo mẫu quen): cần kiểm tra"
# an ordinal word that opens an item: "Một là,", "Thứ hai,", "Đầu tiên,", "Tiếp theo,", "Cuối cùng,"
_NUMERAL = {"một": 1, "nhất": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7,
            "tám": 8, "chín": 9, "mười": 10}
ORDINAL = re.compile(r"(?:(?P<n1>một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là"
                     r"|thứ\s+(?P<n2>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)"
                     r"|(?P<first>đầu\s+tiên|trước\s+(?:hết|tiên)|mở\s+đầu)"
                     r"|(?P<next>tiếp\s+(?:theo|đó|sau\s+đó)|kế\s+(?:tiếp|đến|đó)|sau\s+đó)"
                     r"|(?P<last>cuối\s+cùng|sau\s+cùng))\s*[,:]\s*", _I)
SLOT = re.compile(r"(?:từ\s+)?\d{1,2}\s*(?:h|g|giờ|:)\s*\d{0,2}\s*(?:phút|')?\s*(?:-|–|—|đến)\s*"
                  r"\d{1,2}\s*(?:h|g|giờ|:)\s*\d{0,2}", _I)
_DURATION = re.compile(r"\d{1,3}\s*(?:phút|')", _I)
# what the steps of a meeting's programme do
# ("đối thoại" is not one: it names the meeting itself, "buổi tiếp xúc, đối thoại", in every part of a plan)
VERBS = re.compile(r"khai\s+mạc|bế\s+mạc|báo\s+cáo|phát\s+biểu|giải\s+trình|giải\s+đáp|kết\s+luận"
                    r"|tuyên\s+bố|giới\s+thiệu|ổn\s+định|trả\s+lời|ý\s+kiến|kiến\s+nghị|chào\s+mừng|đón\s+tiếp"
                    r"|thông\s+qua|trình\s+bày|tổng\s+kết|thảo\s+luận|văn\s+nghệ|thông\s+báo|quán\s+triệt", _I)
_OPEN = re.compile(r"khai\s+mạc|tuyên\s+bố\s+lý\s+do|ổn\s+định|đón\s+tiếp|chào\s+mừng", _I)
_CLOSE = re.compile(r"kết\s+luận|bế\s+mạc|tổng\s+kết", _I)
_SPEAK = re.compile(r"(?:nhân\s+dân|người\s+dân|công\s+dân|cử\s+tri|hộ\s+dân|bà\s+con|thanh\s+niên|đoàn\s+viên"
                    r"|hội\s+viên|đại\s+biểu)[^.;]{0,40}?(?:phát\s+biểu|nêu|trao\s+đổi|phản\s+ánh|đặt\s+câu\s+hỏi)"
                    r"|^\s*(?:thảo\s+luận,?\s+|trao\s+đổi,?\s+)?đối\s+thoại", _I)
# what preparing the meeting says: a list of tasks before it, not its programme
_PREPARE = re.compile(r"chuẩn\s+bị|xây\s+dựng\s+kế\s+hoạch|giấy\s+mời|phân\s+công|gửi\s+về|trước\s+ngày|lập\s+danh\s+sách", _I)
_HEAD = re.compile(r"chương\s+trình|trình\s+tự|diễn\s+biến|tiến\s+trình|các\s+bước|nội\s+dung\s+(?:hội\s+nghị|buổi)", _I)
_GAP = re.compile(r" {2,}")
_PART_MARKER = re.compile(r"\s*(?:\(\d{1,2}\)|\d{1,2}[.)]|[a-zđ]\)|[-–+•])\s+")
_HEADER = re.compile(r"\s*(?:s?tt|nội\s+dung|thời\s+gian|người|chủ\s+trì|phụ\s+trách|thực\s+hiện|ghi\s+chú)", _I)


def _rank(match: re.Match) -> int | None:
    """1 for a first item, its number for "Hai là"/"Thứ ba", 0 for "Tiếp theo", -1 for "Cuối cùng"."""
    word = match["n1"] or match["n2"]
    if word:
        return _NUMERAL[word.casefold()]
    return 1 if match["first"] else (0 if match["next"] else -1)


def _in_order(ranks: list[int | None]) -> bool:
    """Ordinals that count on from one ("Một là, Hai là, Ba là"), or open, go on and close."""
    if ranks[0] != 1:
        return False
    numbered = [r for r in ranks if r and r > 0]
    return numbered == list(range(1, len(numbered) + 1)) and -1 not in ranks[:-1]


class ProgrammeFallbackMixin:
    """Part of the reader: uses self.paras, .plan, .findings, .add_step, .found."""

    def programme_anywhere(self) -> bool:
        best, best_score = None, 0.0
        for run in self._candidate_lists():
            points = self._list_score(run)
            if points > best_score:
                best, best_score = run, points
        if best is None:
            return False
        first = len(self.findings)
        columns = _columns([(para, start) for para, start, _end, shape in best["items"]]) \
            if best["shape"] == "slot" else None
        content = _content_column([p for p, *_ in best["items"] if p.row is not None])
        for para, start, end, _shape in best["items"]:
            cut = columns.get(id(para)) if columns else None
            if para.row is not None:
                self._row_step(para, content)
            elif cut:
                self._column_step(para, start, cut, end)
            else:
                self.add_step(para, *trim(para.text, start, end))
        self.findings[first:] = [replace(f, note=f.note or NOTE) for f in self.findings[first:]]
        self.drop_groups_on({line for item in best["items"] for line, _ in item[0].lines})
        return bool(self.plan.programme)

    # -- candidates ---------------------------------------------------------------------

    def _candidate_lists(self):
        run: list = []
        shape_of_run, run_index = None, 0
        for index, para in enumerate(self.paras):
            shape, start = self._shape(para)
            # a list that starts again at "1." / "a)" / "I." is another list
            restart = shape is not None and shape.startswith("marker") and para.marker.rstrip(".)").split()[-1:] in (["1"], ["a"], ["I"])
            if shape == "ordinal" and (shape_of_run or "").startswith("ordinal"):
                shape = shape_of_run  # "Tiếp theo, …", "Cuối cùng, …" go on a list of either family
            if shape is None or shape != shape_of_run or restart:
                if len(run) >= 3:
                    yield {"shape": shape_of_run, "items": run, "index": run_index}
                run, shape_of_run, run_index = [], shape, index
            if shape is not None:
                run.append((para, start, len(para.text), shape))
            if para.row is None:
                yield from self._sentence_lists(para, index)
                yield from self._semicolon_lists(para, index)
        if len(run) >= 3:
            yield {"shape": shape_of_run, "items": run, "index": run_index}

    def _shape(self, para: Para) -> tuple[str | None, int]:
        if para.row is not None:  # a table's rows, not its header ("TT | Nội dung | Thực hiện")
            header = all(len(c) < 40 and not re.search(r"\d", c) for c in para.row) \
                and any(_HEADER.match(c) for c in para.row)
            rule = not any(c.isalpha() for c in para.text)  # "|---|---|"
            return (None if header or rule else f"row{len(para.row)}"), 0
        body = para.body_start
        ordinal = ORDINAL.match(para.text, body)
        if ordinal:
            # "Thứ tư, về trình tự:" over "Một là, …" items: two families of ordinals, two lists
            return ("ordinal-la" if ordinal["n1"] else "ordinal-thu" if ordinal["n2"] else "ordinal"), ordinal.end()
        if SLOT.match(para.text, body):
            return "slot", body
        if para.marker:
            return f"marker{para.bullet}{para.marker[-1:]}", body
        return None, 0

    def _sentence_lists(self, para: Para, index: int):
        """ "… theo trình tự: Thứ nhất, A. Thứ hai, B. …": the sentences that open with an ordinal."""
        text = para.text
        if len(text) > 6000 or text.count(". ") + text.count("; ") + text.count(": ") < 3:
            return  # too long, or fewer than three sentences
        starts = [m for m in ORDINAL.finditer(text, para.body_start)
                  if m.start() > para.body_start and re.search(r"[.;:]\s*$", text[max(0, m.start() - 3):m.start()])]
        if len(starts) < 3:
            return
        items = [(para, m.end(), (starts[k + 1].start() if k + 1 < len(starts) else len(text)), "ordinal")
                 for k, m in enumerate(starts)]
        last = items[-1]
        stop = re.search(r"\.\s", text[last[1]:])  # the last item ends with its sentence
        if stop:
            items[-1] = (para, last[1], last[1] + stop.start(), "ordinal")
        yield {"shape": "ordinal", "items": items, "intro": text[para.body_start:starts[0].start()],
               "ranks": [_rank(m) for m in starts], "index": index}

    def _semicolon_lists(self, para: Para, index: int):
        """ "Nội dung hội nghị: A; B; C; D.": the parts of one sentence after a colon."""
        text = para.text
        colon = text.find(": ", para.body_start, para.body_start + 200)
        if colon == -1 or len(text) > 3000:
            return
        stop = re.search(r"\.(?:\s|$)", text[colon:])
        end = colon + stop.start() if stop else len(text)
        items, pos = [], colon + 1
        for cut in [m.start() for m in re.finditer(";", text[colon:end])] + [end - colon]:
            marker = _PART_MARKER.match(text, pos, colon + cut)  # "(1) Khai mạc; (2) …"
            items.append((para, marker.end() if marker else pos, colon + cut, "part"))
            pos = colon + cut + 1
        if len(items) >= 3:
            yield {"shape": "part", "items": items, "intro": text[para.body_start:colon], "index": index}

    # -- score ------------------------------------------------------------------------------

    def _list_score(self, run: dict) -> float:
        items = [para.text[start:end] for para, start, end, _ in run["items"]]
        n = len(items)
        if n < 3 or n > 15 or any(len(t) > 400 for t in items):
            return 0.0
        if run["shape"].startswith("ordinal"):
            ranks = run.get("ranks") or [_rank(ORDINAL.match(p.text, p.body_start)) for p, *_ in run["items"]]
            if not _in_order(ranks):
                return 0.0
        if sum(bool(_PREPARE.search(t)) for t in items) * 3 >= n or sum(map(len, items)) > 200 * n:
            return 0.0  # tasks of the preparations, or paragraphs rather than steps
        verbs = sum(bool(VERBS.search(t)) for t in items) / n
        timed = sum(bool(SLOT.search(t) or _DURATION.search(t)) for t in items) / n
        counted = sum(bool(COUNT.search(t)) for t in items) / n
        heading = bool(_HEAD.search(run.get("intro", ""))) or self._heading_before(run["index"])
        speaks = any(_SPEAK.search(t.strip()) for t in items)
        opens_closes = any(_OPEN.search(t) for t in items[:2]) and any(_CLOSE.search(t) for t in items[-2:])
        # the context: a heading or times; or the items alone, when they open, let the people speak and close
        context = heading or timed >= 0.6 or (verbs >= 0.75 and speaks and opens_closes)
        if verbs < 0.5 or counted > 0.34 or not context or not (speaks or opens_closes):
            return 0.0
        return 2 * verbs + timed + heading + speaks + opens_closes

    def _heading_before(self, index: int) -> bool:
        """A heading or an introducing line just above the list (over a table's header) names a programme."""
        for para in self.paras[max(0, index - 3):index]:
            if len(para.text) < 200 and _HEAD.search(para.text):
                return True
        return False

    def _row_step(self, para: Para, column: int | None) -> None:
        """A table row: its time slot, its content (the table's column that holds the steps' verbs)
        with the details in its cell ("… Trình bày: …"), and who leads it (a later cell that names a
        leader)."""
        if self.row_step(para):  # "slot | content | lead" as the rules read it
            return
        spans = cell_spans(para.text) or []
        if column is None or column >= len(spans) or spans[column][1] <= spans[column][0]:
            return
        content = spans[column]
        n = len(self.plan.programme)
        detail = detail_at(para.text, *content)
        self.add_step(para, content[0], detail if detail else content[1])
        if len(self.plan.programme) == n:
            return
        if detail:
            self.step_detail(para, detail, content[1])
        spans = [s for s in spans if s[1] > s[0]]
        step = self.plan.programme[-1]
        for a, b in spans:
            if (a, b) == content:
                continue
            if step.minutes is None and (SLOT.match(para.text, a, b) or _DURATION.fullmatch(para.text, a, b)):
                self.step_minutes(step, n, para, a, b)
            elif step.lead is None and a > content[0] and leader_span(para.text, a, b):
                step.lead = tidy(self.found(f"programme[{n}].lead", para, *leader_span(para.text, a, b)), False)

    # -- columns aligned by spaces ----------------------------------------------------------

    def _column_step(self, para: Para, start: int, cut: list[int], end: int) -> None:
        """ "07g30 - 07g45    Đón tiếp đại biểu    Ban nhân dân ấp": slot and content, then the lead."""
        text = para.text
        lead_at = cut[-1] if len(cut) >= 2 else None
        n = len(self.plan.programme)
        self.add_step(para, *trim(text, start, lead_at if lead_at else end))
        if lead_at is None or len(self.plan.programme) == n:
            return
        lead = leader_span(text, lead_at, end)
        if lead:
            self.plan.programme[-1].lead = tidy(self.found(f"programme[{n}].lead", para, *lead), False)


def _columns(rows: list[tuple[Para, int]]) -> dict[int, list[int]]:
    """Where the columns of rows aligned by spaces start (offsets in each row's text, counted from
    each row's own start; a hand-aligned column may be a character or two off), for each row; a
    row whose text runs up to a column with one space breaks at the word that starts nearest it."""
    found: list[list[int]] = [[g.end() - start for g in _GAP.finditer(para.text, start)] for para, start in rows]
    offsets = sorted(o for row in found for o in row)
    columns, group = [], []
    for offset in offsets + [None]:  # clusters of gap ends within two characters of each other
        if offset is not None and (not group or offset - group[0] <= 2):
            group.append(offset)
            continue
        if len(group) * 2 > len(rows):
            columns.append(max(set(group), key=group.count))
        group = [offset]
    out = {}
    for (para, start), gaps in zip(rows, found):
        text, cut = para.text, []
        for column in columns:
            near = [start + g for g in gaps if abs(g - column) <= 2]
            near = near or [start + column + d for d in (0, -1, 1, -2, 2)
                            if 0 < start + column + d < len(text) and text[start + column + d - 1] == " "
                            and text[start + column + d] != " "][:1]
            cut += near[:1]
        out[id(para)] = cut
    return out


def _content_column(rows: list[Para]) -> int | None:
    """The column of a table whose cells say what the steps do (most verbs of a programme)."""
    votes: dict[int, int] = {}
    for para in rows:
        for k, (a, b) in enumerate(cell_spans(para.text) or []):
            if VERBS.search(para.text, a, b):
                votes[k] = votes.get(k, 0) + 1
    return max(votes, key=lambda k: (votes[k], -k)) if votes else None
