"""The command line: `doithoai [--db PATH] [COMMAND ...]`. Messages in Vietnamese.

Exit codes: 0 done, 1 a check found a difference (verify) or rows were unreadable
(import-before), 2 an error the user can fix (bad plan, unreadable database, unknown
meeting), 3 a fault of the program (details in a file; tui/cli_errors.py).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path
from typing import NoReturn

from db.errors import DatabaseUnavailable, StoreError

from .cli_before import add_parser as add_import_before
from .cli_before import cmd_import_before
from .cli_common import db_path as _db_path, meeting_id as _meeting_id, open_store as _open  # noqa: F401
from .cli_errors import argparse_message, crash_report, damaged
from .cli_follow import add_parser as add_follow
from .cli_follow import cmd_follow
from .cli_report import add_parser as add_report
from .cli_report import cmd_report
from .cli_documents import cmd_import_plan, cmd_print
from .cli_seal import cmd_history, cmd_reopen, cmd_seal, cmd_verify

DEMO_PLAN = Path(__file__).resolve().parent.parent / "db" / "demo" / "ke-sat-2026.toml"


def _version() -> str:
    from importlib import metadata  # only for --version: reading it costs every start ~20 ms

    try:
        return metadata.version("doithoai")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a checkout
        return "0+checkout"


class _VersionAction(argparse._VersionAction):
    """--version, the version read only when asked for."""

    @property
    def version(self) -> str:
        return f"doithoai {_version()}"

    @version.setter
    def version(self, value) -> None:
        pass


class _Formatter(argparse.HelpFormatter):
    """argparse's own words in Vietnamese, so the help speaks one language."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words (help, usage, error prefix) are Vietnamese."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="in hướng dẫn này rồi thoát")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {argparse_message(message)}; xem: {self.prog} --help\n")


def _common() -> argparse.ArgumentParser:
    """Options every command accepts, before or after the command name."""
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="TỆP", default=argparse.SUPPRESS,
                        help="tệp dữ liệu SQLite (mặc định: $DOITHOAI_DB, hoặc thư mục dữ liệu người dùng)")
    return common


