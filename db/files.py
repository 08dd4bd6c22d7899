"""Files that hold personal data: exports, printed documents, plan files, backups.

They are created readable by their owner only (0600), like the database itself;
`share=True` (the CLI's `--share`) makes a document readable by everyone (0644),
for a notice to be posted. Missing folders are created; a folder that cannot be
created, or a path that is a folder, gives one Vietnamese sentence (OutputError).

On Windows the mode bits mean nothing beyond "read-only": a file there takes the
permissions (ACL) of its folder, and the user's own folders (Documents, the data
folder) are private to that user. Nothing more is done there.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import StoreError

PRIVATE = 0o600
SHARED = 0o644


class OutputError(StoreError):
    """An output file or folder that cannot be written; the message says what to do."""


def prepare(path: str | os.PathLike, *, share: bool = False) -> Path:
    """Make `path` ready for a library to write into: its folder exists, and the file
    exists with the right mode (a library opening it with "wb" keeps the mode).
    Returns the path. Raises OutputError with one sentence."""
    path = prepare_folder(path)
    mode = SHARED if share else PRIVATE
    try:
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, mode)
        os.close(fd)
        set_mode(path, share=share)
    except OSError as exc:
        raise OutputError(f"Không ghi được tệp {path} ({exc.strerror or exc}); "
                          "hãy chọn thư mục khác hoặc cấp quyền ghi.") from None
    return path


def prepare_folder(path: str | os.PathLike) -> Path:
    """Check early that `path` can be an output file: not a folder, and its folder
    exists (created if missing). Creates no file. Raises OutputError."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{path} là một thư mục; hãy cho tên tệp (ví dụ {path / 'ket-qua.json'}).")
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"Không tạo được thư mục {folder}: đã có một tệp cùng tên; "
                          "hãy chọn chỗ ghi khác.") from None
    except OSError as exc:
        raise OutputError(f"Không tạo được thư mục {folder} ({exc.strerror or exc}); "
                          "hãy chọn thư mục khác hoặc cấp quyền ghi.") from None
    return path


def set_mode(path: str | os.PathLike, *, share: bool = False) -> None:
    """0600, or 0644 when shared (a file that existed keeps its old mode otherwise)."""
    if os.name != "nt":
        os.chmod(path, SHARED if share else PRIVATE)


def write_text(path: str | os.PathLike, text: str, *, share: bool = False) -> Path:
    """Write UTF-8 text to `path` (0600, or 0644 when shared), creating its folder."""
    path = prepare(path, share=share)
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"Không ghi được tệp {path} ({exc.strerror or exc}); "
                          "hãy giải phóng dung lượng hoặc chọn thư mục khác.") from None
    return path
