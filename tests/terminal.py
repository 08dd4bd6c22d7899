"""The real app in a real pseudo-terminal, read back through a terminal emulator (pyte).

`AppTerminal` starts `python -m tui.cli --db PATH` with a pty as its terminal
(TERM=xterm-256color, a fixed size), feeds everything the app paints into a pyte
screen from a reader thread, writes keys as the terminal would send them, and
waits on what the screen shows with bounded polling. `kill()` sends SIGKILL.
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
import unicodedata
from pathlib import Path
from typing import Callable

import pyte

REPO = Path(__file__).resolve().parents[1]

#: What an xterm sends for the keys the app uses.
KEYS = {
    "enter": b"\r", "tab": b"\t", "shift+tab": b"\x1b[Z", "escape": b"\x1b", "backspace": b"\x7f",
    "up": b"\x1b[A", "down": b"\x1b[B", "right": b"\x1b[C", "left": b"\x1b[D",
    "end": b"\x1b[F", "home": b"\x1b[H", "ctrl+end": b"\x1b[1;5F", "ctrl+home": b"\x1b[1;5H",
    "f1": b"\x1bOP", "f2": b"\x1bOQ", "f3": b"\x1bOR", "f4": b"\x1bOS", "f5": b"\x1b[15~",
    "f6": b"\x1b[17~", "f7": b"\x1b[18~", "f8": b"\x1b[19~", "f9": b"\x1b[20~",
    **{f"ctrl+{c}": bytes([ord(c) - 96]) for c in "abcdefghijklmnopqrstuvwxyz"},
}

_WS = re.compile(r"\s+")

#: Run by the child before it becomes the app: take the pty as controlling terminal.
_TAKE_TTY = ("import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
             "os.execv(sys.argv[1], sys.argv[1:])")


def squash(text: str) -> str:
    """NFC with every whitespace run removed: compares text however the screen wrapped it."""
    return _WS.sub("", unicodedata.normalize("NFC", text))


#: What the app asks when Ctrl+Q is pressed during a live meeting.
QUIT_QUESTION = "Thoát khi hội nghị đang diễn ra?"

class ScreenTimeout(AssertionError):
    pass


class AppTerminal:
    """One run of the app in a pty. Not reusable: start a new one after `kill()`."""

    def __init__(self, args: list[str], *, cols: int = 120, rows: int = 40, env: dict | None = None,
                 cwd: Path = REPO):
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self._lock = threading.Lock()
        self.output = bytearray()  # everything the app wrote, for post-mortems
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        full_env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "PYTEST"))}
        full_env.update(TERM="xterm-256color", COLUMNS=str(cols), LINES=str(rows), LANG="C.UTF-8",
                        PYTHONUNBUFFERED="1", PYTHONPATH=str(REPO))
        full_env.update(env or {})
        # A session of its own with the pty as its controlling terminal, as in a real
        # terminal: if the test dies, closing the pty hangs the app up (SIGHUP).
        self.proc = subprocess.Popen([sys.executable, "-c", _TAKE_TTY, *args], stdin=slave, stdout=slave,
                                     stderr=slave, cwd=cwd, env=full_env, start_new_session=True, close_fds=True)
        os.close(slave)
        self.fd = master
        self.started = time.monotonic()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @classmethod
    def doithoai(cls, db_path: Path, *extra: str, **kwargs) -> "AppTerminal":
        return cls([sys.executable, "-m", "tui.cli", "--db", str(db_path), *extra], **kwargs)

    # -- output -------------------------------------------------------------------

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO: the child is gone and the pty closed
                return
            if not data:
                return
            with self._lock:
                self.output += data
                self.stream.feed(data)

    def lines(self) -> list[str]:
        with self._lock:
            return list(self.screen.display)

    def text(self) -> str:
        return "\n".join(self.lines())

    def flat(self) -> str:
        """The screen with all whitespace removed (toasts wrap long messages)."""
        return squash(self.text())

    def shows(self, text: str) -> bool:
        return squash(text) in self.flat()

    def wait_until(self, predicate: Callable[[], object], what: str, timeout: float = 15.0,
                   poll: float = 0.02):
        """Poll `predicate` until it returns something true; its value. Bounded."""
        end = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > end:
                raise ScreenTimeout(f"after {timeout} s the screen still does not show {what}:\n"
                                    + self.text() + self._exit_note())
            if self.proc.poll() is not None and not self._reader.is_alive():
                raise ScreenTimeout(f"the app exited ({self.proc.returncode}) while waiting for {what}:\n"
                                    + self.text() + "\n" + self.tail())
            time.sleep(poll)

    def wait_for(self, text: str, timeout: float = 15.0) -> None:
        self.wait_until(lambda: self.shows(text), repr(text), timeout)

    def _exit_note(self) -> str:
        code = self.proc.poll()
        return "" if code is None else f"\n(the app exited with {code})"

    def tail(self, n: int = 3000) -> str:
        with self._lock:
            return bytes(self.output[-n:]).decode("utf-8", "replace")

    # -- input --------------------------------------------------------------------

    def send(self, data: bytes | str) -> None:
        os.write(self.fd, data.encode() if isinstance(data, str) else data)

    def press(self, *names: str) -> None:
        for name in names:
            self.send(KEYS[name])

    # -- ending -------------------------------------------------------------------

    def kill(self) -> None:
        """SIGKILL: no cleanup, no flush, as when the battery dies."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._finish()

    def quit(self, timeout: float = 10.0) -> int:
        """Ctrl+Q (and Enter when a live meeting asks first), then wait for the process
        to end (killed if it does not)."""
        if self.proc.poll() is None:
            self.press("ctrl+q")
            try:
                self.wait_until(lambda: self.proc.poll() is not None or self.shows(QUIT_QUESTION),
                                "the app leaving or asking", timeout)
            except ScreenTimeout:
                pass
            if self.proc.poll() is None and self.shows(QUIT_QUESTION):
                self.press("enter")
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise
        self._finish()
        return code

    def wait_exit(self, timeout: float = 15.0) -> int:
        code = self.proc.wait(timeout=timeout)
        self._finish()
        return code

    def _finish(self) -> None:
        self._reader.join(timeout=5)
        try:
            os.close(self.fd)
        except OSError:
            pass

    def __enter__(self) -> "AppTerminal":
        return self

    def __exit__(self, *exc) -> None:
        if self.proc.poll() is None:
            self.kill()
        else:
            self._finish()
