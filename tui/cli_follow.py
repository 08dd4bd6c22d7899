"""`doithoai follow [--meeting ID] [--overdue] [--agency TEXT] [--json] [--today DATE]`:
the assignments followed after the meetings, most urgent first, with their flags
(Quá hạn / Sắp đến hạn / Trong hạn), and the plan's tasks after each meeting.

`--letters --agency TEXT [--out FOLDER]` writes the reminders (công văn đôn đốc).
Exit codes: 0 done; 2 an error the user can fix (unknown agency or meeting, bad date).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from pathlib import Path

from typing import TYPE_CHECKING

from db.clock import system_clock
from db.connection import open_db
from db.errors import StoreError
from db.vndate import dmy
from db.meetings import get_meeting, list_meetings
from db.opinions import get_opinion_by_number

from .paths import resolve_db_path

if TYPE_CHECKING:
    from db.followup_list import FollowItem, TaskItem

#: The follow-up's store modules (db.followup, db.followup_list, db.followup_journal,
#: db.workdays) are imported inside the functions that use them: `doithoai` without a
#: command (the meeting screen) builds this parser and needs none of them.

#: LAZY: the print pipeline (reports.carry_over, reports.reminders: reportlab and
#: python-docx) is imported inside the two commands that write documents, like every
#: printing command in tui/cli.py, not for a cycle (there is none: tui -> reports) but
#: for start-up time: at the top it would be loaded by every `doithoai` run, and
#: `doithoai --help` measured 309 ms -> 613 ms (fastest of 12; medians 362 -> 843 ms).


def add_parser(sub, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("follow", parents=[common],
                       help="theo dõi việc giao giải quyết sau hội nghị (quá hạn, sắp đến hạn, trong hạn)")
    p.add_argument("--meeting", metavar="SỐ", type=int, default=None, help="chỉ một hội nghị (mặc định: tất cả)")
    p.add_argument("--overdue", action="store_true", help="chỉ các việc quá hạn")
    p.add_argument("--agency", metavar="CƠ-QUAN", help="chỉ các việc giao cơ quan này (không phân biệt hoa thường, dấu)")
    p.add_argument("--all", action="store_true", help="kèm cả các việc đã trả lời")
    p.add_argument("--json", action="store_true", help="in dạng JSON cho máy đọc")
    p.add_argument("--today", metavar="NGÀY", help="tính hạn theo ngày này, dạng 30/06/2026 (mặc định: hôm nay)")
    p.add_argument("--letters", action="store_true",
                   help="viết công văn đôn đốc (DOCX và PDF) cho cơ quan chỉ định bằng --agency")
    p.add_argument("--summary", action="store_true",
                   help="in kết quả giải quyết kiến nghị của hội nghị --meeting (DOCX và PDF) cho hội nghị sau")
    p.add_argument("--out", metavar="THƯ-MỤC", default=".", help="thư mục ghi tệp (mặc định: thư mục hiện tại)")
    p.add_argument("--repeat", metavar="N", type=int,
                   help="ý kiến số N của hội nghị --meeting nêu lại một ý kiến cũ (cùng --of)")
    p.add_argument("--of", metavar="HN:SỐ", help="ý kiến cũ mà nó nêu lại: số hội nghị:số ý kiến, ví dụ 3:12")
    p.add_argument("--assign", metavar="N", type=int,
                   help="chủ trì giao sau hội nghị ý kiến số N của hội nghị --meeting (cùng --agency, --deadline)")
    p.add_argument("--deadline", metavar="HẠN", help="thời hạn: 30/06/2026 hoặc '10 ngày làm việc'")
    p.add_argument("--check", action="store_true",
                   help="kiểm tra chuỗi băm của nhật ký theo dõi (mã thoát 1 nếu bị sửa ngoài chương trình)")
    return p


def parse_today(text: str | None) -> date:
    from db.workdays import parse_deadline

    if not text:
        return system_clock().date()
    value = parse_deadline(text, system_clock().date(), label="--today")
    assert value is not None
    return value


def agency_filter(db, typed: str | None, *, several: bool = True) -> str | None:
    """The --agency filter (db.followup_list.resolve_agency, the one matching used by the
    list and by the letters): the stored spelling, said on stderr when it differs."""
    from db.followup_list import resolve_agency

    if not typed:
        return None
    choice = resolve_agency(db, typed, several=several)
    if choice.note:
        print(choice.note, file=sys.stderr)
    return choice.name


def cmd_follow(args: argparse.Namespace) -> int:
    from db.followup_list import list_items

    db = open_db(resolve_db_path(getattr(args, "db", None)))
    today = parse_today(args.today)
    if args.meeting is not None:
        get_meeting(db, args.meeting)
    if args.assign is not None:
        return _assign(db, args, today)
    if args.check:
        return _check(db, args.meeting)
    # a list may show several agencies a partial name fits; a letter goes to one
    agency = agency_filter(db, args.agency, several=not args.letters)
    if args.repeat is not None:
        return _link(db, args)
    if args.summary:
        if args.meeting is None:
            raise StoreError("Cần chỉ định hội nghị bằng --meeting để in kết quả giải quyết kiến nghị.")
        from reports.carry_over import write_carry_over  # deferred: see LAZY above

        for path in write_carry_over(db, args.meeting, today, Path(args.out)):
            print(path)
        return 0
    if args.letters:
        return _letters(db, args, agency, today)
    items = list_items(db, today, meeting_id=args.meeting, agency=agency,
                       open_only=not args.all, overdue_only=args.overdue)
    meeting_tasks = [] if args.agency else _tasks(db, args.meeting, today, args.overdue)
    if args.json:
        doc = {"today": today.isoformat(), "items": [item_json(i) for i in items],
               "tasks": [task_json(t) for t in meeting_tasks]}
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return 0
    print(f"Theo dõi việc giao giải quyết, tính đến ngày {today:%d/%m/%Y}")
    if not items:
        print("Không có việc nào." if not args.overdue else "Không có việc nào quá hạn.")
    for item in items:
        print(format_item(item))
    if meeting_tasks:
        print("\nNhiệm vụ sau hội nghị:")
        for t in meeting_tasks:
            print(format_task(t, db))
    print("\n" + summary(items))
    return 0


def _tasks(db, meeting_id: int | None, today: date, overdue_only: bool) -> list[TaskItem]:
    from db.followup import Flag
    from db.followup_list import open_tasks

    found = open_tasks(db, today, meeting_id)
    return [t for t in found if t.flag is Flag.OVERDUE] if overdue_only else found


def _dmy(iso: str | None) -> str:
    return dmy(iso) or "—"


def format_item(i: FollowItem) -> str:
    from db.followup import State

    head = f"[{i.flag_text}] hạn {_dmy(i.deadline)} · {i.agency}"
    where = f"Hội nghị {i.meeting_id} ({_dmy(i.meeting_date)}), ý kiến số {i.number}"
    if i.field:
        where += f", {i.field}"
    lines = [head, f"    {where}", f"    {_short(i.content)}"]
    if i.state.answered or i.state is State.REVIEWING:
        lines.append(f"    {i.state.label}" + (f" — {i.answer_reference}" if i.answer_reference else ""))
    if i.repeated_in:
        lines.append("    Nêu lại tại hội nghị ngày " + "; ".join(i.repeated_in))
    return "\n".join(lines)


def format_task(t: TaskItem, db) -> str:
    from db.followup import Flag

    flag = t.flag.label if t.flag else "Đã xong"
    if t.flag is Flag.OVERDUE and t.days:
        flag += f" {t.days} ngày làm việc"
    return f"[{flag}] hạn {_dmy(t.due)} · Hội nghị {t.meeting_id}: {t.task}"


def summary(items: list[FollowItem]) -> str:
    from db.followup import Flag

    counts = {f: sum(1 for i in items if i.flag is f) for f in Flag}
    answered = sum(1 for i in items if i.flag is None)
    parts = [f"{counts[f]} {f.label.lower()}" for f in Flag]
    if answered:
        parts.append(f"{answered} đã trả lời")
    return f"{len(items)} việc: " + ", ".join(parts) + "."


def _short(text: str, width: int = 110) -> str:
    one = " ".join(text.split())
    return one if len(one) <= width else one[: width - 1] + "…"


def item_json(i: FollowItem) -> dict:
    return {
        "meeting": {"id": i.meeting_id, "title": i.meeting_title, "date": i.meeting_date},
        "number": i.number, "content": i.content, "field": i.field, "locality": i.locality,
        "author": i.author, "outcome": i.outcome.value if i.outcome else None, "agency": i.agency,
        "deadline": i.deadline, "state": i.state.value, "state_label": i.state.label,
        "flag": i.flag.value if i.flag else None, "flag_label": i.flag_text,
        "working_days": i.days, "assigned_later": i.assigned_later, "repeats": i.repeats,
        "repeated_in": list(i.repeated_in),
        "answer": None if not i.doc_date else {
            "number": i.doc_number, "date": i.doc_date, "signer": i.signer, "agency": i.answer_agency,
            "summary": i.summary, "file": i.file_path, "reason": i.reason},
    }


def task_json(t: TaskItem) -> dict:
    return {"meeting": t.meeting_id, "task": t.task, "due": t.due, "done_on": t.done_on,
            "flag": t.flag.value if t.flag else None, "working_days": t.days}


def _check(db, meeting_id: int | None) -> int:
    from db import followup_journal

    ids = [meeting_id] if meeting_id is not None else [m.id for m in list_meetings(db)]
    broken = False
    checked = 0
    for mid in sorted(ids):
        rows = followup_journal.entries(db, mid)
        if not rows:
            continue
        checked += 1
        at = followup_journal.first_break(rows)
        if at is None:
            print(f"Hội nghị {mid}: nhật ký theo dõi nguyên vẹn ({len(rows)} dòng).")
        else:
            broken = True
            print(f"Hội nghị {mid}: nhật ký theo dõi bị sửa ngoài chương trình từ dòng {at + 1} "
                  f"({len(rows)} dòng).")
    if not checked:
        where = f"Hội nghị {meeting_id}: nhật ký" if meeting_id is not None else "Nhật ký"
        print(f"{where} theo dõi chưa có dòng nào (chưa ghi gì sau hội nghị); không có gì bị sửa.")
    return 1 if broken else 0


def _assign(db, args: argparse.Namespace, today: date) -> int:
    from db.followup import assign_later
    from db.followup_list import match_agency

    if args.meeting is None or not args.agency or not args.deadline:
        raise StoreError("Cần --meeting, --assign N, --agency CƠ-QUAN và --deadline HẠN.")
    found = match_agency(db, args.agency)
    agency = found.known or args.agency
    if found.known and found.known != args.agency.strip():
        print(f"Hiểu là cơ quan: {found.known}", file=sys.stderr)
    opinion = get_opinion_by_number(db, args.meeting, args.assign)
    due = assign_later(db, opinion.id, agency, args.deadline,
                       now=datetime.combine(today, system_clock().time()))
    print(f"Đã giao ý kiến số {args.assign} cho {agency}, hạn {dmy(due)}.")
    return 0


def _link(db, args: argparse.Namespace) -> int:
    from db.followup import link_repeat

    if args.meeting is None or not args.of or ":" not in args.of:
        raise StoreError("Cần --meeting, --repeat N và --of HN:SỐ (ví dụ --of 3:12).")
    try:
        earlier_meeting, earlier_number = (int(x) for x in args.of.split(":", 1))
    except ValueError:
        raise StoreError(f"--of: '{args.of}' phải dạng số hội nghị:số ý kiến, ví dụ 3:12") from None
    opinion = get_opinion_by_number(db, args.meeting, args.repeat)
    earlier = get_opinion_by_number(db, earlier_meeting, earlier_number)
    link_repeat(db, opinion.id, earlier.id)
    print(f"Đã ghi: ý kiến số {args.repeat} của hội nghị {args.meeting} nêu lại ý kiến số {earlier_number} "
          f"của hội nghị {earlier_meeting}.")
    return 0


def _letters(db, args: argparse.Namespace, agency: str | None, today: date) -> int:
    if not agency:
        raise StoreError("Cần chỉ định cơ quan bằng --agency để viết công văn đôn đốc.")
    from reports.reminders import write_reminders  # deferred: see LAZY above

    written = write_reminders(db, agency, today, Path(args.out))
    if not written:
        print(f"Cơ quan {agency} không còn việc nào chưa trả lời; không cần đôn đốc.")
    for path in written:
        print(path)
    return 0
