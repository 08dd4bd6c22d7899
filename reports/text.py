"""Text for printing: user text made safe for reportlab, Vietnamese dates and times.

Everything a person typed goes through `escape_user_text` (or `user_paragraph`)
before it reaches a reportlab Paragraph: the Paragraph parser understands a small
XML dialect (`<b>`, `<font>`, `<img src=...>` which reads a file) and entities
(`&amp;`), so unescaped text could change the formatting or make reportlab open
a file. Escaped, `<img src="/etc/passwd"/>` prints as those characters.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from db.vndate import (  # noqa: F401
    dmy as short_date,
    long_date as vn_date,
    spoken_moment as vn_moment,
    spoken_time as vn_time,
    to_date,
    to_datetime,
)

#: Characters that must never reach the PDF: C0/C1 controls other than newline/tab.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n+")


def nfc(text: str) -> str:
    """Unicode NFC with Windows/Mac line ends turned into newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    """NFC, without control characters, tabs as spaces: what both renderers print."""
    if not text:
        return ""
    return _CONTROL.sub("", nfc(text)).replace("\t", " ")


def split_lines(text: str | None) -> list[str]:
    """The non-blank lines of `text`: a line break typed by the secretary starts a new paragraph."""
    return [line.strip() for line in clean(text).split("\n") if line.strip()]


#: Phone numbers (0 or +84 then 9-10 more digits, spaces, dots or dashes between groups)
#: and ID numbers (9-digit CMND, 12-digit CCCD). Dates and amounts stay.
_NUMBERS = re.compile(r"(?:\+84|(?<![\d.,])0)(?:[ .\-]?\d){8,10}(?![\d])|(?<![\d.,])(?:\d{12}|\d{9})(?!\d|[.,]\d)")
HIDDEN_NUMBER = "[số đã ẩn]"


def hide_numbers(text: str) -> str:
    """Phone and ID numbers replaced by '[số đã ẩn]' (the public version)."""
    return _NUMBERS.sub(HIDDEN_NUMBER, text)


def escape(text: str) -> str:
    """`&`, `<` and `>` as XML entities (what xml.sax.saxutils.escape does, without the
    ~10 ms of urllib, http and ssl that importing xml.sax.saxutils loads)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def escape_user_text(text: str | None) -> str:
    """Return `text` as Paragraph markup that prints literally.

    `&`, `<` and `>` become entities, control characters are dropped, tabs become
    spaces and newlines become `<br/>`. The result contains no tag or entity of
    the user's own, so it can neither change the formatting nor load a file.
    """
    if not text:
        return ""
    lines = [escape(line) for line in clean(text).split("\n")]
    return "<br/>".join(lines)


def user_paragraph(text: str | None, style: ParagraphStyle, *, prefix: str = "") -> Paragraph:
    """A Paragraph of user text, optionally after `prefix` (trusted markup of ours).

    Long words are broken by reportlab (`splitLongWords`, on in every style made
    by `layout.make_styles`), so a 300-character word still fits the column.
    """
    return Paragraph(prefix + escape_user_text(text), style)


def user_paragraphs(text: str | None, style: ParagraphStyle) -> list[Paragraph]:
    """One Paragraph per blank-line separated block (single newlines stay line breaks)."""
    if not text or not text.strip():
        return []
    blocks = _BLANK_LINES.split(nfc(text).strip())
    return [user_paragraph(block.strip("\n"), style) for block in blocks if block.strip()]


def markup(template: str, **values: object) -> str:
    """Fill a trusted markup template with escaped user values.

    `markup("<b>{label}</b> {value}", label="Địa điểm:", value=venue)` escapes both
    values; the template's own tags stay tags.
    """
    safe = {key: escape_user_text(None if value is None else str(value)) for key, value in values.items()}
    return template.format(**safe)


# -- dates and times: written by db.vndate, under the names the documents use --


def place_date_line(place: str, value: str | date | datetime) -> str:
    """'Kè Sắt, ngày 05 tháng 01 năm 2026' (plain text, not escaped)."""
    return f"{nfc(place or '').strip() or '......'}, {vn_date(value, leading_zero=True)}"


def brief(text: str | None, limit: int = 400) -> str:
    """`text` on one line, cut at a word boundary near `limit` characters with '…'."""
    if not text:
        return ""
    flat = " ".join(nfc(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def upper_vi(text: str) -> str:
    """Vietnamese capitals ('Ủy ban nhân dân xã Kè Sắt' -> 'ỦY BAN NHÂN DÂN XÃ KÈ SẮT')."""
    return unicodedata.normalize("NFC", nfc(text).upper())
