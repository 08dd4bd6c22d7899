"""Reading printed Word files back in the printing tests (python-docx only)."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from .reports_pdf import norm


def _texts(element, parent) -> list[str]:
    out: list[str] = []
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            out.append(Paragraph(child, parent).text)
        elif child.tag == qn("w:tbl"):
            table = Table(child, parent)
            for row in table.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    out += _texts(cell._tc, cell)
    return out


def docx_paragraphs(path: Path) -> list[str]:
    """The body's paragraphs in reading order, table cells row by row (headers and footers left out)."""
    doc = Document(str(path))
    return _texts(doc.element.body, doc._body)


def docx_text(path: Path) -> str:
    """All body text, whitespace normalised (as `reports_pdf.body_text`)."""
    return norm(" ".join(docx_paragraphs(path)))


def docx_decorations(path: Path) -> tuple[str, str, str]:
    """(first page footer, later pages' header, later pages' footer) texts, normalised."""
    section = Document(str(path)).sections[0]
    return (norm(" ".join(p.text for p in section.first_page_footer.paragraphs)),
            norm(" ".join(p.text for p in section.header.paragraphs)),
            norm(" ".join(p.text for p in section.footer.paragraphs)))
