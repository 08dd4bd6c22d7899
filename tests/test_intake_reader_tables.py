"""General rules added in round 7 of issue 15 (label|value tables, task sections, step details,
scripts' parts, group tables, postponements): each test states the rule on a text of its own,
not on a corpus document."""

from __future__ import annotations

import datetime as dt

from intake.plan_documents import read_plan_document, read_plan_text
from intake.plan_source import text_lines


def _plan(text: str):
    return read_plan_text(text).plan


TAB_TABLE = ("THÔNG BÁO\nVề việc tổ chức buổi đối thoại với Nhân dân thôn 5\n"
             "Thời gian\t14 giờ 00, ngày 09/01/2027\n"
             "Nơi tổ chức\tNhà văn hóa thôn 5\n"
             "Người chủ trì\tÔng Mai Văn Bình, Chủ tịch UBND xã\n"
             "Thành phần\t- Chi ủy, Ban công tác Mặt trận thôn: 07 người\n"
             "\t- Đại diện các hộ trong thôn: 60 người\n"
             "Trình tự\t- Khai mạc, giới thiệu đại biểu\n"
             "\t- Nhân dân phát biểu, đối thoại\n"
             "\t- Kết luận\n"
             "Ghi chú\tMang theo giấy tờ liên quan.\n")


def test_a_text_table_of_labels_reads_like_labelled_lines_one_line_for_one():
    lines = text_lines(TAB_TABLE)
    assert len(lines) == len(TAB_TABLE.split("\n"))  # line numbers stay those of the file
    assert lines[2] == "Thời gian: 14 giờ 00, ngày 09/01/2027"
    assert lines[6] == "- Đại diện các hộ trong thôn: 60 người"  # a continuation row: the value alone
    plan = _plan(TAB_TABLE)
    assert plan.date == dt.date(2027, 1, 9) and plan.start == dt.time(14, 0)
    assert plan.venue == "Nhà văn hóa thôn 5"
    assert [(c.name, c.title) for c in plan.chairs] == [("Mai Văn Bình", "Chủ tịch UBND xã")]
    assert [(g.group, g.invited) for g in plan.attendance] == [
        ("Chi ủy, Ban công tác Mặt trận thôn", 7), ("Đại diện các hộ trong thôn", 60)]
    assert [s.content for s in plan.programme] == ["Khai mạc, giới thiệu đại biểu", "Nhân dân phát biểu, đối thoại",
                                                   "Kết luận"]


def test_a_two_column_table_whose_first_column_is_not_labels_stays_a_table():
    text = "Thôn 1\t25 người\nThôn 2\t30 người\n"
    assert text_lines(text)[:2] == ["Thôn 1\t25 người", "Thôn 2\t30 người"]


def test_a_table_with_a_header_row_is_a_table_of_columns_not_of_labels():
    text = "Thành phần\tSố lượng\nĐối tượng chính sách\t10\nThành phần khác\t5\n"
    assert text_lines(text)[:3] == ["Thành phần\tSố lượng", "Đối tượng chính sách\t10", "Thành phần khác\t5"]


def test_a_pipe_table_of_labels_reads_like_labelled_lines():
    plan = _plan("KẾ HOẠCH\nTổ chức Hội nghị đối thoại với Nhân dân năm 2027\n"
                 "| Thời gian | 8 giờ 00 ngày 15/01/2027 |\n|---|---|\n| Địa điểm | Hội trường UBND xã |\n")
    assert plan.date == dt.date(2027, 1, 15) and plan.venue == "Hội trường UBND xã"


def _docx_table(tmp_path, rows, merge: tuple[int, int] | None = None):
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tổ chức Hội nghị đối thoại với Nhân dân năm 2027")
    table = document.add_table(rows=0, cols=2)
    made = []
    for label, values in rows:
        row = table.add_row()
        row.cells[0].text = label
        row.cells[1].text = values[0]
        for value in values[1:]:
            row.cells[1].add_paragraph(value)
        made.append(row)
    if merge:  # a label cell merged down over two rows
        made[merge[0]].cells[0].merge(made[merge[1]].cells[0])
    path = tmp_path / "plan.docx"
    document.save(str(path))
    return read_plan_document(path)