def _meeting_opt(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--meeting", metavar="SỐ", type=int, default=None,
                        help="số hội nghị (mặc định: hội nghị đang diễn ra hoặc mới nhất)")


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = _Parser(
        prog="doithoai", parents=[common],
        description="Ghi biên bản hội nghị tiếp xúc, đối thoại trực tiếp với Nhân dân. "
                    "Không có lệnh: mở ứng dụng.")
    parser.add_argument("--version", action=_VersionAction,
                        help="in phiên bản rồi thoát")
    parser._optionals.title = "tùy chọn"
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", title="các lệnh",
                                parser_class=_Parser)

    p = sub.add_parser("open", parents=[common], help="mở ứng dụng (mặc định)")
    _meeting_opt(p)
    p = sub.add_parser("new", parents=[common], help="tạo hội nghị từ tệp kế hoạch, in số hội nghị")
    p.add_argument("plan", metavar="KE-HOACH.toml")
    sub.add_parser("list", parents=[common], help="liệt kê các hội nghị")
    p = sub.add_parser("check", parents=[common], help="kiểm tra tệp kế hoạch (lỗi in dạng tệp:dòng: nội dung)")
    p.add_argument("plan", metavar="KE-HOACH.toml")
    p = sub.add_parser("export", parents=[common], help="xuất toàn bộ hội nghị ra JSON")
    _meeting_opt(p)
    p.add_argument("--out", metavar="TỆP", help="ghi vào tệp thay vì màn hình")
    p.add_argument("--journal", action="store_true", help="kèm nhật ký thay đổi")
    p = sub.add_parser("import", parents=[common], help="tạo hội nghị từ tệp JSON đã xuất")
    p.add_argument("file", metavar="TỆP.json")
    p = sub.add_parser("chair", parents=[common], help="màn hình cho chủ trì (chỉ đọc)")
    _meeting_opt(p)
    p = sub.add_parser("import-plan", parents=[common],
                       help="đọc văn bản kế hoạch (.docx, .txt), viết ra tệp kế hoạch TOML để hoàn thiện")
    p.add_argument("file", metavar="KE-HOACH.docx")
    p.add_argument("--out", metavar="KE-HOACH.toml", help="ghi tệp kế hoạch (mặc định: in ra màn hình)")
    add_import_before(sub, common)
    p = sub.add_parser("print", parents=[common],
                       help="in biên bản và thông báo kết luận ra PDF và Word (.docx)")
    _meeting_opt(p)
    p.add_argument("--out", metavar="THƯ-MỤC", default=".",
                   help="thư mục ghi tệp PDF và Word (mặc định: thư mục hiện tại)")
    p.add_argument("--font", metavar="TỆP", help="tệp phông chữ TTF (kiểu thường) để in")
    p.add_argument("--lp", action="store_true", help="gửi luôn đến máy in bằng lệnh lp (trên Windows: mở tệp PDF bằng chương trình mặc định để in)")
    final = p.add_mutually_exclusive_group()
    final.add_argument("--final", action="store_true",
                       help="thông báo kết luận là bản chính thức (bỏ chữ DỰ THẢO); lựa chọn được lưu lại")
    final.add_argument("--draft", action="store_true", help="in lại thông báo kết luận dạng DỰ THẢO (lưu lại)")
    p.add_argument("--public", nargs="?", const="", choices=["", "ten-tat", "thon"], metavar="ten-tat|thon",
                   help="chỉ in thông báo bản công khai (niêm yết, phát thanh): công dân ghi bằng danh xưng, "
                        "tên viết tắt và thôn (ten-tat) hoặc 'cử tri thôn ...' (thon); lựa chọn được lưu lại")
    p.add_argument("--share", action="store_true",
                   help="cho mọi người trên máy đọc các tệp in ra (0644, để niêm yết); mặc định chỉ chủ tệp (0600)")
    p = sub.add_parser("history", parents=[common],
                       help="nhật ký mọi thay đổi của biên bản (mỗi dòng mở đầu bằng số dòng nhật ký)")
    _meeting_opt(p)
    p.add_argument("--opinion", metavar="N", type=int, help="chỉ các thay đổi của ý kiến số N")
    p = sub.add_parser("seal", parents=[common], help="niêm phong biên bản hội nghị đã kết thúc")
    _meeting_opt(p)
    p = sub.add_parser("verify", parents=[common],
                       help="kiểm tra biên bản và nhật ký còn khớp niêm phong (mã thoát 1 nếu không khớp)")
    _meeting_opt(p)
    p.add_argument("--seal", metavar="MÃ", help="mã niêm phong in trên bản giấy đã ký (64 chữ số hex)")
    p = sub.add_parser("reopen", parents=[common], help="mở niêm phong để sửa (ghi nhật ký)")
    _meeting_opt(p)
    p.add_argument("--reason", metavar="LÝ-DO", required=True, help="lý do mở niêm phong")
    add_follow(sub, common)
    add_report(sub, common)
    for sp in sub.choices.values():
        sp._optionals.title = "tùy chọn"
        sp._positionals.title = "tham số"
    return parser



def main(argv: list[str] | None = None) -> int:
    """Run one command. Exit 0 done, 1 a check found a difference (verify) or some rows
    were unreadable (import-before), 2 an error the user can fix (one Vietnamese
    sentence), 3 a fault of the program (one sentence; the details go to a file)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "open"
    code = _run(COMMANDS[command], args)
    if argv is None and command in QUICK_EXIT:  # the program itself, not a caller in Python
        _exit_now(code)
    return code


#: Commands that, run as the program, leave without the interpreter's clean-up.
QUICK_EXIT = frozenset({"print"})


def _exit_now(code: int) -> NoReturn:
    """Leave at once: freeing a printed meeting's objects one by one (a 50-page layout,
    fonts, lxml trees) takes the interpreter ~0.1 s after the work is done. The command
    has closed its files and its database; only our own output buffers remain."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader went away: nothing more to say
            pass
    os._exit(code)


