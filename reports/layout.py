"""The decree's page (Nghị định 30/2020/NĐ-CP), shared by the minutes and the notice.

A4 portrait, margins 20/20/30/15 mm (top/bottom/left/right), body 13 pt justified
with a 1 cm first-line indent, page numbers centred in the top margin from page 2
on, an optional footer line on every page (the seal hash, a provisional mark).
Blocks: the two-column header, the document title, signature columns, "Nơi nhận".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

from db import files

from .fonts import RegisteredFont
from .model import recipient_lines
from .text import escape_user_text, upper_vi

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

BODY_SIZE = 13
LEADING = 1.2
#: Room to sign above each name in a signature block.
SIGNATURE_ROOM = 22 * mm


@dataclass(frozen=True)
class Styles:
    font: RegisteredFont
    body: ParagraphStyle  # justified, 1 cm first-line indent
    flush: ParagraphStyle  # justified, no indent
    indented: ParagraphStyle  # a follow-up: whole block indented 1 cm
    heading: ParagraphStyle  # bold, keeps with next
    title: ParagraphStyle  # "BIÊN BẢN", 14 pt bold centred
    subject: ParagraphStyle  # trích yếu, 14 pt bold centred
    centre: ParagraphStyle
    centre_bold: ParagraphStyle
    centre_italic: ParagraphStyle
    small_italic: ParagraphStyle
    recipients_label: ParagraphStyle
    recipients_item: ParagraphStyle
    write_line: ParagraphStyle  # label of a hand-written line
    cell: ParagraphStyle  # a table cell (the notice's appendix), 11 pt
    cell_head: ParagraphStyle  # a table's heading cell, 11 pt bold centred


def make_styles(font: RegisteredFont, size: float = BODY_SIZE) -> Styles:
    lead = round(size * LEADING, 1)

    def style(name: str, **kw) -> ParagraphStyle:
        base = dict(fontName=font.name, fontSize=size, leading=lead, alignment=TA_JUSTIFY,
                    splitLongWords=1, spaceAfter=0)
        base.update(kw)
        return ParagraphStyle(name, **base)

    body = style("body", firstLineIndent=1 * cm, spaceAfter=6)
    return Styles(
        font=font,
        body=body,
        flush=style("flush", spaceAfter=6),
        indented=style("indented", leftIndent=1 * cm, firstLineIndent=1 * cm, spaceAfter=6),
        heading=style("heading", fontName=font.bold, firstLineIndent=1 * cm, spaceBefore=6, spaceAfter=6,
                      keepWithNext=1, alignment=TA_LEFT),
        title=style("title", fontName=font.bold, fontSize=14, leading=17, alignment=TA_CENTER,
                    spaceBefore=18),
        subject=style("subject", fontName=font.bold, fontSize=14, leading=17, alignment=TA_CENTER),
        centre=style("centre", alignment=TA_CENTER),
        centre_bold=style("centre_bold", fontName=font.bold, alignment=TA_CENTER),
        centre_italic=style("centre_italic", fontName=font.italic, alignment=TA_CENTER),
        small_italic=style("small_italic", fontName=font.italic, fontSize=11, leading=13,
                           alignment=TA_CENTER),
        recipients_label=style("recipients_label", fontName=font.bold_italic, fontSize=12,
                               leading=14, alignment=TA_LEFT),
        recipients_item=style("recipients_item", fontSize=11, leading=13, alignment=TA_LEFT),
        write_line=style("write_line", alignment=TA_LEFT),
        cell=style("cell", fontSize=11, leading=13, alignment=TA_LEFT),
        cell_head=style("cell_head", fontName=font.bold, fontSize=11, leading=13, alignment=TA_CENTER),
    )


# -- small flowables -------------------------------------------------------------


class Rule(Flowable):
    """A horizontal line of `length` points, centred in the available width."""

    def __init__(self, length: float, *, thickness: float = 0.6, space_before: float = 1,
                 space_after: float = 3):
        super().__init__()
        self.length, self.thickness = length, thickness
        self.space_before, self.space_after = space_before, space_after

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        return avail_width, self.space_before + self.thickness + self.space_after

    def draw(self):
        y = self.space_after
        x = max(0.0, (self.avail - self.length) / 2)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, y, x + min(self.length, self.avail), y)


class WriteLine(Flowable):
    """Labels each followed by a dotted line: space to write by hand.

    `fields` is a list of (label, share of the width); one field spans the line.
    """

    def __init__(self, fields: str | list[tuple[str, float]], style: ParagraphStyle, *,
                 height: float = 7 * mm, indent: float = 0):
        super().__init__()
        self.fields = [(fields, 1.0)] if isinstance(fields, str) else fields
        self.style, self.height, self.indent = style, height, indent

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        return avail_width, self.height

    def draw(self):
        c = self.canv
        baseline = 2.5
        c.setFont(self.style.fontName, self.style.fontSize)
        c.setLineWidth(0.5)
        x = self.indent
        for label, share in self.fields:
            end = min(self.avail, x + (self.avail - self.indent) * share)
            c.drawString(x, baseline, label)
            start = x + (stringWidth(label, self.style.fontName, self.style.fontSize) + 3 if label else 0)
            c.setDash(1, 2)
            c.line(start, baseline - 1, end - (4 if end < self.avail else 0), baseline - 1)
            c.setDash()
            x = end


def _table(rows: list, col_widths: list[float], font_name: str, commands: list, *,
           h_align: str = "CENTER") -> Table:
    """A borderless table whose cell font is ours (reportlab's default cell font is Helvetica,
    which would otherwise end up in the PDF's resources)."""
    table = Table(rows, colWidths=col_widths, hAlign=h_align)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font_name, BODY_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        *commands,
    ]))
    return table


