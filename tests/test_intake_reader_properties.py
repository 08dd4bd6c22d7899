"""Whatever the text, the reader never crashes and every value it gives is verbatim."""

from __future__ import annotations

import re
import tomllib
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake.plan_clean import PICTURE
from intake.plan_documents import read_plan_text, report_lines, result_to_toml
from intake.plan_source import text_lines
from tests.reader_helpers import toml_sources, check_nothing_invented, nfc


FRAGMENTS = [
    "KẾ HOẠCH", "Tổ chức hội nghị tiếp xúc, đối thoại năm 2024", "ỦY BAN NHÂN DÂN", "XÃ KÈ SẮT",
    "Ủy ban nhân dân xã Hoằng Trường xây dựng kế hoạch", "ĐẢNG BỘ HUYỆN A", "ĐẢNG ỦY XÃ B",
    "Thời gian:", "Địa điểm:", "Thời gian, địa điểm:", "III. THỜI GIAN, ĐỊA ĐIỂM", "tại", "Tại",
    "Chủ trì:", "Đ/c", "Ông Nguyễn Văn An - Chủ tịch UBND xã", "là chủ tọa", "do đồng chí", "chủ trì",
    "ngày 08 tháng 12 năm 2023", "ngày 20/05/2024", "7h30p", "14h00'", "đến", "16h30'", "½ ngày",
    "tháng 6/2026", "trước ngày 10/6/2026", "khoảng 100 người", "120 - 150 đại biểu", "(05 người)",
    "TT\tNội dung\tĐiều hành", "1\tNhân dân phát biểu, đối thoại\tChủ trì", "| TT | Nội dung |",
    "-", "+", "1.", "II.", "a)", "**", "<b>", "\\*", ";", ",", ":", ".", "\t", "CHỦ TỊCH", "Q. CHỦ TỊCH",
    "Lê Thanh Cảnh", "Thành phần tham dự:", "2. Nội dung tiếp xúc:", "- Chương trình hội nghị:",
    "Thư ký: Bà Trần Thị B", "Kính mời", "có thể mời", "Kè Sắt, ngày 15 tháng 6 năm 2026", "Số: 05/KH-UBND",
    "TM. ỦY BAN NHÂN DÂN", "thứ Hai,", "\u0301", "\x00", "\u2028", "\r",
    # what the context reader looks for (plan_when, plan_attendance, the chairs)
    "THÔNG BÁO", "THƯ MỜI", "GIẤY MỜI", "(V/v dự buổi đối thoại", ")", "trân trọng kính mời:", "Kính gửi:",
    "Hội nghị được tổ chức vào", "bắt đầu lúc", "19h 30", "8h00'", "13 /12/2023 ( sáng thứ 4)",
    "kết thúc lúc 11 giờ 30 phút", "từ ngày 15/10/2025 đến ngày 24/10/2025", "Ngày đăng:", "Cập nhật lúc:",
    "Chủ trì buổi đối thoại:", "Đồng chủ trì:", "do đồng chí Trần Minh Phúc, Bí thư Đảng ủy phường chủ trì",
    "Đồng chí Hồ Sĩ Nguyên, Bí thư Đảng ủy xã chủ trì", "II. CHỦ TRÌ", "mỗi đơn vị cử số lượng như sau:",
    "\tChi hội Người cao tuổi: 12 người", "Thành phần gồm", "(90 người)", "mỗi hộ cử 01 người",
    "2.Cử tri phát biểu", "- 07h30 - 07h45: Khai mạc", "III. CHƯƠNG TRÌNH HỘI NGHỊ", "5. Trình tự hội nghị",
    "TT\tThành phần\tSố lượng", "1\tBan Thường vụ\t07", "UBND XÃ QUẢNG PHÚ\tCỘNG HÒA", "Tại:", "Vào lúc:",
    "[bookmark: _GoBack]", "\u00a0", "\u00ad", "\u200b", "“", "”",
]
_line = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=6).map(" ".join)
_document = st.lists(_line, max_size=24).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document)
def test_arbitrary_text_never_crashes_and_invents_nothing(text):
    result = read_plan_text(text)
    check_nothing_invented(result)
    assert result.lines == text_lines(text)
    fields = {f.field for f in result.findings}
    for key in ("title", "organisation", "place_name", "venue", "date", "start", "end"):
        if getattr(result.plan, key) is not None:
            assert key in fields, key  # every value has its source
    assert all(f"programme[{n}].content" in fields for n in range(len(result.plan.programme)))
    assert all(f"attendance[{n}].group" in fields for n in range(len(result.plan.attendance)))
    tomllib.loads(result_to_toml(result))
    assert all(isinstance(line, str) and "\n" not in line for line in report_lines(result))
    decomposed = read_plan_text(unicodedata.normalize("NFD", text))
    assert (decomposed.plan, decomposed.findings, decomposed.missing) == (result.plan, result.findings,
                                                                          result.missing)


# markup, and decoration (emoji, dingbats, box drawing, keycaps, variation selectors), is not text as typed
_DECORATION = re.compile(f"[{PICTURE}\ufe0e\ufe0f\u20e3]")


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")).filter(
    lambda c: c not in "*_<>#\\\t" and not _DECORATION.match(c)), max_size=40))
def test_lines_are_the_text_as_typed_when_there_is_no_markup(line):
    assert text_lines(line) == [nfc(line).translate(dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
                                                    ).replace("\u00a0", " ").replace("\u2007", " ")
                                .replace("\u202f", " ").strip()]


def _plan_lines() -> list[str]:
    lines = []
    for source in toml_sources():
        lines += source.read_text(encoding="utf-8").splitlines()
    return lines


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_plan_lines()), st.integers(0, 200)), max_size=60))
def test_shuffled_and_cut_plan_lines_invent_nothing(picked):
    """Real plan lines in any order, some cut short: still only verbatim findings."""
    text = "\n".join(line[:cut] if cut < 40 else line for line, cut in picked)
    result = read_plan_text(text)
    check_nothing_invented(result)
    tomllib.loads(result_to_toml(result))
