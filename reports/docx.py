"""The Word renderer: the same `model.Document` as the PDF, written with python-docx.

A4 with the decree's margins, Times New Roman (the office's Word has it; the PDF
uses it or a metric twin), the paragraph styles of `layout.make_styles` turned
into Word styles, the two-column header as a borderless table with its rules,
page numbers in the header from page 2 (a PAGE field, different first page), the
draft or provisional marks and the seal line in the footer. The text is the PDF's
text: both renderers print the model's runs and nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path

from docx import Document as new_document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from .fonts import RegisteredFont
from .layout import (
    BODY_SIZE,
    LEADING,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MOTTO,
    NATIONAL,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_WIDTH,
    Styles,
    header_geometry,
    make_styles,
    subject_lines,
    subject_rule,
)
from .model import (
    Block,
    Columns,
    Document,
    Gap,
    Header,
    Keep,
    Mark,
    Para,
    Recipients,
    Run,
    Signature,
    Style,
    Title,
    WriteLines,
    recipient_lines,
)
from .text import clean

FONT_NAME = "Times New Roman"
SIGNATURE_ROOM = 22 * mm  # as in the PDF
_ALIGN = {TA_CENTER: WD_ALIGN_PARAGRAPH.CENTER, TA_JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
          TA_RIGHT: WD_ALIGN_PARAGRAPH.RIGHT}


def pt(points: float) -> Emu:
    return Emu(int(round(points * 12700)))


def _set_fonts(element, name: str = FONT_NAME) -> None:
    """rFonts for every script, so Word never substitutes a theme font."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def _border(element_pr, edges: dict[str, float], tag: str = "w:pBdr") -> None:
    """Single-line borders of `points` width on the given edges ('bottom', 'top', ...)."""
    borders = OxmlElement(tag)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if tag == "w:pBdr" and edge.startswith("inside"):
            continue
        line = OxmlElement(f"w:{edge}")
        width = edges.get(edge)
        if width:
            line.set(qn("w:val"), "single")
            line.set(qn("w:sz"), str(max(2, int(round(width * 8)))))
            line.set(qn("w:space"), "0")
            line.set(qn("w:color"), "000000")
        else:
            line.set(qn("w:val"), "nil")
        borders.append(line)
    element_pr.append(borders)


