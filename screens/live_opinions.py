"""What the secretary does on the live screen with opinions: record the typed one, a
slip, a follow-up, an answer, a correction; find one fast (the list and back, a
number, words without accents, filters). The forms return what was typed; these
methods call the store through the screen's Writer and re-read what changed.

Mixed into LiveScreen (screens/live.py), which holds the state these read. Each form
is imported by the action that opens it, when first used (not before the first paint).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from db.meetings import get_officials
from db.models import Opinion, Source
from db.opinions import (agency_names, answerer_names, edit_opinion, get_opinion, record_answer,
                         record_followup, record_opinion)

from .opinion_filter import OpinionFilter, choose, filter_choices
from .store_call import FAILED, attempt
from .widgets.opinions_table import OpinionsTable

if TYPE_CHECKING:
    from .answer_form import AnswerForm
    from .draft_form import Drafts
    from .opinion_form import OpinionEdit
    from .slip import SlipForm

_OPINION_DRAFT = "opinion"


class LiveOpinionActions:
    """Action methods of LiveScreen: opinions."""

    @property
    def drafts(self) -> Drafts:
        from .draft_form import Drafts
        return Drafts(self.store, self.meeting_id)

    def _highlighted_opinion(self) -> int | None:
        return self.query_one(OpinionsTable).highlighted_opinion_id

    # -- the typed opinion ------------------------------------------------------------

    def action_record(self) -> None:
        self._after_typed_keys(self._record)

    def _record(self, then=None) -> None:
        """Record the typed text: a follow-up, or an opinion of the current speaker.
        While the write waits for a lock the text stays and typing goes on; what is
        typed meanwhile stays in the editor once the opinion is recorded."""
        text = self.editor.text
        if not text.strip():
            self.notify("Chưa có nội dung ý kiến để ghi.", severity="warning", markup=False)
            return
        if self.writer.busy:
            self.notify("Đang chờ ghi thao tác trước; ý kiến vẫn còn trong ô, nhấn lại sau.",
                        severity="warning", markup=False)
            return
        db, now = self.store.db, self._now()

        def recorded(opinion: Opinion) -> None:
            self.reset_editor(text)
            self.reload(meeting=False, speakers=False, changed=opinion)
            self._say(f"Đã ghi ý kiến số {opinion.number}.")
            if then is not None:
                then(opinion)

        if self.follows is not None:
            self.writer.submit(record_followup, db, self.follows.id, text, draft_key=_OPINION_DRAFT,
                               now=now, then=recorded)
        elif self.speaker is not None:
            self.writer.submit(record_opinion, db, self.meeting_id, text, speaker_id=self.speaker.id,
                               field_id=self.field_id, draft_key=_OPINION_DRAFT, now=now, then=recorded)
        else:
            self.notify("Chưa có người phát biểu: mời người phát biểu (F3) hoặc ghi phiếu ý kiến (F8).",
                        severity="warning", markup=False)

    def action_followup(self) -> None:
        if self.follows is not None:
            self.follows = None
        else:
            opinion_id = self._highlighted_opinion()
            if opinion_id is None:
                return
            found = attempt(self, get_opinion, self.store.db, opinion_id)
            if found is FAILED:
                return
            self.follows = found
        self.save_context()
        self.editor.focus()

    def action_pick_field(self) -> None:
        def chosen(result) -> None:
            if result is not None:
                self.field_choice = result[0]
                self.save_context()
            self.editor.focus()

        from .picker import PickerModal
        self.app.push_screen(PickerModal("Lĩnh vực của ý kiến", [(f.id, f.name) for f in self.fields],
                                         self.field_id), chosen)

    # -- answers, slips, corrections --------------------------------------------------

    def action_answer(self, opinion_id: int | None = None, values: AnswerForm | None = None,
                      problem: str | None = None) -> None:
        opinion_id = opinion_id or self._highlighted_opinion()
        if opinion_id is None:
            return
        db = self.store.db
        opinion = attempt(self, get_opinion, db, opinion_id)
        if opinion is FAILED:
            return
        names = attempt(self, answerer_names, db, self.meeting_id) or []
        # The officials' titles are the agencies assignments usually go to.
        officials = attempt(self, get_officials, db, self.meeting_id) or []
        agencies = list(dict.fromkeys([p.title for p in officials if p.title]
                                      + (attempt(self, agency_names, db) or [])))

        def done(form: AnswerForm | None) -> None:
            if form is None:
                return
            self.writer.submit(record_answer, db, opinion_id, outcome=form.outcome,
                               answered_by=form.answered_by, answer=form.answer, agency=form.agency,
                               co_agency=form.co_agency,
                               deadline=form.deadline, draft_key=f"answer:{opinion_id}", now=self._now(),
                               then=answered, failed=lambda: self.action_answer(opinion_id, form))

        def answered(o: Opinion) -> None:
            self.reload(meeting=False, speakers=False, changed=o)
            self._say(f"Đã ghi trả lời ý kiến số {o.number}.")

        meeting_day = date.fromisoformat(self.meeting.date)
        from .answer_form import AnswerModal
        self.app.push_screen(AnswerModal(opinion, names, agencies, meeting_day, self.drafts, values=values,
                                         problem=problem), done)

    def action_slip(self, values: SlipForm | None = None) -> None:
        from .slip import SLIP_DRAFT, SlipModal

        def done(form: SlipForm | None) -> None:
            if form is not None:
                self.writer.submit(record_opinion, self.store.db, self.meeting_id, form.content,
                                   source=Source.SLIP, author=form.author, author_address=form.address,
                                   field_id=form.field_id, draft_key=SLIP_DRAFT, now=self._now(),
                                   then=recorded, failed=lambda: self.action_slip(form))

        def recorded(o: Opinion) -> None:
            self.reload(meeting=False, speakers=False, changed=o)
            self._say(f"Đã ghi phiếu ý kiến, số {o.number}.")

        self.app.push_screen(SlipModal(self.fields, self._hamlets(), self.drafts, values=values), done)

    def action_edit_opinion(self, opinion_id: int | None = None, values: OpinionEdit | None = None) -> None:
        opinion_id = opinion_id or self._highlighted_opinion()
        if opinion_id is None:
            return
        opinion = attempt(self, get_opinion, self.store.db, opinion_id)
        if opinion is FAILED:
            return
        from .opinion_form import ANSWER, OpinionEdit, OpinionFormModal

        def done(result) -> None:
            if result == ANSWER:
                self.action_answer(opinion_id)
            elif isinstance(result, OpinionEdit):
                self.writer.submit(edit_opinion, self.store.db, opinion_id, content=result.content,
                                   field_id=result.field_id, now=self._now(), then=edited,
                                   failed=lambda: self.action_edit_opinion(opinion_id, result))

        def edited(o: Opinion) -> None:
            self.drafts.clear(f"opinion:{opinion_id}")
            self.reload(meeting=False, speakers=False, changed=o)
            self._say(f"Đã sửa ý kiến số {o.number}.")

        self.app.push_screen(OpinionFormModal(opinion, self.fields, self.drafts, values=values), done)

    def on_opinions_table_edit_requested(self, message: OpinionsTable.EditRequested) -> None:
        self.action_edit_opinion(message.opinion_id)

    # -- finding an opinion -------------------------------------------------------------

    def action_opinions_list(self) -> None:
        """To the opinions list (type a number there to jump to it); again: back."""
        table = self.query_one(OpinionsTable)
        if self.focused is table:
            self.editor.focus()
        else:
            table.focus()

    def on_opinions_table_number_typed(self, message: OpinionsTable.NumberTyped) -> None:
        if not message.found and self._opinions_partial:  # typed before the others were read
            self._read_opinions()
            message.found = self.query_one(OpinionsTable).jump_to(message.number)
        if not message.found:
            self.notify(f"Không có ý kiến số {message.number} trong danh sách đang xem.",
                        severity="warning", markup=False)

    def apply_filter(self, new: OpinionFilter) -> None:
        self.opinion_filter = new
        self.reload(meeting=False, speakers=False)
        table = self.query_one(OpinionsTable)
        table.move_cursor(row=0, animate=False)
        table.focus()

    def action_filter(self) -> None:
        current = self.opinion_filter

        def chosen(result) -> None:
            if result is not None:
                self.apply_filter(choose(current, result[0]))

        from .picker import PickerModal
        self.app.push_screen(PickerModal(
            "Lọc danh sách ý kiến (kết quả và lĩnh vực kết hợp được)",
            filter_choices(current, self.fields)), chosen)

    def action_search(self) -> None:
        current = self.opinion_filter

        def chosen(words: str | None) -> None:
            if words is not None:
                self.apply_filter(OpinionFilter(current.outcome, current.field_id, words))

        from .search import SearchModal
        self.app.push_screen(SearchModal(current.words), chosen)

