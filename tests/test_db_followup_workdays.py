"""Working days against the holidays package's own Vietnam calendar: Tết, Giỗ Tổ,
30/4–1/5, the days off moved by the government and the Saturdays worked instead."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from db.errors import ValidationError
from db.workdays import add_working_days, count_between, holiday_name, is_working_day, parse_deadline

VN = holidays.country_holidays("VN", years=range(2024, 2029))


def package_says_working(day: date) -> bool:
    if day in VN.weekend_workdays:
        return True
    return day.weekday() < 5 and day not in VN


def brute_add(start: date, n: int) -> date:
    day = start
    while n:
        day += timedelta(days=1)
        n -= package_says_working(day)
    return day


@pytest.mark.parametrize("year", [2025, 2026, 2027])
def test_every_day_of_the_year_agrees_with_the_package(year):
    day = date(year, 1, 1)
    while day.year == year:
        assert is_working_day(day) is package_says_working(day), day
        day += timedelta(days=1)


def test_tet_2026_is_skipped():
    # Tết Bính Ngọ: Monday 16/02 to Friday 20/02/2026 are days off.
    assert [holiday_name(date(2026, 2, d)) for d in (16, 17, 18)] == [
        "Giao thừa Tết Nguyên Đán", "Tết Nguyên Đán", "Mùng hai Tết Nguyên Đán"]
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    assert add_working_days(date(2026, 2, 10), 5) == brute_add(date(2026, 2, 10), 5) == date(2026, 2, 24)
    assert count_between(date(2026, 2, 13), date(2026, 2, 23)) == 1


def test_gio_to_and_30_4_to_1_5_2026():
    # Giỗ Tổ falls on Sunday 26/04/2026, observed Monday 27/04; 30/04 and 01/05 are Thursday and Friday.
    assert "Giỗ Tổ Hùng Vương" in holiday_name(date(2026, 4, 27))
    assert add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)
    assert add_working_days(date(2026, 4, 29), 1) == date(2026, 5, 4)
    assert add_working_days(date(2026, 4, 24), 10) == brute_add(date(2026, 4, 24), 10)


def test_moved_days_off_and_saturdays_worked_in_exchange():
    # 2025: Friday 02/05 off in exchange for Saturday 26/04 worked.
    assert not is_working_day(date(2025, 5, 2)) and is_working_day(date(2025, 4, 26))
    # 2026: Monday 31/08 off in exchange for Saturday 22/08 worked.
    assert not is_working_day(date(2026, 8, 31)) and is_working_day(date(2026, 8, 22))


def test_add_and_count_agree_with_brute_force_over_a_year():
    start = date(2026, 1, 1)
    for offset in range(0, 365, 7):
        base = start + timedelta(days=offset)
        for n in (1, 3, 10, 30):
            due = add_working_days(base, n)
            assert due == brute_add(base, n)
            assert count_between(base, due) == n
    assert count_between(date(2026, 6, 30), date(2026, 6, 1)) == -count_between(date(2026, 6, 1), date(2026, 6, 30))


def test_outside_the_first_table_the_calendar_grows():
    assert add_working_days(date(2041, 1, 1), 1) == brute_add_far(date(2041, 1, 1))


def brute_add_far(start: date) -> date:
    cal = holidays.country_holidays("VN", years=[2041])
    day = start + timedelta(days=1)
    while not cal.is_working_day(day):
        day += timedelta(days=1)
    return day


def test_parse_deadline_forms():
    base = date(2026, 6, 18)
    assert parse_deadline("30/06/2026", base) == date(2026, 6, 30)
    assert parse_deadline("2026-06-30", base) == date(2026, 6, 30)
    assert parse_deadline("10 ngày làm việc", base) == add_working_days(base, 10) == date(2026, 7, 2)
    assert parse_deadline("10 NGAY LAM VIEC", base) == date(2026, 7, 2)
    assert parse_deadline("  ", base) is None
    with pytest.raises(ValidationError, match="trước ngày họp 18/06/2026"):
        parse_deadline("17/06/2026", base, not_before=base)
    with pytest.raises(ValidationError, match="không phải ngày hợp lệ"):
        parse_deadline("31/02/2026", base)
    with pytest.raises(ValidationError, match="từ 1 trở lên"):
        parse_deadline("0 ngày làm việc", base)
