"""Nơi nhận of the notice and of the minutes.

The plan's lists come first, as typed ("UBND huyện (b/c)"); without them, the
defaults, and for the notice every agency assigned a task (lead and co-agency).
Forwarded opinions add the higher level they go to, reported to ("(b/c)"), unless
the list already names it. "Lưu: ..." stays last.
"""

from __future__ import annotations

import unicodedata

from db.models import MeetingRecord, Outcome

from .facts import level_of

MINUTES_DEFAULT = ("Chủ tọa hội nghị", "Lưu: VT, Hồ sơ")
REPORTED = "(b/c)"


def _key(item: str) -> str:
    text = unicodedata.normalize("NFC", item).replace(REPORTED, "").strip(" -;.").casefold()
    return " ".join(text.split())


def _agencies(record: MeetingRecord) -> list[str]:
    out: list[str] = []
    for op in record.opinions:
        if op.outcome is Outcome.ASSIGNED:
            out += [a.strip() for a in (op.agency, op.co_agency) if a and a.strip()]
    return list(dict.fromkeys(out))


def higher_levels(record: MeetingRecord) -> list[str]:
    """Where forwarded opinions go: their agencies, else the body above the commune."""
    forwarded = [op for op in record.opinions if op.outcome is Outcome.FORWARDED]
    if not forwarded:
        return []
    named = [op.agency.strip() for op in forwarded if op.agency and op.agency.strip()]
    if len(named) < len(forwarded):
        named.append(record.meeting.parent.strip() if record.meeting.parent else "Cấp có thẩm quyền")
    return list(dict.fromkeys(named))


def _add(items: list[str], extra: list[str]) -> list[str]:
    """`extra` items not already named, before a closing 'Lưu: ...'."""
    known = {_key(item) for item in items}
    new = [item for item in extra if _key(item) not in known]
    new = list(dict.fromkeys(new))
    archive = [i for i, item in enumerate(items) if _key(item).startswith("lưu")]
    at = archive[-1] if archive else len(items)
    return items[:at] + new + items[at:]


def notice_recipients(record: MeetingRecord) -> tuple[str, ...]:
    level = level_of(record.meeting.organisation)
    if record.notice_recipients:
        items = list(record.notice_recipients)
    else:
        items = _add([f"Thường trực Đảng ủy, HĐND {level}", f"Ủy ban MTTQ Việt Nam {level}"],
                     _agencies(record)) + ["Các thôn, tổ dân phố", "Lưu: VT"]
    return tuple(_add(items, [f"{level_name} {REPORTED}" for level_name in higher_levels(record)]))


def minutes_recipients(record: MeetingRecord) -> tuple[str, ...]:
    items = list(record.minutes_recipients) if record.minutes_recipients else list(MINUTES_DEFAULT)
    return tuple(_add(items, [f"{level_name} {REPORTED}" for level_name in higher_levels(record)]))
