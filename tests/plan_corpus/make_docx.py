"""Build the .docx plans of the corpus (and their expected fields) with python-docx.

    python tests/plan_corpus/make_docx.py            # writes d*.docx and d*.json here
    python tests/plan_corpus/make_docx.py --soffice  # also re-saves d05 through LibreOffice

The documents use what Word puts in real plans: header and signature tables, merged
cells, a repeated header row, Word's own list numbering (numbering.xml), a header and
footer part, text boxes, bookmarks, manual line breaks, runs split mid-word, and text
with non-breaking spaces, soft hyphens, zero-width characters, smart quotes and tabs.
The committed .docx files are the test input; this script documents how they were
made and rebuilds them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from docx_builder import HERE, NATIONAL, PARTY, Doc, _xml, write_expected  # noqa: E402
from docx_plans import d01, d02, d03, d04, d05, d06, d07  # noqa: E402


def d08() -> dict:
    """An announcement (THÔNG BÁO) that says everything in two sentences."""
    d = Doc()
    d.header_table(["ỦY BAN NHÂN DÂN", "PHƯỜNG HẢI CHÂU", "Số: 412/TB-UBND"],
                   NATIONAL + ["Hải Châu, ngày 04 tháng 12 năm 2025"])
    d.p("THÔNG BÁO", bold=True)
    d.p("Về việc tổ chức Hội nghị đối thoại giữa Chủ tịch UBND phường với các hộ kinh doanh chợ Hàn", bold=True)
    d.p("Ủy ban nhân dân phường Hải Châu trân trọng thông báo: Chủ tịch UBND phường tổ chức đối thoại với "
        "các hộ kinh doanh chợ Hàn vào lúc 15 giờ 00 phút, thứ Năm, ngày 11/12/2025 tại Hội trường Ban quản "
        "lý chợ Hàn.")
    d.p("Chủ trì buổi đối thoại: Ông Lê Minh Tuấn, Chủ tịch UBND phường. Cùng dự có đại diện Ban quản lý "
        "chợ, Đội quản lý trật tự đô thị phường.")
    d.p("Đề nghị các hộ kinh doanh đăng ký ý kiến tại Ban quản lý chợ trước ngày 09/12/2025.")
    d.sign(["Nơi nhận:", "- Ban quản lý chợ Hàn;", "- Lưu: VT."],
           ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Ngô Thị Bích"])
    d.save("d08-phuong-hai-chau-thong-bao.docx")
    return {"title": "Hội nghị đối thoại giữa Chủ tịch UBND phường với các hộ kinh doanh chợ Hàn",
            "organisation": "Ủy ban nhân dân phường Hải Châu", "place_name": "Hải Châu",
            "venue": "Hội trường Ban quản lý chợ Hàn", "date": "2025-12-11", "start": "15:00",
            "chairs": [{"name": "Lê Minh Tuấn", "title": "Chủ tịch UBND phường"}]}


def d09() -> dict:
    """Joint plan with an attendance table (TT | Thành phần | Số lượng)."""
    d = Doc()
    d.header_table(["ĐẢNG ỦY XÃ TRIỆU PHONG", "Số 33-KH/ĐU"], PARTY + ["Triệu Phong, ngày 18 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức Hội nghị tiếp xúc, đối thoại giữa Bí thư Đảng ủy, Chủ tịch UBND xã với Nhân dân năm 2025",
        bold=True)
    d.p("I. THỜI GIAN, ĐỊA ĐIỂM", bold=True)
    d.p("- Thời gian: 7 giờ 30 phút, ngày 03/12/2025.")
    d.p("- Địa điểm: Hội trường UBND xã Triệu Phong.")
    d.p("II. CHỦ TRÌ", bold=True)
    d.p("- Đồng chí Võ Đức Hải, Bí thư Đảng ủy xã;")
    d.p("- Đồng chí Lê Thị Mỹ, Chủ tịch UBND xã.")
    d.p("III. THÀNH PHẦN, SỐ LƯỢNG", bold=True)
    d.table([["TT", "Thành phần", "Số lượng"],
             ["1", "Ban Thường vụ Đảng ủy xã", "07"],
             ["2", "Ủy ban MTTQ và các đoàn thể xã", "10"],
             ["3", "Trưởng thôn, Bí thư chi bộ các thôn", "18"],
             ["4", "Đại diện Nhân dân các thôn", "100"]], header=True, bold_first=True)
    d.p("IV. TỔ CHỨC THỰC HIỆN", bold=True)
    d.p("Văn phòng Đảng ủy tham mưu giấy mời, chuẩn bị tài liệu; hoàn thành trước ngày 28/11/2025.")
    d.sign(["Nơi nhận:", "- Lưu VPĐU."], ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Võ Đức Hải"])
    d.save("d09-xa-trieu-phong-attendance-table.docx")
    return {"title": "Hội nghị tiếp xúc, đối thoại giữa Bí thư Đảng ủy, Chủ tịch UBND xã với Nhân dân năm 2025",
            "organisation": "Đảng ủy xã Triệu Phong", "place_name": "Triệu Phong",
            "venue": "Hội trường UBND xã Triệu Phong", "date": "2025-12-03", "start": "07:30",
            "chairs": [{"name": "Võ Đức Hải", "title": "Bí thư Đảng ủy xã"},
                       {"name": "Lê Thị Mỹ", "title": "Chủ tịch UBND xã"}],
            "attendance": [{"group": "Ban Thường vụ Đảng ủy xã", "invited": 7},
                           {"group": "Ủy ban MTTQ và các đoàn thể xã", "invited": 10},
                           {"group": "Trưởng thôn, Bí thư chi bộ các thôn", "invited": 18},
                           {"group": "Đại diện Nhân dân các thôn", "invited": 100}]}


def d10() -> dict:
    """A plan whose chair is given by office only, signed by that office: the signer is proposed."""
    d = Doc()
    d.header_table(["ỦY BAN NHÂN DÂN", "XÃ KIM SƠN", "Số: 240/KH-UBND"], NATIONAL + ["Kim Sơn, ngày 07 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tiếp xúc, đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân năm 2025", bold=True)
    d.p("1. Thời gian: 14h00 ngày 21/11/2025.")
    d.p("2. Địa điểm: Nhà văn hóa thôn Phát Diệm.")
    d.p("3. Chủ tịch UBND xã chủ trì hội nghị.")
    d.p("4. Thành phần: Thường trực Đảng ủy, HĐND xã; các ban, ngành, đoàn thể xã; Nhân dân thôn Phát Diệm, "
        "thôn Lưu Phương.")
    d.p("5. Chương trình:")
    d.p("5.1. Tuyên bố lý do;")
    d.p("5.2. Nhân dân phát biểu ý kiến, kiến nghị, đối thoại;")
    d.p("5.3. Chủ tịch UBND xã kết luận.")
    d.sign(["Nơi nhận:", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đinh Văn Hòa"])
    d.save("d10-xa-kim-son-signer-chairs.docx")
    return {"title": "Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân năm 2025",
            "organisation": "Ủy ban nhân dân xã Kim Sơn", "place_name": "Kim Sơn",
            "venue": "Nhà văn hóa thôn Phát Diệm", "date": "2025-11-21", "start": "14:00",
            "chairs": [{"name": "Đinh Văn Hòa", "title": "Chủ tịch UBND xã", "proposed": True}],
            "attendance": [{"group": "Thường trực Đảng ủy, HĐND xã"}, {"group": "Các ban, ngành, đoàn thể xã"},
                           {"group": "Nhân dân thôn Phát Diệm, thôn Lưu Phương"}],
            "programme": ["Tuyên bố lý do", "Nhân dân phát biểu ý kiến, kiến nghị, đối thoại",
                          "Chủ tịch UBND xã kết luận"],
            "dialogue_step": 2}


def d11() -> dict:
    """Southern ward, news style with the ward's quarters ("khu phố") and their Ban điều hành."""
    d = Doc()
    d.p("PHƯỜNG LINH XUÂN TỔ CHỨC ĐỐI THOẠI VỚI NHÂN DÂN KHU PHỐ 2, KHU PHỐ 6", bold=True)
    d.p("Đăng ngày 05/11/2025 lúc 16:40", italic=True)
    d.p("Nhằm kịp thời giải quyết vướng mắc về hạ tầng, ngập nước và trật tự xây dựng, Ủy ban nhân dân phường "
        "Linh Xuân tổ chức Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân khu phố 2, khu phố 6.")
    d.p("Hội nghị bắt đầu lúc 18h00 thứ Sáu, ngày 14/11/2025, tại Sân Nhà văn hóa khu phố 6 (đường số 8); "
        "dự kiến kết thúc lúc 20h30.")
    d.p("Hội nghị do ông Phan Thanh Bình, Chủ tịch UBND phường chủ trì. Thành phần gồm Ban điều hành khu phố 2, "
        "khu phố 6; Tổ trưởng tổ nhân dân; bà con các khu phố.")
    d.p("Bà con có ý kiến đăng ký với Ban điều hành khu phố từ ngày 06/11/2025 đến ngày 12/11/2025.")
    d.p("Thanh Tâm (Văn phòng HĐND-UBND phường)", italic=True)
    d.save("d11-phuong-linh-xuan-tin-tuc.docx")
    return {"title": "Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân khu phố 2, khu phố 6",
            "organisation": "Ủy ban nhân dân phường Linh Xuân", "place_name": "Linh Xuân",
            "venue": "Sân Nhà văn hóa khu phố 6 (đường số 8)", "date": "2025-11-14", "start": "18:00",
            "end": "20:30",
            "chairs": [{"name": "Phan Thanh Bình", "title": "Chủ tịch UBND phường"}],
            "attendance": [{"group": "Ban điều hành khu phố 2, khu phố 6"}, {"group": "Tổ trưởng tổ nhân dân"},
                           {"group": "Bà con các khu phố"}]}


