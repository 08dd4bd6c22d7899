"""Commands that read or write documents: `doithoai import-plan` (a plan document to a plan
file) and `doithoai print` (the minutes and the notice, PDF and Word)."""

from __future__ import annotations

import argparse
import sys

from .cli_common import meeting_id as _meeting_id, open_store as _open


def cmd_import_plan(args: argparse.Namespace) -> int:
    from db.files import prepare_folder, write_text
    from intake.plan_documents import PlanDocumentError, read_plan_document, report_lines, result_to_toml

    if args.out:
        prepare_folder(args.out)  # a bad output path is refused before the document is read
    try:
        result = read_plan_document(args.file)
    except PlanDocumentError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    toml_text = result_to_toml(result)
    report = sys.stderr if not args.out else sys.stdout
    for line in report_lines(result):
        print(line, file=report)
    if args.out:
        write_text(args.out, toml_text)
        print(f"Đã ghi tệp kế hoạch: {args.out} — hãy điền các mục còn thiếu rồi chạy: doithoai check {args.out}")
    else:
        sys.stdout.write(toml_text)
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from db.documents import PublicNaming, get_choices, set_choices
    from db.files import set_mode
    from reports.fonts import FontError
    from reports.printing import print_meeting

    from .open_file import OpenFailed, PrinterUnavailable, print_pdfs

    db = _open(args)
    try:
        meeting_id = _meeting_id(db, args)
        naming = {"ten-tat": PublicNaming.INITIALS, "thon": PublicNaming.HAMLET}.get(args.public or "")
        if args.final or args.draft or naming is not None:
            set_choices(db, meeting_id, notice_final=True if args.final else (False if args.draft else None),
                        public_naming=naming)
        public = get_choices(db, meeting_id).public_naming if args.public is not None else None
        try:
            printed = print_meeting(db, meeting_id, args.out, font=args.font, public=public, parallel=True)
        except FontError as exc:
            print(f"Lỗi phông chữ: {exc}", file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"Không ghi được tệp PDF vào {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    finally:
        db.close()  # before the quick exit: nothing of SQLite's left undone
    if args.share:
        for path in printed.files:
            set_mode(path, share=True)
    for note in printed.warnings:
        print(f"Cảnh báo: {note}", file=sys.stderr)
    for path in printed.files:
        print(path)
    for problem in printed.problems:
        print(problem, file=sys.stderr)
    if args.lp:
        try:
            for job in print_pdfs(list(printed.pdfs)):
                print(job)
        except (PrinterUnavailable, OpenFailed) as exc:
            print(str(exc), file=sys.stderr)
            return 2
    return 1 if printed.problems else 0