class _Writer:
    def __init__(self, font: RegisteredFont):
        self.font = font
        self.styles: Styles = make_styles(font)
        self.doc = new_document()
        self._setup_page()
        self.word_styles = {style: self._word_style(style) for style in Style}
        self._keep = 0  # > 0 while writing a kept group

    # -- page, styles -------------------------------------------------------------

    def _setup_page(self) -> None:
        section = self.doc.sections[0]
        section.page_width, section.page_height = pt(PAGE_WIDTH), pt(PAGE_HEIGHT)
        section.top_margin, section.bottom_margin = pt(MARGIN_TOP), pt(MARGIN_BOTTOM)
        section.left_margin, section.right_margin = pt(MARGIN_LEFT), pt(MARGIN_RIGHT)
        section.header_distance, section.footer_distance = pt(8 * mm), pt(6 * mm)
        section.start_type = WD_SECTION.NEW_PAGE
        normal = self.doc.styles["Normal"]
        normal.font.name, normal.font.size = FONT_NAME, Pt(BODY_SIZE)
        _set_fonts(normal.element)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "vi-VN")
        normal.element.get_or_add_rPr().append(lang)
        fmt = normal.paragraph_format
        fmt.space_before, fmt.space_after = Pt(0), Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        fmt.widow_control = True

    def _word_style(self, style: Style):
        source: ParagraphStyle = getattr(self.styles, style.value)
        word = self.doc.styles.add_style(f"DT {style.value}", WD_STYLE_TYPE.PARAGRAPH)
        word.base_style = self.doc.styles["Normal"]
        word.quick_style = True
        self._apply(word.font, word.paragraph_format, source)
        return word

    def _apply(self, font, fmt, source: ParagraphStyle) -> None:
        f = self.font
        font.size = Pt(source.fontSize)
        font.bold = source.fontName in (f.bold, f.bold_italic)
        font.italic = source.fontName in (f.italic, f.bold_italic)
        fmt.alignment = _ALIGN.get(source.alignment, WD_ALIGN_PARAGRAPH.LEFT)
        fmt.first_line_indent = pt(source.firstLineIndent) if source.firstLineIndent else None
        fmt.left_indent = pt(source.leftIndent) if source.leftIndent else None
        fmt.space_before, fmt.space_after = pt(source.spaceBefore), pt(source.spaceAfter)
        fmt.line_spacing = pt(source.leading)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.keep_with_next = bool(getattr(source, "keepWithNext", 0))

    # -- paragraphs ----------------------------------------------------------------

    def _runs(self, paragraph, runs: tuple[Run, ...] | list[Run]) -> None:
        for run in runs:
            lines = clean(run.text).split("\n")
            word = paragraph.add_run(lines[0])
            for line in lines[1:]:
                word.add_break(WD_BREAK.LINE)
                word.add_text(line)
            if run.bold:
                word.bold = True
            if run.italic:
                word.italic = True

    def paragraph(self, container, block: Para, *, keep: bool = False):
        p = container.add_paragraph(style=self.word_styles[block.style])
        self._runs(p, block.runs)
        fmt = None
        if block.space_before is not None:
            fmt = p.paragraph_format
            fmt.space_before = pt(block.space_before)
        if block.space_after is not None:
            fmt = fmt or p.paragraph_format
            fmt.space_after = pt(block.space_after)
        if block.keep_with_next or keep:
            (fmt or p.paragraph_format).keep_with_next = True
        if self._keep:
            p.paragraph_format.keep_together = True
        return p

    def plain(self, container, text: str, style: Style, **changes):
        """A paragraph of one plain run in `style`, with optional direct formatting."""
        p = container.add_paragraph(style=self.word_styles[style])
        self._runs(p, [Run(text, bold=changes.pop("bold", False), italic=changes.pop("italic", False))])
        size = changes.pop("size", None)
        if size is not None:
            for run in p.runs:
                run.font.size = Pt(size)
        fmt = p.paragraph_format
        for key, value in changes.items():
            setattr(fmt, key, value)
        return p

    def rule(self, container, length: float, width: float, *, space_before: float = 1,
             space_after: float = 3, thickness: float = 0.6):
        """A centred horizontal line: an empty paragraph's bottom border between indents."""
        p = container.add_paragraph(style=self.word_styles[Style.CENTRE])
        fmt = p.paragraph_format
        side = max(0.0, (width - length) / 2)
        fmt.left_indent = fmt.right_indent = pt(side)
        fmt.first_line_indent = None
        fmt.space_before, fmt.space_after = pt(space_before), pt(space_after)
        fmt.line_spacing = pt(1)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        _border(p._p.get_or_add_pPr(), {"bottom": thickness})
        return p

    # -- tables --------------------------------------------------------------------

    def table(self, container, rows: int, widths: list[float], *, align: str = "CENTER",
              box: float | None = None, padding: tuple[float, float] = (0, 0)):
        table = container.add_table(rows=rows, cols=len(widths))
        table.alignment = WD_TABLE_ALIGNMENT.LEFT if align == "LEFT" else WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tbl_pr.append(layout)
        total = OxmlElement("w:tblW")
        total.set(qn("w:w"), str(int(round(sum(widths) * 20))))
        total.set(qn("w:type"), "dxa")
        for old in tbl_pr.findall(qn("w:tblW")):
            tbl_pr.remove(old)
        tbl_pr.append(total)
        edges = {e: box for e in ("top", "left", "bottom", "right")} if box else {}
        _border(tbl_pr, edges, "w:tblBorders")
        margins = OxmlElement("w:tblCellMar")
        for edge, value in (("left", padding[0]), ("right", padding[0]), ("top", padding[1]),
                            ("bottom", padding[1])):
            cell_margin = OxmlElement(f"w:{edge}")
            cell_margin.set(qn("w:w"), str(int(round(value * 20))))
            cell_margin.set(qn("w:type"), "dxa")
            margins.append(cell_margin)
        tbl_pr.append(margins)
        grid = table._tbl.tblGrid
        for col, width in zip(grid.findall(qn("w:gridCol")), widths):
            col.set(qn("w:w"), str(int(round(width * 20))))
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = pt(width)
        return table

    @staticmethod
    def cell(table, row: int, col: int):
        """A cell emptied of its default paragraph (filled by the caller)."""
        cell = table.cell(row, col)
        for p in list(cell.paragraphs):
            p._p.getparent().remove(p._p)
        return cell

    @staticmethod
    def no_split(table) -> None:
        for row in table.rows:
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))

    @staticmethod
    def ensure_paragraph(cell) -> None:
        if not cell.paragraphs:
            cell.add_paragraph()

    # -- blocks --------------------------------------------------------------------

    def blocks(self, container, blocks, width: float = TEXT_WIDTH) -> None:
        for block in blocks:
            self.block(container, block, width)

    def block(self, container, block: Block, width: float) -> None:
        if isinstance(block, Para):
            self.paragraph(container, block)
        elif isinstance(block, Header):
            self.header(container, block)
        elif isinstance(block, Title):
            self.title(container, block)
        elif isinstance(block, Mark):
            self.mark(container, block)
        elif isinstance(block, WriteLines):
            self.write_lines(container, block, width)
        elif isinstance(block, Gap):
            p = container.add_paragraph(style=self.word_styles[Style.FLUSH])
            fmt = p.paragraph_format
            fmt.space_before = fmt.space_after = Pt(0)
            fmt.line_spacing = pt(max(1.0, block.points))
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            if self._keep:
                fmt.keep_with_next = fmt.keep_together = True
        elif isinstance(block, Keep):
            self.keep(container, block, width)
        elif isinstance(block, Signature):
            self.signature(container, block)
        elif isinstance(block, Recipients):
            self.plain(container, "Nơi nhận:", Style.RECIPIENTS_LABEL)
            for line in recipient_lines(block.items):
                self.plain(container, line, Style.RECIPIENTS_ITEM)
        elif isinstance(block, Columns):
            left_w = width * block.left_share
            table = self.table(container, 1, [left_w, width - left_w])
            for col, (blocks, w) in enumerate(((block.left, left_w), (block.right, width - left_w))):
                cell = self.cell(table, 0, col)
                self.blocks(cell, blocks, w)
                self.ensure_paragraph(cell)
            self.no_split(table)
        else:  # pragma: no cover - the model is closed
            raise TypeError(f"unknown block {block!r}")

    def keep(self, container, block: Keep, width: float) -> None:
        """Kept together: every paragraph but the last keeps with the next one."""
        body = container._body._element if hasattr(container, "_body") else container._element
        sect = qn("w:sectPr")
        children = list(body)
        tail = 1 if children and children[-1].tag == sect else 0
        start = len(children) - tail
        self._keep += 1
        self.blocks(container, block.blocks, width)
        self._keep -= 1
        children = list(body)
        added = [el for el in children[start:len(children) - tail] if el.tag == qn("w:p")]
        for p in added[:-1]:
            pr = p.get_or_add_pPr()
            if pr.find(qn("w:keepNext")) is None:
                pr.insert_element_before(OxmlElement("w:keepNext"), *_AFTER_KEEP_NEXT)

    def header(self, container, block: Header) -> None:
        g = header_geometry(self.font, block.organisation, block.parent)
        table = self.table(container, 2, [g.left_w, g.right_w])
        left = self.cell(table, 0, 0)
        for line in g.regular:
            self.plain(left, line, Style.CENTRE, size=g.left_size, line_spacing=pt(g.left_size * 1.2))
        self.plain(left, "\n".join(g.bold), Style.CENTRE, bold=True, size=g.left_size,
                   line_spacing=pt(g.left_size * 1.2))
        self.rule(left, g.left_rule, g.left_w, space_before=5)
        right = self.cell(table, 0, 1)
        self.plain(right, NATIONAL, Style.CENTRE, bold=True, size=g.national_size,
                   line_spacing=pt(g.national_size * 1.25))
        self.plain(right, MOTTO, Style.CENTRE, bold=True, size=g.motto_size,
                   line_spacing=pt(g.motto_size * 1.2))
        self.rule(right, g.motto_w, g.right_w, space_before=5)
        self.plain(self.cell(table, 1, 0), block.number, Style.CENTRE, space_before=pt(4))
        date_cell = self.cell(table, 1, 1)
        if block.place_date:
            self.plain(date_cell, block.place_date, Style.CENTRE_ITALIC, space_before=pt(4))
        self.ensure_paragraph(date_cell)

    def title(self, container, block: Title) -> None:
        title, subject = self.styles.title, self.styles.subject
        p = self.plain(container, block.doc_type, Style.CENTRE_BOLD, size=title.fontSize,
                       space_before=pt(title.spaceBefore), line_spacing=pt(title.leading), keep_with_next=True)
        p = self.plain(container, "\n".join(subject_lines(self.styles, block.subject)), Style.CENTRE_BOLD,
                       size=subject.fontSize, line_spacing=pt(subject.leading), keep_with_next=True)
        del p
        self.rule(container, subject_rule(self.styles, block.subject), TEXT_WIDTH, space_before=6,
                  space_after=10)

    def mark(self, container, block: Mark) -> None:
        style = self.styles.centre_bold if block.bold else self.styles.centre
        widest = max(stringWidth(line, style.fontName, style.fontSize) for line in block.text.split("\n"))
        table = self.table(container, 1, [min(TEXT_WIDTH, widest + 16)], align=block.align, box=1.2,
                           padding=(6, 3))
        cell = self.cell(table, 0, 0)
        self.plain(cell, block.text, Style.CENTRE_BOLD if block.bold else Style.CENTRE)

    def write_lines(self, container, block: WriteLines, width: float) -> None:
        height = 7 * mm
        fields = block.fields or ((block.label, 1.0),)
        for index in range(block.count if not block.fields else 1):
            p = container.add_paragraph(style=self.word_styles[Style.WRITE_LINE])
            fmt = p.paragraph_format
            fmt.line_spacing, fmt.line_spacing_rule = pt(height), WD_LINE_SPACING.EXACTLY
            if block.indent:
                fmt.left_indent = pt(block.indent)
            x = block.indent
            texts = []
            for label, share in fields:
                end = min(width, x + (width - block.indent) * share)
                fmt.tab_stops.add_tab_stop(pt(end - block.indent - (4 if end < width else 0)),
                                           WD_TAB_ALIGNMENT.LEFT if end < width else WD_TAB_ALIGNMENT.RIGHT,
                                           WD_TAB_LEADER.DOTS)
                texts.append(label if index == 0 else "")
                x = end
            run = p.add_run(texts[0])
            run.add_tab()
            for text in texts[1:]:
                p.add_run(" " + text if text else "").add_tab()

    def signature(self, container, block: Signature) -> None:
        for role in block.roles:
            self.plain(container, role, Style.CENTRE_BOLD)
        for name in block.names or ("",):
            self.plain(container, name, Style.CENTRE_BOLD, space_before=pt(SIGNATURE_ROOM))

    # -- page decorations ------------------------------------------------------------

    def decorate(self, document: Document) -> None:
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        number = section.header.paragraphs[0]
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(number.add_run())
        lines = [(line, True) for line in document.footer_lines]
        if document.footer_text:
            lines.append((document.footer_text, False))
        for footer in (section.footer, section.first_page_footer):
            first = footer.paragraphs[0]
            for index, (line, bold) in enumerate(lines):
                p = first if index == 0 else footer.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                size = 9.0
                name = self.font.bold if bold else self.font.name
                if stringWidth(line, name, size) > TEXT_WIDTH:
                    size *= TEXT_WIDTH / stringWidth(line, name, size)
                run = p.add_run(clean(line))
                run.bold, run.font.size = bold, Pt(round(size * 2) / 2)
        core = self.doc.core_properties
        core.title, core.author, core.subject = document.title[:250], document.author, document.subject
        core.language = "vi-VN"


#: Elements a <w:keepNext/> must come before in <w:pPr> (schema order).
_AFTER_KEEP_NEXT = tuple(f"w:{tag}" for tag in (
    "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers", "pBdr",
    "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct",
    "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
    "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"))


def _page_field(run) -> None:
    """A PAGE field in `run` (Word and LibreOffice fill in the number)."""
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "2"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate, shown, end):
        run._r.append(element)


def render_docx(document: Document, out_path: str | os.PathLike, font: RegisteredFont) -> Path:
    """Write `document` as a .docx; `font` is the PDF's font, used only to measure
    (the subject's line breaks, the header's widths), so both files break alike."""
    writer = _Writer(font)
    writer.blocks(writer.doc, document.blocks)
    writer.decorate(document)
    out = Path(out_path)
    writer.doc.save(str(out))
    return out


__all__ = ["FONT_NAME", "LEADING", "render_docx"]
