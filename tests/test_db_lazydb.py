"""The store reads without sqlite-utils until asked for more (db/lazydb.py): a read
gives what sqlite-utils gives, anything else turns the object into a sqlite-utils
Database on the same connection."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from db.connection import open_db
from db.lazydb import LazyDatabase

READS = [
    ("SELECT id, name FROM t ORDER BY id", None),
    ("  \n SELECT * FROM t WHERE id > ?", [1]),
    ("SELECT a.id, b.id FROM t a JOIN t b ON b.id = a.id", None),  # repeated names
    ("SELECT name FROM t WHERE name = :n", {"n": "b"}),
    ("/* a comment */ SELECT count(*) AS n FROM t", None),
    ("PRAGMA table_info(t)", None),
]


def _pair() -> tuple[LazyDatabase, sqlite_utils.Database]:
    conns = [sqlite3.connect(":memory:"), sqlite3.connect(":memory:")]
    for conn in conns:
        conn.executescript("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);"
                           "INSERT INTO t (name) VALUES ('a'), ('b'), ('c');")
    return LazyDatabase(conns[0]), sqlite_utils.Database(conns[1], execute_plugins=False)


@pytest.mark.parametrize("sql, params", READS)
def test_a_read_gives_what_sqlite_utils_gives(sql, params):
    lazy, full = _pair()
    assert list(lazy.query(sql, params)) == list(full.query(sql, params))
    assert lazy.execute(sql, params).fetchall() == full.execute(sql, params).fetchall()
    assert lazy.execute("PRAGMA recursive_triggers").fetchone() == (1,)


def test_anything_else_makes_it_a_sqlite_utils_database_on_the_same_connection():
    lazy, _ = _pair()
    conn = lazy.conn
    list(lazy.query("SELECT * FROM t"))
    assert not isinstance(lazy, sqlite_utils.Database)
    lazy.execute("INSERT INTO t (name) VALUES ('d')")  # committed, as sqlite-utils does
    assert isinstance(lazy, sqlite_utils.Database) and lazy.conn is conn
    assert not conn.in_transaction
    assert lazy["t"].count == 4


def test_open_db_reads_lazily_and_writes_through_sqlite_utils(tmp_path):
    open_db(tmp_path / "a.db").close()  # created and migrated (through sqlite-utils)
    db = open_db(tmp_path / "a.db")  # up to date: nothing to migrate
    assert type(db) is LazyDatabase
    db.execute("SELECT count(*) FROM meetings").fetchone()
    assert type(db) is LazyDatabase
    assert db.table_names()  # a sqlite-utils method
    assert type(db) is sqlite_utils.Database


def test_preloading_imports_sqlite_utils_in_the_background():
    import json
    import subprocess
    import sys

    from .conftest import REPO

    code = ("import json, sys; from db.lazydb import preload; before = 'sqlite_utils' in sys.modules; "
            "thread = preload(); thread.join(); "
            "print(json.dumps([before, 'sqlite_utils' in sys.modules, thread.daemon]))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [False, True, True]


def test_a_read_snapshot_sees_one_state_and_needs_no_sqlite_utils(tmp_path):
    """Reads inside `read_snapshot` see the file as it was at their first read, even while
    another connection writes; the store stays lazy; nested inside a transaction it joins it."""
    from db.connection import read_snapshot

    path = tmp_path / "a.db"
    open_db(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE scratch (x)")
    db, writer = open_db(path), sqlite3.connect(path, isolation_level=None)
    count = "SELECT count(*) FROM scratch"
    with read_snapshot(db):
        before = db.execute(count).fetchone()[0]
        writer.execute("INSERT INTO scratch VALUES (1)")
        assert db.execute(count).fetchone()[0] == before
    assert type(db) is LazyDatabase and not db.conn.in_transaction
    assert db.execute(count).fetchone()[0] == before + 1
    db.conn.execute("BEGIN")
    with read_snapshot(db):
        pass
    assert db.conn.in_transaction  # the outer transaction is left to its owner
    db.conn.execute("ROLLBACK")
