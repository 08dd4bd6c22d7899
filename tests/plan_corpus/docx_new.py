"""Corpus .docx plans written by the second reader helper (issue 15): the styles the first
thirty did not use. Run: python tests/plan_corpus/docx_new.py (writes n*.docx and their .json)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import json  # noqa: E402

from docx_builder import NATIONAL, Doc  # noqa: E402

HERE = Path(__file__).resolve().parent


def write_expected(name: str, expected: dict) -> None:
    (HERE / name).write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def n06() -> None:
    """Time, place, chair and attendance only in a two-column table, no section headings."""
    d = Doc()
    d.header_table(["ỦY BAN NHÂN DÂN", "XÃ HẢI HÀ", "Số: 231/KH-UBND"],
                   NATIONAL + ["Hải Hà, ngày 25 tháng 11 năm 2025"])
    d.p("KẾ HOẠCH", bold=True, align="center")
    d.p("Đối thoại giữa Chủ tịch UBND xã với Nhân dân các thôn ven biển về quy hoạch vùng nuôi trồng thủy sản",
        bold=True, align="center")
    d.p("Thực hiện Luật Thực hiện dân chủ ở cơ sở năm 2022, UBND xã Hải Hà tổ chức buổi đối thoại "
        "theo các nội dung trong bảng dưới đây.")
    d.table([["Nội dung", "Cụ thể"],
             ["Thời gian", "14h00, thứ Năm, ngày 11/12/2025"],
             ["Địa điểm", "Hội trường UBND xã Hải Hà"],
             ["Chủ trì", "Đồng chí Phạm Văn Cường – Chủ tịch UBND xã"],
             ["Thư ký", "Đồng chí Vũ Thị Lan – công chức Văn phòng - Thống kê xã"],
             ["Mời dự", "Đại diện Ban Thường trực Ủy ban MTTQ xã; Trưởng thôn các thôn ven biển; "
                        "60 hộ nuôi trồng thủy sản"]], header=True, bold_first=True)
    d.p("Các thôn tổng hợp ý kiến của Nhân dân gửi về UBND xã trước ngày 05/12/2025.")
    d.sign(["Nơi nhận:", "- Các thôn;", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Phạm Văn Cường"])
    d.document.save(str(HERE / "n06-xa-hai-ha-bang-hai-cot.docx"))
    write_expected("n06-xa-hai-ha-bang-hai-cot.json", {
        "title": "Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân các thôn ven biển về quy hoạch vùng nuôi trồng thủy sản",
        "organisation": "Ủy ban nhân dân xã Hải Hà", "place_name": "Hải Hà",
        "venue": "Hội trường UBND xã Hải Hà", "date": "2025-12-11", "start": "14:00",
        "chairs": [{"name": "Phạm Văn Cường", "title": "Chủ tịch UBND xã"}],
        "secretary": "Vũ Thị Lan",
        "attendance": [{"group": "Đại diện Ban Thường trực Ủy ban MTTQ xã"},
                       {"group": "Trưởng thôn các thôn ven biển"},
                       {"group": "Hộ nuôi trồng thủy sản", "invited": 60}]})


if __name__ == "__main__":
    n06()
