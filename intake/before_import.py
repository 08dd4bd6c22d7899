"""Opinions gathered before the meeting (phiếu lấy ý kiến), from the summary sheet the
Fatherland Front hands over: understand its columns, check each row, preview, import.

`preview_before(path, fields)` reads the file (intake.before_sheet) and returns a
`BeforePreview`: how each column was understood, the rows it can import and each row
it cannot read, with its reason and its row number as the spreadsheet shows it.
`import_before(db, meeting_id, items)` inserts them in one transaction; a row whose
key (the STT, else a hash of author and content) is already there is skipped, so a
second import adds nothing. `opinion_from_values` checks one opinion by the same
rules, for the sheet and for the form where one is typed in.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field as dc_field
from datetime import date, datetime
from pathlib import Path


from .before_sheet import Sheet, read_sheet
from db.errors import ValidationError
from db.vocabulary import NOT_YET_WORDS, Outcome, sheet_outcome_words
from db.plans import PlanOpinion
from db.text import LONG, clean, clean_optional
from db.vndate import dmy
from .vn_input import InputError, fold, parse_vn_date

#: What a column can be, with its Vietnamese name, in the order the preview shows.
KEYS = {
    "key": "STT", "author": "Họ tên", "address": "Địa chỉ", "field": "Lĩnh vực",
    "content": "Nội dung", "answer": "Trả lời", "answered_by": "Người trả lời",
    "outcome": "Kết quả", "agency": "Cơ quan", "deadline": "Thời hạn",
}
#: Header spellings (folded: lower case, no diacritics) for each key.
SYNONYMS = {
    "key": ["stt", "tt", "so tt", "so thu tu", "thu tu", "ma phieu", "so phieu", "ma"],
    "author": ["ho ten", "ho va ten", "ten", "nguoi phan anh", "nguoi kien nghi", "nguoi gui",
               "nguoi viet phieu", "nguoi neu y kien", "cu tri", "ho ten cu tri", "ho va ten cu tri",
               "ho ten nguoi phan anh", "ho ten nguoi kien nghi", "nguoi de nghi"],
    "address": ["dia chi", "thon", "thon xom", "xom", "thon to", "khu", "to dan pho", "noi o",
                "dia chi thon", "dia chi thon xom", "khu dan cu", "don vi thon"],
    "field": ["linh vuc", "nhom linh vuc", "phan loai", "linh vuc y kien"],
    "content": ["noi dung", "noi dung y kien", "noi dung kien nghi", "noi dung phan anh",
                "y kien", "kien nghi", "y kien kien nghi", "noi dung y kien kien nghi",
                "noi dung phan anh kien nghi", "noi dung de nghi"],
    "answer": ["tra loi", "noi dung tra loi", "y kien tra loi", "giai trinh", "noi dung giai trinh",
               "tra loi giai trinh", "ket qua tra loi", "y kien giai trinh"],
    "answered_by": ["nguoi tra loi", "co quan tra loi", "don vi tra loi", "lanh dao tra loi"],
    "outcome": ["ket qua", "ket qua giai quyet", "hinh thuc giai quyet", "tinh trang", "xu ly"],
    "agency": ["co quan", "co quan giai quyet", "co quan duoc giao", "don vi", "don vi giai quyet",
               "don vi chu tri", "co quan chu tri", "giao cho"],
    "deadline": ["thoi han", "han", "han giai quyet", "thoi han giai quyet", "han tra loi",
                 "thoi han tra loi", "hoan thanh truoc"],
}
_SYNONYM_KEY = {syn: key for key, syns in SYNONYMS.items() for syn in syns}
_HEADER_SCAN = 15


@dataclass(frozen=True)
class ColumnUse:
    number: int  # 1-based
    header: str
    key: str | None  # None: ignored
    note: str = ""  # why it is ignored, when it is

    @property
    def letter(self) -> str:
        n, out = self.number, ""
        while n:
            n, rest = divmod(n - 1, 26)
            out = chr(65 + rest) + out
        return out


@dataclass(frozen=True)
class BeforeRow:
    row: int
    item: PlanOpinion


@dataclass(frozen=True)
class RowProblem:
    row: int
    message: str


@dataclass
class BeforePreview:
    source: str
    detail: str
    header_row: int | None
    columns: list[ColumnUse] = dc_field(default_factory=list)
    rows: list[BeforeRow] = dc_field(default_factory=list)
    problems: list[RowProblem] = dc_field(default_factory=list)
    #: keys already in the meeting (filled by `mark_existing`): those rows add nothing.
    existing: set[str] = dc_field(default_factory=set)

    @property
    def new_rows(self) -> list[BeforeRow]:
        return [r for r in self.rows if r.item.key not in self.existing]


def match_header(text: object) -> str | None:
    """The key a header names ('Họ và tên' -> 'author'), or None."""
    folded = fold(text) if text is not None else ""
    if not folded:
        return None
    if folded in _SYNONYM_KEY:
        return _SYNONYM_KEY[folded]
    best = max((s for s in _SYNONYM_KEY if folded.startswith(s + " ")), key=len, default=None)
    return _SYNONYM_KEY[best] if best else None


def preview_before(path: str | Path, fields: list[str]) -> BeforePreview:
    """Read a sheet and check every row against the meeting's fields. Raises SheetError
    when the file cannot be read at all."""
    return preview_sheet(read_sheet(path), fields)


def preview_sheet(sheet: Sheet, fields: list[str]) -> BeforePreview:
    header_at = _find_header(sheet.rows)
    if header_at is None:
        preview = BeforePreview(sheet.source, sheet.detail, None)
        preview.problems.append(RowProblem(0, "không tìm thấy dòng tiêu đề có cột Nội dung "
                                              "(ví dụ: STT, Họ tên, Địa chỉ, Lĩnh vực, Nội dung, Trả lời)"))
        return preview
    header_row, header_cells = sheet.rows[header_at]
    preview = BeforePreview(sheet.source, sheet.detail, header_row)
    taken: dict[str, int] = {}
    for number, cell in enumerate(header_cells, start=1):
        title = _cell_text(cell)
        key = match_header(title)
        if not title:
            continue
        if key and key in taken:
            preview.columns.append(ColumnUse(number, title, None, f"trùng với cột {KEYS[key]} đã có"))
        elif key:
            taken[key] = number - 1
            preview.columns.append(ColumnUse(number, title, key))
        else:
            preview.columns.append(ColumnUse(number, title, None, "không nhận ra"))
    seen: dict[str, int] = {}
    for row_number, cells in sheet.rows[header_at + 1:]:
        raw = {key: (cells[i] if i < len(cells) else None) for key, i in taken.items()}
        if all(_cell_text(v) == "" for v in raw.values()):
            continue
        item, errors = opinion_from_values(raw, fields)
        if item is not None and item.key in seen:
            errors = {"key": f"trùng với dòng {seen[item.key]} (cùng STT, cùng người và nội dung)"}
            item = None
        if item is None:
            order = list(KEYS)
            message = "; ".join(f"{KEYS[k]}: {errors[k]}" if k else errors[k]
                                for k in sorted(errors, key=lambda k: order.index(k) if k else -1))
            preview.problems.append(RowProblem(row_number, message))
            continue
        seen[item.key] = row_number
        preview.rows.append(BeforeRow(row_number, item))
    return preview


def _find_header(rows: list[tuple[int, list[object]]]) -> int | None:
    for index, (_, cells) in enumerate(rows[:_HEADER_SCAN]):
        keys = [match_header(_cell_text(c)) for c in cells]
        if "content" in keys and sum(k is not None for k in keys) >= 2:
            return index
    for index, (_, cells) in enumerate(rows[:_HEADER_SCAN]):
        if "content" in [match_header(_cell_text(c)) for c in cells]:
            return index
    return None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return dmy(value) if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return dmy(value)
    return str(value).strip()


def opinion_from_values(raw: dict[str, object], fields: list[str]) -> tuple[PlanOpinion | None, dict]:
    """Check one opinion given as cell values or typed text (keys as in KEYS).
    Returns (item, {}) or (None, {key or None: message})."""
    errors: dict[str | None, str] = {}
    values: dict[str, object] = {}

    def short(key: str) -> None:
        text = " ".join(_cell_text(raw.get(key)).split())  # a line break inside a name cell
        try:
            values[key] = clean_optional(text, KEYS[key])
        except ValidationError as exc:
            errors[key] = exc.reason

    for key in ("key", "author", "address", "answered_by", "agency"):
        short(key)
    for key in ("content", "answer"):
        try:
            values[key] = clean(_cell_text(raw.get(key)), KEYS[key], required=key == "content",
                                max_len=LONG, multiline=True) or None
        except ValidationError as exc:
            errors[key] = exc.reason
    values["field"] = None
    field_text = " ".join(_cell_text(raw.get("field")).split())
    if field_text:
        found, suggestion = match_field(field_text, fields)
        if found:
            values["field"] = found
        else:
            errors["field"] = f"'{field_text}' không có trong danh sách lĩnh vực của hội nghị" + (
                f"; có phải '{suggestion}'?" if suggestion else "")
    values["deadline"] = None
    deadline = raw.get("deadline")
    if isinstance(deadline, datetime):
        values["deadline"] = deadline.date()
    elif isinstance(deadline, date):
        values["deadline"] = deadline
    elif _cell_text(deadline):
        try:
            values["deadline"] = parse_vn_date(_cell_text(deadline))
        except InputError as exc:
            errors["deadline"] = exc.message
    outcome_text = _cell_text(raw.get("outcome"))
    outcome = None
    if outcome_text:
        outcome = match_outcome(outcome_text)
        if outcome is False:
            outcome = None
        elif outcome is None:
            errors["outcome"] = (f"không hiểu '{outcome_text[:40]}' ("
                                 + ", ".join(o.short for o in Outcome) + ")")
    elif values.get("answer"):
        outcome = Outcome.ANSWERED  # a prepared answer: answered
    elif values.get("agency") and values.get("deadline"):
        outcome = Outcome.ASSIGNED
    if outcome is not None:
        for missing in outcome.missing(answer=values.get("answer"), agency=values.get("agency"),
                                       deadline=values.get("deadline")):
            errors.setdefault(missing.value, f"không được để trống {outcome.when}")
    if errors:
        return None, errors
    # The STT alone is not enough: two sheets for one meeting may both number from 1,
    # and skipping the second sheet's rows would lose opinions. The same row of the
    # same sheet (same STT, person and words) still gets the same key.
    digest = row_hash(values["author"], values["content"])
    key = f"{values['key']}{STT_SEPARATOR}{digest}" if values["key"] else digest
    return PlanOpinion(
        content=values["content"], author=values["author"], address=values["address"],
        field=values["field"], answer=values["answer"], answered_by=values["answered_by"],
        outcome=outcome.value if outcome else None, agency=values["agency"],
        deadline=values["deadline"], key=key), {}


STT_SEPARATOR = "·"


def stt_of(key: str | None) -> str:
    """The STT part of a row key ('' for a row that had none)."""
    return key.split(STT_SEPARATOR, 1)[0] if key and STT_SEPARATOR in key else ""


def row_hash(author: str | None, content: str) -> str:
    """The key of a row without STT: the same person and words give the same key."""
    digest = hashlib.sha256(f"{fold(author or '')}\x1f{' '.join(content.split())}".encode()).hexdigest()
    return "ND-" + digest[:12]


def match_field(text: str, fields: list[str]) -> tuple[str | None, str | None]:
    """(the field meant, None) or (None, the closest name to suggest)."""
    folded = fold(text)
    by_fold = {fold(f): f for f in fields}
    if folded in by_fold:
        return by_fold[folded], None
    parts = [f for f in fields if folded in {fold(part) for part in f.split(",")}]
    if len(parts) == 1:
        return parts[0], None
    close = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=0.5)
    if close:
        return None, by_fold[close[0]]
    starts = [f for key, f in by_fold.items() if key.startswith(folded) or folded.startswith(key)]
    return None, (starts[0] if starts else None)




def match_outcome(text: str) -> Outcome | None | bool:
    """The outcome a cell names; False when it says there is none yet; None when unknown."""
    folded = fold(text)
    if any(folded == w or folded.startswith(w + " ") for w in NOT_YET_WORDS):
        return False
    # The word that comes first wins ("giao giải quyết, trả lời bằng văn bản" is an
    # assignment), the longer one at the same place ("đã trả lời" before "trả lời").
    padded = f" {re.sub(r'[^a-z0-9]+', ' ', folded)} "
    found = [(padded.find(f" {word} "), -len(word), outcome) for word, outcome in sheet_outcome_words()]
    found = [f for f in found if f[0] >= 0]
    return min(found, key=lambda f: f[:2])[2] if found else None
