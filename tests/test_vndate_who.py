"""Vietnamese dates and times (db.vndate) and who said it (db.who)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given, strategies as st

from db import vndate
from db.models import Opinion, Source
from db.who import initials, person, who_said


def test_written_forms():
    d = date(2026, 1, 5)
    assert vndate.dmy(d) == "05/01/2026"
    assert vndate.dmy("2026-06-18") == "18/06/2026"
    assert vndate.dmy("2026-06-08", zero=False) == "8/6/2026"
    assert vndate.dmy(None) == ""
    assert vndate.long_date(d) == "ngày 5 tháng 1 năm 2026"
    assert vndate.long_date(d, leading_zero=True) == "ngày 05 tháng 01 năm 2026"
    assert vndate.long_date(date(2026, 3, 5), leading_zero=True) == "ngày 05 tháng 3 năm 2026"
    assert vndate.spoken_time("07:30") == "7 giờ 30 phút"
    assert vndate.spoken_time(time(14, 5)) == "14 giờ 05 phút"
    assert vndate.spoken_moment("2026-06-18T07:30:10") == "7 giờ 30 phút, ngày 18 tháng 6 năm 2026"
    assert vndate.hhmm(time(7, 30)) == "07:30" == vndate.hhmm("07:30:00") == vndate.hhmm("2026-06-18T07:30:59")
    assert vndate.iso_date(datetime(2026, 6, 18, 7, 30)) == "2026-06-18"
    assert vndate.iso_time("07:30:00") == "07:30" and vndate.iso_time("") is None


def test_strict_reading():
    assert vndate.parse_date("18/06/2026") == date(2026, 6, 18)
    assert vndate.parse_date("1.6.2026") == date(2026, 6, 1)
    assert vndate.parse_time("7h30") == time(7, 30)
    for bad, message in [("31/6/2026", "tháng 6/2026 không có ngày 31"), ("1/13/2026", "không có tháng 13"),
                         ("", "chưa nhập ngày"), ("18/06/26", "ngày phải viết dạng")]:
        with pytest.raises(vndate.InputError, match=message):
            vndate.parse_date(bad)
    with pytest.raises(vndate.InputError, match="không có 24 giờ"):
        vndate.parse_time("24:00")


def test_deadline_reading():
    assert vndate.parse_deadline("30/6", 2026) == date(2026, 6, 30)
    assert vndate.parse_deadline("30.06.26", 2026) == date(2026, 6, 30)
    assert vndate.parse_deadline("", 2026) is None
    with pytest.raises(vndate.InputError):
        vndate.parse_deadline("mai", 2026)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_dmy_reads_back(d):
    assert vndate.parse_date(vndate.dmy(d)) == d
    assert vndate.parse_deadline(vndate.dmy(d, zero=False), 2000) == d


def _opinion(source, speaker=None, author=None, address=None):
    return Opinion(id=1, number=1, source=source, speaker_id=None, speaker_display=speaker, author=author,
                   author_address=address, field_id=None, field_name=None, content="x", follows_id=None,
                   follows_number=None, answered_by=None, answer=None, outcome=None, agency=None,
                   deadline=None, created_at="2026-06-18T07:30:00", answered_at=None)


def test_person():
    assert person("Ông", "Nguyễn Văn An", "thôn Quán Gỏi") == "Ông Nguyễn Văn An (thôn Quán Gỏi)"
    assert person("Bà", "Trần Thị Bình") == "Bà Trần Thị Bình"
    assert person("Ông", "Nguyễn Văn An", "thôn Quán Gỏi", initials_only=True) == "Ông N.V.A (thôn Quán Gỏi)"
    assert initials("đỗ  văn hùng") == "Đ.V.H"


def test_who_said():
    spoken = _opinion(Source.SPOKEN, speaker="Ông Nguyễn Văn An (thôn Quán Gỏi)")
    assert who_said(spoken) == who_said(spoken, short=True) == "Ông Nguyễn Văn An (thôn Quán Gỏi)"
    slip = _opinion(Source.SLIP, author="Bà Lê Thị C", address="thôn X")
    assert who_said(slip) == "Phiếu ý kiến của Bà Lê Thị C (thôn X)"
    assert who_said(slip, short=True) == "Phiếu: Bà Lê Thị C"
    assert who_said(_opinion(Source.SLIP)) == "Phiếu ý kiến"
    assert who_said(_opinion(Source.BEFORE)) == "Phiếu lấy ý kiến (không ghi tên)"
    assert who_said(_opinion(Source.BEFORE), short=True) == "Trước HN"
    assert who_said(_opinion(Source.BEFORE, author="Ông D", address="thôn Y")) == "Ông D (thôn Y)"
