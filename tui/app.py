"""The secretary's application: one App, built the same way by the CLI and the tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable, Sequence

import sqlite_utils
from textual.binding import Binding

from db.clock import system_clock
from db.connection import open_db
from db.meetings import live_meeting_id
from screens.meetings import MeetingListScreen
from screens.text import APP_TITLE, KEY_PALETTE, KEY_QUIT
from screens.vntyping.engine import Method
from screens.vntyping.hook import VnTypingApp
from screens.vntyping.syllable import Style

from .settings import Settings, load_settings, save_settings


class DoiThoaiApp(VnTypingApp):
    """Screens reach the store through `self.app.db` and the time through `self.app.clock()`.

    Text fields get their keys in order and the built-in Telex/VNI typing (VnTypingApp); the
    choice is kept in `settings_path` (none in tests: nothing read, nothing written)."""

    CSS_PATH = "app.tcss"
    TITLE = APP_TITLE
    ENABLE_COMMAND_PALETTE = True
    # Textual's own keys, with Vietnamese labels (its defaults say "palette", "Quit").
    BINDINGS = [
        Binding("ctrl+q", "quit", KEY_QUIT, show=True, priority=True),
        Binding("ctrl+p", "command_palette", KEY_PALETTE, show=False, priority=True),
    ]

    def __init__(self, db: sqlite_utils.Database, db_path: Path | None,
                 clock: Callable[[], datetime] = system_clock, meeting_id: int | None = None,
                 notes: Sequence[str] = (), settings_path: Path | None = None):
        self.settings_path = settings_path
        self.settings = load_settings(settings_path)
        super().__init__(vn_method=_enum(Method, self.settings.vn_typing),
                         vn_last=_enum(Method, self.settings.vn_method) or Method.TELEX,
                         vn_style=_enum(Style, self.settings.vn_style) or Style.OLD)
        self.start_notes = tuple(notes)  # sentences to show once at start-up (e.g. a new backup)
        self.db = db
        self.db_path = db_path
        self.clock = clock
        self.start_meeting_id = meeting_id

    def on_mount(self) -> None:
        self.push_screen(MeetingListScreen())
        for note in self.start_notes:
            self.notify(note, severity="warning", timeout=30, markup=False)
        resume = self.start_meeting_id or live_meeting_id(self.db)
        if resume is not None:
            self.screen.open_meeting(resume)

    def remember_vn_typing(self) -> None:
        self.settings = Settings(vn_typing=self.vn_method.value if self.vn_method else None,
                                 vn_method=self.vn_last.value, vn_style=self.vn_style.value)
        try:
            save_settings(self.settings, self.settings_path)
        except OSError as exc:
            self.notify(f"Không lưu được lựa chọn bộ gõ vào {self.settings_path}: {exc.strerror or exc}; "
                        "lần sau cần chọn lại.", severity="warning")


def _enum(kind, value):
    """The member of `kind` with this value, or None (a settings file edited by hand)."""
    try:
        return kind(value)
    except ValueError:
        return None


def build_app(db_path: str | Path | None = None, *, clock: Callable[[], datetime] = system_clock,
              meeting_id: int | None = None, db: sqlite_utils.Database | None = None,
              notes: Sequence[str] = (), settings_path: Path | None = None) -> DoiThoaiApp:
    """Open the store (raising DatabaseUnavailable with a clear sentence) and build the app."""
    if db is None:
        if db_path is None:
            raise ValueError("build_app needs db_path or db")
        db = open_db(db_path)
    return DoiThoaiApp(db, Path(db_path) if db_path else None, clock=clock, meeting_id=meeting_id,
                       notes=notes, settings_path=settings_path)
