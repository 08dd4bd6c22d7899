"""A line of a plan document as the reader sees it (a part of plan_source).

NFC; the markup text conversions leave behind (``**bold**``, ``<b>``, ``## ``, bookmarks) removed;
control characters turned into spaces; and the decoration of a pasted post or a drawn frame
(emoji, pictographs, dingbats, keycap digits, box-drawing lines, hashtags) removed or read as
what it stands for: a keycap or a line-start symbol before an item is a list marker, a box's
vertical line a cell separator.
"""

from __future__ import annotations

import re
import unicodedata

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,80})?/?>")
_HEADING_HASH = re.compile(r"^\s{0,3}#{1,6}\s+")
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
# control characters (but the tab), line/paragraph separators and non-breaking spaces
_SPACE_LIKE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u00a0\u2007\u202f]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\ufe0e\ufe0f"), None)
# decoration a pasted post or a drawn frame leaves: emoji and pictographs ("⏰ Thời gian:", "📍"),
# miscellaneous symbols, dingbats and box-drawing lines. At the start of a line before a label
# ("📍 Địa điểm:") or a heading in capitals it is dropped; before anything else ("🔹 Khai mạc",
# "✅ Đại diện …") its last symbol is kept as the item's list marker. Not the bullets _BULLET reads (●, ■, ►, ✓).
PICTURE = "\U0001f000-\U0001faff\u2300-\u23ff\u2500-\u259f\u2600-\u26ff\u2700-\u2712\u2714-\u27bf\u2b00-\u2bff"
# a table drawn with box characters: its vertical lines separate cells like a Markdown "|"
_BOX_BAR = str.maketrans(dict.fromkeys(map(ord, "\u2502\u2503\u2551"), "|"))
_DECORATION = re.compile(f"(?<![ \t])[ \t]*[{PICTURE}]+[ \t]*")  # a run of spaces tried once: linear
# a keycap digit ("1️⃣ Khai mạc", the variation selector already gone) numbers a list item
_KEYCAP = re.compile("([0-9])\u20e3|\U0001f51f")
# a hashtag ("#ĐốiThoạiVớiDân"): a tag of a post, not part of any sentence
_HASHTAG = re.compile(r"(?<![\w#&/])#(?=[^\W\d_])\w+")
# what a conversion leaves for a Word bookmark: "[bookmark: _GoBack]", "{#_GoBack .anchor}"
_BOOKMARK = re.compile(r"\[bookmark:\s*[^\]]{0,80}\]|\{#[\w.-]{1,80}(?:\s+\.anchor)?\}|\[\]\{#[\w.-]{1,80}\s+\.anchor\}")

# any character one of the steps below acts on: most lines have none and are only trimmed
_NEEDS_CLEANING = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029"
                             "\u00a0\u2007\u202f<>#*_\\\\\\[{\ufe0e\ufe0f\u20e3" + PICTURE + "]")


def clean_line(raw: str) -> str:
    """One line as the reader sees it: NFC, markup removed, outer whitespace trimmed."""
    text = raw if unicodedata.is_normalized("NFC", raw) else unicodedata.normalize("NFC", raw)
    if not _NEEDS_CLEANING.search(text):
        return text.strip()
    text = text.translate(_INVISIBLE)
    text = _SPACE_LIKE.sub(" ", text)
    text = _BOOKMARK.sub("", text)
    text = _KEYCAP.sub(_keycap, text).translate(_BOX_BAR)
    text = _DECORATION.sub(_between, text)
    text = _HASHTAG.sub("", text)
    text = _TAG.sub("", text)
    text = _HEADING_HASH.sub("", text)
    text = text.replace("**", "").replace("__", "")
    text = _ITALIC.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return text.strip()


def _keycap(match: re.Match) -> str:
    """A keycap digit as the number it shows, a list marker when it starts the line."""
    number = match.group(1) or "10"
    at_start = match.start() < 8 and not match.string[:match.start()].strip()  # bounded: linear
    return number + "." if at_start else number


def _between(match: re.Match) -> str:
    """Decoration removed: one space kept where it stood between two words; at the start of a line
    that is no label or heading, its last symbol kept as a list marker."""
    text, end = match.string, match.end()
    if match.start() > 0:  # the pattern takes the spaces before it: 0 is the start of the line
        return " " if end < len(text) else ""
    rest = text[end:]
    if not rest.strip() or _LABEL_NEXT.match(rest) or is_caps(_DECORATION.sub("", rest)):
        return ""
    return match.group().strip()[-1] + " "  # one list's items share their symbol ("🔹", "✅")


# a field's label after line-start decoration ("Thời gian:", "Nội dung chính:", "Mời tham dự:"); not a
# list item with a colon ("✅ Cử tri tổ 5: 60 người"), whose symbol is its list marker
_LABEL_NEXT = re.compile(r"(?:thời\s+gian|ngày\s+giờ|địa\s+điểm|chủ\s+trì|chủ\s+tọa|chủ\s+toạ|thư\s+k[ýí]|thành\s+phần"
                         r"|(?:kính\s+)?mời(?:\s+tham)?\s+dự|người\s+dự|khách\s+mời|đối\s+tượng|số\s+lượng|nội\s+dung"
                         r"|chương\s+trình|trình\s+tự|tiến\s+trình|hình\s+thức|liên\s+hệ|ghi\s+chú|lưu\s+ý)"
                         r"(?:[\s,]+[^\W\d]+){0,4}?\s*:(?!\d)", re.IGNORECASE)


def is_caps(text: str) -> bool:
    if text != text.upper():
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)
