"""Open a file with the user's default program, and print PDFs, on Windows, macOS and Linux.

Windows has no `lp`: printing there opens each PDF with the default PDF program (the
secretary prints from it, Ctrl+P). Elsewhere printing goes through `lp` (CUPS).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from reports.printing import PrinterUnavailable, send_to_printer


class OpenFailed(Exception):
    """The file could not be opened; the message says so in Vietnamese."""


def is_windows() -> bool:
    return sys.platform == "win32"


def open_file(path: str | Path) -> None:
    """Open `path` with the default program, without waiting for it. Raises OpenFailed."""
    path = Path(path)
    try:
        if is_windows():
            os.startfile(str(path))  # type: ignore[attr-defined]  # exists only on Windows
            return
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        program = shutil.which(opener)
        if program is None:
            raise OpenFailed(f"Không mở được {path.name}: máy này không có lệnh {opener}; hãy mở tệp bằng tay.")
        subprocess.Popen([program, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        raise OpenFailed(f"Không mở được {path.name}: {exc.strerror or exc}; hãy mở tệp bằng tay.") from exc


def print_pdfs(paths: list[Path]) -> list[str]:
    """Send PDFs to the printer; on Windows open them to print. Returns lines to show.

    Raises PrinterUnavailable (no `lp`, or it refused) or OpenFailed."""
    if is_windows():
        lines = []
        for path in paths:
            open_file(path)
            lines.append(f"Đã mở {Path(path).name} bằng chương trình xem PDF: nhấn Ctrl+P trong đó để in.")
        return lines
    return send_to_printer(list(paths))


__all__ = ["OpenFailed", "PrinterUnavailable", "is_windows", "open_file", "print_pdfs"]
