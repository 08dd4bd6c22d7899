"""The notice and the minutes as communes write them (issue 11, items 3-5): the general
part's figures against counts taken from the store here, merged opinions printed once,
assignments in the office's words grouped by agency, the appendix beyond 30 opinions,
the recipients, the minutes' step notes, delegates and approved sentence, and the PDF's
text equal to the Word file's."""

from __future__ import annotations

import dataclasses
import zipfile
from datetime import datetime

import pytest
from docx import Document as WordDocument

from db.conclusions import merge_opinions
from db.meetings import load_record
from db.models import Outcome, Person, Source
from db.substance import set_minutes_approved, set_step_note
from reports.notice_parts import APPENDIX_FROM, APPENDIX_HEAD
from reports.printing import print_record
from reports.recipients import minutes_recipients, notice_recipients

from .notice_fixtures import held_demo, held_large
from .reports_docx import docx_text
from .reports_fixtures import all_opinions, bundled_font, ended_record, opinion
from .reports_pdf import assert_in_order, body_text, chunks
from .test_reports_docx import once

NOW = datetime(2026, 6, 20, 9, 0)


def _print(record, folder):
    printed = print_record(record, folder, font=bundled_font(), now=NOW)
    minutes_pdf, notice_pdf = printed.pdfs
    return printed, body_text(minutes_pdf), body_text(notice_pdf)


def _store_counts(db, mid):
    """The general part's figures, counted here in SQL (not by reports.counts)."""
    one = lambda sql: db.execute(sql, [mid]).fetchone()[0]  # noqa: E731
    by_source = dict(db.execute("SELECT source, count(*) FROM opinions WHERE meeting_id = ? GROUP BY source",
                                [mid]).fetchall())
    by_outcome = dict(db.execute("SELECT coalesce(outcome, 'none'), count(*) FROM opinions WHERE meeting_id = ? "
                                 "GROUP BY outcome", [mid]).fetchall())
    turns = (one("SELECT count(*) FROM speakers WHERE meeting_id = ? AND status IN ('done', 'speaking')")
             + one("SELECT count(*) FROM opinions WHERE meeting_id = ? AND source = 'spoken' "
                   "AND follows_id IS NOT NULL"))
    return turns, by_source, by_outcome


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    return held_demo(tmp_path_factory.mktemp("held") / "demo.db")


@pytest.fixture(scope="module")
def large_store(tmp_path_factory):
    return held_large(tmp_path_factory.mktemp("held") / "large.db")


@pytest.mark.parametrize("which", ["demo_store", "large_store"])
def test_general_part_counts_equal_the_store(which, request, tmp_path):
    db, mid = request.getfixturevalue(which)
    turns, by_source, by_outcome = _store_counts(db, mid)
    spoken, slips, before = (by_source.get(s, 0) for s in ("spoken", "slip", "before"))
    total = spoken + slips + before
    _printed, _minutes, notice = _print(load_record(db, mid), tmp_path)
    said = lambda count, what: f"{count:02d} {what}" if count else f"không có {what}"  # noqa: E731
    expected = [f"Tại hội nghị có {turns:02d} lượt phát biểu với {spoken + slips:02d} ý kiến, kiến nghị "
                f"({said(spoken, 'ý kiến phát biểu')}, {said(slips, 'phiếu ý kiến tại hội nghị')}); ngoài ra có "
                f"{before:02d} ý kiến tổng hợp trước hội nghị (phiếu lấy ý kiến), nâng tổng số lên "
                f"{total:02d} ý kiến, kiến nghị.",
                f"Trong tổng số {total:02d} ý kiến, kiến nghị: "]
    assert_in_order(notice, expected)
    general = notice[notice.index("I. KHÁI QUÁT CHUNG"):notice.index("II. KẾT LUẬN")]
    for outcome in Outcome:
        count = by_outcome.get(outcome.value, 0)
        if count:
            assert f"{outcome.count_phrase} {count:02d} ý kiến" in general, outcome
        else:
            assert outcome.none_sentence in general, outcome
    if by_outcome.get("none"):
        assert f"chưa trả lời {by_outcome['none']:02d} ý kiến" in general


def test_demo_counts_are_the_ones_a_secretary_would_count(demo_store, tmp_path):
    # three speakers took the floor, Ông An spoke again after the answer; the absent one did not
    _printed, _minutes, notice = _print(load_record(*demo_store), tmp_path)
    assert ("Tại hội nghị có 04 lượt phát biểu với 07 ý kiến, kiến nghị (06 ý kiến phát biểu, "
            "01 phiếu ý kiến tại hội nghị)") in notice


