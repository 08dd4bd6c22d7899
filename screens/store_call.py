"""How screens reach the store and the clock, and call the store.

`Store` is the one typed object a screen reaches the database and the time through
(`self.store` in a screen that mixes in `StoreAccess`). `attempt` runs one store call
and shows the store's Vietnamese message when it fails. `Writer` runs the writes a
key asks for without ever blocking the screen for more than a frame: the app's
connection waits for another program's lock only `UI_BUSY_TIMEOUT_MS`, and a write
that meets a lock is retried from a timer while the screen keeps painting; after
`WAIT_NOTICE_SECONDS` the screen says it is waiting, after `LOCK_PATIENCE_SECONDS`
the write is refused with one sentence, and what was typed stays on screen.
"""

from __future__ import annotations

import sqlite3
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol, TypeVar, cast

from textual.dom import DOMNode

from db.clock import Clock, system_clock
from db.connection import describe_sqlite_error
from db.errors import StoreError

if TYPE_CHECKING:
    import sqlite_utils

T = TypeVar("T")

#: How long one store call from the screen may wait for another program's write lock
#: (milliseconds): less than a frame. The Writer retries instead of waiting longer.
UI_BUSY_TIMEOUT_MS = 10
#: After this long waiting for a lock, the screen says so.
WAIT_NOTICE_SECONDS = 0.5
#: After this long the write is refused (the typed text stays).
LOCK_PATIENCE_SECONDS = 10.0
#: Between two attempts while the lock is held.
RETRY_SECONDS = 0.1

WAITING = "đang chờ cơ sở dữ liệu…"
GAVE_UP = ("Tệp dữ liệu vẫn bị chương trình khác khóa sau {seconds:g} giây nên chưa ghi được; "
           "nội dung vẫn còn trên màn hình — hãy đóng chương trình đó rồi làm lại thao tác.")


@dataclass
class Store:
    """The store and the clock, as the app hands them to its screens."""

    db: sqlite_utils.Database
    clock: Clock = system_clock
    path: Path | None = None

    def now(self) -> datetime:
        return self.clock()


class HasStore(Protocol):
    store: Store


class StoreAccess:
    """Mixed into a screen: `self.store` is the app's Store."""

    @property
    def store(self) -> Store:
        return cast(HasStore, self.app).store  # type: ignore[attr-defined]


class Failed:
    """The call failed; the user has been told why."""

    def __bool__(self) -> bool:
        return False


FAILED = Failed()


#: Seconds a store error stays on screen.
ERROR_SECONDS = 8


def attempt(node: DOMNode, fn: Callable[..., T], *args, **kwargs) -> T | Failed:
    """Run one store call; on StoreError (DatabaseUnavailable included) or a raw SQLite
    error, notify the message (never parsed as markup) and return FAILED. The caller
    leaves whatever the user typed on screen."""
    return _run(node, fn, args, kwargs, again=True)


def attempt_unasked(node: DOMNode, fn: Callable[..., T], *args, **kwargs) -> T | Failed:
    """Like `attempt`, for a write the user did not just ask for (the typing draft):
    its error is not shown again while the same sentence is still on screen, and a
    lock held by another program is not reported at all (the next save retries)."""
    return _run(node, fn, args, kwargs, again=False)


def _run(node: DOMNode, fn: Callable[..., T], args, kwargs, *, again: bool) -> T | Failed:
    try:
        return fn(*args, **kwargs)
    except (StoreError, sqlite3.Error) as exc:
        if again or not is_locked(exc):
            _tell(node, message_of(exc), again)
    return FAILED


def message_of(exc: BaseException) -> str:
    if isinstance(exc, StoreError):
        return exc.message
    if isinstance(exc, sqlite3.Error):
        return describe_sqlite_error(exc)
    return str(exc)


def is_locked(exc: BaseException) -> bool:
    """The call failed only because another connection holds the write lock."""
    while exc is not None:
        if isinstance(exc, sqlite3.OperationalError):
            text = str(exc).lower()
            return "locked" in text or "busy" in text
        exc = exc.__cause__ or exc.__context__
    return False


