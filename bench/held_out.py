"""Score the plan reader on plans kept out of its tuning (tests/plan_held_out*/).

Each folder holds plan.txt and/or plan.docx and an expected.json written blind, before
any scoring; the rules are tests/plan_held_out/SCORING.md, applied here:

- text compared after NFC, whitespace and dash normalisation, case-insensitive,
  trailing punctuation ignored;
- title: a leading "Tổ chức" / "Về việc tổ chức" / "V/v tổ chức" may be dropped;
- venue: must start with the named hall; a trailing address may be dropped;
- attendance group: with or without a leading "Đại diện" / "Mời dự"; count exact;
- chairs matched in any order (by name, else by title); a chair proposed from the
  signer counts as right;
- invented: a value for a field the document does not state, each extra attendance
  group or programme step once.

Not a test (nothing asserts the score): it measures how the reader does on styles it was
not written for (issue 15).

    python bench/held_out.py [FOLDER ...]     # default: every tests/plan_held_out*/*/
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intake.plan_documents import read_plan_document  # noqa: E402

MEETING = ("title", "organisation", "parent", "place_name", "venue", "date", "start", "end")
DASHES = re.compile(r"\s*[-‐‑‒–—―]\s*")
TITLE_LEAD = re.compile(r"^(về việc |v/v |vv )?tổ chức ")
GROUP_LEAD = re.compile(r"^(đại diện|mời dự|mời)\s+")


def norm(value) -> str | None:
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value)).casefold()
    text = DASHES.sub(" - ", " ".join(text.split()))
    return text.strip(" .;,:")


def same_title(want, got) -> bool:
    a, b = norm(want), norm(got)
    return b is not None and TITLE_LEAD.sub("", a) == TITLE_LEAD.sub("", b)


def same_venue(want, got) -> bool:
    a, b = norm(want), norm(got)
    if b is None:
        return False
    if b.startswith(a):  # the hall, maybe followed by its address
        return True
    rest = a[len(b):] if a.startswith(b) else None
    return bool(b) and rest is not None and rest.lstrip()[:1] in (",", "(", "-")


def same_group(want, got) -> bool:
    a, b = norm(want), norm(got)
    return b is not None and GROUP_LEAD.sub("", a) == GROUP_LEAD.sub("", b)


def same(want, got) -> bool:
    return norm(want) == norm(got)


@dataclass
class Tally:
    stated: int = 0
    right: int = 0
    lines: list[str] = field(default_factory=list)
    invented: int = 0

    def check(self, name: str, want, got, ok: bool) -> None:
        if want is None:
            if got not in (None, "", []):
                self.invented += 1
                self.lines.append(f"  invented {name}: got={got!r}")
            return
        self.stated += 1
        if ok:
            self.right += 1
        else:
            kind = "missing" if got in (None, "") else "wrong  "
            self.lines.append(f"  {kind}  {name}: expected={want!r} got={got!r}")


def score(expected: dict, result) -> Tally:
    plan, tally = result.plan, Tally()
    got_meeting = {
        "title": plan.title, "organisation": plan.organisation, "parent": plan.parent,
        "place_name": plan.place_name, "venue": plan.venue,
        "date": plan.date and plan.date.isoformat(),
        "start": plan.start and plan.start.strftime("%H:%M"),
        "end": plan.end and plan.end.strftime("%H:%M"),
    }
    want_meeting = expected.get("meeting", {})
    for name in MEETING:
        want, got = want_meeting.get(name), got_meeting[name]
        test = {"title": same_title, "venue": same_venue}.get(name, same)
        tally.check(f"meeting.{name}", want, got, want is not None and test(want, got))

    chairs = [{"name": c.name, "title": c.title} for c in plan.chairs]
    for i, want in enumerate(expected.get("chairs", []), 1):
        match = _take(chairs, lambda c: (want.get("name") and same(want["name"], c["name"]))
                      or (not want.get("name") and same(want.get("title"), c["title"])))
        match = match or (chairs.pop(0) if chairs else {"name": None, "title": None})
        for part in ("name", "title"):
            tally.check(f"chairs[{i}].{part}", want.get(part), match[part],
                        want.get(part) is not None and same(want[part], match[part]))
    for extra in chairs:
        tally.check("chairs[+]", None, extra, False)

    secretary = expected.get("secretary") or {}
    tally.check("secretary.name", secretary.get("name"), plan.secretary_name,
                secretary.get("name") is not None and same(secretary.get("name"), plan.secretary_name))
    tally.check("secretary.title", secretary.get("title"), plan.secretary_title,
                secretary.get("title") is not None and same(secretary.get("title"), plan.secretary_title))

    groups = [{"group": g.group, "invited": g.invited} for g in plan.attendance]
    for i, want in enumerate(expected.get("attendance", []), 1):
        match = _take(groups, lambda g: same_group(want["group"], g["group"])) \
            or _take(groups, lambda g: want.get("invited") is not None and g["invited"] == want["invited"]) \
            or {"group": None, "invited": None}
        tally.check(f"attendance[{i}].group", want["group"], match["group"],
                    same_group(want["group"], match["group"]))
        tally.check(f"attendance[{i}].invited", want.get("invited"), match["invited"],
                    want.get("invited") == match["invited"])
    for extra in groups:
        tally.check("attendance[+]", None, extra["group"], False)

    steps = list(plan.programme)
    dialogue_want = None
    for i, want in enumerate(expected.get("programme", []), 1):
        have = steps[i - 1] if i <= len(steps) else None
        if want.get("dialogue"):
            dialogue_want = i
        tally.check(f"programme[{i}].content", want.get("content"), have and have.content,
                    have is not None and same(want.get("content"), have.content))
        tally.check(f"programme[{i}].lead", want.get("lead"), have and have.lead,
                    have is not None and same(want.get("lead"), have.lead))
        tally.check(f"programme[{i}].minutes", want.get("minutes"), have and have.minutes,
                    have is not None and want.get("minutes") == have.minutes)
    for extra in steps[len(expected.get("programme", [])):]:
        tally.check("programme[+]", None, extra.content, False)
    dialogue_got = next((n for n, s in enumerate(plan.programme, 1) if s.dialogue), None)
    if dialogue_want is not None:
        tally.check("programme.dialogue_step", dialogue_want, dialogue_got, dialogue_want == dialogue_got)
    return tally


def _take(items: list, predicate):
    for i, item in enumerate(items):
        if predicate(item):
            return items.pop(i)
    return None


def folders(args: list[str]) -> list[Path]:
    if args:
        return [Path(a) for a in args if (Path(a) / "expected.json").is_file()]
    return sorted(p.parent for p in ROOT.glob("tests/plan_held_out*/*/expected.json"))


def main() -> int:
    total_stated = total_right = total_invented = 0
    for folder in folders(sys.argv[1:]):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        for plan in sorted(folder.glob("plan.*")):
            if plan.suffix not in (".txt", ".docx"):
                continue
            tally = score(expected, read_plan_document(plan))
            print(f"== {folder.parent.name}/{folder.name}/{plan.name}")
            print("\n".join(tally.lines) or "  (every stated field right)")
            print(f"stated={tally.stated} right={tally.right} "
                  f"wrong/missing={tally.stated - tally.right} invented={tally.invented}")
            total_stated += tally.stated
            total_right += tally.right
            total_invented += tally.invented
    if total_stated:
        print(f"\nTotal: {total_right}/{total_stated} stated fields right "
              f"({100 * total_right / total_stated:.0f}%), {total_invented} invented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
