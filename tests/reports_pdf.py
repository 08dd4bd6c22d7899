"""Reading printed PDFs back in the printing tests (pypdf only, no poppler needed).

pypdf splits and merges spaces in justified text, so comparisons go through
`norm` (NFC, whitespace runs collapsed to one space) or, for words reportlab had
to break across lines, `squash` (all whitespace removed). Letters are compared exactly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


def squash(text: str) -> str:
    return _WS.sub("", unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class Chunk:
    page: int  # 1-based
    x: float  # absolute start of the text, points from the left edge
    y: float  # absolute baseline (approximate for continuation lines), points from the bottom
    text: str
    font: str  # /BaseFont without the subset prefix, e.g. "DejaVuSerif-Bold"
    size: float
    decoration: bool  # drawn by the page template (page number, footer), not a flowable


def chunks(path: Path) -> list[Chunk]:
    """Every piece of text with its position, through pypdf's visitor_text."""
    out: list[Chunk] = []
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):

        def visit(text, cm, tm, font_dict, font_size, _page=number):
            if not text:
                return
            base = str(font_dict.get("/BaseFont", "")) if font_dict else ""
            base = base.lstrip("/").split("+", 1)[-1]
            decoration = cm[4] == 0 and cm[5] == 0
            out.append(Chunk(_page, cm[4] + tm[4], cm[5] + tm[5], text, base, font_size * tm[0],
                             decoration))

        page.extract_text(visitor_text=visit)
    return out


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def full_text(path: Path) -> str:
    """All text, page decorations included, normalised."""
    return norm("\n".join(page_texts(path)))


def body_text(path: Path) -> str:
    """The flowing text only (no page numbers or footer lines), normalised."""
    return norm("".join(c.text for c in chunks(path) if not c.decoration))


def decoration_texts(path: Path) -> dict[int, str]:
    """Page number and footer text of each page, normalised."""
    pages: dict[int, list[str]] = {}
    for c in chunks(path):
        if c.decoration:
            pages.setdefault(c.page, []).append(c.text)
    return {page: norm(" ".join(texts)) for page, texts in pages.items()}


def assert_in_order(text: str, parts: list[str]) -> None:
    """Each of `parts` occurs in `text`, and in this order."""
    position = -1
    for part in parts:
        found = text.find(part, position + 1)
        assert found != -1, f"not found after position {position}: {part!r}"
        position = found
