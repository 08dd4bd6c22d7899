"""The report across meetings as a printed document (báo cáo), in the decree's layout,
built as a `model.Document` and rendered by the print pipeline (PDF and DOCX)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from db import files
from db.vndate import dmy
from db.vocabulary import Outcome, Source
from db.vocabulary_followup import FollowState

from .docx import render_docx
from .fonts import RegisteredFont, resolve_font
from .layout import organisation_code
from .model import Document, Header, Para, Signature, Title, b, para
from .pdf import render_pdf
from .report import Report
from .text import place_date_line


def _share(n: int, total: int) -> str:
    return f"{100 * n / total:.1f}%".replace(".", ",") if total else "0%"


def report_document(report: Report, today: date) -> Document:
    organisation, parent, place = report.issuer or ("Ủy ban nhân dân xã", None, "")
    p = report.period
    out: list = [
        Header(organisation, parent, f"Số: .../BC-{organisation_code(organisation)}",
               place_date_line(place, today) if place else None),
        Title("BÁO CÁO", f"Kết quả tiếp xúc, đối thoại trực tiếp với Nhân dân và giải quyết ý kiến, "
                         f"kiến nghị {p.label}"),
        para(b("I. KẾT QUẢ TỔ CHỨC HỘI NGHỊ"), keep_with_next=True),
    ]
    if len(report.organisations) > 1:
        out.append(para("Số liệu tổng hợp của: " + "; ".join(report.organisations) + "."))
    sources = ", ".join(f"{s.label.lower()} {report.by_source.get(s, 0)}" for s in Source)
    out.append(para(
        f"Từ ngày {dmy(p.start)} đến ngày {dmy(p.end)}, đã tổ chức {report.meetings} hội nghị tiếp xúc, "
        f"đối thoại trực tiếp với Nhân dân, với {report.attendance} lượt người tham dự, {report.turns} lượt "
        f"phát biểu; tổng số {report.opinions} ý kiến, kiến nghị ({sources})."))
    if report.by_field:
        out.append(para("Phân theo lĩnh vực:", keep_with_next=True))
        out += [para(f"- {name}: {n} ý kiến ({_share(n, report.opinions)});") for name, n in report.by_field.items()]
    out.append(para(b("II. KẾT QUẢ TRẢ LỜI, GIẢI QUYẾT"), keep_with_next=True))
    outcomes = "; ".join(f"{o.label.lower()} {report.by_outcome.get(o, 0)} ý kiến" for o in Outcome)
    out.append(para(f"Tại hội nghị: {outcomes}. Tỷ lệ trả lời tại hội nghị "
                    f"{_share(report.by_outcome.get(Outcome.ANSWERED, 0), report.opinions)}."))
    states = ", ".join(f"{s.short.lower()} {report.by_state.get(s, 0)}" for s in FollowState)
    out.append(para(f"Sau hội nghị: {report.followed} ý kiến được giao giải quyết hoặc kiến nghị cấp có thẩm "
                    f"quyền; đến ngày {dmy(report.as_of)}: {states}; trong đó {report.overdue} ý kiến đã quá "
                    f"thời hạn trả lời./."))
    out.append(Signature(("NGƯỜI LẬP BÁO CÁO",), ("",)))
    return Document(tuple(out), title=f"Báo cáo {p.label}", author=organisation,
                    subject="Báo cáo kết quả tiếp xúc, đối thoại và giải quyết kiến nghị")


def report_text(document: Document) -> list[str]:
    return [block.text for block in document.blocks if isinstance(block, Para)]


def write_pdf(report: Report, out_path: str | os.PathLike, *, today: date | None = None,
              font: str | os.PathLike | RegisteredFont | None = None) -> Path:
    registered = font if isinstance(font, RegisteredFont) else resolve_font(font)
    return render_pdf(report_document(report, today or date.today()), files.prepare(out_path), registered)


def write_docx(report: Report, out_path: str | os.PathLike, *, today: date | None = None,
               font: str | os.PathLike | RegisteredFont | None = None) -> Path:
    registered = font if isinstance(font, RegisteredFont) else resolve_font(font)
    return render_docx(report_document(report, today or date.today()), files.prepare(out_path), registered)
