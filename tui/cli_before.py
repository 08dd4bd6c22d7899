"""`doithoai import-before FILE [--meeting ID] [--yes]`: opinions gathered before the
meeting, from a CSV or Excel sheet. Without --yes it only shows how it reads the file;
with --yes it imports the rows it can read (a second import adds nothing).

Output: how each column was understood and each readable row on standard output; each
row that cannot be read on standard error as `FILE:ROW: reason` (like `doithoai check`).
Exit codes: 0 every row read; 1 some rows could not be read (the others are imported
with --yes); 2 the file cannot be read at all, or the meeting does not exist.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli_common import meeting_id as _meeting_id, open_store as _open


def add_parser(sub, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The sub-command, for tui.cli.build_parser (`sub` is its subparsers object)."""
    p = sub.add_parser("import-before", parents=[common],
                       help="nhập ý kiến thu thập trước hội nghị từ tệp CSV hoặc Excel "
                            "(không có --yes: chỉ xem trước)")
    p.add_argument("file", metavar="TỆP", help="tệp .csv hoặc .xlsx (STT, Họ tên, Địa chỉ, Lĩnh vực, "
                                                "Nội dung, Trả lời …)")
    p.add_argument("--meeting", metavar="SỐ", type=int, default=None,
                   help="số hội nghị (mặc định: hội nghị đang diễn ra hoặc mới nhất)")
    p.add_argument("--yes", action="store_true", help="nhập các dòng đọc được")
    return p


def cmd_import_before(args: argparse.Namespace) -> int:
    from db.before import import_before, mark_existing, meeting_fields
    from intake.before_import import (
        KEYS, preview_before, stt_of,
    )
    from intake.before_sheet import SheetError
    from db.vocabulary import outcome_label

    db = _open(args)
    meeting_id = _meeting_id(db, args)
    name = Path(args.file).name
    try:
        preview = mark_existing(db, meeting_id, preview_before(args.file, meeting_fields(db, meeting_id)))
    except SheetError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    print(f"{name} ({preview.detail}) → hội nghị số {meeting_id}")
    if preview.header_row is None:
        for problem in preview.problems:
            print(f"{args.file}: {problem.message}", file=sys.stderr)
        return 2
    print(f"Các cột (tiêu đề ở dòng {preview.header_row}):")
    for use in preview.columns:
        understood = KEYS[use.key] if use.key else f"bỏ qua ({use.note})"
        print(f"  {use.letter:<3} {_line(use.header, 30):<30} → {understood}")
    new = preview.new_rows
    print(f"Đọc được {len(preview.rows)} dòng: {len(new)} mới, {len(preview.rows) - len(new)} đã có.")
    for row in preview.rows:
        item = row.item
        state = "đã có" if item.key in preview.existing else "mới"
        who = " ".join(filter(None, [item.author, f"({item.address})" if item.address else None])) or "—"
        outcome = outcome_label(item.outcome)
        key = f"STT {stt_of(item.key)} · " if stt_of(item.key) else ""
        print(f"  dòng {row.row} [{state}] {key}{_line(who, 40)} · {item.field or 'chưa phân loại'} · "
              f"{outcome} · {_line(item.content, 60)}")
    for problem in preview.problems:
        print(f"{args.file}:{problem.row}: {problem.message}", file=sys.stderr)
    if not args.yes:
        print(f"Chưa nhập gì. Thêm --yes để nhập {len(new)} ý kiến mới." if new else "Không có ý kiến mới để nhập.")
    elif new:
        inserted, skipped = import_before(db, meeting_id, [r.item for r in new])
        print(f"Đã nhập {inserted} ý kiến; {skipped} ý kiến đã có từ trước, bỏ qua.")
    else:
        print("Không có ý kiến mới để nhập.")
    return 1 if preview.problems else 0


def _line(text: str | None, width: int) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= width else line[: width - 1] + "…"