def _tell(node: DOMNode, message: str, again: bool) -> None:
    if not again and _on_screen(node.app, message):
        return
    node.notify(message, severity="error", markup=False, timeout=ERROR_SECONDS)


def _on_screen(app, message: str) -> bool:
    """A notification with this sentence is shown now. (Textual keeps the live ones in
    App._notifications and drops expired ones as it is read; it has no public way to
    ask, so no copy is kept here.)"""
    return any(n.message == message for n in getattr(app, "_notifications", ()))


@dataclass
class _Write:
    fn: Callable[..., Any]
    args: tuple
    kwargs: dict
    then: Callable[[Any], None] | None
    failed: Callable[[], None] | None
    started: float = field(default_factory=time.monotonic)


class Writer:
    """The writes a screen's keys ask for, one after the other, in order.

    `submit` runs the write now when nothing is waiting; `then(result)` runs after
    it committed, `failed()` after the user was told why it did not. A write that
    meets another program's lock stays at the head of the queue and is retried; the
    writes behind it wait for it. `on_wait(True/False)` tells the screen when to show
    and hide "đang chờ cơ sở dữ liệu…".
    """

    def __init__(self, node: DOMNode, on_wait: Callable[[bool], None] | None = None) -> None:
        self.node = node
        self.on_wait = on_wait
        self._queue: deque[_Write] = deque()
        self._waiting = False
        self._retry = None
        self._notice = None

    @property
    def busy(self) -> bool:
        """A write is queued (waiting for the lock)."""
        return bool(self._queue)

    @property
    def waiting(self) -> bool:
        """The screen is showing "đang chờ cơ sở dữ liệu…"."""
        return self._waiting

    def submit(self, fn: Callable[..., T], *args, then: Callable[[T], None] | None = None,
               failed: Callable[[], None] | None = None, **kwargs) -> None:
        self._queue.append(_Write(fn, args, kwargs, then, failed))
        if len(self._queue) == 1:
            self._drain()

    def _drain(self) -> None:
        self._retry = None
        while self._queue:
            write = self._queue[0]
            try:
                result = write.fn(*write.args, **write.kwargs)
            except (StoreError, sqlite3.Error) as exc:
                if is_locked(exc):
                    if time.monotonic() - write.started < LOCK_PATIENCE_SECONDS:
                        self._wait_for_lock(write)
                        return
                    self._give_up()
                    return
                self._queue.popleft()
                _tell(self.node, message_of(exc), True)
                self._show_waiting(False)
                if write.failed is not None:
                    write.failed()
                continue
            self._queue.popleft()
            self._show_waiting(False)
            if write.then is not None:
                write.then(result)

    def _wait_for_lock(self, write: _Write) -> None:
        self._retry = self.node.set_timer(RETRY_SECONDS, self._drain)
        if not self._waiting and self._notice is None:
            left = WAIT_NOTICE_SECONDS - (time.monotonic() - write.started)
            self._notice = self.node.set_timer(max(0.0, left), self._notice_due)

    def _notice_due(self) -> None:
        self._notice = None
        if self._queue:
            self._show_waiting(True)

    def _show_waiting(self, waiting: bool) -> None:
        if not waiting and self._notice is not None:
            self._notice.stop()
            self._notice = None
        if waiting == self._waiting:
            return
        self._waiting = waiting
        if self.on_wait is not None:
            self.on_wait(waiting)
        elif waiting:
            self.node.notify(WAITING, markup=False, timeout=LOCK_PATIENCE_SECONDS)

    def _give_up(self) -> None:
        dropped = list(self._queue)
        self._queue.clear()
        self._show_waiting(False)
        _tell(self.node, GAVE_UP.format(seconds=LOCK_PATIENCE_SECONDS), True)
        for write in dropped:
            if write.failed is not None:
                write.failed()