def test_a_docx_table_of_labels_gives_each_paragraph_of_a_value_its_line(tmp_path):
    result = _docx_table(tmp_path, [
        ("1. Thời gian", ["7 giờ 30, ngày 20/01/2027."]),
        ("2. Địa điểm", ["Nhà văn hóa thôn 3."]),
        ("3. Thành phần", ["a) Cấp xã:", "- Thường trực Đảng ủy: 03 người;"]),
        ("", ["b) Các thôn:", "- Đại diện hộ gia đình: 50 người."]),
        ("4. Chương trình", ["7h30 – 7h45: Khai mạc (Văn phòng UBND xã).",
                             "7h45 – 9h30: Nhân dân phát biểu, đối thoại (Chủ trì).",
                             "9h30 – 10h00: Kết luận (Chủ tịch UBND xã)."]),
    ], merge=(2, 3))
    assert "3. Thành phần:" in result.lines and result.lines.count("3. Thành phần:") == 1  # merged: once
    assert "b) Các thôn:" in result.lines
    plan = result.plan
    assert plan.date == dt.date(2027, 1, 20) and plan.venue == "Nhà văn hóa thôn 3"
    assert [(g.group, g.invited) for g in plan.attendance] == [("Thường trực Đảng ủy", 3),
                                                               ("Đại diện hộ gia đình", 50)]
    assert [(s.content, s.lead, s.minutes) for s in plan.programme] == [
        ("Khai mạc", "Văn phòng UBND xã", 15), ("Nhân dân phát biểu, đối thoại", "Chủ trì", 105),
        ("Kết luận", "Chủ tịch UBND xã", 30)]


TASKS = ("KẾ HOẠCH\nTổ chức Hội nghị đối thoại với Nhân dân năm 2027\n"
         "I. THỜI GIAN\nThời gian: 8 giờ 00 ngày 05/02/2027.\n"
         "II. PHÂN CÔNG NHIỆM VỤ\n"
         "1. Đồng chí Đào Văn Nam, Phó Chủ tịch UBND xã: chủ trì cuộc họp chuẩn bị; chuẩn bị báo cáo.\n"
         "2. Đồng chí Tạ Thị Yến, Chủ tịch UBND xã: chủ trì hội nghị; kết luận hội nghị.\n"
         "3. Phân công công chức Tư pháp - Hộ tịch (đ/c Lưu Văn Khoa) làm thư ký hội nghị.\n")


def test_a_task_section_gives_the_chair_of_this_meeting_only_and_the_secretary():
    plan = _plan(TASKS)
    assert [(c.name, c.title) for c in plan.chairs] == [("Tạ Thị Yến", "Chủ tịch UBND xã")]
    assert (plan.secretary_name, plan.secretary_title) == ("Lưu Văn Khoa", "Công chức Tư pháp - Hộ tịch")


def test_detail_lines_under_a_numbered_step_give_its_lead_and_minutes():
    plan = _plan("KẾ HOẠCH\nTổ chức Hội nghị đối thoại năm 2027\nII. CHƯƠNG TRÌNH\n"
                 "Bước 1. Khai mạc.\n   Người thực hiện: Văn phòng UBND xã. Thời lượng: 05 phút.\n"
                 "Bước 2. Nhân dân phát biểu, đối thoại.\n   Người thực hiện: Chủ tịch UBND xã. Thời lượng: 90 phút.\n"
                 "III. TỔ CHỨC THỰC HIỆN\n")
    assert [(s.content, s.lead, s.minutes) for s in plan.programme] == [
        ("Khai mạc", "Văn phòng UBND xã", 5), ("Nhân dân phát biểu, đối thoại", "Chủ tịch UBND xã", 90)]


