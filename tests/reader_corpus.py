"""The plan corpus (tests/plan_corpus) and how a reading of it is scored.

Each document `X.txt` / `X.docx` has its expected fields in `X.json`. A field the JSON
does not state is expected ABSENT: a value the reader gives for it counts as invented.
Used by tests/test_intake_reader_corpus.py (every document, every field) and by
bench/plan_reader.py (the share of fields read right, per field).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from intake.plan_documents import ImportResult

CORPUS = Path(__file__).resolve().parent / "plan_corpus"
SCALARS = ("title", "organisation", "parent", "place_name", "venue", "date", "start", "end", "secretary")


def corpus_documents() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".docx") and p.with_suffix(".json").exists())


def expected_of(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def norm(value) -> str | None:
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value))
    return " ".join(text.split()).strip(" .;,:").casefold()


def got_fields(result: ImportResult) -> dict:
    """What the reader read, in the corpus's terms."""
    plan = result.plan
    return {
        "title": plan.title, "organisation": plan.organisation, "parent": plan.parent,
        "place_name": plan.place_name, "venue": plan.venue,
        "date": plan.date and plan.date.isoformat(), "start": plan.start and plan.start.strftime("%H:%M"),
        "end": plan.end and plan.end.strftime("%H:%M"), "secretary": plan.secretary_name,
        "chairs": [{"name": c.name, "title": c.title} for c in plan.chairs],
        "attendance": [{"group": g.group, "invited": g.invited} for g in plan.attendance],
        "programme": [s.content for s in plan.programme],
        "dialogue_step": next((n + 1 for n, s in enumerate(plan.programme) if s.dialogue), None),
    }


@dataclass
class Score:
    """Per field name: how many were stated, how many read right; the invented values."""

    stated: dict[str, int] = field(default_factory=dict)
    right: dict[str, int] = field(default_factory=dict)
    wrong: list[str] = field(default_factory=list)  # "doc: field expected … got …"
    invented: list[str] = field(default_factory=list)

    def count(self, doc: str, name: str, expected, got, ok: bool) -> None:
        self.stated[name] = self.stated.get(name, 0) + 1
        if ok:
            self.right[name] = self.right.get(name, 0) + 1
        else:
            self.wrong.append(f"{doc}: {name} cần “{expected}”, đọc được “{got}”")

    def add(self, other: "Score") -> None:
        for name, n in other.stated.items():
            self.stated[name] = self.stated.get(name, 0) + n
        for name, n in other.right.items():
            self.right[name] = self.right.get(name, 0) + n
        self.wrong += other.wrong
        self.invented += other.invented

    @property
    def share(self) -> float:
        total = sum(self.stated.values())
        return sum(self.right.values()) / total if total else 1.0


def score(doc: str, expected: dict, result: ImportResult) -> Score:
    got, out = got_fields(result), Score()
    for name in SCALARS:
        want, have = expected.get(name), got[name]
        if want is None:
            if have is not None:
                out.invented.append(f"{doc}: {name} = “{have}” (văn bản không ghi)")
            continue
        out.count(doc, name, want, have, norm(want) == norm(have))
    chairs = expected.get("chairs", [])
    for i, want in enumerate(chairs):
        have = got["chairs"][i] if i < len(got["chairs"]) else {"name": None, "title": None}
        for part in ("name", "title"):
            if want.get(part) is None:
                if have[part] is not None:
                    out.invented.append(f"{doc}: chairs[{i}].{part} = “{have[part]}” (văn bản không ghi)")
                continue
            out.count(doc, f"chairs.{part}", want[part], have[part], norm(want[part]) == norm(have[part]))
    for extra in got["chairs"][len(chairs):]:
        out.invented.append(f"{doc}: thêm chủ trì {extra}")
    for key, label in (("attendance", "attendance"), ("programme", "programme")):
        wants = expected.get(key, [])
        haves = list(got[key])
        for want in wants:
            match = _take(haves, want)
            out.count(doc, label, want, match, match is not None)
        for extra in haves:
            out.invented.append(f"{doc}: {key} thừa “{extra}”")
    want, have = expected.get("dialogue_step"), got["dialogue_step"]
    if want is not None:
        out.count(doc, "dialogue_step", want, have, want == have)
    elif have is not None and got["programme"]:
        out.invented.append(f"{doc}: dialogue_step = {have} (văn bản không có chương trình)")
    return out


def _take(haves: list, want):
    """Remove and return the item of `haves` equal to `want` (text compared loosely), else None."""
    for i, have in enumerate(haves):
        if isinstance(want, dict):
            same = norm(want["group"]) == norm(have["group"]) and want.get("invited") == have["invited"]
        else:
            same = norm(want) == norm(have)
        if same:
            return haves.pop(i)
    return None
