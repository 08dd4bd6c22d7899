"""Rebuild plan.docx: a Mekong-delta xã KẾ HOẠCH with its programme in a real Word table.

    python make_plan_docx.py plan.docx      (needs python-docx)
"""

import sys

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "XÃ PHÚ AN ĐÔNG", "", "Số: 96/KH-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                "Phú An Đông, ngày 24 tháng 11 năm 2026"]

BODY_1 = [
    ("c", "KẾ HOẠCH", True),
    ("c", "Tổ chức Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền xã với Nhân dân năm 2026", True),
    ("j", "Căn cứ Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị; Luật Thực hiện dân chủ ở cơ sở năm 2022; Kế hoạch số 215-KH/ĐU ngày 05/11/2026 của Đảng ủy xã Phú An Đông;", False),
    ("j", "Ủy ban nhân dân xã xây dựng Kế hoạch tổ chức Hội nghị đối thoại với Nhân dân năm 2026, cụ thể như sau:", False),
    ("l", "I. MỤC ĐÍCH, YÊU CẦU", True),
    ("j", "- Lắng nghe tâm tư, nguyện vọng của bà con Nhân dân các ấp; kịp thời giải quyết những khó khăn, vướng mắc phát sinh ở cơ sở, nhất là về đất đai, giao thông nông thôn, thủy lợi nội đồng.", False),
    ("j", "- Hội nghị tổ chức nghiêm túc, dân chủ, đúng thành phần; lãnh đạo xã trả lời thẳng thắn, cụ thể từng ý kiến của bà con.", False),
    ("l", "II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", True),
    ("j", "1. Thời gian: Vào lúc 7 giờ 30 sáng Chủ nhật, ngày 13/12/2026 (dự kiến kết thúc lúc 11 giờ trưa cùng ngày).", False),
    ("j", "2. Địa điểm: Hội trường Ủy ban nhân dân xã Phú An Đông (ấp Phú Hữu).", False),
    ("j", "3. Chủ tọa hội nghị:", False),
    ("j", "- Đồng chí Trần Văn Tám – Bí thư Đảng ủy xã;", False),
    ("j", "- Đồng chí Nguyễn Thị Bé Năm – Phó Bí thư Đảng ủy, Chủ tịch UBND xã.", False),
    ("j", "Thư ký: đồng chí Lâm Ngọc Trâm – Công chức Văn phòng – Thống kê xã.", False),
    ("j", "4. Thành phần mời (khoảng 130 người):", False),
    ("j", "a) Khách mời: đại diện Ban Dân vận Tỉnh ủy An Giang (02 người).", False),
    ("j", "b) Cấp xã: Thường trực Đảng ủy, Thường trực HĐND, lãnh đạo UBND, Ủy ban MTTQ Việt Nam và các đoàn thể chính trị - xã hội xã (18 người).", False),
    ("j", "c) Công chức chuyên môn, Trưởng Công an xã, Chỉ huy trưởng Ban Chỉ huy Quân sự xã (10 người).", False),
    ("j", "d) Bí thư chi bộ, Trưởng ấp, Trưởng ban công tác Mặt trận 06 ấp (18 người).", False),
    ("j", "đ) Bà con Nhân dân, đại diện hộ gia đình các ấp (mỗi ấp 14 người): 84 người.", False),
    ("l", "III. CHƯƠNG TRÌNH HỘI NGHỊ", True),
]

PROGRAMME = [
    ("STT", "Nội dung", "Người thực hiện", "Thời lượng"),
    ("1", "Đón tiếp đại biểu, ổn định tổ chức, tuyên bố lý do, giới thiệu đại biểu", "Văn phòng HĐND và UBND xã", "10 phút"),
    ("2", "Phát biểu khai mạc hội nghị", "Đồng chí Bí thư Đảng ủy xã", "05 phút"),
    ("3", "Báo cáo tóm tắt kết quả thực hiện nhiệm vụ kinh tế - xã hội năm 2026; kết quả giải quyết ý kiến, kiến nghị của bà con tại hội nghị năm 2025", "Đồng chí Phó Chủ tịch UBND xã Huỳnh Văn Lợi", "20 phút"),
    ("4", "Bà con Nhân dân phát biểu ý kiến, kiến nghị; Chủ tọa và các ngành chuyên môn trả lời, đối thoại trực tiếp", "Chủ tọa hội nghị", "150 phút"),
    ("5", "Kết luận hội nghị", "Đồng chí Chủ tịch UBND xã", "15 phút"),
]

