"""The Word files: the decree's page, Times New Roman, the header table with its rules,
page numbers from page 2, and the same text as the PDF letter for letter."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from datetime import datetime

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from db.models import MeetingStatus, Outcome, Source
from reports.notice_parts import APPENDIX_HEAD
from reports.printing import print_record

from .reports_docx import docx_decorations, docx_paragraphs, docx_text
from .reports_fixtures import SPEAKERS, all_opinions, bundled_font, ended_record, make_record, opinion
from .reports_pdf import body_text, full_text, squash
from .test_reports_markup import hostile_record

NOW = datetime(2026, 6, 18, 11, 20)
LONG = os.environ.get("DOITHOAI_LONG") == "1"


def large_record(n: int = 300):
    """n opinions over the four speakers, every outcome, typed line breaks in some."""
    outcomes = [Outcome.ANSWERED, Outcome.ASSIGNED, Outcome.FORWARDED, Outcome.NOTED, None]
    fields = ["Đất đai, tài nguyên, môi trường", "Chính sách xã hội, an sinh", "Quy hoạch, xây dựng, giao thông"]
    ops = []
    for k in range(1, n + 1):
        speaker = SPEAKERS[k % 4 if k % 4 != 2 else 0]
        outcome = outcomes[k % 5]
        ops.append(opinion(
            k, k, Source.SPOKEN,
            f"Ý kiến thứ {k}: đường liên thôn xuống cấp, mùa mưa ngập úng; đề nghị xã sớm sửa chữa."
            + ("\nGia đình tôi đã có đơn từ năm trước." if k % 7 == 0 else ""),
            speaker=speaker, field=fields[k % 3], answered_by="Phạm Thị Thu Hiền" if outcome else None,
            answer="Xã ghi nhận, sẽ kiểm tra thực tế và trả lời." if outcome else None, outcome=outcome,
            agency="Công chức Địa chính - Xây dựng" if outcome in (Outcome.ASSIGNED, Outcome.FORWARDED) else None,
            deadline="2026-07-15" if outcome is Outcome.ASSIGNED else None))
    return ended_record(opinions=ops)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return print_record(ended_record(), tmp_path_factory.mktemp("docx"), font=bundled_font(), now=NOW)


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    return print_record(large_record(), tmp_path_factory.mktemp("docx300"), font=bundled_font(), now=NOW)


def test_four_files_beside_each_other(demo):
    assert [p.name for p in demo.files] == [
        "bien-ban-2026-06-18-hn1.pdf", "thong-bao-2026-06-18-hn1.pdf",
        "bien-ban-2026-06-18-hn1.docx", "thong-bao-2026-06-18-hn1.docx"]
    assert demo.problems == ()


def once(text: str, heading: str) -> str:
    """`text` with a table's heading row kept at its first occurrence only: the PDF prints it
    again at the top of every page the table runs onto, Word repeats it without text."""
    first = text.find(heading)
    if first == -1:
        return text
    end = first + len(heading)
    return text[:end] + text[end:].replace(f" {heading}", "")


@pytest.mark.parametrize("which", ["demo", "large"])
def test_docx_text_equals_pdf_text_letter_for_letter(which, request):
    printed = request.getfixturevalue(which)
    heading = " ".join(APPENDIX_HEAD)
    for pdf, docx in zip(printed.pdfs, printed.docx):
        assert docx_text(docx) == once(body_text(pdf), heading), docx.name
    if which == "large":  # 300 opinions: the notice's appendix, its heading on every page of the PDF
        assert body_text(printed.pdfs[1]).count(heading) > 1 and docx_text(printed.docx[1]).count(heading) == 1


def test_hostile_text_prints_literally_in_both(tmp_path):
    printed = print_record(hostile_record(), tmp_path, font=bundled_font(), now=NOW)
    for pdf, docx in zip(printed.pdfs, printed.docx):
        # a 300-letter word is broken across lines in the PDF (and wrapped by Word): no spaces
        assert squash(docx_text(docx)) == squash(body_text(pdf))
    minutes = docx_text(printed.docx[0])
    assert "<b>bold</b> không được in đậm" in minutes and "&amp; phải in nguyên &lt; và &#65;" in minutes
    assert "Hội trường <img src='x.png'/>" in minutes


def test_decomposed_letters_and_controls_print_as_nfc(tmp_path):
    ops = [dataclasses.replace(all_opinions()[2], content="Đe\u0302\u0300 nghi\u0323 xa\u0303 \x07xem xe\u0301t")]
    printed = print_record(ended_record(opinions=ops), tmp_path, font=bundled_font(), now=NOW)
    assert "Đề nghị xã xem xét" in docx_text(printed.docx[0])
    assert docx_text(printed.docx[0]) == body_text(printed.pdfs[0])


def test_page_is_a4_with_the_decree_margins_and_times_new_roman(demo):
    for path in demo.docx:
        doc = Document(str(path))
        section = doc.sections[0]
        assert abs(section.page_width - Mm(210)) < Mm(0.2) and abs(section.page_height - Mm(297)) < Mm(0.2)
        assert abs(section.top_margin - Mm(20)) < Mm(0.1) and abs(section.bottom_margin - Mm(20)) < Mm(0.1)
        assert abs(section.left_margin - Mm(30)) < Mm(0.1) and abs(section.right_margin - Mm(15)) < Mm(0.1)
        normal = doc.styles["Normal"]
        assert normal.font.name == "Times New Roman" and normal.font.size == Pt(13)
        fonts = normal.element.rPr.find(qn("w:rFonts"))
        assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {"Times New Roman"}


def test_body_paragraphs_are_justified_with_a_one_centimetre_indent(demo):
    doc = Document(str(demo.docx[0]))
    start = next(p for p in doc.paragraphs if p.text.startswith("Thời gian bắt đầu"))
    fmt, style = start.paragraph_format, start.style.paragraph_format
    assert (fmt.alignment or style.alignment) == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs((fmt.first_line_indent or style.first_line_indent) - Mm(10)) < Mm(0.1)
    assert start.style.font.size == Pt(13)


def test_header_is_a_borderless_two_column_table_with_rules(demo):
    doc = Document(str(demo.docx[1]))
    assert doc.tables[0].cell(0, 0).text == "DỰ THẢO"  # the draft mark, boxed
    table = doc.tables[1]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0][0].split("\n")[:2] == ["ỦY BAN NHÂN DÂN", "XÃ KÈ SẮT"]
    assert cells[0][1].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")
    assert cells[1][0] == "Số: .../TB-UBND" and cells[1][1] == "Kè Sắt, ngày 18 tháng 6 năm 2026"
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert all(edge.get(qn("w:val")) == "nil" for edge in borders)
    rules = [p for p in table._tbl.iter(qn("w:pBdr"))]
    assert len(rules) == 2  # under the issuing body and under the motto
    date = table.rows[1].cells[1].paragraphs[0]
    assert date.runs[0].italic or date.style.font.italic


def test_page_numbers_from_page_two_and_marks_in_the_footer(demo):
    first_footer, header, footer = docx_decorations(demo.docx[1])
    assert header == "2"  # a PAGE field (LibreOffice and Word put the real number)
    instr = Document(str(demo.docx[1])).sections[0].header._element.xpath(".//w:instrText")
    assert [i.text.strip() for i in instr] == ["PAGE"]
    assert Document(str(demo.docx[1])).sections[0].different_first_page_header_footer
    assert first_footer == footer == "DỰ THẢO – chưa ký ban hành"
    assert docx_decorations(demo.docx[0])[2] == ""  # the ended minutes carry no mark


def test_signatures_and_recipients(demo):
    minutes = docx_paragraphs(demo.docx[0])
    assert "(Ký, ghi rõ họ tên)" not in " ".join(minutes)
    tail = minutes[minutes.index("THƯ KÝ"):]
    assert [t for t in tail if t] == ["THƯ KÝ", "Nguyễn Thị Hồng Nhung", "Nơi nhận:", "- Chủ tọa hội nghị;",
                                      "- UBND tỉnh Hải Dương (b/c);",  # a forwarded opinion's level (issue 11)
                                      "- Lưu: VT, Hồ sơ.", "CHỦ TỌA", "Phạm Thị Thu Hiền", "Đỗ Quang Vinh"]
    notice = docx_paragraphs(demo.docx[1])
    assert "TM. ỦY BAN NHÂN DÂN" in notice and "Q. CHỦ TỊCH" in notice and notice[-1] == "Phạm Thị Thu Hiền"


def test_live_minutes_are_provisional_in_the_word_file_too(tmp_path):
    printed = print_record(make_record(MeetingStatus.LIVE), tmp_path, font=bundled_font(), now=NOW)
    assert "BẢN GHI TẠM" in docx_decorations(printed.docx[0])[2]
    assert docx_text(printed.docx[0]) == body_text(printed.pdfs[0])


@pytest.mark.parametrize("problem", ["in the way", "open in Word", "folder gone"])
def test_a_word_file_that_cannot_be_written_leaves_the_pdfs(tmp_path, problem, monkeypatch):
    out = tmp_path / "out"
    if problem == "in the way":
        out.mkdir()
        (out / "bien-ban-2026-06-18-hn1.docx").mkdir()  # a folder where the file goes
    elif problem == "open in Word":  # Windows refuses to replace a file Word holds open
        import docx.document

        real_save = docx.document.Document.save

        def locked(self, path):
            if str(path).endswith("bien-ban-2026-06-18-hn1.docx"):
                raise PermissionError(13, "Permission denied", str(path))
            return real_save(self, path)

        monkeypatch.setattr(docx.document.Document, "save", locked)
    else:
        import reports.docx  # printing loads render_docx from here when it needs it

        real = reports.docx.render_docx

        def vanish(document, path, font):
            shutil.rmtree(path.parent)
            return real(document, path, font)

        monkeypatch.setattr(reports.docx, "render_docx", vanish)
    printed = print_record(ended_record(), out, font=bundled_font(), now=NOW)
    assert printed.problems, printed
    sentence = printed.problems[0]
    assert sentence.startswith("Không ghi được tệp Word") and "bien-ban-2026-06-18-hn1.docx" in sentence
    assert "Các tệp PDF đã được ghi." in sentence
    if problem != "folder gone":
        assert ("đang mở trong Word" in sentence) == (problem == "open in Word")
        assert ("trùng tên" in sentence) == (problem == "in the way")
        assert all(p.is_file() for p in printed.pdfs)
        assert printed.docx == (out / "thong-bao-2026-06-18-hn1.docx",)
        assert "BIÊN BẢN" in full_text(printed.pdfs[0])
    else:
        assert "thư mục không còn" in sentence


def _soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(not _soffice(), reason="LibreOffice is not installed")
@pytest.mark.parametrize("which", ["demo", pytest.param("large", marks=pytest.mark.skipif(
    not LONG, reason="300 opinions through LibreOffice: DOITHOAI_LONG=1"))])
def test_libreoffice_converts_the_word_files(which, request, tmp_path):
    printed = request.getfixturevalue(which)
    profile = tmp_path / "profile"
    done = subprocess.run([_soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                           "pdf", "--outdir", str(tmp_path), *map(str, printed.docx)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    for docx in printed.docx:
        converted = tmp_path / f"{docx.stem}.pdf"
        text = full_text(converted)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Nơi nhận:" in text


def test_the_second_process_writes_the_same_files(tmp_path):
    one = print_record(ended_record(), tmp_path / "one", font=bundled_font(), now=NOW)
    two = print_record(ended_record(), tmp_path / "two", font=bundled_font(), now=NOW, parallel=True)
    assert [p.name for p in one.files] == [p.name for p in two.files]
    for a, b in zip(one.pdfs, two.pdfs):
        assert a.read_bytes() == b.read_bytes(), a.name  # reproducible PDFs: byte for byte


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system: printing is sequential")
def test_a_failed_copy_is_written_again_by_the_first_process(tmp_path, monkeypatch):
    import reports.printing as printing

    parent, real = os.getpid(), printing.render_pdf

    def fails_in_the_copy(document, path, font):
        if os.getpid() != parent:
            raise OSError("the forked copy cannot write")
        return real(document, path, font)

    monkeypatch.setattr(printing._Forked, "available", staticmethod(lambda: True))
    monkeypatch.setattr(printing, "render_pdf", fails_in_the_copy)
    one = print_record(ended_record(), tmp_path / "one", font=bundled_font(), now=NOW)
    two = print_record(ended_record(), tmp_path / "two", font=bundled_font(), now=NOW, parallel=True)
    assert [p.name for p in one.files] == [p.name for p in two.files]
    assert [p.read_bytes() for p in one.pdfs] == [p.read_bytes() for p in two.pdfs]


def test_without_fork_parallel_prints_in_one_process(tmp_path, monkeypatch):
    import reports.printing as printing

    monkeypatch.setattr(printing._Forked, "available", staticmethod(lambda: False))
    monkeypatch.setattr(os, "fork", None, raising=False)  # as on Windows: any fork would fail
    printed = print_record(ended_record(), tmp_path, font=bundled_font(), now=NOW, parallel=True)
    assert len(printed.pdfs) == 2 and len(printed.docx) == 2 and all(p.stat().st_size for p in printed.files)
