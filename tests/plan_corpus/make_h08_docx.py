"""Build corpus plan h08 (blind plan h of tests/plan_held_out3, moved here in round 7): a xã KẾ
HOẠCH laid out as one big two-column table (label | value).

    python tests/plan_corpus/make_h08_docx.py tests/plan_corpus/h08-xa-cam-hung-tay-docx-bang-hai-cot.docx

The document imitates a plan typed in an older Word (compatibility mode 12, Word 2007):
header in a borderless 2-column table, a short preamble, then every meeting field in a
gridded table whose left column holds the label ("2. Thời gian") and whose right column
holds the value, some values spread over several paragraphs; the label "6. Thành phần
mời dự" is merged vertically over two rows (cấp xã / các xóm). Signature in a borderless
table at the end.
"""

from __future__ import annotations

import sys

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"


def style_run(run, size=13, bold=False, italic=False):
    run.font.name = FONT
    run._element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    return run


def para(container, text="", size=13, bold=False, italic=False, align=None, indent=False):
    p = container.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent:
        p.paragraph_format.first_line_indent = Cm(1)
    p.paragraph_format.space_after = Pt(3)
    if text:
        style_run(p.add_run(text), size, bold, italic)
    return p


def cell_lines(cell, lines, size=13, bold=False, align=None):
    """Fill a cell with one paragraph per line (the cell's first paragraph is reused)."""
    first = True
    for line in lines:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if align is not None:
            p.alignment = align
        p.paragraph_format.space_after = Pt(2)
        style_run(p.add_run(line), size, bold)


def no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def compat_mode(document, value="12"):
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        settings.append(compat)
    for old in compat.findall(qn("w:compatSetting")):
        compat.remove(old)
    setting = OxmlElement("w:compatSetting")
    setting.set(qn("w:name"), "compatibilityMode")
    setting.set(qn("w:uri"), "http://schemas.microsoft.com/office/word")
    setting.set(qn("w:val"), value)
    compat.append(setting)


ROWS = [
    ("1. Tên hội nghị", [
        "Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân xã với "
        "Nhân dân xã Cẩm Hưng Tây năm 2026.",
    ]),
    ("2. Thời gian", [
        "Từ 13 giờ 30 phút đến 17 giờ 00 phút, chiều thứ Năm, ngày 17/12/2026.",
        "(Đại biểu có mặt trước 15 phút để đăng ký phát biểu.)",
    ]),
    ("3. Địa điểm", [
        "Hội trường UBND xã Cẩm Hưng Tây (xóm Trung Tiến).",
    ]),
    ("4. Chủ trì hội nghị", [
        "Ông Phan Đình Lộc – Chủ tịch UBND xã.",
    ]),
    ("5. Thư ký hội nghị", [
        "Bà Võ Thị Thanh Nga – Công chức Văn phòng - Thống kê xã.",
    ]),
]

ATTEND_XA = [
    "a) Cấp xã:",
    "- Thường trực Đảng ủy, Thường trực HĐND xã: 05 người;",
    "- Lãnh đạo UBND xã, Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội xã: 09 người;",
    "- Trưởng Công an xã, Chỉ huy trưởng Ban Chỉ huy quân sự xã, công chức chuyên môn: 11 người.",
]
ATTEND_XOM = [
    "b) Các xóm:",
    "- Bí thư chi bộ, xóm trưởng 12 xóm: 24 người;",
    "- Đại diện hộ gia đình các xóm (mỗi xóm 08 người): 96 người.",
    "Tổng cộng: 145 người.",
]

PROGRAMME = [
    "13h30 – 13h45: Ổn định tổ chức, tuyên bố lý do, giới thiệu đại biểu "
    "(Văn phòng HĐND - UBND xã).",
    "13h45 – 14h05: Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2026; "
    "kết quả giải quyết kiến nghị của cử tri tại hội nghị đối thoại năm 2025 "
    "(Phó Chủ tịch UBND xã Nguyễn Hữu Tài).",
    "14h05 – 16h15: Nhân dân phát biểu ý kiến, kiến nghị; Chủ tịch UBND xã và các ngành "
    "chuyên môn trả lời, giải trình (Chủ trì hội nghị).",
    "16h15 – 16h30: Phát biểu của đại diện Ủy ban MTTQ Việt Nam xã "
    "(Chủ tịch Ủy ban MTTQ Việt Nam xã).",
    "16h30 – 17h00: Kết luận hội nghị, bế mạc (Chủ tịch UBND xã).",
]

TAIL_ROWS = [
    ("8. Hình thức", [
        "Đối thoại trực tiếp tại hội nghị; ý kiến bằng văn bản gửi qua hòm thư góp ý tại "
        "Bộ phận Một cửa xã hoặc gửi trực tiếp cho xóm trưởng trước ngày 10/12/2026.",
    ]),
    ("9. Kinh phí", [
        "Từ nguồn kinh phí hoạt động thường xuyên năm 2026 của UBND xã.",
    ]),
    ("10. Đầu mối liên hệ", [
        "Văn phòng HĐND - UBND xã, điện thoại cơ quan 0239.3865.214 (trong giờ hành chính, "
        "sáng từ 7h00 đến 11h30, chiều từ 13h30 đến 17h00).",
    ]),
]


