"""The store's connection before sqlite-utils is needed.

Importing sqlite-utils (and click, pluggy, dateutil with it) costs tens of milliseconds,
and the first screen only reads: `open_db` hands out a `LazyDatabase`, which answers the
reads sqlite-utils would answer the same way (a SELECT or a PRAGMA through `execute`, a
SELECT through `query`) on its connection, and becomes a real `sqlite_utils.Database`
in place (same object, same connection, its class changed) the first time anything
else is asked of it: a write, a table object, a transaction. From then on it *is* a
sqlite_utils.Database; nothing else behaves differently.
"""

from __future__ import annotations

import importlib
import sqlite3
import threading
from typing import Any, Iterator


def preload() -> threading.Thread:
    """Import sqlite-utils in a background thread (a daemon: it never delays leaving), so
    the first write after start-up finds it imported; the upgrade itself stays with the
    thread that asks for it."""
    thread = threading.Thread(target=importlib.import_module, args=("sqlite_utils",),
                              name="preload-sqlite-utils", daemon=True)
    thread.start()
    return thread


def _keyword(sql: str) -> str:
    """The statement's first word, uppercased ('' when it starts otherwise, e.g. with a
    comment: such a statement goes to sqlite-utils)."""
    head = sql.lstrip()[:7]
    word = head[:6].upper()
    return word if word in ("SELECT", "PRAGMA") and not head[6:7].isalnum() and head[6:7] != "_" else ""


class LazyDatabase:
    """A sqlite3 connection that reads like sqlite_utils.Database(conn, execute_plugins=False)
    and turns into one when asked for more (`upgrade`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # As sqlite_utils.Database(conn) does when it is made (recursive_triggers=True).
        conn.execute("PRAGMA recursive_triggers=on;")

    def upgrade(self) -> Any:
        """Become the sqlite_utils.Database of this connection (imports sqlite-utils once)."""
        import sqlite_utils

        if not isinstance(self, sqlite_utils.Database):
            self.__class__ = sqlite_utils.Database  # type: ignore[assignment]
            sqlite_utils.Database.__init__(self, self.conn, execute_plugins=False)  # type: ignore[arg-type]
        return self

    # -- what a read needs: the same results sqlite-utils gives --------------------------

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        """A SELECT or a PRAGMA opens no transaction, so sqlite-utils would run it as is."""
        if not _keyword(sql):
            return self.upgrade().execute(sql, parameters)
        if parameters is not None:
            return self.conn.execute(sql, parameters)
        return self.conn.execute(sql)

    def query(self, sql: str, params: Any = None) -> Iterator[dict]:
        """A SELECT's rows as dicts. Repeated column names (which sqlite-utils renames)
        and anything but a SELECT go to sqlite-utils."""
        if _keyword(sql) != "SELECT":
            return self.upgrade().query(sql, params)
        cursor = self.conn.execute(sql, params) if params is not None else self.conn.execute(sql)
        keys = [d[0] for d in cursor.description]
        if len(set(keys)) != len(keys):
            return self.upgrade().query(sql, params)
        return (dict(zip(keys, row)) for row in cursor)

    def close(self) -> None:
        self.conn.close()

    # -- anything else: sqlite-utils -------------------------------------------------------

    def __getattr__(self, name: str) -> Any:  # only for names this class lacks
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.upgrade(), name)

    def __getitem__(self, table_name: str) -> Any:
        return self.upgrade()[table_name]

    def __enter__(self) -> Any:
        return self.upgrade().__enter__()

    def __exit__(self, *exc: object) -> Any:
        return self.upgrade().__exit__(*exc)

    def __repr__(self) -> str:
        return f"<LazyDatabase {self.conn!r}>"
