"""A table whose first column holds labels, read as the labelled lines a plan writes without one.

Many plans put the meeting's fields in a two-column table "label | value" (Thời gian | …,
Địa điểm | …, Chủ trì | …, Thành phần | a list, Chương trình | one step per paragraph).
Such a table says exactly what "Thời gian: …" lines say, so it is turned into them: a value of
one paragraph becomes "label: value"; a value of several paragraphs becomes "label: first
paragraph" and then one line per further paragraph (a value that starts with a list item, or a
list of steps with their times, puts the label on a line of its own, "Thành phần:", with the
items under it). A label cell merged over
several rows, or a row whose label cell is empty (a text table's continuation row), adds its
value's lines under the label above. Used for .docx tables (plan_docx) and for text tables of
pipes or tabs (plan_source), one table at a time.
"""

from __future__ import annotations

import re

# the words that name a meeting's field, at the start of a label cell ("2. Thời gian",
# "Thành phần mời dự", "Nội dung, chương trình"); a label has few words and no sentence in it
FIELD_WORDS = re.compile(
    r"(?:(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)\-–]\s*)?"
    r"(?:tên\s+(?:hội\s+nghị|cuộc\s+họp|buổi)|thời\s+gian|ngày\s+giờ|địa\s+điểm|nơi\s+(?:tổ\s+chức|họp|diễn\s+ra)"
    r"|(?:người\s+)?chủ\s+trì|(?:người\s+)?chủ\s+t[ọo]ạ?|(?:người\s+)?ghi\s+biên\s+bản|ghi\s+chú|lưu\s+ý"
    r"|thư\s+k[ýí]|thành\s+phần|(?:kính\s+)?mời(?:\s+tham)?\s+dự|người\s+dự|khách\s+mời|đối\s+tượng"
    r"|số\s+lượng|nội\s+dung|chương\s+trình|trình\s+tự|tiến\s+trình|hình\s+thức)(?!\w)", re.IGNORECASE)
# the heading of a table's second column: the table has columns, its first row is no label's value
COLUMN_HEAD = re.compile(r"(?:số\s+(?:lượng|người)(?:\s+mời)?|nội\s+dung|ghi\s+chú|thời\s+gian|thời\s+lượng|đơn\s+vị"
                          r"|người\s+(?:thực\s+hiện|phụ\s+trách|chủ\s+trì|trình\s+bày)|chi\s+tiết|giá\s+trị)\s*:?", re.IGNORECASE)
_LABEL_MAX = 60  # characters: a label cell is a few words, not a sentence
_NUMBERED = re.compile(r"^(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)\-–]\s*")
# a value's first paragraph that starts a list of steps: a time slot, a step word ("Bước 1.")
_LISTED = re.compile(r"\d{1,2}\s*(?:h|giờ|:)|(?:bước|phần|mục)\s+\d", re.IGNORECASE)
_ITEM = re.compile(r"(?:[-+•*–]|\d{1,2}[.)]|[a-zđ]\))\s", re.IGNORECASE)


def is_label(text: str) -> bool:
    """A cell that can be a label: short, one phrase, no full stop inside."""
    text = _NUMBERED.sub("", text.strip(), count=1)
    return 0 < len(text) <= _LABEL_MAX and not re.search(r"[.;]\s+\S", text) and "\t" not in text


def label_lines(rows: list[tuple[str | None, list[str]]], own_line: bool = True) -> list[str] | None:
    """The labelled lines of a table given as (label cell, value paragraphs) per row, where the
    label is None for a row that continues the label above (a merged or empty label cell); None
    if the table is not a label|value table: every label short and at least two naming a field.
    Without `own_line`, a label row always gives one line "label: value" (a text keeps its line
    numbers)."""
    labels = [label for label, _ in rows if label is not None]
    head = rows[0][1] if rows else []
    if len(head) == 1 and COLUMN_HEAD.fullmatch(head[0].strip()):
        return None  # a header row ("Thành phần | Số lượng"): a table with columns, not labels
    if len(labels) < 2 or not all(is_label(label) for label in labels) \
            or sum(1 for label in labels if FIELD_WORDS.match(label.strip())) < 2 \
            or rows[0][0] is None:
        return None
    out: list[str] = []
    for label, values in rows:
        values = [v.strip() for v in values if v.strip()]
        if label is None:
            out += values
            continue
        head = label.strip().rstrip(":").rstrip()
        if not values:
            out.append(head + ":")
        elif own_line and (_ITEM.match(values[0]) or values[0].endswith(":")
                           or (len(values) > 1 and _LISTED.match(values[0]))):
            out += [head + ":"] + values
        else:
            out += [f"{head}: {values[0]}"] + values[1:]
    return out


