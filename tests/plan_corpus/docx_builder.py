"""Building blocks for the corpus's .docx plans (see make_docx.py): paragraphs with runs, tabs
and line breaks, Word's list numbering, tables with merged cells and a header row, text boxes,
bookmarks, a header/footer part."""

from __future__ import annotations

import json
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



def _xml(fragment: str):
    from lxml import etree
    return etree.fromstring(
        '<w:wrap xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' + fragment + "</w:wrap>")


