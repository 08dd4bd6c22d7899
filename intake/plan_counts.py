"""Where an attendance item's head count is, and what is only a count (a part of the plan reader).

"A: 15 người", "A (03 người)", "A; số lượng: 03 đồng chí", "A: mỗi tổ 06 người x 14 tổ = 84 người",
"Thành phần (khoảng 120 người): …": the spans of plan_attendance's items that hold a count.
"""

from __future__ import annotations

import re

from .plan_dates import find_counts

_I = re.IGNORECASE


def drop_counts(text: str, counts) -> str:
    for count in reversed(counts):
        text = text[:count.start] + text[count.end:]
    return text


# a bracket that ends a list item: "… Đồn Biên phòng Cửa Đại (03 người)."
LAST_BRACKET = re.compile(r"\((?P<count>[^()]{1,40})\)\s*[.;]?\s*$")


# "…; số lượng" ending an item's label: the words before name the group, the count follows the colon
COUNT_WORD = re.compile(r"\s*[;,]\s*(?:số\s+lượng|số\s+người)(?:\s+(?:mời|dự\s+kiến|tham\s+dự))?\s*$", _I)
# "Thành phần (khoảng 120 người):": a total in brackets between the label and its colon
HEAD_TOTAL = re.compile(r"\s*\((?P<count>[^()]{1,40})\)\s*:\s*")
# a reckoning before the count: "06 người x 14 tổ = ", "03 người/thôn x 8 thôn = " (factors, then "=")
PRODUCT = re.compile(r"(?<!\w)\d{1,5}[^=():;\d]{0,30}\s[x×*]\s\d{1,5}[^=():;\d]{0,30}=\s*(?=\d)", _I)


def count_span(text: str, start: int) -> tuple[int, int]:
    """Where a head count after a label's colon is: "mời 18 người (01 đại diện/đơn vị)" is 18 people
    invited, the leading "mời" and a remark in brackets after the count set aside."""
    lead = re.match(r"\s*(?:kính\s+)?mời\s+", text[start:start + 20], _I)
    begin = start + lead.end() if lead else start
    product = PRODUCT.search(text, begin)
    if product:  # "mỗi tổ 06 người x 14 tổ = 84 người": the count is the result
        begin = product.end()
    bracket = LAST_BRACKET.search(text, begin)
    end = bracket.start() if bracket and find_counts(text[begin:bracket.start()]) else len(text)
    return begin, end


def only_count(text: str) -> bool:
    """The text is one head count and nothing else ("10 người.", "khoảng 20 đồng chí;")."""
    text = re.sub(r"^\s*(?:kính\s+)?mời\s+", "", text, flags=_I)  # "… chính: mời 62 người;"
    counts = find_counts(text[:200]) if len(text) < 200 else []
    rest = re.sub(r"[\s.,;:()]|dự\s+kiến|khoảng", "", drop_counts(text, counts), flags=_I)
    return len(counts) == 1 and not rest
