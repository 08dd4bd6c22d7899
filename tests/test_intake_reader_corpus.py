"""The plan corpus (tests/plan_corpus) as a regression suite, and reading in linear time.

Every document's expected fields (X.json beside X.txt / X.docx) must be read exactly,
and no field the document does not state may get a value. bench/plan_reader.py prints
the same comparison as a score.
"""

from __future__ import annotations

import statistics
import time
import zipfile

import pytest

from intake.plan_dates import find_times
from intake.plan_documents import read_plan_document, read_plan_text, report_lines, result_to_toml
from tests.reader_corpus import CORPUS, corpus_documents, expected_of, score
from tests.reader_helpers import check_nothing_invented

DOCUMENTS = corpus_documents()


def test_the_corpus_has_enough_documents_of_both_kinds():
    assert len(DOCUMENTS) >= 25
    assert sum(p.suffix == ".docx" for p in DOCUMENTS) >= 10
    assert sum(p.suffix == ".txt" for p in DOCUMENTS) >= 10


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_corpus_document_reads_every_stated_field_and_invents_none(path):
    result = read_plan_document(path)
    check_nothing_invented(result)
    expected = expected_of(path)
    got = score(path.name, expected, result)
    assert got.wrong == [] and got.invented == []
    for i, chair in enumerate(expected.get("chairs", [])):
        finding = result.finding(f"chairs[{i}].name")
        if chair.get("proposed"):  # the office chairs and its holder signed: a proposal to check
            assert finding.note.startswith("đề xuất: kiểm tra"), finding
        elif chair.get("name"):
            assert not finding.note.startswith("đề xuất"), finding


def _lines(name: str) -> list[str]:
    return read_plan_document(CORPUS / name).lines


def test_word_structures_are_read_as_text():
    # a text box holds the issuing body; Word's DrawingML and VML copies are read once
    lines = _lines("d02-phuong-tan-dinh-textbox.docx")
    assert lines[1:4] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN ĐỊNH", "Số: 203/KH-UBND"]
    assert sum(line == "PHƯỜNG TÂN ĐỊNH" for line in lines) == 1
    # the page header part comes first
    assert _lines("d03-xa-hoa-vang-header-part.docx")[:2] == ["ĐẢNG ỦY XÃ HÒA VANG", "Số 52-KH/ĐU"]
    # Word's own numbering shows as the label Word displays
    lines = _lines("d07-xa-vinh-bao-word-list.docx")
    assert "1. Tuyên bố lý do, giới thiệu đại biểu;" in lines and "4. Chủ tịch UBND xã kết luận." in lines
    # non-breaking spaces, soft hyphens, zero-width characters and alignment tabs are gone
    lines = _lines("d04-xa-chau-thanh-invisible-chars.docx")
    assert "Địa điểm: Hội trường Ban nhân dân ấp Phú Hòa." in lines
    assert not any(c in line for line in lines for c in "\u00a0\u00ad\u200b\u2060")
    lines = _lines("t14-xa-muong-thanh-notepad.txt")
    assert "1. Thời gian: 07 giờ 30 phút, ngày 19/12/2025 (thứ Sáu)." in lines


def test_libreoffice_document_is_really_saved_by_libreoffice():
    with zipfile.ZipFile(CORPUS / "d05-xa-nam-dan-libreoffice.docx") as archive:
        assert b"LibreOffice" in archive.read("docProps/app.xml")


def test_bookmark_markers_of_conversions_are_dropped():
    result = read_plan_text("KẾ HOẠCH[bookmark: _GoBack]\nTổ chức hội nghị đối thoại năm 2026\n"
                            "Thời gian: 7h30 ngày 05/6/2026.")
    assert result.lines[0] == "KẾ HOẠCH"
    assert result.plan.title == "Hội nghị đối thoại năm 2026"


# -- reading is linear in the size of the text ----------------------------------------------

def _time_line(n: int) -> str:
    return "KẾ HOẠCH\nThời gian: " + "ngày 1/1/2023 từ 7h30 " * n + "\n"


