"""User text prints literally: markup, entities, file references, huge words and huge opinions."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from pypdf import PdfReader

from reports import print_documents

from .reports_fixtures import all_opinions, bundled_font, ended_record
from .reports_pdf import body_text, chunks, norm, squash

NOW = datetime(2026, 6, 18, 11, 20)
LONG_WORD = "Vĩnhviễn" + "x" * 285 + "KẾTTHÚC"  # 300 characters, no space
HOSTILE = [
    "<b>bold</b> không được in đậm",
    "&amp; phải in nguyên &lt; và &#65;",
    '<img src="/etc/passwd"/> không được đọc tệp',
    "<font size=40>chữ to</font> không được phóng to",
    "a < b && c > d",
    "<para><br/></para> <![CDATA[x]]> <!-- chú thích --> <a href=\"file:///etc/passwd\">liên kết</a>",
    f"Một từ rất dài: {LONG_WORD} hết.",
]


def huge_opinion() -> str:
    parts, i = [], 0
    while sum(len(p) + 1 for p in parts) < 20_000:
        i += 1
        parts.append(f"Câu thứ {i}: đường làng ngõ xóm xuống cấp, đề nghị xã sớm sửa chữa cho bà con đi lại.")
    return " ".join(parts)[:20_000].rstrip()


def hostile_record():
    ops = all_opinions()
    replaced = []
    for index, op in enumerate(ops):
        if index < len(HOSTILE):
            op = dataclasses.replace(op, content=HOSTILE[index])
        replaced.append(op)
    # opinion 8 (a slip) becomes a 20,000-character opinion; others carry markup in every field
    replaced[7] = dataclasses.replace(replaced[7], content=huge_opinion())
    replaced[8] = dataclasses.replace(
        replaced[8], speaker_display="Ông <i>Nghiêng</i> & Co (thôn <u>Gạch</u>)",
        answered_by="<b>Cán bộ</b>", answer="Trả lời <font color=red>đỏ</font>",
        agency="Công chức <strike>Tư pháp</strike> & Hộ tịch",
    )
    return ended_record(opinions=replaced, title="Hội nghị <b>đối thoại</b> & tiếp xúc năm 2026",
                        venue="Hội trường <img src='x.png'/>", conclusion="Kết luận <br/> không xuống dòng.")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    out = tmp_path_factory.mktemp("markup")
    return print_documents(hostile_record(), out, font=bundled_font(), now=NOW)


@pytest.mark.parametrize("text", HOSTILE[:-1])
def test_markup_prints_literally_in_the_minutes(printed, text):
    assert norm(text) in body_text(printed[0])


def test_other_fields_print_literally(printed):
    minutes, notice = (body_text(p) for p in printed)
    for literal in ["Ông <i>Nghiêng</i> & Co (thôn <u>Gạch</u>)", "Người trả lời: <b>Cán bộ</b>",
                    "Trả lời <font color=red>đỏ</font>", "Công chức <strike>Tư pháp</strike> & Hộ tịch",
                    "Hội nghị <b>đối thoại</b> & tiếp xúc năm 2026", "Hội trường <img src='x.png'/>",
                    "Kết luận <br/> không xuống dòng."]:
        assert literal in minutes, literal
    assert "Giao Công chức <strike>Tư pháp</strike> & Hộ tịch xem xét" in notice
    assert "Hội nghị <b>đối thoại</b> & tiếp xúc năm 2026" in notice


def test_the_300_character_word_is_kept_whole_and_broken_inside_the_column(printed):
    assert len(LONG_WORD) == 300
    assert LONG_WORD in squash(body_text(printed[0]))
    # reportlab had to break it: no single line of the page holds it
    assert all(LONG_WORD not in c.text for c in chunks(printed[0]))


def test_markup_changes_neither_font_nor_size_nor_adds_images(printed):
    for pdf in printed:
        sizes = {round(c.size) for c in chunks(pdf)}
        assert max(sizes) <= 14, sizes  # <font size=40> did not apply
        for chunk in chunks(pdf):
            if "bold</b>" in chunk.text or "đỏ</font>" in chunk.text:
                assert chunk.font == "LiberationSerif", chunk  # not bold
        for page in PdfReader(str(pdf)).pages:
            xobjects = page["/Resources"].get("/XObject", {})
            assert not xobjects  # <img> read no file
            assert "/Annots" not in page  # <a href> made no link


def test_a_20000_character_opinion_flows_across_pages(printed):
    content = huge_opinion()
    assert len(content) == 20_000
    minutes = printed[0]
    assert norm(content) in body_text(minutes)
    pages = {c.page for c in chunks(minutes) if "Câu thứ" in c.text}
    assert len(pages) >= 3, pages
    # and in the notice it is cut short, not printed whole
    notice = body_text(printed[1])
    assert "Câu thứ 1:" in notice and "Câu thứ 200:" not in notice and "…”" in notice
