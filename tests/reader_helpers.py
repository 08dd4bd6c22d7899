"""Helpers shared by the plan reader's tests (tests/test_intake_reader_*.py)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import tests.conftest as conftest
from intake.plan_documents import ImportResult, read_plan_document

FIXTURES = Path(__file__).resolve().parent / "plan_documents"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def seed(prefix: str) -> Path:
    """A real plan of ../shared/seeds; the test is skipped when it is not beside the checkout."""
    return conftest.seed_file(prefix)


def seed_sources() -> list[Path]:
    seeds = conftest.SEEDS
    return sorted(seeds.glob("*.txt")) if seeds.is_dir() else []


def toml_sources() -> list[Path]:
    """The plans the TOML and property tests read: tests/plan_documents and the seeds when present."""
    return sorted(FIXTURES.glob("*.txt")) + seed_sources()


def build_docx(text: str, path: Path) -> Path:
    """A .docx with one paragraph per line; runs of tab-separated lines become a real table."""
    import docx

    document = docx.Document()
    body = document.element.body
    for p in list(body.iterchildren()):  # the template's empty paragraph
        if p.tag.endswith("}p"):
            body.remove(p)
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if "\t" in lines[i]:
            rows = []
            while i < len(lines) and "\t" in lines[i]:
                rows.append([re.sub(r"</?b>", "", c).strip() for c in lines[i].split("\t")])
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    run = table.cell(r, c).paragraphs[0].add_run(value)
                    run.bold = r == 0
            continue
        document.add_paragraph(lines[i])
        i += 1
    document.save(str(path))
    return path


def read_both(source: Path, tmp_path: Path) -> tuple[ImportResult, ImportResult]:
    """The document read as .txt and as a .docx built from it; both must agree."""
    as_text = read_plan_document(source)
    as_docx = read_plan_document(build_docx(source.read_text(encoding="utf-8"), tmp_path / "plan.docx"))
    assert [(f.field, f.value, f.line) for f in as_docx.findings] == \
        [(f.field, f.value, f.line) for f in as_text.findings]
    assert as_docx.plan == as_text.plan
    assert as_docx.missing == as_text.missing
    return as_text, as_docx


def summary(result: ImportResult) -> dict:
    plan = result.plan
    return {
        "title": plan.title, "organisation": plan.organisation, "parent": plan.parent,
        "place_name": plan.place_name, "venue": plan.venue, "date": plan.date,
        "start": plan.start, "end": plan.end,
        "chairs": [(c.name, c.title) for c in plan.chairs],
        "secretary": (plan.secretary_name, plan.secretary_title),
        "signer": (plan.signer_name, plan.signer_title),
        "attendance": [(g.group, g.invited) for g in plan.attendance],
        "invited_total": plan.invited_total,
        "programme": [(s.content, s.lead, s.minutes, s.dialogue) for s in plan.programme],
        "topics": len(plan.topics),
    }


def lines_of(result: ImportResult) -> dict[str, int]:
    return {f.field: f.line for f in result.findings}


def missing_of(result: ImportResult) -> set[str]:
    return {m.field for m in result.missing}


def check_nothing_invented(result: ImportResult) -> None:
    for finding in result.findings:
        assert finding.value.strip(), finding
        assert nfc(finding.value) in nfc(finding.source_text), finding
        last = finding.end_line or finding.line
        assert finding.source_text == " ".join(
            line for line in result.lines[finding.line - 1:last] if line), finding

