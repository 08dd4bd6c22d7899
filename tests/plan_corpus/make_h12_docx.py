"""Rebuild plan.docx: a Ho Chi Minh City ward's THÔNG BÁO with Word heading styles and bullets.

    python make_plan_docx.py plan.docx      (needs python-docx)
"""

import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt


def centred(cell, text, bold=False, italic=False):
    p = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    return p


def body(doc, text, bold_label=None):
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.first_line_indent = Cm(1)
    if bold_label:
        p.add_run(bold_label).bold = True
    p.add_run(text)
    return p


def build(path):
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)

    header = doc.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    centred(left, "ỦY BAN NHÂN DÂN")
    centred(left, "PHƯỜNG LONG PHƯỚC TÂY", bold=True)
    centred(left, "Số: 318/TB-UBND")
    centred(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    centred(right, "Độc lập - Tự do - Hạnh phúc", bold=True)
    centred(right, "Long Phước Tây, ngày 07 tháng 12 năm 2026", italic=True)

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("THÔNG BÁO").bold = True
    subject = doc.add_paragraph()
    subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subject.add_run(
        "Về việc tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân "
        "phường với Nhân dân các khu phố năm 2026").bold = True

    body(doc, "Thực hiện Kế hoạch số 276/KH-UBND ngày 16/11/2026 của Ủy ban nhân dân phường "
              "về tiếp xúc, đối thoại trực tiếp với Nhân dân năm 2026; để bà con cô bác trong "
              "phường có dịp trao đổi, phản ánh trực tiếp những khó khăn, vướng mắc với lãnh đạo "
              "phường, Ủy ban nhân dân phường Long Phước Tây thông báo như sau:")

    doc.add_heading("I. THỜI GIAN, ĐỊA ĐIỂM", level=1)
    body(doc, "8 giờ 00, Chủ nhật, ngày 20/12/2026 (dự kiến kết thúc lúc 11 giờ 00 cùng ngày).",
         "Thời gian: ")
    body(doc, "Hội trường Ủy ban nhân dân phường Long Phước Tây (số 125 đường Nguyễn Văn Tăng, "
              "khu phố Long Hòa).", "Địa điểm: ")

    doc.add_heading("II. CHỦ TRÌ VÀ THƯ KÝ HỘI NGHỊ", level=1)
    doc.add_paragraph("Chủ trì: Ông Đoàn Minh Khang – Chủ tịch UBND phường.", style="List Bullet")
    doc.add_paragraph("Thư ký: Bà Lý Ngọc Trâm – Chuyên viên Văn phòng HĐND và UBND phường.",
                      style="List Bullet")

    doc.add_heading("III. THÀNH PHẦN MỜI", level=1)
    for line in (
        "Thường trực Đảng ủy, Thường trực HĐND phường: 04 người.",
        "Lãnh đạo UBND phường, Ủy ban MTTQ Việt Nam phường và các đoàn thể phường: 10 người.",
        "Trưởng Công an phường, công chức phụ trách đô thị, đất đai, môi trường, văn hóa - xã hội: 08 người.",
        "Bí thư chi bộ, Ban điều hành 6 khu phố: 18 người.",
        "Bà con cô bác đại diện hộ dân 6 khu phố (mỗi khu phố 20 hộ): 120 người.",
    ):
        doc.add_paragraph(line, style="List Bullet")
    body(doc, "Tổng cộng: 160 người.")

    doc.add_heading("IV. CHƯƠNG TRÌNH HỘI NGHỊ", level=1)
    for slot, content, lead in (
        ("8g00 – 8g15", "Ổn định tổ chức, tuyên bố lý do, giới thiệu đại biểu",
         "Văn phòng HĐND và UBND phường"),
        ("8g15 – 8g35", "Báo cáo kết quả thực hiện nhiệm vụ kinh tế - xã hội năm 2026 và kết quả "
                        "giải quyết ý kiến của bà con tại hội nghị đối thoại năm 2025",
         "Phó Chủ tịch UBND phường Trần Quốc Bảo"),
        ("8g35 – 10g30", "Bà con phát biểu ý kiến, kiến nghị; Chủ tịch UBND phường và các bộ phận "
                         "chuyên môn đối thoại, trả lời trực tiếp", "Chủ trì hội nghị"),
        ("10g30 – 10g45", "Phát biểu của đại diện Ủy ban MTTQ Việt Nam phường",
         "Chủ tịch Ủy ban MTTQ Việt Nam phường"),
        ("10g45 – 11g00", "Chủ tịch UBND phường phát biểu kết luận hội nghị", "Chủ tịch UBND phường"),
    ):
        doc.add_paragraph(f"{slot}: {content}.", style="List Bullet")
        doc.add_paragraph(f"Phụ trách: {lead}.", style="List Bullet 2")

    doc.add_heading("V. TỔ CHỨC THỰC HIỆN", level=1)
    doc.add_heading("1. Ban điều hành các khu phố", level=2)
    doc.add_paragraph("Thông báo, mời bà con cô bác dự hội nghị; gửi danh sách bà con được mời về "
                      "Văn phòng HĐND và UBND phường trước 17 giờ 00, thứ Ba, ngày 15/12/2026.",
                      style="List Bullet")
    doc.add_paragraph("Tổng hợp ý kiến, kiến nghị của bà con trong khu phố, gửi Ủy ban MTTQ Việt Nam "
                      "phường trước ngày 14/12/2026.", style="List Bullet")
    doc.add_heading("2. Văn phòng HĐND và UBND phường", level=2)
    doc.add_paragraph("Phát thanh thông báo trên loa của phường từ ngày 14/12/2026 đến ngày "
                      "19/12/2026; chuẩn bị hội trường, âm thanh, nước uống.", style="List Bullet")
    doc.add_paragraph("Tham mưu thông báo kết luận của Chủ tịch UBND phường, đăng tải trên cổng "
                      "thông tin điện tử phường trước ngày 30/12/2026.", style="List Bullet")
    body(doc, "Ủy ban nhân dân phường Long Phước Tây trân trọng kính mời bà con cô bác đến dự "
              "đông đủ, đúng giờ./.")

    sign = doc.add_table(rows=1, cols=2)
    left, right = sign.rows[0].cells
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    for line in ("- Thường trực Đảng ủy phường (b/c);", "- Thường trực HĐND phường;",
                 "- Ủy ban MTTQ Việt Nam phường;", "- Ban điều hành 6 khu phố;", "- Lưu: VT."):
        left.add_paragraph(line)
    centred(right, "KT. CHỦ TỊCH", bold=True)
    centred(right, "PHÓ CHỦ TỊCH", bold=True)
    centred(right, "")
    centred(right, "Trần Quốc Bảo", bold=True)
    doc.save(path)


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else "plan.docx")
