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


def grid(doc, rows):
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
            if r == 0:
                for run in table.cell(r, c).paragraphs[0].runs:
                    run.bold = True
    return table


def main(out):
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)
    head = doc.add_table(rows=1, cols=2)
    left, right = head.rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN\nPHƯỜNG KIM GIANG TÂY\n\nSố: 318/KH-UBND"
    right.text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
                  "Kim Giang Tây, ngày 24 tháng 11 năm 2026")
    para(doc, "KẾ HOẠCH", bold=True, center=True)
    para(doc, "Tổ chức Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền "
              "phường với Nhân dân về trật tự đô thị, vệ sinh môi trường năm 2026",
         bold=True, center=True)
    para(doc, "Thực hiện Kế hoạch số 41-KH/ĐU ngày 15/10/2026 của Đảng ủy phường về tiếp xúc, "
              "đối thoại trực tiếp với Nhân dân; Ủy ban nhân dân phường Kim Giang Tây ban hành "
              "Kế hoạch tổ chức Hội nghị như sau:")
    para(doc, "A. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(doc, "Lắng nghe ý kiến của Nhân dân về lấn chiếm vỉa hè, thu gom rác thải, thoát nước "
              "và tiếng ồn tại các tổ dân phố; giải đáp kịp thời, công khai, đúng pháp luật.")
    para(doc, "B. NỘI DUNG CỤ THỂ", bold=True)
    para(doc, "Thời gian: Bắt đầu 08h00 thứ Bảy, ngày 12/12/2026; kết thúc 11h30 cùng ngày.",
         style="List Bullet")
    para(doc, "Địa điểm: Hội trường tầng 3, trụ sở Đảng ủy - HĐND - UBND phường, "
              "số 15 phố Hoàng Đạo Thành.", style="List Bullet")
    para(doc, "Ban điều hành hội nghị (theo bảng phân công dưới đây):", style="List Bullet")
    grid(doc, [
        ("TT", "Họ và tên", "Chức vụ", "Nhiệm vụ tại hội nghị"),
        ("1", "Đỗ Mạnh Cường", "Bí thư Đảng ủy phường", "Đồng chủ trì"),
        ("2", "Nguyễn Thị Thanh Hương", "Phó Bí thư Đảng ủy, Chủ tịch UBND phường", "Đồng chủ trì"),
        ("3", "Phạm Quốc Toản", "Phó Chủ tịch UBND phường", "Dẫn chương trình"),
        ("4", "Vũ Ngọc Ánh", "Chuyên viên Văn phòng HĐND - UBND phường", "Thư ký, ghi biên bản"),
        ("5", "Lương Văn Hiếu", "Công chức Địa chính - Xây dựng - Đô thị", "Tổng hợp phiếu ý kiến"),
    ])
    para(doc, "Khách mời và đại biểu:", style="List Bullet")
    para(doc, "Lãnh đạo Thường trực HĐND, Ủy ban MTTQ Việt Nam phường (05 đại biểu)",
         style="List Bullet 2")
    para(doc, "Trưởng các phòng, ban chuyên môn và Công an phường (10 đại biểu)",
         style="List Bullet 2")
    para(doc, "Đại diện Đội Quản lý trật tự đô thị, Công ty TNHH MTV Môi trường đô thị "
              "(04 đại biểu)", style="List Bullet 2")
    para(doc, "Bí thư chi bộ, Tổ trưởng tổ dân phố của 18 tổ dân phố (36 đại biểu)",
         style="List Bullet 2")
    para(doc, "Nhân dân các tổ dân phố (60 đại biểu)", style="List Bullet 2")
    para(doc, "Chương trình hội nghị:", style="List Bullet")
    grid(doc, [
        ("STT", "Nội dung", "Người thực hiện", "Thời gian"),
        ("1", "Ổn định tổ chức, tuyên bố lý do, giới thiệu đại biểu", "Đ/c Phạm Quốc Toản",
         "08h00 - 08h10"),
        ("2", "Phát biểu khai mạc", "Đ/c Bí thư Đảng ủy phường", "08h10 - 08h20"),
        ("3", "Báo cáo kết quả công tác quản lý trật tự đô thị, vệ sinh môi trường năm 2026",
         "Đ/c Phó Chủ tịch UBND phường", "08h20 - 08h45"),
        ("4", "Nhân dân phát biểu ý kiến; lãnh đạo phường và các đơn vị giải đáp, đối thoại",
         "Đồng chủ trì hội nghị", "08h45 - 11h00"),
        ("5", "Phát biểu kết luận, bế mạc hội nghị", "Đ/c Chủ tịch UBND phường", "11h00 - 11h30"),
    ])
    para(doc, "C. TỔ CHỨC THỰC HIỆN", bold=True)
    para(doc, "1. Văn phòng HĐND - UBND phường chuẩn bị hội trường, tài liệu; gửi giấy mời "
              "trước ngày 05/12/2026; dự thảo Thông báo kết luận trình Chủ tịch UBND phường "
              "ký ban hành trước ngày 22/12/2026.")
    para(doc, "2. Các tổ dân phố tổng hợp ý kiến của Nhân dân gửi về UBND phường (qua đồng chí "
              "Lương Văn Hiếu) trước 17h00 ngày 04/12/2026.")
    para(doc, "3. Công an phường bảo đảm an ninh trật tự; hội trường mở cửa đón đại biểu từ 07h30.")
    sign = doc.add_table(rows=1, cols=2)
    l, r = sign.rows[0].cells
    l.text = ("Nơi nhận:\n- Thường trực Đảng ủy phường (b/c);\n- Thường trực HĐND phường;\n"
              "- Ủy ban MTTQ Việt Nam phường;\n- 18 tổ dân phố;\n- Lưu: VT.")
    r.text = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nPhạm Quốc Toản"
    doc.save(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "plan.docx")
