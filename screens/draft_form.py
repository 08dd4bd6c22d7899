"""The base of the forms that hold a long text (an answer, a slip, a correction):
what is typed is kept as a draft while typed, when the form is closed with Esc and
when the app closes, so nothing typed is lost; it comes back when the form opens.

Forms never record anything themselves: they dismiss with what was typed and the
screen that opened them calls the store. They keep their draft through `Drafts`,
which the screen hands them. Their messages appear on a line inside the form
(`FormNotices`), never in a toast over the text being typed."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TypeVar

from rich.text import Text
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from db.errors import StoreError
from db.meetings import clear_draft, get_draft, save_draft

from .store_call import FAILED, Store, attempt, attempt_unasked
from .widgets.draft_area import DraftArea

R = TypeVar("R")


@dataclass(frozen=True)
class Drafts:
    """The kept drafts of one meeting, as the screen hands them to a form."""

    store: Store
    meeting_id: int

    def get(self, key: str) -> str | None:
        try:
            return get_draft(self.store.db, self.meeting_id, key)
        except sqlite3.Error:
            return None

    def save(self, node, key: str, text: str, *, unasked: bool = False) -> bool:
        call = attempt_unasked if unasked else attempt
        return call(node, save_draft, self.store.db, self.meeting_id, key, text,
                    now=self.store.now()) is not FAILED

    def clear(self, key: str, node=None) -> bool:
        """Drop the draft `key`; `node` tells the user when that fails (without a node,
        a failure is silent: a leftover draft only comes back as a suggestion)."""
        if node is None:
            try:
                clear_draft(self.store.db, self.meeting_id, key)
            except (StoreError, sqlite3.Error):
                return False
            return True
        return attempt(node, clear_draft, self.store.db, self.meeting_id, key) is not FAILED


class FormNotices:
    """Mixed into a form: `notify` writes on the form's `.dialog-error` line."""

    def notify(self, message: str, *, title: str = "", severity: str = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        lines = self.query(".dialog-error").results(Static)
        line = next(lines, None)
        if line is None:  # not composed yet: a toast
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
            return
        line.set_class(severity == "error", "-error")
        line.set_class(severity == "warning", "-warning")
        line.set_class(bool(message), "-shown")
        line.update(Text(message))


#: Forms get the class -short below 34 rows (their CSS fits them in 24).
FORM_BREAKPOINTS = [(0, "-short"), (34, "-tall")]


class DraftForm(FormNotices, ModalScreen[R]):
    CSS_PATH = "live.tcss"
    VERTICAL_BREAKPOINTS = FORM_BREAKPOINTS
    BINDINGS = [
        Binding("ctrl+s", "save", "Lưu"),
        Binding("escape", "cancel", "Đóng"),
    ]

    def __init__(self, drafts: Drafts, draft_key: str) -> None:
        super().__init__()
        self.drafts = drafts
        self.draft_key = draft_key
        self.original = ""
        self.restored = False
        self._area: DraftArea | None = None

    def starting_text(self, original: str) -> str:
        """The text to show: the kept draft if there is one, else `original`."""
        self.original = original
        draft = self.drafts.get(self.draft_key)
        self.restored = draft is not None and draft != original
        return draft if self.restored else original

    @property
    def area(self) -> DraftArea:
        if self._area is None:
            self._area = self.query_one(DraftArea)
        return self._area

    def on_mount(self) -> None:
        self.area.move_cursor(self.area.document.end)
        if self.restored:
            self.notify("Đã khôi phục nội dung đang gõ dở lần trước.", markup=False)

    def on_draft_area_draft_due(self, event: DraftArea.DraftDue) -> None:
        event.stop()
        if event.text == event.area.text and self.drafts.save(self, self.draft_key, event.text, unasked=True):
            event.area.mark_saved(event.text)

    def keep_draft(self) -> bool:
        """Keep the typed text as a draft (or drop the draft if nothing changed)."""
        text = self.area.text
        if text == self.original:
            ok = self.drafts.clear(self.draft_key, self)
        else:
            ok = self.area.pending() is None or self.drafts.save(self, self.draft_key, text)
        if ok:
            self.area.mark_saved(text)
        return ok

    def submit(self, result) -> None:
        """Close with what was typed; the screen records it. The text is kept as a
        draft first, so a refusal (the form opens again) or a crash loses nothing."""
        self.keep_draft()
        self.original = self.area.text
        self.dismiss(result)

    def action_cancel(self) -> None:
        if self.keep_draft():
            self.dismiss(None)

    def on_unmount(self) -> None:
        # The app is closing with the form open: keep what was typed.
        area = self._area
        if area is not None and area.text != self.original and area.pending() is not None:
            self.drafts.save(self, self.draft_key, area.text, unasked=True)
