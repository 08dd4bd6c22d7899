"""The meeting form's values, checked by the same rules as a plan file.

A form holds text as typed: dates dd/mm/yyyy, times HH:MM, numbers as digits. The
values are a plain dict (see `blank_values`)::

    {"meeting": {"title": "...", ..., "date": "18/06/2026", "start": "07:30", ...},
     "secretary": {"name": "...", "title": "..."},
     "chairs": [{"name": "...", "title": "..."}],
     "attendance": [{"group": "...", "invited": "70"}],
     "fields": [{"name": "Kinh tế"}],
     "programme": [{"content": "...", "lead": "...", "minutes": "10", "dialogue": False}]}

`check_plan_form` reads the typed values strictly, writes the plan file they make,
runs `parse_plan` on it (the rules `doithoai check` applies) and maps every problem
back to the place in the form it belongs to: (section, row, key). Rows left wholly
blank are ignored. Nothing here writes to the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from db.errors import ValidationError
from db.models import DEFAULT_FIELDS
from db.plans import Plan
from intake.plan_file import PlanError, parse_plan, toml_string
from db.text import clean
from .vn_input import InputError, format_hhmm, format_vn_date, parse_hhmm, parse_int, parse_vn_date

DETAIL_KEYS = ("title", "organisation", "parent", "place_name", "venue", "date", "start", "end",
               "speaking_limit_minutes")
ROW_KEYS = {
    "chairs": ("name", "title"),
    "attendance": ("group", "invited"),
    "programme": ("content", "lead", "minutes"),
    "fields": ("name",),
}
_REQUIRED = {"meeting": {"title", "organisation", "place_name", "venue"},
             "secretary": {"name"}, "chairs": {"name", "title"}, "attendance": {"group"},
             "programme": {"content"}}
_INTS = {("meeting", "speaking_limit_minutes"), ("attendance", "invited"), ("programme", "minutes")}

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


def blank_values() -> dict:
    """A new meeting: the default fields, a five-minute speaking limit, one empty row
    in each list ready for typing."""
    return {
        "meeting": {key: "" for key in DETAIL_KEYS} | {"speaking_limit_minutes": "5"},
        "secretary": {"name": "", "title": ""},
        "chairs": [{"name": "", "title": ""}],
        "attendance": [{"group": "", "invited": ""}],
        "programme": [{"content": "", "lead": "", "minutes": "", "dialogue": False}],
        "fields": [{"name": name} for name in DEFAULT_FIELDS],
    }


def values_from_plan(plan: object) -> dict:
    """The form's values for a plan: an existing one (to edit or copy it), or one read
    from a plan document (`intake.plan_documents.PartialPlan`), where any value may be None."""
    def text(value: object) -> str:
        return "" if value is None else str(value)

    limit = getattr(plan, "speaking_limit_minutes", None)
    fields = getattr(plan, "fields", None) or DEFAULT_FIELDS
    return {
        "meeting": {
            "title": text(plan.title), "organisation": text(plan.organisation), "parent": text(plan.parent),
            "place_name": text(plan.place_name), "venue": text(plan.venue),
            "date": format_vn_date(plan.date), "start": format_hhmm(plan.start), "end": format_hhmm(plan.end),
            "speaking_limit_minutes": text(5 if limit is None else limit),
        },
        "secretary": {"name": text(plan.secretary_name), "title": text(plan.secretary_title)},
        "chairs": [{"name": text(c.name), "title": text(c.title)} for c in plan.chairs],
        "attendance": [{"group": text(g.group), "invited": text(g.invited)} for g in plan.attendance],
        "programme": [{"content": text(s.content), "lead": text(s.lead), "minutes": text(s.minutes),
                       "dialogue": bool(s.dialogue)} for s in plan.programme],
        "fields": [{"name": name} for name in fields],
    }


def _blank(row: dict) -> bool:
    return not any(str(v).strip() for k, v in row.items() if k != "dialogue")


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
    if (section, key) in _INTS:
        return "int"
    return {"date": "date", "start": "time", "end": "time"}.get(key, "str") if section == "meeting" else "str"


def check_plan_form(values: dict) -> tuple[Plan | None, list[FormProblem]]:
    """The plan the form describes, or None with every problem in its place."""
    out = _Emitter()
    field_rows = [(i, row) for i, row in enumerate(values.get("fields", [])) if not _blank(row)]
    seen: dict[str, int] = {}
    for i, row in field_rows:
        try:
            name = clean(row.get("name", ""), "Lĩnh vực")
        except ValidationError as exc:
            out.problems.append(FormProblem("fields", i, "name", exc.reason))
            continue
        if name in seen:
            out.problems.append(FormProblem("fields", i, "name", f"trùng với dòng {seen[name] + 1}"))
        seen.setdefault(name, i)
    out.line("fields = [", ("fields", None, None))
    for i, row in field_rows:
        out.line(f"    {toml_string(str(row.get('name', '')))},", ("fields", i, "name"))
    out.line("]", ("fields", None, None))

    def table(section: str, header: str, row: dict, index: int | None, keys: tuple[str, ...]) -> None:
        out.line(header, (section, index, None))
        for key in keys:
            out.value(section, index, key, row.get(key, ""), _kind(section, key),
                      key in _REQUIRED.get(section, set()) or (section, key) in
                      {("meeting", "date"), ("meeting", "start")})

    table("meeting", "[meeting]", values.get("meeting", {}), None, DETAIL_KEYS)
    table("secretary", "[secretary]", values.get("secretary", {}), None, ("name", "title"))
    for section in ("chairs", "attendance", "programme"):
        for i, row in enumerate(values.get(section, [])):
            if _blank(row):
                continue
            table(section, f"[[{section}]]", row, i, ROW_KEYS[section])
            if section == "programme" and row.get("dialogue"):
                out.line("dialogue = true", (section, i, "dialogue"))

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
