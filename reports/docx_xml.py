"""The Word body as WordprocessingML text, written directly (python-docx's object model
takes about a second for a 300-opinion meeting; a string takes a few milliseconds).

Paragraph styles are referred to by id (`docx.py` declares them from `layout.make_styles`);
only what differs from the style is written on a paragraph. A kept group (`model.Keep`)
becomes "keep with next" on every paragraph but its last and "keep lines together" on
all, which is what Word and LibreOffice honour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from .fonts import RegisteredFont
from .layout import (
    MOTTO,
    NATIONAL,
    SIGNATURE_ROOM,
    TEXT_WIDTH,
    Styles,
    header_geometry,
    subject_lines,
    subject_rule,
)
from .model import (
    Block,
    Columns,
    Gap,
    Grid,
    Header,
    Keep,
    PageBreak,
    Mark,
    Para,
    Recipients,
    Signature,
    Style,
    Title,
    WriteLines,
    recipient_lines,
)
from .text import clean, escape

_KEEP_NEXT = "\x00N\x00"  # replaced by <w:keepNext/> inside a kept group, else removed
_KEEP_LINES = "\x00L\x00"
_CELL_STYLE = re.compile(r'(<w:pStyle w:val="[^"]*"/>)(?!<w:keepNext/>)')


def twips(points: float) -> int:
    return int(round(points * 20))


@dataclass
class _Group:
    items: list


def _run(text: str, *, bold: bool = False, italic: bool = False, size: float | None = None) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if size is not None:
        half = int(round(size * 2))
        props += f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
    lines = clean(text).split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{body}</w:r>"


def _paragraph(style_id: str, runs: str, *, keep_next: bool = False, space_before: float | None = None,
               space_after: float | None = None, line: float | None = None, left: float | None = None,
               right: float | None = None, first_line: float | None = None, bottom_rule: float | None = None,
               tabs: str = "") -> str:
    props = [f'<w:pStyle w:val="{style_id}"/>', "<w:keepNext/>" if keep_next else _KEEP_NEXT, _KEEP_LINES]
    if bottom_rule:
        props.append(f'<w:pBdr><w:bottom w:val="single" w:sz="{max(2, round(bottom_rule * 8))}" w:space="0" '
                     f'w:color="000000"/></w:pBdr>')
    if tabs:
        props.append(f"<w:tabs>{tabs}</w:tabs>")
    spacing = ""
    if space_before is not None:
        spacing += f' w:before="{twips(space_before)}"'
    if space_after is not None:
        spacing += f' w:after="{twips(space_after)}"'
    if line is not None:
        spacing += f' w:line="{twips(line)}" w:lineRule="exact"'
    if spacing:
        props.append(f"<w:spacing{spacing}/>")
    indent = ""
    if left is not None:
        indent += f' w:left="{twips(left)}"'
    if right is not None:
        indent += f' w:right="{twips(right)}"'
    if first_line is not None:
        indent += f' w:firstLine="{twips(first_line)}"'
    if indent:
        props.append(f"<w:ind{indent}/>")
    return f"<w:p><w:pPr>{''.join(props)}</w:pPr>{runs}</w:p>"


def finish(items: list) -> str:
    """The XML of a container's items, kept groups resolved."""
    out: list[str] = []
    for item in items:
        if isinstance(item, _Group):
            flat = _flatten(item.items)
            last = len(flat) - 1  # everything before the group's last item keeps with the next
            for index, text in enumerate(flat):
                if text.startswith("<w:p>"):
                    text = text.replace(_KEEP_NEXT, "<w:keepNext/>" if index != last else "", 1)
                    text = text.replace(_KEEP_LINES, "<w:keepLines/>", 1)
                elif index < last:  # a table kept with what follows: every paragraph in it keeps
                    text = _CELL_STYLE.sub(r"\1<w:keepNext/>", text)
                out.append(text)
        else:
            out.append(item)
    return "".join(out).replace(_KEEP_NEXT, "").replace(_KEEP_LINES, "")


def _flatten(items: list) -> list[str]:
    flat: list[str] = []
    for item in items:
        flat += _flatten(item.items) if isinstance(item, _Group) else [item]
    return flat


