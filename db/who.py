"""Who said it: a person as the documents and screens write them, and the author of an
opinion (a speaker, a slip's writer, the writer of a form gathered before the meeting).

  person('Ông', 'Nguyễn Văn An', 'thôn Quán Gỏi')   'Ông Nguyễn Văn An (thôn Quán Gỏi)'
  person('Ông', 'Nguyễn Văn An')                     'Ông Nguyễn Văn An'
  person(..., initials=True)                         'Ông N.V.A (thôn Quán Gỏi)'
  who_said(opinion)                                  the documents' form
  who_said(opinion, short=True)                      narrow lists: 'Phiếu: Lê Thị C'

Plain functions of plain values; an opinion is anything with the attributes of
db.models.Opinion (source, speaker_display, author, author_address).
"""

from __future__ import annotations

import unicodedata
from typing import Protocol

from .vocabulary import Source


class _Said(Protocol):
    source: Source
    speaker_display: str | None
    author: str | None
    author_address: str | None


def initials(name: str | None) -> str:
    """'Nguyễn Văn An' -> 'N.V.A' (words that do not start with a letter or digit are skipped)."""
    words = unicodedata.normalize("NFC", name or "").split()
    return ".".join(word[0].upper() for word in words if word[0].isalnum())


def person(honorific: str | None, name: str, hamlet: str | None = None, *,
           initials_only: bool = False) -> str:
    """'Ông Nguyễn Văn An (thôn Quán Gỏi)'; without hamlet 'Ông Nguyễn Văn An'."""
    shown = initials(name) if initials_only else name
    text = f"{honorific} {shown}" if honorific else shown
    return f"{text} ({hamlet})" if hamlet else text


def who_said(opinion: _Said, *, short: bool = False) -> str:
    """Who raised an opinion.

    Documents: 'Ông Nguyễn Văn An (thôn Quán Gỏi)', 'Phiếu ý kiến của Bà Lê Thị C (thôn X)',
    'Phiếu ý kiến', 'Phiếu lấy ý kiến (không ghi tên)'.
    Short (narrow lists): the speaker, else 'Phiếu: Lê Thị C', 'Trước HN: …', 'Phiếu'.
    """
    source = Source(opinion.source)
    if short:
        if opinion.speaker_display:
            return opinion.speaker_display
        return f"{source.mark}: {opinion.author}" if opinion.author else source.mark
    if source is Source.SPOKEN and opinion.speaker_display:
        return opinion.speaker_display
    author = opinion.author or (opinion.speaker_display if source is not Source.SPOKEN else None)
    if author and opinion.author_address and opinion.author_address not in author:
        author = f"{author} ({opinion.author_address})"
    if source is Source.SLIP:
        return f"Phiếu ý kiến của {author}" if author else source.unnamed
    return author or opinion.speaker_display or source.unnamed
