"""The base of the forms that hold a long text (an answer, a slip, a correction):
what is typed is kept as a draft while typed, when the form is closed with Esc and
when the app closes, so nothing typed is lost; it comes back when the form opens."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen

from db.meetings import clear_draft, get_draft, save_draft

from .store_call import FAILED, attempt, attempt_unasked
from .widgets.draft_area import DraftArea

R = TypeVar("R")


class DraftForm(ModalScreen[R]):
    CSS_PATH = "live.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Lưu"),
        Binding("escape", "cancel", "Đóng"),
    ]

    def __init__(self, meeting_id: int, draft_key: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.draft_key = draft_key
        self.original = ""
        self.restored = False
        self._area: DraftArea | None = None

    def starting_text(self, original: str) -> str:
        """The text to show: the kept draft if there is one, else `original`."""
        self.original = original
        draft = get_draft(self.app.db, self.meeting_id, self.draft_key)
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
        if event.text == event.area.text and self._save(event.text, unasked=True):
            event.area.mark_saved(event.text)

    def _save(self, text: str, unasked: bool = False) -> bool:
        call = attempt_unasked if unasked else attempt
        return call(self, save_draft, self.app.db, self.meeting_id, self.draft_key, text,
                    now=self.app.clock()) is not FAILED

    def keep_draft(self) -> bool:
        """Keep the typed text as a draft (or drop the draft if nothing changed)."""
        text = self.area.text
        if text == self.original:
            ok = attempt(self, clear_draft, self.app.db, self.meeting_id, self.draft_key) is not FAILED
        else:
            ok = self.area.pending() is None or self._save(text)
        if ok:
            self.area.mark_saved(text)
        return ok

    def recorded(self, result) -> None:
        """The store recorded the text (and cleared the draft): close with `result`."""
        self.area.mark_saved(self.area.text)
        self.original = self.area.text
        self.dismiss(result)

    def action_cancel(self) -> None:
        if self.keep_draft():
            self.dismiss(None)

    def on_unmount(self) -> None:
        # The app is closing with the form open: keep what was typed.
        area = self._area
        if area is not None and area.text != self.original and area.pending() is not None:
            self._save(area.text)
