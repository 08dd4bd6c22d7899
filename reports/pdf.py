"""The PDF renderer: a `model.Document` laid out on the decree's page with reportlab."""

from __future__ import annotations

import os
import re
import weakref
from functools import lru_cache
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, PageBreak as NewPage, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus import paragraph as _reportlab_paragraph
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from .fonts import RegisteredFont
from .layout import (
    TEXT_WIDTH,
    Styles,
    WriteLine,
    boxed,
    build_pdf,
    header,
    make_styles,
    recipients,
    signature_column,
    title_block,
    two_columns,
    write_lines,
)
from .model import (
    Block,
    Columns,
    Document,
    Gap,
    Grid,
    Header,
    Keep,
    PageBreak,
    Mark,
    Para,
    Recipients,
    Run,
    Signature,
    Title,
    WriteLines,
    join_keeps,
)
from .text import escape_user_text


_FRAG_STYLE = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")
_MISSING = object()


def _same_frag(f, g) -> bool:
    """reportlab's `sameFrag` (rl_accel's C version, line for line): do two fragments print
    alike? The C version asks with PyObject_HasAttrString, which builds and drops an
    AttributeError for each of the six attributes our fragments lack (~5 µs a call,
    ~21,000 calls in the minutes); getattr with a default builds none."""
    if hasattr(f, "cbDefn") or hasattr(g, "cbDefn") or hasattr(f, "lineBreak") or hasattr(g, "lineBreak"):
        return False
    for name in _FRAG_STYLE:
        a, b = getattr(f, name, _MISSING), getattr(g, name, _MISSING)
        if a is _MISSING or b is _MISSING:
            if a is not b:
                return False
        elif a is not b and a != b:
            return False
    return True


#: reportlab's line breaking looks `sameFrag` up in its module each time it is called.
_reportlab_paragraph.sameFrag = _same_frag

#: Everything our markup holds besides text (`run_markup`, `escape_user_text`, parse's <para>).
_TOKEN = re.compile(r"<(/?)(b|i|para)>|<br/>|&(amp|lt|gt|nbsp|quot);")


class _MarkupParser(ParaParser):
    """reportlab's parser, fed our own markup without Python's HTMLParser (a fifth of
    the time of a PDF went into it): the same handler calls in the same order, so
    the same fragments. Any other tag or entity goes to HTMLParser as before."""

    def feed(self, data: str) -> None:
        calls, at = [], 0
        for match in _TOKEN.finditer(data):
            if match.start() > at:
                calls.append((self.handle_data, data[at:match.start()]))
            closing, tag, entity = match.groups()
            if entity:
                calls.append((self.handle_entityref, entity))
            elif tag is None:
                calls.append((self.handle_startendtag, "br", []))
            else:
                calls.append((self.handle_endtag, tag) if closing else (self.handle_starttag, tag, []))
            at = match.end()
        if at < len(data):
            calls.append((self.handle_data, data[at:]))
        if any(call[0] == self.handle_data and ("<" in call[1] or "&" in call[1]) for call in calls):
            super().feed(data)  # markup of another kind: the full parser
            return
        for handler, *args in calls:
            handler(*args)


#: Our bold and italic tags, the only markup `_simple_fragments` reads.
_BOLD_ITALIC = re.compile(r"<(/?)([bi])>")
#: The fragment reportlab's parser makes of text inside each nesting of <b>/<i>, by style.
_TEMPLATES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _template(style: ParagraphStyle, tags: tuple[str, ...]):
    by_tags = _TEMPLATES.get(style)
    if by_tags is None:
        by_tags = _TEMPLATES[style] = {}
    template = by_tags.get(tags)
    if template is None:
        markup = "".join(f"<{tag}>" for tag in tags) + "x" + "".join(f"</{tag}>" for tag in reversed(tags))
        template = by_tags[tags] = ParaParser().parse(markup, style)[1][0]
    return template


def _simple_fragments(style: ParagraphStyle, text: str) -> list | None:
    """What reportlab's parser makes of `text` when its only markup is properly nested <b>
    and <i> (the runs of our paragraphs): a fragment for each piece of text, copied from
    what the parser makes of text in that nesting, all sharing one link list and one line
    list as the fragments of one parse do. None for anything else (entities, other tags,
    tags left open): the parser reads that."""
    if not text or "&" in text:
        return None
    link: list = []
    lines: list = []
    pieces: list[tuple[tuple[str, ...], str]] = []
    tags: list[str] = []
    at = 0
    for match in _BOLD_ITALIC.finditer(text):
        if match.start() > at:
            pieces.append((tuple(tags), text[at:match.start()]))
        closing, tag = match.groups()
        if not closing:
            tags.append(tag)
        elif tags and tags[-1] == tag:
            tags.pop()
        else:
            return None
        at = match.end()
    if tags:
        return None
    if at < len(text):
        pieces.append(((), text[at:]))
    fragments = []
    for nesting, piece in pieces:
        if "<" in piece:
            return None
        template = _template(style, nesting)
        fragment = template.__class__.__new__(template.__class__)  # copy.copy, as the parser does
        fragment.__dict__.update(template.__dict__)
        fragment.link, fragment.us_lines, fragment.text = link, lines, piece
        fragments.append(fragment)
    return fragments or None


