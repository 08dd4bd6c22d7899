"""Read a plan document (kế hoạch, thông báo, giấy mời / thư mời, a news item or an e-mail;
.docx or .txt) into a draft plan file.

    result = read_plan_document("ke-hoach.docx")      # ImportResult, or PlanDocumentError
    Path("plan.toml").write_text(result_to_toml(result), encoding="utf-8")
    print("\\n".join(report_lines(result)))

The reader fills in what the document says, field by field, with the line it came
from (`Finding`), and lists what it could not find or was unsure of (`Missing`).
It never invents a value: a time section that says "½ ngày, dự kiến trong tháng
6/2026" leaves the date empty with a note. `result_to_toml` writes the plan with
every unknown required key commented out ("# date = ?  (chưa tìm thấy: ...)"), so the
file does not pass `db.plans.parse_plan` until the secretary completes it.

Choices worth knowing:
- a head count written as a range ("Dự kiến 120 - 150 đại biểu") counts as its upper
  bound, with a note: the hall, chairs and papers are prepared for the larger number;
  a total for the whole meeting (not for one group) is `PartialPlan.invited_total`,
  written to the TOML as a comment since the format has no key for it;
- the topics (nội dung) are kept in `PartialPlan.topics` and written as comments;
- chairs named only by their office ("Chủ tịch UBND xã là chủ tọa") get a title; when
  the plan is signed by the holder of that office (CHỦ TỊCH, Q. CHỦ TỊCH, BÍ THƯ), the
  signer's name is proposed: the chair's name is filled in (the form shows it) with a
  finding and a `Missing` both saying "đề xuất: kiểm tra", and the plan file keeps the
  key commented out until the secretary confirms it;
- the date and time are chosen by context anywhere in the text (plan_when.py): the
  sentence about the meeting or the "Thời gian" section; deadlines ("trước ngày
  10/6/2026"), dates of source documents ("Kế hoạch số 24-KH/ĐU ngày 19/01/2026"), the
  issue date, opinion-collection windows and posting stamps are never the meeting's.

This module imports neither textual, rich nor reportlab; python-docx only when a
.docx is read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .plan_extract import Finding, FoundChair, Missing, PartialPlan, extract
from .plan_source import PlanDocumentError, read_lines, text_lines
from intake.plan_file import toml_string

__all__ = ["Finding", "FoundChair", "ImportResult", "Missing", "PartialPlan", "PlanDocumentError",
           "read_plan_document", "read_plan_text", "report_lines", "result_to_toml"]


@dataclass
class ImportResult:
    source: str
    plan: PartialPlan
    findings: list[Finding] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    #: The document's lines as read (NFC, conversion markup removed); line n is lines[n - 1].
    lines: list[str] = field(default_factory=list)

    def finding(self, name: str) -> Finding | None:
        return next((f for f in self.findings if f.field == name), None)

    def missing_note(self, name: str) -> str | None:
        return next((m.note for m in self.missing if m.field == name), None)


def read_plan_document(path: str | Path) -> ImportResult:
    """Read a plan from a .docx or .txt (.md) file; raise PlanDocumentError if it cannot be read."""
    path = Path(path)
    return _result(path.name, read_lines(path))


def read_plan_text(text: str, source: str = "<văn bản>") -> ImportResult:
    """Read a plan from plain text (one paragraph or table row per line)."""
    return _result(source, text_lines(text))


def _result(source: str, lines: list[str]) -> ImportResult:
    plan, findings, missing = extract(lines)
    return ImportResult(source, plan, findings, missing, lines)


# -- labels shared by the report and the TOML comments --------------------------------

_LABELS = {
    "title": "Tên hội nghị", "organisation": "Cơ quan tổ chức", "parent": "Cơ quan cấp trên",
    "place_name": "Tên xã (địa danh)", "date": "Ngày họp", "start": "Giờ bắt đầu",
    "end": "Giờ kết thúc", "venue": "Địa điểm", "chairs": "Chủ trì", "secretary": "Thư ký",
    "signer": "Người ký kế hoạch", "attendance": "Thành phần tham dự", "programme": "Chương trình",
    "topics": "Nội dung tiếp xúc, đối thoại",
}
_PARTS = {"name": "họ tên", "title": "chức vụ", "group": "nhóm", "invited": "số người mời",
          "total": "tổng số dự kiến", "content": "nội dung", "lead": "người điều hành",
          "minutes": "số phút", "dialogue": "bước đối thoại"}


def field_label(name: str) -> str:
    """Vietnamese label of a field path: "chairs[1].name" -> "Chủ trì 2 – họ tên"."""
    match = re.fullmatch(r"(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", name)
    if not match:
        return name
    head, index, part = match.groups()
    label = _LABELS.get(head, head)
    if index is not None:
        label += f" {int(index) + 1}"
    if part:
        label += f" – {_PARTS.get(part, part)}"
    return label


def _lines_ref(finding: Finding) -> str:
    if finding.end_line and finding.end_line != finding.line:
        return f"dòng {finding.line}–{finding.end_line}"
    return f"dòng {finding.line}"


def _shown(result: ImportResult, finding: Finding) -> str:
    plan = result.plan
    value = {
        "date": plan.date and f"{plan.date:%d/%m/%Y}",
        "start": plan.start and f"{plan.start:%H:%M}",
        "end": plan.end and f"{plan.end:%H:%M}",
        "title": plan.title, "organisation": plan.organisation, "parent": plan.parent,
        "place_name": plan.place_name, "venue": plan.venue,
        "attendance.total": plan.invited_total is not None and f"{plan.invited_total} người",
    }.get(finding.field)
    invited = re.fullmatch(r"attendance\[(\d+)\]\.invited", finding.field)
    if invited:
        value = f"{plan.attendance[int(invited.group(1))].invited} người"
    minutes = re.fullmatch(r"programme\[(\d+)\]\.minutes", finding.field)
    if minutes:
        value = f"{plan.programme[int(minutes.group(1))].minutes} phút"
    if finding.field.endswith(".dialogue"):
        value = "có (dialogue = true)"
    if not value:
        return f"“{finding.value}”"
    if value == finding.value:
        return f"“{value}”"
    return f"{value}  (văn bản: “{finding.value}”)"


def report_lines(result: ImportResult) -> list[str]:
    """What was found (with its line) and what was not, field by field, in Vietnamese."""
    out = [f"Đọc kế hoạch từ tệp {result.source}:"]
    if result.findings:
        out.append(f"Đã tìm thấy ({len(result.findings)} mục):")
        for finding in result.findings:
            line = f"  - {field_label(finding.field)} ({_lines_ref(finding)}): {_shown(result, finding)}"
            if finding.note:
                line += f" — {finding.note}"
            out.append(line)
    else:
        out.append("Không tìm thấy mục nào của kế hoạch trong tệp.")
    if result.missing:
        out.append(f"Chưa tìm thấy hoặc chưa chắc ({len(result.missing)} mục) — cần điền trong tệp kế hoạch:")
        out.extend(f"  - {field_label(m.field)}: {m.note}" for m in result.missing)
    else:
        out.append("Đã tìm thấy đủ các mục.")
    return out


# -- the plan file ---------------------------------------------------------------------

def _comment(text: str, limit: int = 160) -> str:
    """Text safe inside a TOML comment: one line, no control characters, bounded."""
    text = text.replace("\t", " | ")
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") else c for c in text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "hour"):
        return value.strftime("%H:%M:%S")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return toml_string(str(value))


class _Writer:
    def __init__(self, result: ImportResult):
        self.result = result
        self.out: list[str] = []

    def sources(self, name: str) -> None:
        for finding in self.result.findings:
            if finding.field == name:
                note = f" — {_comment(finding.note, 200)}" if finding.note else ""
                self.out.append(f"# {_lines_ref(finding)}: “{_comment(finding.source_text)}”{note}")

    def key(self, name: str, key: str, value: object, required: bool, default_note: str = "") -> None:
        self.sources(name)
        proposal = (self.result.missing_note(name) or "").startswith("đề xuất")
        if value is not None and value != "" and not proposal:  # a proposal stays commented out
            self.out.append(f"{key} = {_toml_value(value)}")
            return
        note = self.result.missing_note(name) or default_note
        if required and not proposal:
            self.out.append(f"# {key} = ?  (chưa tìm thấy: {_comment(note or 'không có trong kế hoạch', 300)})")
        elif note:
            self.out.append(f"# {key} = ?  ({_comment(note, 300)})")


def result_to_toml(result: ImportResult) -> str:
    """The plan found, as a plan file to complete: unknown keys are commented out."""
    plan, w = result.plan, _Writer(result)
    out = w.out
    out += [
        _comment(f"# Kế hoạch đọc từ tệp {result.source} (doithoai import-plan).", 400),
        "# Mỗi giá trị có ghi dòng lấy ra trong văn bản gốc: hãy đối chiếu.",
        "# Dòng \"# khóa = ?\" là mục chưa tìm thấy: điền giá trị, rồi xóa \"# \" ở đầu dòng.",
        "# Tệp sẽ không nạp được cho đến khi điền đủ các mục bắt buộc.",
        "",
        "[meeting]",
    ]
    for key, required in (("title", True), ("organisation", True), ("parent", False),
                          ("place_name", True), ("venue", True), ("date", True), ("start", True),
                          ("end", False)):
        w.key(key, key, getattr(plan, key), required)
    if plan.topics:
        out += ["", "# Nội dung tiếp xúc, đối thoại theo kế hoạch (định dạng kế hoạch không có khóa cho mục này):"]
        for n, topic in enumerate(plan.topics):
            finding = result.finding(f"topics[{n}]")
            ref = f" ({_lines_ref(finding)})" if finding else ""
            out.append(_comment(f"#   {n + 1}. {topic}{ref}", 400))
    signer = result.finding("signer")
    if signer:
        out += ["", _comment(f"# Người ký kế hoạch: {plan.signer_name} ({plan.signer_title}), "
                             f"{_lines_ref(signer)}.", 400)]
    chairs = plan.chairs or []
    if not chairs:
        out += ["", _comment(f"# Chưa tìm thấy chủ trì: {result.missing_note('chairs') or ''}", 400),
                "# [[chairs]]", "# name = ?", "# title = ?"]
    for n, chair in enumerate(chairs):
        out += ["", "[[chairs]]"]
        w.key(f"chairs[{n}].name", "name", chair.name, True)
        w.key(f"chairs[{n}].title", "title", chair.title, True)
    out += ["", "[secretary]"]
    w.key("secretary.name", "name", plan.secretary_name, True)
    w.key("secretary.title", "title", plan.secretary_title, False, "không bắt buộc")
    total = result.finding("attendance.total")
    if total:
        out += ["", _comment(f"# Tổng số đại biểu dự kiến: {plan.invited_total} ({_lines_ref(total)}: "
                             f"“{total.value}”; {total.note})", 400)]
    note = result.missing_note("attendance")
    if note:
        out += ["", _comment(f"# Thành phần tham dự: {note}", 400)]
    for n, group in enumerate(plan.attendance):
        out += ["", "[[attendance]]"]
        w.key(f"attendance[{n}].group", "group", group.group, True)
        w.key(f"attendance[{n}].invited", "invited", group.invited, False, "không ghi số người")
    if not plan.programme:
        out += ["", _comment(f"# Chưa tìm thấy chương trình: {result.missing_note('programme') or ''}", 400),
                "# Thêm từng bước; bước Nhân dân phát biểu, đối thoại có dialogue = true.",
                "# [[programme]]", "# content = ?", "# lead = ?", "# dialogue = true"]
    else:
        note = result.missing_note("programme.dialogue")
        if note:
            out += ["", _comment(f"# {note}: đặt dialogue = true ở bước đó.", 400)]
    for n, step in enumerate(plan.programme):
        out += ["", "[[programme]]"]
        w.key(f"programme[{n}].content", "content", step.content, True)
        w.key(f"programme[{n}].lead", "lead", step.lead, False)
        w.key(f"programme[{n}].minutes", "minutes", step.minutes, False)
        if step.dialogue:
            w.key(f"programme[{n}].dialogue", "dialogue", True, False)
    return "\n".join(out) + "\n"
