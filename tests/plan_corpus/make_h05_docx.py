"""Build corpus plan h05 (blind plan E of tests/plan_held_out2, moved here in round 5): a ward's
Party-committee KẾ HOẠCH as .docx (header table, numbered list, programme table).

    python tests/plan_corpus/make_h05_docx.py tests/plan_corpus/h05-phuong-truong-yen-dong-docx-bang.docx
"""
import sys
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, Cm

out = sys.argv[1]
doc = Document()
for s in doc.sections:
    s.top_margin, s.bottom_margin, s.left_margin, s.right_margin = Cm(2), Cm(2), Cm(3), Cm(1.5)
style = doc.styles["Normal"]
style.font.name = "Times New Roman"
style.font.size = Pt(14)


def para(text="", bold=False, italic=False, align=None, indent=True):
    p = doc.add_paragraph()
    if align is not None:
        p.alignment = align
    elif indent:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Cm(1.27)
    if text:
        r = p.add_run(text)
        r.bold, r.italic = bold, italic
    return p


def labelled(label, text):
    p = para()
    p.add_run(label).bold = True
    p.add_run(text)
    return p


head = doc.add_table(rows=1, cols=2)
left, right = head.rows[0].cells
left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
left.paragraphs[0].add_run("ĐẢNG BỘ TỈNH NINH BÌNH").font.size = Pt(13)
p = left.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
p.add_run("ĐẢNG ỦY PHƯỜNG TRƯỜNG YÊN ĐÔNG").bold = True
p = left.add_paragraph("*"); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
p = left.add_paragraph("Số 112-KH/ĐU"); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
r = right.paragraphs[0].add_run("ĐẢNG CỘNG SẢN VIỆT NAM"); r.bold = True
p = right.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
p.add_run("Trường Yên Đông, ngày 25 tháng 11 năm 2026").italic = True

