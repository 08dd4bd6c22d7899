"""Rebuild plan.docx: an ordinary Quảng Ninh ward THÔNG BÁO typed in Word.

Header and signature as borderless two-column tables, bold run labels ('Thời gian bắt đầu:')
followed by a normal run with the value, attendance as indented paragraphs, the programme
as a gridded Word table (TT | Thời gian | Nội dung | Người thực hiện).

    python make_plan_docx.py plan.docx        # needs python-docx
"""

from __future__ import annotations

import sys

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

LEFT, CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


def para(doc, text="", bold=False, italic=False, align=JUSTIFY, indent=True):
    p = doc.add_paragraph()
    p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Cm(1)
    if text:
        run = p.add_run(text)
        run.bold, run.italic = bold, italic
    return p


def labelled(doc, label, value):
    """'label' in bold, then the value in a normal run (what a typist's Ctrl+B gives)."""
    p = para(doc)
    p.add_run(label).bold = True
    p.add_run(value)
    return p


def cell_lines(cell, lines, bold=False, italic=False, align=CENTER):
    cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.alignment = align
        run = p.add_run(line)
        run.bold, run.italic = bold and i < 2, italic


def header(doc):
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    cell_lines(left, ["ỦY BAN NHÂN DÂN", "PHƯỜNG HÀ KHÁNH ĐÔNG", "", "Số: 233/TB-UBND"], bold=True)
    cell_lines(right, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                       "Hà Khánh Đông, ngày 30 tháng 11 năm 2026"], bold=True)
    right.paragraphs[3].runs[0].italic = True


def body(doc):
    para(doc, "THÔNG BÁO", bold=True, align=CENTER, indent=False)
    para(doc, "Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch UBND phường "
              "với Nhân dân khu 3, khu 4, khu 5 năm 2026", bold=True, align=CENTER, indent=False)
    para(doc, "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;")
    para(doc, "Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013;")
    para(doc, "Căn cứ Kế hoạch số 219/KH-UBND ngày 10/11/2026 của Ủy ban nhân dân phường về tiếp xúc, "
              "đối thoại trực tiếp với Nhân dân năm 2026;")
    para(doc, "Ủy ban nhân dân phường Hà Khánh Đông thông báo tổ chức Hội nghị tiếp xúc, đối thoại trực "
              "tiếp giữa Chủ tịch UBND phường với Nhân dân khu 3, khu 4, khu 5 năm 2026, như sau:")
    para(doc, "I. THỜI GIAN, ĐỊA ĐIỂM", bold=True)
    labelled(doc, "- Thời gian bắt đầu: ", "14 giờ 00 phút, Chủ nhật, ngày 20/12/2026.")
    labelled(doc, "- Thời gian kết thúc: ", "17 giờ 00 phút cùng ngày.")
    labelled(doc, "- Địa điểm: ", "Nhà văn hóa khu 4, phường Hà Khánh Đông (tổ 12, khu 4).")
    para(doc, "II. NGƯỜI CHỦ TRÌ, THƯ KÝ", bold=True)
    labelled(doc, "- Chủ trì hội nghị: ", "Ông Vũ Quang Hưng, Phó Bí thư Đảng ủy, Chủ tịch UBND phường.")
    labelled(doc, "- Thư ký hội nghị: ", "Bà Tô Thị Hằng, công chức Văn phòng HĐND và UBND phường.")
    para(doc, "Mời đồng chí Đặng Văn Khải, Phó Chủ tịch UBND phường và Trưởng các phòng chuyên môn "
              "cùng dự để trả lời những ý kiến thuộc lĩnh vực phụ trách.")
    para(doc, "III. THÀNH PHẦN MỜI", bold=True)
    for line in (
        "1. Thường trực Đảng ủy, Thường trực HĐND phường: 05 người.",
        "2. Ủy ban MTTQ Việt Nam phường, Hội Cựu chiến binh, Hội Liên hiệp Phụ nữ, Đoàn Thanh niên phường: 06 người.",
        "3. Trưởng khu, Bí thư chi bộ, Trưởng ban công tác Mặt trận khu 3, khu 4, khu 5: 09 người.",
        "4. Đại diện Công ty cổ phần Than Hà Khánh Đông: 02 người.",
        "5. Đại diện Nhân dân khu 3, khu 4, khu 5: 105 người (mỗi khu 35 người).",
    ):
        para(doc, line)
    para(doc, "Tổng số đại biểu mời: 127 người.", italic=True)
    para(doc, "IV. CHƯƠNG TRÌNH HỘI NGHỊ", bold=True)
    programme(doc)
    para(doc, "V. TỔ CHỨC THỰC HIỆN", bold=True)
    for line in (
        "- Văn phòng HĐND và UBND phường gửi giấy mời trước ngày 14/12/2026; chuẩn bị hội trường, "
        "âm thanh; tổng hợp ý kiến và dự thảo Thông báo kết luận trình ký trước ngày 30/12/2026.",
        "- Trưởng khu 3, khu 4, khu 5 thông báo trên loa truyền thanh khu các ngày 15, 17 và 19/12/2026; "
        "nhận phiếu ý kiến của Nhân dân đến hết ngày 16/12/2026.",
        "- Công ty cổ phần Than Hà Khánh Đông chuẩn bị ý kiến về bụi, tiếng ồn tại bãi thải số 2.",
        "- Chiều thứ Bảy 19/12/2026, lúc 15 giờ 00, Văn phòng kiểm tra hội trường, âm thanh tại "
        "Nhà văn hóa khu 4.",
    ):
        para(doc, line)
    para(doc, "Ủy ban nhân dân phường Hà Khánh Đông trân trọng thông báo./.")


