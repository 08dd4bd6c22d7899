"""Text typed with the old Vietnamese font encodings (TCVN3 "ABC" and VNI), which a
computer reads as Unicode without complaint and shows as mojibake: "NguyÔn V¨n An"
(TCVN3), "Nguyeãn Vaên An" (VNI). Detected so it is refused with a clear sentence
instead of being imported silently.

Both leave Latin-1 letters and signs that Vietnamese never uses (® ¨ © ª « ¬ for
đ ă â ê ô ơ in TCVN3; ä ø ï ö ñ ë for tones and đ in VNI), while genuine Vietnamese
text is full of letters from U+0102-U+01B0 and U+1EA0-U+1EF9 that neither produces.
"""

from __future__ import annotations

import unicodedata

#: Latin-1 characters Vietnamese text never holds, but TCVN3 and VNI text does.
_TCVN3 = set("¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÆÇËÎÏÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþÿ")
_TCVN3_ONLY = set("¨©ª«¬®§¸µ¶·¹")  # ă â ê ô ơ đ Đ and the tones of a in TCVN3
_VNI_ONLY = set("øùûõïäåöñëÑ")  # VNI's tone and letter bytes after a plain vowel
#: Below this many odd characters a text is left alone (a "®" in a company name).
MIN_ODD = 3


def _vietnamese_letters(text: str) -> int:
    return sum(1 for ch in text if "\u0102" <= ch <= "\u01b0" or "\u1ea0" <= ch <= "\u1ef9")


def legacy_encoding(text: str) -> str | None:
    """'TCVN3' or 'VNI' when `text` looks typed in that encoding, else None."""
    text = unicodedata.normalize("NFC", text)
    odd = [ch for ch in text if ch in _TCVN3]
    if len(odd) < MIN_ODD:
        return None
    # Genuine Vietnamese with a few odd signs: many real Vietnamese letters.
    if _vietnamese_letters(text) > 2 * len(odd):
        return None
    vni = sum(1 for i, ch in enumerate(text) if ch in _VNI_ONLY and i and text[i - 1] in "aeiouyAEIOUY")
    tcvn = sum(1 for ch in odd if ch in _TCVN3_ONLY)
    return "VNI" if vni > tcvn else "TCVN3"


def legacy_message(name: str, encoding: str) -> str:
    """The sentence for a sheet or document typed in an old encoding."""
    font = "ABC (.VnTime…)" if encoding == "TCVN3" else "VNI (VNI-Times…)"
    return (f"{name}: chữ trong tệp có vẻ được gõ bằng bảng mã {encoding} (phông {font}), "
            "không phải Unicode, nên sẽ bị lỗi dấu; hãy chuyển mã sang Unicode (ví dụ Unikey: "
            "Công cụ chuyển mã) rồi lưu lại dạng CSV UTF-8 hoặc .xlsx.")