def build(path: str) -> None:
    document = Document()
    compat_mode(document)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)

    header = document.add_table(rows=1, cols=2)
    no_borders(header)
    left, right = header.rows[0].cells
    cell_lines(left, ["ỦY BAN NHÂN DÂN", "XÃ CẨM HƯNG TÂY", "", "Số: 312/KH-UBND"],
               size=13, bold=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    for p in left.paragraphs[:2]:
        for r in p.runs:
            r.bold = True
    cell_lines(right, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                       "Cẩm Hưng Tây, ngày 01 tháng 12 năm 2026"],
               size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    for p in right.paragraphs[:2]:
        for r in p.runs:
            r.bold = True
    for r in right.paragraphs[3].runs:
        r.italic = True

    para(document)
    para(document, "KẾ HOẠCH", size=14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(document, "Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch Ủy ban nhân dân xã",
         bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    para(document, "với Nhân dân xã Cẩm Hưng Tây năm 2026", bold=True,
         align=WD_ALIGN_PARAGRAPH.CENTER)
    para(document, "__________", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(document,
         "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; Luật Tiếp công dân "
         "ngày 25 tháng 11 năm 2013; Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị về "
         "trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân "
         "và xử lý những phản ánh, kiến nghị của dân;", indent=True)
    para(document,
         "Thực hiện Chương trình công tác năm 2026, Ủy ban nhân dân xã Cẩm Hưng Tây xây dựng "
         "Kế hoạch tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp với Nhân dân như sau:",
         indent=True)
    para(document, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    para(document,
         "- Lắng nghe tâm tư, nguyện vọng, ý kiến, kiến nghị của Nhân dân; kịp thời giải quyết "
         "những vướng mắc phát sinh ở cơ sở, nhất là lĩnh vực đất đai, môi trường, chính sách "
         "xã hội.", indent=True)
    para(document,
         "- Hội nghị tổ chức nghiêm túc, dân chủ, đúng quy định; ý kiến thuộc thẩm quyền phải "
         "được trả lời tại hội nghị hoặc bằng văn bản theo thời hạn quy định.", indent=True)
    para(document, "II. NỘI DUNG CỤ THỂ", bold=True)

    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER

    def add_row(label, lines):
        row = table.add_row()
        cell_lines(row.cells[0], [label], bold=True)
        cell_lines(row.cells[1], lines)
        return row

    for label, lines in ROWS:
        add_row(label, lines)
    first = add_row("6. Thành phần mời dự", ATTEND_XA)
    second = table.add_row()
    cell_lines(second.cells[1], ATTEND_XOM)
    first.cells[0].merge(second.cells[0])
    add_row("7. Nội dung, chương trình", PROGRAMME)
    for label, lines in TAIL_ROWS:
        add_row(label, lines)
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Cm(4.5), Cm(12)

    para(document)
    para(document, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    for text in (
        "1. Văn phòng HĐND - UBND xã: tham mưu giấy mời, gửi đến đại biểu trước ngày 10/12/2026; "
        "chuẩn bị hội trường, âm thanh, băng rôn; dự thảo Thông báo kết luận của Chủ tịch UBND xã "
        "trình ký trước ngày 27/12/2026.",
        "2. Đề nghị Ủy ban MTTQ Việt Nam xã phối hợp tổng hợp ý kiến, kiến nghị của Nhân dân "
        "gửi về UBND xã trước ngày 10/12/2026.",
        "3. Công an xã: bảo đảm an ninh trật tự trước, trong và sau hội nghị.",
        "4. Xóm trưởng các xóm: thông báo rộng rãi trên hệ thống loa truyền thanh của xóm; "
        "mời đúng, đủ thành phần.",
    ):
        para(document, text, indent=True)
    para(document,
         "Trên đây là Kế hoạch tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch "
         "UBND xã với Nhân dân năm 2026, yêu cầu các bộ phận, cá nhân liên quan nghiêm túc "
         "triển khai thực hiện./.", indent=True)

    sign = document.add_table(rows=1, cols=2)
    no_borders(sign)
    left, right = sign.rows[0].cells
    cell_lines(left, ["Nơi nhận:", "- Thường trực Đảng ủy (b/c);", "- Thường trực HĐND xã;",
                      "- UBMTTQ và các đoàn thể xã;", "- Các xóm;", "- Lưu: VT."], size=11)
    for r in left.paragraphs[0].runs:
        r.bold, r.italic = True, True
    cell_lines(right, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "",
                       "Nguyễn Hữu Tài"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    document.save(path)


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else "plan.docx")
