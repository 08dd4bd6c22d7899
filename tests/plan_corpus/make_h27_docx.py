"""Rebuild plan.docx: python make_plan_docx.py plan.docx (needs python-docx)."""

import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt


def para(doc, text, bold=False, italic=False, center=False, style=None):
    p = doc.add_paragraph(style=style)
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def main(out):
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(13)
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN\nXÃ NAM GIANG THƯỢNG\n\nSố: 142/KH-UBND"
    right.text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
                  "Nam Giang Thượng, ngày 20 tháng 11 năm 2026")
    para(doc, "KẾ HOẠCH", bold=True, center=True)
    para(doc, "Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp của Chủ tịch UBND xã "
              "với Nhân dân năm 2026", bold=True, center=True)
    para(doc, "Căn cứ Luật Tổ chức chính quyền địa phương năm 2025; căn cứ Quy định số "
              "11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị; thực hiện Chương trình công tác "
              "năm 2026, Ủy ban nhân dân xã Nam Giang Thượng xây dựng Kế hoạch tổ chức Hội "
              "nghị tiếp xúc, đối thoại trực tiếp với Nhân dân năm 2026 như sau:")
    para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "- Nắm bắt tâm tư, nguyện vọng, kịp thời giải quyết những khó khăn, vướng mắc "
              "của Nhân dân, nhất là về đất đai, giao thông nội đồng, nước sạch và chính "
              "sách an sinh xã hội.")
    para(doc, "- Hội nghị tổ chức dân chủ, công khai, đúng quy định; ý kiến của Nhân dân "
              "được ghi nhận đầy đủ, trả lời rõ ràng.")
    para(doc, "II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", bold=True)
    para(doc, "1. Thời gian tổ chức: Từ 13 giờ 30 phút đến 17 giờ 00 phút, thứ Tư ngày "
              "09/12/2026.")
    para(doc, "2. Địa điểm tổ chức: Hội trường Trung tâm Văn hóa - Thể thao xã Nam Giang "
              "Thượng.")
    para(doc, "3. Người điều hành hội nghị: đồng chí Hồ Đức Thịnh – Chủ tịch UBND xã.")
    para(doc, "4. Ghi biên bản: đồng chí Phan Thị Lài – công chức Văn hóa - Xã hội xã.")
    para(doc, "5. Thành phần tham dự (có bảng kèm theo):")
    rows = [
        ("TT", "Thành phần", "Số lượng"),
        ("1", "Đại diện Thường trực Đảng ủy, HĐND, UBND, Ủy ban MTTQ Việt Nam xã", "08"),
        ("2", "Công chức chuyên môn UBND xã, Trưởng Công an xã", "09"),
        ("3", "Bí thư chi bộ, Xóm trưởng, Trưởng ban công tác Mặt trận 11 xóm", "33"),
        ("4", "Đại diện Nhân dân các xóm (mỗi xóm 08 người)", "88"),
        ("", "Tổng cộng", "138"),
    ]
    table = doc.add_table(rows=len(rows), cols=3)
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = value
            if r == 0 or r == len(rows) - 1:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    para(doc, "III. NỘI DUNG, CHƯƠNG TRÌNH HỘI NGHỊ", bold=True)
    steps = [
        "13h30 – 13h45: Ổn định tổ chức, tuyên bố lý do, giới thiệu đại biểu. "
        "Thực hiện: Văn phòng HĐND và UBND xã.",
        "13h45 – 13h55: Phát biểu khai mạc hội nghị. Thực hiện: Chủ tịch UBND xã.",
        "13h55 – 14h20: Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội "
        "năm 2026 và kết quả giải quyết kiến nghị của Nhân dân sau hội nghị đối thoại năm "
        "2025. Thực hiện: Phó Chủ tịch UBND xã Nguyễn Văn Quế.",
        "14h20 – 16h40: Nhân dân phát biểu ý kiến, kiến nghị; Chủ tịch UBND xã và các bộ "
        "phận chuyên môn trả lời, giải trình. Thực hiện: Người điều hành hội nghị.",
        "16h40 – 17h00: Kết luận hội nghị. Thực hiện: Chủ tịch UBND xã.",
    ]
    for step in steps:
        para(doc, step, style="List Number")
    para(doc, "Giải lao 10 phút vào khoảng 15 giờ 30 phút, nằm trong thời gian đối thoại.",
         italic=True)
    para(doc, "IV. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "1. Văn phòng HĐND và UBND xã: tham mưu giấy mời, chuẩn bị hội trường, âm "
              "thanh; tổng hợp ý kiến, kiến nghị gửi trước hội nghị, hoàn thành trước ngày "
              "30/11/2026; dự thảo Thông báo kết luận trong 05 ngày làm việc sau hội nghị.")
    para(doc, "2. Các xóm: lựa chọn, lập danh sách đại diện Nhân dân dự hội nghị, gửi về UBND "
              "xã trước 17 giờ 00 ngày 04/12/2026.")
    para(doc, "3. Tổ chức hội nghị trù bị lúc 08 giờ 00 ngày 07/12/2026 tại phòng họp UBND "
              "xã, do đồng chí Phó Chủ tịch UBND xã chủ trì.")
    para(doc, "Trên đây là Kế hoạch tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp của Chủ "
              "tịch UBND xã với Nhân dân năm 2026./.")
    sign = doc.add_table(rows=1, cols=2)
    sign.rows[0].cells[0].text = ("Nơi nhận:\n- TT Đảng ủy, TT HĐND xã (b/c);\n"
                                  "- Ủy ban MTTQ Việt Nam xã;\n- Các xóm;\n- Lưu: VT.")
    sign.rows[0].cells[1].text = ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n"
                                  "Nguyễn Văn Quế")
    doc.save(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "plan.docx")