def d12() -> dict:
    """Title over a manual line break; programme table with a merged time cell and a header row."""
    d = Doc()
    d.header_table(["ỦY BAN NHÂN DÂN", "THỊ TRẤN PHÚ XUYÊN", "Số: 55/KH-UBND"],
                   NATIONAL + ["Phú Xuyên, ngày 20 tháng 3 năm 2026"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức Hội nghị tiếp xúc, đối thoại trực tiếp\ngiữa Chủ tịch UBND thị trấn với Nhân dân\n"
        "các tổ dân phố Phú Mỹ, Thao Chính năm 2026", bold=True)
    d.p("I. THỜI GIAN, ĐỊA ĐIỂM", bold=True)
    d.p("1. Thời gian: 8h00' ngày 11/4/2026 (thứ Bảy).")
    d.p("2. Địa điểm: Hội trường UBND thị trấn Phú Xuyên.")
    d.p("II. CHỦ TRÌ, THƯ KÝ", bold=True)
    d.p("1. Chủ trì: Đồng chí Trịnh Văn Quang, Chủ tịch UBND thị trấn.")
    d.p("2. Thư ký: Đồng chí Nguyễn Thu Hà, công chức Văn phòng - Thống kê.")
    d.p("III. THÀNH PHẦN", bold=True)
    d.p("- Tổ trưởng, Bí thư chi bộ các tổ dân phố Phú Mỹ, Thao Chính: 04 người;")
    d.p("- Đại diện hộ gia đình hai tổ dân phố: 80 người.")
    d.p("IV. CHƯƠNG TRÌNH", bold=True)
    d.table([["TT", "Thời gian", "Nội dung", "Thực hiện"],
             ["1", "8h00 - 8h15", "Tuyên bố lý do, giới thiệu đại biểu", "Văn phòng"],
             ["2", "8h15 - 10h45", "Nhân dân phát biểu ý kiến, đối thoại", "Chủ trì"],
             ["3", "", "Lãnh đạo thị trấn trả lời ý kiến", "Chủ trì"],
             ["4", "10h45 - 11h00", "Kết luận hội nghị", "Chủ tịch UBND thị trấn"]],
            header=True, bold_first=True, merges=[((2, 1), (3, 1))])
    d.sign(["Nơi nhận:", "- Lưu VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trịnh Văn Quang"])
    d.save("d12-thi-tran-phu-xuyen-line-breaks.docx")
    return {"title": "Hội nghị tiếp xúc, đối thoại trực tiếp giữa Chủ tịch UBND thị trấn với Nhân dân các tổ dân "
                     "phố Phú Mỹ, Thao Chính năm 2026",
            "organisation": "Ủy ban nhân dân thị trấn Phú Xuyên", "place_name": "Phú Xuyên",
            "venue": "Hội trường UBND thị trấn Phú Xuyên", "date": "2026-04-11", "start": "08:00", "end": "11:00",
            "chairs": [{"name": "Trịnh Văn Quang", "title": "Chủ tịch UBND thị trấn"}],
            "secretary": "Nguyễn Thu Hà",
            "attendance": [{"group": "Tổ trưởng, Bí thư chi bộ các tổ dân phố Phú Mỹ, Thao Chính", "invited": 4},
                           {"group": "Đại diện hộ gia đình hai tổ dân phố", "invited": 80}],
            "programme": ["Tuyên bố lý do, giới thiệu đại biểu", "Nhân dân phát biểu ý kiến, đối thoại",
                          "Lãnh đạo thị trấn trả lời ý kiến", "Kết luận hội nghị"],
            "dialogue_step": 2}


def d13() -> dict:
    """Tracked changes left on (an inserted time, a deleted one), content controls from a template,
    a hyperlink, a non-breaking hyphen: what python-docx's own text leaves out or keeps wrongly."""
    d = Doc()
    d.header_table(["ỦY BAN NHÂN DÂN", "PHƯỜNG AN KHÁNH", "Số: 91/KH-UBND"],
                   NATIONAL + ["An Khánh, ngày 19 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True)
    d.p("Tổ chức Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân khu phố 1, khu phố 2", bold=True)
    # "Thời gian: 7 giờ 30 [deleted: 14 giờ] ngày 29/11/2025." with the new time a tracked insertion
    when = d.p("Thời gian: ")
    for element in _xml(
            '<w:del w:id="1" w:author="VP" w:date="2025-11-18T08:00:00Z"><w:r><w:delText>14 giờ 00</w:delText>'
            '</w:r></w:del><w:ins w:id="2" w:author="VP" w:date="2025-11-18T08:00:00Z"><w:r><w:t xml:space='
            '"preserve">07 giờ 30</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> ngày 29/11/2025.</w:t></w:r>'):
        when._p.append(element)
    # a template's content control around the place, with a hyperlink to the map
    for element in _xml(
            '<w:sdt><w:sdtPr><w:alias w:val="Địa điểm"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t xml:space='
            '"preserve">Địa điểm: </w:t></w:r><w:hyperlink r:id="rIdMap"><w:r><w:t>Hội trường Trung tâm Văn hóa'
            '</w:t></w:r><w:r><w:noBreakHyphen/><w:t>Thể thao phường An Khánh</w:t></w:r></w:hyperlink><w:r>'
            '<w:t>.</w:t></w:r></w:p></w:sdtContent></w:sdt>'):
        when._p.addnext(element)
    d.p("Chủ trì: Ông Tạ Quang Vinh, Chủ tịch UBND phường.")
    d.p("Thành phần: Ban điều hành khu phố 1, khu phố 2; đại diện các hộ dân hai khu phố.")
    d.sign(["Nơi nhận:", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Tạ Quang Vinh"])
    rels = d.document.part.rels
    rels.get_or_add_ext_rel("http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                            "https://maps.example.vn/an-khanh")
    rel_id = next(k for k, v in rels.items() if v.is_external)
    path = d.save("d13-phuong-an-khanh-tracked-changes.docx")
    # point the hyperlink at the relationship python-docx created
    import zipfile
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"rIdMap", rel_id.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)
    return {"title": "Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân khu phố 1, khu phố 2",
            "organisation": "Ủy ban nhân dân phường An Khánh", "place_name": "An Khánh",
            "venue": "Hội trường Trung tâm Văn hóa-Thể thao phường An Khánh", "date": "2025-11-29",
            "start": "07:30",
            "chairs": [{"name": "Tạ Quang Vinh", "title": "Chủ tịch UBND phường"}],
            "attendance": [{"group": "Ban điều hành khu phố 1, khu phố 2"},
                           {"group": "Đại diện các hộ dân hai khu phố"}]}


DOCUMENTS = [d01, d02, d03, d04, d05, d06, d07, d08, d09, d10, d11, d12, d13]


def resave_with_libreoffice(path: Path) -> None:
    """Open and save the .docx with LibreOffice, so the file is as LibreOffice writes it."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice không có trên máy: cài libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        odt = Path(tmp) / "a.odt"
        subprocess.run([soffice, "--headless", "--convert-to", "odt", "--outdir", tmp, str(path)],
                       check=True, capture_output=True)
        (Path(tmp) / (path.stem + ".odt")).rename(odt)
        subprocess.run([soffice, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, str(odt)],
                       check=True, capture_output=True)
        shutil.copyfile(Path(tmp) / "a.docx", path)


def main() -> None:
    for make in DOCUMENTS:
        expected = make()
        name = next(p.name for p in sorted(HERE.glob(f"{make.__name__}-*.docx")))
        write_expected(name.replace(".docx", ".json"), expected)
    if "--soffice" in sys.argv:
        resave_with_libreoffice(next(HERE.glob("d05-*.docx")))


if __name__ == "__main__":
    main()

