"""Vietnamese dates and times, safe paragraph text, the header's organisation lines."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from reports.layout import make_styles, organisation_code, organisation_lines
from reports.text import (
    brief,
    escape_user_text,
    place_date_line,
    short_date,
    user_paragraphs,
    vn_date,
    vn_moment,
    vn_time,
)

from .reports_fixtures import bundled_font


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (date(2026, 2, 9), "ngày 09 tháng 02 năm 2026"),
        (date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (date(2026, 3, 1), "ngày 01 tháng 3 năm 2026"),
        (date(2026, 6, 18), "ngày 18 tháng 6 năm 2026"),
        (date(2026, 10, 10), "ngày 10 tháng 10 năm 2026"),
        (date(2026, 12, 9), "ngày 09 tháng 12 năm 2026"),
    ],
)
def test_header_date_takes_leading_zero_for_days_under_10_and_months_1_2(day, expected):
    assert vn_date(day, leading_zero=True) == expected


def test_body_date_has_no_leading_zero():
    assert vn_date("2026-01-05") == "ngày 5 tháng 1 năm 2026"
    assert vn_date(datetime(2026, 6, 18, 11, 5)) == "ngày 18 tháng 6 năm 2026"


def test_place_date_line():
    assert place_date_line("Kè Sắt", "2026-01-05") == "Kè Sắt, ngày 05 tháng 01 năm 2026"
    assert place_date_line("Kè Sắt", date(2026, 6, 15)) == "Kè Sắt, ngày 15 tháng 6 năm 2026"


def test_times_and_moments():
    assert vn_time("07:30") == "7 giờ 30 phút"
    assert vn_time("07:30:00") == "7 giờ 30 phút"
    assert vn_time("2026-06-18T11:05:40") == "11 giờ 05 phút"
    assert vn_time(datetime(2026, 6, 18, 8, 0)) == "8 giờ 00 phút"
    assert vn_moment("2026-06-18T07:32:10") == "7 giờ 32 phút, ngày 18 tháng 6 năm 2026"


def test_deadline_form():
    assert short_date("2026-06-30") == "30/06/2026"
    assert short_date(date(2026, 7, 5)) == "05/07/2026"


def test_escape_turns_markup_into_entities_and_newlines_into_breaks():
    assert escape_user_text("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"
    assert escape_user_text("&amp;") == "&amp;amp;"
    assert escape_user_text("dòng 1\r\ndòng 2") == "dòng 1<br/>dòng 2"
    assert escape_user_text("a\x00b\x07c\td") == "abc d"
    assert escape_user_text(None) == ""


def test_escape_returns_nfc():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")
    assert escape_user_text(decomposed) == "Nguyễn Thị Hồng Nhung"


_MARKUP_BITS = st.sampled_from(["<", ">", "&", ";", "/", "=", '"', "'", "<b>", "</b>", "&amp;", "&#65;",
                                 "<br/>", "<img src='/etc/passwd'/>", "<font size=40>", "ạ", "Đ", " "])
_TEXT = st.lists(
    st.one_of(_MARKUP_BITS, st.characters(blacklist_categories=("Cs", "Cc"),
                                          blacklist_characters="\u2028\u2029")),
    max_size=60,
).map("".join)


@settings(deadline=None)
@given(_TEXT)
def test_any_text_parses_and_prints_literally(text):
    style = make_styles(bundled_font()).body
    para = Paragraph(escape_user_text(text), style)  # must not raise
    expected = " ".join(unicodedata.normalize("NFC", text).split())
    assert " ".join(para.getPlainText().split()) == expected


def test_blank_lines_split_paragraphs():
    style = make_styles(bundled_font()).body
    paras = user_paragraphs("Đoạn một.\n\n  \nĐoạn hai,\ndòng hai.", style)
    assert len(paras) == 2
    assert paras[0].getPlainText() == "Đoạn một."
    assert "Đoạn hai," in paras[1].getPlainText() and "dòng hai." in paras[1].getPlainText()
    assert user_paragraphs("   ", style) == []


def test_brief_cuts_at_a_word():
    text = "một hai ba bốn năm sáu bảy tám chín mười " * 5
    short = brief(text, 40)
    assert short.endswith("…") and len(short) <= 41
    assert text.startswith(short[:-1])
    assert brief("ngắn", 40) == "ngắn"


@pytest.mark.parametrize(
    ("organisation", "parent", "regular", "bold"),
    [
        ("Ủy ban nhân dân xã Kè Sắt", None, [], ["ỦY BAN NHÂN DÂN", "XÃ KÈ SẮT"]),
        ("Ủy ban nhân dân phường Hà Cầu", "", [], ["ỦY BAN NHÂN DÂN", "PHƯỜNG HÀ CẦU"]),
        ("Ủy ban nhân dân thị trấn Lim", None, [], ["ỦY BAN NHÂN DÂN", "THỊ TRẤN LIM"]),
        ("Đảng ủy xã Hưng Chính", None, [], ["ĐẢNG ỦY", "XÃ HƯNG CHÍNH"]),
        ("Ủy ban nhân dân xã Kè Sắt", "Ủy ban nhân dân tỉnh Hải Dương",
         ["ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG"], ["ỦY BAN NHÂN DÂN XÃ KÈ SẮT"]),
    ],
)
def test_organisation_lines(organisation, parent, regular, bold):
    assert organisation_lines(organisation, parent) == (regular, bold)


def test_organisation_code():
    assert organisation_code("Ủy ban nhân dân xã Kè Sắt") == "UBND"
    assert organisation_code("Đảng ủy xã Hưng Chính") == "ĐU"
    assert organisation_code("Ban Chỉ đạo") == "UBND"
