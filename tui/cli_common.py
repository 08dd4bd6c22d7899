"""What every command needs: the database the command line names and the meeting it
acts on. Below cli.py and cli_before.py, so neither imports the other."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.errors import StoreError

from .paths import resolve_db_path


def db_path(args: argparse.Namespace) -> Path:
    return resolve_db_path(getattr(args, "db", None))


def open_store(args: argparse.Namespace):
    from db.connection import open_db  # on demand: `doithoai --help` stays fast

    return open_db(db_path(args))


def meeting_id(db, args: argparse.Namespace) -> int:
    """`--meeting`, else a live meeting, else the last one created."""
    from db.meetings import get_meeting, latest_meeting_id

    chosen = getattr(args, "meeting", None)
    if chosen is None:
        chosen = latest_meeting_id(db)
        if chosen is None:
            raise StoreError("Chưa có hội nghị nào. Tạo bằng: doithoai new KE-HOACH.toml")
    get_meeting(db, chosen)  # NotFound with a clear message
    return chosen
