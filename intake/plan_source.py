"""The text of a plan document as numbered lines, paragraphs and sections.

A `.txt` file gives one line per line; a `.docx` gives one line per paragraph and
one per table row (cells joined by a tab), in document order. Each line is cleaned by
plan_clean.clean_line (NFC, markup and decoration removed). Those cleaned lines are what
line numbers and `source_text` refer to.

Paragraphs rejoin lines that a conversion wrapped mid-sentence (a line that starts
with a lower-case letter continues the previous one); sections follow the usual
numbering: "I." / "II-" (level 1), "1." (level 2), "3.1." (level 3), "a)" (level 5),
a line in capitals (level 0).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from .plan_clean import PICTURE, clean_line, is_caps
from .plan_docx import docx_lines
from .plan_table import FIELD_WORDS, cell_lines, label_over_value, labelled, part_blocks, spaced_rows, text_rows
from db.errors import StoreError

TEXT_SUFFIXES = {".txt", ".md"}
DOCX_SUFFIXES = {".docx"}


class PlanDocumentError(StoreError):
    """A plan document that cannot be read at all; the message names the file."""


# a tab used to align text, not to separate table cells: after a list marker ("1.\tThời gian:")
# or after a label ("Thời gian:\t\t7 giờ 30 phút")
_ALIGN_TAB = re.compile(r"^\s*(?:[-+•–]|\d{1,2}(?:\.\d{1,2})*[.)]|[IVX]{1,5}[.)]|[a-zđ]\))\t|^[^\t]{2,40}:\t")
def read_lines(path: str | Path) -> list[str]:
    """The cleaned lines of a .txt/.md or .docx file; PlanDocumentError if unreadable."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise PlanDocumentError(
            f"{path}: tệp Word cũ (.doc) không đọc được; hãy mở bằng Word và lưu lại thành .docx")
    if suffix not in TEXT_SUFFIXES | DOCX_SUFFIXES:
        raise PlanDocumentError(
            f"{path}: không đọc được loại tệp “{path.suffix or '(không có đuôi)'}”; "
            "chỉ đọc được kế hoạch dạng .docx hoặc .txt")
    if not path.is_file():
        raise PlanDocumentError(f"{path}: không tìm thấy tệp")
    if suffix in DOCX_SUFFIXES:
        return [labelled(line.lstrip(" ")) for line in _layout(docx_lines(path, clean_line, PlanDocumentError))]
    return text_lines(_read_text(path))


def text_lines(text: str) -> list[str]:
    """Cleaned lines of plain text; lines end at \\n, \\r\\n or \\r as in an editor."""
    raw = _layout([_aligned(line) for line in re.split(r"\r\n|\r|\n", text)])
    # a label|value table as labelled lines; read before cleaning, which trims the tab that starts
    # a row continuing the label above ("<TAB>- Chi hội …")
    return [labelled(clean_line(line)) for line in text_rows(raw, _raw_cells)]


def _layout(lines: list[str]) -> list[str]:
    """What the layout of the lines says (plan_table): a table copied one cell per line, a table
    aligned by spaces, a form's label over its indented value, a part's block of labelled lines."""
    return part_blocks(label_over_value(spaced_rows(cell_lines(lines))))


def _raw_cells(line: str) -> list[str] | None:
    """The cells of a line not yet cleaned (spaces around it ignored, a leading tab kept)."""
    return cells(line.strip(" ")) if "\t" in line or "|" in line else None


def _aligned(line: str) -> str:
    """A line whose tabs only align text ("1.\tThời gian:\t\t7 giờ") as one line of text."""
    return re.sub(r"\t+", " ", line) if _ALIGN_TAB.match(line) else line


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PlanDocumentError(f"{path}: không đọc được tệp ({exc.strerror or exc})") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanDocumentError(
            f"{path}: tệp không phải văn bản UTF-8 (lỗi ở byte {exc.start}); "
            "hãy lưu lại tệp với bảng mã UTF-8") from exc


# -- structure ---------------------------------------------------------------------

