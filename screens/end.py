"""After the meeting: correct the chair's conclusion and the attendance, print the
minutes and the conclusion notice (PDF and Word), mark the notice final, print its
public version, seal the record.

Printing runs in a worker thread (the screen keeps answering) with a progress bar.
Everything the worker needs (the record as stored, the folder, the choices, the
moment) is read on the UI thread before it starts; the worker touches no widget
and posts its progress and result back. While the screen is open the documents
are prepared in the background (`reports.printing.PrintCache`), so F9 on an
unchanged record only copies the files. reports (reportlab, python-docx) is
imported in the workers: the app starts without it.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Header, Input, Label, ProgressBar, Static

from db.meetings import (
    clear_draft, get_attendance, get_draft, get_meeting, load_record, save_draft, set_attendance,
    set_conclusion,
)
from db.conclusions import dissolve_group, merge_opinions
from db.documents import PublicNaming, get_choices, set_choices
from db.models import MEETING_STATUS_LABELS, Meeting, MeetingStatus
from db.seal import seal_meeting
from db.substance import minutes_approved, set_minutes_approved

from . import text
from .confirm import ConfirmModal
from .end_printing import EndPrinting
from .merge_opinions import MergeOpinionsModal, MergeRequest
from .out_folder import documents_dir as default_out_dir
from .store_call import FAILED, StoreAccess, attempt
from .widgets.draft_area import DraftArea
from .widgets.key_bar import KeyBar, binding_entries

CONCLUSION_DRAFT = "conclusion"


class WrappingCheckbox(Checkbox):
    """A checkbox whose long label wraps (at 80 columns) rather than being cut."""

    def get_content_height(self, container, viewport, width: int) -> int:
        return self.render().get_height(self.styles, width)


class EndScreen(EndPrinting, StoreAccess, Screen):
    CSS_PATH = "end.tcss"
    AUTO_FOCUS = "#conclusion"
    # The key bar shows these in this order (then the app's ^Q and ^P).
    BINDINGS = [
        # Each F-key has an Alt twin, for laptops whose F-keys send media keys unless Fn is held.
        *(binding
          for fkey, alt, action, label in (
              ("f6", "alt+g", "merge", text.END_KEY_MERGE),
              ("f7", "alt+c", "toggle_final", text.END_KEY_FINAL),
              ("f8", "alt+k", "print_public", text.END_KEY_PUBLIC),
              ("f9", "alt+i", "print", text.END_KEY_PRINT),
              ("f10", "alt+n", "seal", text.END_KEY_SEAL))
          for binding in (Binding(fkey, action, label, priority=True,
                                  key_display=f"{fkey.upper()}/Alt+{alt[-1].upper()}"),
                          Binding(alt, action, label, priority=True, show=False))),
        Binding("ctrl+s", "save", text.END_KEY_SAVE, priority=True),
        Binding("escape", "back", text.KEY_BACK),
    ]

    def __init__(self, meeting_id: int, *, backup_note: str | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.backup_note = backup_note
        self.meeting: Meeting | None = None  # last value read
        self.printing = False
        self.cache_dir: Path | None = None  # where documents are prepared in the background
        self._cache = None  # reports.printing.PrintCache, made by the first worker
        self._cache_lock = threading.Lock()

    # -- layout -----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="end"):
            yield Static(id="end-title", classes="title")
            yield Static(id="end-status", classes="muted")
            yield Label(text.END_CONCLUSION)
            yield DraftArea(id="conclusion", draft_key=CONCLUSION_DRAFT, placeholder=text.END_CONCLUSION_HINT)
            yield Label(text.END_ATTENDANCE)
            yield Vertical(id="attendance")
            with Horizontal(id="out-row"):
                yield Label(text.END_OUT_DIR)
                yield Input(str(default_out_dir()), id="out-dir")
            yield Static(id="doc-state")
            yield WrappingCheckbox(text.END_PUBLIC_HAMLET, id="public-hamlet")
            yield WrappingCheckbox(text.END_MINUTES_APPROVED, id="minutes-approved")
            yield ProgressBar(total=4, id="progress", show_eta=False)
            yield Static(id="result")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        db = self.store.db
        self.meeting = get_meeting(db, self.meeting_id)
        area = self.query_one("#conclusion", DraftArea)
        area.show_text(get_draft(db, self.meeting_id, CONCLUSION_DRAFT) or self.meeting.conclusion or "")
        rows = self.query_one("#attendance", Vertical)
        for group in get_attendance(db, self.meeting_id):
            rows.mount(Horizontal(
                Label(Text(group.group), classes="group-name"),
                Label(f"{text.COL_INVITED}: {group.invited if group.invited is not None else '—'}",
                      classes="group-invited"),
                Input("" if group.present is None else str(group.present), type="integer", compact=True,
                      placeholder=text.COL_PRESENT, id=f"present-{group.id}", classes="present"),
                classes="group-row"))
        self.query_one("#progress", ProgressBar).display = False
        if self.backup_note:
            self.query_one("#result", Static).update(Text(self.backup_note))
        choices = get_choices(db, self.meeting_id)
        self.query_one("#public-hamlet", Checkbox).value = choices.public_naming is PublicNaming.HAMLET
        self.query_one("#minutes-approved", Checkbox).value = minutes_approved(db, self.meeting_id)
        self.cache_dir = Path(tempfile.mkdtemp(prefix="doithoai-in-"))
        self.bindings_updated_signal.subscribe(self, lambda _screen: self.show_keys())
        self.show_state()
        self.prepare()
        # Focusing the conclusion scrolls it to the top and hides the title above it.
        self.call_after_refresh(self.query_one("#end", VerticalScroll).scroll_home, animate=False)

    def on_unmount(self) -> None:
        self.bindings_updated_signal.unsubscribe(self)
        if self.cache_dir is not None:
            shutil.rmtree(self.cache_dir, ignore_errors=True)

    def show_state(self) -> None:
        m = self.meeting
        self.query_one("#end-title", Static).update(Text(f"{text.END_TITLE}: {m.title}"))
        status = MEETING_STATUS_LABELS[m.status]
        if m.status is MeetingStatus.LIVE:
            status += " — " + text.END_PROVISIONAL
        if m.sealed_hash:
            status += f" — {text.END_SEALED} {m.sealed_at.replace('T', ' ')}, SHA-256 {m.sealed_hash}"
        elif m.reopened_at:
            status += f" — {text.END_REOPENED} {m.reopened_at.replace('T', ' ')}"
        self.query_one("#end-status", Static).update(Text(status))
        final = get_choices(self.store.db, self.meeting_id).notice_final
        self.query_one("#doc-state", Static).update(Text(text.END_NOTICE_FINAL if final else text.END_NOTICE_DRAFT))
        sealed = bool(m.sealed_hash)
        self.query_one("#conclusion", DraftArea).read_only = sealed
        for field in self.query(".present").results(Input):
            field.disabled = sealed
        self.query_one("#minutes-approved", Checkbox).disabled = sealed
        self.refresh_bindings()  # the key bar follows (bindings_updated_signal)

    def show_keys(self) -> None:
        """Every key possible now, on as many lines as the width needs."""
        self.query_one(KeyBar).show(binding_entries(self) + [("^P", text.KEY_PALETTE)])

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if self.meeting is None:
            return True
        sealed = bool(self.meeting.sealed_hash)
        if action == "save":
            return not sealed
        if action in ("print", "print_public"):
            return not self.printing
        if action == "merge":
            return not sealed
        if action == "seal":
            return self.meeting.status is MeetingStatus.ENDED and not sealed and not self.printing
        return True

    # -- keeping what is typed ----------------------------------------------------

    def on_draft_area_draft_due(self, event: DraftArea.DraftDue) -> None:
        event.stop()
        if self.meeting and self.meeting.sealed_hash:
            return
        if attempt(self, save_draft, self.store.db, self.meeting_id, CONCLUSION_DRAFT, event.text,
                   now=self.store.now()) is not FAILED:
            event.area.mark_saved(event.text)
            self.prepare(conclusion=event.text)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget.has_class("present"):  # the whole row: a wrapped group name too
            event.widget.parent.scroll_visible(animate=False)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if event.input.id and event.input.id.startswith("present-"):
            self._save_present(event.input)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id and event.input.id.startswith("present-"):
            self._save_present(event.input)

    def _save_present(self, field: Input) -> bool:
        value = field.value.strip()
        group_id = int(field.id.removeprefix("present-"))
        present = int(value) if value else None
        current = next((g.present for g in get_attendance(self.store.db, self.meeting_id) if g.id == group_id), None)
        if present == current:
            return True
        saved = attempt(self, set_attendance, self.store.db, self.meeting_id, group_id, present,
                        now=self.store.now()) is not FAILED
        if saved and not self.printing:
            self.prepare()
        return saved

    def save_all(self) -> bool:
        """Commit the conclusion and every attendance figure; False if one failed."""
        if self.meeting.sealed_hash:
            return True
        area = self.query_one("#conclusion", DraftArea)
        ok = all([self._save_present(field) for field in self.query(".present").results(Input)])
        if (area.text.strip() or None) != (get_meeting(self.store.db, self.meeting_id).conclusion or None):
            if attempt(self, set_conclusion, self.store.db, self.meeting_id, area.text,
                       now=self.store.now()) is FAILED:
                return False
        attempt(self, clear_draft, self.store.db, self.meeting_id, CONCLUSION_DRAFT)
        area.mark_saved(area.text)
        self.meeting = get_meeting(self.store.db, self.meeting_id)
        return ok

    def action_save(self) -> None:
        if self.save_all():
            self.notify(text.END_SAVED, markup=False)

    # -- the notice's choices ------------------------------------------------------

    def action_toggle_final(self) -> None:
        final = not get_choices(self.store.db, self.meeting_id).notice_final
        if attempt(self, set_choices, self.store.db, self.meeting_id, notice_final=final,
                   now=self.store.now()) is FAILED:
            return
        self.show_state()
        self.prepare()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "minutes-approved":
            if event.value != minutes_approved(self.store.db, self.meeting_id) and attempt(
                    self, set_minutes_approved, self.store.db, self.meeting_id, event.value,
                    now=self.store.now()) is not FAILED:
                self.prepare()
            return
        if event.checkbox.id != "public-hamlet":
            return
        naming = PublicNaming.HAMLET if event.value else PublicNaming.INITIALS
        if get_choices(self.store.db, self.meeting_id).public_naming is not naming:
            attempt(self, set_choices, self.store.db, self.meeting_id, public_naming=naming, now=self.store.now())

    def action_merge(self) -> None:
        """Merge opinions on one matter under one conclusion (screens/merge_opinions.py)."""
        def done(request: MergeRequest | None) -> None:
            if request is None:
                return
            db, now = self.store.db, self.store.now()
            if request.dissolve:
                if all(attempt(self, dissolve_group, db, g, now=now) is not FAILED for g in request.dissolve):
                    self.notify(text.UNMERGED, markup=False)
            else:
                group = attempt(self, merge_opinions, db, self.meeting_id, request.opinion_ids, request.text, now=now)
                if group is FAILED:
                    return
                numbers = ", ".join(str(o.number) for o in load_record(db, self.meeting_id).opinions
                                    if o.id in group.opinion_ids)
                self.notify(text.MERGED.format(numbers=numbers), markup=False)
            self.prepare()

        self.app.push_screen(MergeOpinionsModal(self.meeting_id), done)

    # -- sealing ------------------------------------------------------------------

    def action_seal(self) -> None:
        def go(yes: bool | None) -> None:
            if not yes or not self.save_all():
                return
            digest = attempt(self, seal_meeting, self.store.db, self.meeting_id, now=self.store.now())
            if digest is FAILED:
                return
            self.meeting = get_meeting(self.store.db, self.meeting_id)
            self.show_state()
            self.query_one("#result", Static).update(Text(f"{text.END_SEALED_NOW} SHA-256: {digest}"))
            self.prepare()

        self.app.push_screen(ConfirmModal(text.END_SEAL_TITLE, text.END_SEAL_MESSAGE, text.END_KEY_SEAL), go)

    def action_back(self) -> None:
        area = self.query_one("#conclusion", DraftArea)
        pending = area.pending()
        if pending is not None and not (self.meeting and self.meeting.sealed_hash):
            attempt(self, save_draft, self.store.db, self.meeting_id, CONCLUSION_DRAFT, pending,
                    now=self.store.now())
        self.app.pop_screen()