def _plan(n: int) -> str:
    return ((CORPUS / "t01-xa-dong-xuan-bac.txt").read_text(encoding="utf-8") + "\n") * n


def _lines_of(unit: str):
    return lambda n: "KẾ HOẠCH\n" + unit * n


@pytest.mark.parametrize("read, make, n", [
    (read_plan_text, _time_line, 4000), (read_plan_text, _plan, 40),
    (find_times, _time_line, 2000),  # every date and time of the whole text, not one paragraph's window
    # texts made to hit what once was quadratic: a heading whose section never ends, lines that
    # join into one paragraph, a list under each of many headings, a lazy "do … chủ trì"
    (read_plan_text, _lines_of("Thời gian, địa điểm\nXem sau\n"), 2000),
    (read_plan_text, _lines_of("trân trọng kính mời:\n"), 4000),
    (read_plan_text, _lines_of("Chương trình:\n- a\n"), 4000),
    (read_plan_text, lambda n: "KẾ HOẠCH\n" + "do ông Nguyễn Văn An, " * n, 4000),
], ids=["reader-time-line", "reader-repeated-plan", "find_times-time-line", "endless-section",
        "joined-lines", "many-lists", "lazy-chair"])
def test_doubling_the_text_at_most_a_little_over_doubles_the_time(read, make, n):
    """A ratio of medians, not a timed threshold (issue 14.5: the reader was quadratic, 4.4 here).

    Other processes only ever make one size look slower by chance; a quadratic reader is
    slow every time. So up to three trials are made, and one below 2.6 is enough."""
    small, large = make(n), make(2 * n)
    ratios = []
    for _ in range(3):
        times = {small: [], large: []}
        for _ in range(5):  # interleaved, so a busy machine slows both alike
            for text in (small, large):
                start = time.perf_counter()
                read(text)
                times[text].append(time.perf_counter() - start)
        ratios.append(statistics.median(times[large]) / statistics.median(times[small]))
        if ratios[-1] < 2.6:
            return
    assert min(ratios) < 2.6, ratios


def test_a_proposed_chair_is_shown_but_stays_commented_out_in_the_plan_file():
    result = read_plan_document(CORPUS / "t05-xa-quang-phu.txt")
    assert result.plan.chairs[0].name == "Võ Thị Hạnh"  # the form shows the proposal
    assert result.missing_note("chairs[0].name").startswith("đề xuất: kiểm tra “Võ Thị Hạnh”")
    text = result_to_toml(result)
    assert "\n# name = ?  (đề xuất: kiểm tra “Võ Thị Hạnh” — " in text
    assert '\nname = "Võ Thị Hạnh"' not in text
    assert any(line.startswith("  - Chủ trì 1 – họ tên: đề xuất: kiểm tra") for line in report_lines(result))


def test_tracked_changes_content_controls_and_hyperlinks_are_read_as_word_shows_them():
    lines = _lines("d13-phuong-an-khanh-tracked-changes.docx")
    assert lines[3:5] == ["Thời gian: 07 giờ 30 ngày 29/11/2025.",  # inserted text kept, deleted text gone
                          "Địa điểm: Hội trường Trung tâm Văn hóa-Thể thao phường An Khánh."]


def test_a_text_box_inside_a_table_cell_is_read_once(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_docx", CORPUS / "make_docx.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    doc, box = make.Doc(), make.Doc()
    table = doc.document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN"
    box.textbox(["XÃ HÒA BÌNH"])  # DrawingML and its VML fallback
    table.cell(0, 0).add_paragraph("")._p.append(box.document.paragraphs[0]._p[-1])
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    path = tmp_path / "box-in-cell.docx"
    doc.document.save(str(path))
    result = read_plan_document(path)
    assert result.lines == ["ỦY BAN NHÂN DÂN  XÃ HÒA BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert result.plan.organisation == "Ủy ban nhân dân xã Hòa Bình"