BODY_2 = [
    ("j", "(Giải lao 10 phút lúc 9 giờ 30, không tính vào thời lượng các nội dung.)", False),
    ("l", "IV. TỔ CHỨC THỰC HIỆN", True),
    ("j", "1. Văn phòng HĐND và UBND xã: tham mưu giấy mời, gửi đến đại biểu chậm nhất ngày 08/12/2026; chuẩn bị hội trường, âm thanh, nước uống; phân công công chức đón tiếp, hướng dẫn bà con đăng ký phát biểu.", False),
    ("j", "2. Ủy ban MTTQ Việt Nam xã: tổng hợp ý kiến, kiến nghị bà con gửi trước từ ngày 30/11/2026 đến ngày 07/12/2026, chuyển UBND xã để chuẩn bị nội dung trả lời.", False),
    ("j", "3. Trưởng các ấp: thông báo trên loa phóng thanh của ấp, mời đủ số hộ theo phân bổ; báo cáo danh sách về UBND xã trước ngày 10/12/2026.", False),
    ("j", "4. Công an xã: bảo đảm an ninh trật tự, an toàn giao thông khu vực hội trường. Ngày 12/12/2026 lúc 14 giờ 00, Văn phòng chủ trì họp Tổ phục vụ để kiểm tra công tác chuẩn bị.", False),
    ("j", "Trên đây là Kế hoạch tổ chức Hội nghị đối thoại trực tiếp với Nhân dân năm 2026 của Ủy ban nhân dân xã Phú An Đông./.", False),
]

SIGN_LEFT = ["Nơi nhận:", "- Ban Dân vận Tỉnh ủy (b/c);", "- Thường trực Đảng ủy xã (b/c);",
             "- Thường trực HĐND xã;", "- Ủy ban MTTQ VN và các đoàn thể xã;", "- Các ấp;",
             "- Lưu: VT."]
SIGN_RIGHT = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "Nguyễn Thị Bé Năm"]


def _cell_lines(cell, lines, bold_upto=0, italic_last=False):
    cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(line)
        run.bold = i < bold_upto
        run.italic = italic_last and i == len(lines) - 1


def build(path):
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)

    head = doc.add_table(rows=1, cols=2)
    _cell_lines(head.cell(0, 0), HEADER_LEFT, bold_upto=2)
    _cell_lines(head.cell(0, 1), HEADER_RIGHT, bold_upto=2, italic_last=True)

    def add(items):
        for align, text, bold in items:
            p = doc.add_paragraph()
            p.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "l": WD_ALIGN_PARAGRAPH.LEFT,
                           "j": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
            if align == "j":
                p.paragraph_format.first_line_indent = Cm(1)
            p.add_run(text).bold = bold

    add(BODY_1)
    table = doc.add_table(rows=len(PROGRAMME), cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, row in enumerate(PROGRAMME):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.text = text
            if r == 0:
                cell.paragraphs[0].runs[0].bold = True
    add(BODY_2)

    sign = doc.add_table(rows=1, cols=2)
    left = sign.cell(0, 0)
    left.paragraphs[0].text = ""
    for i, line in enumerate(SIGN_LEFT):
        p = left.paragraphs[0] if i == 0 else left.add_paragraph()
        run = p.add_run(line)
        run.bold = i == 0
        run.italic = i == 0
        run.font.size = Pt(12 if i == 0 else 11)
    _cell_lines(sign.cell(0, 1), SIGN_RIGHT, bold_upto=2)
    sign.cell(0, 1).paragraphs[-1].runs[0].bold = True
    doc.save(path)


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else "plan.docx")
