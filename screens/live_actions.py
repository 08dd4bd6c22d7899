"""What the secretary does on the live screen: one method per action. Each calls one
store operation (committed when it returns), then re-reads what the screen shows.
On a store error the message is shown and the typed text stays where it was.

Mixed into LiveScreen (screens/live.py), which holds the state these read.
"""

from __future__ import annotations

from db.meetings import Ended, end_meeting, next_step, previous_step, start_meeting
from db.models import Opinion
from db.opinions import get_opinion, record_followup, record_opinion
from db.speakers import call_next, call_speaker, finish_speaker, list_speakers, mark_absent

from .answer_form import AnswerModal
from .confirm import ConfirmModal
from .confirm_call import ConfirmCallModal
from .end import EndScreen
from .opinion_form import ANSWER, OpinionFormModal
from .picker import PickerModal
from .plan_view import PlanViewScreen
from .register import RegisterModal
from .slip import SlipModal
from .store_call import FAILED, attempt
from .widgets.opinions_table import OpinionsTable
from .widgets.queue_table import QueueTable

_OPINION_DRAFT = "opinion"


class LiveActions:
    """Action methods of LiveScreen."""

    # -- helpers -------------------------------------------------------------------

    def _now(self):
        return self.app.clock()

    def _say(self, message: str) -> None:
        """A routine confirmation, shown briefly (errors keep their longer notifications).
        Clearing the previous toasts first would cost ~85 ms on every F6; instead they
        are short-lived and shown at the top, away from the text being typed."""
        self.notify(message, markup=False, timeout=3)

    def _hamlets(self) -> list[str]:
        speakers = list_speakers(self.app.db, self.meeting_id)
        return sorted({s.hamlet for s in speakers if s.hamlet})

    def _highlighted_opinion(self) -> int | None:
        return self.query_one(OpinionsTable).highlighted_opinion_id

    # -- the meeting and its programme --------------------------------------------

    def action_start(self) -> None:
        def go(yes: bool | None) -> None:
            if yes and attempt(self, start_meeting, self.app.db, self.meeting_id,
                               now=self._now()) is not FAILED:
                self.reload(speakers=False, opinions=False)
                self._say(f"Hội nghị bắt đầu lúc {self.meeting.started_at[11:16]}.")

        self.app.push_screen(ConfirmModal(
            "Bắt đầu hội nghị", "Ghi giờ bắt đầu thực tế là bây giờ và mở bước 1 của chương trình?",
            "Bắt đầu"), go)

    def action_next_step(self) -> None:
        step = attempt(self, next_step, self.app.db, self.meeting_id, now=self._now())
        if step is not FAILED:
            self.reload(speakers=False, opinions=False)
            self._say(f"Sang bước {step.position}: {step.content}")

    def action_previous_step(self) -> None:
        step = attempt(self, previous_step, self.app.db, self.meeting_id, now=self._now())
        if step is not FAILED:
            self.reload(speakers=False, opinions=False)
            self._say(f"Quay lại bước {step.position}: {step.content}")

    def action_end_meeting(self) -> None:
        if self.editor.text.strip():
            self.notify("Còn ý kiến đang gõ chưa ghi: ghi lại (F6) hoặc xóa trước khi kết thúc hội nghị.",
                        severity="warning", markup=False)
            return

        def go(yes: bool | None) -> None:
            if not yes:
                return
            ended = attempt(self, end_meeting, self.app.db, self.meeting_id, now=self._now())
            if ended is FAILED:
                return
            self.reload()
            self._say(f"Hội nghị đã kết thúc lúc {self.meeting.ended_at[11:16]}. Mọi nội dung đã được lưu.")
            self.on_meeting_ended(ended)

        self.app.push_screen(ConfirmModal(
            "Kết thúc hội nghị", "Ghi giờ kết thúc hội nghị là bây giờ? Người đang phát biểu (nếu có) "
            "được ghi là đã nói xong.", "Kết thúc hội nghị"), go)

    def on_meeting_ended(self, ended: Ended) -> None:
        """The meeting has just ended (and is committed): on to the end-of-meeting screen
        (conclusion, attendance, printing), saying where the backup copy went."""
        if ended.backup_error:
            note = f"Chưa tạo được bản sao lưu: {ended.backup_error}"
        elif ended.backup:
            note = f"Đã sao lưu dữ liệu vào: {ended.backup}"
        else:
            note = None
        self.app.switch_screen(EndScreen(self.meeting_id, backup_note=note))

    def action_documents(self) -> None:
        """Conclusion, attendance and printing, at any moment (provisional while live)."""
        self.app.push_screen(EndScreen(self.meeting_id))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_leave(self) -> None:
        self.app.pop_screen()

    def action_view_plan(self) -> None:
        self.app.push_screen(PlanViewScreen(self.meeting_id))

    def action_focus_editor(self) -> None:
        self.editor.focus()

    # -- the speaker queue --------------------------------------------------------

    def action_register(self) -> None:
        def done(speaker) -> None:
            if speaker is not None:
                self.reload(meeting=False, opinions=False)
                self._say(f"Đã đăng ký số {speaker.reg_no}: {speaker.display_name}")

        self.app.push_screen(RegisterModal(self.meeting_id, self.fields, self._hamlets()), done)

    def action_call_next(self) -> None:
        self._call(None)

    def action_call_selected(self) -> None:
        speaker_id = self.query_one(QueueTable).highlighted_speaker_id
        if speaker_id is not None:
            self._call(speaker_id)

    def on_queue_table_call_requested(self, message: QueueTable.CallRequested) -> None:
        self._call(message.speaker_id)

    def _call(self, speaker_id: int | None) -> None:
        """Call the next waiting speaker (None) or this one; ask first what to do with
        whoever still has the floor."""
        if not self.is_live:
            self.notify("Hội nghị chưa bắt đầu hoặc đã kết thúc.", severity="warning", markup=False)
            return
        current = self.speaker
        if current is not None and current.id == speaker_id:
            self._say(f"{current.honorific} {current.name} đang phát biểu.")
            return
        if current is None:
            self._take_floor(speaker_id)
            return
        calling = "người tiếp theo"
        if speaker_id is not None:
            row = self.query_one(QueueTable).get_row(str(speaker_id))
            calling = f"số {row[0].plain} · {row[2].plain}"

        def chosen(choice: str | None) -> None:
            if choice == "finish" and self._finish_current():
                self._take_floor(speaker_id)
            elif choice == "absent" and self._absent_current():
                self._take_floor(speaker_id)

        self.app.push_screen(ConfirmCallModal(current, calling), chosen)

    def _take_floor(self, speaker_id: int | None) -> None:
        db, now = self.app.db, self._now()
        if speaker_id is None:
            speaker = attempt(self, call_next, db, self.meeting_id, now=now)
        else:
            speaker = attempt(self, call_speaker, db, speaker_id, now=now)
        if speaker is FAILED:
            self.reload(meeting=False, opinions=False)
            return
        self.reload(meeting=False, opinions=False)
        self.reset_editor_context()
        self._say(f"Mời số {speaker.reg_no} · {speaker.display_name} phát biểu.")
        self.editor.focus()

    def reset_editor_context(self) -> None:
        if self.follows is None and self.field_choice is None:
            self.show_editor_title()
            return
        self.follows, self.field_choice = None, None
        self.save_context()

    def _finish_current(self) -> bool:
        """Record what is typed for the speaker, then finish their turn."""
        if self.editor.text.strip() and self._record() is None:
            return False
        done = attempt(self, finish_speaker, self.app.db, self.speaker.id, now=self._now())
        self.reload(meeting=False, opinions=False)
        return done is not FAILED

    def _absent_current(self) -> bool:
        if self.editor.text.strip() and self.follows is None:
            self.notify("Còn ý kiến đang gõ của người này: ghi lại (F6) hoặc xóa trước khi đánh dấu vắng.",
                        severity="warning", markup=False)
            return False
        gone = attempt(self, mark_absent, self.app.db, self.speaker.id, now=self._now())
        self.reload(meeting=False, opinions=False)
        if gone is not FAILED:
            self._say(f"Số {gone.reg_no} · {gone.honorific} {gone.name}: vắng mặt, có thể mời lại.")
        return gone is not FAILED

    def action_finish(self) -> None:
        def finish() -> None:
            if self.speaker is not None and self._finish_current():
                self._say("Đã kết thúc lượt phát biểu.")

        self._after_typed_keys(finish)

    def action_absent(self) -> None:
        if self.speaker is not None:
            self._absent_current()

    # -- the record -------------------------------------------------------------------

    def action_record(self) -> None:
        self._after_typed_keys(self._record)

    def _after_typed_keys(self, callback) -> None:
        """Run `callback` once the editor has taken every key already sent to it.

        F6/F5 are priority keys, handled by the app as they arrive, while typed
        characters wait in the editor's own queue: under load the last letters could
        still be queued when F6 reads the text. A callback queued on the editor runs
        after them."""
        self.editor.call_later(callback)

    def _record(self) -> Opinion | None:
        """Record the typed text: a follow-up, or an opinion of the current speaker."""
        text = self.editor.text
        if not text.strip():
            self.notify("Chưa có nội dung ý kiến để ghi.", severity="warning", markup=False)
            return None
        db, now = self.app.db, self._now()
        if self.follows is not None:
            opinion = attempt(self, record_followup, db, self.follows.id, text,
                              draft_key=_OPINION_DRAFT, now=now)
        elif self.speaker is not None:
            opinion = attempt(self, record_opinion, db, self.meeting_id, text,
                              speaker_id=self.speaker.id, field_id=self.field_id,
                              draft_key=_OPINION_DRAFT, now=now)
        else:
            self.notify("Chưa có người phát biểu: mời người phát biểu (F3) hoặc ghi phiếu ý kiến (F8).",
                        severity="warning", markup=False)
            return None
        if opinion is FAILED:
            return None
        self.reset_editor()
        self.reload(meeting=False, speakers=False, changed=opinion)
        self._say(f"Đã ghi ý kiến số {opinion.number}.")
        return opinion

    def action_followup(self) -> None:
        if self.follows is not None:
            self.follows = None
        else:
            opinion_id = self._highlighted_opinion()
            if opinion_id is None:
                return
            found = attempt(self, get_opinion, self.app.db, opinion_id)
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

        self.app.push_screen(PickerModal("Lĩnh vực của ý kiến", [(f.id, f.name) for f in self.fields],
                                         self.field_id), chosen)

    def action_answer(self, opinion_id: int | None = None) -> None:
        opinion_id = opinion_id or self._highlighted_opinion()
        if opinion_id is None:
            return

        def done(opinion) -> None:
            if opinion is not None:
                self.reload(meeting=False, speakers=False, changed=opinion)
                self._say(f"Đã ghi trả lời ý kiến số {opinion.number}.")

        year = int(self.meeting.date[:4])
        self.app.push_screen(AnswerModal(opinion_id, self.meeting_id, year), done)

    def action_slip(self) -> None:
        def done(opinion) -> None:
            if opinion is not None:
                self.reload(meeting=False, speakers=False, changed=opinion)
                self._say(f"Đã ghi phiếu ý kiến, số {opinion.number}.")

        self.app.push_screen(SlipModal(self.meeting_id, self.fields, self._hamlets()), done)

    def action_edit_opinion(self, opinion_id: int | None = None) -> None:
        opinion_id = opinion_id or self._highlighted_opinion()
        if opinion_id is None:
            return

        def done(result) -> None:
            if result == ANSWER:
                self.action_answer(opinion_id)
            elif result is not None:
                self.reload(meeting=False, speakers=False, changed=result)
                self._say(f"Đã sửa ý kiến số {result.number}.")

        self.app.push_screen(OpinionFormModal(opinion_id, self.meeting_id, self.fields), done)

    def on_opinions_table_edit_requested(self, message: OpinionsTable.EditRequested) -> None:
        self.action_edit_opinion(message.opinion_id)

    def action_filter(self) -> None:
        choices = [("all", "Mọi ý kiến (bỏ lọc)"), (None, "Chưa trả lời · mọi lĩnh vực")]
        choices += [(f.id, f"Chưa trả lời · {f.name}") for f in self.fields]
        current = self.filter_field if self.filter_unanswered else "all"

        def chosen(result) -> None:
            if result is not None:
                value = result[0]
                self.filter_unanswered = value != "all"
                self.filter_field = None if value == "all" else value
                self.reload(meeting=False, speakers=False)
                table = self.query_one(OpinionsTable)
                table.move_cursor(row=0, animate=False)
                table.focus()

        self.app.push_screen(PickerModal("Lọc danh sách ý kiến", choices, current), chosen)
