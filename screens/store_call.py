"""Calling the store from a screen: the store's Vietnamese message reaches the user."""

from __future__ import annotations

import sqlite3
from typing import Callable, TypeVar

from textual.dom import DOMNode

from db.connection import describe_sqlite_error
from db.errors import StoreError

T = TypeVar("T")


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
    """Like `attempt`, for a write the user did not just ask for (the typing draft, kept
    every 1.5 s): its error is not shown again while the same sentence is still on
    screen, so a full disk gives one notification, not a pile over the typed text."""
    return _run(node, fn, args, kwargs, again=False)


def _run(node: DOMNode, fn: Callable[..., T], args, kwargs, *, again: bool) -> T | Failed:
    try:
        return fn(*args, **kwargs)
    except StoreError as exc:
        _tell(node, exc.message, again)
    except sqlite3.Error as exc:
        _tell(node, describe_sqlite_error(exc), again)
    return FAILED


def _tell(node: DOMNode, message: str, again: bool) -> None:
    if not again and _on_screen(node.app, message):
        return
    node.notify(message, severity="error", markup=False, timeout=ERROR_SECONDS)


def _on_screen(app, message: str) -> bool:
    """A notification with this sentence is shown now. (Textual keeps the live ones in
    App._notifications and drops expired ones as it is read; it has no public way to
    ask, and a confirmation may have cleared them, so no copy is kept here.)"""
    return any(n.message == message for n in getattr(app, "_notifications", ()))