def test_a_zero_count_is_said_in_words(tmp_path):
    ops = [op for op in all_opinions() if op.outcome is not Outcome.FORWARDED]
    _printed, _minutes, notice = _print(ended_record(opinions=ops), tmp_path)
    assert "Không có ý kiến vượt thẩm quyền đề nghị cấp trên xem xét." in notice
    assert "vượt thẩm quyền, đề nghị cấp trên xem xét 0" not in notice


def test_merged_opinions_print_once_naming_everyone(tmp_path):
    db, mid = held_demo(tmp_path / "merged.db")
    by_number = {o.number: o for o in load_record(db, mid).opinions}
    merge_opinions(db, mid, [by_number[4].id, by_number[7].id, by_number[9].id],
                   "Giao Công chức Địa chính - Xây dựng rà soát toàn bộ đường, cống các thôn.\n"
                   "Đưa vào kế hoạch duy tu năm 2026.")
    _printed, _minutes, notice = _print(load_record(db, mid), tmp_path)
    part_two = notice[notice.index("II. KẾT LUẬN"):notice.index("III. TỔ CHỨC THỰC HIỆN")]
    assert ("- Ý kiến số 4, 7, 9 của ông Nguyễn Văn An (thôn Quán Gỏi), bà Trần Thị Bình (thôn Phương Độ), "
            "ông Hoàng Đức Dũng (thôn Thượng Khuông) về: “Đường trục thôn Quán Gỏi xuống cấp, nhiều ổ gà.”; "
            "“Đường liên thôn Phương Độ mùa mưa ngập úng.”; “Cống thoát nước ở Thượng Khuông bị lấp.”") in part_two
    assert_in_order(part_two, ["Kết luận: Giao Công chức Địa chính - Xây dựng rà soát toàn bộ đường, cống các thôn.",
                               "Đưa vào kế hoạch duy tu năm 2026."])
    for content in ("Đường trục thôn Quán Gỏi", "Đường liên thôn Phương Độ", "Cống thoát nước ở Thượng Khuông"):
        assert part_two.count(content) == 1, content
    assert "Kết luận: Nội dung này đã được Phạm Thị Thu Hiền trả lời" not in part_two  # the single item is gone
    assert part_two.count("Kết luận: Giao Công chức Địa chính - Xây dựng rà soát") == 1


def test_assignments_in_the_office_words_grouped_by_agency(demo_store, tmp_path):
    _printed, _minutes, notice = _print(load_record(*demo_store), tmp_path)
    part_three = notice[notice.index("III. TỔ CHỨC THỰC HIỆN"):notice.index("Trên đây là kết luận")]
    assert_in_order(part_three, [
        "1. Công chức Văn hóa - Xã hội (01 nội dung)",
        "2. Công chức Địa chính - Xây dựng (02 nội dung)",
        "- Giao Công chức Địa chính - Xây dựng chủ trì, phối hợp Văn phòng đăng ký đất đai giải quyết ý kiến "
        "số 5 của ông Nguyễn Văn An (thôn Quán Gỏi) về “Gia đình tôi chưa được cấp giấy chứng nhận quyền sử "
        "dụng đất”; hoàn thành, trả lời công dân và báo cáo Chủ tịch UBND xã trước ngày 05/07/2026.",
        "- Giao Công chức Địa chính - Xây dựng chủ trì giải quyết ý kiến số 7 của bà Trần Thị Bình "
        "(thôn Phương Độ) về “Đường liên thôn Phương Độ mùa mưa ngập úng”; hoàn thành, trả lời công dân và "
        "báo cáo Chủ tịch UBND xã trước ngày 30/06/2026.",
        "Đối với 01 ý kiến vượt thẩm quyền (số 8): giao Văn phòng tổng hợp, tham mưu Ủy ban nhân dân xã báo "
        "cáo, kiến nghị UBND tỉnh Hải Dương xem xét, giải quyết.",
        "Các mốc thực hiện theo kế hoạch:",  # the demo plan's timeline
        "- Các cơ quan được giao trả lời ý kiến, kiến nghị bằng văn bản và báo cáo Chủ tịch UBND xã: chậm nhất "
        "ngày 30/06/2026.",
        "- Lưu trữ hồ sơ tiếp xúc, đối thoại theo quy định.",
        "Văn phòng HĐND và UBND xã theo dõi, đôn đốc các cơ quan, đơn vị thực hiện",
    ])
    # part II says it too, with the co-agency
    assert ("Kết luận: Giao Công chức Địa chính - Xây dựng chủ trì, phối hợp Văn phòng đăng ký đất đai xem xét, "
            "giải quyết, trả lời bằng văn bản cho công dân trước ngày 05/07/2026.") in notice


