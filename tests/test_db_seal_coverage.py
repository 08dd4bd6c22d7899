"""Every column of the meeting's record is covered by the seal's current canonical form.

The record's tables are read from the schema itself (PRAGMA table_info and
foreign_key_list): every table with a meeting_id, and every table that references one
of them. Each of their columns must be either read by the current canonical version
(`seal_canonical.COVERS[CURRENT]`) or listed below as outside the seal, with the reason.
When this fails after you added a column or a table: if it prints in the signed minutes
or notice, add canonical version N+1 covering it (db/seal_canonical.py, never change an
existing version) and make it CURRENT; otherwise add it to the allow-list with why.
"""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from db.seal_canonical import COVERS, CURRENT, canonical

from .seal_fixtures import full_record

#: Whole tables outside the seal, and why.
OUTSIDE_TABLES = {
    "journal": "sealed as a chain: the seal holds its head (seq, hash) and each row hashes the one before",
    "drafts": "unsaved typing in a form, never printed",
    "documents": "print choices (draft or final, how the public copy names citizens); every sentence "
                 "of the signed text comes from sealed data, and the final notice is chosen after sealing",
    "followups": "the follow-up after the meeting (m006), outside the sealed record",
    "followup_journal": "the follow-up's own hash-chained journal",
    "followup_tasks": "the follow-up: the plan's tasks marked done after the meeting",
    "repeats": "the follow-up: an opinion raised again at a later meeting",
}

#: Single columns outside the seal, and why.
OUTSIDE_COLUMNS = {
    ("meetings", "sealed_hash"): "the seal itself",
    ("meetings", "sealed_at"): "the seal's bookkeeping (its journal row is sealed by the next seal)",
    ("meetings", "seal_version"): "the seal's bookkeeping",
    ("meetings", "seal_head_seq"): "the seal's bookkeeping",
    ("meetings", "reopened_at"): "a reopen is journaled; the journal chain is sealed",
    ("meetings", "reopened_reason"): "a reopen is journaled; the journal chain is sealed",
    ("meetings", "broken_seal"): "a reopen is journaled; the journal chain is sealed",
}

#: Internal row ids: the seal refers to rows by position, registration number, opinion
#: number and field name instead, so it does not depend on them.
IDENTITY = {"id", "meeting_id"}


def _record_columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE '\\_%' ESCAPE '\\'")]
    columns = {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    refs = {t: {r[2] for r in conn.execute(f'PRAGMA foreign_key_list("{t}")')} for t in tables}
    record = {"meetings"} | {t for t in tables if "meeting_id" in columns[t]}
    grown = True
    while grown:  # tables that hang off the record (conclusion_members -> conclusion_groups)
        more = {t for t in tables if t not in record and refs[t] & record}
        record |= more
        grown = bool(more)
    return {t: columns[t] for t in sorted(record)}


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    path = tmp_path_factory.mktemp("coverage") / "record.db"
    db, mid = full_record(path)
    db.close()
    return path, mid


def test_every_record_column_is_sealed_or_listed_as_outside(record):
    path, _ = record
    conn = sqlite3.connect(path)
    covers = COVERS[CURRENT]
    missing = []
    for table, columns in _record_columns(conn).items():
        if table in OUTSIDE_TABLES:
            continue
        for column in columns:
            if column in IDENTITY and column not in covers.get(table, ()):
                continue
            if column not in covers.get(table, ()) and (table, column) not in OUTSIDE_COLUMNS:
                missing.append(f"{table}.{column}")
    conn.close()
    assert not missing, (
        f"not covered by seal canonical version {CURRENT} nor listed as outside the seal: {missing}. "
        "If it prints in the signed minutes or notice, add version N+1 in db/seal_canonical.py; "
        "otherwise list it in this test with the reason.")


def test_the_declared_coverage_names_real_columns_and_no_table_is_both_in_and_out(record):
    path, _ = record
    conn = sqlite3.connect(path)
    columns = _record_columns(conn)
    conn.close()
    for table, names in COVERS[CURRENT].items():
        assert table in columns and table not in OUTSIDE_TABLES, table
        assert names <= set(columns[table]), (table, names - set(columns[table]))
    assert set(OUTSIDE_TABLES) <= set(columns)  # a stale entry would hide nothing, but says so


def _rows_of(table: str) -> str:
    if table == "meetings":
        return "id = :mid"
    if table == "conclusion_members":
        return "group_id IN (SELECT id FROM conclusion_groups WHERE meeting_id = :mid)"
    return "meeting_id = :mid"


def _cases():
    return [(t, c) for t, cols in sorted(COVERS[CURRENT].items()) for c in sorted(cols)]


@pytest.mark.parametrize(("table", "column"), _cases(), ids=lambda v: str(v))
def test_changing_a_covered_column_changes_the_sealed_bytes(record, table, column):
    """`COVERS` is honest: each column it names reaches the canonical bytes."""
    path, mid = record
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    db = sqlite_utils.Database(conn)
    before = canonical(db, mid, CURRENT, head=(1, "h"))
    where = _rows_of(table)
    row = conn.execute(f'SELECT rowid, "{column}" FROM "{table}" WHERE {where} ORDER BY "{column}" IS NULL '
                       "LIMIT 1", {"mid": mid}).fetchone()
    assert row is not None, f"the fixture has no {table} row"
    rowid, value = row
    new = "x" if value is None else value + 1000 if isinstance(value, int) else f"{value}·"
    target = {r[3]: r[2] for r in conn.execute(f'PRAGMA foreign_key_list("{table}")')}.get(column)
    if value is None and target:  # a reference unset in every row: point it at a row of the meeting
        new = conn.execute(f'SELECT id FROM "{target}" WHERE meeting_id = ? LIMIT 1', [mid]).fetchone()[0]
    conn.execute("BEGIN")
    try:
        conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', [new, rowid])
        after = canonical(db, mid, CURRENT, head=(1, "h"))
    finally:
        conn.execute("ROLLBACK")
        conn.close()
    assert after != before, f"{table}.{column} is declared covered but does not reach the sealed bytes"
