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


# -- exact text geometry -------------------------------------------------------------


@dataclass(frozen=True)
class TextBox:
    page: int
    x0: float  # device space, points
    x1: float
    y: float  # baseline
    size: float
    decoration: bool  # drawn outside any flowable (no translation in force): page number, footer


def _mul(m, n):
    """m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]


def _string_bytes(obj) -> bytes:
    raw = getattr(obj, "original_bytes", None)
    return bytes(raw) if raw is not None else bytes(obj)


def text_boxes(path: Path) -> list[TextBox]:
    """Where every shown string starts and ends, by interpreting the content streams.

    Handles what reportlab writes: q/Q, cm, BT, Tm, Td, TD, T*, TL, Tf, Tc, Tw, Tz, Tj, TJ, ' and ".
    Widths come from the fonts' /Widths (single-byte TrueType subsets), so justified
    lines (word spacing) are measured exactly.
    """
    from pypdf.generic import ContentStream

    reader = PdfReader(str(path))
    boxes: list[TextBox] = []
    for number, page in enumerate(reader.pages, start=1):
        widths = {}
        for name, ref in page["/Resources"]["/Font"].items():
            font = ref.get_object()
            widths[name] = (int(font.get("/FirstChar", 0)), [float(w) for w in font.get("/Widths", [])])
        state = {"ctm": [1, 0, 0, 1, 0, 0], "font": None, "size": 0.0, "tc": 0.0, "tw": 0.0, "th": 1.0,
                 "tl": 0.0}
        stack = []
        tm = lm = [1, 0, 0, 1, 0, 0]

        def show(data: bytes):
            nonlocal tm
            first, table = widths.get(state["font"], (0, []))
            advance = 0.0
            for code in data:
                w = table[code - first] if 0 <= code - first < len(table) else 0.0
                advance += (w / 1000 * state["size"] + state["tc"] + (state["tw"] if code == 32 else 0)) * state["th"]
            start = _mul(tm, state["ctm"])
            end = _mul(_mul([1, 0, 0, 1, advance, 0], tm), state["ctm"])
            if data.strip():
                decoration = state["ctm"][4] == 0 and state["ctm"][5] == 0
                boxes.append(TextBox(number, start[4], end[4], start[5], state["size"] * tm[0], decoration))
            tm = _mul([1, 0, 0, 1, advance, 0], tm)

        for operands, op in ContentStream(page.get_contents(), reader).operations:
            op = op.decode() if isinstance(op, bytes) else op
            if op == "q":
                stack.append(dict(state))
            elif op == "Q":
                state = stack.pop()
            elif op == "cm":
                state["ctm"] = _mul([float(v) for v in operands], state["ctm"])
            elif op == "BT":
                tm = lm = [1, 0, 0, 1, 0, 0]
            elif op == "Tm":
                tm = lm = [float(v) for v in operands]
            elif op in ("Td", "TD"):
                tx, ty = (float(v) for v in operands)
                if op == "TD":
                    state["tl"] = -ty
                tm = lm = _mul([1, 0, 0, 1, tx, ty], lm)
            elif op == "T*":
                tm = lm = _mul([1, 0, 0, 1, 0, -state["tl"]], lm)
            elif op == "TL":
                state["tl"] = float(operands[0])
            elif op == "Tf":
                state["font"], state["size"] = operands[0], float(operands[1])
            elif op == "Tc":
                state["tc"] = float(operands[0])
            elif op == "Tw":
                state["tw"] = float(operands[0])
            elif op == "Tz":
                state["th"] = float(operands[0]) / 100
            elif op == "Tj":
                show(_string_bytes(operands[0]))
            elif op == "'":
                tm = lm = _mul([1, 0, 0, 1, 0, -state["tl"]], lm)
                show(_string_bytes(operands[0]))
            elif op == '"':
                state["tw"], state["tc"] = float(operands[0]), float(operands[1])
                tm = lm = _mul([1, 0, 0, 1, 0, -state["tl"]], lm)
                show(_string_bytes(operands[2]))
            elif op == "TJ":
                for item in operands[0]:
                    if isinstance(item, (int, float)) or hasattr(item, "as_numeric"):
                        shift = -float(item) / 1000 * state["size"] * state["th"]
                        tm = _mul([1, 0, 0, 1, shift, 0], tm)
                    else:
                        show(_string_bytes(item))
    return boxes
