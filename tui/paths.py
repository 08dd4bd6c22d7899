"""Where the database lives: --db, then $DOITHOAI_DB, then the user data directory."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "DOITHOAI_DB"


def default_db_path() -> Path:
    """The default database file, in the user data directory (created 0700 if missing)."""
    folder = Path(platformdirs.user_data_dir("doithoai", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder / "doithoai.db"


def resolve_db_path(cli_value: str | None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_db_path()
