"""The meeting form's values: typed dates and times read strictly, the plan rules of
`doithoai check` applied, each problem placed at its field."""

from __future__ import annotations

import re
from datetime import date, time

import pytest
from hypothesis import given, settings, strategies as st

from intake.plan_form import FormProblem, blank_values, check_plan_form, values_from_plan
from intake.plan_file import load_plan
from intake.vn_input import InputError, fold, parse_hhmm, parse_int, parse_vn_date

from .conftest import DEMO_PLAN


@pytest.mark.parametrize("text,expected", [
    ("18/06/2026", date(2026, 6, 18)), ("1/6/2026", date(2026, 6, 1)), (" 29-02-2028 ", date(2028, 2, 29)),
    ("05.01.2026", date(2026, 1, 5))])
def test_dates_as_the_secretary_writes_them(text, expected):
    assert parse_vn_date(text) == expected


@pytest.mark.parametrize("text,message", [
    ("", "chưa nhập ngày (ngày/tháng/năm, ví dụ 18/06/2026)"),
    ("2026-06-18", "ngày phải viết dạng ngày/tháng/năm, ví dụ 18/06/2026"),
    ("18/06/26", "ngày phải viết dạng ngày/tháng/năm, ví dụ 18/06/2026"),
    ("18/06-2026", "ngày phải viết dạng ngày/tháng/năm, ví dụ 18/06/2026"),
    ("31/02/2026", "tháng 2/2026 không có ngày 31"),
    ("12/13/2026", "không có tháng 13 (tháng từ 1 đến 12)"),
])
def test_bad_dates_say_what_to_type(text, message):
    with pytest.raises(InputError) as info:
        parse_vn_date(text)
    assert info.value.message == message


def test_times_and_numbers():
    assert parse_hhmm("07:30") == time(7, 30) and parse_hhmm("7h30") == time(7, 30)
    for text, message in [("7", "giờ phải viết dạng giờ:phút, ví dụ 07:30"),
                          ("24:00", "không có 24 giờ (giờ từ 0 đến 23)"),
                          ("07:60", "không có 60 phút (phút từ 0 đến 59)")]:
        with pytest.raises(InputError, match=re.escape(message)):
            parse_hhmm(text)
    assert parse_int(" 70 ") == 70
    with pytest.raises(InputError, match="phải là số nguyên"):
        parse_int("70 người")
    assert fold("Họ và tên:") == "ho va ten" and fold("ĐẤT ĐAI") == "dat dai"


def test_the_demo_plan_goes_through_the_form_unchanged():
    plan = load_plan(DEMO_PLAN)
    plan.before = []
    checked, problems = check_plan_form(values_from_plan(plan))
    assert problems == [] and checked == plan


def test_a_blank_form_lists_what_is_missing_at_each_field():
    plan, problems = check_plan_form(blank_values())
    assert plan is None
    assert {(p.section, p.row, p.key) for p in problems} == {
        ("meeting", None, "title"), ("meeting", None, "organisation"), ("meeting", None, "place_name"),
        ("meeting", None, "venue"), ("meeting", None, "date"), ("meeting", None, "start"),
        ("secretary", None, "name"), ("chairs", None, None), ("programme", None, None)}


def test_problems_are_placed_at_the_row_and_key_at_fault():
    values = values_from_plan(load_plan(DEMO_PLAN))
    values["meeting"]["end"] = "07:00"
    values["chairs"][0]["title"] = " "
    values["attendance"][1]["invited"] = "tám"
    values["programme"][0]["dialogue"] = True
    values["programme"].insert(2, {"content": "", "lead": "", "minutes": "", "dialogue": False})  # blank
    values["fields"][4]["name"] = "Kinh tế"
    plan, problems = check_plan_form(values)
    assert plan is None
    assert sorted(problems, key=lambda p: (p.section, p.row or 0)) == [
        FormProblem("attendance", 1, "invited", "phải là số nguyên, ví dụ 70"),
        FormProblem("chairs", 0, "title", "không được để trống"),
        FormProblem("fields", 4, "name", "trùng với dòng 1"),
        FormProblem("meeting", None, "end", "giờ kết thúc 07:00 không sau giờ bắt đầu 07:30"),
        FormProblem("programme", 4, "dialogue", "chỉ được đánh dấu một bước đối thoại"),
    ]


def test_no_dialogue_step_and_a_bad_start_do_not_also_blame_the_end():
    values = values_from_plan(load_plan(DEMO_PLAN))
    for step in values["programme"]:
        step["dialogue"] = False
    values["meeting"]["start"] = "sáng"
    _, problems = check_plan_form(values)
    assert [(p.section, p.key) for p in problems] == [("meeting", "start"), ("programme", None)]
    assert problems[1].message.startswith("chưa có bước đối thoại")


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "venue", "date", "start", "end", "speaking_limit_minutes"]),
                       st.text(max_size=30)))
def test_any_typed_text_gives_a_plan_or_placed_problems(typed):
    values = values_from_plan(load_plan(DEMO_PLAN))
    values["meeting"].update(typed)
    plan, problems = check_plan_form(values)
    assert (plan is None) == bool(problems)
    assert all(p.section == "meeting" and p.key for p in problems)
