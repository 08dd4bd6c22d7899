"""Windows: no POSIX-only call on the app's paths, printing and opening files per platform,
settings and data under the user's profile, the double-clickable scripts."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

import tui.open_file as open_file
from db.backup import backup_database
from db.connection import open_db
from db.meetings import end_meeting, start_meeting
from tui import cli, paths, settings

REPO = Path(__file__).resolve().parents[1]
APP_PACKAGES = ("tui", "screens", "intake", "db", "reports")

# Modules and attributes that exist only on POSIX (or mean nothing on Windows).
POSIX_MODULES = {"fcntl", "termios", "tty", "pty", "pwd", "grp", "resource", "posix", "syslog", "crypt"}
POSIX_CALLS = {("os", name) for name in (
    "getuid", "geteuid", "getgid", "getegid", "setuid", "fork", "forkpty", "setsid", "setpgid", "killpg",
    "getpgid", "chown", "lchown", "fchown", "sync", "statvfs", "fstatvfs", "mkfifo", "mknod", "nice",
    "uname", "getloadavg", "sched_getaffinity", "pipe2", "wait3", "wait4", "WNOHANG", "O_NOFOLLOW",
    "chroot", "umask", "fchmod", "lchmod")} | {("signal", name) for name in (
    "SIGKILL", "SIGQUIT", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGCHLD", "SIGPIPE", "alarm", "pause",
    "setitimer", "siginterrupt")}
# Allowed where they are guarded, with the reason.
ALLOWED = {
    ("tui/open_file.py", "start_new_session"): "only on the non-Windows branch (xdg-open/open)",
    ("reports/printing.py", "lp"): "reached through tui.open_file.print_pdfs, which opens the PDFs on Windows",
    ("reports/printing.py", "fork"): "only where _Forked.available() (hasattr(os, 'fork'), not macOS); "
                                     "Windows writes the files one after another",
}


def app_modules() -> list[Path]:
    return sorted(p for package in APP_PACKAGES for p in (REPO / package).rglob("*.py"))


def test_no_posix_only_call_on_the_app_paths():
    problems = []
    for path in app_modules():
        rel = path.relative_to(REPO).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                problems += [f"{rel}:{node.lineno}: import {a.name}" for a in node.names
                             if a.name.split(".")[0] in POSIX_MODULES]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in POSIX_MODULES:
                problems.append(f"{rel}:{node.lineno}: from {node.module} import")
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                if (node.value.id, node.attr) in POSIX_CALLS and (rel, node.attr) not in ALLOWED:
                    problems.append(f"{rel}:{node.lineno}: {node.value.id}.{node.attr}")
                if node.attr in ("chmod",) and not _guarded(tree, node):
                    problems.append(f"{rel}:{node.lineno}: chmod without a Windows guard")
            elif isinstance(node, ast.keyword) and node.arg in ("start_new_session", "preexec_fn", "pass_fds"):
                if (rel, node.arg) not in ALLOWED:
                    problems.append(f"{rel}:{node.lineno}: {node.arg}=")
            elif isinstance(node, ast.Constant) and node.value == "lp" and (rel, "lp") not in ALLOWED:
                problems.append(f"{rel}:{node.lineno}: the lp command")
    assert problems == []


def _guarded(tree: ast.AST, target: ast.AST) -> bool:
    """A chmod inside an `if` that tests the platform (os.name / sys.platform)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and any(target is n for n in ast.walk(node)):
            test = ast.unparse(node.test)
            if "os.name" in test or "sys.platform" in test or "is_windows" in test:
                return True
    return False


def test_the_scanner_finds_what_it_looks_for(tmp_path):
    # The scan above must be able to fail: run its checks on a module that breaks every rule.
    bad = "import fcntl\nimport os, signal\nos.getuid()\nos.kill(1, signal.SIGKILL)\nos.chmod('x', 0o600)\n"
    tree = ast.parse(bad)
    hits = [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
            and (n.value.id, n.attr) in POSIX_CALLS]
    assert {(n.value.id, n.attr) for n in hits} == {("os", "getuid"), ("signal", "SIGKILL")}
    chmod = next(n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "chmod")
    assert not _guarded(tree, chmod)
    guarded = ast.parse("import os\nif os.name != 'nt':\n    os.chmod('x', 0o600)\n")
    assert _guarded(guarded, next(n for n in ast.walk(guarded) if isinstance(n, ast.Attribute) and n.attr == "chmod"))


def test_cli_prints_through_open_file_only():
    source = (REPO / "tui" / "cli_documents.py").read_text(encoding="utf-8")
    assert "send_to_printer" not in source and "print_pdfs" in source


# ---- opening and printing, per platform ------------------------------------------------------

def test_on_windows_print_opens_each_pdf_with_the_default_program(monkeypatch, tmp_path):
    opened = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(open_file.os, "startfile", opened.append, raising=False)
    monkeypatch.setattr(open_file, "send_to_printer", lambda paths: pytest.fail("lp used on Windows"))
    monkeypatch.setattr(open_file.subprocess, "Popen", lambda *a, **k: pytest.fail("a process started"))
    pdfs = [tmp_path / "bien-ban.pdf", tmp_path / "thong-bao.pdf"]
    lines = open_file.print_pdfs(pdfs)
    assert opened == [str(p) for p in pdfs]
    assert lines[0].startswith("Đã mở bien-ban.pdf") and "Ctrl+P" in lines[0]


