"""The chair's application: `doithoai chair [--meeting ID]`, its own process, read-only."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

import sqlite_utils
from textual.app import App

from db.clock import system_clock
from db.connection import open_db
from screens.chair import ChairScreen
from screens.text import CHAIR_TITLE

#: The chair waits at most this long for a lock (milliseconds): a poll that cannot
#: read gives up quickly and is retried, so the counter never freezes.
CHAIR_BUSY_TIMEOUT_MS = 100


def open_chair_db(path: str | Path) -> sqlite_utils.Database:
    """The store opened with SQLite's read-only flag, with a short busy timeout.
    Raises DatabaseUnavailable (one Vietnamese sentence) if the file cannot be opened."""
    db = open_db(path, readonly=True)
    db.execute(f"PRAGMA busy_timeout = {CHAIR_BUSY_TIMEOUT_MS}")
    return db


class ChairApp(App):
    """The screen reaches the store through `self.app.db`, the time through
    `self.app.clock()`, and reopens the store with `self.app.reconnect()`."""

    CSS_PATH = "app.tcss"
    TITLE = CHAIR_TITLE
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, db: sqlite_utils.Database, db_path: Path,
                 clock: Callable[[], datetime] = system_clock, meeting_id: int | None = None):
        super().__init__()
        self.db = db
        self.db_path = db_path
        self.clock = clock
        self.meeting_id = meeting_id

    def on_mount(self) -> None:
        self.push_screen(ChairScreen(self.meeting_id))

    def reconnect(self) -> None:
        """Reopen the store (after the file was locked, replaced or briefly missing).
        Keeps the old connection if the new one cannot be opened."""
        db = open_chair_db(self.db_path)
        old, self.db = self.db, db
        old.close()

    def on_unmount(self) -> None:
        self.db.close()


def build_chair_app(db_path: str | Path, *, clock: Callable[[], datetime] = system_clock,
                    meeting_id: int | None = None) -> ChairApp:
    """Open the store read-only (raising DatabaseUnavailable with a clear sentence)
    and build the chair's app."""
    return ChairApp(open_chair_db(db_path), Path(db_path), clock=clock, meeting_id=meeting_id)
