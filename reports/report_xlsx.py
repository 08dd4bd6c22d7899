"""The report as an Excel workbook: a summary sheet ("Tổng hợp") and one row per
opinion ("Ý kiến, kiến nghị") in the petition trackers' column order."""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from db import files
from db.vndate import dmy

from .report import COLUMNS, Report

SUMMARY_SHEET = "Tổng hợp"
ROWS_SHEET = "Ý kiến, kiến nghị"
WIDTHS = (6, 60, 22, 28, 30, 28, 50)


def write_xlsx(report: Report, out_path: str | os.PathLike) -> Path:
    out = files.prepare(out_path)  # personal data: owner-only
    book = Workbook()
    summary = book.active
    summary.title = SUMMARY_SHEET
    bold = Font(bold=True)
    summary.append([f"Kết quả tiếp xúc, đối thoại và giải quyết kiến nghị {report.period.label}"])
    summary["A1"].font = bold
    summary.append([f"Từ ngày {dmy(report.period.start)} đến ngày {dmy(report.period.end)}; "
                    f"tình trạng tính đến ngày {dmy(report.as_of)}"])
    if report.organisations:
        summary.append(["Đơn vị: " + "; ".join(report.organisations)])
    summary.append([])
    summary.append(["Chỉ tiêu", "Số lượng"])
    for cell in summary[summary.max_row]:
        cell.font = bold
    for label, value in report.summary_rows():
        summary.append([label, value])
    summary.column_dimensions["A"].width = 70
    summary.column_dimensions["B"].width = 14

    rows = book.create_sheet(ROWS_SHEET)
    rows.append(list(COLUMNS))
    for cell in rows[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r in report.rows:
        rows.append([r.stt, r.content, r.locality, r.field, r.answering, r.answer_ref, r.note])
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed text, never a formula
    for letter, width in zip("ABCDEFG", WIDTHS):
        rows.column_dimensions[letter].width = width
    rows.freeze_panes = "A2"
    book.save(out)
    return out