class _Paragraph(Paragraph):
    """A Paragraph read by `_simple_fragments` (our runs' <b> and <i>; ~25 ms of the minutes'
    53 pages) or else `_MarkupParser`, that breaks its lines once per width: a kept
    group measures its paragraphs before the frame places them, which otherwise breaks
    every line twice."""

    _wrapped_for: float | None = None

    def _setup(self, text, style, bulletText, frags, cleaner):  # noqa: N803 - reportlab's names
        if frags is None:  # as Paragraph._setup, with our parser
            text = cleaner(text)
            frags = _simple_fragments(style, text)  # plain text, <b> and <i>: no parser needed
            if frags is None:
                parser = _MarkupParser()
                parser.caseSensitive = self.caseSensitive
                style, frags, bullet_frags = parser.parse(text, style)
                if frags is None:
                    raise ValueError(f"xml parser error ({parser.errors[0]}) in paragraph beginning\n{text[:30]!r}")
                if bullet_frags:
                    bulletText = bullet_frags
            textTransformFrags(frags, style)
        super()._setup(text, style, bulletText, frags, cleaner)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        if self._wrapped_for == availWidth and hasattr(self, "blPara"):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_for = availWidth
        return size


def run_markup(run: Run) -> str:
    text = escape_user_text(run.text)
    if run.italic:
        text = f"<i>{text}</i>"
    if run.bold:
        text = f"<b>{text}</b>"
    return text


class _Renderer:
    def __init__(self, styles: Styles):
        self.styles = styles

    @lru_cache(maxsize=None)  # noqa: B019 - one renderer per document
    def style(self, name: str, space_before: float | None, space_after: float | None,
              keep_with_next: bool) -> ParagraphStyle:
        base: ParagraphStyle = getattr(self.styles, name)
        if space_before is None and space_after is None and not keep_with_next:
            return base
        changes = {}
        if space_before is not None:
            changes["spaceBefore"] = space_before
        if space_after is not None:
            changes["spaceAfter"] = space_after
        if keep_with_next:
            changes["keepWithNext"] = 1
        return ParagraphStyle(f"{name}-{space_before}-{space_after}-{int(keep_with_next)}", parent=base,
                              **changes)

    def para(self, block: Para) -> Paragraph:
        style = self.style(block.style.value, block.space_before, block.space_after, block.keep_with_next)
        return _Paragraph("".join(run_markup(run) for run in block.runs), style)

    def blocks(self, blocks: tuple[Block, ...] | list[Block]) -> list[Flowable]:
        out: list[Flowable] = []
        for block in join_keeps(blocks):
            out += self.block(block)
        return out

    def block(self, block: Block) -> list[Flowable]:
        styles = self.styles
        if isinstance(block, Para):
            return [self.para(block)]
        if isinstance(block, Header):
            return [header(styles, organisation=block.organisation, parent=block.parent, number=block.number,
                           place_date=block.place_date)]
        if isinstance(block, Title):
            return title_block(styles, block.doc_type, block.subject)
        if isinstance(block, Mark):
            style = styles.centre_bold if block.bold else styles.centre
            return [boxed(block.text, style, align=block.align)]
        if isinstance(block, WriteLines):
            if block.fields:
                return [WriteLine(list(block.fields), styles.write_line, indent=block.indent)]
            return write_lines(block.count, styles.write_line, block.label, indent=block.indent)
        if isinstance(block, Gap):
            return [Spacer(1, block.points)]
        if isinstance(block, Keep):
            return [KeepTogether(self.blocks(block.blocks))]
        if isinstance(block, Signature):
            return signature_column(styles, block.roles, block.names)
        if isinstance(block, Recipients):
            return recipients(styles, block.items)
        if isinstance(block, Columns):
            return [two_columns(styles, self.blocks(block.left), self.blocks(block.right),
                                left_share=block.left_share)]
        if isinstance(block, PageBreak):
            return [NewPage()]
        if isinstance(block, Grid):
            return [self.grid(block)]
        raise TypeError(f"unknown block {block!r}")  # pragma: no cover - the model is closed

    def grid(self, block: Grid) -> Table:
        styles = self.styles
        rows = [[_Paragraph(escape_user_text(text), styles.cell_head) for text in block.head]]
        rows += [[_Paragraph(escape_user_text(text), styles.cell) for text in row] for row in block.rows]
        total = sum(block.shares)
        table = Table(rows, colWidths=[TEXT_WIDTH * share / total for share in block.shares], repeatRows=1)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), styles.font.name, 11),
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return table


def render_pdf(document: Document, out_path: str | os.PathLike, font: RegisteredFont) -> Path:
    """Write `document` as a PDF on the decree's page; return the path."""
    renderer = _Renderer(make_styles(font))
    return build_pdf(out_path, renderer.blocks(document.blocks), font, title=document.title,
                     author=document.author, subject=document.subject,
                     footer_lines=document.footer_lines, footer_text=document.footer_text)
