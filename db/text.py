"""Text cleaning for everything a person types: NFC, stripped, bounded.

Vietnamese input methods may send decomposed letters (a + combining marks); the
store keeps the precomposed (NFC) form so searching, sorting and printing agree.
"""

from __future__ import annotations

import unicodedata

from .errors import ValidationError

#: Short one-line fields: names, hamlets, agencies, titles.
SHORT = 300
#: Long free text: an opinion, an answer, the chair's conclusion (100 000 characters
#: is about 40 printed pages; anything longer is a paste accident).
LONG = 100_000

_ALLOWED_CONTROLS_MULTILINE = {"\n", "\t"}


def clean(
    value: object,
    label: str,
    *,
    required: bool = True,
    max_len: int = SHORT,
    multiline: bool = False,
) -> str:
    """Return `value` NFC-normalised and stripped, or raise ValidationError naming `label`.

    Refuses control characters (other than newline and tab in multi-line text)
    rather than silently dropping them: the text stays on the user's screen and
    the message says what to fix.
    """
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(label, f"phải là chữ, không phải {type(value).__name__}")
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.strip()
    if required and not text:
        raise ValidationError(label, "không được để trống")
    if len(text) > max_len:
        raise ValidationError(
            label, f"dài {len(text):,} ký tự, vượt giới hạn {max_len:,} ký tự".replace(",", ".")
        )
    allowed = _ALLOWED_CONTROLS_MULTILINE if multiline else set()
    for position, char in enumerate(text):
        if char in allowed:
            continue
        category = unicodedata.category(char)
        if category == "Cc" or category == "Cs":
            what = "xuống dòng" if char == "\n" else f"ký tự điều khiển U+{ord(char):04X}"
            raise ValidationError(label, f"có {what} ở vị trí {position + 1}; hãy xóa ký tự đó")
    return text


def clean_optional(value: object, label: str, **kwargs) -> str | None:
    """Like clean() but an empty value becomes None."""
    text = clean(value, label, required=False, **kwargs)
    return text or None


def sort_key_vietnamese_name(full_name: str) -> tuple:
    """Sort on the given name (last word) first, then the whole name."""
    words = unicodedata.normalize("NFC", full_name).split()
    given = words[-1] if words else ""
    return (_fold(given), _fold(full_name))


def _fold(text: str) -> str:
    # Base letters first, marks second: "an" < "ấn" < "bình".
    decomposed = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d\uffff")
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base + "\x00" + decomposed
