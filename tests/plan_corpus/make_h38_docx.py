"""Rebuild plan.docx: a Mekong-delta xã THÔNG BÁO typed with soft line breaks.

The secretary presses Shift+Enter, not Enter: the header, the meeting details, the
attendance list, the programme and the signature block are each ONE Word paragraph whose
lines are <w:br/> soft breaks, and labels are separated from their values by tab stops
(a dot leader for the counts). Usage: python make_plan_docx.py plan.docx
"""

import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Cm, Pt

HEADER = [
    "ỦY BAN NHÂN DÂN TỈNH VĨNH LONG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ỦY BAN NHÂN DÂN XÃ PHƯỚC HẬU TÂY\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 112/TB-UBND\tPhước Hậu Tây, ngày 04 tháng 12 năm 2026",
]
PREAMBLE = (
    "Thực hiện Kế hoạch số 21-KH/ĐU ngày 12/11/2026 của Đảng ủy xã Phước Hậu Tây về tổ chức "
    "đối thoại với Nhân dân năm 2026; căn cứ Kế hoạch số 198/KH-UBND ngày 20/11/2026 của Ủy ban "
    "nhân dân xã, Ủy ban nhân dân xã Phước Hậu Tây thông báo đến bà con ấp Phước Định, ấp Vàm Lịch "
    "như sau:"
)
DETAILS = [
    "1. Thời gian:\t14 giờ 00 đến 17 giờ 00, thứ Bảy ngày 19/12/2026.",
    "2. Địa điểm:\tNhà văn hóa ấp Phước Định (cặp Đường tỉnh 902).",
    "3. Đồng chủ trì:\tÔng Trần Minh Quới – Bí thư Đảng ủy xã;",
    "\tÔng Huỳnh Văn Bé Tư – Phó Bí thư Đảng ủy, Chủ tịch UBND xã.",
    "4. Thư ký:\tBà Võ Thị Út Em – chuyên viên Văn phòng HĐND và UBND xã.",
    "5. Nội dung:\tbà con nêu ý kiến về dự án đê bao Vàm Lịch, hỗ trợ hộ bị sạt lở, cấp giấy "
    "chứng nhận quyền sử dụng đất, nước sạch nông thôn và các vấn đề khác bà con quan tâm.",
]
ATTENDANCE = [
    "6. Thành phần mời (theo danh sách Ban nhân dân ấp lập):",
    "- Thường trực Đảng ủy, Thường trực HĐND xã\t05 người",
    "- Ủy ban MTTQ Việt Nam xã, Hội Nông dân, Hội Liên hiệp Phụ nữ xã\t06 người",
    "- Trưởng Công an xã, công chức Phòng Kinh tế xã\t04 người",
    "- Ban nhân dân ấp, tổ trưởng tổ nhân dân tự quản ấp Phước Định, ấp Vàm Lịch\t18 người",
    "- Bà con hộ dân hai ấp Phước Định, Vàm Lịch\t90 người",
    "Tổng cộng\t123 người",
]
PROGRAMME = [
    "7. Trình tự buổi đối thoại:",
    "Giờ\tNội dung\tPhụ trách\tThời lượng",
    "14g00\tTuyên bố lý do, giới thiệu đại biểu\tVăn phòng HĐND và UBND xã\t10 phút",
    "14g10\tPhát biểu khai mạc, nêu nguyên tắc đối thoại\tÔng Trần Minh Quới\t10 phút",
    "14g20\tBáo cáo tiến độ dự án đê bao Vàm Lịch và việc hỗ trợ hộ bị sạt lở\tPhòng Kinh tế xã\t20 phút",
    "14g40\tBà con phát biểu ý kiến, kiến nghị; lãnh đạo xã trả lời, đối thoại\tĐồng chủ trì\t110 phút",
    "16g30\tKết luận, bế mạc\tÔng Huỳnh Văn Bé Tư\t30 phút",
]
TASKS = [
    "8. Tổ chức thực hiện:",
    "- Ban nhân dân ấp Phước Định, ấp Vàm Lịch: phát phiếu lấy ý kiến từ ngày 07/12/2026 đến hết "
    "ngày 12/12/2026; thông báo trên loa ấp 3 lần trước ngày đối thoại.",
    "- Phòng Kinh tế xã: chuẩn bị bản vẽ tuyến đê bao dài 3,2 km và danh sách 126 hộ bị ảnh hưởng.",
    "- Hội Nông dân xã: lúc 8 giờ 00 sáng cùng ngày họp sơ kết mô hình lúa - tôm tại Hội trường "
    "UBND xã, xong trước 11 giờ 00; sau đó cử cán bộ dự buổi đối thoại.",
    "- Văn phòng HĐND và UBND xã: chuẩn bị hội trường, đăng ký phát biểu từ 13 giờ 30; trình ký "
    "Thông báo kết luận trong 10 ngày sau buổi đối thoại. Các đơn vị được giao trả lời bà con "
    "bằng văn bản trước ngày 15/01/2027.",
]
CLOSING = (
    "Ủy ban nhân dân xã thông báo để bà con ấp Phước Định, ấp Vàm Lịch biết, sắp xếp thời gian "
    "đến dự đông đủ./."
)
SIGNATURE = [
    "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
    "- TT Đảng ủy xã (b/c);\tCHỦ TỊCH",
    "- TT HĐND xã;",
    "- UBMTTQ VN xã;",
    "- Ban nhân dân 02 ấp;\t(đã ký)",
    "- Đài truyền thanh xã;",
    "- Lưu: VT.\tHuỳnh Văn Bé Tư",
]


def soft_paragraph(doc, lines, tabs=(), bold=False, align=None, size=14):
    """One paragraph whose lines are joined by soft breaks (Shift+Enter)."""
    paragraph = doc.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    for position, alignment, leader in tabs:
        paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(position), alignment, leader)
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.bold = bold
        run.font.size = Pt(size)
        if i < len(lines) - 1:
            run.add_break()
    return paragraph


def main(path: str) -> None:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(14)

    center = WD_TAB_ALIGNMENT.CENTER
    left = WD_TAB_ALIGNMENT.LEFT
    right = WD_TAB_ALIGNMENT.RIGHT
    none = WD_TAB_LEADER.SPACES
    dots = WD_TAB_LEADER.DOTS

    soft_paragraph(doc, HEADER, tabs=[(11.5, center, none)], bold=True, size=12)
    soft_paragraph(doc, ["THÔNG BÁO"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    soft_paragraph(doc, ["Về việc tổ chức đối thoại trực tiếp giữa lãnh đạo xã với bà con ấp "
                         "Phước Định, ấp Vàm Lịch năm 2026"], bold=True,
                   align=WD_ALIGN_PARAGRAPH.CENTER)
    body = soft_paragraph(doc, [PREAMBLE], align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    body.paragraph_format.first_line_indent = Cm(1.27)
    soft_paragraph(doc, DETAILS, tabs=[(4.5, left, none)])
    soft_paragraph(doc, ATTENDANCE, tabs=[(16.5, right, dots)])
    soft_paragraph(doc, PROGRAMME, tabs=[(1.8, left, none), (10.5, left, none), (15, left, none)],
                   size=12)
    soft_paragraph(doc, TASKS, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    closing = soft_paragraph(doc, [CLOSING], align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    closing.paragraph_format.first_line_indent = Cm(1.27)
    soft_paragraph(doc, SIGNATURE, tabs=[(12.5, center, none)], size=12)
    doc.save(path)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "plan.docx")
