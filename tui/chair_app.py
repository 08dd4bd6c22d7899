"""The chair's application: `doithoai chair [--meeting ID]`, its own process, read-only."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from textual import work
from textual.app import App
from textual.worker import Worker, WorkerState

from db.clock import system_clock
from db.connection import open_db
from db.errors import StoreError
from screens.chair import ChairScreen
from screens.store_call import Store
from screens.text import CHAIR_TITLE

if TYPE_CHECKING:
    import sqlite_utils

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
    """The screen reaches the store, its file and the time through `store`
    (a screens.store_call.Store over a read-only connection; screens.chair.ChairHost)
    and asks for a fresh connection with `reconnect()`: `store` is then replaced by one
    over the new connection once the file could be opened again. `db`, `db_path` and
    `clock()` stay as shortcuts for the CLI and the tests."""

    CSS_PATH = "app.tcss"
    TITLE = CHAIR_TITLE
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, db: sqlite_utils.Database, db_path: Path,
                 clock: Callable[[], datetime] = system_clock, meeting_id: int | None = None):
        super().__init__()
        self.store = Store(db=db, clock=clock, path=db_path)
        self.meeting_id = meeting_id
        self._reopening = False

    @property
    def db(self) -> sqlite_utils.Database:
        return self.store.db

    @property
    def db_path(self) -> Path:
        assert self.store.path is not None
        return self.store.path

    def clock(self) -> datetime:
        return self.store.now()

    def on_mount(self) -> None:
        self.push_screen(ChairScreen(self.meeting_id))

    def reconnect(self) -> None:
        """Reopen the store in a thread (opening may wait on a lock), then swap
        `store`. Does nothing while a reopening is under way."""
        if not self._reopening:
            self._reopening = True
            self._reopen()

    @work(thread=True, exclusive=True, group="reconnect", exit_on_error=False)
    def _reopen(self) -> sqlite_utils.Database:
        return open_chair_db(self.db_path)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "reconnect" or not event.worker.is_finished:
            return
        self._reopening = False
        if event.state is WorkerState.SUCCESS:
            old = self.store.db
            self.store = dataclasses.replace(self.store, db=event.worker.result)
            old.close()
        elif event.state is WorkerState.ERROR:
            error = event.worker.error
            if not isinstance(error, (sqlite3.Error, StoreError)):
                raise error  # a bug, not a locked or missing file
            self.log.warning(f"chair reconnect failed: {error!r}")

    def on_unmount(self) -> None:
        self.db.close()


def build_chair_app(db_path: str | Path, *, clock: Callable[[], datetime] = system_clock,
                    meeting_id: int | None = None) -> ChairApp:
    """Open the store read-only (raising DatabaseUnavailable with a clear sentence)
    and build the chair's app."""
    return ChairApp(open_chair_db(db_path), Path(db_path), clock=clock, meeting_id=meeting_id)
