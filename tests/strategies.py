"""Hypothesis strategies for hostile text: decomposed letters, controls, RTL marks,
emoji, markup, very long strings."""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

VIETNAMESE = ("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợ"
              "ùủũúụừửữứựỳỷỹýỵAĂÂĐÊÔƠƯẮẰẲẴẶẤẦẨẪẬẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ ")
MARKUP = ["<b>", "</b>", "&amp;", "&", "<", ">", "[b]", "[/b]", "[red]", "<img src='/etc/passwd'/>",
          "<font size=40>", "\\", '"', "'", "%s", "{0}"]
ODD = ["\u200f", "\u202e", "\u200b", "\ufeff", "😀", "👨‍👩‍👧", "\x00", "\x07", "\x1b[31m", "\t", "\n", "\r\n",
       "\u0301", "\u0323", "\ud7ff", "\U0001f600"]

vietnamese_text = st.text(alphabet=VIETNAMESE, max_size=80)
decomposed = vietnamese_text.map(lambda s: unicodedata.normalize("NFD", s))
pieces = st.lists(st.one_of(vietnamese_text, decomposed, st.sampled_from(MARKUP), st.sampled_from(ODD),
                            st.text(max_size=20)), max_size=12).map("".join)
hostile = st.one_of(pieces, st.text(max_size=200), decomposed)


def expected_stored(value: str) -> str:
    """What the store keeps of accepted text: NFC, newlines unified, stripped."""
    return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n")).strip()
