"""Ask for a file path: one to read (it must exist) or one to write (its folder must
exist; an existing file is overwritten only after a second Enter)."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from . import text_prepare as t
from .widgets.path_suggester import PathSuggester


class PathPromptModal(ModalScreen[Path | None]):
    """Dismissed with the chosen path, or None on Esc."""

    CSS_PATH = "prepare_dialogs.tcss"
    BINDINGS = [
        Binding("escape", "cancel", t.KEY_CANCEL),
        Binding("enter", "accept", t.KEY_OK, show=True),
    ]

    def __init__(self, title: str, default: str = "", *, write: bool = False,
                 suffixes: tuple[str, ...] = (), default_suffix: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.default = default
        self.write = write
        self.suffixes = suffixes
        self.default_suffix = default_suffix
        self._confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog path-dialog"):
            yield Static(Text(self.title_text), classes="dialog-title")
            yield Input(self.default, id="path", suggester=PathSuggester(self.suffixes),
                        select_on_focus=False)
            yield Static("", id="path-error", classes="dialog-error")
            yield Static(t.PATH_HELP, classes="dialog-help")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirm_overwrite = None
        self._error("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_accept()

    def _error(self, message: str) -> None:
        shown = self.query_one("#path-error", Static)
        shown.update(Text(message))
        shown.set_class(bool(message), "-shown")

    def action_accept(self) -> None:
        raw = self.query_one("#path", Input).value.strip()
        if not raw:
            self._error(t.PATH_EMPTY)
            return
        path = Path(raw).expanduser()
        if self.write:
            if not path.suffix and self.default_suffix:
                path = path.with_suffix(self.default_suffix)
            if path.is_dir():
                self._error(t.PATH_IS_DIR.format(path=path))
                return
            if not path.parent.is_dir():
                self._error(t.PATH_NO_DIR.format(path=path.parent))
                return
            if path.exists() and self._confirm_overwrite != path:
                self._confirm_overwrite = path
                self._error(t.PATH_EXISTS.format(path=path))
                return
        else:
            if path.is_dir():
                self._error(t.PATH_IS_DIR.format(path=path))
                return
            if not path.is_file():
                self._error(t.PATH_MISSING.format(path=path))
                return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