def test_on_windows_a_file_that_cannot_be_opened_says_so(monkeypatch, tmp_path):
    def refuse(path):
        raise OSError(2, "Không tìm thấy chương trình")

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(open_file.os, "startfile", refuse, raising=False)
    with pytest.raises(open_file.OpenFailed, match="Không mở được a.pdf"):
        open_file.open_file(tmp_path / "a.pdf")


@pytest.mark.parametrize(("platform", "program"), [("linux", "xdg-open"), ("darwin", "open")])
def test_elsewhere_the_desktop_opener_is_used(monkeypatch, tmp_path, platform, program):
    started = []
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(open_file.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(open_file.subprocess, "Popen", lambda args, **kw: started.append(args))
    open_file.open_file(tmp_path / "a.pdf")
    assert started == [[f"/usr/bin/{program}", str(tmp_path / "a.pdf")]]


def test_elsewhere_without_an_opener_the_message_says_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(open_file.shutil, "which", lambda name: None)
    with pytest.raises(open_file.OpenFailed, match="xdg-open"):
        open_file.open_file(tmp_path / "a.pdf")


def test_elsewhere_print_uses_lp(monkeypatch, tmp_path):
    sent = []
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(open_file, "send_to_printer", lambda paths: sent.extend(paths) or ["request id is 1"])
    assert open_file.print_pdfs([tmp_path / "a.pdf"]) == ["request id is 1"]
    assert sent == [tmp_path / "a.pdf"]


def test_doithoai_print_lp_on_windows_opens_the_pdfs(monkeypatch, tmp_path, db_path, capsys):
    opened = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(open_file.os, "startfile", opened.append, raising=False)
    assert cli.main(["print", "--db", str(db_path), "--out", str(tmp_path / "out"), "--lp"]) == 0
    out = capsys.readouterr().out
    assert [Path(p).name for p in opened] == ["bien-ban-2026-06-18-hn1.pdf", "thong-bao-2026-06-18-hn1.pdf"]
    assert all(Path(p).is_file() for p in opened)
    assert "Đã mở bien-ban-2026-06-18-hn1.pdf" in out


# ---- where things are kept -------------------------------------------------------------------

def test_settings_live_in_the_user_config_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(settings.ENV_VAR, raising=False)
    monkeypatch.setattr(settings.platformdirs, "user_config_dir",
                        lambda name, appauthor=None: str(tmp_path / "AppData" / "Local" / name))
    assert settings.default_settings_path() == tmp_path / "AppData" / "Local" / "doithoai" / "settings.json"
    monkeypatch.setenv(settings.ENV_VAR, str(tmp_path / "other"))
    assert settings.default_settings_path() == tmp_path / "other" / "settings.json"


def test_the_data_folder_is_made_under_the_user_profile(monkeypatch, tmp_path):
    made = tmp_path / "AppData" / "Local" / "doithoai"
    monkeypatch.setattr(paths.platformdirs, "user_data_dir", lambda name, appauthor=None: str(made))
    monkeypatch.setattr(sys, "platform", "win32")
    assert paths.default_db_path() == made / "doithoai.db" and made.is_dir()


# ---- the scripts -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["cai-dat.bat", "doi-thoai.bat"])
def test_batch_files_are_crlf_utf8_and_switch_the_console_to_utf8(name):
    data = (REPO / "windows" / name).read_bytes()
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    text = data.decode("utf-8")
    assert not text.startswith("\ufeff")  # a BOM would be read as a command by cmd.exe
    lines = [line for line in text.splitlines() if line and not line.lower().startswith(("@echo", "rem"))]
    assert lines[0] == "chcp 65001 >nul"  # before the first Vietnamese line
    assert "%USERPROFILE%\\.local\\bin" in text  # where uv puts tools, even before PATH is updated


def test_install_script_installs_uv_then_the_app_as_a_tool():
    text = (REPO / "windows" / "cai-dat.bat").read_text(encoding="utf-8")
    assert "irm https://astral.sh/uv/install.ps1 | iex" in text
    assert 'uv tool install --force --python 3.11 "%SOURCE%"' in text
    assert "doithoai-*.whl" in text and "pyproject.toml" in text
    start = (REPO / "windows" / "doi-thoai.bat").read_text(encoding="utf-8")
    assert "wt " in start and "doithoai %*" in start and "WT_SESSION" in start


# Names Windows refuses in a file name, and names it reserves.
WINDOWS_FORBIDDEN = set('<>:"/\\|?*')


def windows_safe(name: str) -> bool:
    return not (set(name) & WINDOWS_FORBIDDEN) and not name.endswith((" ", ".")) \
        and name.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


def test_backup_file_names_are_valid_on_windows(db_path, clock):
    db = open_db(db_path)
    try:
        start_meeting(db, 1, now=clock())
        ended = end_meeting(db, 1, now=clock.advance(minutes=90))
        copy = backup_database(db, label="tay", now=clock())
    finally:
        db.close()
    names = [ended.backup.name, copy.name, "bien-ban-2026-06-18.pdf", "thong-bao-ket-luan-2026-06-18.pdf"]
    assert all(windows_safe(n) for n in names), names
    assert copy.is_file() and copy.parent == db_path.parent
