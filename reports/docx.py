"""The Word renderer: the same `model.Document` as the PDF, as a .docx.

A4 with the decree's margins, Times New Roman 13 pt (the office's Word has it; the
PDF uses it or its metric twin Liberation Serif), the paragraph styles of
`layout.make_styles` declared as Word styles, page numbers in the header from page 2
(a PAGE field, different first page), the draft or provisional marks and the seal
line in the footer. python-docx provides the package (styles, section, header,
footer, properties); the body is written by `docx_xml.BodyWriter`. The text is the
PDF's text: both renderers print the model's runs and nothing else.
"""

from __future__ import annotations

import os
from pathlib import Path

from docx import Document as new_document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Emu, Pt
from docx.styles.style import StyleFactory
from lxml import etree
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from .docx_xml import BodyWriter
from .fonts import RegisteredFont
from .layout import (
    BODY_SIZE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_WIDTH,
    make_styles,
)
from .model import Document, Style
from .text import clean

FONT_NAME = "Times New Roman"
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


def _setup_page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = pt(PAGE_WIDTH), pt(PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = pt(MARGIN_TOP), pt(MARGIN_BOTTOM)
    section.left_margin, section.right_margin = pt(MARGIN_LEFT), pt(MARGIN_RIGHT)
    section.header_distance, section.footer_distance = pt(8 * mm), pt(6 * mm)
    section.start_type = WD_SECTION.NEW_PAGE
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT_NAME, Pt(BODY_SIZE)
    _set_fonts(normal.element)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.widow_control = True


def _word_style(doc, font: RegisteredFont, name: str, source: ParagraphStyle, base_id: str):
    """A Word paragraph style with the reportlab style's size, weight, alignment, indents and spacing.

    Added as `Styles.add_style` adds it, without its check that no style has the name
    already (reading the names of the template's ~170 styles, for each of ours: half the
    time of the styles); "DT ..." is ours. Based on the style whose id is `base_id`."""
    word = StyleFactory(doc.styles.element.add_style_of_type(f"DT {name}", WD_STYLE_TYPE.PARAGRAPH, False))
    word.element.basedOn_val = base_id
    word.quick_style = True
    word.font.size = Pt(source.fontSize)
    word.font.bold = source.fontName in (font.bold, font.bold_italic)
    word.font.italic = source.fontName in (font.italic, font.bold_italic)
    fmt = word.paragraph_format
    fmt.alignment = _ALIGN.get(source.alignment, WD_ALIGN_PARAGRAPH.LEFT)
    fmt.first_line_indent = pt(source.firstLineIndent) if source.firstLineIndent else None
    fmt.left_indent = pt(source.leftIndent) if source.leftIndent else None
    fmt.space_before, fmt.space_after = pt(source.spaceBefore), pt(source.spaceAfter)
    fmt.line_spacing = pt(source.leading)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.keep_with_next = bool(getattr(source, "keepWithNext", 0))
    return word


def _page_field(paragraph) -> None:
    """A PAGE field (Word and LibreOffice fill in the number; "2" until they do)."""
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"/>'
        '<w:instrText xml:space="preserve"> PAGE </w:instrText><w:fldChar w:fldCharType="separate"/>'
        '<w:t>2</w:t><w:fldChar w:fldCharType="end"/></w:r>'))


def _decorate(doc, document: Document, font: RegisteredFont) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(number)
    lines = [(line, True) for line in document.footer_lines]
    if document.footer_text:
        lines.append((document.footer_text, False))
    # the PDF draws the footer lines' baselines at 12 mm, 8 mm ... from the foot of the page
    section.footer_distance = pt(max(3.0, 11.3 - 4 * (len(lines) - 1)) * mm)
    for footer in (section.footer, section.first_page_footer):
        first = footer.paragraphs[0]
        for index, (line, bold) in enumerate(lines):
            p = first if index == 0 else footer.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            size = 9.0
            name = font.bold if bold else font.name
            if stringWidth(line, name, size) > TEXT_WIDTH:
                size *= TEXT_WIDTH / stringWidth(line, name, size)
            run = p.add_run(clean(line))
            run.bold, run.font.size = bold, Pt(int(size * 2) / 2)
    core = doc.core_properties
    core.title, core.author, core.subject = document.title[:250], document.author, document.subject
    core.language = "vi-VN"


def _set_body(doc, xml: str) -> None:
    """Put the body's XML (`BodyWriter`) before the section properties, parsing the
    document part once: moving a parsed 300-row table into the template's tree costs lxml
    ~0.1 s (it re-homes every node one by one), parsing it in place costs nothing extra."""
    body = doc.element.body
    sect = body[-1]
    for child in list(body):
        if child is not sect:
            body.remove(child)
    marker = "<w:body>"
    text = etree.tostring(doc.element, encoding="unicode")
    at = text.index(marker) + len(marker)
    doc.part._element = parse_xml(text[:at] + xml + text[at:])  # what `save` serialises


def render_docx(document: Document, out_path: str | os.PathLike, font: RegisteredFont) -> Path:
    """Write `document` as a .docx; `font` is the PDF's font, used only to measure
    (the subject's line breaks, the header's widths), so both files break alike."""
    doc = new_document()
    _setup_page(doc)
    styles = make_styles(font)
    normal = doc.styles["Normal"].style_id
    ids = {style: _word_style(doc, font, style.value, getattr(styles, style.value), normal).style_id
           for style in Style}
    xml = BodyWriter(font, styles, ids).write(document.blocks)
    _decorate(doc, document, font)
    _set_body(doc, xml)
    out = Path(out_path)
    doc.save(str(out))
    return out
