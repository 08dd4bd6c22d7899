"""Plan files (kế hoạch) in TOML: read with line-numbered errors, and write back.

The format is documented in README.md ("Plan file format"). `load_plan` returns a
`Plan` or raises `PlanError` holding every problem as (line, message).
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, time
from pathlib import Path

from db.errors import ValidationError
from db.fields import FIELDS, MEETING, SECRETARY, SECTIONS, TEXT_LISTS
from db.models import DEFAULT_FIELDS
from db.plans import Plan
from db.text import LONG, SHORT, clean

from .plan_rules import plan_problems


class PlanError(Exception):
    """A plan file with problems. `problems` is a list of (line, message)."""

    def __init__(self, source: str, problems: list[tuple[int, str]]):
        self.source = source
        self.problems = sorted(problems, key=lambda p: p[0])
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [f"{self.source}:{line}: {message}" for line, message in self.problems]


#: (type, required) of each key, per table; declared in db.fields.
_SCHEMA: dict[str, dict[str, tuple[str, bool]]] = {
    name: {spec.key: (spec.kind, spec.required) for spec in section.specs} for name, section in SECTIONS.items()
}
_ARRAYS = {name for name, section in SECTIONS.items() if section.many}
_TABLES = {name for name, section in SECTIONS.items() if not section.many}
_TYPE_NAMES = {"str": "chuỗi", "longstr": "chuỗi", "int": "số nguyên", "bool": "true/false",
               "date": "ngày (ví dụ 2026-06-18)", "time": "giờ (ví dụ 07:30:00)"}
_TOML_ERROR_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z_][\w-]*)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*=")


class _Locator:
    """Maps (table, index, key) to line numbers by scanning the raw text."""

    def __init__(self, text: str):
        self.lines: dict[tuple, int] = {}
        self.n_lines = max(1, text.count("\n") + 1)
        table, index, counts = None, None, {}
        for lineno, line in enumerate(text.splitlines(), start=1):
            header = _HEADER.match(line)
            if header:
                table = header.group(2)
                if header.group(1) == "[[":
                    index = counts.get(table, 0)
                    counts[table] = index + 1
                else:
                    index = None
                self.lines.setdefault((table, index, None), lineno)
                continue
            key = _KEY.match(line)
            if key:
                self.lines.setdefault((table, index, key.group(1)), lineno)

    def line(self, table: str | None, index: int | None = None, key: str | None = None) -> int:
        for probe in ((table, index, key), (table, index, None), (table, None, None)):
            if probe in self.lines:
                return self.lines[probe]
        return 1


def load_plan(path: str | Path) -> Plan:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise PlanError(str(path), [(1, f"tệp không phải văn bản UTF-8 ({exc.reason})")]) from exc
    except OSError as exc:
        raise PlanError(str(path), [(1, f"không đọc được tệp: {exc.strerror or exc}")]) from exc
    return parse_plan(text, source=str(path))


def parse_plan(text: str, source: str = "<plan>") -> Plan:
    """Parse and validate a plan; raise PlanError listing every problem found."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_ERROR_LINE.search(str(exc))
        line = int(match.group(1)) if match else 1
        message = _TOML_ERROR_LINE.sub("", str(exc)).strip()
        raise PlanError(source, [(line, toml_syntax_message(message, text, line))]) from exc
    where = _Locator(text)
    problems: list[tuple[int, str]] = []
    values: dict[str, object] = {}

    for key in data:
        if key not in _SCHEMA and key not in TEXT_LISTS:
            problems.append((where.line(None, None, key) if (None, None, key) in where.lines
                             else where.line(key), f"khóa không xác định '{key}'"))

    def check_table(name: str, table: object, index: int | None) -> dict | None:
        if not isinstance(table, dict):
            problems.append((where.line(name, index), f"[{name}] phải là một bảng"))
            return None
        out: dict[str, object] = {}
        for key, value in table.items():
            if key not in _SCHEMA[name]:
                allowed = ", ".join(_SCHEMA[name])
                problems.append((where.line(name, index, key),
                                 f"khóa không xác định '{key}' trong [{name}] (các khóa hợp lệ: {allowed})"))
        for key, (kind, required) in _SCHEMA[name].items():
            label = f"{name}.{key}"
            if key not in table:
                if required:
                    problems.append((where.line(name, index), f"thiếu khóa '{key}' trong [{name}]"))
                continue
            value = table[key]
            ok = {
                "str": isinstance(value, str), "longstr": isinstance(value, str),
                "int": isinstance(value, int) and not isinstance(value, bool),
                "bool": isinstance(value, bool),
                "date": isinstance(value, date) and not hasattr(value, "hour"),
                "time": isinstance(value, time),
            }[kind]
            if not ok:
                problems.append((where.line(name, index, key),
                                 f"'{key}' phải là {_TYPE_NAMES[kind]}, không phải {_toml_type(value)}"))
                continue
            if kind in ("str", "longstr"):
                try:
                    value = clean(value, label, required=required,
                                  max_len=LONG if kind == "longstr" else SHORT,
                                  multiline=kind == "longstr") or None
                except ValidationError as exc:
                    problems.append((where.line(name, index, key), f"'{key}' {exc.reason}"))
                    continue
            spec = SECTIONS[name].spec(key)
            if kind == "int" and not spec.low <= value <= spec.high:
                problems.append((where.line(name, index, key), f"'{key}' phải từ {spec.low} đến {spec.high}"))
                continue
            out[key] = value
        return out

    for name in _TABLES:
        if name not in data:
            problems.append((1, f"thiếu bảng [{name}]"))
        else:
            values[name] = check_table(name, data[name], None)
    for name in _ARRAYS:
        items = data.get(name, [])
        if not isinstance(items, list):
            problems.append((where.line(name), f"'{name}' phải là mảng bảng [[{name}]]"))
            values[name] = []
            continue
        values[name] = [check_table(name, item, i) for i, item in enumerate(items)]

    lists: dict[str, list[str]] = {FIELDS.name: list(DEFAULT_FIELDS)}
    for text_list in TEXT_LISTS.values():
        if text_list.name in data:
            lists[text_list.name] = _text_list(text_list, data[text_list.name],
                                               where.line(None, None, text_list.name), problems)
    fields = lists[FIELDS.name]

    meeting = values.get("meeting") or {}
    for (table, index, key), message in plan_problems(
            meeting=meeting, chairs=data.get("chairs") or [],
            programme=values["programme"] if data.get("programme") else [],
            before=values.get("before", []), fields=fields):
        missing = index is None and key is None and (table, 0, None) not in where.lines
        problems.append((where.line("meeting") if missing else where.line(table, index, key), message))

    if problems:
        raise PlanError(source, problems)

    def table_values(section) -> dict:
        table = values[section.name]
        return {spec.attr: table.get(spec.key, spec.default) for spec in section.specs}

    return Plan(
        **table_values(MEETING), **table_values(SECRETARY),
        **{name: [section.item(**item) for item in values[name]] for name, section in SECTIONS.items()
           if section.many},
        **{name: items for name, items in lists.items()},
    )