def text_rows(lines: list[str], cells) -> list[str]:
    """The lines of a text, each run of two-cell table rows (pipes or tabs) that is a label|value
    table turned into labelled lines, one line for one (line numbers stay those of the file)."""
    out = list(lines)
    i = 0
    while i < len(lines):
        if cells(lines[i]) is None:
            i += 1
            continue
        j = i
        while j < len(lines) and cells(lines[j]) is not None:
            j += 1
        _table(out, lines, i, j, cells)
        i = j
    return out


_RULE = re.compile(r"[\s|:\-–=+]*")


def _table(out: list[str], lines: list[str], i: int, j: int, cells) -> None:
    rows, where = [], []
    for k in range(i, j):
        row = cells(lines[k])
        if _RULE.fullmatch(lines[k]):  # a Markdown rule "|---|---|"
            continue
        if len(row) != 2:
            return
        rows.append((row[0] if row[0].strip() else None, [row[1]]))
        where.append(k)
    got = label_lines(rows, own_line=False) if rows and len(rows) == len(where) else None
    if got is None or len(got) != len(where):  # one line per row, or leave the table as it is
        return
    for k, line in zip(where, got):
        out[k] = line


# a two-cell table row whose first cell names a field ("Thời gian | 14h00, ngày …"): it reads as
# the labelled line "Thời gian: 14h00, ngày …" a plan writes without a table
_LABEL_CELL = re.compile(r"(?:thời\s+gian|ngày\s+giờ|địa\s+điểm|chủ\s+trì|chủ\s+tọa|chủ\s+toạ|thư\s+ký|thư\s+kí"
                         r"|thành\s+phần(?:\s+(?:tham\s+)?dự|\s+mời)?|mời\s+(?:tham\s+)?dự|người\s+dự"
                         r"|đối\s+tượng(?:\s+(?:tham\s+)?dự)?|(?:tham\s+)?dự\s+họp)\s*:?$", re.IGNORECASE)


# the labels a message abbreviates ("- TG: 14h00 …", "- ĐĐ: Hội trường …"), written in capitals
# at the start of a line, before a colon
_SHORT_LABELS = {"TG": "Thời gian", "ĐĐ": "Địa điểm", "TK": "Thư ký", "TP": "Thành phần", "ND": "Nội dung",
                 "CTr": "Chương trình"}
_SHORT_LABEL = re.compile(r"\s*(?:[^\w\s]{1,3}\s*)?(?P<abbr>" + "|".join(_SHORT_LABELS) + r")\s*:\s")


# dotted leaders between a label and its count ("Thường trực Đảng ủy ........ 06 người")
# ("… ... 11 người": three dots too, when only the count follows)
_LEADER = re.compile(r"(?<=[^\s.:…])\s*(?:(?:[.…]\s?){4,}\s*(?=\d)|(?:\.{3}|…)\s*(?=\d{1,5}\s*[^\W\d_]+(?:\s+[^\W\d_]+)?[.;]?\s*$))")


def labelled(line: str) -> str:
    """A two-cell row "Thời gian<TAB>14h00 …" as "Thời gian: 14h00 …"; a message's abbreviated
    label "- TG: …" as "- Thời gian: …"; a label's dotted leaders before its count as a colon
    ("A ...... 06 người" as "A: 06 người"); any other line as it is."""
    if "..." in line or "…" in line:
        line = _LEADER.sub(": ", line)
    short = _SHORT_LABEL.match(line)
    if short:
        return line[:short.start("abbr")] + _SHORT_LABELS[short["abbr"]] + line[short.end("abbr"):]
    tab = line.find("\t")
    if tab < 0 or tab > 30 or "\t" in line[tab + 1:]:
        return line
    head = line[:tab].strip()
    if not _LABEL_CELL.match(head) or not line[tab + 1:].strip() or COLUMN_HEAD.fullmatch(line[tab + 1:].strip()):
        return line  # (a header row "Thành phần | Số lượng" names columns)
    return head.rstrip(": ") + ": " + line[tab + 1:].strip()


