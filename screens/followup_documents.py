"""The follow-up screen's documents: the reminder to the filtered agency and the
carry-over summary of the highlighted item's meeting, written as PDF and DOCX into the
documents folder (out_folder.documents_dir, like every document written from a screen)
in a worker with its own connection."""

from __future__ import annotations

from datetime import date

from textual import work

from db.connection import open_db
from db.errors import StoreError
from reports.carry_over import write_carry_over
from reports.fonts import FontError
from reports.reminders import write_reminders

from . import text_followup as t
from .out_folder import documents_dir
from .store_call import StoreAccess


class FollowupDocuments(StoreAccess):
    """Mixed into FollowupScreen, which provides `agency`, `highlighted()` and `today()`."""

    def action_letters(self) -> None:
        if self.agency:
            self.write_documents("letters", self.agency, self.today())

    def action_carry_over(self) -> None:
        item = self.highlighted()
        if item is not None:
            self.write_documents("carry_over", item.meeting_id, self.today())

    @work(thread=True, exclusive=True, group="documents")
    def write_documents(self, kind: str, target, today: date) -> None:
        """The reminder to an agency, or a meeting's carry-over summary, as PDF and DOCX
        in the documents folder; the result reaches the user as a notification."""
        path = self.store.path
        folder = documents_dir()
        own = None  # the worker's own connection, closed when it is done
        try:
            own = open_db(path) if path else None
            db = own or self.store.db
            if kind == "letters":
                written = write_reminders(db, target, today, folder)
            else:
                written = write_carry_over(db, target, today, folder)
        except (StoreError, FontError, OSError) as exc:
            why = getattr(exc, "message", None) or getattr(exc, "strerror", None) or str(exc)
            self.app.call_from_thread(self.notify, t.DOCUMENTS_FAILED.format(why=why), severity="error",
                                      markup=False)
            return
        finally:
            if own is not None:
                own.close()
        message = (t.DOCUMENTS_WRITTEN.format(paths=", ".join(str(p) for p in written)) if written
                   else t.LETTERS_NONE.format(agency=target))
        self.app.call_from_thread(self.notify, message, markup=False, timeout=12)
