"""Reading a JSON export before it is imported: the file, its shape, the plan's rules.

`read_export(path)` returns the parsed document or raises ExportFileError whose
`lines()` are `FILE: PLACE: message` sentences, one per problem, where a place is
a line and column (a broken file) or a path into the document (`speakers[3].reg_no`).
It reads a UTF-8 BOM, refuses text that is not UTF-8, nests deeper than any export
does, or holds integers no database could store, and runs the rules a plan file
must keep (intake.plan_rules) before the store's own rules run at import
(db.exchange.import_meeting, which names the path of what it refuses).
"""

from __future__ import annotations

from datetime import time
from pathlib import Path

from db.exchange import ExchangeError, loads
from db.fields import ATTENDANCE, MEETING, PROGRAMME, Spec
from db.limits import SQLITE_INT_MAX, SQLITE_INT_MIN

from .plan_rules import Problem, answer_problems, plan_problems

#: An export nests four levels (document > opinions > opinion > answer); anything much
#: deeper is not an export, and Python's parser would give up on it.
MAX_DEPTH = 32
#: A larger file is not an export of one meeting (10,000 opinions of 1,000 characters
#: fit in about 20 MB).
MAX_BYTES = 200 * 1024 * 1024


class ExportFileError(Exception):
    """An export that cannot be imported; nothing was changed. `problems` are
    (place, message) with place a path or 'dòng L, cột C'."""

    def __init__(self, source: str, problems: list[tuple[str, str]]):
        self.source = source
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [f"{self.source}: {place}: {message}; không có gì thay đổi." if place
                else f"{self.source}: {message}; không có gì thay đổi." for place, message in self.problems]


def read_export(path: str | Path) -> dict:
    """The export at `path`, parsed and checked; ExportFileError otherwise."""
    source = str(path)
    try:
        data = Path(path).read_bytes() if Path(path).stat().st_size <= MAX_BYTES else None
    except OSError as exc:
        raise ExportFileError(source, [("", f"không đọc được tệp ({exc.strerror or exc})")]) from None
    if data is None:
        raise ExportFileError(source, [("", "tệp quá lớn để là tệp xuất của một hội nghị")])
    return parse_export(data, source)


def parse_export(data: bytes, source: str = "<json>") -> dict:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_col(data[: exc.start].decode("utf-8", "replace"), exc.start)
        raise ExportFileError(source, [(f"dòng {line}, cột {column}",
                                        "tệp không phải văn bản UTF-8; hãy xuất lại bằng doithoai export")]) from None
    too_deep = nesting_too_deep(text)
    if too_deep is not None:
        line, column = _line_col(text, too_deep)
        raise ExportFileError(source, [(f"dòng {line}, cột {column}",
                                        f"JSON lồng nhau quá {MAX_DEPTH} tầng; đây không phải tệp xuất của doithoai")])
    try:
        doc = loads(text)
    except ExchangeError as exc:
        raise ExportFileError(source, [("", exc.message)]) from None
    problems = export_problems(doc)
    if problems:
        raise ExportFileError(source, problems)
    return doc


def nesting_too_deep(text: str) -> int | None:
    """The offset where `[`/`{` nesting passes MAX_DEPTH (outside strings), or None.
    One pass over the text."""
    depth = 0
    in_string = escaped = False
    for offset, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return offset
        elif char in "]}":
            depth -= 1
    return None


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def path_of(place: tuple) -> str:
    """('programme', 0, 'dialogue') -> 'programme[0].dialogue'."""
    table, index, key = place
    out = table or ""
    if index is not None:
        out += f"[{index}]"
    if key:
        out += f".{key}" if out else key
    return out


def export_problems(doc: dict) -> list[tuple[str, str]]:
    """The plan's rules and the ranges of numbers, as (path, message)."""
    found: list[Problem] = []
    meeting = doc.get("meeting") if isinstance(doc.get("meeting"), dict) else {}
    found += _ints(meeting, "meeting", None, {"speaking_limit_minutes": MEETING.spec("speaking_limit_minutes")})
    programme = [s if isinstance(s, dict) else None for s in _items(doc, "programme")]
    for i, step in enumerate(programme):
        found += _ints(step, "programme", i, {"minutes": PROGRAMME.spec("minutes")})
    counts = {"invited": ATTENDANCE.spec("invited"), "present": ATTENDANCE.spec("invited")}
    for i, group in enumerate(_items(doc, "attendance")):
        found += _ints(group, "attendance", i, counts)
    for i, speaker in enumerate(_items(doc, "speakers")):
        found += _ints(speaker, "speakers", i, dict.fromkeys(("reg_no", "spoke_order")))
    for i, opinion in enumerate(_items(doc, "opinions")):
        found += _ints(opinion, "opinions", i, dict.fromkeys(("number", "speaker", "follows")))
        answer = opinion.get("answer") if isinstance(opinion, dict) else None
        if isinstance(answer, dict):
            found += [((table, index, f"answer.{key}"), message)
                      for (table, index, key), message in answer_problems(answer, "opinions", i)]
    times = {key: _time(meeting.get(key)) for key in ("start", "end")}
    found += plan_problems(meeting=times, chairs=[None],  # the import names missing chairs
                           programme=[{"dialogue": s.get("dialogue") is True} if s else None for s in programme],
                           before=[], fields=[])
    rewritten = []
    for place, message in found:
        if place == ("programme", None, None):
            message = "chưa có chương trình: danh sách 'programme' rỗng"
        rewritten.append((path_of(place), message.replace("dialogue = true", '"dialogue": true')))
    return rewritten


def _items(doc: dict, key: str) -> list:
    value = doc.get(key)
    return value if isinstance(value, list) else []


def _ints(obj: object, table: str, index: int | None, keys: dict[str, Spec | None]) -> list[Problem]:
    """Integers within what the store can hold and, for a declared key (db.fields), within
    its bounds; numbers and references (no Spec) are positive."""
    if not isinstance(obj, dict):
        return []
    out: list[Problem] = []
    for key, spec in keys.items():
        value = obj.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            continue  # a wrong type is named by the import itself
        if not SQLITE_INT_MIN <= value <= SQLITE_INT_MAX:
            out.append(((table, index, key), f"số quá lớn (tối đa {SQLITE_INT_MAX})"))
        elif spec is None and value < 1:
            out.append(((table, index, key), "phải là số dương"))
        elif spec is not None and not spec.low <= value <= spec.high:
            out.append(((table, index, key), f"phải từ {spec.low} đến {spec.high}"))
    return out


def _time(value: object) -> time | None:
    if not isinstance(value, str):
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None