def test_a_scripts_parts_are_steps_led_by_the_speaker_not_the_presenter():
    plan = _plan("KỊCH BẢN\nHội nghị đối thoại với Nhân dân năm 2027\n"
                 "Phần 1: Khai mạc (8h00 - 8h10)\nMC:\nXin giới thiệu đại biểu.\n"
                 "Phần 2: Nhân dân phát biểu, đối thoại (8h10 - 10h00)\nMC: Xin mời chủ trì.\n"
                 "Ông Chủ tịch UBND xã:\n(Điều hành)\n")
    assert [(s.content, s.lead, s.minutes) for s in plan.programme] == [
        ("Khai mạc", "MC", 10), ("Nhân dân phát biểu, đối thoại", "Ông Chủ tịch UBND xã", 110)]


def test_rows_of_slot_content_lead_under_the_programme_heading_are_steps():
    plan = _plan("THÔNG BÁO\nVề việc tổ chức Hội nghị đối thoại năm 2027\nCHƯƠNG TRÌNH HỘI NGHỊ\n"
                 "14h00 - 14h15\tKhai mạc\tVăn phòng UBND xã\n"
                 "14h15 - 16h00\tNhân dân phát biểu, đối thoại\tChủ tịch UBND xã\n")
    assert [(s.content, s.lead, s.minutes) for s in plan.programme] == [
        ("Khai mạc", "Văn phòng UBND xã", 15), ("Nhân dân phát biểu, đối thoại", "Chủ tịch UBND xã", 105)]


def test_a_table_of_places_with_a_count_column_gives_groups_without_the_total_row():
    plan = _plan("THÔNG BÁO\nVề việc tổ chức Hội nghị đối thoại năm 2027\nIII. THÀNH PHẦN\n"
                 "1. Đại biểu cấp xã: Thường trực Đảng ủy (theo Giấy mời số 12/GM-UBND).\n"
                 "| TT | Xóm | Số người mời |\n|---|---|---|\n| 1 | Xóm Bắc | 30 |\n| 2 | Xóm Nam | 20 |\n"
                 "|  | Tổng cộng | 50 |\n")
    assert [(g.group, g.invited) for g in plan.attendance] == [
        ("Thường trực Đảng ủy", None), ("Xóm Bắc", 30), ("Xóm Nam", 20)]


def test_the_motto_column_of_a_party_header_is_no_part_of_the_parent():
    plan = _plan("ĐẢNG BỘ TỈNH QUẢNG TRỊ        ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ CAM HIẾU\n"
                 "KẾ HOẠCH\nTổ chức Hội nghị đối thoại với Nhân dân năm 2027\n")
    assert plan.parent == "Đảng bộ tỉnh Quảng Trị"


def test_a_postponement_takes_the_new_date_and_names_the_meeting():
    plan = _plan("ỦY BAN NHÂN DÂN XÃ AN HÒA\nTHÔNG BÁO\nVề việc hoãn Hội nghị đối thoại với Nhân dân năm 2027\n"
                 "Theo Kế hoạch số 12/KH-UBND, Hội nghị được tổ chức vào 8 giờ ngày 10/02/2027 tại Hội trường UBND xã.\n"
                 "Nay Ủy ban nhân dân xã thông báo hoãn Hội nghị sang 14 giờ ngày 17/02/2027 tại Nhà văn hóa thôn 3.\n")
    assert plan.date == dt.date(2027, 2, 17) and plan.start == dt.time(14, 0)
    assert plan.title == "Hội nghị đối thoại với Nhân dân năm 2027"


def test_an_item_whose_colon_lists_what_it_names_is_one_group():
    plan = _plan("KẾ HOẠCH\nTổ chức Hội nghị đối thoại năm 2027\n3. Thành phần:\n"
                 "+ Lãnh đạo UBND xã, công chức các lĩnh vực: Tư pháp, Địa chính (05 đồng chí);\n"
                 "+ Nhân dân các thôn (80 người).\n")
    assert [(g.group, g.invited) for g in plan.attendance] == [
        ("Lãnh đạo UBND xã, công chức các lĩnh vực: Tư pháp, Địa chính", 5), ("Nhân dân các thôn", 80)]
