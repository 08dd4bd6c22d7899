"""The text of a .docx plan as Word shows it (a part of the plan reader, see plan_source.py).

Word keeps some of what a reader sees outside the paragraphs' text: list numbers
(numbering.xml), text boxes (DrawingML with a VML fallback), the page header part.
They are put back here, in reading order. python-docx is imported only when a .docx
is read, so the store loads without it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Callable

from .plan_table import label_lines

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_lines(path: Path, clean_line: Callable[[str], str], error: type[Exception]) -> list[str]:
    """The lines of a .docx: the first page's header part, then each paragraph (with the label
    Word shows for its list numbering) and the text boxes anchored in it, and each table row
    (cells joined by a tab; a merged cell once). `error(message)` is raised if unreadable."""
    import docx  # python-docx; imported here so the store loads without it
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
        # SyntaxError: lxml's XMLSyntaxError, a damaged part inside the zip
        raise error(
            f"{path}: không phải tệp Word .docx hợp lệ (tệp hỏng hoặc sai định dạng)") from exc
    except OSError as exc:
        raise error(f"{path}: không đọc được tệp ({exc.strerror or exc})") from exc
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    labels = _ListLabels(document)
    lines: list[str] = _header_lines(document, clean_line)
    body = document._body
    for block in _blocks(document.element.body):
        if block.tag == f"{_W}tbl":
            table = Table(block, body)
            labelled = _label_table(table, clean_line)
            if labelled is not None:
                lines.extend(labelled)
                continue
            for row in table.rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell repeats
                        continue
                    seen.add(id(cell._tc))
                    cells.append(clean_line(_cell_text(cell._tc).replace("\t", " ")))
                lines.append("\t".join(cells) if any(cells) else "")
        else:
            # a line break typed inside a paragraph (Shift+Enter) starts a new line, as Word shows it
            whole = _paragraph_text(block, soft_break="\n")
            label = labels.label(Paragraph(block, body)) if whole.strip() else ""
            for raw in whole.split("\n"):
                if not (lines and "\t" in lines[-1]):  # tabs before the text indent it, under no row
                    raw = raw.lstrip("\t")
                if raw.count("\t") >= 2 and raw.strip() and not _ALIGNED.match(raw) and not label:
                    _tab_row(lines, [clean_line(c) for c in raw.split("\t")])
                    continue
                text = raw.replace("\t", " ")
                # the spaces that indent a line typed with soft breaks are kept for plan_source's layout
                # reading (a label over its indented value); plan_source trims them after it
                indent = "" if label else " " * (len(text) - len(text.lstrip(" ")))
                lines.append(indent + clean_line(f"{label} {text}" if label else text))
                label = ""  # the list label goes before the first line only
            lines.extend(_text_box_lines(block, clean_line))
    return lines


# tabs that align text, not cells: after a bullet or a marker ("-\tA:\t06 người"), after a label
_ALIGNED = re.compile(r"\s*(?:[-+•–]|\d{1,2}[.)]|[a-zđ]\))\t|[^\t]{2,60}:\t")


def _tab_row(lines: list[str], cells: list[str]) -> None:
    """A paragraph of tab-separated cells (a table a PDF converter turned into text) is a row; one
    that starts with a tab under a row continues its cells ("1<TAB>14h00 - 14h10<TAB>Ổn định …, giới"
    then "<TAB><TAB>thiệu đại biểu<TAB>và UBND phường")."""
    above = lines[-1].split("\t") if lines and "\t" in lines[-1] else None
    if cells[0] or above is None:
        lines.append("\t".join(cells))
        return
    above += [""] * (len(cells) - len(above))
    lines[-1] = "\t".join(" ".join(filter(None, (a, c))) for a, c in zip(above, cells + [""] * (len(above) - len(cells))))


def _label_table(table, clean_line: Callable[[str], str]) -> list[str] | None:
    """A table whose first column holds labels, as labelled lines (plan_table); else None.
    A label cell merged down over several rows is read once, its rows' values under it."""
    rows, above = [], None
    try:
        table_rows = list(table.rows)
    except (IndexError, ValueError):
        return None
    for row in table_rows:
        distinct, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                distinct.append(cell._tc)
        if len(distinct) > 2 or not distinct:
            return None
        label_tc, value_tc = distinct[0], distinct[-1]
        values = [clean_line(_paragraph_text(p).replace("\t", " ")) for p in value_tc.iter(f"{_W}p")] \
            if len(distinct) == 2 else []
        if label_tc is above:
            rows.append((None, values))
        else:
            rows.append((clean_line(_cell_text(label_tc).replace("\t", " ")), values))
        above = label_tc
    return label_lines(rows)


def _cell_text(tc) -> str:
    """A table cell's paragraphs (nested tables too) joined by a space, then its text boxes once."""
    boxed = next(tc.iter(_TEXT_BOX), None) is not None
    texts = [_paragraph_text(p) for p in tc.iter(f"{_W}p")
             if not boxed or not any(a.tag == _TEXT_BOX for a in p.iterancestors())]
    if boxed:
        texts += [line for line in _text_box_lines(tc, lambda text: text) if line]
    return " ".join(texts)


