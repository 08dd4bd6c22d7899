"""Sections written as one run-on paragraph, cut back into the paragraphs they stand for.

Some plans write a whole section, or the whole plan, as one paragraph: "II. THỜI GIAN, ĐỊA
ĐIỂM. 1. Thời gian: … 2. Địa điểm: … III. CHỦ TRÌ, THÀNH PHẦN. 1. Chủ trì: … 3. Thành phần:
a) …: 09 người; b) …". A numbering marker (a Roman numeral, a number, a letter) that
follows the end of a sentence or clause (". ", "; ", ": ") starts a new part when it
continues a sequence: "II." after "I.", "2." after "1.", "b)" after "a)" (a first "1." or
"a)" only when its successor follows). Each part is a `Para` of its own (`Para.piece`),
read like a paragraph on its own line; its findings still point at the whole line.
"""

from __future__ import annotations

import re

from .plan_source import Para, numbering
from .plan_table import FIELD_WORDS

_MARK = re.compile(r"(?<=[.;:]) +(?:(?P<roman>[IVX]{1,5})[.)]|(?P<num>\d{1,2})[.)]|(?P<alpha>[a-zđ])\))"
                   r"(?= +[^\W\d_])")
_ROMAN = {r: n for n, r in enumerate("I II III IV V VI VII VIII IX X XI XII".split(), 1)}
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_OWN = re.compile(r"^(?:(?P<roman>[IVX]{1,5})\s*[.\-–)]|(?P<num>\d{1,2})\s*[.)]|(?P<alpha>[a-zđ])\s*\))")


def _value(match: re.Match) -> tuple[str, int] | None:
    if match["roman"]:
        return ("roman", _ROMAN[match["roman"]]) if match["roman"] in _ROMAN else None
    if match["num"]:
        return "num", int(match["num"])
    return "alpha", _LETTERS.index(match["alpha"]) + 1


def _follows(last: int, value: int, kind: str) -> bool:
    """`value` comes right after `last` ("d" → "đ" or "e" for letters: both are written)."""
    if kind == "alpha" and last and _LETTERS[last - 1] == "d":
        return value in (last + 1, last + 2)
    return value == last + 1


def cuts(para: Para) -> list[tuple[int, int]]:
    """(start, marker start) of each part after the first, in `para.text`; [] if not run-on."""
    text = para.text
    marks = [(m, v) for m in _MARK.finditer(text) for v in [_value(m)] if v]
    if not marks:
        return []
    seen_after: dict[tuple[str, int], int] = {}  # the last position of each (kind, value)
    for m, v in marks:
        seen_after[v] = m.start()
    last = {"roman": 0, "num": 0, "alpha": 0}
    own = _OWN.match(text)
    if own and para.level is not None:
        kind, value = _value(own) or ("", 0)
        if kind:
            last[kind] = value
    out = []
    for m, (kind, value) in marks:
        if not _follows(last[kind], value, kind):
            continue
        if last[kind] == 0 and not any(seen_after.get((kind, nxt), -1) > m.start()
                                       for nxt in (value + 1, value + 2) if _follows(value, nxt, kind)):
            continue  # a lone "1." or "a)" is not a list
        last[kind] = value
        if kind == "roman":
            last["num"] = last["alpha"] = 0
        elif kind == "num":
            last["alpha"] = 0
        out.append((m.start(), m.end() - len(m.group().lstrip())))
    return out


# "Trình tự: - 8 giờ 00 - 8 giờ 10: …": a field's label with its list's first item on the same line
_NEXT_ITEM = re.compile(r"[;.]\s+[-+•]\s")
_LABEL_ITEM = re.compile(r"(?P<label>[^:\t]{2,60}):\s+(?=[-+•]\s)")


def label_cut(para: Para) -> list[tuple[int, int]]:
    """The cut between a field's label and the first item of its list written on the label's line
    (a label|value table row read as text); [] if the paragraph is not that."""
    match = _LABEL_ITEM.match(para.text)
    if not match or para.marker or not FIELD_WORDS.match(match["label"]) \
            or _NEXT_ITEM.search(para.text, match.end(), match.end() + 3000):
        return []  # "Thành phần: - A; - B; - C" on one line is a list inside a sentence
    return [(match.end("label") + 1, match.end())]


def split(paras: list[Para]) -> list[Para]:
    """`paras` with each run-on paragraph replaced by its parts, and a label cut from the first
    item of its list."""
    out = []
    for para in paras:
        found = (cuts(para) or label_cut(para)) if para.row is None and para.piece is None else []
        if not found:
            out.append(para)
            continue
        whole = " ".join(t for _, t in para.lines)
        para.span(0, 0)  # where each line ends, computed once and shared by the parts
        bounds = [0] + [start for _, start in found] + [len(para.text)]
        for k in range(len(bounds) - 1):
            a, b = bounds[k], bounds[k + 1]
            if k + 1 < len(bounds) - 1:  # the end of the part before the next marker
                b = found[k][0]
                while b > a and para.text[b - 1] in " .;":
                    b -= 1
            if k == 0:
                part = Para(para.lines, marker=para.marker, level=para.level, body_start=para.body_start,
                            piece=(a, b), whole=whole)
            else:
                marker, level, start = numbering(para.text[a:b])
                part = Para(para.lines, marker=marker, level=level, body_start=start, piece=(a, b), whole=whole)
            part._ends = para._ends
            out.append(part)
    return out
