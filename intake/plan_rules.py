"""The rules a whole plan must keep, shared by plan files (TOML) and JSON exports.

Each rule looks at plain values already typed (dates as `date`, times as `time`)
and reports a problem as (place, message), where a place is (table, index, key):
("programme", 0, "dialogue"), ("meeting", None, "end"), ("before", 3, "agency").
A plan file turns a place into a line number, a JSON import into a path such as
`programme[0].dialogue`. The answer rules are the answer form's (db.opinions.record_answer).
"""

from __future__ import annotations

from datetime import time

from db.limits import MAX_STEPS, steps_message
from db.vocabulary import Outcome

Place = tuple[str | None, int | None, str | None]
Problem = tuple[Place, str]

_OUTCOMES = {o.value for o in Outcome}


def answer_problems(item: dict, table: str, index: int | None) -> list[Problem]:
    """The answer form's rules for one answered opinion (`outcome`, `answer`,
    `agency`, `deadline` keys): an unknown outcome, or what the outcome requires and
    is not given (db.vocabulary: the answer text for "answered", the agency and the
    deadline for "assigned")."""
    value = item.get("outcome")
    if not value:
        return []
    if value not in _OUTCOMES:
        return [((table, index, "outcome"), "'outcome' phải là một trong: " + ", ".join(sorted(_OUTCOMES)))]
    outcome = Outcome(value)
    return [((table, index, need.value),
             f"kết quả \"{outcome.value}\" ({outcome.label}) thì phải có '{need.value}' ({need.label})")
            for need in outcome.missing(answer=item.get("answer"), agency=item.get("agency"),
                                        deadline=item.get("deadline"))]


def plan_problems(*, meeting: dict, chairs: list, programme: list[dict | None],
                  before: list[dict | None], fields: list[str]) -> list[Problem]:
    """Every rule over the whole plan. `programme` and `before` hold one dict per item
    (None for an item already refused by its own checks)."""
    problems: list[Problem] = []
    if not chairs:
        problems.append((("chairs", None, None), "chưa có chủ trì: thêm ít nhất một bảng [[chairs]]"))
    if not programme:
        problems.append((("programme", None, None), "chưa có chương trình: thêm các bảng [[programme]]"))
    else:
        if len(programme) > MAX_STEPS:
            problems.append((("programme", MAX_STEPS, None), steps_message(len(programme))))
        dialogue = [i for i, s in enumerate(programme) if s and s.get("dialogue")]
        if not dialogue:
            problems.append((("programme", 0, None),
                             "chưa có bước đối thoại: đặt dialogue = true ở bước Nhân dân phát biểu"))
        for extra in dialogue[1:]:
            problems.append((("programme", extra, "dialogue"), "chỉ được một bước đối thoại (dialogue = true)"))
    start, end = meeting.get("start"), meeting.get("end")
    if isinstance(start, time) and isinstance(end, time) and end <= start:
        problems.append((("meeting", None, "end"),
                         f"giờ kết thúc {end:%H:%M} không sau giờ bắt đầu {start:%H:%M}"))
    for i, item in enumerate(before):
        if not item:
            continue
        if item.get("field") and item["field"] not in fields:
            problems.append((("before", i, "field"), f"lĩnh vực '{item['field']}' không có trong danh sách 'fields'"))
        problems.extend(answer_problems(item, "before", i))
    return problems
