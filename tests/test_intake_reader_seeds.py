"""The plan reader on the real plans (../shared/seeds, skipped when absent) and on the
plans written for the first tests (tests/plan_documents)."""

from __future__ import annotations

from datetime import date, time

from intake.plan_file import parse_plan
from intake.plan_documents import result_to_toml
from tests.reader_helpers import (FIXTURES, check_nothing_invented, lines_of, missing_of, read_both, seed,
                                  summary)


# -- the real plans (shared/seeds) -------------------------------------------------------

def test_seed_001_hoang_truong(tmp_path):
    result, _ = read_both(seed("001"), tmp_path)
    check_nothing_invented(result)
    got = summary(result)
    assert got == {
        "title": "Hội nghị tiếp xúc, đối thoại với nhân dân năm 2023",
        "organisation": "Ủy ban nhân dân xã Hoằng Trường", "parent": None,
        "place_name": "Hoằng Trường", "venue": "Hội trường công sở xã Hoằng Trường",
        "date": date(2023, 12, 8), "start": None, "end": None,
        "chairs": [("Lê Thanh Cảnh", "Chủ tịch UBND xã")],  # proposed from the signer
        "secretary": (None, None),
        "signer": ("Lê Thanh Cảnh", "CHỦ TỊCH"),
        "attendance": [
            ("Thường trực Đảng ủy- Hội đồng nhân dân, UBND, UB MTTQ Việt Nam, trưởng các đoàn thể "
             "và các công chức", None),
            ("Bí thư chi bộ, Trưởng thôn, Ban công tác Mặt trận thôn", None),
            ("Đại diện cơ quan trên địa bàn hoặc đại diện cơ quan trực tiếp có liên quan", None),
            ("Đại diện nhân dân trên địa bàn xã", None),
        ],
        "invited_total": None, "programme": [], "topics": 4,
    }
    assert lines_of(result).items() >= {"title": 3, "organisation": 15, "date": 127, "venue": 129,
                                     "chairs[0].title": 112, "signer": 179, "attendance[0].group": 110}.items()
    assert result.finding("date").value == "ngày 08 tháng 12 năm 2023"
    assert result.finding("attendance[0].group").end_line == 112
    assert missing_of(result) == {"start", "chairs[0].name", "secretary.name", "attendance.invited", "programme"}
    assert "½ ngày" in result.missing_note("start")
    # "Chủ tịch UBND xã là chủ tọa" and the plan is signed by the Chủ tịch: proposed, to check
    proposed = result.finding("chairs[0].name")
    assert (proposed.value, proposed.line) == ("Lê Thanh Cảnh", 179)
    assert proposed.note.startswith("đề xuất: kiểm tra")
    assert result.missing_note("chairs[0].name").startswith("đề xuất: kiểm tra “Lê Thanh Cảnh”")