para()
para("KẾ HOẠCH", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
para("tổ chức hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền phường với Nhân dân năm 2026",
     bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
para("-----", align=WD_ALIGN_PARAGRAPH.CENTER)

para("Thực hiện Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị về trách nhiệm của người đứng đầu cấp ủy "
     "trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý những phản ánh, kiến nghị của dân; Kế hoạch số "
     "45-KH/TU ngày 15/8/2025 của Ban Thường vụ Tỉnh ủy về tiếp xúc, đối thoại của người đứng đầu cấp ủy, chính "
     "quyền các cấp với Nhân dân sau khi sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp, "
     "Ban Thường vụ Đảng ủy phường xây dựng Kế hoạch tổ chức hội nghị đối thoại năm 2026 như sau:")

para("I. MỤC ĐÍCH, YÊU CẦU", bold=True, indent=True)
para("- Lắng nghe tâm tư, nguyện vọng, kiến nghị của Nhân dân sau hơn một năm vận hành mô hình chính quyền địa "
     "phương hai cấp, nhất là về thủ tục hành chính, đất đai, trật tự đô thị, vệ sinh môi trường tại các khu dân cư mới.")
para("- Hội nghị được tổ chức dân chủ, cởi mở, thiết thực; ý kiến của Nhân dân được trả lời rõ ràng, đúng thẩm "
     "quyền; những nội dung chưa trả lời tại hội nghị phải được giao cụ thể cơ quan, thời hạn giải quyết.")

para("II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", bold=True)
labelled("1. Thời gian: ", "Từ 7 giờ 30 phút đến 11 giờ 00 phút, Chủ nhật, ngày 20 tháng 12 năm 2026.")
labelled("2. Địa điểm: ", "Hội trường Nhà văn hóa trung tâm phường Trường Yên Đông, số 46 đường Trần Hưng Đạo.")
labelled("3. Chủ trì: ", "Đồng chí Đinh Quang Thắng – Bí thư Đảng ủy phường và đồng chí Tạ Thị Minh Nguyệt – "
         "Chủ tịch UBND phường đồng chủ trì hội nghị.")
labelled("4. Thư ký hội nghị: ", "đồng chí Phan Thu Hà, chuyên viên Văn phòng Đảng ủy phường.")
labelled("5. Thành phần mời dự: ", "")
for item in (
    "Ban Thường vụ Đảng ủy, Thường trực HĐND, lãnh đạo UBND phường: 09 đồng chí;",
    "Ủy ban MTTQ Việt Nam phường và các tổ chức chính trị – xã hội phường: 08 đồng chí;",
    "Trưởng Công an phường, Chỉ huy trưởng Ban Chỉ huy quân sự phường, công chức các phòng chuyên môn: 12 đồng chí;",
    "Bí thư chi bộ, tổ trưởng 14 tổ dân phố: 28 đồng chí;",
    "Đại diện cử tri các tổ dân phố (mỗi tổ 06 người): 84 người.",
):
    p = doc.add_paragraph(item, style="List Number")
para("Tổng số đại biểu dự kiến: 141 người.", italic=True)

para("III. CHƯƠNG TRÌNH HỘI NGHỊ", bold=True)
rows = (
    ("STT", "Thời gian", "Nội dung", "Người thực hiện"),
    ("1", "7h30 – 7h45", "Đón tiếp đại biểu, ổn định tổ chức; tuyên bố lý do, giới thiệu đại biểu",
     "Văn phòng Đảng ủy phường"),
    ("2", "7h45 – 7h55", "Phát biểu khai mạc, quán triệt mục đích, nguyên tắc đối thoại",
     "Đồng chí Bí thư Đảng ủy phường"),
    ("3", "7h55 – 8h15", "Báo cáo kết quả thực hiện nhiệm vụ kinh tế – xã hội năm 2026 và kết quả giải quyết kiến nghị "
     "của Nhân dân sau hội nghị đối thoại năm 2025", "Đồng chí Phó Chủ tịch UBND phường"),
    ("4", "8h15 – 10h30", "Nhân dân phát biểu ý kiến, kiến nghị; chủ trì và lãnh đạo các ngành đối thoại, giải trình",
     "Chủ trì hội nghị"),
    ("5", "10h30 – 10h45", "Phát biểu của đại diện Ủy ban MTTQ Việt Nam phường",
     "Chủ tịch Ủy ban MTTQ Việt Nam phường"),
    ("6", "10h45 – 11h00", "Kết luận hội nghị, bế mạc", "Đồng chí Chủ tịch UBND phường"),
)
table = doc.add_table(rows=len(rows), cols=4)
table.style = "Table Grid"
for i, row in enumerate(rows):
    for j, text in enumerate(row):
        cell = table.rows[i].cells[j]
        run = cell.paragraphs[0].add_run(text)
        run.bold = i == 0
        if j != 2:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

para()
para("IV. TỔ CHỨC THỰC HIỆN", bold=True)
labelled("1. Ủy ban MTTQ Việt Nam phường ", "chủ trì, phối hợp các tổ chức chính trị – xã hội và ban công tác Mặt "
         "trận 14 tổ dân phố tổ chức lấy ý kiến, kiến nghị của Nhân dân từ ngày 30/11/2026 đến hết ngày 10/12/2026; "
         "tổng hợp, phân loại, gửi về Văn phòng Đảng ủy phường trước ngày 11/12/2026.")
labelled("2. Ủy ban nhân dân phường ", "chỉ đạo các phòng chuyên môn chuẩn bị nội dung trả lời các ý kiến đã tổng "
         "hợp, gửi Thường trực Đảng ủy trước ngày 16/12/2026; chuẩn bị báo cáo tại hội nghị.")
labelled("3. Văn phòng Đảng ủy phường ", "phát hành giấy mời trước ngày 13/12/2026; chuẩn bị hội trường, tài liệu; "
         "phân công thư ký ghi biên bản; dự thảo thông báo kết luận của người chủ trì hội nghị, trình ký ban hành "
         "trong thời hạn 10 ngày kể từ ngày tổ chức hội nghị.")
labelled("4. Công an phường ", "bảo đảm an ninh, trật tự trong suốt thời gian diễn ra hội nghị.")
para("Các cơ quan được giao nhiệm vụ tại thông báo kết luận có trách nhiệm trả lời Nhân dân bằng văn bản "
     "chậm nhất ngày 15/01/2027.")

sign = doc.add_table(rows=1, cols=2)
l, r = sign.rows[0].cells
l.paragraphs[0].add_run("Nơi nhận:").bold = True
for line in ("- Ban Dân vận Tỉnh ủy (b/c),", "- Các đồng chí Ủy viên BCH Đảng bộ phường,",
             "- UBND, Ủy ban MTTQ Việt Nam phường,", "- Các chi bộ trực thuộc,", "- Lưu Văn phòng Đảng ủy."):
    l.add_paragraph(line)
r.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
r.paragraphs[0].add_run("T/M BAN THƯỜNG VỤ").bold = True
for line, bold in (("BÍ THƯ", True), ("", False), ("", False), ("Đinh Quang Thắng", True)):
    p = r.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(line).bold = bold
doc.save(out)
