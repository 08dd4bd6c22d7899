"""Rebuild plan.docx: a ward's KẾ HOẠCH as a PDF-to-Word converter leaves it. Every visual line
of the PDF is its own paragraph (sentences broken mid-phrase), the two-column header is merged
into two lines, the running header and the "Trang N/4" footer of each page sit in the text, and
the programme table has become tab-separated lines, wrapped cells continuing on their own lines.

    python make_h18_docx.py h18-phuong-lac-vien-dong-pdf-sang-docx.docx      (needs python-docx)
"""

import sys

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt

RUNNING = "Kế hoạch số 215/KH-UBND ngày 27/11/2026 của UBND phường Lạc Viên Đông"

PAGES = [
    [
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "PHƯỜNG LẠC VIÊN ĐÔNG Độc lập - Tự do - Hạnh phúc",
        "Số: 215/KH-UBND Lạc Viên Đông, ngày 27 tháng 11 năm 2026",
        "KẾ HOẠCH",
        "Tổ chức Hội nghị đối thoại trực tiếp giữa người đứng đầu Ủy ban nhân",
        "dân phường với Nhân dân các tổ dân phố năm 2026",
        "Thực hiện Luật Thực hiện dân chủ ở cơ sở năm 2022; Luật Tổ chức chính quyền",
        "địa phương năm 2025; Kế hoạch số 96-KH/ĐU ngày 02/10/2026 của Đảng ủy",
        "phường về lãnh đạo công tác dân vận năm 2026, Ủy ban nhân dân phường Lạc",
        "Viên Đông xây dựng Kế hoạch tổ chức Hội nghị đối thoại trực tiếp giữa người",
        "đứng đầu Ủy ban nhân dân phường với Nhân dân các tổ dân phố năm 2026 như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- Lắng nghe, tiếp thu ý kiến, kiến nghị của Nhân dân về công tác quản lý đô",
        "thị, trật tự xây dựng, vệ sinh môi trường, an sinh xã hội và thái độ phục vụ",
        "của cán bộ, công chức phường; kịp thời giải quyết những vấn đề bức xúc, phát",
        "sinh tại cơ sở.",
        "- Hội nghị tổ chức trang trọng, dân chủ, đúng nguyên tắc; nội dung đối thoại",
        "thiết thực, tránh hình thức.",
        "II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
        "1. Thời gian: 01 buổi, bắt đầu lúc 14 giờ 00, thứ Ba ngày 15/12/2026; dự",
        "kiến kết thúc lúc 17 giờ 00 cùng ngày.",
        "2. Địa điểm: Hội trường tầng 3, trụ sở Ủy ban nhân dân phường Lạc Viên",
        "Đông (số 08 đường Lê Lợi).",
        "3. Chủ trì hội nghị: Đồng chí Vũ Quang Trung, Phó Bí thư Đảng ủy, Chủ tịch",
        "UBND phường.",
    ],
    [
        "Thư ký hội nghị: Bà Phạm Thu Hà, chuyên viên Văn phòng HĐND và UBND",
        "phường.",
        "4. Thành phần mời dự: 158 đại biểu, cụ thể:",
        "a) Thường trực Đảng ủy, Thường trực HĐND phường: 05 đại biểu.",
        "b) Lãnh đạo UBND phường, Ủy ban MTTQ Việt Nam phường và các tổ chức chính",
        "trị - xã hội phường: 11 đại biểu.",
        "c) Trưởng Công an phường, công chức các phòng, bộ phận chuyên môn: 10 đại",
        "biểu.",
        "d) Bí thư chi bộ, Tổ trưởng tổ dân phố, Trưởng ban công tác Mặt trận 12 tổ",
        "dân phố: 36 đại biểu.",
        "đ) Đại diện hộ gia đình 12 tổ dân phố (mỗi tổ 08 hộ): 96 đại biểu.",
        "III. CHƯƠNG TRÌNH HỘI NGHỊ",
        "STT\tThời gian\tNội dung\tThực hiện",
        "1\t14h00 - 14h10\tỔn định tổ chức, tuyên bố lý do, giới\tVăn phòng HĐND",
        "\t\tthiệu đại biểu\tvà UBND phường",
        "2\t14h10 - 14h30\tBáo cáo kết quả thực hiện nhiệm vụ phát\tPhó Chủ tịch",
        "\t\ttriển kinh tế - xã hội năm 2026 và kết quả\tUBND phường",
        "\t\tgiải quyết kiến nghị của Nhân dân năm 2025\t",
        "3\t14h30 - 16h30\tNhân dân phát biểu ý kiến, kiến nghị; lãnh\tChủ tịch UBND",
        "\t\tđạo phường đối thoại, giải trình trực tiếp\tphường",
        "4\t16h30 - 16h45\tPhát biểu của đại diện Đảng ủy phường\tBí thư Đảng ủy",
        "\t\t\tphường",
        "5\t16h45 - 17h00\tKết luận hội nghị\tChủ tịch UBND",
        "\t\t\tphường",
    ],
    [
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Văn phòng HĐND và UBND phường: tham mưu giấy mời, chuẩn bị hội trường,",
        "tài liệu; tổng hợp ý kiến, kiến nghị của Nhân dân gửi trước hội nghị, chuyển các",
        "bộ phận chuẩn bị nội dung trả lời trước ngày 10/12/2026; cử thư ký ghi biên",
        "bản; tham mưu Thông báo kết luận của Chủ tịch UBND phường chậm nhất ngày",
        "25/12/2026.",
        "2. Đề nghị Ủy ban MTTQ Việt Nam phường: chỉ đạo Ban công tác Mặt trận các",
        "tổ dân phố tổ chức lấy ý kiến của Nhân dân từ ngày 30/11/2026 đến hết ngày",
        "07/12/2026, tổng hợp gửi UBND phường (qua Văn phòng).",
        "3. Công an phường: bảo đảm an ninh trật tự tại hội nghị; tổ chức trông giữ xe",
        "cho đại biểu từ 13 giờ 30 ngày 15/12/2026.",
        "4. Tổ trưởng các tổ dân phố: thông báo đến các hộ gia đình; lập danh sách đại",
        "diện hộ dự hội nghị gửi Văn phòng trước 17 giờ 00 ngày 09/12/2026.",
        "Trên đây là Kế hoạch tổ chức Hội nghị đối thoại trực tiếp giữa người đứng đầu",
        "Ủy ban nhân dân phường với Nhân dân các tổ dân phố năm 2026./.",
        "Nơi nhận: TM. ỦY BAN NHÂN DÂN",
        "- TT Đảng ủy phường (b/c); CHỦ TỊCH",
        "- TT HĐND phường;",
        "- UBMTTQ và các đoàn thể phường;",
        "- Các tổ dân phố;",
        "- Lưu: VT, VP. Vũ Quang Trung",
    ],
]


def build(path):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    style.paragraph_format.space_after = Pt(0)
    for number, lines in enumerate(PAGES, 1):
        if number > 1:
            doc.add_paragraph(RUNNING)
        for line in lines:
            doc.add_paragraph(line)
        footer = doc.add_paragraph(f"Trang {number}/4")
        footer.add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph(RUNNING)
    doc.add_paragraph("PHỤ LỤC: DANH SÁCH 12 TỔ DÂN PHỐ (kèm theo Kế hoạch)")
    doc.add_paragraph("Tổ 1 đến Tổ 6: khu Lạc Viên; Tổ 7 đến Tổ 12: khu Cầu Tre.")
    doc.add_paragraph("Trang 4/4")
    doc.save(path)


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else "plan.docx")
