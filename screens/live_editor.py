"""The live screen's opinion being typed: its title, its draft (saved as it is typed,
brought back when the meeting is reopened) and its context (who it is for, its field,
what it follows up). A mixin of screens.live.LiveScreen."""

from __future__ import annotations

import json

from rich.text import Text

from db.meetings import clear_draft, get_draft, save_draft
from db.opinions import get_opinion

from .store_call import FAILED, attempt, attempt_unasked
from .widgets.draft_area import DraftArea
from .widgets.opinions_table import who

OPINION_DRAFT = "opinion"
CONTEXT_DRAFT = "opinion.context"  # {"speaker_id", "field_id", "follows_id"} of the typed opinion


class LiveEditor:
    """Methods of LiveScreen: the opinion being typed."""

    @property
    def field_id(self) -> int | None:
        """The field the typed opinion will be recorded with."""
        if self.follows is not None:
            return self.follows.field_id
        if self.field_choice is not None:
            return self.field_choice
        return self.speaker.field_id if self.speaker else None

    def show_editor_title(self) -> None:
        if self.follows is not None:
            title = f"Ý kiến tiếp theo ý kiến số {self.follows.number} · {who(self.follows)}"
        elif self.speaker is not None:
            title = f"Ý kiến của số {self.speaker.reg_no} · {self.speaker.short_name}"
        else:
            title = "Ý kiến · chưa có người phát biểu (F3 mời, F8 ghi phiếu)"
        field = next((f.name for f in self.fields if f.id == self.field_id), "chưa chọn")
        self.editor.border_title = Text(title)
        if self.writer.waiting:
            return
        self.editor.border_subtitle = Text(f"Lĩnh vực: {field} (Ctrl+L)")

    def on_draft_area_draft_due(self, event: DraftArea.DraftDue) -> None:
        event.stop()
        area = event.area
        if event.text == area.text and attempt_unasked(
                self, save_draft, self.store.db, self.meeting_id, OPINION_DRAFT, event.text,
                now=self.store.now()) is not FAILED:
            area.mark_saved(event.text)

    def flush_editor(self) -> None:
        """Save the typed text now if it is not saved yet (leaving, closing)."""
        editor = getattr(self, "_editor", None)
        text = editor.pending() if editor is not None else None
        if text is not None and attempt_unasked(self, save_draft, self.store.db, self.meeting_id,
                                                OPINION_DRAFT, text, now=self.store.now()) is not FAILED:
            editor.mark_saved(text)

    def save_context(self) -> None:
        """Keep who the typed opinion is for, its field and what it follows up."""
        context = None  # the default: the current speaker, their field, no follow-up
        if self.field_choice is not None or self.follows is not None:
            context = {"speaker_id": self.speaker.id if self.speaker else None,
                       "field_id": self.field_choice,
                       "follows_id": self.follows.id if self.follows else None}
        if context != self._saved_context:
            if context is None:
                done = attempt_unasked(self, clear_draft, self.store.db, self.meeting_id, CONTEXT_DRAFT)
            else:
                done = attempt_unasked(self, save_draft, self.store.db, self.meeting_id, CONTEXT_DRAFT,
                                       json.dumps(context), now=self.store.now())
            if done is not FAILED:
                self._saved_context = context
        self.show_editor_title()
        self.refresh_bindings()
        self.show_keys()

    def restore_draft(self) -> None:
        """Reopening a live meeting brings back the text being typed and its context."""
        db = self.store.db
        text = get_draft(db, self.meeting_id, OPINION_DRAFT)
        if text:
            self.editor.show_text(text)
        raw = get_draft(db, self.meeting_id, CONTEXT_DRAFT)
        if raw:
            try:
                context = json.loads(raw)
            except ValueError:
                context = {}
            self._saved_context = context
            if context.get("follows_id"):
                found = attempt(self, get_opinion, db, context["follows_id"])
                self.follows = found or None
            if context.get("speaker_id") == (self.speaker.id if self.speaker else None):
                self.field_choice = context.get("field_id")
        self.show_editor_title()
        self.refresh_bindings()
        self.show_keys()

    def reset_editor(self, recorded: str = "") -> None:
        """After recording `recorded`: the text typed since stays (a write that waited
        for a lock), the follow-up and field choice go."""
        text = self.editor.text
        rest = text[len(recorded):].lstrip() if recorded and text.startswith(recorded) else \
            ("" if text == recorded else text)
        self.editor.show_text(rest)
        if rest:
            self.editor.mark_saved("")
        self.follows = None
        self.field_choice = None
        self.save_context()