def test_seed_003_ke_sat(tmp_path):
    result, _ = read_both(seed("003"), tmp_path)
    check_nothing_invented(result)
    got = summary(result)
    steps = got.pop("programme")
    attendance = got.pop("attendance")
    assert got == {
        "title": "Hội nghị tiếp xúc, đối thoại trực tiếp của Chủ tịch UBND xã năm 2026",
        "organisation": "Ủy ban nhân dân xã Kè Sắt", "parent": None, "place_name": "Kè Sắt",
        "venue": "Tầng 3- Nhà C- Trụ sở Đảng ủy - HĐND - UBND - UBMTTQ xã",
        "date": None, "start": None, "end": None,
        "chairs": [("Phạm Thị Thu Hiền", "Chủ tịch UBND xã")],  # proposed from the (acting) signer
        "secretary": (None, None),
        "signer": ("Phạm Thị Thu Hiền", "Q. CHỦ TỊCH"),
        "invited_total": None, "topics": 5,
    }
    assert attendance == [
        ("Cán bộ và nhân dân các thôn Quán Gỏi, Phương Độ, Ngọc Mai, Thượng Khuông", 100),
        ("Lãnh đạo UBND xã", None),
        ("Đại diện lãnh đạo Đảng ủy, Thường trực HĐND xã", None),
        ("Đại diện các cơ quan tham mưu, giúp việc Đảng ủy", None),
        ("Đại diện lãnh đạo UB MTTQ và các đoàn thể xã", None),
        ("Bí thư, trưởng thôn, trưởng ban công tác mặt trận và các đoàn thể ở các thôn Quán Gỏi, "
         "Phương Độ, Ngọc Mai, Thượng Khuông", None),
    ]
    # the programme is a list ("+ ...") under "- Chương trình hội nghị đối thoại:"
    assert len(steps) == 7
    assert [s[3] for s in steps] == [False, False, True, False, False, False, False]
    assert steps[2][0] == "Nhân dân phát biểu ý kiến theo thứ tự đăng ký và theo sự điều hành của chủ tọa hội nghị"
    assert steps[6][0] == "Đ/c Chủ tịch UBND xã - Chủ trì hội nghị kết luận"
    assert all(s[1] is None for s in steps)
    assert lines_of(result).items() >= {"organisation": 13, "place_name": 5, "venue": 63, "chairs[0].title": 39,
                                     "attendance[0].invited": 41, "programme[2].dialogue": 83,
                                     "signer": 149}.items()
    assert result.finding("attendance[0].invited").value == "khoảng 100 người"
    # the many deadlines (trước ngày 01/6, 10/6, 15/6, 25/6 ...) are never the meeting's date
    assert missing_of(result) == {"date", "start", "chairs[0].name", "secretary.name", "attendance.invited",
                                  "programme.lead"}
    assert "chỉ ghi tháng 6/2026, chưa có ngày cụ thể" in result.missing_note("date")
    assert "đề xuất: kiểm tra" in result.finding("chairs[0].name").note


def test_seed_004_hung_chinh(tmp_path):
    result, as_docx = read_both(seed("004"), tmp_path)
    check_nothing_invented(result)
    check_nothing_invented(as_docx)
    got = summary(result)
    assert got == {
        "title": "Hội nghị gặp mặt, đối thoại giữa người đứng đầu cấp ủy, chính quyền xã với nhân dân năm 2023",
        "organisation": "Đảng ủy xã Hưng Chính", "parent": "Đảng bộ thành phố Vinh",
        "place_name": "Hưng Chính", "venue": "Nhà Văn hóa xóm 2",
        "date": date(2023, 8, 11), "start": None, "end": None,
        "chairs": [(None, "Bí thư Đảng ủy - CT HĐND xã"), (None, "CT UBND xã")],
        "secretary": (None, None),
        "signer": ("Lê Minh Định", "BÍ THƯ THƯỜNG TRỰC"),
        "attendance": [
            ("Đại diện lãnh đạo Ban Dân vận Thành ủy, MTTQ Thành phố, các đồng chí được phân công "
             "theo dõi đảng bộ Thành phố", None),
            ("Các đồng chí Ủy viên Ban Thường vụ", None),
            ("Ủy viên Ban Chấp hành Đảng bộ xã", None),
            ("Thường trực HĐND xã, lãnh đạo UBND xã", None),
            ("Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội xã", None),
            ("Hiệu trưởng các trường học, trạm trưởng trạm y tế, giám đốc các HTX trên địa bàn", None),
            ("Chi ủy, trưởng các tổ chức đoàn thể xóm", None),
            ("Đảng viên và quần chúng nhân dân trong xã", None),
        ],
        "invited_total": 150,
        "programme": [
            ("Ôn định tổ chức, thông qua chương trình; giới thiệu đại biểu", "Đ/c VPĐU", None, False),
            ("Khai mạc Hội nghị; quán triệt nguyên tắc đối thoại", "Đ/c Bí thư", None, False),
            ("Báo cáo về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội, an ninh - quốc phòng "
             "của địa phương trong thời qua; báo cáo quá trình tổ chức thực hiện việc giải quyết những "
             "kiến nghị, đề xuất của nhân dân", "PCT UBND", None, False),
            ("Nhân dân trao đổi, đối thoại những vấn đề chưa rõ và những vấn đề mới phát sinh đề nghị "
             "Cấp ủy, chính quyền xã giải quyết", "Chủ trì", None, True),
            ("Chủ trì tiếp thu, giải trình những vấn đề mà đảng viên và nhân dân phản ánh", "Chủ trì", None, False),
            ("Kết luận, bế mạc Hội nghị", "Chủ trì", None, False),
        ],
        "topics": 4,
    }
    title = result.finding("title")
    assert (title.line, title.end_line) == (4, 5)
    assert lines_of(result).items() >= {"organisation": 116, "parent": 115, "date": 67, "venue": 69,
                                     "chairs[0].title": 45, "chairs[1].title": 45,
                                     "attendance.total": 47, "programme[0].content": 131,
                                     "programme[3].dialogue": 134, "signer": 113}.items()
    assert result.finding("attendance.total").value == "Dự kiến 120 - 150 đại biểu"
    assert "cận trên 150" in result.finding("attendance.total").note
    assert "dự kiến" in result.finding("date").note
    assert missing_of(result) == {"start", "chairs[0].name", "chairs[1].name", "secretary.name",
                                  "attendance.invited"}


