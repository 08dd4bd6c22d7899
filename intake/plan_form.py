"""The meeting form's values, checked by the same rules as a plan file.

A form holds text as typed: dates dd/mm/yyyy, times HH:MM, numbers as digits. The
values are a plain dict (see `blank_values`)::

    {"meeting": {"title": "...", ..., "date": "18/06/2026", "start": "07:30", ...},
     "secretary": {"name": "...", "title": "..."},
     "chairs": [{"name": "...", "title": "..."}],
     "attendance": [{"group": "...", "invited": "70"}],
     "programme": [{"content": "...", "lead": "...", "minutes": "10", "dialogue": False}],
     "fields": [{"name": "Kinh tế"}],
     "delegates": [{"name": "...", "title": "..."}], "officials": [...],
     "notice_recipients": [{"text": "Thường trực Đảng ủy (b/c)"}], "minutes_recipients": [...],
     "timeline": [{"task": "...", "due": "25/06/2026"}]}

The sections, keys, types and required keys come from db.fields.

`check_plan_form` reads the typed values strictly, writes the plan file they make,
runs `parse_plan` on it (the rules `doithoai check` applies) and maps every problem
back to the place in the form it belongs to: (section, row, key). Rows left wholly
blank are ignored. Nothing here writes to the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from db.errors import ValidationError
from db.fields import FIELDS, FORM_LISTS, MEETING, SECRETARY, SECTIONS, Section, Spec, TEXT_LISTS
from db.models import DEFAULT_FIELDS
from db.plans import Plan
from intake.plan_file import PlanError, parse_plan, toml_string
from db.text import clean
from .vn_input import InputError, format_hhmm, format_vn_date, parse_hhmm, parse_int, parse_vn_date

DETAIL_KEYS = MEETING.keys
#: The keys of one row of each list the form edits (flags such as `dialogue` aside).
ROW_KEYS = {
    part.name: (tuple(s.key for s in part.specs if s.kind != "bool") if isinstance(part, Section)
                else (part.row_key,))
    for part in FORM_LISTS
}

Path = tuple[str, "int | None", "str | None"]


@dataclass(frozen=True)
class FormProblem:
    """A problem and where it belongs: section ('meeting', 'secretary', 'chairs',
    'attendance', 'programme', 'fields'), the form row (lists only) and the key
    (None: the row, or the whole section when `row` is None too)."""

    section: str
    row: int | None
    key: str | None
    message: str


def _blank_row(section: Section) -> dict:
    return {spec.key: (False if spec.kind == "bool" else "") for spec in section.specs}


def blank_values() -> dict:
    """A new meeting: the default fields, a five-minute speaking limit, one empty row
    in each list the plan needs, the optional lists empty."""
    meeting = {spec.key: "" if spec.default is None else str(spec.default) for spec in MEETING.specs}
    return {
        "meeting": meeting,
        "secretary": {key: "" for key in SECRETARY.keys},
        **{part.name: [_blank_row(part)] if part.name in _NEEDED else []
           for part in FORM_LISTS if isinstance(part, Section)},
        **{part.name: [] for part in FORM_LISTS if not isinstance(part, Section)},
        FIELDS.name: [{FIELDS.row_key: name} for name in DEFAULT_FIELDS],
    }


#: The lists a plan cannot do without (a new form starts them with one empty row).
_NEEDED = {"chairs", "attendance", "programme"}


def _typed(spec: Spec, value: object) -> object:
    """A plan's value as the form shows it."""
    if spec.kind == "bool":
        return bool(value)
    if value is None:
        return ""
    if spec.kind == "date":
        return format_vn_date(value)
    if spec.kind == "time":
        return format_hhmm(value)
    return str(value)


def values_from_plan(plan: object) -> dict:
    """The form's values for a plan: an existing one (to edit or copy it), or one read
    from a plan document (`intake.plan_documents.PartialPlan`), where any value may be None
    and the lists it does not know may be missing."""
    meeting = {spec.key: _typed(spec, getattr(plan, spec.attr, None)) for spec in MEETING.specs}
    for spec in MEETING.specs:
        if not meeting[spec.key] and spec.default is not None:
            meeting[spec.key] = str(spec.default)
    values = {
        "meeting": meeting,
        "secretary": {spec.key: _typed(spec, getattr(plan, spec.attr, None)) for spec in SECRETARY.specs},
    }
    for part in FORM_LISTS:
        items = getattr(plan, part.name, None) or []
        if isinstance(part, Section):
            values[part.name] = [{spec.key: _typed(spec, getattr(item, spec.key, None)) for spec in part.specs}
                                 for item in items]
        else:
            if part is FIELDS and not items:
                items = DEFAULT_FIELDS
            values[part.name] = [{part.row_key: str(item)} for item in items]
    return values


def _blank(row: dict) -> bool:
    return not any(str(v).strip() for v in row.values() if not isinstance(v, bool))


