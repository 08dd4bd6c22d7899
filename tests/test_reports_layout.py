"""The decree's page: A4 portrait, text inside the 20/20/30/15 mm margins, fonts and sizes."""

from __future__ import annotations

from datetime import datetime

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from db.models import MeetingStatus
from reports import print_documents

from .reports_fixtures import bundled_font, make_record
from .reports_pdf import chunks, text_boxes
from .test_reports_markup import hostile_record

NOW = datetime(2026, 6, 18, 9, 40)
A4 = (595.2756, 841.8898)
LEFT, RIGHT = 30 * mm, A4[0] - 15 * mm
BOTTOM, TOP = 20 * mm, A4[1] - 20 * mm


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    out = tmp_path_factory.mktemp("layout")
    font = bundled_font()
    files = []
    for status in MeetingStatus:
        files += print_documents(make_record(status), out / status.value, font=font, now=NOW)
    files += print_documents(hostile_record(), out / "hostile", font=font, now=NOW)
    return files


def test_every_page_is_a4_portrait(pdfs):
    for pdf in pdfs:
        for page in PdfReader(str(pdf)).pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert width == pytest.approx(A4[0], abs=0.01) and height == pytest.approx(A4[1], abs=0.01)
            assert page.get("/Rotate", 0) == 0


def test_text_lies_within_the_margins(pdfs):
    """Exact extents from the content streams (word spacing of justified lines included)."""
    checked = 0
    for pdf in pdfs:
        for box in text_boxes(pdf):
            assert box.x0 >= LEFT - 0.01, (pdf.name, box)
            assert box.x1 <= RIGHT + 0.01, (pdf.name, box)
            if box.decoration:
                # the page number in the top margin, footer lines in the bottom margin
                assert box.y > TOP or box.y < BOTTOM, (pdf.name, box)
            else:
                assert BOTTOM <= box.y <= TOP, (pdf.name, box)
            checked += 1
    assert checked > 1000


def test_visitor_text_positions_start_at_the_left_margin(pdfs):
    """The brief's cheaper check: pypdf's visitor_text start positions are >= 30 mm."""
    starts = [c.x for pdf in pdfs for c in chunks(pdf) if c.text.strip()]
    assert starts and min(starts) >= LEFT - 0.01


def test_justified_lines_fill_the_column(pdfs):
    boxes = [b for b in text_boxes(pdfs[4]) if not b.decoration]
    full = [b for b in boxes if b.x1 == pytest.approx(RIGHT, abs=0.05)]
    assert len(full) > 20  # justified body lines end exactly at the right margin


def test_body_is_13pt_title_14pt_and_header_is_bold(pdfs):
    minutes = pdfs[4]  # ended minutes
    found = {c.text.strip(): c for c in chunks(minutes) if c.text.strip()}
    assert found["BIÊN BẢN"].size == pytest.approx(14) and found["BIÊN BẢN"].font == "LiberationSerif-Bold"
    assert found["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].font == "LiberationSerif-Bold"
    assert 11 <= found["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].size <= 13
    assert found["Độc lập - Tự do - Hạnh phúc"].font == "LiberationSerif-Bold"
    assert found["Số: .../BB-UBND"].size == pytest.approx(13)
    body_sizes = [round(c.size, 1) for c in chunks(minutes) if c.font == "LiberationSerif" and not c.decoration]
    assert set(body_sizes) == {13, 11}  # body 13 pt, the "Nơi nhận" list 11 pt
    assert body_sizes.count(13) > 50
    assert found["Nơi nhận:"].font == "LiberationSerif-BoldItalic" and found["Nơi nhận:"].size == pytest.approx(12)


def test_place_date_line_is_italic_and_in_the_right_column(pdfs):
    notice = pdfs[5]
    line = next(c for c in chunks(notice) if c.text.startswith("Kè Sắt, ngày"))
    assert line.font == "LiberationSerif-Italic"
    assert line.x > LEFT + (RIGHT - LEFT) * 0.3
    number = next(c for c in chunks(notice) if c.text.startswith("Số: .../TB-UBND"))
    assert number.x < LEFT + (RIGHT - LEFT) * 0.4
    assert number.y == pytest.approx(line.y, abs=3)  # number and date on one row


def test_first_line_indent_is_one_centimetre(pdfs):
    minutes = pdfs[4]
    start = next(c for c in chunks(minutes) if c.text.startswith("Thời gian bắt đầu"))
    assert start.x == pytest.approx(LEFT + 10 * mm, abs=0.5)