# -- plans written for these tests (tests/plan_documents) --------------------------------

def test_fixture_tan_phu_named_chairs_and_timed_table(tmp_path):
    result, _ = read_both(FIXTURES / "ke-hoach-tan-phu-2024.txt", tmp_path)
    check_nothing_invented(result)
    got = summary(result)
    assert got == {
        "title": "Hội nghị tiếp xúc, đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền xã "
                 "với Nhân dân năm 2024",
        "organisation": "Ủy ban nhân dân xã Tân Phú", "parent": None, "place_name": "Tân Phú",
        "venue": "Hội trường UBND xã Tân Phú",
        "date": date(2024, 5, 20), "start": time(7, 30), "end": None,
        "chairs": [("Nguyễn Văn Hùng", "Bí thư Đảng ủy, Chủ tịch HĐND xã"),
                   ("Trần Thị Mai", "Chủ tịch UBND xã")],
        "secretary": (None, None),
        "signer": ("Trần Thị Mai", "CHỦ TỊCH"),
        "attendance": [
            ("Thường trực Đảng ủy, HĐND, UBND, UBMTTQ xã", 12),
            ("Trưởng các ban, ngành, đoàn thể xã", 15),
            ("Bí thư chi bộ, trưởng thôn các thôn Tân Lập, Tân Hòa, Tân Thịnh", 9),
            ("Đại diện hộ dân các thôn Tân Lập, Tân Hòa, Tân Thịnh", 100),
        ],
        "invited_total": None,
        "programme": [
            ("Tuyên bố lý do, giới thiệu đại biểu", "Văn phòng UBND xã", 10, False),
            ("Khai mạc hội nghị", "Đ/c Nguyễn Văn Hùng", 10, False),
            ("Báo cáo kết quả giải quyết kiến nghị của cử tri và Nhân dân năm 2023",
             "Đ/c Phó Chủ tịch UBND xã", 20, False),
            ("Nhân dân phát biểu ý kiến, đối thoại với lãnh đạo xã", "Chủ trì", 120, True),
            ("Kết luận hội nghị", "Đ/c Trần Thị Mai", 15, False),
        ],
        "topics": 3,
    }
    assert result.finding("date").value == "ngày 20/05/2024"
    assert result.finding("start").value == "7h30p"
    assert result.finding("organisation").end_line == 2  # "ỦY BAN NHÂN DÂN" / "XÃ TÂN PHÚ"
    assert "cận trên 100" in result.finding("attendance[3].invited").note
    assert missing_of(result) == {"end", "secretary.name"}


