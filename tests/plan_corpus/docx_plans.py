"""The corpus's .docx plans d01–d07 (see make_docx.py); each function writes its document
and returns the fields it states."""

from __future__ import annotations

from docx_builder import NATIONAL, NBSP, PARTY, SHY, ZWJ, ZWSP, Doc

# -- the documents --------------------------------------------------------------------------

def d01() -> dict:
    """Northern commune, Word numbering for headings, programme table with a header row."""
    d = Doc()
    d.numbering("heads", [("upperRoman", "%1."), ("decimal", "%2."), ("bullet", "-")])
    d.header_table(["ỦY BAN NHÂN DÂN", "XÃ TIÊN LÃNG", "Số: 118/KH-UBND"],
                   NATIONAL + ["Tiên Lãng, ngày 06 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True, align="center")
    d.p("Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân năm 2025",
        bold=True, align="center")
    d.p("Thực hiện Kế hoạch số 15-KH/ĐU ngày 20/02/2025 của Ban Thường vụ Đảng ủy xã, Ủy ban nhân dân "
        "xã xây dựng kế hoạch như sau:")
    d.item("heads", 0, "MỤC ĐÍCH, YÊU CẦU", bold=True)
    d.item("heads", 2, "Kịp thời nắm bắt tâm tư, nguyện vọng, kiến nghị của Nhân dân.")
    d.item("heads", 0, "THỜI GIAN, ĐỊA ĐIỂM", bold=True)
    d.item("heads", 1, "Thời gian: 07 giờ 30 phút, thứ Bảy, ngày 22/11/2025.")
    d.item("heads", 1, "Địa điểm: Hội trường UBND xã Tiên Lãng.")
    d.item("heads", 0, "THÀNH PHẦN", bold=True)
    d.item("heads", 1, "Chủ trì: Ông Bùi Văn Khải, Chủ tịch UBND xã.")
    d.item("heads", 1, "Thư ký: Bà Nguyễn Thị Thanh, công chức Văn phòng - Thống kê.")
    d.item("heads", 1, "Đại biểu mời:")
    d.item("heads", 2, "Thường trực Đảng ủy, HĐND, Ủy ban MTTQ xã: 06 người;")
    d.item("heads", 2, "Trưởng thôn, Bí thư chi bộ 12 thôn: 24 người;")
    d.item("heads", 2, "Đại diện Nhân dân các thôn: 100 người.")
    d.item("heads", 0, "CHƯƠNG TRÌNH HỘI NGHỊ", bold=True)
    d.table([["TT", "Thời gian", "Nội dung", "Người thực hiện"],
             ["1", "7h30 - 7h40", "Tuyên bố lý do, giới thiệu đại biểu", "Văn phòng HĐND và UBND xã"],
             ["2", "7h40 - 8h00", "Báo cáo kết quả giải quyết kiến nghị của Nhân dân năm 2024",
              "Phó Chủ tịch UBND xã"],
             ["3", "8h00 - 10h30", "Nhân dân phát biểu ý kiến, đối thoại với Chủ tịch UBND xã", "Chủ trì"],
             ["4", "10h30 - 11h00", "Chủ tịch UBND xã kết luận hội nghị", "Chủ tịch UBND xã"]],
            header=True, bold_first=True)
    d.sign(["Nơi nhận:", "- TT Đảng ủy, HĐND xã;", "- Lưu: VT."],
           ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Bùi Văn Khải"])
    d.save("d01-xa-tien-lang-word-numbering.docx")
    return {"title": "Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân năm 2025",
            "organisation": "Ủy ban nhân dân xã Tiên Lãng", "place_name": "Tiên Lãng",
            "venue": "Hội trường UBND xã Tiên Lãng", "date": "2025-11-22", "start": "07:30", "end": "11:00",
            "chairs": [{"name": "Bùi Văn Khải", "title": "Chủ tịch UBND xã"}],
            "secretary": "Nguyễn Thị Thanh",
            "attendance": [{"group": "Thường trực Đảng ủy, HĐND, Ủy ban MTTQ xã", "invited": 6},
                           {"group": "Trưởng thôn, Bí thư chi bộ 12 thôn", "invited": 24},
                           {"group": "Đại diện Nhân dân các thôn", "invited": 100}],
            "programme": ["Tuyên bố lý do, giới thiệu đại biểu",
                          "Báo cáo kết quả giải quyết kiến nghị của Nhân dân năm 2024",
                          "Nhân dân phát biểu ý kiến, đối thoại với Chủ tịch UBND xã",
                          "Chủ tịch UBND xã kết luận hội nghị"],
            "dialogue_step": 3}


def d02() -> dict:
    """Southern ward whose issuing body sits in a text box; merged cells in the programme."""
    d = Doc()
    d.textbox(["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN ĐỊNH", "Số: 203/KH-UBND"])
    d.p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, align="center")
    d.p("Độc lập - Tự do - Hạnh phúc", bold=True, align="center")
    d.p("Tân Định, ngày 15 tháng 10 năm 2025", italic=True)
    d.p("KẾ HOẠCH", bold=True, align="center")
    d.p("Tổ chức Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân phường\nvới Nhân dân khu phố 3, khu phố 4",
        bold=True, align="center")
    d.p("I. THỜI GIAN, ĐỊA ĐIỂM", bold=True)
    d.p("Hội nghị được tổ chức vào lúc 18 giờ 30 phút ngày 24/10/2025 tại Hội trường Ban điều hành khu phố 3, "
        "số 48 đường Trần Quang Khải.")
    d.p("II. CHỦ TRÌ", bold=True)
    d.p("Ông Đặng Quốc Việt, Chủ tịch UBND phường là chủ tọa.")
    d.p("III. THÀNH PHẦN", bold=True)
    d.p("Ban điều hành khu phố 3, khu phố 4; Tổ trưởng các tổ dân phố; đại diện hộ dân khu phố 3, khu phố 4 "
        "(khoảng 150 người).")
    d.p("IV. CHƯƠNG TRÌNH", bold=True)
    d.table([["STT", "Nội dung", "Phụ trách"],
             ["1", "Tuyên bố lý do, giới thiệu đại biểu", "Văn phòng UBND phường"],
             ["2", "Báo cáo tình hình an ninh trật tự, chỉnh trang đô thị", "Phó Chủ tịch UBND phường"],
             ["3", "Nhân dân phát biểu ý kiến, đối thoại", "Chủ trì"],
             ["4", "Trả lời, giải trình các ý kiến", ""],
             ["5", "Kết luận hội nghị", "Chủ tịch UBND phường"]],
            header=True, bold_first=True, merges=[((3, 2), (4, 2))])
    d.sign(["Nơi nhận:", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đặng Quốc Việt"])
    d.save("d02-phuong-tan-dinh-textbox.docx")
    return {"title": "Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân khu phố 3, khu phố 4",
            "organisation": "Ủy ban nhân dân phường Tân Định", "place_name": "Tân Định",
            "venue": "Hội trường Ban điều hành khu phố 3, số 48 đường Trần Quang Khải",
            "date": "2025-10-24", "start": "18:30",
            "chairs": [{"name": "Đặng Quốc Việt", "title": "Chủ tịch UBND phường"}],
            "attendance": [{"group": "Ban điều hành khu phố 3, khu phố 4"},
                           {"group": "Tổ trưởng các tổ dân phố"},
                           {"group": "Đại diện hộ dân khu phố 3, khu phố 4", "invited": 150}],
            "programme": ["Tuyên bố lý do, giới thiệu đại biểu",
                          "Báo cáo tình hình an ninh trật tự, chỉnh trang đô thị",
                          "Nhân dân phát biểu ý kiến, đối thoại", "Trả lời, giải trình các ý kiến",
                          "Kết luận hội nghị"],
            "dialogue_step": 3}


def d03() -> dict:
    """Central commune: the issuing body in the page header part, a footer, bookmarks."""
    d = Doc()
    d.header(["ĐẢNG ỦY XÃ HÒA VANG", "Số 52-KH/ĐU"], footer=["Trang 1", "Tệp: KH doi thoai 2025.docx"])
    d.p("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True)
    d.p("Hòa Vang, ngày 12 tháng 11 năm 2025", italic=True)
    title = d.p("KẾ HOẠCH", bold=True, align="center")
    d.bookmark(title, "_GoBack", 0)
    d.p("Hội nghị tiếp xúc, đối thoại của Bí thư Đảng ủy xã với Nhân dân năm 2025", bold=True)
    d.p("1. Thời gian, địa điểm", bold=True)
    d.p("Bắt đầu lúc 14 giờ 00 phút, ngày 26/11/2025, tại Hội trường Đảng ủy - UBND xã Hòa Vang; dự kiến "
        "kết thúc lúc 17 giờ 00 phút.")
    d.p("2. Chủ trì hội nghị", bold=True)
    marked = d.p("Đồng chí Trương Công Định, Bí thư Đảng ủy xã chủ trì; mời đồng chí Chủ tịch UBND xã cùng dự "
                 "để trả lời các ý kiến thuộc thẩm quyền.")
    d.bookmark(marked, "chutri", 1)
    d.p("3. Thành phần", bold=True)
    d.p("- Ban Thường vụ Đảng ủy xã;")
    d.p("- Bí thư chi bộ, trưởng thôn các thôn La Bông, Phú Sơn, Hòa Thọ;")
    d.p("- Đảng viên và Nhân dân các thôn (khoảng 110 người).")
    d.p("4. Chương trình", bold=True)
    d.p("- Khai mạc, giới thiệu đại biểu;")
    d.p("- Cán bộ, đảng viên và Nhân dân phát biểu, đối thoại;")
    d.p("- Đồng chí Bí thư Đảng ủy xã kết luận.")
    d.p("T/M BAN THƯỜNG VỤ", bold=True)
    d.p("BÍ THƯ", bold=True)
    d.p("Trương Công Định", bold=True)
    d.save("d03-xa-hoa-vang-header-part.docx")
    return {"title": "Hội nghị tiếp xúc, đối thoại của Bí thư Đảng ủy xã với Nhân dân năm 2025",
            "organisation": "Đảng ủy xã Hòa Vang", "place_name": "Hòa Vang",
            "venue": "Hội trường Đảng ủy - UBND xã Hòa Vang", "date": "2025-11-26", "start": "14:00",
            "end": "17:00",
            "chairs": [{"name": "Trương Công Định", "title": "Bí thư Đảng ủy xã"}],
            "attendance": [{"group": "Ban Thường vụ Đảng ủy xã"},
                           {"group": "Bí thư chi bộ, trưởng thôn các thôn La Bông, Phú Sơn, Hòa Thọ"},
                           {"group": "Đảng viên và Nhân dân các thôn", "invited": 110}],
            "programme": ["Khai mạc, giới thiệu đại biểu", "Cán bộ, đảng viên và Nhân dân phát biểu, đối thoại",
                          "Đồng chí Bí thư Đảng ủy xã kết luận"],
            "dialogue_step": 2}


def d04() -> dict:
    """Word's invisible characters: NBSP, soft hyphens, zero-width, smart quotes, tabs, split runs."""
    d = Doc()
    d.header_table(["ỦY BAN NHÂN DÂN", f"XÃ{NBSP}CHÂU{NBSP}THÀNH"],
                   NATIONAL + [f"Châu Thành, ngày{NBSP}03 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức Hội nghị đối thoại “trực tiếp” giữa Chủ tịch UBND xã với Nhân dân ấp Phú Hòa, "
        "ấp Phú Thạnh", bold=True)
    d.p(f"Thời gian:\t|Từ 07{NBSP}giờ{NBSP}30 đến 10{NBSP}giờ{NBSP}30, ngày{NBSP}16/11/2025{ZWSP}.")
    d.p(f"Địa{ZWSP} điểm:\tHội trường Ban nhân dân ấp Phú Hò{SHY}a.")
    d.p(f"Chủ trì:\tÔng Huỳnh Văn Tư{ZWJ} – Chủ tịch UBND xã.")
    d.p(f"Thư ký:\tÔng Lê Hoàng Nam – công chức Văn phò{SHY}ng - Thống kê.")
    d.p("Thành phần:")
    d.p("-\tTrưởng ấp, Phó Trưởng ấp, Trưởng ban công tác Mặt trận hai ấp:\t06 người;")
    d.p("-\tĐại diện hộ dân ấp Phú Hòa, ấp Phú Thạnh:\t70 người.")
    d.p("Chương trình:")
    d.p("1.\tTuyên bố lý do;")
    d.p("2.\tBà con phát |biểu, đối thoại với Chủ tịch UBND xã;")
    d.p("3.\tKết luận.")
    d.sign(["Nơi nhận:", "- Lưu VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Huỳnh Văn Tư"])
    d.save("d04-xa-chau-thanh-invisible-chars.docx")
    return {"title": "Hội nghị đối thoại “trực tiếp” giữa Chủ tịch UBND xã với Nhân dân ấp Phú Hòa, ấp Phú Thạnh",
            "organisation": "Ủy ban nhân dân xã Châu Thành", "place_name": "Châu Thành",
            "venue": "Hội trường Ban nhân dân ấp Phú Hòa", "date": "2025-11-16", "start": "07:30",
            "end": "10:30",
            "chairs": [{"name": "Huỳnh Văn Tư", "title": "Chủ tịch UBND xã"}],
            "secretary": "Lê Hoàng Nam",
            "attendance": [{"group": "Trưởng ấp, Phó Trưởng ấp, Trưởng ban công tác Mặt trận hai ấp", "invited": 6},
                           {"group": "Đại diện hộ dân ấp Phú Hòa, ấp Phú Thạnh", "invited": 70}],
            "programme": ["Tuyên bố lý do", "Bà con phát biểu, đối thoại với Chủ tịch UBND xã", "Kết luận"],
            "dialogue_step": 2}


def d05() -> dict:
    """A plain plan, re-saved by LibreOffice when `--soffice` is given (as a commune's LibreOffice would)."""
    d = Doc()
    d.header_table(["ỦY BAN NHÂN DÂN", "XÃ NAM ĐÀN", "Số: 310/KH-UBND"],
                   NATIONAL + ["Nam Đàn, ngày 17 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức đối thoại giữa Chủ tịch UBND xã với Nhân dân về xây dựng nông thôn mới kiểu mẫu", bold=True)
    d.p("1. Thời gian: 13 giờ 30 phút ngày 28/11/2025.")
    d.p("2. Địa điểm: Nhà văn hóa xóm 4, xã Nam Đàn.")
    d.p("3. Chủ trì: Ông Trần Đình Phong - Chủ tịch UBND xã.")
    d.p("4. Thành phần: Ban phát triển xóm; đại diện hộ gia đình các xóm 3, 4, 5.")
    d.p("5. Chương trình:")
    d.p("- Báo cáo kết quả xây dựng nông thôn mới kiểu mẫu;")
    d.p("- Nhân dân phát biểu, đối thoại;")
    d.p("- Kết luận.")
    d.sign(["Nơi nhận:", "- Lưu VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Đình Phong"])
    d.save("d05-xa-nam-dan-libreoffice.docx")
    return {"title": "Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân về xây dựng nông thôn mới kiểu mẫu",
            "organisation": "Ủy ban nhân dân xã Nam Đàn", "place_name": "Nam Đàn",
            "venue": "Nhà văn hóa xóm 4, xã Nam Đàn", "date": "2025-11-28", "start": "13:30",
            "chairs": [{"name": "Trần Đình Phong", "title": "Chủ tịch UBND xã"}],
            "attendance": [{"group": "Ban phát triển xóm"},
                           {"group": "Đại diện hộ gia đình các xóm 3, 4, 5"}],
            "programme": ["Báo cáo kết quả xây dựng nông thôn mới kiểu mẫu", "Nhân dân phát biểu, đối thoại",
                          "Kết luận"],
            "dialogue_step": 2}


def d06() -> dict:
    """Joint meeting; programme table whose first row is a merged title, lead merged down two steps."""
    d = Doc()
    d.header_table(["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY XÃ ĐÔ LƯƠNG", "*", "Số 61-KH/ĐU"],
                   PARTY + ["Đô Lương, ngày 25 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền xã với Nhân dân năm 2025", bold=True)
    d.p("1. Thời gian: Vào hồi 7h30, ngày 10/12/2025 (thứ Tư).")
    d.p("2. Địa điểm: Hội trường Trung tâm chính trị xã.")
    d.p("3. Chủ trì: Đồng chí Nguyễn Văn Lâm, Bí thư Đảng ủy xã và đồng chí Hoàng Thị Nga, Chủ tịch UBND xã.")
    d.p("4. Thành phần: các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã; Bí thư chi bộ, xóm trưởng các xóm; "
        "đại diện Nhân dân các xóm (dự kiến 180 người).")
    d.p("5. Chương trình:")
    d.table([["CHƯƠNG TRÌNH HỘI NGHỊ", "", ""],
             ["TT", "Nội dung", "Điều hành"],
             ["1", "Tuyên bố lý do, giới thiệu đại biểu", "Văn phòng Đảng ủy"],
             ["2", "Báo cáo kết quả thực hiện các kiến nghị tại hội nghị đối thoại năm 2024", "Chủ tịch UBND xã"],
             ["3", "Nhân dân phát biểu, đối thoại trực tiếp", "Bí thư Đảng ủy xã"],
             ["4", "Lãnh đạo xã giải trình, trả lời", ""],
             ["5", "Kết luận hội nghị", "Bí thư Đảng ủy xã"]],
            header=True, merges=[((0, 0), (0, 2)), ((4, 2), (5, 2))], bold_first=True)
    d.sign(["Nơi nhận:", "- Lưu VPĐU."], ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Lâm"])
    d.save("d06-xa-do-luong-merged-table.docx")
    return {"title": "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền xã với Nhân dân năm 2025",
            "organisation": "Đảng ủy xã Đô Lương", "place_name": "Đô Lương", "parent": "Đảng bộ tỉnh Nghệ An",
            "venue": "Hội trường Trung tâm chính trị xã", "date": "2025-12-10", "start": "07:30",
            "chairs": [{"name": "Nguyễn Văn Lâm", "title": "Bí thư Đảng ủy xã"},
                       {"name": "Hoàng Thị Nga", "title": "Chủ tịch UBND xã"}],
            "attendance": [{"group": "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã"},
                           {"group": "Bí thư chi bộ, xóm trưởng các xóm"},
                           {"group": "Đại diện Nhân dân các xóm", "invited": 180}],
            "programme": ["Tuyên bố lý do, giới thiệu đại biểu",
                          "Báo cáo kết quả thực hiện các kiến nghị tại hội nghị đối thoại năm 2024",
                          "Nhân dân phát biểu, đối thoại trực tiếp", "Lãnh đạo xã giải trình, trả lời",
                          "Kết luận hội nghị"],
            "dialogue_step": 3}


def d07() -> dict:
    """Programme steps numbered by Word's own list (the numbers are not in the text)."""
    d = Doc()
    d.numbering("steps", [("decimal", "%1.")])
    d.numbering("people", [("bullet", "")])
    d.header_table(["UBND XÃ VĨNH BẢO", "Số: 87/KH-UBND"], NATIONAL + ["Vĩnh Bảo, ngày 02 tháng 12 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức Hội nghị tiếp xúc, đối thoại với Nhân dân về chuyển đổi cơ cấu cây trồng năm 2025", bold=True)
    d.p("I. THỜI GIAN, ĐỊA ĐIỂM", bold=True)
    d.p("Thời gian: 08 giờ 00 phút ngày 13/12/2025 (thứ Bảy).")
    d.p("Địa điểm: Hội trường Hợp tác xã nông nghiệp Vĩnh Bảo.")
    d.p("II. THÀNH PHẦN", bold=True)
    d.p("Chủ trì: Ông Phạm Văn Cường, Chủ tịch UBND xã.")
    d.item("people", 0, "Hội Nông dân xã: 05 người;")
    d.item("people", 0, "Ban quản trị Hợp tác xã nông nghiệp: 07 người;")
    d.item("people", 0, "Hộ nông dân các thôn: 120 người.")
    d.p("III. CHƯƠNG TRÌNH", bold=True)
    d.item("steps", 0, "Tuyên bố lý do, giới thiệu đại biểu;")
    d.item("steps", 0, "Báo cáo phương án chuyển đổi cơ cấu cây trồng vụ Xuân 2026;")
    d.item("steps", 0, "Hộ nông dân phát biểu, đối thoại với lãnh đạo xã;")
    d.item("steps", 0, "Chủ tịch UBND xã kết luận.")
    d.sign(["Nơi nhận:", "- Lưu VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Văn Cường"])
    d.save("d07-xa-vinh-bao-word-list.docx")
    return {"title": "Hội nghị tiếp xúc, đối thoại với Nhân dân về chuyển đổi cơ cấu cây trồng năm 2025",
            "organisation": "Ủy ban nhân dân xã Vĩnh Bảo", "place_name": "Vĩnh Bảo",
            "venue": "Hội trường Hợp tác xã nông nghiệp Vĩnh Bảo", "date": "2025-12-13", "start": "08:00",
            "chairs": [{"name": "Phạm Văn Cường", "title": "Chủ tịch UBND xã"}],
            "attendance": [{"group": "Hội Nông dân xã", "invited": 5},
                           {"group": "Ban quản trị Hợp tác xã nông nghiệp", "invited": 7},
                           {"group": "Hộ nông dân các thôn", "invited": 120}],
            "programme": ["Tuyên bố lý do, giới thiệu đại biểu",
                          "Báo cáo phương án chuyển đổi cơ cấu cây trồng vụ Xuân 2026",
                          "Hộ nông dân phát biểu, đối thoại với lãnh đạo xã", "Chủ tịch UBND xã kết luận"],
            "dialogue_step": 3}


