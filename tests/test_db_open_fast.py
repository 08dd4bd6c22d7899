"""Opening the store quickly without changing what is opened: no sqlite-utils plugin
lookup, and the reference schema check cuts scripts as sqlite-utils does."""

from __future__ import annotations

import re
import sqlite3

import pytest
import sqlite_utils
import sqlite_utils.db
from sqlite_utils.db import _iter_complete_sql_statements

from db import connection
from db.connection import open_db, split_statements

from .conftest import REPO

EDGES = [
    "SELECT 1; -- a comment; with a semicolon\n SELECT 2;",
    "CREATE TRIGGER t AFTER INSERT ON a BEGIN SELECT 1; SELECT ';'; END; SELECT 3",
    "SELECT ';' ; /* ; */ SELECT 3",
    "  ;  ; SELECT 'it''s;' ;\n",
    "",
]


def _scripts() -> list[str]:
    source = (REPO / "db" / "schema.py").read_text(encoding="utf-8")
    found = re.findall(r'executescript\(\s*"""(.*?)"""', source, re.S)
    assert found, "the migrations' scripts were not found"
    return found


@pytest.mark.parametrize("sql", _scripts() + EDGES)
def test_statements_are_cut_as_sqlite_utils_cuts_them(sql):
    assert split_statements(sql) == list(_iter_complete_sql_statements(sql))


def test_the_reference_schema_is_the_schema_a_new_store_gets(tmp_path):
    connection._EXPECTED.clear()
    expected = connection._expected_columns()
    db = open_db(tmp_path / "new.db")
    made = {t: {r[1] for r in db.execute(f"PRAGMA table_info([{t}])")} for t in db.table_names()}
    assert expected == made


def test_opening_looks_for_no_plugins(tmp_path, monkeypatch):
    def refuse() -> None:
        raise AssertionError("sqlite-utils plugins looked up")

    monkeypatch.setattr(sqlite_utils.db, "ensure_plugins_loaded", refuse)
    open_db(tmp_path / "a.db").close()
    open_db(tmp_path / "a.db").close()
    open_db(tmp_path / "a.db", readonly=True).close()
    open_db(memory=True).close()
    assert isinstance(connection.database(sqlite3.connect(":memory:")), sqlite_utils.Database)