def write_lines(count: int, style: ParagraphStyle, label: str = "", *, indent: float = 0) -> list[Flowable]:
    """`label` on a dotted line, then `count - 1` more dotted lines."""
    return [WriteLine(label if i == 0 else "", style, indent=indent) for i in range(count)]


def boxed(text: str, style: ParagraphStyle, *, width: float | None = None, align: str = "CENTER") -> Table:
    """Plain text in a thin box (the "DỰ THẢO" and provisional marks)."""
    para = Paragraph(escape_user_text(text), style)
    if width is None:
        width = min(TEXT_WIDTH, stringWidth(text, style.fontName, style.fontSize) + 16)
    return _table([[para]], [width], style.fontName, [
        ("BOX", (0, 0), (-1, -1), 1.2, "black"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ], h_align=align)


# -- the header --------------------------------------------------------------------

NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
_LEVEL = re.compile(r"\s+(?=(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)\s)", re.IGNORECASE)


def organisation_lines(organisation: str, parent: str | None) -> tuple[list[str], list[str]]:
    """(regular caps lines, bold caps lines) of the issuing body.

    'Ủy ban nhân dân xã Kè Sắt' without a parent -> ([], ['ỦY BAN NHÂN DÂN', 'XÃ KÈ SẮT']);
    with a parent -> (['ỦY BAN NHÂN DÂN HUYỆN ...'], ['ỦY BAN NHÂN DÂN XÃ KÈ SẮT']).
    """
    organisation = " ".join(organisation.split())
    if parent and parent.strip():
        return [upper_vi(" ".join(parent.split()))], [upper_vi(organisation)]
    parts = _LEVEL.split(organisation, maxsplit=1)
    return [], [upper_vi(part) for part in parts if part]


def organisation_code(organisation: str) -> str:
    """Code of the issuing body in the number line: UBND, ĐU, HĐND (UBND otherwise)."""
    lowered = " ".join(organisation.lower().split())
    if lowered.startswith("đảng ủy") or lowered.startswith("đảng uỷ"):
        return "ĐU"
    if lowered.startswith("hội đồng nhân dân"):
        return "HĐND"
    return "UBND"


def organisation_body(organisation: str) -> str:
    """'ỦY BAN NHÂN DÂN' from 'Ủy ban nhân dân xã Kè Sắt' (for 'TM. ...')."""
    return organisation_lines(organisation, None)[1][0]


@dataclass(frozen=True)
class HeaderGeometry:
    """Widths and sizes of the two-column header (both renderers read them)."""

    left_w: float
    right_w: float
    regular: list[str]  # the parent body's lines, regular caps
    bold: list[str]  # the issuing body's lines, bold caps
    left_size: float
    left_rule: float  # length of the rule under the issuing body
    national_size: float
    motto_size: float
    motto_w: float  # the rule under the motto is as long as the motto


def header_geometry(font: RegisteredFont, organisation: str, parent: str | None) -> HeaderGeometry:
    national_size = 12.0
    right_w = stringWidth(NATIONAL, font.bold, national_size) + 10
    if right_w > TEXT_WIDTH * 0.62:  # a wide fallback font: shrink the title to fit
        national_size = 12.0 * (TEXT_WIDTH * 0.62 - 10) / (right_w - 10)
        right_w = TEXT_WIDTH * 0.62
    left_w = TEXT_WIDTH - right_w
    regular, bold = organisation_lines(organisation, parent)
    left_size = 13.0
    widest = max(stringWidth(line, font.bold, left_size) for line in bold)
    if widest > left_w - 4:
        left_size = max(10.0, left_size * (left_w - 4) / widest)
        widest = max(stringWidth(line, font.bold, left_size) for line in bold)
    motto_size = 13.0
    motto_w = stringWidth(MOTTO, font.bold, motto_size)
    if motto_w > right_w - 4:
        motto_size *= (right_w - 4) / motto_w
        motto_w = stringWidth(MOTTO, font.bold, motto_size)
    return HeaderGeometry(left_w, right_w, regular, bold, left_size, min(widest, left_w) * 0.4,
                          national_size, motto_size, motto_w)


def header(styles: Styles, *, organisation: str, parent: str | None, number: str,
           place_date: str | None = None) -> Table:
    """The two-column header: issuing body + number (left), national title + date (right)."""
    font = styles.font
    g = header_geometry(font, organisation, parent)
    centre = styles.centre
    org_style = ParagraphStyle("org", parent=centre, fontSize=g.left_size, leading=g.left_size * 1.2)
    left_top: list[Flowable] = [Paragraph(escape_user_text(line), org_style) for line in g.regular]
    left_top.append(Paragraph("<br/>".join(f"<b>{escape_user_text(line)}</b>" for line in g.bold), org_style))
    left_top.append(Rule(g.left_rule, space_before=5))

    nat_style = ParagraphStyle("national", parent=centre, fontName=font.bold, fontSize=g.national_size,
                               leading=g.national_size * 1.25)
    motto_style = ParagraphStyle("motto", parent=nat_style, fontSize=g.motto_size, leading=g.motto_size * 1.2)
    right_top = [Paragraph(NATIONAL, nat_style), Paragraph(MOTTO, motto_style), Rule(g.motto_w, space_before=5)]

    number_para = Paragraph(escape_user_text(number), centre)
    date_para = Paragraph(escape_user_text(place_date), styles.centre_italic) if place_date else ""
    return _table([[left_top, right_top], [number_para, date_para]], [g.left_w, g.right_w], font.name,
                  [("TOPPADDING", (0, 1), (-1, 1), 4)])


def subject_rule(styles: Styles, subject: str) -> float:
    """Length of the short rule under the subject line."""
    subject_w = min(TEXT_WIDTH, stringWidth(subject, styles.subject.fontName, styles.subject.fontSize))
    return max(subject_w / 3, 25 * mm)


def subject_lines(styles: Styles, subject: str) -> list[str]:
    return balanced_lines(subject, styles.subject.fontName, styles.subject.fontSize, TEXT_WIDTH - 2)


def balanced_lines(text: str, font_name: str, size: float, width: float = TEXT_WIDTH) -> list[str]:
    """`text` broken greedily into lines of `width`, except that the last line never
    holds a single word: the previous line gives it its last word."""
    lines: list[list[str]] = []
    for word in " ".join(text.split()).split(" "):
        if lines and stringWidth(" ".join(lines[-1] + [word]), font_name, size) <= width:
            lines[-1].append(word)
        else:
            lines.append([word])
    if len(lines) >= 2 and len(lines[-1]) == 1 and len(lines[-2]) >= 3:
        lines[-1].insert(0, lines[-2].pop())
    return [" ".join(line) for line in lines]


def title_block(styles: Styles, doc_type: str, subject: str) -> list[Flowable]:
    """'BIÊN BẢN' / 'THÔNG BÁO', the subject line under it, and a short rule."""
    lines = subject_lines(styles, subject)
    return [
        Paragraph(escape_user_text(doc_type), styles.title),
        Paragraph("<br/>".join(escape_user_text(line) for line in lines), styles.subject),
        Rule(subject_rule(styles, subject), space_before=6, space_after=10),
    ]


# -- signatures and recipients -----------------------------------------------------


def signature_column(styles: Styles, roles: Sequence[str], names: Sequence[str], *,
                     note: str | None = None) -> list[Flowable]:
    """Role lines in bold caps, a note, then each name after room for a signature."""
    column: list[Flowable] = [Paragraph(escape_user_text(role), styles.centre_bold) for role in roles]
    if note:
        column.append(Paragraph(escape_user_text(note), styles.small_italic))
    for name in names or [""]:
        column.append(Spacer(1, SIGNATURE_ROOM))
        column.append(Paragraph(escape_user_text(name) if name else "&nbsp;", styles.centre_bold))
    return column


def two_columns(styles: Styles, left: list[Flowable] | str, right: list[Flowable] | str, *,
                left_share: float = 0.5) -> Table:
    """Two columns side by side without borders (signatures, "Nơi nhận" + signature)."""
    left_w = TEXT_WIDTH * left_share
    return _table([[left, right]], [left_w, TEXT_WIDTH - left_w], styles.font.name, [])


def recipients(styles: Styles, items: Sequence[str]) -> list[Flowable]:
    """'Nơi nhận:' (bold italic 12 pt) and its list (11 pt); the last item ends with '.'."""
    lines = [Paragraph("Nơi nhận:", styles.recipients_label)]
    for line in recipient_lines(tuple(items)):
        lines.append(Paragraph(escape_user_text(line), styles.recipients_item))
    return lines


# -- the document --------------------------------------------------------------------


class _PageDecor:
    """Draws page numbers (from page 2), a top mark and footer lines on every page."""

    def __init__(self, font: RegisteredFont, footer_lines: Sequence[tuple[str, bool]]):
        self.font = font
        self.footer_lines = [(text, bold) for text, bold in footer_lines if text]

    def __call__(self, canvas, doc):
        canvas.saveState()
        page = canvas.getPageNumber()
        if page >= 2:
            canvas.setFont(self.font.name, BODY_SIZE)
            canvas.drawCentredString(MARGIN_LEFT + TEXT_WIDTH / 2, PAGE_HEIGHT - 12 * mm, str(page))
        y = 12 * mm
        for line, bold in self.footer_lines:
            name = self.font.bold if bold else self.font.name
            size = 9.0
            width = stringWidth(line, name, size)
            if width > TEXT_WIDTH:
                size *= TEXT_WIDTH / width
            canvas.setFont(name, size)
            canvas.drawCentredString(MARGIN_LEFT + TEXT_WIDTH / 2, y, line)
            y -= 4 * mm
        canvas.restoreState()


def build_pdf(out_path: str | Path, story: list[Flowable], font: RegisteredFont, *, title: str,
              author: str, subject: str, footer_lines: Sequence[str] = (),
              footer_text: str | None = None) -> Path:
    """Lay out `story` on the decree's page and write the PDF to `out_path`.

    `footer_lines` are printed in bold at the foot of every page (a provisional
    or draft mark); `footer_text` (e.g. "Mã niêm phong SHA-256: ...")
    comes after them. The output is byte-for-byte reproducible (invariant mode).
    """
    out = files.prepare(out_path)  # its folder made, the file owner-only (0600)
    doc = BaseDocTemplate(
        str(out), pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=author,
        subject=subject, creator="doithoai", producer="doithoai (reportlab)", invariant=1, lang="vi",
        # reportlab starts every page with Helvetica unless told otherwise; no built-in font may
        # end up in the file, not even unused.
        initialFontName=font.name, initialFontSize=BODY_SIZE, initialLeading=BODY_SIZE * LEADING,
    )
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, TEXT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    decor = _PageDecor(font, [*((line, True) for line in footer_lines), (footer_text or "", False)])
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decor)])
    doc.build(story)
    return out
