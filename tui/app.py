"""The secretary's application: one App, built the same way by the CLI and the tests.

Start-up imports only what the first screen needs: the live screen or the meeting list
is imported when it is first shown (bench/bench_startup.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from db.clock import system_clock
from db.connection import open_db
from db.lazydb import preload
from db.meetings import live_meeting_id
from screens.store_call import UI_BUSY_TIMEOUT_MS, Store
from screens.text import APP_TITLE, KEY_PALETTE, KEY_QUIT
from screens.vntyping.engine import Method
from screens.vntyping.hook import VnTypingApp
from screens.vntyping.syllable import Style

from .settings import Settings, load_settings, save_settings

if TYPE_CHECKING:
    import sqlite_utils

#: Textual's own palette commands, in English: replaced by the Vietnamese ones.
_TEXTUAL_OWN = {"Theme", "Quit", "Keys", "Screenshot", "Maximize", "Minimize"}

#: The command palette's prompt (Textual's says "Search for commands…").
PALETTE_PROMPT = "Gõ để tìm lệnh… (Esc: đóng)"

#: Seconds after the first paint at which sqlite-utils is imported in the background
#: (db/lazydb.py), before the secretary's first write needs it.
PRELOAD_SECONDS = 0.5


class DoiThoaiApp(VnTypingApp):
    """Screens reach the store and the clock through `store` (a screens.store_call.Store).
    `db`, `db_path` and `clock` stay as shortcuts for the App itself, the CLI and the
    tests; no screen reads them (tests/test_screens_convention.py).

    Text fields get their keys in order and the built-in Telex/VNI typing (VnTypingApp); the
    choice is kept in `settings_path` (none in tests: nothing read, nothing written)."""

    CSS_PATH = "app.tcss"
    TITLE = APP_TITLE
    ENABLE_COMMAND_PALETTE = True
    # Textual's own keys, with Vietnamese labels (its defaults say "palette", "Quit").
    BINDINGS = [
        Binding("ctrl+q", "quit", KEY_QUIT, show=True, priority=True),
        Binding("ctrl+p", "command_palette", KEY_PALETTE, show=False, priority=True),
        # Tab moves the focus as the app reads it, not when the focused widget gets to
        # it: Textual hands each key to the widget focused when the key is read, so the
        # keys read after a Tab but before the old widget handled it (a paste, an input
        # method retyping a word) used to land in the old field ("Lê Thị HoaPhương Độ").
        Binding("tab", "move_focus(1)", show=False, priority=True),
        Binding("shift+tab", "move_focus(-1)", show=False, priority=True),
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
        # A store call from a key never waits for another program's lock longer than
        # a frame: the screens' Writer retries instead (screens/store_call.py).
        db.execute(f"PRAGMA busy_timeout = {UI_BUSY_TIMEOUT_MS}")
        self.store = Store(db=db, clock=clock, path=db_path)
        self.start_meeting_id = meeting_id
        self._quit_asked = False

    @property
    def db(self) -> sqlite_utils.Database:
        return self.store.db

    @property
    def db_path(self) -> Path | None:
        return self.store.path

    def clock(self) -> datetime:
        return self.store.clock()

    def on_mount(self) -> None:
        resume = self.start_meeting_id or live_meeting_id(self.db)
        if resume is None:
            from screens.meetings import MeetingListScreen
            self.push_screen(MeetingListScreen())
        else:
            # Straight to the meeting: the list is made when the secretary leaves it
            # (pop_screen below), not before the first paint.
            from screens.live import LiveScreen
            screen = LiveScreen(resume)
            self._read_screen_css(screen)
            self.push_screen(screen)
        for note in self.start_notes:
            self.notify(note, severity="warning", timeout=30, markup=False)
        self.call_after_refresh(self.set_timer, PRELOAD_SECONDS, preload)

    def _read_screen_css(self, screen: Screen) -> None:
        """Add `screen`'s style files to the app's stylesheet before it is pushed. Textual
        would add them itself, re-parsing every rule read so far in a new stylesheet whose
        parse cache then is lost, so the screen's file was parsed twice (~10 ms at start-up);
        here only the new file is parsed. Every node is restyled as Textual does."""
        added = False
        for path in screen.css_path:
            if not self.stylesheet.has_source(str(path), ""):
                self.stylesheet.read(path)
                added = True
        if added:
            self.stylesheet.update(self)

    def pop_screen(self):
        """Leaving the last screen of a meeting goes to the meeting list."""
        from screens.meetings import MeetingListScreen
        if len(self.screen_stack) <= 2 and not isinstance(self.screen, MeetingListScreen):
            return self.switch_screen(MeetingListScreen())
        return super().pop_screen()

    # -- the focus --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "move_focus":
            # Leave Tab to the widgets that use it themselves: a text area that indents,
            # the command palette (its own focus handling).
            focused = self.focused
            if getattr(focused, "tab_behavior", None) == "indent":  # a TextArea that indents
                return False
            return not CommandPalette.is_open(self)
        return True

    def action_move_focus(self, step: int) -> None:
        if step > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    # -- the palette, in Vietnamese ------------------------------------------------

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=PALETTE_PROMPT))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Vietnamese system commands (Textual's own are English), then the typing ones."""
        yield SystemCommand("Thoát ứng dụng", "Đóng doithoai (mọi thứ đã được lưu)", self.action_quit)
        yield SystemCommand("Đổi giao diện sáng / tối", "Chuyển giữa nền sáng và nền tối",
                            self.action_toggle_dark)
        for command in super().get_system_commands(screen):
            if command.title not in _TEXTUAL_OWN:  # Textual's English ones are said above
                yield command

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    # -- leaving ---------------------------------------------------------------------

    async def action_quit(self) -> None:
        """During a live meeting, ask once (Enter: leave, Esc: stay); nothing is lost
        either way, but leaving by accident mid-meeting surprises."""
        from screens.live import LiveScreen
        live = any(isinstance(s, LiveScreen) and s.is_live for s in self.screen_stack)
        if not live or self._quit_asked:  # asked already: a second Ctrl+Q leaves
            await super().action_quit()
            return
        self._quit_asked = True

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()
            else:
                self._quit_asked = False

        from screens.confirm import ConfirmModal
        self.push_screen(ConfirmModal(
            "Thoát khi hội nghị đang diễn ra?",
            "Mọi nội dung đã được lưu; mở lại doithoai sẽ trở về đúng chỗ này.",
            "Thoát"), answered)


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