_BULLET = re.compile(f"^(?:[-+•*–—·●○▪■►✓{PICTURE}]\\s*)+")
_NUMBER = re.compile(
    r"^(?:(?P<roman>[IVX]{1,5})\s*[.\-–)/]|(?P<deep>\d{1,2}(?:\.\d{1,2})+)\.?|(?P<num>\d{1,2})\s*[.)/]"
    r"|(?P<alpha>[a-zđ])\s*\))(?=\s|$|(?<=[.)])[^\W\d_])"
)


def cell_spans(line: str) -> list[tuple[int, int]] | None:
    """(start, end) of each cell of a table row, spaces trimmed; None if not a row.

    A row is tab-separated (a .docx row, a copied table) or a Markdown pipe row.
    """
    if "\t" in line:
        separator, start, stop = "\t", 0, len(line)
    elif line.startswith("|") and line.count("|") >= 3:
        separator, start, stop = "|", 1, len(line) - (1 if line.rstrip().endswith("|") else 0)
    else:
        return None
    spans, pos = [], start
    while True:
        cut = line.find(separator, pos, stop)
        end = stop if cut == -1 else cut
        a, b = pos, end
        while a < b and line[a] == " ":
            a += 1
        while b > a and line[b - 1] == " ":
            b -= 1
        spans.append((a, b))
        if cut == -1:
            return spans
        pos = cut + 1


def cells(line: str) -> list[str] | None:
    """A table row's cells, else None."""
    spans = cell_spans(line)
    return None if spans is None else [line[a:b] for a, b in spans]


# the columns of a schedule table ("Ngày | Giờ | Địa điểm | Người chủ trì"), by what they hold
_COLUMN = {"when": re.compile(r"(?:ngày(?:\s+giờ)?|giờ|thời\s+gian)$", re.IGNORECASE),
           "venue": re.compile(r"địa\s+điểm$", re.IGNORECASE),
           "chair": re.compile(r"(?:người\s+)?chủ\s+(?:trì|tọa|toạ)$", re.IGNORECASE)}


def schedule_cells(paras: list["Para"], kind: str) -> list[tuple["Para", int, int]]:
    """(row, start, end) of the first `kind` cell of each row under a header that names at least two
    of a meeting's fields (when, venue, chair): a schedule written as a table."""
    out, column = [], None
    for para in paras:
        if para.row is None:
            column = None
            continue
        heads = [c.strip(" :") for c in para.row]
        if sum(any(r.match(h) for r in _COLUMN.values()) for h in heads) >= 2:
            column = next((k for k, h in enumerate(heads) if _COLUMN[kind].match(h)), None)
            continue
        spans = cell_spans(para.text)
        if column is not None and spans and column < len(spans):
            out.append((para, *spans[column]))
    return out


@dataclass
class Para:
    """One logical paragraph: consecutive non-empty lines rejoined with one space."""

    lines: list[tuple[int, str]]
    marker: str = ""  # "-", "+", "- +", "1.", "3.1", "II-", "a)"
    level: int | None = None  # heading level, None for a bullet or plain text
    body_start: int = 0  # offset in `text` after the marker
    row: list[str] | None = None
    #: a part of a run-on paragraph (plan_runon.py): its span in the joined lines, which are
    #: passed as `whole` so that cutting a long paragraph into many parts stays linear
    piece: tuple[int, int] | None = field(default=None, repr=False)
    whole: str | None = field(default=None, repr=False, compare=False)
    text: str = field(init=False)
    base: int = field(default=0, init=False)  # where `text` starts in the joined lines
    _ends: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        whole = self.whole if self.whole is not None else " ".join(t for _, t in self.lines)
        self.whole = None
        if self.piece is None:
            self.text = whole
        else:
            self.base = self.piece[0]
            self.text = whole[self.piece[0]:self.piece[1]]

    @property
    def first(self) -> int:
        return self.lines[0][0] if not self.base else self.span(0, 0)[1]

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @property
    def bullet(self) -> str:
        """The bullet kind: "-", "+" (last bullet char) or the numbering kind."""
        if not self.marker:
            return ""
        if self.level is not None:
            return f"level{self.level}"
        return self.marker.replace(" ", "")[-1]

    def span(self, start: int, end: int) -> tuple[str, int, int, str]:
        """(value, first line, last line, source text) for text[start:end]."""
        if self._ends is None:  # where each line ends in `text`, computed once
            self._ends, offset = [], 0
            for _, text in self.lines:
                self._ends.append(offset + len(text))
                offset += len(text) + 1
        top = len(self.lines) - 1
        first = min(bisect_left(self._ends, start + self.base), top)
        last = min(max(first, bisect_left(self._ends, end + self.base)), top)
        source = " ".join(t for _, t in self.lines[first:last + 1])
        return self.text[start:end], self.lines[first][0], self.lines[last][0], source


