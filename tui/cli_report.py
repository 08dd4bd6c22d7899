"""`doithoai report`: the report across meetings for a period.

  doithoai report --from 01/04/2026 --to 30/06/2026 [--out BAO-CAO.xlsx] [--pdf F.pdf] [--docx F.docx]
  doithoai report --period month|quarter|6m|9m|year --year 2026 [--month N | --quarter N]
  doithoai report ... --from-files a.db b.json …   (merge several communes' records)

Prints the counts; writes the .xlsx (summary and one row per opinion) and the printed
report (PDF, DOCX) when asked. Exit codes: 0 done; 2 an error the user can fix.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from db.clock import system_clock
from db.connection import open_db
from db.errors import StoreError, ValidationError
from db.exchange import ExchangeError
from db.exchange_merge import merge_files
from db.workdays import parse_day

from .paths import resolve_db_path


def add_parser(sub, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("report", parents=[common],
                       help="báo cáo kết quả tiếp xúc, đối thoại và giải quyết kiến nghị theo kỳ (in ra, .xlsx, PDF, DOCX)")
    p.add_argument("--from", dest="start", metavar="NGÀY", help="từ ngày, dạng 01/04/2026")
    p.add_argument("--to", dest="end", metavar="NGÀY", help="đến ngày, dạng 30/06/2026")
    p.add_argument("--period", choices=("month", "quarter", "6m", "9m", "year"),
                   help="kỳ báo cáo: tháng, quý, 6 tháng, 9 tháng, năm (cùng --year)")
    p.add_argument("--year", type=int, metavar="NĂM", help="năm của kỳ báo cáo (mặc định: năm nay)")
    p.add_argument("--month", type=int, metavar="THÁNG", help="tháng (với --period month; mặc định: tháng này)")
    p.add_argument("--quarter", type=int, metavar="QUÝ", help="quý 1–4 (với --period quarter; mặc định: quý này)")
    p.add_argument("--out", metavar="TỆP.xlsx", help="ghi bảng tính Excel (tổng hợp và từng ý kiến)")
    p.add_argument("--pdf", metavar="TỆP.pdf", help="ghi báo cáo in (PDF)")
    p.add_argument("--docx", metavar="TỆP.docx", help="ghi báo cáo in (DOCX)")
    p.add_argument("--from-files", nargs="+", metavar="TỆP",
                   help="gộp số liệu từ các tệp dữ liệu (.db) hoặc tệp xuất (.json) của các xã")
    p.add_argument("--today", metavar="NGÀY", help="tính quá hạn theo ngày này (mặc định: hôm nay)")
    return p


def _day(text: str, label: str) -> date:
    value = parse_day(text, label, system_clock().year)
    if value is None:
        raise ValidationError(label, "chưa nhập ngày")
    return value


def choose_period(args: argparse.Namespace, today: date):
    from reports.report import PeriodError, between, period

    try:
        if args.period:
            if args.start or args.end:
                raise PeriodError("chọn --period hoặc --from/--to, không dùng cả hai")
            number = args.month if args.period == "month" else args.quarter if args.period == "quarter" else None
            return period(args.period, args.year or today.year, number, today)
        if not (args.start and args.end):
            raise PeriodError("cần --from NGÀY --to NGÀY, hoặc --period KỲ --year NĂM")
        return between(_day(args.start, "--from"), _day(args.end, "--to"))
    except PeriodError as exc:
        raise StoreError(str(exc)) from None


def cmd_report(args: argparse.Namespace) -> int:
    from reports.report import build_report

    today = _day(args.today, "--today") if args.today else system_clock().date()
    span = choose_period(args, today)
    if args.from_files:
        try:
            merged = merge_files(args.from_files)
        except ExchangeError as exc:
            print(f"{exc.message}; không có gì thay đổi.", file=sys.stderr)
            return 2
        for name in merged.skipped:
            print(f"Bỏ qua hội nghị trùng: {name}", file=sys.stderr)
        db = merged.db
    else:
        db = open_db(resolve_db_path(getattr(args, "db", None)))
    report = build_report(db, span, today)
    print(f"Báo cáo kết quả tiếp xúc, đối thoại và giải quyết kiến nghị {report.period.label}")
    for label, value in report.summary_rows():
        print(f"{label}: {str(value).replace('.', ',') if isinstance(value, float) else value}")
    written = _write(report, args, today)
    for path in written:
        print(path)
    return 0


def _write(report, args: argparse.Namespace, today: date) -> list[Path]:
    written = []
    try:
        if args.out:
            from reports.report_xlsx import write_xlsx

            written.append(write_xlsx(report, args.out))
        if args.pdf or args.docx:
            from reports.report_print import write_docx, write_pdf

            if args.pdf:
                written.append(write_pdf(report, args.pdf, today=today))
            if args.docx:
                written.append(write_docx(report, args.docx, today=today))
    except OSError as exc:
        raise StoreError(f"Không ghi được tệp {exc.filename or ''}: {exc.strerror or exc}") from None
    return written
