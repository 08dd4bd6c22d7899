"""Opening the store: pragmas for durability and sharing, one clear error otherwise."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from .errors import DatabaseUnavailable
from .lazydb import LazyDatabase
from .schema import APPLICATION_ID, MIGRATIONS, MIGRATIONS_TABLE, applied, pending
from .schema import migrate as run_migrations

if TYPE_CHECKING:
    import sqlite_utils

#: The first 16 bytes of every SQLite database file.
SQLITE_MAGIC = b"SQLite format 3\x00"

#: How long a writer waits for another writer before giving up (milliseconds);
#: the environment variable DOITHOAI_BUSY_TIMEOUT_MS overrides it.
BUSY_TIMEOUT_MS = 10_000


def busy_timeout_ms() -> int:
    try:
        return max(0, int(os.environ.get("DOITHOAI_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def open_db(path: str | os.PathLike | None = None, *, memory: bool = False,
            migrate: bool = True, readonly: bool = False) -> sqlite_utils.Database:
    """Open (and create, and migrate) the meeting store.

    WAL so a second process can read while the secretary writes; synchronous=FULL
    so an acknowledged action survives a power cut; foreign keys on; a busy timeout
    so two writers queue instead of failing. A new file gets permissions 0600.

    `readonly=True` opens with SQLite's read-only flag (the chair display): it can
    never take a write lock.

    An existing file must be a doithoai store (`check_identity`, before anything is
    written: another program's database stays byte for byte as it was); once opened
    and migrated, its tables must hold every column this version reads (`check_schema`).

    Raises DatabaseUnavailable with one Vietnamese sentence when the file cannot be
    opened, is not a doithoai store, is damaged, or its folder is not writable.
    """
    if memory:
        import sqlite_utils

        db = sqlite_utils.Database(memory=True, execute_plugins=False)
        _pragmas(db, wal=False)
        if migrate:
            run_migrations(db)
        return db
    if path is None:
        raise ValueError("open_db needs a path or memory=True")
    path = Path(path)
    try:
        if readonly:
            if not path.exists():
                raise DatabaseUnavailable(f"Không tìm thấy tệp dữ liệu {path}.")
            check_identity(path)
            conn = sqlite3.connect(_readonly_uri(path), uri=True, check_same_thread=False)
            db = LazyDatabase(conn)
            db.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if applied(db) is not None and pending(db):
                raise DatabaseUnavailable(
                    f"Tệp dữ liệu {path} do phiên bản doithoai cũ hơn tạo ra; hãy mở nó một lần bằng "
                    "doithoai (máy của thư ký) để cập nhật, rồi mở lại màn hình này.")
            check_schema(db, path)
            return db
        new_file = not path.exists()
        if new_file:
            if not path.parent.exists():
                raise DatabaseUnavailable(
                    f"Thư mục {path.parent} không tồn tại; hãy tạo thư mục hoặc chọn tệp khác (--db)."
                )
            if not os.access(path.parent, os.W_OK):
                raise DatabaseUnavailable(
                    f"Không ghi được vào thư mục {path.parent}; hãy chọn thư mục khác (--db) hoặc cấp quyền ghi."
                )
            # Create it with owner-only permissions before SQLite touches it.
            fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
            os.close(fd)
        else:
            # Another program's file is refused before anything is written to it.
            check_identity(path)
            if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
                raise DatabaseUnavailable(
                    f"Tệp dữ liệu {path} chỉ đọc (hoặc thư mục của nó không ghi được); "
                    "hãy cấp quyền ghi hoặc chép tệp sang thư mục khác."
                )
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=busy_timeout_ms() / 1000)
        # sqlite-utils is imported when the store is first asked for more than a read
        # (db/lazydb.py): the first screen paints without it.
        db = LazyDatabase(conn)
        if new_file or _is_blank(db):
            # Mark the file as ours before anything else, so it is recognised later.
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _pragmas(db, wal=True)
        if migrate:
            run_migrations(db)
            check_schema(db, path)
        return db
    except DatabaseUnavailable:
        raise
    except sqlite3.DatabaseError as exc:
        raise DatabaseUnavailable(describe_sqlite_error(exc, path)) from exc
    except UnicodeDecodeError as exc:  # a damaged header or schema text
        raise DatabaseUnavailable(f"Tệp dữ liệu {path} bị hỏng; hãy dùng bản sao lưu.") from exc
    except OSError as exc:
        raise DatabaseUnavailable(f"Không mở được tệp dữ liệu {path}: {exc.strerror or exc}.") from exc


def database(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """The store's sqlite-utils view of `conn`. Without sqlite-utils plugins: doithoai
    uses none, and looking for them reads every installed package's metadata at each
    start (tens of milliseconds)."""
    return LazyDatabase(conn).upgrade()


def _readonly_uri(path: Path) -> str:
    """A read-only SQLite URI for `path` (any character in the name is quoted)."""
    return path.resolve().as_uri() + "?mode=ro"


def _is_blank(db: sqlite_utils.Database) -> bool:
    """True for a file SQLite opened that holds no table and no application id yet."""
    if db.execute("PRAGMA application_id").fetchone()[0] != 0:
        return False
    return db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def check_identity(path: Path) -> None:
    """Refuse, changing nothing, any file that is not a doithoai store.

    Accepted: an empty file, a SQLite file without any table (nothing to lose), a
    file whose header carries doithoai's application id, and a doithoai store from
    before that id existed (its `_sqlite_migrations` names the doithoai set; the
    migration m004 then writes the id). Anything else raises DatabaseUnavailable
    with one sentence. Reads only: the header bytes, then, if needed, a read-only
    SQLite connection (the header may be stale while a WAL file is not checkpointed).
    """
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise DatabaseUnavailable(f"Không đọc được tệp dữ liệu {path}: {exc.strerror or exc}.") from exc
    if not header:
        return
    if not header.startswith(SQLITE_MAGIC):
        raise DatabaseUnavailable(
            f"Tệp {path} không phải là tệp dữ liệu SQLite của doithoai; hãy chọn đúng tệp (--db).")
    if int.from_bytes(header[68:72], "big") == APPLICATION_ID:
        return
    try:
        conn = sqlite3.connect(_readonly_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise DatabaseUnavailable(describe_sqlite_error(exc, path)) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id == APPLICATION_ID:
            return
        if app_id == 0:
            names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if not names:
                return
            if {"_sqlite_migrations", "meetings"} <= names and conn.execute(
                    "SELECT 1 FROM _sqlite_migrations WHERE migration_set = 'doithoai' "
                    "AND name = 'm001_initial'").fetchone():
                return
    except sqlite3.Error as exc:
        raise DatabaseUnavailable(describe_sqlite_error(exc, path)) from exc
    finally:
        conn.close()
    raise DatabaseUnavailable(
        f"Tệp {path} là cơ sở dữ liệu của một chương trình khác, không phải của doithoai; "
        "doithoai không thay đổi gì trong tệp này — hãy chọn tệp khác (--db).")


_EXPECTED: dict[str, set[str]] = {}


def _expected_columns() -> dict[str, set[str]]:
    """Every table and column the migrations create (computed once, in memory)."""
    if not _EXPECTED:
        reference = _Reference(sqlite3.connect(":memory:"))
        for fn in MIGRATIONS:
            fn(reference)  # type: ignore[arg-type]
        tables = [name for (name,) in reference.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            _EXPECTED[table] = {row[1] for row in reference.execute(f"PRAGMA table_info([{table}])")}
        # The table sqlite-utils records the migrations in, as its Migrations creates it
        # (tests/test_db_open_fast.py compares the whole reference with a new store's).
        _EXPECTED[MIGRATIONS_TABLE] = {"id", "migration_set", "name", "applied_at"}
        reference.close()
    return _EXPECTED


class _Reference(LazyDatabase):
    """The scratch in-memory store `_expected_columns` runs every migration on, in
    order, without sqlite-utils: each statement commits at once (as sqlite-utils'
    execute does outside a transaction); a script is cut into statements in one pass
    (sqlite-utils re-joins the text at every character, ~20 ms for the schema)."""

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        cursor = self.conn.execute(sql, parameters) if parameters is not None else self.conn.execute(sql)
        if self.conn.in_transaction and cursor.description is None:
            self.conn.commit()
        return cursor

    def executescript(self, sql: str) -> sqlite3.Cursor:
        cursor = self.conn.cursor()
        for statement in split_statements(sql):
            self.execute(statement)
        return cursor


def split_statements(sql: str) -> list[str]:
    """`sql` cut where sqlite3.complete_statement first holds, as sqlite-utils cuts it:
    a statement can only become complete at a semicolon, so only those are tried."""
    statements, start = [], 0
    for at, char in enumerate(sql):
        if char == ";":
            statement = sql[start:at + 1].strip()
            if statement and sqlite3.complete_statement(statement):
                statements.append(statement)
                start = at + 1
    rest = sql[start:].strip()
    if rest:
        statements.append(rest)
    return statements


def check_schema(db: sqlite_utils.Database, path: os.PathLike | str) -> None:
    """Refuse a store whose tables lack a column this version reads: a file damaged on
    disk (the schema is text in the file) or written by a newer doithoai."""
    present = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, columns in _expected_columns().items():
        have = {row[1] for row in db.execute(f"PRAGMA table_info([{table}])")} if table in present else set()
        missing = sorted(columns - have)
        if missing:
            raise DatabaseUnavailable(
                f"Tệp dữ liệu {path} bị hỏng hoặc không đúng cấu trúc (thiếu {table}.{missing[0]}); "
                "hãy dùng bản sao lưu.")


def _pragmas(db: sqlite_utils.Database, *, wal: bool) -> None:
    db.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    if wal:
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise DatabaseUnavailable("Không bật được chế độ ghi an toàn (WAL) cho tệp dữ liệu.")
    db.execute("PRAGMA synchronous = FULL")
    db.execute("PRAGMA foreign_keys = ON")


def describe_sqlite_error(exc: sqlite3.Error, path: os.PathLike | str | None = None) -> str:
    """One Vietnamese sentence for a SQLite error the user can act on."""
    text = str(exc).lower()
    where = f" {path}" if path else ""
    if "not a database" in text or "file is encrypted" in text:
        return f"Tệp{where} không phải là tệp dữ liệu SQLite của doithoai; hãy chọn đúng tệp (--db)."
    if "locked" in text or "busy" in text:
        return f"Tệp dữ liệu{where} đang bị chương trình khác khóa; hãy đóng chương trình đó rồi thử lại."
    if "readonly" in text or "read-only" in text:
        return f"Tệp dữ liệu{where} chỉ đọc; hãy cấp quyền ghi hoặc chọn thư mục khác."
    if "full" in text or "disk i/o" in text:
        return f"Ổ đĩa đầy hoặc lỗi ghi tệp{where}; hãy giải phóng dung lượng rồi thử lại — nội dung đang gõ vẫn còn trên màn hình."
    if "unable to open" in text:
        return f"Không mở được tệp dữ liệu{where}; hãy kiểm tra đường dẫn và quyền truy cập."
    if "malformed" in text or "corrupt" in text:
        return f"Tệp dữ liệu{where} bị hỏng; hãy dùng bản sao lưu."
    return f"Lỗi cơ sở dữ liệu{where}: {exc}."


@contextlib.contextmanager
def read_snapshot(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Several reads seeing one state of the file (a deferred read transaction), without
    sqlite-utils: a command that only reads (printing, a report) then never imports it.
    Inside a transaction already, the reads share that one."""
    conn = db.conn
    if conn.in_transaction:
        yield db
        return
    conn.execute("BEGIN")
    try:
        yield db
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")  # nothing was written: ending the read is all


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction, taken with BEGIN IMMEDIATE.

    Like `db.atomic()`, but takes the write lock up front, so two writers queue on
    the busy timeout instead of failing with "database is locked" when a read
    inside the transaction has to be upgraded. Nested use becomes a savepoint.
    SQLite errors leave as DatabaseUnavailable with a clear sentence.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise DatabaseUnavailable(describe_sqlite_error(exc)) from exc
    try:
        yield db
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise DatabaseUnavailable(describe_sqlite_error(exc)) from exc
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise DatabaseUnavailable(describe_sqlite_error(exc)) from exc