def paragraphs(lines: list[str]) -> list[Para]:
    groups: list[list[tuple[int, str]]] = []  # the lines of each paragraph; built once at the end
    last_is_row = True
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        is_row = cells(line) is not None
        if groups and not is_row and not last_is_row and (_continues(groups[-1][-1][1], line)
                                                          or _wrapped_item(groups[-1], number, line)):
            groups[-1].append((number, line))
            continue
        groups.append([(number, line)])
        last_is_row = is_row
    return [_para(group) for group in groups]


def _continues(last: str, line: str) -> bool:
    """A line a conversion wrapped: it starts in lower case, or follows a trailing comma."""
    if is_caps(last) or is_caps(line) or _BULLET.match(line) or _NUMBER.match(line):
        return False
    return (line[0].isalpha() and line[0].islower()) or last.endswith(",") \
        or (last.endswith(";") and bool(_PEOPLE_GO_ON.search(last)) and bool(_PERSON_LINE.match(line)))


# a role's people over lines: "3. Đồng chủ trì: Ông A – …;" then "Ông B – …." (one paragraph)
_PEOPLE_GO_ON = re.compile(r"(?:chủ\s+(?:trì|tọa|toạ)|thư\s+k[ýí])\s*:", re.IGNORECASE)
_PERSON_LINE = re.compile(r"(?:ông|bà|đồng\s+chí|đ/c)\s+[^\W\d_]", re.IGNORECASE)


#: a hard-wrapped line (pdftotext, a fixed-width e-mail) fills most of its width
WRAP_WIDTH = 55
#: and no wider than this: a longer line was typed as one (a message's line), not wrapped
WRAP_MAX = 110
_SENTENCE_END = (".", ";", ":", "!", "?", "./.")


# a line that starts with a field's label ("Ghi chú: …"): a new paragraph, never a wrapped one
_FIELD_LABEL = re.compile(r"(?=[^:]{2,40}:\s)" + FIELD_WORDS.pattern, re.IGNORECASE)


def _wrapped_item(group: list[tuple[int, str]], number: int, line: str) -> bool:
    """A list item ("- …", "2. …", "b) …") whose text a hard wrap carried onto the next line: the
    item's last line is full width and ends mid-sentence, and the line right after it is no new item,
    heading or row ("- Ổn định tổ chức … (10 phút) – Văn phòng HĐND và" / "UBND xã."), however indented."""
    last_number, last = group[-1]
    text = line.lstrip()  # an indented item ("       • …") is an item all the same
    return (number == last_number + 1 and WRAP_WIDTH <= len(last) <= WRAP_MAX and not last.endswith(_SENTENCE_END)
            and bool(numbering(group[0][1])[0])
            and not (_BULLET.match(text) or _NUMBER.match(text) or is_caps(line) or is_caps(last)
                     or _FIELD_LABEL.match(text)))


def _para(lines: list[tuple[int, str]]) -> Para:
    first = lines[0][1]
    row = cells(first) if len(lines) == 1 else None
    if row is not None:
        return Para(lines, row=row)
    marker, level, start = numbering(first)
    return Para(lines, marker=marker, level=level, body_start=start)


def numbering(first: str) -> tuple[str, int | None, int]:
    """(marker, heading level, where the body starts) of a paragraph that starts with `first`."""
    indent = len(first) - len(first.lstrip(" "))  # a plain-text plan indents its body ("     1. …")
    marker, level, start = "", None, indent
    bullet = _BULLET.match(first[indent:])
    if bullet and not first[indent:].startswith("-----"):
        marker, start = bullet.group().strip(), indent + bullet.end()
    number = _NUMBER.match(first[start:])
    if number:
        marker = (marker + " " + number.group()).strip()
        if number["roman"]:
            level = 1
        elif number["deep"]:
            level = 1 + len(number["deep"].split("."))
        elif number["num"]:
            level = 2
        else:
            level = 5
        if bullet:  # "- 1." is an item, not a heading
            level = None
        start += number.end()
    elif not bullet and is_caps(first):
        level = 0
    while start < len(first) and first[start] == " ":
        start += 1
    return marker, level, start


