"""Settings remembered between runs: one small JSON file in the user's config folder.

Today it holds the built-in Vietnamese typing (on or off, Telex or VNI, tone style). A missing
or broken file gives the defaults; a write goes to a temporary file in the same folder that
then replaces the old one (`os.replace`, atomic on Windows and POSIX), so a crash mid-write
never leaves half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import platformdirs

FILE_NAME = "settings.json"
ENV_VAR = "DOITHOAI_CONFIG"  # a folder, for a second profile or for tests


def default_settings_path() -> Path:
    """settings.json in $DOITHOAI_CONFIG, else the user config folder (%APPDATA% on Windows)."""
    folder = os.environ.get(ENV_VAR) or platformdirs.user_config_dir("doithoai", appauthor=False)
    return Path(folder).expanduser() / FILE_NAME


@dataclass
class Settings:
    vn_typing: str | None = None  # "telex" or "vni" while the built-in typing is on, else None
    vn_method: str = "telex"      # the method the toggle key turns on
    vn_style: str = "old"         # "old": hòa, thủy; "new": hoà, thuỷ


def load_settings(path: Path | None) -> Settings:
    """The settings in `path`; defaults for anything missing, unknown or of the wrong type."""
    settings = Settings()
    if path is None:
        return settings
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return settings
    if not isinstance(data, dict):
        return settings
    defaults = asdict(settings)
    for f in fields(Settings):
        value = data.get(f.name, defaults[f.name])
        if value is None or isinstance(value, str):
            setattr(settings, f.name, value)
    return settings


def save_settings(settings: Settings, path: Path | None) -> None:
    """Write `settings` to `path` atomically (no-op without a path). Raises OSError."""
    if path is None:
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
