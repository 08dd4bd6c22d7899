"""How the command line fails: argparse's messages in Vietnamese, a damaged store told
apart from a fault of the program, and the fault's details kept in a file to send."""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import traceback
from pathlib import Path


#: argparse's own error messages, and how they read in Vietnamese.
_ARGPARSE_MESSAGES = [
    (re.compile(r"the following arguments are required: (.*)"), r"thiếu tham số \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"không hiểu tham số \1"),
    (re.compile(r"argument (\S+): invalid int value: (.*)"), r"\1 phải là số nguyên, không phải \2"),
    (re.compile(r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)"),
     r"\1: không có \2 (chọn một trong: \3)"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1 cần một giá trị đi kèm"),
    (re.compile(r"ambiguous option: (\S+) could match (.*)"), r"tùy chọn \1 có thể là \2; hãy viết đủ"),
]


def argparse_message(message: str) -> str:
    """argparse's English error message in Vietnamese (unknown ones unchanged)."""
    for pattern, replacement in _ARGPARSE_MESSAGES:
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message)
    return message


def damaged(path: Path) -> bool:
    """True when the store fails SQLite's integrity check (read-only look)."""
    try:
        if not path.is_file():
            return False
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return True


def crash_report() -> str:
    """Write the current exception's traceback to a private temporary file; its path."""
    fd, path = tempfile.mkstemp(prefix="doithoai-loi-", suffix=".txt")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        traceback.print_exc(file=handle)
    return path
