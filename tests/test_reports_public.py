"""The notice's final version (no draft marks) and its public version (no personal data)."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from db.documents import PublicNaming
from reports.facts import hamlet_of, initials, public_person
from reports.printing import print_record
from reports.text import HIDDEN_NUMBER, hide_numbers

from .reports_docx import docx_decorations, docx_text
from .reports_fixtures import SPEAKERS, all_opinions, bundled_font, ended_record
from .reports_pdf import body_text, decoration_texts, full_text

NOW = datetime(2026, 6, 18, 11, 20)
PHONE, ID = "0912 345 678", "001088012345"


def record_with_personal_data():
    ops = all_opinions()
    ops[2] = dataclasses.replace(ops[2], content=f"{ops[2].content} Số điện thoại của tôi {PHONE}, CCCD {ID}.")
    ops[4] = dataclasses.replace(ops[4], author="Bà Vũ Thị Lan", author_address="số 12, xóm Chùa, thôn Ngọc Mai, xã Kè Sắt")
    return ended_record(opinions=ops)


def full_names() -> list[str]:
    names = [s.name for s in SPEAKERS]
    names += [op.author.split(" ", 1)[1] for op in all_opinions() if op.author]
    return names


@pytest.fixture(scope="module", params=list(PublicNaming))
def public(request, tmp_path_factory):
    return request.param, print_record(record_with_personal_data(), tmp_path_factory.mktemp("public"),
                                       font=bundled_font(), now=NOW, public=request.param)


def test_public_version_writes_only_the_notice(public):
    _naming, printed = public
    assert [p.name for p in printed.files] == ["thong-bao-cong-khai-2026-06-18-hn1.pdf",
                                               "thong-bao-cong-khai-2026-06-18-hn1.docx"]


def test_no_speaker_full_name_phone_or_id_in_the_public_pdf_or_docx(public):
    _naming, printed = public
    for text in (full_text(printed.pdfs[0]), docx_text(printed.docx[0])):
        for name in full_names():
            assert name not in text, name
        assert PHONE not in text and ID not in text and HIDDEN_NUMBER in text
        assert "xóm Chùa" not in text and "số 12" not in text  # no address beyond the hamlet
    assert docx_text(printed.docx[0]) == body_text(printed.pdfs[0])


def test_public_naming(public):
    naming, printed = public
    text = body_text(printed.pdfs[0])
    if naming is PublicNaming.INITIALS:
        assert "- Ông N.V.A (thôn Quán Gỏi) phản ánh, kiến nghị:" in text
        assert "- Phiếu ý kiến của Bà V.T.L (thôn Ngọc Mai) phản ánh" in text
        assert "- Bà L.T.H (thôn Phương Độ) (ý kiến gửi trước hội nghị)" in text
    else:
        assert "- Cử tri thôn Quán Gỏi phản ánh, kiến nghị:" in text
        assert "- Phiếu ý kiến của cử tri thôn Ngọc Mai phản ánh" in text
        assert "Ông N.V.A" not in text
    # officials keep their names: they act in office
    assert "Phạm Thị Thu Hiền" in text and "Công chức Địa chính - Xây dựng" in text


def test_person_helpers():
    assert initials("Nguyễn Văn An") == "N.V.A" and initials("  đỗ   quang vinh ") == "Đ.Q.V"
    assert hamlet_of("số 12, xóm Chùa, thôn Ngọc Mai, xã Kè Sắt") == "thôn Ngọc Mai"
    assert hamlet_of("thôn Ngọc Mai") == "thôn Ngọc Mai" and hamlet_of("số 5 đường Trần Phú") is None
    assert public_person("Bà", "Trần Thị Bình", "thôn Phương Độ", PublicNaming.INITIALS) == "Bà T.T.B (thôn Phương Độ)"
    assert public_person("Bà", "Trần Thị Bình", None, PublicNaming.HAMLET) == "một cử tri"


@pytest.mark.parametrize(("text", "hidden"), [
    ("gọi 0912 345 678 hoặc 0912345678", 2), ("CCCD 001088012345, CMND 123456789.", 2),
    ("+84 912 345 678", 1), ("ngày 30/06/2026, 500.000.000 đồng, số 20, năm 2026", 0),
])
def test_phone_and_id_numbers_are_hidden(text, hidden):
    assert hide_numbers(text).count(HIDDEN_NUMBER) == hidden


def test_final_notice_has_no_draft_mark(tmp_path):
    printed = print_record(ended_record(), tmp_path, font=bundled_font(), now=NOW, final=True)
    notice_pdf, notice_docx = printed.pdfs[1], printed.docx[1]
    assert "THÔNG BÁO" in full_text(notice_pdf) and "THÔNG BÁO" in docx_text(notice_docx)
    for text in (full_text(notice_pdf), docx_text(notice_docx), " ".join(docx_decorations(notice_docx))):
        assert "DỰ THẢO" not in text
    assert all("DỰ THẢO" not in t for t in decoration_texts(notice_pdf).values())
    assert docx_text(notice_docx) == body_text(notice_pdf)


def test_minutes_of_an_ended_meeting_are_never_marked_draft(tmp_path):
    for final in (False, True):
        printed = print_record(ended_record(), tmp_path / str(final), font=bundled_font(), now=NOW, final=final)
        assert "DỰ THẢO" not in full_text(printed.pdfs[0])
        assert "DỰ THẢO" not in docx_text(printed.docx[0]) + " ".join(docx_decorations(printed.docx[0]))


def test_public_appendix_of_a_long_meeting_names_no_one(tmp_path):
    from .test_reports_docx import large_record

    printed = print_record(large_record(40), tmp_path, font=bundled_font(), now=NOW, public=PublicNaming.INITIALS)
    text, word = full_text(printed.pdfs[0]), docx_text(printed.docx[0])
    assert "PHỤ LỤC" in text and "PHỤ LỤC" in word
    for name in full_names():
        assert name not in text and name not in word, name
    assert "Ông N.V.A (thôn Quán Gỏi)" in word