def _blocks(parent):
    """The paragraphs and tables of the body in order, also those inside content controls
    (w:sdt) and custom XML, which python-docx's iterator skips."""
    for child in parent.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif child.tag == f"{_W}customXml":
            yield from _blocks(child)


_TEXT_BOX = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}txbxContent"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


_TEXT_NODES = (f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen")


def _paragraph_text(p, soft_break: str = " ") -> str:
    """A paragraph's text as Word shows it: with tracked insertions, hyperlinks, fields'
    results and content controls; without deleted text (w:delText) or text boxes. A line
    break inside it (w:br, w:cr) is `soft_break`."""
    boxed = next(p.iter(_TEXT_BOX), None) is not None
    out = []
    for node in p.iter(*_TEXT_NODES):
        if boxed and any(a.tag == _TEXT_BOX for a in node.iterancestors()):
            continue  # a text box's text: read as its own lines
        if node.tag == f"{_W}t":
            out.append(node.text or "")
        else:
            out.append({f"{_W}noBreakHyphen": "-", f"{_W}tab": "\t"}.get(node.tag, soft_break))
    return "".join(out)


def _text_box_lines(element, clean_line: Callable[[str], str]) -> list[str]:
    """The paragraphs of the text boxes anchored in a paragraph (Word writes each box twice,
    as DrawingML and as a VML fallback: the fallback is skipped)."""
    lines = []
    for box in element.iter(_TEXT_BOX):
        if any(parent.tag == _FALLBACK for parent in box.iterancestors()):
            continue
        lines += [clean_line(_paragraph_text(p)) for p in box.iter(f"{_W}p")]
    return lines


def _header_lines(document, clean_line: Callable[[str], str]) -> list[str]:
    """The first page's header part (some templates put the issuing body there)."""
    try:
        section = document.sections[0]
        header = section.first_page_header if section.different_first_page_header_footer else section.header
        if header.is_linked_to_previous:
            return []
        return [clean_line(_paragraph_text(p._p)) for p in header.paragraphs if p.text.strip()]
    except (IndexError, AttributeError, KeyError, ValueError):
        return []




def _val(element, name: str) -> str | None:
    child = element.find(_W + name) if element is not None else None
    return None if child is None else child.get(_W + "val")


def _nested_style(paragraph) -> bool:
    """Word's "List Bullet 2" / "List Number 3" styles: a list item one level or more down."""
    name = getattr(paragraph.style, "name", "") or ""
    return bool(re.fullmatch(r"List(?: Bullet| Number| Continue)? ?[2-9]", name))


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


class _ListLabels:
    """The labels Word shows before auto-numbered paragraphs ("1.", "II.", "a)", a bullet "-").

    Word keeps them out of the paragraph's text; a plan's structure (I., 1., -) lives in
    them, so each numbered paragraph's line starts with the label as Word displays it.
    """

    def __init__(self, document):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract = {}
        for item in numbering.iter(_W + "abstractNum"):
            levels = {}
            for lvl in item.iter(_W + "lvl"):
                start = _val(lvl, "start") or "1"
                levels[int(lvl.get(_W + "ilvl", "0"))] = (
                    _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "",
                    int(start) if start.isdigit() else 1)
            abstract[item.get(_W + "abstractNumId")] = levels
        for num in numbering.iter(_W + "num"):
            ref = _val(num, "abstractNumId")
            if ref in abstract:
                self.levels[num.get(_W + "numId")] = abstract[ref]

    def _numbering(self, paragraph):
        num_pr = paragraph._p.find(f"{_W}pPr/{_W}numPr")
        style, depth = paragraph.style, 0
        while num_pr is None and style is not None and depth < 10:
            num_pr = style.element.find(f"{_W}pPr/{_W}numPr")
            style, depth = style.base_style, depth + 1
        return num_pr

    def label(self, paragraph) -> str:
        if not self.levels:
            return ""
        num_pr = self._numbering(paragraph)
        num_id = _val(num_pr, "numId")
        if num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        level = _val(num_pr, "ilvl")
        level = int(level) if level and level.isdigit() else 0
        fmt, text, start = levels.get(level, ("decimal", f"%{level + 1}.", 1))
        counts = self.counters.setdefault(num_id, {})
        counts[level] = counts.get(level, start - 1) + 1
        for deeper in [k for k in counts if k > level]:
            del counts[deeper]
        if fmt in ("bullet", "none"):
            # a nested bullet (a deeper list level, or Word's "List Bullet 2" style) is written "+"
            # as plans do by hand: an item's detail, under the "-" item above it
            nested = level > 0 or _nested_style(paragraph)
            return ("+" if nested else "-") if fmt == "bullet" else ""

        def shown(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            kind = levels.get(k, ("decimal", "", 1))[0]
            n = counts.get(k, levels.get(k, ("decimal", "", 1))[2])
            return {"upperRoman": _roman(n), "lowerRoman": _roman(n).lower(),
                    "upperLetter": chr(64 + (n - 1) % 26 + 1), "lowerLetter": chr(96 + (n - 1) % 26 + 1),
                    "decimalZero": f"{n:02d}"}.get(kind, str(n))

        return re.sub(r"%(\d)", shown, text).strip()
