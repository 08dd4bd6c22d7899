"""Build corpus plan v08 (round 7, a variant of blind plan h): a xã KẾ HOẠCH as .docx whose time,
place, chair, secretary and attendance sit in a two-column table with labels ending in a colon and
no numbers, and whose programme is a three-column table "TT | Nội dung | Thời gian" where a step's
cell holds the content and, in a second paragraph, who presents it ("Trình bày: …").

    python tests/plan_corpus/make_v08_docx.py tests/plan_corpus/v08-xa-son-thuy-bac-bang-ba-cot.docx
"""
import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

out = sys.argv[1]
doc = Document()
style = doc.styles["Normal"]
style.font.name = "Times New Roman"
style.font.size = Pt(13)


def para(text="", bold=False, align=None):
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    if text:
        p.add_run(text).bold = bold
    return p


def fill(cell, lines, bold=False):
    for k, line in enumerate(lines):
        p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        p.add_run(line).bold = bold


head = doc.add_table(rows=1, cols=2)
fill(head.rows[0].cells[0], ["ỦY BAN NHÂN DÂN", "XÃ SƠN THỦY BẮC", "Số: 87/KH-UBND"])
fill(head.rows[0].cells[1], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                             "Sơn Thủy Bắc, ngày 25 tháng 11 năm 2026"])
para()
para("KẾ HOẠCH", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
para("Tổ chức Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân xã Sơn Thủy Bắc năm 2026",
     bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
para("Căn cứ Luật Tổ chức chính quyền địa phương năm 2025; thực hiện Chương trình công tác năm 2026, "
     "Ủy ban nhân dân xã xây dựng Kế hoạch tổ chức Hội nghị đối thoại như sau:")
para("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", bold=True)
table = doc.add_table(rows=0, cols=2)
table.style = "Table Grid"
for label, lines in (
    ("Thời gian:", ["07 giờ 30 phút, thứ Tư ngày 23/12/2026."]),
    ("Địa điểm:", ["Nhà văn hóa thôn Tân Lập, xã Sơn Thủy Bắc."]),
    ("Chủ trì:", ["Đồng chí Hà Văn Chiến, Chủ tịch UBND xã."]),
    ("Thư ký:", ["Đồng chí Lò Thị Hạnh, công chức Văn phòng - Thống kê."]),
    ("Thành phần:", ["+ Thường trực Đảng ủy, Thường trực HĐND xã (04 người);",
                     "+ Lãnh đạo UBND xã, công chức chuyên môn (10 người);",
                     "+ Trưởng thôn, Bí thư chi bộ 07 thôn (14 người);",
                     "+ Nhân dân đại diện hộ gia đình các thôn (84 người)."]),
):
    row = table.add_row()
    fill(row.cells[0], [label], bold=True)
    fill(row.cells[1], lines)
    row.cells[0].width, row.cells[1].width = Cm(3.5), Cm(13)
para()
para("II. CHƯƠNG TRÌNH HỘI NGHỊ", bold=True)
programme = doc.add_table(rows=1, cols=3)
programme.style = "Table Grid"
for cell, text in zip(programme.rows[0].cells, ("TT", "Nội dung", "Thời gian")):
    fill(cell, [text], bold=True)
for number, content, who, minutes in (
    ("1", "Tuyên bố lý do, giới thiệu đại biểu", "Trình bày: Văn phòng HĐND - UBND xã", "10 phút"),
    ("2", "Báo cáo kết quả giải quyết kiến nghị của Nhân dân năm 2025", "Trình bày: đồng chí Phó Chủ tịch UBND xã",
     "20 phút"),
    ("3", "Nhân dân phát biểu ý kiến, đối thoại với Chủ tịch UBND xã", "Điều hành: đồng chí chủ trì hội nghị",
     "120 phút"),
    ("4", "Kết luận hội nghị", "Trình bày: đồng chí Chủ tịch UBND xã", "15 phút"),
):
    row = programme.add_row()
    fill(row.cells[0], [number])
    fill(row.cells[1], [content, who])
    fill(row.cells[2], [minutes])
para()
para("III. TỔ CHỨC THỰC HIỆN", bold=True)
para("1. Văn phòng HĐND - UBND xã chuẩn bị hội trường, gửi giấy mời trước ngày 18/12/2026.")
para("2. Trưởng các thôn thông báo cho Nhân dân trên loa truyền thanh từ ngày 15/12/2026.")
sign = doc.add_table(rows=1, cols=2)
fill(sign.rows[0].cells[0], ["Nơi nhận:", "- TT Đảng ủy, TT HĐND xã;", "- Các thôn;", "- Lưu: VT."])
fill(sign.rows[0].cells[1], ["CHỦ TỊCH", "", "", "Hà Văn Chiến"])
doc.save(out)