class BodyWriter:
    """Blocks of the document model -> WordprocessingML (the body's children)."""

    def __init__(self, font: RegisteredFont, styles: Styles, style_ids: dict[Style, str]):
        self.font, self.styles, self.ids = font, styles, style_ids

    def write(self, blocks) -> str:
        return finish(self.blocks(blocks, TEXT_WIDTH))

    def blocks(self, blocks, width: float) -> list:
        items: list = []
        for block in blocks:
            items += self.block(block, width)
        return items

    def plain(self, text: str, style: Style, *, bold: bool = False, italic: bool = False,
              size: float | None = None, **paragraph) -> str:
        return _paragraph(self.ids[style], _run(text, bold=bold, italic=italic, size=size), **paragraph)

    def rule(self, length: float, width: float, *, space_before: float = 1, space_after: float = 3,
             thickness: float = 0.6) -> str:
        """A centred horizontal line: an empty paragraph's bottom border between indents."""
        side = max(0.0, (width - length) / 2)
        return _paragraph(self.ids[Style.CENTRE], "", space_before=space_before, space_after=space_after,
                          line=1, left=side, right=side, first_line=0, bottom_rule=thickness)

    def table(self, rows: list[list[str]], widths: list[float], *, align: str = "center",
              box: float | None = None, padding: tuple[float, float] = (0, 0), cant_split: bool = False,
              inside: bool = False) -> str:
        edges = "".join(
            f'<w:{edge} w:val="single" w:sz="{round(box * 8)}" w:space="0" w:color="000000"/>' if box
            and (inside or not edge.startswith("inside")) else f'<w:{edge} w:val="nil"/>'
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV"))
        margins = "".join(f'<w:{edge} w:w="{twips(value)}" w:type="dxa"/>' for edge, value in (
            ("top", padding[1]), ("left", padding[0]), ("bottom", padding[1]), ("right", padding[0])))
        grid = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths)
        props = (f'<w:tblPr><w:tblW w:w="{twips(sum(widths))}" w:type="dxa"/><w:jc w:val="{align}"/>'
                 f'<w:tblBorders>{edges}</w:tblBorders><w:tblLayout w:type="fixed"/>'
                 f'<w:tblCellMar>{margins}</w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>')
        body = []
        for cells in rows:
            row = "<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""
            for content, w in zip(cells, widths):
                content = content or _paragraph(self.ids[Style.CENTRE], "")
                row += f'<w:tc><w:tcPr><w:tcW w:w="{twips(w)}" w:type="dxa"/></w:tcPr>{content}</w:tc>'
            body.append(f"<w:tr>{row}</w:tr>")
        return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>"

    # -- blocks ----------------------------------------------------------------------

    def block(self, block: Block, width: float) -> list:
        if isinstance(block, Para):
            runs = "".join(_run(run.text, bold=run.bold, italic=run.italic) for run in block.runs)
            return [_paragraph(self.ids[block.style], runs, keep_next=block.keep_with_next,
                               space_before=block.space_before, space_after=block.space_after)]
        if isinstance(block, Header):
            return [self.header(block)]
        if isinstance(block, Title):
            return self.title(block)
        if isinstance(block, Mark):
            return [self.mark(block)]
        if isinstance(block, WriteLines):
            return self.write_lines(block, width)
        if isinstance(block, Gap):
            return [_paragraph(self.ids[Style.FLUSH], "", space_before=0, space_after=0,
                               line=max(1.0, block.points))]
        if isinstance(block, Keep):
            return [_Group(self.blocks(block.blocks, width))]
        if isinstance(block, Signature):
            out = [self.plain(role, Style.CENTRE_BOLD) for role in block.roles]
            return out + [self.plain(name, Style.CENTRE_BOLD, space_before=SIGNATURE_ROOM)
                          for name in block.names or ("",)]
        if isinstance(block, Recipients):
            return [self.plain("Nơi nhận:", Style.RECIPIENTS_LABEL),
                    *(self.plain(line, Style.RECIPIENTS_ITEM) for line in recipient_lines(block.items))]
        if isinstance(block, Columns):
            left_w = width * block.left_share
            cells = [finish(self.blocks(block.left, left_w)), finish(self.blocks(block.right, width - left_w))]
            return [self.table([cells], [left_w, width - left_w], cant_split=True)]
        if isinstance(block, PageBreak):
            return ['<w:p><w:r><w:br w:type="page"/></w:r></w:p>']
        if isinstance(block, Grid):
            return [self.grid(block, width)]
        raise TypeError(f"unknown block {block!r}")  # pragma: no cover - the model is closed

    def grid(self, block: Grid, width: float) -> str:
        """A ruled table whose heading row repeats on every page."""
        total = sum(block.shares)
        widths = [width * share / total for share in block.shares]
        head = [self.plain(text, Style.CELL_HEAD) for text in block.head]
        rows = [[self.plain(text, Style.CELL) for text in row] for row in block.rows]
        xml = self.table([head, *rows], widths, box=0.5, padding=(3, 2), inside=True)
        return xml.replace("<w:tr>", "<w:tr><w:trPr><w:tblHeader/></w:trPr>", 1)

    def header(self, block: Header) -> str:
        g = header_geometry(self.font, block.organisation, block.parent)
        left = [self.plain(line, Style.CENTRE, size=g.left_size, line=g.left_size * 1.2) for line in g.regular]
        left.append(self.plain("\n".join(g.bold), Style.CENTRE, bold=True, size=g.left_size,
                               line=g.left_size * 1.2))
        left.append(self.rule(g.left_rule, g.left_w, space_before=5))
        right = [self.plain(NATIONAL, Style.CENTRE, bold=True, size=g.national_size, line=g.national_size * 1.25),
                 self.plain(MOTTO, Style.CENTRE, bold=True, size=g.motto_size, line=g.motto_size * 1.2),
                 self.rule(g.motto_w, g.right_w, space_before=5)]
        number = self.plain(block.number, Style.CENTRE, space_before=4)
        date = self.plain(block.place_date, Style.CENTRE_ITALIC, space_before=4) if block.place_date else ""
        return self.table([["".join(left), "".join(right)], [number, date]], [g.left_w, g.right_w])

    def title(self, block: Title) -> list[str]:
        title, subject = self.styles.title, self.styles.subject
        return [
            self.plain(block.doc_type, Style.CENTRE_BOLD, size=title.fontSize, keep_next=True,
                       space_before=title.spaceBefore, line=title.leading),
            self.plain("\n".join(subject_lines(self.styles, block.subject)), Style.CENTRE_BOLD,
                       size=subject.fontSize, keep_next=True, line=subject.leading),
            self.rule(subject_rule(self.styles, block.subject), TEXT_WIDTH, space_before=6, space_after=10),
        ]

    def mark(self, block: Mark) -> str:
        style = self.styles.centre_bold if block.bold else self.styles.centre
        widest = max(stringWidth(line, style.fontName, style.fontSize) for line in block.text.split("\n"))
        cell = self.plain(block.text, Style.CENTRE_BOLD if block.bold else Style.CENTRE)
        return self.table([[cell]], [min(TEXT_WIDTH, widest + 16)], align="left" if block.align == "LEFT"
                          else "center", box=1.2, padding=(6, 3))

    def write_lines(self, block: WriteLines, width: float) -> list[str]:
        """Labels then a dotted tab leader to the end of each field: room to write by hand."""
        fields = block.fields or ((block.label, 1.0),)
        lines = []
        for index in range(1 if block.fields else block.count):
            x, tabs, runs = block.indent, "", []
            for number, (label, share) in enumerate(fields):
                end = min(width, x + (width - block.indent) * share)
                stop = end - (4 if end < width else 0)  # from the margin, as Word measures tabs
                tabs += f'<w:tab w:val="{"left" if end < width else "right"}" w:leader="dot" w:pos="{twips(stop)}"/>'
                text = label if index == 0 else ""
                runs.append(_run((" " if number and text else "") + text) + "<w:r><w:tab/></w:r>")
                x = end
            lines.append(_paragraph(self.ids[Style.WRITE_LINE], "".join(runs), line=7 * mm,
                                    left=block.indent or None, tabs=tabs))
        return lines
