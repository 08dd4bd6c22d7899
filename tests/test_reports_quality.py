"""Print quality: headings never alone at the foot of a page, an opinion kept with its
conclusion, typed line breaks as new indented paragraphs, no single word on the subject's
last line, 6 pt between the parts of an opinion, no "(Ký, ghi rõ họ tên)"."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from docx import Document
from docx.shared import Pt
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit

from reports.layout import TEXT_WIDTH, balanced_lines
from reports.printing import print_record

from .reports_docx import docx_paragraphs
from .reports_fixtures import all_opinions, bundled_font, ended_record
from .reports_pdf import chunks, full_text
from .test_reports_docx import large_record

NOW = datetime(2026, 6, 18, 11, 20)
LEFT = 30 * mm


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    return print_record(large_record(), tmp_path_factory.mktemp("quality"), font=bundled_font(), now=NOW)


def _pages(pdf):
    pages: dict[int, list] = {}
    for c in chunks(pdf):
        if not c.decoration and c.text.strip():
            pages.setdefault(c.page, []).append(c)
    return [pages[n] for n in sorted(pages)]


def test_no_page_ends_with_a_heading(large):
    for pdf in large.pdfs:
        pages = _pages(pdf)
        assert len(pages) > 10
        for number, page in enumerate(pages[:-1], start=1):
            last = page[-1]
            if pages[number][0].text.startswith("PHỤ LỤC"):
                continue  # the notice's signature ends its body; the appendix starts a new page
            assert not last.font.endswith("-Bold"), (pdf.name, number, last.text)


def test_an_opinion_stays_with_its_conclusion(large):
    minutes, notice = large.pdfs
    for number, page in enumerate(_pages(notice)[1:], start=2):
        assert not page[0].text.startswith("Kết luận:"), (number, page[0].text)
    for number, page in enumerate(_pages(minutes)[1:], start=2):
        assert not page[0].text.startswith(("Kết quả:", "Nội dung:", "Người trả lời:")), (number, page[0].text)


def test_a_typed_line_break_starts_a_new_indented_paragraph(tmp_path):
    ops = all_opinions()
    ops[2] = dataclasses.replace(ops[2], content="Dòng thứ nhất của ý kiến.\nDòng thứ hai của ý kiến.",
                                 answer="Trả lời phần một.\r\nTrả lời phần hai.")
    record = ended_record(opinions=ops, conclusion="Kết luận đoạn một.\nKết luận đoạn hai.")
    printed = print_record(record, tmp_path, font=bundled_font(), now=NOW)
    paragraphs = docx_paragraphs(printed.docx[0])
    for first, second in [("Nội dung: Dòng thứ nhất của ý kiến.", "Dòng thứ hai của ý kiến."),
                          ("Trả lời: Trả lời phần một.", "Trả lời phần hai."),
                          ("Kết luận đoạn một.", "Kết luận đoạn hai.")]:
        at = next(i for i, p in enumerate(paragraphs) if p.endswith(first))
        assert paragraphs[at + 1] == second
    pdf_chunks = {c.text.strip(): c for c in chunks(printed.pdfs[0])}
    for line in ("Dòng thứ hai của ý kiến.", "Trả lời phần hai.", "Kết luận đoạn hai."):
        assert pdf_chunks[line].x == pytest.approx(LEFT + 10 * mm, abs=0.5), line  # first-line indent
    doc = Document(str(printed.docx[0]))
    second = next(p for p in doc.paragraphs if p.text == "Dòng thứ hai của ý kiến.")
    assert (second.paragraph_format.first_line_indent or second.style.paragraph_format.first_line_indent) > 0


def test_six_points_between_the_parts_of_an_opinion(tmp_path):
    printed = print_record(ended_record(), tmp_path, font=bundled_font(), now=NOW)
    texts = chunks(printed.pdfs[0])
    line = next(c for c in texts if c.text.strip().startswith("Xe tải"))
    content = next(c for c in texts if c.text.startswith("Nội dung:") and c.page == line.page
                   and abs(c.y - line.y) < 1)
    answer = next(c for c in texts if c.text.startswith("Người trả lời:") and c.page == content.page
                  and c.y < content.y)
    assert content.y - answer.y == pytest.approx(13 * 1.2 + 6, abs=0.2)  # one line of content, then 6 pt
    doc = Document(str(printed.docx[0]))
    parts = [p for p in doc.paragraphs if p.text.startswith(("Ý kiến số 7", "Nội dung: Xe tải", "Người trả lời: Trưởng",
                                                            "Kết quả: Đã trả lời"))]
    assert len(parts) >= 4 and all(p.paragraph_format.space_after == Pt(6) for p in parts)


def test_no_single_word_on_the_subject_s_last_line(tmp_path):
    font = bundled_font()
    title = ("Hội nghị tiếp xúc, đối thoại trực tiếp của Chủ tịch UBND xã với Nhân dân các thôn "
             "Quán Gỏi, Phương Độ, Ngọc Mai, Thượng Khuông năm 2026 tại hội trường")
    greedy = simpleSplit(title, font.bold, 14, TEXT_WIDTH)
    assert greedy[-1] == "trường"  # left alone, this title would end with one word
    lines = balanced_lines(title, font.bold, 14, TEXT_WIDTH - 2)
    assert len(lines) == 3 and lines[-1] == "hội trường"
    printed = print_record(ended_record(title=title), tmp_path, font=font, now=NOW)
    subject = [c.text.strip() for c in chunks(printed.pdfs[0]) if c.font.endswith("-Bold")
               and c.size == pytest.approx(14) and c.text.strip() and c.text.strip() != "BIÊN BẢN"]
    assert subject[-1] == "hội trường", subject
    word = [p for p in docx_paragraphs(printed.docx[0]) if p.startswith("Hội nghị tiếp xúc")][0]
    assert word.split("\n")[-1] == "hội trường"


def test_no_sign_here_note(large):
    for pdf in large.pdfs:
        assert "Ký, ghi rõ họ tên" not in full_text(pdf)
