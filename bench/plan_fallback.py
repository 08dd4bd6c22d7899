"""The reader's fallbacks alone (intake/plan_fallback.py): the rules for the chairs, the secretary,
the attendance groups and the programme turned off, over tests/plan_corpus (issue 15).

The corpus reads every field with the rules; how much of it the fallbacks find without them,
and how much they invent, estimates how they will do on a hand whose wording no rule knows.

    python bench/plan_fallback.py            # per field: right / stated, invented
    python bench/plan_fallback.py --list     # also every field read wrong or invented

Not a test: it prints, it does not assert.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intake.plan_extract import extract  # noqa: E402
from intake.plan_fallback import FIELDS  # noqa: E402
from intake.plan_source import read_lines  # noqa: E402
from tests.reader_corpus import Score, corpus_documents, expected_of, score  # noqa: E402

SHOWN = ("chairs.name", "chairs.title", "secretary", "attendance", "programme", "dialogue_step")


def field_of(line: str) -> str:
    """The field an invented value is for, from reader_corpus's message."""
    rest = line.split(": ", 1)[1]
    for name, prefix in (("chairs", "chairs["), ("chairs", "thêm chủ trì"), ("secretary", "secretary "),
                         ("attendance", "attendance"), ("programme", "programme"), ("dialogue_step", "dialogue_step")):
        if rest.startswith(prefix):
            return name
    return rest.split(" ", 1)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list every field read wrong or invented")
    args = parser.parse_args()
    total = Score()
    documents = corpus_documents()
    for path in documents:
        plan, _findings, _missing = extract(read_lines(path), rules_off=frozenset(FIELDS))
        total.add(score(path.name, expected_of(path), SimpleNamespace(plan=plan)))
    invented: dict[str, int] = {}
    for line in total.invented:
        invented[field_of(line)] = invented.get(field_of(line), 0) + 1
    print(f"Fallbacks alone over the corpus ({len(documents)} documents), rules off for: {', '.join(FIELDS)}")
    print(f"{'field':<15}{'right':>7}{'/ stated':>10}{'share':>8}{'invented':>10}")
    for name in SHOWN:
        right, stated = total.right.get(name, 0), total.stated.get(name, 0)
        key = name.split(".")[0]
        inv = invented.get(key, 0) if name != "chairs.title" else 0
        print(f"{name:<15}{right:>7}{stated:>10}{right / stated if stated else 0:>8.1%}{inv:>10}")
    others = {k: v for k, v in invented.items() if k not in ("chairs", "secretary", "attendance", "programme", "dialogue_step")}
    if others:
        print(f"(invented in other fields: {others})")
    if args.list:
        for line in total.wrong:
            if line.split(": ", 1)[1].split(" ", 1)[0] in SHOWN:
                print(f"  wrong/missing {line}")
        for line in total.invented:
            print(f"  invented {line}")


if __name__ == "__main__":
    main()