def nested_under(para: Para, kind: str) -> bool:
    """A bullet one level down in a list whose items use `kind`: "+" under "-" items, as plans
    write by hand and as Word's deeper list levels are read (plan_docx). It belongs to the item above."""
    return para.row is None and para.level is None and kind == "-" and para.bullet == "+"


def after(paras: list[Para], index: int):
    """The paragraphs after `paras[index]`, in order, without copying the list (a slice would
    make reading a long document quadratic)."""
    for j in range(index + 1, len(paras)):
        yield paras[j]


# where a document's body ends: the list of recipients ("Nơi nhận:") or the signature block
# ("KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "(Đã ký)"); a row of the table that holds them starts so too
_CLOSING = re.compile(r"\s*(?:nơi\s+nhận\s*:|(?:KT|TM|T/M|TL|TUQ|Q)\.\s*[A-ZĐÂĂÊÔƠƯ]{2}|\(?\s*đã\s+ký\s*\)?\s*$)",
                      re.IGNORECASE)


# a part that follows the signature: an appendix ("PHỤ LỤC"), the programme or list it attaches
_ANNEX = re.compile(r"(?:PHỤ\s*LỤC|CHƯƠNG\s+TRÌNH|DANH\s+SÁCH|KỊCH\s+BẢN|KẾ\s+HOẠCH|THÔNG\s+BÁO|GIẤY\s+MỜI)(?!\w)")


def without_closing(paras: list[Para]) -> list[Para]:
    """`paras` without the closing block (recipients, signature), which names no meeting field: from
    its first line past the first quarter of the document to the end, or to an appendix after it."""
    for i in range(len(paras) // 4, len(paras)):
        if _CLOSING.match(paras[i].text):
            annex = next((j for j in range(i + 1, len(paras))
                          if paras[j].level == 0 and _ANNEX.match(paras[j].text)), len(paras))
            return paras[:i] + paras[annex:]
    return paras


def _closing_formula(para: Para) -> bool:
    """A paragraph without a marker that ends the body with "./." ("Đề nghị … phối hợp thực hiện./."):
    the closing request of the document, under no section."""
    return not para.marker and para.row is None and para.text.rstrip().endswith("./.")


#: No section of a real plan is longer; the bound keeps a text made of headings linear to read.
SECTION_LIMIT = 120


def section(paras: list[Para], index: int) -> list[Para]:
    """The paragraphs under heading `paras[index]`, up to the next heading of its level or above
    (at most SECTION_LIMIT paragraphs)."""
    level = paras[index].level
    out, listed = [], None
    # a label without a number ("Thành phần gồm:") followed by a numbered list ("a) …", "1. …"):
    # the list's items are its section, up to the first paragraph that is not one of them
    # So is a numbered label ("5. Thành phần mời dự:") whose list restarts at its own level ("1. …"),
    # as Word's numbered lists do
    label = paras[index].text.rstrip().endswith(":")
    # and a label line without a number ("Mời tham dự:") followed by bulleted items ("✅ …", "- …"):
    # the items with that bullet
    # and a bulleted label ("- Thành phần:") over items with another bullet ("+ …"): its items, up to
    # the next item with the label's own bullet ("- Chương trình:")
    if label and level is None and index + 1 < len(paras) and paras[index + 1].marker \
            and paras[index + 1].level is None \
            and (not paras[index].marker or paras[index + 1].bullet != paras[index].bullet):
        listed = paras[index + 1].bullet
    for para in after(paras, index):
        if _closing_formula(para):
            break
        if label and not out and para.level not in (None, 0, 1) and para.marker.rstrip(".)") in ("1", "a") \
                and (level is None or para.level == level):
            listed = para.bullet
        if listed is not None:
            if para.bullet != listed:
                break
        elif para.level is not None and (level is None or para.level <= level or para.level == 0):
            break
        out.append(para)
        if len(out) >= SECTION_LIMIT:
            break
    return out
