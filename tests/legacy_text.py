"""Encoders for the old Vietnamese font encodings, to build test files (TCVN3 "ABC"
and VNI-Windows): Unicode text in, the bytes a 1990s keyboard driver wrote out."""

from __future__ import annotations

import unicodedata

_TCVN3_LOWER = {
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9, "ă": 0xA8, "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD,
    "ắ": 0xBE, "ặ": 0xC6, "â": 0xA9, "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB, "đ": 0xAE,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1, "ê": 0xAA, "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4,
    "ế": 0xD5, "ệ": 0xD6, "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE, "ò": 0xDF, "ỏ": 0xE1,
    "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4, "ô": 0xAB, "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE, "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2,
    "ú": 0xF3, "ụ": 0xF4, "ư": 0xAD, "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9, "ỳ": 0xFA,
    "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE, "Ă": 0xA1, "Â": 0xA2, "Đ": 0xA7, "Ê": 0xA3, "Ô": 0xA4,
    "Ơ": 0xA5, "Ư": 0xA6,
}
# VNI-Windows: a plain letter followed by a mark byte.
_VNI_MARKS = {"\u0300": "ø", "\u0301": "ù", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_SHAPES = {"\u0306": "ê", "\u0302": "â", "\u031b": "ô"}  # breve, circumflex, horn (approx.)


def tcvn3_bytes(text: str) -> bytes:
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_LOWER:
            out.append(_TCVN3_LOWER[ch])
        elif ch.lower() in _TCVN3_LOWER and ch.isupper():  # TCVN3 has few capitals: the .VnTimeH font
            out.append(_TCVN3_LOWER[ch.lower()])
        else:
            out += ch.encode("ascii", "replace")
    return bytes(out)


def tcvn3_as_unicode(text: str) -> str:
    """What an .xlsx cell holds when typed with a .VnTime font: the bytes as Latin-1."""
    return tcvn3_bytes(text).decode("latin-1")


def vni_as_unicode(text: str) -> str:
    """VNI text as Unicode (each mark byte read as Latin-1): 'Nguyeãn' for 'Nguyễn'."""
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if ch in ("đ", "Đ"):
            out.append("ñ" if ch == "đ" else "Ñ")
        elif ch in _VNI_MARKS:
            out.append(_VNI_MARKS[ch])
        elif ch in _VNI_SHAPES:
            out.append(_VNI_SHAPES[ch].replace("ê", "ä").replace("â", "ä").replace("ô", "ö"))
        else:
            out.append(ch)
    return "".join(out)