def test_fixture_an_binh_complete_plan_validates_as_emitted(tmp_path):
    result, _ = read_both(FIXTURES / "ke-hoach-an-binh-2024.txt", tmp_path)
    check_nothing_invented(result)
    got = summary(result)
    assert {k: got[k] for k in ("organisation", "parent", "place_name", "venue", "date", "start", "end",
                                "chairs", "secretary", "invited_total")} == {
        "organisation": "Đảng ủy xã An Bình", "parent": "Đảng bộ huyện Phú Giáo", "place_name": "An Bình",
        "venue": "Hội trường Đảng ủy xã An Bình",
        "date": date(2024, 11, 12), "start": time(14, 0), "end": time(16, 30),
        "chairs": [("Lê Văn Tâm", "Bí thư Đảng ủy xã"), ("Phạm Thị Hoa", "Phó Bí thư, Chủ tịch UBND xã")],
        "secretary": ("Nguyễn Thị Lan", "Chánh Văn phòng Đảng ủy"),
        "invited_total": 120,
    }
    assert got["attendance"] == [
        ("Đại diện Ban Dân vận Huyện ủy, Ủy ban MTTQ huyện", 3),
        ("Ban Thường vụ Đảng ủy, lãnh đạo HĐND, UBND, UBMTTQ và các đoàn thể xã", 20),
        ("Bí thư chi bộ, trưởng ấp, trưởng ban công tác Mặt trận các ấp", 18),
        ("Đảng viên và Nhân dân các ấp Bình Thắng, Bình Hòa, Bình Phước", 80),
    ]
    assert [s[3] for s in got["programme"]] == [False, False, False, True, False]
    assert (result.finding("start").value, result.finding("end").value) == ("14h00'", "16h30'")
    assert result.missing == []
    plan = parse_plan(result_to_toml(result))  # nothing missing: the draft is a valid plan as it is
    assert plan.date == date(2024, 11, 12) and plan.secretary_name == "Nguyễn Thị Lan"
    assert [c.name for c in plan.chairs] == ["Lê Văn Tâm", "Phạm Thị Hoa"]


def test_fixture_phong_dien_skips_references_and_deadlines_in_time_section(tmp_path):
    result, _ = read_both(FIXTURES / "ke-hoach-phong-dien-2025.txt", tmp_path)
    check_nothing_invented(result)
    got = summary(result)
    assert got["organisation"] == "Ủy ban nhân dân thị trấn Phong Điền"
    assert got["place_name"] == "Phong Điền"
    assert (got["date"], got["start"]) == (date(2025, 3, 14), time(7, 30))
    assert result.finding("date").line == 27  # not 25 (Công văn số ... ngày) nor 26 (trước ngày ...)
    assert result.finding("start").value == "7 giờ 30 phút"
    assert got["venue"] == "Nhà văn hóa tổ dân phố 2, thị trấn Phong Điền"
    assert got["chairs"] == [(None, "Chủ tịch UBND thị trấn")]
    assert got["attendance"] == [("Cán bộ, đảng viên và Nhân dân các tổ dân phố 1, 2, 3", 150)]
    assert [s[2] for s in got["programme"]] == [15, 15, 150, 30]
    assert [s[3] for s in got["programme"]] == [False, False, True, False]
    # signed "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the vice-chairman signed, so he is no chair hint
    assert got["signer"] == ("Hoàng Văn Nam", "PHÓ CHỦ TỊCH")
    assert "Hoàng Văn Nam" not in result.missing_note("chairs[0].name")
    # no end stated: the programme's last step ends at 11h
    assert (got["end"], result.finding("end").line) == (time(11), 35)
    assert missing_of(result) == {"chairs[0].name", "secretary.name", "programme.lead", "topics"}

