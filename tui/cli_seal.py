"""`doithoai history | seal | verify | reopen`: the journal and the seal, on the command line.

Exit codes: 0 done, 1 `verify` found a difference; errors as in tui/cli.py.
"""

from __future__ import annotations

import argparse

from .cli_common import meeting_id as _meeting_id, open_store as _open


def cmd_history(args: argparse.Namespace) -> int:
    from db.history import describe
    from db.journal import history
    from db.opinions import get_opinion_by_number

    db = _open(args)
    meeting_id = _meeting_id(db, args)
    if args.opinion is not None:
        opinion = get_opinion_by_number(db, meeting_id, args.opinion)
        entries = history(db, meeting_id, entity="opinion", entity_id=opinion.id)
    else:
        entries = history(db, meeting_id)
    for entry in entries:
        print(f"{entry.seq or '':>4}  {entry.at.replace('T', ' ')}  {describe(entry)}")
    return 0


def cmd_seal(args: argparse.Namespace) -> int:
    from db.seal import seal_meeting

    db = _open(args)
    digest = seal_meeting(db, _meeting_id(db, args))
    print(f"Đã niêm phong. SHA-256: {digest}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from db.seal import verify

    db = _open(args)
    verdict = verify(db, _meeting_id(db, args), paper=args.seal)
    print("\n".join(verdict.lines()))
    return 0 if verdict.ok else 1


def cmd_reopen(args: argparse.Namespace) -> int:
    from db.seal import reopen_meeting

    db = _open(args)
    reopen_meeting(db, _meeting_id(db, args), args.reason)
    print("Đã mở niêm phong; việc này được ghi vào nhật ký và hiện trên biên bản.")
    return 0