def _text_list(spec, raw: object, line: int, problems: list[tuple[int, str]]) -> list[str]:
    """A top-level list of strings (fields, notice_recipients ...), cleaned and checked."""
    name = spec.name
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw) or (spec.non_empty and not raw):
        problems.append((line, f"'{name}' phải là danh sách chuỗi" + (", không rỗng" if spec.non_empty else "")))
        return []
    cleaned = []
    for item in raw:
        try:
            cleaned.append(clean(item, name))
        except ValidationError as exc:
            problems.append((line, f"'{name}' {exc.reason}"))
    if spec.unique and len(set(cleaned)) != len(cleaned):
        problems.append((line, f"'{name}' có lĩnh vực trùng nhau"))
    return cleaned


#: tomllib's English messages, and what to write instead (matched by their start).
_TOML_HINTS = (
    ("Expected '=' after a key", "sau tên khóa phải có dấu '=' rồi đến giá trị, ví dụ: title = \"Hội nghị …\""),
    ("Invalid value", "giá trị không đúng dạng: chữ đặt trong ngoặc kép \"…\", ngày dạng 2026-06-18, "
                      "giờ dạng 07:30:00, số viết liền, true/false"),
    ("Invalid date", "ngày hoặc giờ không đúng dạng: ngày 2026-06-18, giờ 07:30:00"),
    ("Invalid initial character for a key", "tên khóa không hợp lệ: chỉ dùng chữ không dấu, số, '_' hoặc '-'"),
    ("Invalid statement", "dòng không hợp lệ: mỗi dòng là 'khóa = giá trị' hoặc tiêu đề bảng [bảng]"),
    ("Unterminated string", "chuỗi chưa đóng: thêm dấu ngoặc kép \" ở cuối giá trị"),
    ("Illegal character", "có ký tự không được phép trong chuỗi (ví dụ xuống dòng giữa \"…\"): "
                          "dùng ba dấu ngoặc kép \"\"\"…\"\"\" cho đoạn nhiều dòng"),
    ("Unclosed array", "danh sách chưa đóng: thêm dấu ']' ở cuối"),
    ("Unclosed inline table", "bảng viết trên một dòng chưa đóng: thêm dấu '}' ở cuối"),
    ("Cannot overwrite a value", "khóa này đã có giá trị ở trên: mỗi khóa chỉ viết một lần trong một bảng"),
    ("Cannot declare", "bảng này đã được khai báo ở trên: mỗi bảng [..] chỉ viết một lần"),
    ("Expected newline or end of document", "sau giá trị phải xuống dòng: mỗi khóa một dòng"),
    ("Expected ']' at the end of a table declaration", "tiêu đề bảng phải đóng bằng ']'"),
)


