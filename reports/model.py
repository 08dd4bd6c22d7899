"""The small document model both renderers read: built once from the record.

A `Document` is a list of blocks (header, title, paragraphs, marks, lines to
write on, kept-together groups, two columns of signatures and recipients) plus
what every page carries (draft marks, the seal line). Text in the model is the
plain text a person reads: `pdf.py` escapes it for reportlab, `docx.py` hands
it to python-docx, so both files say the same letters.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Union


class Style(Enum):
    """Paragraph styles of the decree's page (see `layout.make_styles`)."""

    BODY = "body"  # justified, 1 cm first-line indent
    FLUSH = "flush"  # justified, no indent
    INDENTED = "indented"  # a follow-up: the whole block 1 cm in
    HEADING = "heading"  # bold, kept with what follows
    CENTRE = "centre"
    CENTRE_BOLD = "centre_bold"
    CENTRE_ITALIC = "centre_italic"
    SMALL_ITALIC = "small_italic"
    RECIPIENTS_LABEL = "recipients_label"
    RECIPIENTS_ITEM = "recipients_item"
    WRITE_LINE = "write_line"
    CELL = "cell"  # a table cell, 11 pt
    CELL_HEAD = "cell_head"  # a table's heading cell, bold centred


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


def b(text: object) -> Run:
    return Run("" if text is None else str(text), bold=True)


def i(text: object) -> Run:
    return Run("" if text is None else str(text), italic=True)


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    style: Style = Style.BODY
    space_before: float | None = None  # points; None: the style's
    space_after: float | None = None
    keep_with_next: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def para(*parts: str | Run | None, style: Style = Style.BODY, space_before: float | None = None,
         space_after: float | None = None, keep_with_next: bool = False) -> Para:
    """A paragraph from plain strings and runs (None parts are skipped)."""
    runs = tuple(part if isinstance(part, Run) else Run(part) for part in parts if part)
    return Para(runs, style, space_before, space_after, keep_with_next)


@dataclass(frozen=True)
class Header:
    """The two-column header: issuing body + number (left), national title + place/date (right)."""

    organisation: str
    parent: str | None
    number: str
    place_date: str | None = None


@dataclass(frozen=True)
class Title:
    """'BIÊN BẢN' / 'THÔNG BÁO' and the subject line under it."""

    doc_type: str
    subject: str


@dataclass(frozen=True)
class Mark:
    """Plain text in a thin box: the 'DỰ THẢO' and provisional marks."""

    text: str
    align: str = "CENTER"  # or "LEFT"
    bold: bool = True


@dataclass(frozen=True)
class WriteLines:
    """Dotted lines to write on by hand; `fields` splits one line into labelled parts."""

    count: int
    label: str = ""
    indent: float = 0  # points
    fields: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Gap:
    points: float


@dataclass(frozen=True)
class Keep:
    """Blocks printed on one page when they fit."""

    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Signature:
    """Role lines in bold capitals, room to sign, each name in bold."""

    roles: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True)
class Recipients:
    """'Nơi nhận:' and its list; the last item ends with '.', the others with ';'."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Columns:
    """Two columns side by side without borders (signatures, recipients + signature)."""

    left: tuple[Block, ...]
    right: tuple[Block, ...]
    left_share: float = 0.5


@dataclass(frozen=True)
class PageBreak:
    """The next block starts a new page (the notice's appendix)."""


@dataclass(frozen=True)
class Grid:
    """A ruled table: a heading row repeated on every page, then plain-text rows.
    `shares` are the columns' parts of the text width."""

    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    shares: tuple[float, ...]


Block = Union[Para, Header, Title, Mark, WriteLines, Gap, Keep, Signature, Recipients, Columns, PageBreak, Grid]


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    title: str  # file metadata
    author: str
    subject: str
    footer_lines: tuple[str, ...] = ()  # bold, at the foot of every page (draft, provisional)
    footer_text: str | None = None  # the seal line, under them
    meta: dict = field(default_factory=dict, compare=False)


def recipient_lines(items: tuple[str, ...]) -> list[str]:
    """'- Lưu: VT.' and the others ending with ';' (both renderers print exactly these)."""
    out = []
    for index, item in enumerate(items):
        end = "." if index == len(items) - 1 else ";"
        out.append(f"- {item.rstrip(' ;.')}{end}")
    return out


def kept_with_next(block: Block) -> bool:
    return isinstance(block, Para) and (block.keep_with_next or block.style is Style.HEADING)


def join_keeps(blocks: tuple[Block, ...] | list[Block]) -> list[Block]:
    """Paragraphs kept with the next block, followed by a kept group, joined into one group
    (reportlab does not keep a paragraph with a group that follows it)."""
    out: list[Block] = []
    pending: list[Block] = []
    for block in blocks:
        if isinstance(block, Keep):
            block = Keep(tuple(join_keeps(block.blocks)))
        if kept_with_next(block):
            pending.append(block)
        elif pending and isinstance(block, Keep):
            out.append(Keep((*pending, *block.blocks)))
            pending = []
        else:
            out += [*pending, block]
            pending = []
    return out + pending


def walk(blocks: tuple[Block, ...] | list[Block]):
    """Every block, depth first (kept groups and columns opened)."""
    for block in blocks:
        yield block
        if isinstance(block, Keep):
            yield from walk(block.blocks)
        elif isinstance(block, Columns):
            yield from walk(block.left)
            yield from walk(block.right)