def test_without_a_timeline_the_latest_deadline_is_named(tmp_path):
    _p, _m, notice = _print(ended_record(), tmp_path)
    assert ("Chậm nhất đến ngày 05/07/2026, các cơ quan, đơn vị được giao nhiệm vụ theo kết luận phải trả lời "
            "ý kiến, kiến nghị của Nhân dân bằng văn bản và báo cáo với Chủ tịch UBND xã.") in notice


def _many(n: int):
    return ended_record(opinions=[
        opinion(k, k, Source.SPOKEN, f"Nội dung ý kiến thứ {k} về đường thôn.",
                speaker=None, field="Quy hoạch, xây dựng, giao thông",
                outcome=Outcome.ASSIGNED if k % 3 == 0 else Outcome.ANSWERED,
                answer="Đã trả lời.", answered_by="Phạm Thị Thu Hiền",
                agency="Công chức Địa chính - Xây dựng" if k % 3 == 0 else None,
                deadline="2026-07-15" if k % 3 == 0 else None) for k in range(1, n + 1)])


def test_appendix_only_beyond_thirty_opinions(tmp_path):
    _p, _m, short = _print(_many(APPENDIX_FROM), tmp_path / "30")
    assert "PHỤ LỤC" not in short
    assert "Nội dung ý kiến thứ 30 về đường thôn." in short  # quoted in the body
    printed, _m, long = _print(_many(APPENDIX_FROM + 1), tmp_path / "31")
    body, appendix = long.split("PHỤ LỤC", 1)
    assert "tại Phụ lục kèm theo Thông báo này" in body
    assert "Nội dung ý kiến thứ 2 về đường thôn" not in body  # the body sums up
    assert "Giải trình, trả lời tại chỗ 21 ý kiến (số 1, 2, 4, 5," in body
    assert_in_order(appendix, ["DANH SÁCH Ý KIẾN, KIẾN NGHỊ VÀ KẾT QUẢ GIẢI QUYẾT",
                               "(Kèm theo Thông báo số .../TB-UBND ngày 20/06/2026)",
                               "Số Người phản ánh Lĩnh vực Nội dung tóm tắt Kết quả Cơ quan được giao Thời hạn",
                               "1 ", "Nội dung ý kiến thứ 1 về đường thôn.", "đã trả lời",
                               "3 ", "Nội dung ý kiến thứ 3 về đường thôn.", "giao giải quyết",
                               "Công chức Địa chính - Xây dựng", "15/07/2026",
                               "31 ", "Nội dung ý kiến thứ 31 về đường thôn."])
    table = WordDocument(str(printed.docx[1])).tables[-1]
    assert len(table.rows) == APPENDIX_FROM + 2 and table.rows[31].cells[0].text == "31"


def test_recipients_from_the_plan_with_the_higher_level(tmp_path):
    record = dataclasses.replace(ended_record(), notice_recipients=[
        "UBND huyện (b/c)", "TV ĐU – TT HĐND xã (b/c)", "Chủ tịch, PCT UBND xã", "Thôn trưởng 9 thôn", "Lưu: VT."],
        minutes_recipients=["Thường trực Đảng ủy (b/c)", "Lưu: VT, Hồ sơ"])
    assert notice_recipients(record) == ("UBND huyện (b/c)", "TV ĐU – TT HĐND xã (b/c)", "Chủ tịch, PCT UBND xã",
                                         "Thôn trưởng 9 thôn", "UBND tỉnh Hải Dương (b/c)", "Lưu: VT.")
    assert minutes_recipients(record) == ("Thường trực Đảng ủy (b/c)", "UBND tỉnh Hải Dương (b/c)",
                                          "Lưu: VT, Hồ sơ")
    _p, minutes, notice = _print(record, tmp_path)
    assert_in_order(notice, ["Nơi nhận:", "- UBND huyện (b/c);", "- TV ĐU – TT HĐND xã (b/c);",
                             "- Thôn trưởng 9 thôn;", "- UBND tỉnh Hải Dương (b/c);", "- Lưu: VT."])
    assert_in_order(minutes, ["Nơi nhận:", "- Thường trực Đảng ủy (b/c);", "- UBND tỉnh Hải Dương (b/c);",
                              "- Lưu: VT, Hồ sơ."])
    # a higher level the plan already names is not added twice
    named = dataclasses.replace(record, notice_recipients=["UBND tỉnh Hải Dương (b/c)", "Lưu: VT"])
    assert notice_recipients(named) == ("UBND tỉnh Hải Dương (b/c)", "Lưu: VT")