def programme(doc):
    rows = (
        ("TT", "Thời gian", "Nội dung", "Người thực hiện"),
        ("1", "14h00 - 14h15", "Đón đại biểu, ổn định tổ chức, tuyên bố lý do, giới thiệu đại biểu",
         "Văn phòng HĐND và UBND phường"),
        ("2", "14h15 - 14h40", "Báo cáo kết quả giải quyết ý kiến, kiến nghị của Nhân dân năm 2025; "
         "tình hình môi trường tại khu vực bãi thải số 2", "Ông Đặng Văn Khải, Phó Chủ tịch UBND phường"),
        ("3", "14h40 - 16h30", "Nhân dân phát biểu ý kiến; Chủ tịch UBND phường, các phòng chuyên môn "
         "và Công ty trả lời, đối thoại", "Chủ trì hội nghị"),
        ("4", "16h30 - 17h00", "Chủ tịch UBND phường phát biểu kết luận, bế mạc hội nghị",
         "Ông Vũ Quang Hưng"),
    )
    table = doc.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.rows[r].cells[c]
            cell.text = value
            if r == 0:
                cell.paragraphs[0].runs[0].bold = True
    for c, width in enumerate((Cm(1), Cm(3), Cm(8), Cm(4.5))):
        for row in table.rows:
            row.cells[c].width = width


def signature(doc):
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    cell_lines(left, ["Nơi nhận:", "- TT Đảng ủy, TT HĐND phường (b/c);", "- CT, PCT UBND phường;",
                      "- UBMTTQ VN phường;", "- Các phòng chuyên môn;", "- Khu 3, khu 4, khu 5;",
                      "- Lưu: VT."], align=LEFT)
    left.paragraphs[0].runs[0].bold, left.paragraphs[1].runs[0].bold = True, False
    cell_lines(right, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "Vũ Quang Hưng"], bold=True)
    right.paragraphs[5].runs[0].bold = True


def main(path: str) -> None:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    header(doc)
    body(doc)
    signature(doc)
    doc.save(path)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "plan.docx")