def _run(handler, args: argparse.Namespace) -> int:
    """The command's exit code, its errors turned into one sentence and a code."""
    try:
        return handler(args) or 0
    except DatabaseUnavailable as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        return 2
    except sqlite3.Error as exc:  # a damaged file found while reading it
        from db.connection import describe_sqlite_error

        print(describe_sqlite_error(exc, _db_path(args)), file=sys.stderr)
        return 2
    except UnicodeDecodeError:  # text in the database damaged on disk
        print(f"Tệp dữ liệu {_db_path(args)} bị hỏng (có chữ không đọc được); hãy dùng bản sao lưu.",
              file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"Không đọc/ghi được tệp {exc.filename or ''}: {exc.strerror or exc}.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug, or a file damaged in a way SQLite did not notice
        if damaged(_db_path(args)):
            print(f"Tệp dữ liệu {_db_path(args)} bị hỏng; hãy dùng bản sao lưu.", file=sys.stderr)
            return 2
        print(f"Lỗi ngoài dự kiến của chương trình ({type(exc).__name__}); chi tiết đã ghi vào "
              f"{crash_report()} — hãy gửi tệp này cho người hỗ trợ.", file=sys.stderr)
        return 3


# -- commands ---------------------------------------------------------------------

def ensure_demo(db) -> int | None:
    """The first time (no meeting at all), create the built-in demo meeting; its id."""
    from db.meetings import create_meeting, list_meetings
    from intake.plan_file import load_plan

    if list_meetings(db):
        return None
    return create_meeting(db, load_plan(DEMO_PLAN))


def cmd_open(args: argparse.Namespace) -> int:
    from db.backup import ensure_backups

    from .app import build_app
    from .settings import default_settings_path

    db = _open(args)
    ensure_demo(db)
    notes = ensure_backups(db)
    for note in notes:  # also left on the terminal after the app closes
        print(note, file=sys.stderr)
    app = build_app(_db_path(args), db=db, meeting_id=getattr(args, "meeting", None), notes=notes,
                    settings_path=default_settings_path())
    app.run()
    return app.return_code or 0


def _load_plan(path: str):
    """The plan, or None after printing its problems as `file:line: message`."""
    from intake.plan_file import PlanError, load_plan

    try:
        return load_plan(path)
    except PlanError as exc:
        print("\n".join(exc.lines()), file=sys.stderr)
        return None


def cmd_new(args: argparse.Namespace) -> int:
    from db.meetings import create_meeting

    plan = _load_plan(args.plan)
    if plan is None:
        return 2
    db = _open(args)
    print(create_meeting(db, plan))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from db.meetings import list_meetings
    from db.models import MEETING_STATUS_LABELS

    meetings = list_meetings(_open(args))
    if not meetings:
        print("Chưa có hội nghị nào.")
    for m in meetings:
        print(f"{m.id}\t{m.date}\t{MEETING_STATUS_LABELS[m.status]}\t{m.title}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    plan = _load_plan(args.plan)
    if plan is None:
        return 2
    steps = len(plan.programme)
    print(f"{args.plan}: hợp lệ — {plan.title} ({plan.date:%d/%m/%Y}, {steps} bước chương trình, "
          f"{len(plan.chairs)} chủ trì, {len(plan.before)} ý kiến trước hội nghị)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from db.exchange import dumps, export_meeting
    from db.files import prepare_folder, write_text

    if args.out:
        prepare_folder(args.out)  # a bad output path is refused before anything is read
    db = _open(args)
    text = dumps(export_meeting(db, _meeting_id(db, args), include_journal=args.journal))
    if args.out:
        write_text(args.out, text)
        print(args.out)
    else:
        sys.stdout.write(text)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from db.exchange import ExchangeError, import_meeting
    from intake.export_file import ExportFileError, read_export

    try:
        doc = read_export(args.file)
    except ExportFileError as exc:
        print("\n".join(exc.lines()), file=sys.stderr)
        return 2
    try:
        db = _open(args)
        print(import_meeting(db, doc))
    except ExchangeError as exc:
        print(f"{args.file}: {exc.message}; không có gì thay đổi.", file=sys.stderr)
        return 2
    return 0


def cmd_chair(args: argparse.Namespace) -> int:
    from .chair_app import build_chair_app

    app = build_chair_app(_db_path(args), meeting_id=args.meeting)
    app.run()
    return 0


COMMANDS = {
    "open": cmd_open, "new": cmd_new, "list": cmd_list, "check": cmd_check,
    "export": cmd_export, "import": cmd_import, "chair": cmd_chair,
    "import-plan": cmd_import_plan, "import-before": cmd_import_before, "print": cmd_print,
    "history": cmd_history, "seal": cmd_seal, "verify": cmd_verify, "reopen": cmd_reopen,
    "follow": cmd_follow, "report": cmd_report,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
