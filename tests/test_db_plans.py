"""Plan files: validation with line numbers, defaults, round trip through TOML."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from db.models import DEFAULT_FIELDS
from intake.plan_file import PlanError, load_plan, parse_plan, plan_to_toml

from .conftest import DEMO_PLAN, FIXTURES


def test_broken_plan_reports_each_problem_with_its_line():
    path = FIXTURES / "plans" / "broken.toml"
    with pytest.raises(PlanError) as info:
        load_plan(path)
    got = info.value.lines()
    expected = [
        f"{path}:3: thiếu khóa 'venue' trong [meeting]",
        f"{path}:7: 'date' phải là ngày (ví dụ 2026-06-18), không phải chuỗi",
        f"{path}:9: giờ kết thúc 08:00 không sau giờ bắt đầu 09:00",
        f"{path}:10: khóa không xác định 'speaking_limit' trong [meeting] (các khóa hợp lệ: title, "
        "organisation, parent, place_name, venue, date, start, end, speaking_limit_minutes)",
        f"{path}:12: thiếu khóa 'name' trong [chairs]",
        f"{path}:18: chưa có bước đối thoại: đặt dialogue = true ở bước Nhân dân phát biểu",
        f"{path}:20: 'minutes' phải là số nguyên, không phải chuỗi",
        f"{path}:24: lĩnh vực 'Giao thông' không có trong danh sách 'fields'",
    ]
    assert got == expected


def test_syntax_error_names_the_line():
    with pytest.raises(PlanError) as info:
        parse_plan('[meeting]\ntitle = "không đóng\n', source="x.toml")
    assert info.value.lines()[0].startswith("x.toml:2: lỗi cú pháp TOML")


def test_missing_tables_and_chair_and_programme():
    with pytest.raises(PlanError) as info:
        parse_plan("", source="empty.toml")
    lines = info.value.lines()
    assert "empty.toml:1: thiếu bảng [meeting]" in lines
    assert "empty.toml:1: thiếu bảng [secretary]" in lines
    assert any("chưa có chủ trì" in line for line in lines)
    assert any("chưa có chương trình" in line for line in lines)


def test_minimal_plan_gets_defaults():
    plan = load_plan(FIXTURES / "plans" / "minimal.toml")
    assert plan.fields == list(DEFAULT_FIELDS)
    assert plan.speaking_limit_minutes == 5 and plan.end is None and plan.attendance == []


def test_demo_plan_is_valid_and_round_trips():
    plan = load_plan(DEMO_PLAN)
    assert len(plan.programme) == 6 and sum(s.dialogue for s in plan.programme) == 1
    assert len(plan.before) == 3
    assert parse_plan(plan_to_toml(plan)) == plan


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_any_title_round_trips_or_is_refused_clearly(title):
    plan = load_plan(DEMO_PLAN)
    plan.title = title
    try:
        again = parse_plan(plan_to_toml(plan))
    except PlanError as exc:
        assert all(":" in line and "title" in line for line in exc.lines())
    else:
        import unicodedata

        assert again.title == unicodedata.normalize("NFC", title).strip()
