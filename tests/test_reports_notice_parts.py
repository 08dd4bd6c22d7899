"""The notice of a long meeting: a summary per field in the body and every opinion in an
appendix table that starts on a new page, in both files."""

from __future__ import annotations

import zipfile
from datetime import datetime

from reports.notice_parts import APPENDIX_FROM, APPENDIX_HEAD, count
from reports.printing import print_record

from .reports_docx import docx_paragraphs, docx_text
from .reports_fixtures import bundled_font
from .reports_pdf import assert_in_order, chunks
from .test_reports_docx import large_record

NOW = datetime(2026, 6, 18, 11, 20)


def test_counts_have_two_digits():
    assert count(9, "ý kiến") == "09 ý kiến" and count(31, "ý kiến") == "31 ý kiến"


def test_appendix_beyond_thirty_opinions(tmp_path):
    n = APPENDIX_FROM + 5
    printed = print_record(large_record(n), tmp_path, font=bundled_font(), now=NOW)
    notice_pdf, notice_docx = printed.pdfs[1], printed.docx[1]
    text = docx_text(notice_docx)
    assert_in_order(text, [
        "1. Đất đai, tài nguyên, môi trường", "Có 11 ý kiến (số 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33): "
        "đã trả lời 02; giao giải quyết 02; kiến nghị cấp trên 02; tiếp thu 03; chưa có kết luận 02.",
        "Nội dung và kết luận từng ý kiến tại Phụ lục kèm theo.",
        "III. TỔ CHỨC THỰC HIỆN", "Trên đây là kết luận", "Nơi nhận:",
        "PHỤ LỤC", "DANH SÁCH Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN VÀ KẾT LUẬN",
        "(Kèm theo Thông báo số .../TB-UBND ngày 18 tháng 6 năm 2026)", " ".join(APPENDIX_HEAD),
        "1 Bà Trần Thị Bình (thôn Phương Độ) Chính sách xã hội, an sinh Ý kiến thứ 1:",
        f"{n} ",
    ])
    assert "Ý kiến thứ 7: đường" not in text.split("PHỤ LỤC")[0]  # the body does not quote each opinion
    # the appendix starts on a page of its own, in the PDF and in the Word file
    phu_luc = next(c for c in chunks(notice_pdf) if c.text.strip() == "PHỤ LỤC")
    before = [c for c in chunks(notice_pdf) if not c.decoration and c.page == phu_luc.page and c.y > phu_luc.y]
    assert before == []
    with zipfile.ZipFile(notice_docx) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert xml.index('<w:br w:type="page"/>') < xml.index("PHỤ LỤC")
    assert xml.count("<w:tblHeader/>") == 1  # Word repeats the heading row on every page
    assert "PHỤ LỤC" in docx_paragraphs(notice_docx)


def test_no_appendix_up_to_thirty(tmp_path):
    printed = print_record(large_record(APPENDIX_FROM), tmp_path, font=bundled_font(), now=NOW)
    assert "PHỤ LỤC" not in docx_text(printed.docx[1])
