"""Where the documents written from a screen go: one folder for all of them.

The end screen's minutes and notice, the follow-up screen's reminders (công văn đôn
đốc) and carry-over summary, and the report across meetings are all written into
Documents/doithoai (on Windows C:\\Users\\NAME\\Documents\\doithoai), where the
secretary looks for them, never next to the database (AppData). The CLI keeps --out.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs


def documents_dir() -> Path:
    """The user's Documents folder / doithoai (created when the first file is written)."""
    return Path(platformdirs.user_documents_dir()) / "doithoai"