class _Emitter:
    """Writes plan-file lines and remembers, for each line, the form place it came from."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origin: list[Path] = []
        self.problems: list[FormProblem] = []

    def line(self, text: str, path: Path) -> None:
        self.lines.append(text)
        self.origin.append(path)

    def value(self, section: str, row: int | None, key: str, raw: str, kind: str,
              required: bool) -> None:
        path = (section, row, key)
        raw = "" if raw is None else str(raw)
        if kind == "str":
            if raw.strip() or required:
                self.line(f"{key} = {toml_string(raw)}", path)
            return
        if not raw.strip() and not required:
            return
        try:
            if kind == "int":
                rendered = str(parse_int(raw))
            elif kind == "date":
                rendered = parse_vn_date(raw).isoformat()
            else:
                rendered = parse_hhmm(raw).strftime("%H:%M:%S")
        except InputError as exc:
            self.problems.append(FormProblem(section, row, key, exc.message))
            if not required:
                return
            rendered = {"date": date(2000, 1, 1).isoformat(), "time": time(0).strftime("%H:%M:%S")}[kind]
        self.line(f"{key} = {rendered}", path)


def _kind(section: str, key: str) -> str:
    kind = SECTIONS[section].spec(key).kind
    return kind if kind in ("int", "date", "time") else "str"


def check_plan_form(values: dict) -> tuple[Plan | None, list[FormProblem]]:
    """The plan the form describes, or None with every problem in its place."""
    out = _Emitter()
    for text_list in TEXT_LISTS.values():
        key = text_list.row_key
        rows = [(i, row) for i, row in enumerate(values.get(text_list.name, [])) if not _blank(row)]
        if not rows and text_list is not FIELDS:
            continue
        seen: dict[str, int] = {}
        for i, row in rows:
            try:
                item = clean(row.get(key, ""), text_list.item_label)
            except ValidationError as exc:
                out.problems.append(FormProblem(text_list.name, i, key, exc.reason))
                continue
            if text_list.unique and item in seen:
                out.problems.append(FormProblem(text_list.name, i, key, f"trùng với dòng {seen[item] + 1}"))
            seen.setdefault(item, i)
        out.line(f"{text_list.name} = [", (text_list.name, None, None))
        for i, row in rows:
            out.line(f"    {toml_string(str(row.get(key, '')))},", (text_list.name, i, key))
        out.line("]", (text_list.name, None, None))

    def table(section: Section, header: str, row: dict, index: int | None) -> None:
        out.line(header, (section.name, index, None))
        for spec in section.specs:
            if spec.kind == "bool":
                if row.get(spec.key):
                    out.line(f"{spec.key} = true", (section.name, index, spec.key))
                continue
            out.value(section.name, index, spec.key, row.get(spec.key, ""), _kind(section.name, spec.key),
                      spec.required)

    table(MEETING, "[meeting]", values.get("meeting", {}), None)
    table(SECRETARY, "[secretary]", values.get("secretary", {}), None)
    for part in FORM_LISTS:
        if not isinstance(part, Section):
            continue
        for i, row in enumerate(values.get(part.name, [])):
            if not _blank(row):
                table(part, f"[[{part.name}]]", row, i)

    problems = list(out.problems)
    typed = {(p.section, p.row, p.key) for p in problems}
    text = "\n".join(out.lines) + "\n"
    try:
        plan = parse_plan(text, source="<biểu mẫu>")
    except PlanError as exc:
        for line, message in exc.problems:
            path = out.origin[line - 1] if 0 < line <= len(out.origin) else ("meeting", None, None)
            path, message = _place(path, message)
            if path in typed or (path[0] == "fields" and any(p.section == "fields" for p in problems)):
                continue
            if path == ("meeting", None, "end") and ("meeting", None, "start") in typed:
                continue
            problems.append(FormProblem(*path, message))
        return None, problems
    if problems:
        return None, problems
    return plan, []


def _place(path: Path, message: str) -> tuple[Path, str]:
    """Refine where a parse_plan message belongs and drop the key name it starts with."""
    if message.startswith("chưa có chủ trì"):
        return ("chairs", None, None), "cần ít nhất một người chủ trì (họ tên và chức vụ)"
    if message.startswith("chưa có chương trình"):
        return ("programme", None, None), "cần ít nhất một bước chương trình"
    if message.startswith("chưa có bước đối thoại"):
        return ("programme", None, None), ("chưa có bước đối thoại: chọn bước Nhân dân phát biểu "
                                           "và đánh dấu là bước đối thoại")
    if message.startswith("'fields' phải là danh sách"):
        return ("fields", None, None), "cần ít nhất một lĩnh vực"
    section, row, key = path
    if key == "dialogue":
        return path, "chỉ được đánh dấu một bước đối thoại"
    for name in (key, "fields"):
        if name and message.startswith(f"'{name}' "):
            message = message[len(name) + 3:]
    return (section, row, key), message