def toml_syntax_message(raw: str, text: str, line: int) -> str:
    """One Vietnamese sentence for a TOML syntax error: the key on that line (if any),
    what is wrong and what to write. The library's words stay at the end, in brackets."""
    hint = next((vn for en, vn in _TOML_HINTS if raw.startswith(en)),
                "hãy sửa theo mẫu: khóa = giá trị, chữ trong ngoặc kép \"…\"")
    lines = text.splitlines()
    key = _KEY.match(lines[line - 1]) if 0 < line <= len(lines) else None
    where = f" ở khóa '{key.group(1)}'" if key else ""
    return f"lỗi cú pháp TOML{where}: {hint} ({raw})"


def _toml_type(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "số"
    if isinstance(value, str):
        return "chuỗi"
    if isinstance(value, time):
        return "giờ"
    if isinstance(value, date):
        return "ngày giờ" if hasattr(value, "hour") else "ngày"
    if isinstance(value, list):
        return "mảng"
    if isinstance(value, dict):
        return "bảng"
    return type(value).__name__


def toml_string(value: str) -> str:
    """A TOML basic string, escaped (newlines, quotes, backslashes, controls)."""
    out = ['"']
    for char in value:
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def plan_to_toml(plan: Plan) -> str:
    """Write a plan back as a plan file that `parse_plan` reads to the same Plan."""
    lines: list[str] = []

    def kv(key: str, value: object) -> None:
        if value is None:
            return
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, int):
            lines.append(f"{key} = {value}")
        elif isinstance(value, time):
            lines.append(f"{key} = {value.strftime('%H:%M:%S')}")
        elif isinstance(value, date):
            lines.append(f"{key} = {value.isoformat()}")
        else:
            lines.append(f"{key} = {toml_string(str(value))}")

    for text_list in TEXT_LISTS.values():
        items = getattr(plan, text_list.name)
        if not items and text_list is not FIELDS:
            continue
        lines.append(f"{text_list.name} = [")
        lines.extend(f"    {toml_string(item)}," for item in items)
        lines.append("]")
    for name, section in SECTIONS.items():
        if not section.many:
            lines += ["", f"[{name}]"] if name != MEETING.name else ["", "[meeting]"]
            for spec in section.specs:
                kv(spec.key, getattr(plan, spec.attr))
            continue
        for item in getattr(plan, name):
            lines += ["", f"[[{name}]]"]
            for spec in section.specs:
                value = getattr(item, spec.key)
                if spec.kind == "bool" and value == spec.default:
                    continue
                kv(spec.key, value)
    return "\n".join(lines) + "\n"
