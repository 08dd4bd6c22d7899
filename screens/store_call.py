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


def attempt(node: DOMNode, fn: Callable[..., T], *args, **kwargs) -> T | Failed:
    """Run one store call; on StoreError (DatabaseUnavailable included) or a raw SQLite
    error, notify the message (never parsed as markup) and return FAILED. The caller
    leaves whatever the user typed on screen."""
    try:
        return fn(*args, **kwargs)
    except StoreError as exc:
        node.notify(exc.message, severity="error", markup=False, timeout=8)
    except sqlite3.Error as exc:
        node.notify(describe_sqlite_error(exc), severity="error", markup=False, timeout=8)
    return FAILED