# a column heading alone on its line: a table copied out of a PDF viewer or a web page gives one
# cell per line ("Thời gian" / "Nội dung" / "Người thực hiện", then three lines a row)
_HEAD_LINE = re.compile(r"(?:s?tt|giờ|thời\s+gian|thời\s+lượng|nội\s+dung|người\s+(?:thực\s+hiện|phụ\s+trách|trình\s+bày)"
                        r"|phụ\s+trách|chủ\s+trì|thực\s+hiện|ghi\s+chú|số\s+lượng|thành\s+phần|đơn\s+vị)", re.IGNORECASE)
_CLOCK = re.compile(r"\d{1,2}\s*(?:h|g|giờ|:)\s*\d{0,2}", re.IGNORECASE)


def cell_lines(lines: list[str]) -> list[str]:
    """A table copied with one cell per line as tab-separated rows: under two or more column
    headings each alone on its line (one of them "Nội dung"), every run of as many lines is a row,
    put on its first line (the others left empty, so line numbers stay those of the file). The rows
    end at an empty line or at a row whose first cell does not fit its column (a clock under
    "Thời gian"/"Giờ", a number under "TT")."""
    out = list(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and "\t" not in lines[j] and _HEAD_LINE.fullmatch(lines[j].strip()):
            j += 1
        width = j - i
        if width < 2 or not any(re.match(r"nội\s+dung", lines[k].strip(), re.IGNORECASE) for k in range(i, j)):
            i = max(j, i + 1)
            continue
        first = lines[i].strip().casefold()
        rows, k = [], j
        while k + width <= len(lines):
            row = [line.strip() for line in lines[k:k + width]]
            if not all(row) or any("\t" in c for c in row) or _HEAD_LINE.fullmatch(row[0]) \
                    or (first in ("tt", "stt") and not re.fullmatch(r"\d{1,2}\.?|[IVX]{1,4}\.?", row[0])) \
                    or (first in ("giờ", "thời gian") and not _CLOCK.match(row[0])):
                break
            rows.append((k, row))
            k += width
        if len(rows) >= 2:
            out[i:j] = ["\t".join(line.strip() for line in lines[i:j])] + [""] * (width - 1)
            for at, row in rows:
                out[at:at + width] = ["\t".join(row)] + [""] * (width - 1)
        i = k if len(rows) >= 2 else j
    return out


_INDENT = re.compile(r"[ \t]*")
_COUNT_BELOW = re.compile(r"\s*(?:số\s+lượng|số\s+người)(?:\s+mời)?\s*:\s*(?P<n>\d{1,5}\s*\S.*?)\s*$", re.IGNORECASE)
_VALUE_ITEM = re.compile(r"\s*(?:[-+•*–]|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|phần\s+\d)", re.IGNORECASE)


def label_over_value(lines: list[str]) -> list[str]:
    """A form's label alone on its line, without a colon ("2. Thời gian", "4. Người chủ trì"), over
    its value on the more indented lines below: the label gets its colon, and a value that is no
    list goes up beside it on its first line ("4. Người chủ trì: Đồng chí …", the label's line left
    empty so line numbers stay those of the file), with "Chức vụ: …" under a name as the name's title."""
    out = list(lines)
    for i in range(len(lines) - 1):
        line, below = lines[i], lines[i + 1]
        head = line.strip()
        if not head or len(below) - len(below.lstrip(" \t")) <= len(line) - len(line.lstrip(" \t")) or not below.strip():
            continue  # (most lines: the next one is not indented under it)
        count = _COUNT_BELOW.match(below)
        if count and _VALUE_ITEM.match(line):
            out[i], out[i + 1] = f"{line.rstrip(' .;,')}; số lượng: {count['n']}", ""  # its count under an item
            continue
        head = re.sub(r"\s*\(.*\)$", "", head)
        field = FIELD_WORDS.match(head) if not head.endswith(":") and "\t" not in line else None
        if not field or not re.fullmatch(r"(?:\s+[^\W\d_]+){0,3}", head[field.end():]):
            continue  # a label of a few words ("5. Thư ký hội nghị"), no sentence
        if _VALUE_ITEM.match(below) or below.rstrip().endswith(":"):
            out[i] = line.rstrip() + ":"
            continue
        out[i], out[i + 1] = "", f"{line.rstrip()}: {below.strip()}"
        post = lines[i + 2] if i + 2 < len(lines) else ""
        title = re.match(r"\s*chức\s+vụ\s*:\s*(?=\S)", post, re.IGNORECASE)
        if title and _INDENT.match(post).group() == _INDENT.match(below).group():
            out[i + 1], out[i + 2] = out[i + 1].rstrip(" .,;") + ", " + post[title.end():].strip(), ""
    return out


_PART = re.compile(r"\s*(?:phần|bước|mục)\s+(?:\d{1,2}|[IVX]{1,5})\s*[.:]?\s*$", re.IGNORECASE)
_SUB_LABEL = re.compile(r"\s*(?P<label>nội\s+dung|(?:người\s+)?(?:thực\s+hiện|phụ\s+trách|trình\s+bày)|thời\s+lượng"
                        r"|thời\s+gian)\s*:\s*(?P<value>\S.*?)\s*$", re.IGNORECASE)


def part_blocks(lines: list[str]) -> list[str]:
    """A programme written as blocks, a part's heading alone ("Phần 1") over indented "Thời lượng: …",
    "Nội dung: …", "Người thực hiện: …" lines: each block as one step on its "Nội dung" line,
    "Phần 1: content. Người thực hiện: lead. Thời lượng: …" (the block's other lines left empty)."""
    out = list(lines)
    for i, line in enumerate(lines):
        if not _PART.match(line):
            continue
        sub, k = {}, i + 1
        while k < len(lines) and (m := _SUB_LABEL.match(lines[k])) \
                and len(_INDENT.match(lines[k]).group()) > len(_INDENT.match(line).group()):
            sub[m["label"].split()[-1].casefold() if "nội" not in m["label"].casefold() else "nội"] = (k, m["value"])
            k += 1
        if "nội" not in sub or len(sub) < 2:
            continue
        at, content = sub.pop("nội")
        text = f"{line.strip().rstrip('.:')}: {content.rstrip(' .')}"
        for key, (_, value) in sub.items():
            text += f". {'Thời lượng' if key in ('lượng', 'gian') else 'Thực hiện'}: {value.rstrip(' .')}"
        for j in range(i, k):
            out[j] = ""
        out[at] = text + "."
    return out


_GAP = re.compile(r" {2,}")


def _segments(line: str) -> list[tuple[int, str]]:
    """(column where it starts, text) of each run of text between gaps of two spaces or more."""
    out, pos = [], 0
    for gap in _GAP.finditer(line):
        if line[pos:gap.start()].strip():
            out.append((pos, line[pos:gap.start()]))
        pos = gap.end()
    if line[pos:].strip():
        out.append((pos, line[pos:].rstrip()))
    return out


def spaced_rows(lines: list[str]) -> list[str]:
    """A text table aligned by spaces under a header line of column headings ("Giờ      Nội dung
    Phụ trách", one of them "Nội dung") as tab rows: each run of text goes to the column whose
    heading starts nearest (a hand-aligned column may be a few characters off), and a line whose
    first column is empty continues the cells of the row above (it is left empty, so line numbers
    stay those of the file). The table ends at an empty line or a line that fits no column."""
    out = list(lines)
    i = 0
    while i < len(lines):
        head = _segments(lines[i]) if "\t" not in lines[i] and "  " in lines[i].strip() else []
        if len(head) < 2 or not all(_HEAD_LINE.fullmatch(t.strip()) for _, t in head) \
                or not any(re.match(r"nội\s+dung", t.strip(), re.IGNORECASE) for _, t in head):
            i += 1
            continue
        starts = [at for at, _ in head]
        rows: list[tuple[int, list[str]]] = []
        k = i + 1
        while k < len(lines) and lines[k].strip() and "\t" not in lines[k]:
            cells = [""] * len(starts)
            for at, text in _segments(lines[k]):
                column = min(range(len(starts)), key=lambda c: abs(starts[c] - at))
                if abs(starts[column] - at) > 4 or cells[column]:
                    break
                cells[column] = text.strip()
            else:
                if cells[0] or not rows:
                    rows.append((k, cells))
                else:  # a wrapped cell: the row above goes on
                    rows[-1] = (rows[-1][0], [" ".join(filter(None, (a, b))) for a, b in zip(rows[-1][1], cells)])
                    out[k] = ""
                k += 1
                continue
            break
        if len(rows) >= 2:
            out[i] = "\t".join(t.strip() for _, t in head)
            for at, cells in rows:
                out[at] = "\t".join(cells)
        else:
            out[i + 1:k] = lines[i + 1:k]
        i = max(k, i + 1)
    return out
