"""Rebuild plan.docx: a xã KẾ HOẠCH with Word automatic numbering (I. / 1. / a)), the national
heading in the first-page header, footnotes, and the programme in a 3-column table with merged cells.

    python make_plan_docx.py plan.docx      (needs python-docx)
"""

import sys

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

W = nsdecls("w")
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES = (
    "Trường hợp đồng chí Chủ tịch UBND xã bận công tác đột xuất, ủy quyền đồng chí Phó Chủ tịch "
    "UBND xã Lê Thị Thu Sương chủ trì hội nghị.",
    "Nếu mưa lũ kéo dài, hội nghị lùi sang 13 giờ 30 phút, thứ Sáu, ngày 18/12/2026 tại cùng địa "
    "điểm; UBND xã sẽ thông báo trên loa truyền thanh trước ít nhất 02 ngày.",
)


def numbering(doc):
    """A multilevel list: level 0 'I.', level 1 '1.', level 2 'a)'. Returns its numId."""
    part = doc.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{360 + 360 * i}" w:hanging="360"/></w:pPr>'
        f'<w:rPr><w:b w:val="{1 if i == 0 else 0}"/></w:rPr></w:lvl>'
        for i, (fmt, text) in enumerate((("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")))
    )
    abstract = parse_xml(f'<w:abstractNum {W} w:abstractNumId="77">'
                         f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    first_num = part.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        part.append(abstract)
    part.append(parse_xml(f'<w:num {W} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    return 77


def numbered(doc, level, text, label=None, bold=False):
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    ppr = p._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'))
    if label:
        p.add_run(label).bold = True
    run = p.add_run(text)
    run.bold = bold
    return p


def add_footnotes(doc):
    notes = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for i, text in enumerate(FOOTNOTES, 1)
    )
    xml = (f'<w:footnotes {W}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
           f'</w:r></w:p></w:footnote>{notes}</w:footnotes>')
    part = XmlPart(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, parse_xml(xml), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


def footnote_ref(paragraph, number):
    paragraph._p.append(parse_xml(
        f'<w:r {W}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{number}"/></w:r>'))


def heading_table(container):
    table = container.add_table(rows=1, cols=2, width=Cm(16))
    rows = (
        (("ỦY BAN NHÂN DÂN", False, False), ("XÃ NGHĨA HÒA NAM", True, False),
         ("Số: 233/KH-UBND", False, False)),
        (("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False), ("Độc lập - Tự do - Hạnh phúc", True, False),
         ("Nghĩa Hòa Nam, ngày 25 tháng 11 năm 2026", False, True)),
    )
    for cell, lines in zip(table.rows[0].cells, rows):
        for i, (text, bold, italic) in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(text)
            run.bold, run.italic, run.font.size = bold, italic, Pt(13)


def page_number(header):
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for xml in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                '<w:fldChar w:fldCharType="end"/>'):
        p._p.append(parse_xml(f'<w:r {W}>{xml}</w:r>'))


def programme(doc):
    table = doc.add_table(rows=7, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Thời gian", "Nội dung", "Người thực hiện")):
        cell.paragraphs[0].add_run(text).bold = True
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    band = table.cell(1, 0).merge(table.cell(1, 2))
    band.paragraphs[0].add_run("Buổi chiều, thứ Sáu, ngày 11/12/2026").italic = True
    band.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    steps = (
        ("13h30 – 13h40", "Ổn định tổ chức, tuyên bố lý do, giới thiệu đại biểu",
         "Công chức Văn phòng - Thống kê xã"),
        ("13h40 – 14h00", "Báo cáo kết quả thực hiện nhiệm vụ năm 2026 và kết quả giải quyết kiến nghị "
                          "của Nhân dân sau hội nghị đối thoại năm 2025", "Phó Chủ tịch UBND xã"),
        ("14h00 – 16h00", "Nhân dân phát biểu ý kiến, kiến nghị; Chủ tịch UBND xã và công chức chuyên "
                          "môn đối thoại, trả lời trực tiếp", None),
        ("16h00 – 16h30", "Chủ tịch UBND xã kết luận hội nghị", None),
    )
    for row, (slot, content, lead) in enumerate(steps, 2):
        table.cell(row, 0).text = slot
        table.cell(row, 1).text = content
        if lead:
            table.cell(row, 2).text = lead
    merged = table.cell(4, 2).merge(table.cell(5, 2))  # one lead for the dialogue and the conclusion
    merged.text = "Chủ tịch UBND xã"
    last = table.cell(6, 0).merge(table.cell(6, 2))
    last.text = "(Giữa buổi nghỉ giải lao 10 phút, do chủ trì hội nghị quyết định.)"


def build(path):
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    section.header_distance = Cm(1)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(14)
    section.different_first_page_header_footer = True
    heading_table(section.first_page_header)
    page_number(section.header)
    numbering(doc)
    add_footnotes(doc)

    for text, bold in (("KẾ HOẠCH", True),
                       ("Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp của Chủ tịch UBND xã", True),
                       ("với Nhân dân năm 2026", True)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = bold
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.first_line_indent = Cm(1)
    p.add_run("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; Luật Thực hiện dân "
              "chủ ở cơ sở ngày 10 tháng 11 năm 2022; UBND xã Nghĩa Hòa Nam xây dựng Kế hoạch tổ chức "
              "Hội nghị tiếp xúc, đối thoại trực tiếp của Chủ tịch UBND xã với Nhân dân năm 2026 như sau:")

    numbered(doc, 0, "MỤC ĐÍCH, YÊU CẦU", bold=True)
    numbered(doc, 1, "Nắm bắt kịp thời tâm tư, nguyện vọng, những vướng mắc của Nhân dân về đất đai, "
                     "bồi thường giải phóng mặt bằng tuyến đường tránh lũ, chính sách hỗ trợ sau thiên tai.")
    numbered(doc, 1, "Trả lời, giải quyết dứt điểm những kiến nghị thuộc thẩm quyền; ý kiến chưa trả "
                     "lời tại hội nghị phải được trả lời bằng văn bản đúng thời hạn.")
    numbered(doc, 0, "THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", bold=True)
    p = numbered(doc, 1, "Từ 13 giờ 30 phút đến 16 giờ 30 phút, thứ Sáu, ngày 11/12/2026.", "Thời gian: ")
    footnote_ref(p, 2)
    numbered(doc, 1, "Hội trường UBND xã Nghĩa Hòa Nam.", "Địa điểm: ")
    p = numbered(doc, 1, "Ông Phạm Ngọc Sang, Chủ tịch UBND xã.", "Chủ trì: ")
    footnote_ref(p, 1)
    numbered(doc, 1, "Bà Huỳnh Thị Mỹ Dung, công chức Văn phòng - Thống kê xã.", "Thư ký: ")
    numbered(doc, 1, "", "Thành phần mời dự:")
    for text in (
        "Thường trực Đảng ủy, Thường trực HĐND xã: 05 đồng chí;",
        "Lãnh đạo UBND xã, Ủy ban MTTQ Việt Nam xã, các tổ chức chính trị - xã hội xã: 09 đồng chí;",
        "Trưởng Công an xã và công chức chuyên môn: 07 đồng chí;",
        "Trưởng thôn, Bí thư chi bộ 7 thôn: 14 đồng chí;",
        "Đại diện cử tri, Nhân dân 7 thôn (mỗi thôn 15 người): 105 người.",
    ):
        numbered(doc, 2, text)
    numbered(doc, 0, "CHƯƠNG TRÌNH HỘI NGHỊ", bold=True)
    programme(doc)
    numbered(doc, 0, "TỔ CHỨC THỰC HIỆN", bold=True)
    numbered(doc, 1, "Phối hợp Ủy ban MTTQ Việt Nam xã tổng hợp ý kiến, kiến nghị của Nhân dân gửi trước "
                     "ngày 04/12/2026; phát hành giấy mời trước ngày 07/12/2026; chuẩn bị hội trường.",
             "Văn phòng - Thống kê: ")
    numbered(doc, 1, "Chuẩn bị nội dung trả lời theo lĩnh vực được phân công, gửi Văn phòng trước "
                     "ngày 09/12/2026.", "Các công chức chuyên môn: ")
    numbered(doc, 1, "Mời đúng thành phần; đưa đón Nhân dân dự hội nghị.", "Trưởng các thôn: ")
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    p.paragraph_format.first_line_indent = Cm(1)
    p.add_run("Sau hội nghị, Văn phòng - Thống kê tham mưu Thông báo kết luận của Chủ tịch UBND xã, "
              "ban hành trước ngày 21/12/2026./.")

    sign = doc.add_table(rows=1, cols=2)
    left, right = sign.rows[0].cells
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    for line in ("- TT Đảng ủy, TT HĐND xã (b/c);", "- UB MTTQ Việt Nam xã;", "- Công chức chuyên môn;",
                 "- Trưởng các thôn;", "- Lưu: VT."):
        left.add_paragraph(line)
    for i, text in enumerate(("CHỦ TỊCH", "", "", "Phạm Ngọc Sang")):
        q = right.paragraphs[0] if i == 0 else right.add_paragraph()
        q.alignment = WD_ALIGN_PARAGRAPH.CENTER
        q.add_run(text).bold = True
    doc.save(path)


if __name__ == "__main__":
    build(sys.argv[1] if len(sys.argv) > 1 else "plan.docx")
