"""The schema, as sqlite-utils migrations: later versions upgrade a file in place.

Never edit a migration that has shipped; add a new one below it.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from . import journal
from .vocabulary import MeetingStatus, Outcome, Source, SpeakerStatus, sql_in

migrations = Migrations("doithoai")

#: Bumped with every migration; stored in PRAGMA user_version for a quick look.
SCHEMA_VERSION = 3


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    # The CHECKs are built from the vocabulary; the text is the same as when this
    # migration shipped. A member added later needs its own migration for old files.
    db.executescript(
        f"""
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
                CHECK ({sql_in('status', MeetingStatus)}),
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
                CHECK ({sql_in('status', SpeakerStatus)}),
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
            source TEXT NOT NULL CHECK ({sql_in('source', Source)}),
            speaker_id INTEGER REFERENCES speakers(id),
            author TEXT,
            author_address TEXT,
            field_id INTEGER REFERENCES fields(id),
            content TEXT NOT NULL,
            follows_id INTEGER REFERENCES opinions(id),
            answered_by TEXT,
            answer TEXT,
            outcome TEXT CHECK ({sql_in('outcome', Outcome)}),
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
            data TEXT NOT NULL DEFAULT '{{}}'
        );
        CREATE INDEX journal_meeting ON journal(meeting_id, id);
        """
    )


def migrate(db: sqlite_utils.Database) -> None:
    """Apply pending migrations (each in its own transaction)."""
    if migrations.pending(db):
        migrations.apply(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


@migrations()
def m002_reopen(db: sqlite_utils.Database) -> None:
    """A reopened seal stays visible: when and why the sealed record was reopened."""
    db.execute("ALTER TABLE meetings ADD COLUMN reopened_at TEXT")
    db.execute("ALTER TABLE meetings ADD COLUMN reopened_reason TEXT")
    db.execute("ALTER TABLE meetings ADD COLUMN broken_seal TEXT")


@migrations()
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
