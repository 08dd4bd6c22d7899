"""Rebuild plan.docx: a xã GIẤY MỜI followed by a typed list of invitees as a Word table
(TT | Họ và tên | Chức vụ | Đơn vị | Ghi chú), section rows and two group rows merged across,
the secretary marked only in the remark column.

    python make_h21_docx.py h21-xa-kim-son-dong-giay-moi-danh-sach.docx      (needs python-docx)
"""

import sys

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

PEOPLE = [
    ("I", "KHÁCH MỜI"),
    ("1", "Ông Đinh Quang Vinh", "Phó Trưởng ban", "Ban Dân vận Tỉnh ủy Ninh Bình", ""),
    ("2", "Bà Lã Thị Hạnh", "Chuyên viên", "Ban Tiếp công dân tỉnh", ""),
    ("II", "CẤP XÃ"),
    ("3", "Ông Bùi Văn Toản", "Bí thư Đảng ủy", "Đảng ủy xã", "Chủ trì"),
    ("4", "Bà Trịnh Thị Hoa", "Phó Bí thư Đảng ủy, Chủ tịch", "UBND xã", "Chủ trì"),
    ("5", "Ông Phạm Văn Khiêm", "Chủ tịch", "HĐND xã", ""),
    ("6", "Ông Vũ Đức Long", "Phó Chủ tịch", "UBND xã", "Báo cáo"),
    ("7", "Bà Mai Thị Phượng", "Chủ tịch", "Ủy ban MTTQ Việt Nam xã", ""),
    ("8", "Ông Trần Văn Sơn", "Trưởng Công an", "Công an xã", ""),
    ("9", "Ông Lê Hữu Nghĩa", "Công chức Địa chính - Xây dựng", "UBND xã", ""),
    ("10", "Bà Đoàn Thị Yến", "Công chức Văn hóa - Xã hội", "UBND xã", ""),
    ("11", "Bà Nguyễn Thị Thu", "Công chức Văn phòng - Thống kê", "UBND xã", "Thư ký hội nghị"),
    ("III", "CÁC THÔN"),
    ("12", "Trưởng thôn các thôn (06 người)"),
    ("13", "Đại diện hộ gia đình các thôn: 72 người (mỗi thôn 12 hộ, Trưởng thôn lập danh sách)"),
]


def para(doc, text, bold=False, italic=False, align=None, size=13):
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    if align is not None:
        p.alignment = align
    return p


def cell_text(cell, text, bold=False, italic=False, center=False):
    cell.text = ""
    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold, run.italic = bold, italic
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def header(doc):
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    cell_text(left, "ỦY BAN NHÂN DÂN", bold=True, center=True)
    for text, kw in (("XÃ KIM SƠN ĐÔNG", {"bold": True}), ("Số: 92/GM-UBND", {})):
        p = left.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = kw.get("bold", False)
    cell_text(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True)
    for text, kw in (("Độc lập - Tự do - Hạnh phúc", {"bold": True}),
                     ("Kim Sơn Đông, ngày 10 tháng 12 năm 2026", {"italic": True})):
        p = right.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold, run.italic = kw.get("bold", False), kw.get("italic", False)


def invitation(doc):
    para(doc, "GIẤY MỜI", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, size=14)
    para(doc, "Ủy ban nhân dân xã Kim Sơn Đông trân trọng kính mời:")
    para(doc, "Các đồng chí, ông (bà) có tên trong danh sách kèm theo.", bold=True)
    para(doc, "Tới dự: Hội nghị đối thoại giữa Bí thư Đảng ủy, Chủ tịch UBND xã với Nhân dân năm 2026.")
    para(doc, "Chủ trì hội nghị: Đồng chí Bùi Văn Toản – Bí thư Đảng ủy xã và đồng chí Trịnh Thị Hoa – "
              "Phó Bí thư Đảng ủy, Chủ tịch UBND xã.")
    para(doc, "Thời gian: Vào hồi 13 giờ 30 phút, Thứ 7 ngày 19/12/2026 (kết thúc 16 giờ 30 phút).")
    para(doc, "Địa điểm: Hội trường Trung tâm Hành chính xã Kim Sơn Đông (thôn Đồng Hướng).")
    para(doc, "Đề nghị các ông (bà) đại diện hộ gia đình mang theo Căn cước khi đến dự; các ý kiến, "
              "kiến nghị gửi trước về Ủy ban nhân dân xã (qua Văn phòng) trước ngày 16/12/2026. "
              "Hội nghị đối thoại cụm thôn Đồng Hướng, Tân Hưng đã tổ chức ngày 12/12/2026 không mời lại.")
    para(doc, "Rất mong các đồng chí, ông (bà) đến dự đúng thời gian./.")
    sign = doc.add_table(rows=1, cols=2)
    left, right = sign.rows[0].cells
    cell_text(left, "Nơi nhận:", bold=True, italic=True)
    for line in ("- Như danh sách;", "- TT Đảng ủy (b/c);", "- Lưu: VT."):
        left.add_paragraph(line)
    cell_text(right, "TM. ỦY BAN NHÂN DÂN", bold=True, center=True)
    for text in ("CHỦ TỊCH", "", "(Đã ký)", "", "Trịnh Thị Hoa"):
        p = right.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = text not in ("(Đã ký)",)


def invitees(doc):
    doc.add_section(WD_SECTION.NEW_PAGE)
    para(doc, "DANH SÁCH ĐẠI BIỂU MỜI DỰ HỘI NGHỊ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(doc, "(Kèm theo Giấy mời số 92/GM-UBND ngày 10/12/2026 của UBND xã Kim Sơn Đông)",
         italic=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("TT", "Họ và tên", "Chức vụ", "Đơn vị", "Ghi chú")):
        cell_text(cell, text, bold=True, center=True)
    for row in PEOPLE:
        cells = table.add_row().cells
        cell_text(cells[0], row[0], bold=len(row) == 2 and not row[0].isdigit(), center=True)
        if len(row) == 2:
            merged = cells[1].merge(cells[4])
            cell_text(merged, row[1], bold=not row[0].isdigit())
        else:
            for cell, text in zip(cells[1:], row[1:]):
                cell_text(cell, text)
    for row in table.rows:
        for cell, width in zip(row.cells, (Cm(1.0), Cm(4.5), Cm(4.5), Cm(4.5), Cm(2.5))):
            cell.width = width
    para(doc, "Danh sách có 11 đồng chí, ông (bà) và đại diện các thôn./.", italic=True)


def build(path):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    section = doc.sections[0]
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    header(doc)
    invitation(doc)
    invitees(doc)
    doc.save(path)


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else "plan.docx")
