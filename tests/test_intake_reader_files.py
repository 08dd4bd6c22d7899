"""Plan documents as files: Unicode forms, broken and unknown files, Word's own structures,
and the reader's imports."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from datetime import date, time
from pathlib import Path

import pytest

from intake.plan_documents import PlanDocumentError, read_plan_document
from tests.reader_helpers import toml_sources, FIXTURES, build_docx, check_nothing_invented, missing_of, nfc, summary


def test_decomposed_input_reads_like_composed(tmp_path):
    for source in toml_sources():
        text = source.read_text(encoding="utf-8")
        decomposed = tmp_path / source.name
        decomposed.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
        assert decomposed.read_text(encoding="utf-8") != nfc(text) or text.isascii()
        a, b = read_plan_document(source), read_plan_document(decomposed)
        assert (a.plan, a.findings, a.missing) == (b.plan, b.findings, b.missing)
    nfd_docx = build_docx(unicodedata.normalize("NFD", (FIXTURES / "ke-hoach-tan-phu-2024.txt").read_text(
        encoding="utf-8")), tmp_path / "nfd.docx")
    assert read_plan_document(nfd_docx).plan == read_plan_document(FIXTURES / "ke-hoach-tan-phu-2024.txt").plan


def _zip_without_word_parts(path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "xin chào")


def _damaged_document_xml(path: Path) -> None:
    import zipfile

    build_docx("KẾ HOẠCH\nThời gian: 8h ngày 05/06/2026", path.with_suffix(".ok.docx"))
    with zipfile.ZipFile(path.with_suffix(".ok.docx")) as good, zipfile.ZipFile(path, "w") as bad:
        for name in good.namelist():
            bad.writestr(name, b"<w:document broken" if name == "word/document.xml" else good.read(name))


@pytest.mark.parametrize("damage", [
    lambda path: path.write_bytes(b"this is not a zip file"),
    lambda path: path.write_bytes(b""),
    _zip_without_word_parts,
    _damaged_document_xml,
], ids=["not-a-zip", "empty", "zip-without-word-parts", "damaged-xml"])
def test_broken_docx_names_the_file(tmp_path, damage):
    broken = tmp_path / "ke-hoach-hong.docx"
    damage(broken)
    with pytest.raises(PlanDocumentError) as caught:
        read_plan_document(broken)
    assert str(caught.value) == f"{broken}: không phải tệp Word .docx hợp lệ (tệp hỏng hoặc sai định dạng)"


@pytest.mark.parametrize("name, words", [
    ("ke-hoach.pdf", "không đọc được loại tệp “.pdf”"),
    ("ke-hoach", "không đọc được loại tệp “(không có đuôi)”"),
    ("ke-hoach.doc", "tệp Word cũ (.doc)"),
])
def test_unknown_extension_names_the_file(tmp_path, name, words):
    path = tmp_path / name
    path.write_bytes(b"KE HOACH")
    with pytest.raises(PlanDocumentError) as caught:
        read_plan_document(path)
    assert name in str(caught.value) and words in str(caught.value)


def test_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(PlanDocumentError, match="không tìm thấy tệp"):
        read_plan_document(tmp_path / "khong-co.txt")
    legacy = tmp_path / "tcvn.txt"
    legacy.write_bytes(unicodedata.normalize("NFD", "Ngày họp: 08/12/2023, phòng họp").encode("cp1258"))
    with pytest.raises(PlanDocumentError, match="tcvn.txt: tệp không phải văn bản UTF-8"):
        read_plan_document(legacy)


def test_reader_imports_no_user_interface():
    code = ("import sys, intake.plan_documents; "
            "print(sorted(m for m in ('textual', 'rich', 'reportlab', 'docx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1])
    assert out.stdout.strip() == "[]"


def test_word_document_with_header_table_numbered_lists_and_signature_table(tmp_path):
    """A .docx as Word writes it: header and signature in tables, headings auto-numbered."""
    import docx

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    left, right = header.cell(0, 0), header.cell(0, 1)
    left.text = "ỦY BAN NHÂN DÂN"
    left.add_paragraph("XÃ KÈ SẮT")
    left.add_paragraph("Số: 05/KH-UBND")
    right.text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập - Tự do - Hạnh phúc")
    right.add_paragraph("Kè Sắt, ngày 20 tháng 5 năm 2026")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tổ chức hội nghị tiếp xúc, đối thoại trực tiếp với Nhân dân năm 2026")
    document.add_paragraph("THÀNH PHẦN", style="List Number")
    document.add_paragraph("Chủ trì: Bà Phạm Thị Thu Hiền - Chủ tịch UBND xã.", style="List Bullet")
    document.add_paragraph("Nhân dân các thôn Quán Gỏi, Phương Độ: khoảng 100 người.", style="List Bullet")
    document.add_paragraph("THỜI GIAN, ĐỊA ĐIỂM", style="List Number")
    document.add_paragraph("Thời gian: 7 giờ 30 phút ngày 18/6/2026.", style="List Bullet")
    document.add_paragraph("Địa điểm: Hội trường tầng 3, Nhà C.", style="List Bullet")
    document.add_paragraph("CHƯƠNG TRÌNH", style="List Number")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("TT", "Nội dung", "Điều hành"), ("1", "Khai mạc", "Chủ tịch UBND xã"),
                             ("2", "Nhân dân phát biểu, đối thoại", "Chủ trì")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    sign = document.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:"
    sign.cell(0, 0).add_paragraph("- Lưu: VT.")
    sign.cell(0, 1).text = "TM. ỦY BAN NHÂN DÂN"
    for text in ("CHỦ TỊCH", "(Đã ký)", "Phạm Thị Thu Hiền"):
        sign.cell(0, 1).add_paragraph(text)
    path = tmp_path / "ke-hoach-word.docx"
    document.save(str(path))

    result = read_plan_document(path)
    check_nothing_invented(result)
    assert result.lines[3:5] == ["1. THÀNH PHẦN", "- Chủ trì: Bà Phạm Thị Thu Hiền - Chủ tịch UBND xã."]
    got = summary(result)
    assert {k: got[k] for k in ("organisation", "place_name", "date", "start", "venue", "chairs",
                                "attendance", "signer")} == {
        "organisation": "Ủy ban nhân dân xã Kè Sắt", "place_name": "Kè Sắt",
        "date": date(2026, 6, 18), "start": time(7, 30), "venue": "Hội trường tầng 3, Nhà C",
        "chairs": [("Phạm Thị Thu Hiền", "Chủ tịch UBND xã")],
        "attendance": [("Nhân dân các thôn Quán Gỏi, Phương Độ", 100)],
        "signer": ("Phạm Thị Thu Hiền", "CHỦ TỊCH"),
    }
    assert got["programme"] == [("Khai mạc", "Chủ tịch UBND xã", None, False),
                                ("Nhân dân phát biểu, đối thoại", "Chủ trì", None, True)]
    assert result.finding("organisation").line == 1 and result.finding("signer").line == len(result.lines)
    assert missing_of(result) == {"end", "secretary.name", "topics"}



def _soft_break_docx(text: str, path: Path, lines_per_paragraph: int) -> Path:
    """The text as Word keeps it when typed with Shift+Enter: several lines in one paragraph,
    separated by line breaks (w:br)."""
    import docx

    document = docx.Document()
    body = document.element.body
    for p in list(body.iterchildren()):
        if p.tag.endswith("}p"):
            body.remove(p)
    lines = text.splitlines()
    for start in range(0, len(lines), lines_per_paragraph):
        paragraph = document.add_paragraph()
        for n, line in enumerate(lines[start:start + lines_per_paragraph]):
            run = paragraph.add_run(line)
            if n < len(lines[start:start + lines_per_paragraph]) - 1:
                run.add_break()
    document.save(str(path))
    return path


def _untabbed_plans() -> list[Path]:
    """Plans of tests/plan_documents and every eighth of tests/plan_corpus without tabs (a tab
    line of a .txt is a table row, which a Word paragraph is not)."""
    corpus = sorted((FIXTURES.parent / "plan_corpus").glob("*.txt"))[::8]
    return [p for p in sorted(FIXTURES.glob("*.txt")) + corpus if "\t" not in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("source", _untabbed_plans(), ids=lambda p: p.stem)
@pytest.mark.parametrize("lines_per_paragraph", [3, 1000])
def test_line_breaks_inside_a_paragraph_are_lines(source, lines_per_paragraph, tmp_path):
    """Shift+Enter in Word: a plan typed as a few long paragraphs of soft line breaks reads as the
    same plan typed line by line."""
    as_text = read_plan_document(source)
    as_docx = read_plan_document(
        _soft_break_docx(source.read_text(encoding="utf-8"), tmp_path / "plan.docx", lines_per_paragraph))
    for result in (as_text, as_docx):  # a .txt's closing newlines, the empty lines they make in Word
        while result.lines and not result.lines[-1]:
            result.lines.pop()
    assert as_docx.lines == as_text.lines
    assert as_docx.plan == as_text.plan
    assert as_docx.missing == as_text.missing
