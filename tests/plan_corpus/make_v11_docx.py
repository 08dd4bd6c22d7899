"""Rebuild v11-phuong-an-binh-word-list-levels.docx: a ward's plan whose lists are Word's own
(List Number / List Bullet, nested List Bullet 2 items under groups and steps), with the
recipients and signature in a table right after the programme.

    python make_v11_docx.py v11-phuong-an-binh-word-list-levels.docx      (needs python-docx)
"""

import sys

from docx import Document


def build(path):
    doc = Document()
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.paragraphs[0].add_run("ỦY BAN NHÂN DÂN")
    left.add_paragraph("PHƯỜNG AN BÌNH")
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("An Bình, ngày 30 tháng 11 năm 2026")
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Tổ chức Hội nghị đối thoại trực tiếp giữa Chủ tịch UBND phường với Nhân dân năm 2026")
    doc.add_paragraph("1. Thời gian: 19 giờ 00, thứ Bảy, ngày 19/12/2026.")
    doc.add_paragraph("2. Địa điểm: Nhà văn hóa khu phố 3, phường An Bình.")
    doc.add_paragraph("3. Chủ trì: bà Trịnh Thu Hằng, Chủ tịch UBND phường.")
    doc.add_paragraph("4. Thành phần mời:")
    doc.add_paragraph("Đại biểu phường: 15 người, gồm:", style="List Bullet")
    doc.add_paragraph("Thường trực Đảng ủy, HĐND phường;", style="List Bullet 2")
    doc.add_paragraph("Ủy ban MTTQ Việt Nam và các đoàn thể phường.", style="List Bullet 2")
    doc.add_paragraph("Tổ trưởng các tổ dân phố: 12 người.", style="List Bullet")
    doc.add_paragraph("Bà con khu phố 3: 80 người.", style="List Bullet")
    doc.add_paragraph("5. Chương trình:")
    for step, detail in (("Khai mạc, tuyên bố lý do", "Người thực hiện: Văn phòng UBND phường (10 phút)"),
                         ("Báo cáo tình hình kinh tế - xã hội của phường năm 2026", "Người thực hiện: Phó Chủ tịch UBND phường (15 phút)"),
                         ("Bà con phát biểu ý kiến, Chủ tịch UBND phường trả lời", "Người thực hiện: Chủ trì (90 phút)"),
                         ("Kết luận", "Người thực hiện: Chủ tịch UBND phường (10 phút)")):
        doc.add_paragraph(step, style="List Number")
        doc.add_paragraph(detail, style="List Bullet 2")
    sign = doc.add_table(rows=1, cols=2)
    a, b = sign.rows[0].cells
    a.paragraphs[0].add_run("Nơi nhận:")
    a.add_paragraph("- Thường trực Đảng ủy phường (b/c);")
    a.add_paragraph("- Các tổ dân phố;")
    a.add_paragraph("- Lưu: VT.")
    b.paragraphs[0].add_run("KT. CHỦ TỊCH")
    b.add_paragraph("PHÓ CHỦ TỊCH")
    b.add_paragraph("Lâm Quốc Việt")
    doc.save(path)


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else "v11-phuong-an-binh-word-list-levels.docx")
