"""The schema, as sqlite-utils migrations: later versions upgrade a file in place.

Never edit a migration that has shipped; add a new one below it.
"""

from __future__ import annotations

import functools
import re
from enum import Enum
from typing import TYPE_CHECKING, Callable

from . import journal
from .vocabulary import Document, sql_in

if TYPE_CHECKING:
    import sqlite_utils
    from sqlite_utils.migrations import Migrations

#: The migration set's name, and the table sqlite-utils records applied migrations in.
MIGRATION_SET = "doithoai"
MIGRATIONS_TABLE = "_sqlite_migrations"

#: Every migration, in the order they are applied. sqlite-utils' Migrations object is
#: made from this list when a migration is due (`migrations()`): checking that none is
#: due, at every start, needs no sqlite-utils.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = []


def migration(fn: Callable[[sqlite_utils.Database], None]) -> Callable[[sqlite_utils.Database], None]:
    MIGRATIONS.append(fn)
    return fn


@functools.cache
def migrations() -> Migrations:
    """The sqlite-utils migration set, made once from MIGRATIONS."""
    from sqlite_utils.migrations import Migrations

    made = Migrations(MIGRATION_SET)
    for fn in MIGRATIONS:
        made()(fn)
    return made


def applied(db: sqlite_utils.Database) -> set[str] | None:
    """The names of the migrations applied to `db` (None: it has no migrations table),
    read as sqlite-utils' Migrations.applied reads them."""
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                      [MIGRATIONS_TABLE]).fetchone():
        return None
    return {name for (name,) in db.execute(
        f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ?", [MIGRATION_SET])}


def pending(db: sqlite_utils.Database) -> list[str]:
    """The names of the migrations not applied to `db` yet, in order."""
    done = applied(db) or set()
    return [fn.__name__ for fn in MIGRATIONS if fn.__name__ not in done]


def schema_version() -> int:
    """How many migrations this version knows; stored in PRAGMA user_version for a quick
    look with the sqlite3 tool."""
    return len(MIGRATIONS)


@migration
def m001_initial(db: sqlite_utils.Database) -> None:
    # Frozen as shipped: a vocabulary member added later (db/vocabulary.py) widens its
    # CHECK in a new migration; tests/test_vocabulary.py fails until it does.
    db.executescript(
        """
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            organisation TEXT NOT NULL,
            parent TEXT,
            place_name TEXT NOT NULL,
            venue TEXT NOT NULL,
            date TEXT NOT NULL,
            start TEXT NOT NULL,
            "end" TEXT,
            speaking_limit_minutes INTEGER NOT NULL DEFAULT 5,
            secretary_name TEXT NOT NULL,
            secretary_title TEXT,
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'live', 'ended')),
            started_at TEXT,
            ended_at TEXT,
            conclusion TEXT,
            created_at TEXT NOT NULL,
            sealed_hash TEXT,
            sealed_at TEXT
        );
        CREATE TABLE chairs (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            title TEXT NOT NULL,
            UNIQUE (meeting_id, position)
        );
        CREATE TABLE attendance (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            "group" TEXT NOT NULL,
            invited INTEGER,
            present INTEGER,
            UNIQUE (meeting_id, position)
        );
        CREATE TABLE fields (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            UNIQUE (meeting_id, name)
        );
        CREATE TABLE steps (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            content TEXT NOT NULL,
            lead TEXT,
            minutes INTEGER,
            dialogue INTEGER NOT NULL DEFAULT 0,
            started_at TEXT,
            ended_at TEXT,
            UNIQUE (meeting_id, position)
        );
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            reg_no INTEGER NOT NULL,
            honorific TEXT NOT NULL,
            name TEXT NOT NULL,
            hamlet TEXT,
            organisation TEXT,
            field_id INTEGER REFERENCES fields(id),
            status TEXT NOT NULL DEFAULT 'waiting'
                CHECK (status IN ('waiting', 'speaking', 'done', 'absent', 'withdrawn')),
            registered_at TEXT NOT NULL,
            called_at TEXT,
            finished_at TEXT,
            spoke_order INTEGER,
            UNIQUE (meeting_id, reg_no)
        );
        CREATE UNIQUE INDEX speakers_one_speaking ON speakers(meeting_id)
            WHERE status = 'speaking';
        CREATE TABLE opinions (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('spoken', 'slip', 'before')),
            speaker_id INTEGER REFERENCES speakers(id),
            author TEXT,
            author_address TEXT,
            field_id INTEGER REFERENCES fields(id),
            content TEXT NOT NULL,
            follows_id INTEGER REFERENCES opinions(id),
            answered_by TEXT,
            answer TEXT,
            outcome TEXT CHECK (outcome IN ('answered', 'assigned', 'forwarded', 'noted')),
            agency TEXT,
            deadline TEXT,
            created_at TEXT NOT NULL,
            answered_at TEXT,
            external_key TEXT,
            UNIQUE (meeting_id, number)
        );
        CREATE INDEX opinions_speaker ON opinions(speaker_id);
        CREATE UNIQUE INDEX opinions_external_key ON opinions(meeting_id, external_key)
            WHERE external_key IS NOT NULL;
        CREATE TABLE drafts (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            text TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            PRIMARY KEY (meeting_id, key)
        );
        CREATE TABLE journal (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            op TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            data TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX journal_meeting ON journal(meeting_id, id);
        """
    )


def widen_check(db: sqlite_utils.Database, table: str, column: str, enum: type[Enum]) -> None:
    """Make the CHECK on `table.column` accept every value of `enum`: the migration for
    a vocabulary member added later (README, "Adding an outcome").

    SQLite cannot alter a CHECK; its documented way is to rewrite the table's stored
    SQL with PRAGMA writable_schema and bump the schema version. Only ever widen: every
    row that passed the old CHECK passes the new one, so no row needs copying."""
    sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()[0]
    new, count = re.subn(rf"CHECK \({column} IN \([^)]*\)\)", f"CHECK ({sql_in(column, enum)})", sql)
    if count != 1:
        raise ValueError(f"{table}.{column} has no CHECK (... IN (...)) to widen")
    version = db.execute("PRAGMA schema_version").fetchone()[0]
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", [new, table])
        db.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")


def migrate(db: sqlite_utils.Database) -> None:
    """Apply pending migrations (each in its own transaction)."""
    if pending(db):
        migrations().apply(db)
        db.execute(f"PRAGMA user_version = {schema_version()}")


@migration
def m002_reopen(db: sqlite_utils.Database) -> None:
    """A reopened seal stays visible: when and why the sealed record was reopened."""
    db.execute("ALTER TABLE meetings ADD COLUMN reopened_at TEXT")
    db.execute("ALTER TABLE meetings ADD COLUMN reopened_reason TEXT")
    db.execute("ALTER TABLE meetings ADD COLUMN broken_seal TEXT")


@migration
def m003_journal_chain(db: sqlite_utils.Database) -> None:
    """The journal becomes a hash chain per meeting (db/journal.py), and a seal records
    the version of its canonical form (db/seal_canonical.py) and the journal row it covers.

    Existing rows are chained in id order; meetings sealed before keep their seal,
    marked version 1 (the record only), and keep verifying."""
    db.execute("ALTER TABLE journal ADD COLUMN seq INTEGER")
    db.execute("ALTER TABLE journal ADD COLUMN prev_hash TEXT")
    db.execute("ALTER TABLE journal ADD COLUMN hash TEXT")
    journal.chain_all(db)
    db.execute("CREATE UNIQUE INDEX journal_chain ON journal(meeting_id, seq)")
    db.execute("ALTER TABLE meetings ADD COLUMN seal_version INTEGER")
    db.execute("ALTER TABLE meetings ADD COLUMN seal_head_seq INTEGER")
    db.execute("UPDATE meetings SET seal_version = 1 WHERE sealed_hash IS NOT NULL")


#: doithoai's mark in the SQLite header (PRAGMA application_id, bytes 68-71): b"dtki".
#: A file without it (and not an older doithoai store) is refused by db.connection.
APPLICATION_ID = 0x64746B69


@migration
def m004_application_id(db: sqlite_utils.Database) -> None:
    """Stores created before the application id get it, so they are recognised later."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


@migration
def m005_record(db: sqlite_utils.Database) -> None:
    """The plan's people and lists: named delegates of the higher level, officials present
    who may answer, the Nơi nhận of the notice and of the minutes, the tasks after the
    meeting with their due dates."""
    db.executescript(
        f"""
        CREATE TABLE delegates (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            title TEXT,
            UNIQUE (meeting_id, position)
        );
        CREATE TABLE officials (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            title TEXT,
            UNIQUE (meeting_id, position)
        );
        CREATE TABLE recipients (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            document TEXT NOT NULL CHECK ({sql_in('document', Document)}),
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            UNIQUE (meeting_id, document, position)
        );
        CREATE TABLE timeline (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            task TEXT NOT NULL,
            due TEXT,
            UNIQUE (meeting_id, position)
        );
        """
    )


@migration
def m008_documents(db: sqlite_utils.Database) -> None:
    """The secretary's choices for the printed documents: is the notice final, and how the
    public version names citizens. Not part of the sealed record."""
    db.execute(
        """CREATE TABLE documents (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
            notice_final INTEGER NOT NULL DEFAULT 0,
            public_naming TEXT NOT NULL DEFAULT 'initials',
            changed_at TEXT NOT NULL
        )"""
    )


@migration
def m006_followup(db: sqlite_utils.Database) -> None:
    """After the meeting: the follow-up of each assignment, outside the sealed record.

    `followups` holds the state and the written answer of an assigned or forwarded
    opinion (or of one the chair assigns later: agency and deadline set here);
    `followup_journal` is its own hash-chained journal, one chain per meeting;
    `followup_tasks` marks the plan's tasks after the meeting as done;
    `repeats` links an opinion to an earlier one (another meeting) it raises again.
    """
    db.executescript(
        """
        CREATE TABLE followups (
            id INTEGER PRIMARY KEY,
            opinion_id INTEGER NOT NULL UNIQUE REFERENCES opinions(id) ON DELETE CASCADE,
            state TEXT NOT NULL,
            agency TEXT,
            deadline TEXT,
            assigned_later INTEGER NOT NULL DEFAULT 0,
            reason TEXT,
            doc_number TEXT,
            doc_date TEXT,
            signer TEXT,
            answer_agency TEXT,
            summary TEXT,
            file_path TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE followup_journal (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            op TEXT NOT NULL,
            opinion INTEGER,
            data TEXT NOT NULL DEFAULT '{}',
            prev TEXT,
            hash TEXT NOT NULL
        );
        CREATE INDEX followup_journal_meeting ON followup_journal(meeting_id, seq);
        CREATE TABLE followup_tasks (
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            task TEXT NOT NULL,
            done_on TEXT NOT NULL,
            PRIMARY KEY (meeting_id, task)
        );
        CREATE TABLE repeats (
            opinion_id INTEGER PRIMARY KEY REFERENCES opinions(id) ON DELETE CASCADE,
            earlier_id INTEGER NOT NULL REFERENCES opinions(id) ON DELETE CASCADE
        );
        CREATE INDEX opinions_outcome ON opinions(outcome);
        """
    )


@migration
def m009_notice(db: sqlite_utils.Database) -> None:
    """The notice and the minutes as communes write them: an assignment's co-agency
    (phối hợp), conclusion groups (opinions on one matter merged under one conclusion),
    each programme step's presenter and gist, and whether the minutes were read out
    and approved at the meeting."""
    db.executescript(
        """
        ALTER TABLE opinions ADD COLUMN co_agency TEXT;
        ALTER TABLE steps ADD COLUMN presenter TEXT;
        ALTER TABLE steps ADD COLUMN gist TEXT;
        CREATE TABLE conclusion_groups (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE conclusion_members (
            group_id INTEGER NOT NULL REFERENCES conclusion_groups(id) ON DELETE CASCADE,
            opinion_id INTEGER NOT NULL UNIQUE REFERENCES opinions(id) ON DELETE CASCADE,
            PRIMARY KEY (group_id, opinion_id)
        );
        CREATE TABLE minutes_reading (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
            approved INTEGER NOT NULL,
            changed_at TEXT NOT NULL
        );
        """
    )
