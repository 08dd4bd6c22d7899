"""Build the .docx plans of the corpus (and their expected fields) with python-docx.

    python tests/plan_corpus/make_docx.py            # writes d*.docx and d*.json here
    python tests/plan_corpus/make_docx.py --soffice  # also re-saves d05 through LibreOffice

The documents use what Word puts in real plans: header and signature tables, merged
cells, a repeated header row, Word's own list numbering (numbering.xml), a header and
footer part, text boxes, bookmarks, manual line breaks, runs split mid-word, and text
with non-breaking spaces, soft hyphens, zero-width characters, smart quotes and tabs.
The committed .docx files are the test input; this script documents how they were
made and rebuilds them.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent

# -- building blocks ----------------------------------------------------------------------


class Doc:
    def __init__(self) -> None:
        self.document = docx.Document()
        body = self.document.element.body
        for p in list(body.iterchildren()):
            if p.tag == qn("w:p"):
                body.remove(p)
        self.nums: dict[str, str] = {}

    # paragraphs: "\t" is a tab run, "\n" a manual line break, "|" splits runs (as Word's rsids do)
    def p(self, text: str = "", bold: bool = False, italic: bool = False, style: str | None = None,
          align: str | None = None):
        paragraph = self.document.add_paragraph(style=style)
        self._fill(paragraph, text, bold, italic)
        if align == "center":
            paragraph.alignment = 1
        return paragraph

    @staticmethod
    def _fill(paragraph, text: str, bold: bool = False, italic: bool = False) -> None:
        for piece in text.split("|"):
            run = paragraph.add_run()
            run.bold, run.italic = bold or None, italic or None
            parts = piece.split("\n")
            for i, part in enumerate(parts):
                chunks = part.split("\t")
                for j, chunk in enumerate(chunks):
                    if chunk:
                        run.add_text(chunk)
                    if j < len(chunks) - 1:
                        run.add_tab()
                if i < len(parts) - 1:
                    run.add_break()

    def numbering(self, key: str, levels: list[tuple[str, str]]) -> None:
        """A list definition in numbering.xml: levels of (numFmt, lvlText)."""
        part = self.document.part.numbering_part.element
        abstract_id = str(100 + len(self.nums))
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), abstract_id)
        for ilvl, (fmt, text) in enumerate(levels):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(ilvl))
            for name, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text), ("w:lvlJc", "left")):
                child = OxmlElement(name)
                child.set(qn("w:val"), value)
                lvl.append(child)
            abstract.append(lvl)
        first_num = part.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            part.append(abstract)
        num = OxmlElement("w:num")
        num_id = str(100 + len(self.nums))
        num.set(qn("w:numId"), num_id)
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), abstract_id)
        num.append(ref)
        part.append(num)
        self.nums[key] = num_id

    def item(self, key: str, level: int, text: str, bold: bool = False):
        """A paragraph numbered by Word (its number is not in the text)."""
        paragraph = self.p(text, bold=bold)
        p_pr = paragraph._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        ilvl = OxmlElement("w:ilvl")
        ilvl.set(qn("w:val"), str(level))
        num_id = OxmlElement("w:numId")
        num_id.set(qn("w:val"), self.nums[key])
        num_pr.append(ilvl)
        num_pr.append(num_id)
        p_pr.append(num_pr)
        return paragraph

    def table(self, rows: list[list[str]], header: bool = False, merges=(), bold_first: bool = False):
        table = self.document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                lines = value.split("\n")
                self._fill(cell.paragraphs[0], lines[0], bold=bold_first and r == 0)
                for more in lines[1:]:
                    self._fill(cell.add_paragraph(), more, bold=bold_first and r == 0)
        if header:
            tr_pr = table.rows[0]._tr.get_or_add_trPr()
            flag = OxmlElement("w:tblHeader")
            tr_pr.append(flag)
        for (r1, c1), (r2, c2) in merges:
            keep = table.cell(r1, c1).text
            merged = table.cell(r1, c1).merge(table.cell(r2, c2))
            for paragraph in merged.paragraphs[1:]:
                paragraph._p.getparent().remove(paragraph._p)
            if merged.text != keep:
                merged.paragraphs[0].text = keep
        return table

    def textbox(self, lines: list[str], anchor_text: str = "") -> None:
        """A floating text box (DrawingML with the VML fallback Word writes beside it)."""
        anchor = self.p(anchor_text)
        paragraphs = "".join(
            f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{line}</w:t></w:r></w:p>' for line in lines)
        xml = (
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml">'
            '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
            '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="2743200" cy="914400"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
            '<wp:docPr id="1" name="Text Box 1"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2743200" '
            'cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            '<mc:Fallback><w:pict><v:shape style="width:216pt;height:72pt"><v:textbox>'
            f'<w:txbxContent>{paragraphs}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r>')
        from lxml import etree
        anchor._p.append(etree.fromstring(xml))

    def bookmark(self, paragraph, name: str, ident: int) -> None:
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(ident))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(ident))
        paragraph._p.insert(0 if paragraph._p.pPr is None else 1, start)
        paragraph._p.append(end)

    def header(self, lines: list[str], footer: list[str] = ()) -> None:
        section = self.document.sections[0]
        head = section.header
        head.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            head.add_paragraph(line)
        if footer:
            section.footer.paragraphs[0].text = footer[0]
            for line in footer[1:]:
                section.footer.add_paragraph(line)

    def header_table(self, left: list[str], right: list[str]) -> None:
        self.table([["\n".join(left), "\n".join(right)]])

    def sign(self, left: list[str], right: list[str]) -> None:
        self.table([["\n".join(left), "\n".join(right)]])

    def save(self, name: str) -> Path:
        path = HERE / name
        self.document.save(str(path))
        return path


NATIONAL = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
PARTY = ["ĐẢNG CỘNG SẢN VIỆT NAM"]
NBSP, SHY, ZWSP, ZWJ = "\u00a0", "\u00ad", "\u200b", "\u2060"


def write_expected(name: str, expected: dict) -> None:
    (HERE / name).write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# -- the documents --------------------------------------------------------------------------

def d01() -> dict:
    """Northern commune, Word numbering for headings, programme table with a header row."""
    d = Doc()
    d.numbering("heads", [("upperRoman", "%1."), ("decimal", "%2."), ("bullet", "-")])
    d.header_table(["ỦY BAN NHÂN DÂN", "XÃ TIÊN LÃNG", "Số: 118/KH-UBND"],
                   NATIONAL + ["Tiên Lãng, ngày 06 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True, align="center")
    d.p("Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân năm 2025",
        bold=True, align="center")
    d.p("Thực hiện Kế hoạch số 15-KH/ĐU ngày 20/02/2025 của Ban Thường vụ Đảng ủy xã, Ủy ban nhân dân "
        "xã xây dựng kế hoạch như sau:")
    d.item("heads", 0, "MỤC ĐÍCH, YÊU CẦU", bold=True)
    d.item("heads", 2, "Kịp thời nắm bắt tâm tư, nguyện vọng, kiến nghị của Nhân dân.")
    d.item("heads", 0, "THỜI GIAN, ĐỊA ĐIỂM", bold=True)
    d.item("heads", 1, "Thời gian: 07 giờ 30 phút, thứ Bảy, ngày 22/11/2025.")
    d.item("heads", 1, "Địa điểm: Hội trường UBND xã Tiên Lãng.")
    d.item("heads", 0, "THÀNH PHẦN", bold=True)
    d.item("heads", 1, "Chủ trì: Ông Bùi Văn Khải, Chủ tịch UBND xã.")
    d.item("heads", 1, "Thư ký: Bà Nguyễn Thị Thanh, công chức Văn phòng - Thống kê.")
    d.item("heads", 1, "Đại biểu mời:")
    d.item("heads", 2, "Thường trực Đảng ủy, HĐND, Ủy ban MTTQ xã: 06 người;")
    d.item("heads", 2, "Trưởng thôn, Bí thư chi bộ 12 thôn: 24 người;")
    d.item("heads", 2, "Đại diện Nhân dân các thôn: 100 người.")
    d.item("heads", 0, "CHƯƠNG TRÌNH HỘI NGHỊ", bold=True)
    d.table([["TT", "Thời gian", "Nội dung", "Người thực hiện"],
             ["1", "7h30 - 7h40", "Tuyên bố lý do, giới thiệu đại biểu", "Văn phòng HĐND và UBND xã"],
             ["2", "7h40 - 8h00", "Báo cáo kết quả giải quyết kiến nghị của Nhân dân năm 2024",
              "Phó Chủ tịch UBND xã"],
             ["3", "8h00 - 10h30", "Nhân dân phát biểu ý kiến, đối thoại với Chủ tịch UBND xã", "Chủ trì"],
             ["4", "10h30 - 11h00", "Chủ tịch UBND xã kết luận hội nghị", "Chủ tịch UBND xã"]],
            header=True, bold_first=True)
    d.sign(["Nơi nhận:", "- TT Đảng ủy, HĐND xã;", "- Lưu: VT."],
           ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Bùi Văn Khải"])
    d.save("d01-xa-tien-lang-word-numbering.docx")
    return {"title": "Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân năm 2025",
            "organisation": "Ủy ban nhân dân xã Tiên Lãng", "place_name": "Tiên Lãng",
            "venue": "Hội trường UBND xã Tiên Lãng", "date": "2025-11-22", "start": "07:30", "end": "11:00",
            "chairs": [{"name": "Bùi Văn Khải", "title": "Chủ tịch UBND xã"}],
            "secretary": "Nguyễn Thị Thanh",
            "attendance": [{"group": "Thường trực Đảng ủy, HĐND, Ủy ban MTTQ xã", "invited": 6},
                           {"group": "Trưởng thôn, Bí thư chi bộ 12 thôn", "invited": 24},
                           {"group": "Đại diện Nhân dân các thôn", "invited": 100}],
            "programme": ["Tuyên bố lý do, giới thiệu đại biểu",
                          "Báo cáo kết quả giải quyết kiến nghị của Nhân dân năm 2024",
                          "Nhân dân phát biểu ý kiến, đối thoại với Chủ tịch UBND xã",
                          "Chủ tịch UBND xã kết luận hội nghị"],
            "dialogue_step": 3}


def d02() -> dict:
    """Southern ward whose issuing body sits in a text box; merged cells in the programme."""
    d = Doc()
    d.textbox(["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN ĐỊNH", "Số: 203/KH-UBND"])
    d.p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, align="center")
    d.p("Độc lập - Tự do - Hạnh phúc", bold=True, align="center")
    d.p("Tân Định, ngày 15 tháng 10 năm 2025", italic=True)
    d.p("KẾ HOẠCH", bold=True, align="center")
    d.p("Tổ chức Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân phường\nvới Nhân dân khu phố 3, khu phố 4",
        bold=True, align="center")
    d.p("I. THỜI GIAN, ĐỊA ĐIỂM", bold=True)
    d.p("Hội nghị được tổ chức vào lúc 18 giờ 30 phút ngày 24/10/2025 tại Hội trường Ban điều hành khu phố 3, "
        "số 48 đường Trần Quang Khải.")
    d.p("II. CHỦ TRÌ", bold=True)
    d.p("Ông Đặng Quốc Việt, Chủ tịch UBND phường là chủ tọa.")
    d.p("III. THÀNH PHẦN", bold=True)
    d.p("Ban điều hành khu phố 3, khu phố 4; Tổ trưởng các tổ dân phố; đại diện hộ dân khu phố 3, khu phố 4 "
        "(khoảng 150 người).")
    d.p("IV. CHƯƠNG TRÌNH", bold=True)
    d.table([["STT", "Nội dung", "Phụ trách"],
             ["1", "Tuyên bố lý do, giới thiệu đại biểu", "Văn phòng UBND phường"],
             ["2", "Báo cáo tình hình an ninh trật tự, chỉnh trang đô thị", "Phó Chủ tịch UBND phường"],
             ["3", "Nhân dân phát biểu ý kiến, đối thoại", "Chủ trì"],
             ["4", "Trả lời, giải trình các ý kiến", ""],
             ["5", "Kết luận hội nghị", "Chủ tịch UBND phường"]],
            header=True, bold_first=True, merges=[((3, 2), (4, 2))])
    d.sign(["Nơi nhận:", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đặng Quốc Việt"])
    d.save("d02-phuong-tan-dinh-textbox.docx")
    return {"title": "Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân phường với Nhân dân khu phố 3, khu phố 4",
            "organisation": "Ủy ban nhân dân phường Tân Định", "place_name": "Tân Định",
            "venue": "Hội trường Ban điều hành khu phố 3, số 48 đường Trần Quang Khải",
            "date": "2025-10-24", "start": "18:30",
            "chairs": [{"name": "Đặng Quốc Việt", "title": "Chủ tịch UBND phường"}],
            "attendance": [{"group": "Ban điều hành khu phố 3, khu phố 4"},
                           {"group": "Tổ trưởng các tổ dân phố"},
                           {"group": "Đại diện hộ dân khu phố 3, khu phố 4", "invited": 150}],
            "programme": ["Tuyên bố lý do, giới thiệu đại biểu",
                          "Báo cáo tình hình an ninh trật tự, chỉnh trang đô thị",
                          "Nhân dân phát biểu ý kiến, đối thoại", "Trả lời, giải trình các ý kiến",
                          "Kết luận hội nghị"],
            "dialogue_step": 3}


def d03() -> dict:
    """Central commune: the issuing body in the page header part, a footer, bookmarks."""
    d = Doc()
    d.header(["ĐẢNG ỦY XÃ HÒA VANG", "Số 52-KH/ĐU"], footer=["Trang 1", "Tệp: KH doi thoai 2025.docx"])
    d.p("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True)
    d.p("Hòa Vang, ngày 12 tháng 11 năm 2025", italic=True)
    title = d.p("KẾ HOẠCH", bold=True, align="center")
    d.bookmark(title, "_GoBack", 0)
    d.p("Hội nghị tiếp xúc, đối thoại của Bí thư Đảng ủy xã với Nhân dân năm 2025", bold=True)
    d.p("1. Thời gian, địa điểm", bold=True)
    d.p("Bắt đầu lúc 14 giờ 00 phút, ngày 26/11/2025, tại Hội trường Đảng ủy - UBND xã Hòa Vang; dự kiến "
        "kết thúc lúc 17 giờ 00 phút.")
    d.p("2. Chủ trì hội nghị", bold=True)
    marked = d.p("Đồng chí Trương Công Định, Bí thư Đảng ủy xã chủ trì; mời đồng chí Chủ tịch UBND xã cùng dự "
                 "để trả lời các ý kiến thuộc thẩm quyền.")
    d.bookmark(marked, "chutri", 1)
    d.p("3. Thành phần", bold=True)
    d.p("- Ban Thường vụ Đảng ủy xã;")
    d.p("- Bí thư chi bộ, trưởng thôn các thôn La Bông, Phú Sơn, Hòa Thọ;")
    d.p("- Đảng viên và Nhân dân các thôn (khoảng 110 người).")
    d.p("4. Chương trình", bold=True)
    d.p("- Khai mạc, giới thiệu đại biểu;")
    d.p("- Cán bộ, đảng viên và Nhân dân phát biểu, đối thoại;")
    d.p("- Đồng chí Bí thư Đảng ủy xã kết luận.")
    d.p("T/M BAN THƯỜNG VỤ", bold=True)
    d.p("BÍ THƯ", bold=True)
    d.p("Trương Công Định", bold=True)
    d.save("d03-xa-hoa-vang-header-part.docx")
    return {"title": "Hội nghị tiếp xúc, đối thoại của Bí thư Đảng ủy xã với Nhân dân năm 2025",
            "organisation": "Đảng ủy xã Hòa Vang", "place_name": "Hòa Vang",
            "venue": "Hội trường Đảng ủy - UBND xã Hòa Vang", "date": "2025-11-26", "start": "14:00",
            "end": "17:00",
            "chairs": [{"name": "Trương Công Định", "title": "Bí thư Đảng ủy xã"}],
            "attendance": [{"group": "Ban Thường vụ Đảng ủy xã"},
                           {"group": "Bí thư chi bộ, trưởng thôn các thôn La Bông, Phú Sơn, Hòa Thọ"},
                           {"group": "Đảng viên và Nhân dân các thôn", "invited": 110}],
            "programme": ["Khai mạc, giới thiệu đại biểu", "Cán bộ, đảng viên và Nhân dân phát biểu, đối thoại",
                          "Đồng chí Bí thư Đảng ủy xã kết luận"],
            "dialogue_step": 2}


def d04() -> dict:
    """Word's invisible characters: NBSP, soft hyphens, zero-width, smart quotes, tabs, split runs."""
    d = Doc()
    d.header_table([f"ỦY BAN NHÂN DÂN", f"XÃ{NBSP}CHÂU{NBSP}THÀNH"],
                   NATIONAL + [f"Châu Thành, ngày{NBSP}03 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p(f"Tổ chức Hội nghị đối thoại “trực tiếp” giữa Chủ tịch UBND xã với Nhân dân ấp Phú Hòa, "
        f"ấp Phú Thạnh", bold=True)
    d.p(f"Thời gian:\t|Từ 07{NBSP}giờ{NBSP}30 đến 10{NBSP}giờ{NBSP}30, ngày{NBSP}16/11/2025{ZWSP}.")
    d.p(f"Địa{ZWSP} điểm:\tHội trường Ban nhân dân ấp Phú Hò{SHY}a.")
    d.p(f"Chủ trì:\tÔng Huỳnh Văn Tư{ZWJ} – Chủ tịch UBND xã.")
    d.p(f"Thư ký:\tÔng Lê Hoàng Nam – công chức Văn phò{SHY}ng - Thống kê.")
    d.p("Thành phần:")
    d.p(f"-\tTrưởng ấp, Phó Trưởng ấp, Trưởng ban công tác Mặt trận hai ấp:\t06 người;")
    d.p(f"-\tĐại diện hộ dân ấp Phú Hòa, ấp Phú Thạnh:\t70 người.")
    d.p("Chương trình:")
    d.p("1.\tTuyên bố lý do;")
    d.p("2.\tBà con phát |biểu, đối thoại với Chủ tịch UBND xã;")
    d.p("3.\tKết luận.")
    d.sign(["Nơi nhận:", "- Lưu VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Huỳnh Văn Tư"])
    d.save("d04-xa-chau-thanh-invisible-chars.docx")
    return {"title": "Hội nghị đối thoại “trực tiếp” giữa Chủ tịch UBND xã với Nhân dân ấp Phú Hòa, ấp Phú Thạnh",
            "organisation": "Ủy ban nhân dân xã Châu Thành", "place_name": "Châu Thành",
            "venue": "Hội trường Ban nhân dân ấp Phú Hòa", "date": "2025-11-16", "start": "07:30",
            "end": "10:30",
            "chairs": [{"name": "Huỳnh Văn Tư", "title": "Chủ tịch UBND xã"}],
            "secretary": "Lê Hoàng Nam",
            "attendance": [{"group": "Trưởng ấp, Phó Trưởng ấp, Trưởng ban công tác Mặt trận hai ấp", "invited": 6},
                           {"group": "Đại diện hộ dân ấp Phú Hòa, ấp Phú Thạnh", "invited": 70}],
            "programme": ["Tuyên bố lý do", "Bà con phát biểu, đối thoại với Chủ tịch UBND xã", "Kết luận"],
            "dialogue_step": 2}


def d05() -> dict:
    """A plain plan, re-saved by LibreOffice when `--soffice` is given (as a commune's LibreOffice would)."""
    d = Doc()
    d.header_table(["ỦY BAN NHÂN DÂN", "XÃ NAM ĐÀN", "Số: 310/KH-UBND"],
                   NATIONAL + ["Nam Đàn, ngày 17 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức đối thoại giữa Chủ tịch UBND xã với Nhân dân về xây dựng nông thôn mới kiểu mẫu", bold=True)
    d.p("1. Thời gian: 13 giờ 30 phút ngày 28/11/2025.")
    d.p("2. Địa điểm: Nhà văn hóa xóm 4, xã Nam Đàn.")
    d.p("3. Chủ trì: Ông Trần Đình Phong - Chủ tịch UBND xã.")
    d.p("4. Thành phần: Ban phát triển xóm; đại diện hộ gia đình các xóm 3, 4, 5.")
    d.p("5. Chương trình:")
    d.p("- Báo cáo kết quả xây dựng nông thôn mới kiểu mẫu;")
    d.p("- Nhân dân phát biểu, đối thoại;")
    d.p("- Kết luận.")
    d.sign(["Nơi nhận:", "- Lưu VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Đình Phong"])
    d.save("d05-xa-nam-dan-libreoffice.docx")
    return {"title": "Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân về xây dựng nông thôn mới kiểu mẫu",
            "organisation": "Ủy ban nhân dân xã Nam Đàn", "place_name": "Nam Đàn",
            "venue": "Nhà văn hóa xóm 4, xã Nam Đàn", "date": "2025-11-28", "start": "13:30",
            "chairs": [{"name": "Trần Đình Phong", "title": "Chủ tịch UBND xã"}],
            "attendance": [{"group": "Ban phát triển xóm"},
                           {"group": "Đại diện hộ gia đình các xóm 3, 4, 5"}],
            "programme": ["Báo cáo kết quả xây dựng nông thôn mới kiểu mẫu", "Nhân dân phát biểu, đối thoại",
                          "Kết luận"],
            "dialogue_step": 2}


def d06() -> dict:
    """Joint meeting; programme table whose first row is a merged title, lead merged down two steps."""
    d = Doc()
    d.header_table(["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG ỦY XÃ ĐÔ LƯƠNG", "*", "Số 61-KH/ĐU"],
                   PARTY + ["Đô Lương, ngày 25 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền xã với Nhân dân năm 2025", bold=True)
    d.p("1. Thời gian: Vào hồi 7h30, ngày 10/12/2025 (thứ Tư).")
    d.p("2. Địa điểm: Hội trường Trung tâm chính trị xã.")
    d.p("3. Chủ trì: Đồng chí Nguyễn Văn Lâm, Bí thư Đảng ủy xã và đồng chí Hoàng Thị Nga, Chủ tịch UBND xã.")
    d.p("4. Thành phần: các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã; Bí thư chi bộ, xóm trưởng các xóm; "
        "đại diện Nhân dân các xóm (dự kiến 180 người).")
    d.p("5. Chương trình:")
    d.table([["CHƯƠNG TRÌNH HỘI NGHỊ", "", ""],
             ["TT", "Nội dung", "Điều hành"],
             ["1", "Tuyên bố lý do, giới thiệu đại biểu", "Văn phòng Đảng ủy"],
             ["2", "Báo cáo kết quả thực hiện các kiến nghị tại hội nghị đối thoại năm 2024", "Chủ tịch UBND xã"],
             ["3", "Nhân dân phát biểu, đối thoại trực tiếp", "Bí thư Đảng ủy xã"],
             ["4", "Lãnh đạo xã giải trình, trả lời", ""],
             ["5", "Kết luận hội nghị", "Bí thư Đảng ủy xã"]],
            header=True, merges=[((0, 0), (0, 2)), ((4, 2), (5, 2))], bold_first=True)
    d.sign(["Nơi nhận:", "- Lưu VPĐU."], ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Lâm"])
    d.save("d06-xa-do-luong-merged-table.docx")
    return {"title": "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền xã với Nhân dân năm 2025",
            "organisation": "Đảng ủy xã Đô Lương", "place_name": "Đô Lương", "parent": "Đảng bộ tỉnh Nghệ An",
            "venue": "Hội trường Trung tâm chính trị xã", "date": "2025-12-10", "start": "07:30",
            "chairs": [{"name": "Nguyễn Văn Lâm", "title": "Bí thư Đảng ủy xã"},
                       {"name": "Hoàng Thị Nga", "title": "Chủ tịch UBND xã"}],
            "attendance": [{"group": "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã"},
                           {"group": "Bí thư chi bộ, xóm trưởng các xóm"},
                           {"group": "Đại diện Nhân dân các xóm", "invited": 180}],
            "programme": ["Tuyên bố lý do, giới thiệu đại biểu",
                          "Báo cáo kết quả thực hiện các kiến nghị tại hội nghị đối thoại năm 2024",
                          "Nhân dân phát biểu, đối thoại trực tiếp", "Lãnh đạo xã giải trình, trả lời",
                          "Kết luận hội nghị"],
            "dialogue_step": 3}


def d07() -> dict:
    """Programme steps numbered by Word's own list (the numbers are not in the text)."""
    d = Doc()
    d.numbering("steps", [("decimal", "%1.")])
    d.numbering("people", [("bullet", "")])
    d.header_table(["UBND XÃ VĨNH BẢO", "Số: 87/KH-UBND"], NATIONAL + ["Vĩnh Bảo, ngày 02 tháng 12 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức Hội nghị tiếp xúc, đối thoại với Nhân dân về chuyển đổi cơ cấu cây trồng năm 2025", bold=True)
    d.p("I. THỜI GIAN, ĐỊA ĐIỂM", bold=True)
    d.p("Thời gian: 08 giờ 00 phút ngày 13/12/2025 (thứ Bảy).")
    d.p("Địa điểm: Hội trường Hợp tác xã nông nghiệp Vĩnh Bảo.")
    d.p("II. THÀNH PHẦN", bold=True)
    d.p("Chủ trì: Ông Phạm Văn Cường, Chủ tịch UBND xã.")
    d.item("people", 0, "Hội Nông dân xã: 05 người;")
    d.item("people", 0, "Ban quản trị Hợp tác xã nông nghiệp: 07 người;")
    d.item("people", 0, "Hộ nông dân các thôn: 120 người.")
    d.p("III. CHƯƠNG TRÌNH", bold=True)
    d.item("steps", 0, "Tuyên bố lý do, giới thiệu đại biểu;")
    d.item("steps", 0, "Báo cáo phương án chuyển đổi cơ cấu cây trồng vụ Xuân 2026;")
    d.item("steps", 0, "Hộ nông dân phát biểu, đối thoại với lãnh đạo xã;")
    d.item("steps", 0, "Chủ tịch UBND xã kết luận.")
    d.sign(["Nơi nhận:", "- Lưu VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Văn Cường"])
    d.save("d07-xa-vinh-bao-word-list.docx")
    return {"title": "Hội nghị tiếp xúc, đối thoại với Nhân dân về chuyển đổi cơ cấu cây trồng năm 2025",
            "organisation": "Ủy ban nhân dân xã Vĩnh Bảo", "place_name": "Vĩnh Bảo",
            "venue": "Hội trường Hợp tác xã nông nghiệp Vĩnh Bảo", "date": "2025-12-13", "start": "08:00",
            "chairs": [{"name": "Phạm Văn Cường", "title": "Chủ tịch UBND xã"}],
            "attendance": [{"group": "Hội Nông dân xã", "invited": 5},
                           {"group": "Ban quản trị Hợp tác xã nông nghiệp", "invited": 7},
                           {"group": "Hộ nông dân các thôn", "invited": 120}],
            "programme": ["Tuyên bố lý do, giới thiệu đại biểu",
                          "Báo cáo phương án chuyển đổi cơ cấu cây trồng vụ Xuân 2026",
                          "Hộ nông dân phát biểu, đối thoại với lãnh đạo xã", "Chủ tịch UBND xã kết luận"],
            "dialogue_step": 3}


def d08() -> dict:
    """An announcement (THÔNG BÁO) that says everything in two sentences."""
    d = Doc()
    d.header_table(["ỦY BAN NHÂN DÂN", "PHƯỜNG HẢI CHÂU", "Số: 412/TB-UBND"],
                   NATIONAL + ["Hải Châu, ngày 04 tháng 12 năm 2025"])
    d.p("THÔNG BÁO", bold=True)
    d.p("Về việc tổ chức Hội nghị đối thoại giữa Chủ tịch UBND phường với các hộ kinh doanh chợ Hàn", bold=True)
    d.p("Ủy ban nhân dân phường Hải Châu trân trọng thông báo: Chủ tịch UBND phường tổ chức đối thoại với "
        "các hộ kinh doanh chợ Hàn vào lúc 15 giờ 00 phút, thứ Năm, ngày 11/12/2025 tại Hội trường Ban quản "
        "lý chợ Hàn.")
    d.p("Chủ trì buổi đối thoại: Ông Lê Minh Tuấn, Chủ tịch UBND phường. Cùng dự có đại diện Ban quản lý "
        "chợ, Đội quản lý trật tự đô thị phường.")
    d.p("Đề nghị các hộ kinh doanh đăng ký ý kiến tại Ban quản lý chợ trước ngày 09/12/2025.")
    d.sign(["Nơi nhận:", "- Ban quản lý chợ Hàn;", "- Lưu: VT."],
           ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Ngô Thị Bích"])
    d.save("d08-phuong-hai-chau-thong-bao.docx")
    return {"title": "Hội nghị đối thoại giữa Chủ tịch UBND phường với các hộ kinh doanh chợ Hàn",
            "organisation": "Ủy ban nhân dân phường Hải Châu", "place_name": "Hải Châu",
            "venue": "Hội trường Ban quản lý chợ Hàn", "date": "2025-12-11", "start": "15:00",
            "chairs": [{"name": "Lê Minh Tuấn", "title": "Chủ tịch UBND phường"}]}


def d09() -> dict:
    """Joint plan with an attendance table (TT | Thành phần | Số lượng)."""
    d = Doc()
    d.header_table(["ĐẢNG ỦY XÃ TRIỆU PHONG", "Số 33-KH/ĐU"], PARTY + ["Triệu Phong, ngày 18 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức Hội nghị tiếp xúc, đối thoại giữa Bí thư Đảng ủy, Chủ tịch UBND xã với Nhân dân năm 2025",
        bold=True)
    d.p("I. THỜI GIAN, ĐỊA ĐIỂM", bold=True)
    d.p("- Thời gian: 7 giờ 30 phút, ngày 03/12/2025.")
    d.p("- Địa điểm: Hội trường UBND xã Triệu Phong.")
    d.p("II. CHỦ TRÌ", bold=True)
    d.p("- Đồng chí Võ Đức Hải, Bí thư Đảng ủy xã;")
    d.p("- Đồng chí Lê Thị Mỹ, Chủ tịch UBND xã.")
    d.p("III. THÀNH PHẦN, SỐ LƯỢNG", bold=True)
    d.table([["TT", "Thành phần", "Số lượng"],
             ["1", "Ban Thường vụ Đảng ủy xã", "07"],
             ["2", "Ủy ban MTTQ và các đoàn thể xã", "10"],
             ["3", "Trưởng thôn, Bí thư chi bộ các thôn", "18"],
             ["4", "Đại diện Nhân dân các thôn", "100"]], header=True, bold_first=True)
    d.p("IV. TỔ CHỨC THỰC HIỆN", bold=True)
    d.p("Văn phòng Đảng ủy tham mưu giấy mời, chuẩn bị tài liệu; hoàn thành trước ngày 28/11/2025.")
    d.sign(["Nơi nhận:", "- Lưu VPĐU."], ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Võ Đức Hải"])
    d.save("d09-xa-trieu-phong-attendance-table.docx")
    return {"title": "Hội nghị tiếp xúc, đối thoại giữa Bí thư Đảng ủy, Chủ tịch UBND xã với Nhân dân năm 2025",
            "organisation": "Đảng ủy xã Triệu Phong", "place_name": "Triệu Phong",
            "venue": "Hội trường UBND xã Triệu Phong", "date": "2025-12-03", "start": "07:30",
            "chairs": [{"name": "Võ Đức Hải", "title": "Bí thư Đảng ủy xã"},
                       {"name": "Lê Thị Mỹ", "title": "Chủ tịch UBND xã"}],
            "attendance": [{"group": "Ban Thường vụ Đảng ủy xã", "invited": 7},
                           {"group": "Ủy ban MTTQ và các đoàn thể xã", "invited": 10},
                           {"group": "Trưởng thôn, Bí thư chi bộ các thôn", "invited": 18},
                           {"group": "Đại diện Nhân dân các thôn", "invited": 100}]}


def d10() -> dict:
    """A plan whose chair is given by office only, signed by that office: the signer is proposed."""
    d = Doc()
    d.header_table(["ỦY BAN NHÂN DÂN", "XÃ KIM SƠN", "Số: 240/KH-UBND"], NATIONAL + ["Kim Sơn, ngày 07 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tiếp xúc, đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân năm 2025", bold=True)
    d.p("1. Thời gian: 14h00 ngày 21/11/2025.")
    d.p("2. Địa điểm: Nhà văn hóa thôn Phát Diệm.")
    d.p("3. Chủ tịch UBND xã chủ trì hội nghị.")
    d.p("4. Thành phần: Thường trực Đảng ủy, HĐND xã; các ban, ngành, đoàn thể xã; Nhân dân thôn Phát Diệm, "
        "thôn Lưu Phương.")
    d.p("5. Chương trình:")
    d.p("5.1. Tuyên bố lý do;")
    d.p("5.2. Nhân dân phát biểu ý kiến, kiến nghị, đối thoại;")
    d.p("5.3. Chủ tịch UBND xã kết luận.")
    d.sign(["Nơi nhận:", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đinh Văn Hòa"])
    d.save("d10-xa-kim-son-signer-chairs.docx")
    return {"title": "Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân năm 2025",
            "organisation": "Ủy ban nhân dân xã Kim Sơn", "place_name": "Kim Sơn",
            "venue": "Nhà văn hóa thôn Phát Diệm", "date": "2025-11-21", "start": "14:00",
            "chairs": [{"name": "Đinh Văn Hòa", "title": "Chủ tịch UBND xã", "proposed": True}],
            "attendance": [{"group": "Thường trực Đảng ủy, HĐND xã"}, {"group": "Các ban, ngành, đoàn thể xã"},
                           {"group": "Nhân dân thôn Phát Diệm, thôn Lưu Phương"}],
            "programme": ["Tuyên bố lý do", "Nhân dân phát biểu ý kiến, kiến nghị, đối thoại",
                          "Chủ tịch UBND xã kết luận"],
            "dialogue_step": 2}


def d11() -> dict:
    """Southern ward, news style with the ward's quarters ("khu phố") and their Ban điều hành."""
    d = Doc()
    d.p("PHƯỜNG LINH XUÂN TỔ CHỨC ĐỐI THOẠI VỚI NHÂN DÂN KHU PHỐ 2, KHU PHỐ 6", bold=True)
    d.p("Đăng ngày 05/11/2025 lúc 16:40", italic=True)
    d.p("Nhằm kịp thời giải quyết vướng mắc về hạ tầng, ngập nước và trật tự xây dựng, Ủy ban nhân dân phường "
        "Linh Xuân tổ chức Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân khu phố 2, khu phố 6.")
    d.p("Hội nghị bắt đầu lúc 18h00 thứ Sáu, ngày 14/11/2025, tại Sân Nhà văn hóa khu phố 6 (đường số 8); "
        "dự kiến kết thúc lúc 20h30.")
    d.p("Hội nghị do ông Phan Thanh Bình, Chủ tịch UBND phường chủ trì. Thành phần gồm Ban điều hành khu phố 2, "
        "khu phố 6; Tổ trưởng tổ nhân dân; bà con các khu phố.")
    d.p("Bà con có ý kiến đăng ký với Ban điều hành khu phố từ ngày 06/11/2025 đến ngày 12/11/2025.")
    d.p("Thanh Tâm (Văn phòng HĐND-UBND phường)", italic=True)
    d.save("d11-phuong-linh-xuan-tin-tuc.docx")
    return {"title": "Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân khu phố 2, khu phố 6",
            "organisation": "Ủy ban nhân dân phường Linh Xuân", "place_name": "Linh Xuân",
            "venue": "Sân Nhà văn hóa khu phố 6 (đường số 8)", "date": "2025-11-14", "start": "18:00",
            "end": "20:30",
            "chairs": [{"name": "Phan Thanh Bình", "title": "Chủ tịch UBND phường"}],
            "attendance": [{"group": "Ban điều hành khu phố 2, khu phố 6"}, {"group": "Tổ trưởng tổ nhân dân"},
                           {"group": "Bà con các khu phố"}]}


def d12() -> dict:
    """Title over a manual line break; programme table with a merged time cell and a header row."""
    d = Doc()
    d.header_table(["ỦY BAN NHÂN DÂN", "THỊ TRẤN PHÚ XUYÊN", "Số: 55/KH-UBND"],
                   NATIONAL + ["Phú Xuyên, ngày 20 tháng 3 năm 2026"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp\ngiữa Chủ tịch UBND thị trấn với Nhân dân\n"
        "các tổ dân phố Phú Mỹ, Thao Chính năm 2026", bold=True)
    d.p("I. THỜI GIAN, ĐỊA ĐIỂM", bold=True)
    d.p("1. Thời gian: 8h00' ngày 11/4/2026 (thứ Bảy).")
    d.p("2. Địa điểm: Hội trường UBND thị trấn Phú Xuyên.")
    d.p("II. CHỦ TRÌ, THƯ KÝ", bold=True)
    d.p("1. Chủ trì: Đồng chí Trịnh Văn Quang, Chủ tịch UBND thị trấn.")
    d.p("2. Thư ký: Đồng chí Nguyễn Thu Hà, công chức Văn phòng - Thống kê.")
    d.p("III. THÀNH PHẦN", bold=True)
    d.p("- Tổ trưởng, Bí thư chi bộ các tổ dân phố Phú Mỹ, Thao Chính: 04 người;")
    d.p("- Đại diện hộ gia đình hai tổ dân phố: 80 người.")
    d.p("IV. CHƯƠNG TRÌNH", bold=True)
    d.table([["TT", "Thời gian", "Nội dung", "Thực hiện"],
             ["1", "8h00 - 8h15", "Tuyên bố lý do, giới thiệu đại biểu", "Văn phòng"],
             ["2", "8h15 - 10h45", "Nhân dân phát biểu ý kiến, đối thoại", "Chủ trì"],
             ["3", "", "Lãnh đạo thị trấn trả lời ý kiến", "Chủ trì"],
             ["4", "10h45 - 11h00", "Kết luận hội nghị", "Chủ tịch UBND thị trấn"]],
            header=True, bold_first=True, merges=[((2, 1), (3, 1))])
    d.sign(["Nơi nhận:", "- Lưu VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trịnh Văn Quang"])
    d.save("d12-thi-tran-phu-xuyen-line-breaks.docx")
    return {"title": "Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch UBND thị trấn với Nhân dân các tổ dân "
                     "phố Phú Mỹ, Thao Chính năm 2026",
            "organisation": "Ủy ban nhân dân thị trấn Phú Xuyên", "place_name": "Phú Xuyên",
            "venue": "Hội trường UBND thị trấn Phú Xuyên", "date": "2026-04-11", "start": "08:00", "end": "11:00",
            "chairs": [{"name": "Trịnh Văn Quang", "title": "Chủ tịch UBND thị trấn"}],
            "secretary": "Nguyễn Thu Hà",
            "attendance": [{"group": "Tổ trưởng, Bí thư chi bộ các tổ dân phố Phú Mỹ, Thao Chính", "invited": 4},
                           {"group": "Đại diện hộ gia đình hai tổ dân phố", "invited": 80}],
            "programme": ["Tuyên bố lý do, giới thiệu đại biểu", "Nhân dân phát biểu ý kiến, đối thoại",
                          "Lãnh đạo thị trấn trả lời ý kiến", "Kết luận hội nghị"],
            "dialogue_step": 2}


def _xml(fragment: str):
    from lxml import etree
    return etree.fromstring(
        '<w:wrap xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' + fragment + "</w:wrap>")


def d13() -> dict:
    """Tracked changes left on (an inserted time, a deleted one), content controls from a template,
    a hyperlink, a non-breaking hyphen: what python-docx's own text leaves out or keeps wrongly."""
    d = Doc()
    d.header_table(["ỦY BAN NHÂN DÂN", "PHƯỜNG AN KHÁNH", "Số: 91/KH-UBND"],
                   NATIONAL + ["An Khánh, ngày 19 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân khu phố 1, khu phố 2", bold=True)
    # "Thời gian: 7 giờ 30 [deleted: 14 giờ] ngày 29/11/2025." with the new time a tracked insertion
    when = d.p("Thời gian: ")
    for element in _xml(
            '<w:del w:id="1" w:author="VP" w:date="2025-11-18T08:00:00Z"><w:r><w:delText>14 giờ 00</w:delText>'
            '</w:r></w:del><w:ins w:id="2" w:author="VP" w:date="2025-11-18T08:00:00Z"><w:r><w:t xml:space='
            '"preserve">07 giờ 30</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> ngày 29/11/2025.</w:t></w:r>'):
        when._p.append(element)
    # a template's content control around the place, with a hyperlink to the map
    for element in _xml(
            '<w:sdt><w:sdtPr><w:alias w:val="Địa điểm"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t xml:space='
            '"preserve">Địa điểm: </w:t></w:r><w:hyperlink r:id="rIdMap"><w:r><w:t>Hội trường Trung tâm Văn hóa'
            '</w:t></w:r><w:r><w:noBreakHyphen/><w:t>Thể thao phường An Khánh</w:t></w:r></w:hyperlink><w:r>'
            '<w:t>.</w:t></w:r></w:p></w:sdtContent></w:sdt>'):
        when._p.addnext(element)
    d.p("Chủ trì: Ông Tạ Quang Vinh, Chủ tịch UBND phường.")
    d.p("Thành phần: Ban điều hành khu phố 1, khu phố 2; đại diện các hộ dân hai khu phố.")
    d.sign(["Nơi nhận:", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Tạ Quang Vinh"])
    rels = d.document.part.rels
    rels.get_or_add_ext_rel("http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                            "https://maps.example.vn/an-khanh")
    rel_id = next(k for k, v in rels.items() if v.is_external)
    path = d.save("d13-phuong-an-khanh-tracked-changes.docx")
    # point the hyperlink at the relationship python-docx created
    import zipfile
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"rIdMap", rel_id.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)
    return {"title": "Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân khu phố 1, khu phố 2",
            "organisation": "Ủy ban nhân dân phường An Khánh", "place_name": "An Khánh",
            "venue": "Hội trường Trung tâm Văn hóa-Thể thao phường An Khánh", "date": "2025-11-29",
            "start": "07:30",
            "chairs": [{"name": "Tạ Quang Vinh", "title": "Chủ tịch UBND phường"}],
            "attendance": [{"group": "Ban điều hành khu phố 1, khu phố 2"},
                           {"group": "Đại diện các hộ dân hai khu phố"}]}


DOCUMENTS = [d01, d02, d03, d04, d05, d06, d07, d08, d09, d10, d11, d12, d13]


def resave_with_libreoffice(path: Path) -> None:
    """Open and save the .docx with LibreOffice, so the file is as LibreOffice writes it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice không có trên máy: cài libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        odt = Path(tmp) / "a.odt"
        subprocess.run([soffice, "--headless", "--convert-to", "odt", "--outdir", tmp, str(path)],
                       check=True, capture_output=True)
        (Path(tmp) / (path.stem + ".odt")).rename(odt)
        subprocess.run([soffice, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(odt)],
                       check=True, capture_output=True)
        shutil.copyfile(Path(tmp) / "a.docx", path)


def main() -> None:
    for make in DOCUMENTS:
        expected = make()
        name = next(p.name for p in sorted(HERE.glob(f"{make.__name__}-*.docx")))
        write_expected(name.replace(".docx", ".json"), expected)
    if "--soffice" in sys.argv:
        resave_with_libreoffice(next(HERE.glob("d05-*.docx")))


if __name__ == "__main__":
    main()