def test_demo_plan_recipients_print_as_typed_plus_the_higher_level(demo_store):
    record = load_record(*demo_store)
    assert record.notice_recipients  # the demo plan names them
    items = notice_recipients(record)
    assert items[:len(record.notice_recipients) - 1] == tuple(record.notice_recipients[:-1])
    assert items[-2:] == ("UBND tỉnh Hải Dương (b/c)", record.notice_recipients[-1])


def test_default_recipients_name_the_lead_and_co_agencies(demo_store):
    record = dataclasses.replace(load_record(*demo_store), notice_recipients=[], minutes_recipients=[])
    items = notice_recipients(record)
    assert items == ("Thường trực Đảng ủy, HĐND xã", "Ủy ban MTTQ Việt Nam xã", "Công chức Văn hóa - Xã hội",
                     "Công chức Địa chính - Xây dựng", "Văn phòng đăng ký đất đai", "Các thôn, tổ dân phố",
                     "UBND tỉnh Hải Dương (b/c)", "Lưu: VT")
    assert minutes_recipients(ended_record(opinions=[])) == ("Chủ tọa hội nghị", "Lưu: VT, Hồ sơ")


def test_minutes_step_notes_delegates_and_the_approved_sentence(tmp_path):
    db, mid = held_demo(tmp_path / "minutes.db")
    step = load_record(db, mid).steps[2]
    set_step_note(db, step.id, presenter="Đ/c Trần Văn Bình, Phó Chủ tịch UBND xã",
                  gist="Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm.\nKết quả giải quyết kiến nghị lần trước.")
    record = dataclasses.replace(load_record(db, mid), delegates=[
        Person(1, 1, "Nguyễn Văn Hải", "Phó Chủ tịch UBND tỉnh"), Person(2, 2, "Lê Thị Mai", None)])
    _p, minutes, _notice = _print(record, tmp_path / "on")
    assert_in_order(minutes, ["Thành phần tham dự:", "- Đại biểu:", "+ Đồng chí Nguyễn Văn Hải, Phó Chủ tịch UBND "
                              "tỉnh;", "+ Đồng chí Lê Thị Mai.", "Chủ trì (chủ tọa):",
                              f"3. {step.content}", "Người trình bày: Đ/c Trần Văn Bình, Phó Chủ tịch UBND xã.",
                              "Nội dung tóm tắt: Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm.",
                              "Kết quả giải quyết kiến nghị lần trước.", "4. ",
                              "Biên bản đã được đọc lại cho hội nghị nghe và được hội nghị nhất trí thông qua./."])
    set_minutes_approved(db, mid, False)
    _p, minutes, _notice = _print(load_record(db, mid), tmp_path / "off")
    assert "Biên bản đã được đọc lại" not in minutes
    assert "Hội nghị kết thúc vào 8 giờ 35 phút, ngày 18 tháng 6 năm 2026./." in minutes


@pytest.mark.parametrize("which", ["demo", "large_store"])
def test_pdf_and_word_say_the_same(which, request, tmp_path):
    if which == "demo":
        db, mid = held_demo(tmp_path / "both.db")
        ids = {o.number: o.id for o in load_record(db, mid).opinions}
        merge_opinions(db, mid, [ids[4], ids[9]], "Một kết luận cho hai ý kiến.")
        set_step_note(db, load_record(db, mid).steps[1].id, presenter="Đ/c Đỗ Quang Vinh", gist="Khai mạc.")
        record = dataclasses.replace(load_record(db, mid), delegates=[Person(1, 1, "Nguyễn Văn Hải", "PCT UBND tỉnh")],
                                     notice_recipients=["UBND huyện (b/c)", "Lưu: VT"])
    else:
        record = load_record(*request.getfixturevalue(which))
    printed, _m, _n = _print(record, tmp_path / "out")
    for pdf, docx in zip(printed.pdfs, printed.docx):  # the PDF repeats the appendix's heading row on each page
        assert docx_text(docx) == once(body_text(pdf), " ".join(APPENDIX_HEAD)), docx.name


def test_the_appendix_starts_a_page_of_its_own_in_both_files(tmp_path):
    printed, _m, _n = _print(_many(APPENDIX_FROM + 5), tmp_path)
    notice_pdf, notice_docx = printed.pdfs[1], printed.docx[1]
    phu_luc = next(c for c in chunks(notice_pdf) if c.text.strip() == "PHỤ LỤC")
    assert [c for c in chunks(notice_pdf) if not c.decoration and c.page == phu_luc.page and c.y > phu_luc.y] == []
    with zipfile.ZipFile(notice_docx) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert xml.index('<w:br w:type="page"/>') < xml.index("PHỤ LỤC")
    assert xml.count("<w:tblHeader/>") == 1  # Word repeats the heading row on every page
