"""What the secretary does on the live screen with the meeting, its programme and the
speakers: one method per action. Each write goes through the screen's Writer (it
commits, or waits for another program's lock without freezing the screen), then the
screen re-reads what it shows. On a store error the message is shown and the typed
text stays where it was. The opinions' actions are in live_opinions.py.

Mixed into LiveScreen (screens/live.py), which holds the state these read. The dialogs
and screens an action opens are imported by that action, when first used: the live
screen's first paint needs none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.vndate import hhmm
from db.meetings import Ended, end_meeting, next_step, previous_step, start_meeting
from db.models import Source, Speaker
from db.opinions import list_opinions
from db.speakers import (call_next, call_speaker, finish_speaker, get_speaker, list_speakers,
                         mark_absent, register_speaker, update_speaker, withdraw)

from .opinion_filter import UNANSWERED, OpinionFilter
from .store_call import FAILED, attempt
from .widgets.queue_table import QueueTable

if TYPE_CHECKING:
    from .register import SpeakerForm

#: The answers of the question F5 asks when nothing was recorded for the speaker.
SPOKE, DID_NOT_SPEAK = "spoke", "did_not_speak"
#: ... and of Ctrl+T's question when opinions are still unanswered.
END_ANYWAY, GO_TO_UNANSWERED = "end", "unanswered"


class LiveActions:
    """Action methods of LiveScreen: the meeting, the programme, the speakers."""

    # -- helpers -------------------------------------------------------------------

    def _now(self):
        return self.store.now()

    def _say(self, message: str) -> None:
        """A routine confirmation, shown briefly at the top right, away from the text
        being typed and the opinion being answered (errors stay longer)."""
        self.notify(message, markup=False, timeout=3)

    def _hamlets(self) -> list[str]:
        speakers = list_speakers(self.store.db, self.meeting_id)
        return sorted({s.hamlet for s in speakers if s.hamlet})

    # -- the meeting and its programme --------------------------------------------

    def action_start(self) -> None:
        def go(yes: bool | None) -> None:
            if yes:
                self.writer.submit(start_meeting, self.store.db, self.meeting_id, now=self._now(),
                                   then=started)

        def started(_) -> None:
            self.reload(speakers=False, opinions=False)
            self._say(f"Hội nghị bắt đầu lúc {hhmm(self.meeting.started_at)}.")

        from .confirm import ConfirmModal
        self.app.push_screen(ConfirmModal(
            "Bắt đầu hội nghị", "Ghi giờ bắt đầu thực tế là bây giờ và mở bước 1 của chương trình?",
            "Bắt đầu"), go)

    def action_next_step(self) -> None:
        def moved(step) -> None:
            self.reload(speakers=False, opinions=False)
            self._say(f"Sang bước {step.position}: {step.content}")

        self.writer.submit(next_step, self.store.db, self.meeting_id, now=self._now(), then=moved)

    def action_previous_step(self) -> None:
        def moved(step) -> None:
            self.reload(speakers=False, opinions=False)
            self._say(f"Quay lại bước {step.position}: {step.content}")

        self.writer.submit(previous_step, self.store.db, self.meeting_id, now=self._now(), then=moved)

    def action_end_meeting(self) -> None:
        if self.editor.text.strip():
            self.notify("Còn ý kiến đang gõ chưa ghi: ghi lại (F6) hoặc xóa trước khi kết thúc hội nghị.",
                        severity="warning", markup=False)
            return
        unanswered = self.unanswered
        if unanswered:
            choices = [("Vẫn kết thúc", END_ANYWAY), ("Xem các ý kiến chưa trả lời", GO_TO_UNANSWERED)]
            message = (f"Còn {unanswered} ý kiến chưa có trả lời. Kết thúc hội nghị bây giờ "
                       "(ghi giờ kết thúc là bây giờ), hay xem các ý kiến đó trước?")
        else:
            choices = [("Kết thúc hội nghị", END_ANYWAY)]
            message = ("Ghi giờ kết thúc hội nghị là bây giờ? Người đang phát biểu (nếu có) "
                       "được ghi là đã nói xong.")

        def go(choice) -> None:
            if choice == GO_TO_UNANSWERED:
                self.apply_filter(OpinionFilter(outcome=UNANSWERED))
            elif choice == END_ANYWAY:
                self.writer.submit(end_meeting, self.store.db, self.meeting_id, now=self._now(),
                                   then=ended)

        def ended(result: Ended) -> None:
            self.reload()
            self.on_meeting_ended(result)

        from .confirm import ChoiceModal
        self.app.push_screen(ChoiceModal("Kết thúc hội nghị", message, choices), go)

    def on_meeting_ended(self, ended: Ended) -> None:
        """The meeting has just ended (and is committed): on to the end-of-meeting screen
        (conclusion, attendance, printing), saying where the backup copy went."""
        # Said on the end screen (it replaces this one at once), not in a toast over
        # the conclusion the secretary types there.
        note = f"Hội nghị đã kết thúc lúc {hhmm(self.meeting.ended_at)}. Mọi nội dung đã được lưu."
        if ended.backup_error:
            note += f"\nChưa tạo được bản sao lưu: {ended.backup_error}"
        elif ended.backup:
            note += f"\nĐã sao lưu dữ liệu vào: {ended.backup}"
        from .end import EndScreen
        self.app.switch_screen(EndScreen(self.meeting_id, backup_note=note))

    def action_documents(self) -> None:
        """Conclusion, attendance and printing, at any moment (provisional while live)."""
        from .end import EndScreen
        self.app.push_screen(EndScreen(self.meeting_id))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_leave(self) -> None:
        self.app.pop_screen()

    def action_view_plan(self) -> None:
        from .plan_view import PlanViewScreen
        self.app.push_screen(PlanViewScreen(self.meeting_id))

    def action_step_note(self) -> None:
        from .step_note import open_step_note
        open_step_note(self, self.meeting_id)

    def action_focus_editor(self) -> None:
        self.editor.focus()

    def action_bell(self) -> None:
        self.bell = not self.bell
        self._say("Chuông báo hết giờ: " + ("bật" if self.bell else "tắt") + ".")

    # -- registering and correcting speakers ----------------------------------------

    def action_register(self, values: SpeakerForm | None = None, problem: str | None = None) -> None:
        """The form returns what was typed; the store registers it. If the store refuses
        (an empty name), the form opens again with the same values and the reason."""
        def done(form: SpeakerForm | None) -> None:
            if form is not None:
                self.writer.submit(register_speaker, self.store.db, self.meeting_id,
                                   **form.as_store_args(), now=self._now(),
                                   then=registered, failed=lambda: self.action_register(form))

        def registered(speaker: Speaker) -> None:
            self.reload(meeting=False, opinions=False)
            self._say(f"Đã đăng ký số {speaker.reg_no}: {speaker.display_name}")

        from .register import RegisterModal
        self.app.push_screen(RegisterModal(self.fields, self._hamlets(), values=values,
                                           title="Đăng ký phát biểu"), done)

    def _queue_speaker(self) -> Speaker | None:
        speaker_id = self.query_one(QueueTable).highlighted_speaker_id
        if speaker_id is None:
            return None
        found = attempt(self, get_speaker, self.store.db, speaker_id)
        return None if found is FAILED else found

    def action_edit_speaker(self, values: SpeakerForm | None = None) -> None:
        speaker = self._queue_speaker()
        if speaker is None:
            return

        def done(form: SpeakerForm | None) -> None:
            if form is not None:
                self.writer.submit(update_speaker, self.store.db, speaker.id, **form.as_store_args(),
                                   now=self._now(), then=edited,
                                   failed=lambda: self.action_edit_speaker(form))

        def edited(s: Speaker) -> None:
            self.reload(meeting=False)
            self._say(f"Đã sửa số {s.reg_no}: {s.display_name}")

        from .register import RegisterModal, SpeakerForm
        self.app.push_screen(RegisterModal(self.fields, self._hamlets(),
                                           values=values or SpeakerForm.of(speaker),
                                           title=f"Sửa người phát biểu số {speaker.reg_no}"), done)

    def action_withdraw(self) -> None:
        speaker = self._queue_speaker()
        if speaker is None:
            return

        def go(yes: bool | None) -> None:
            if yes:
                self.writer.submit(withdraw, self.store.db, speaker.id, now=self._now(), then=gone)

        def gone(s: Speaker) -> None:
            self.reload(meeting=False, opinions=False)
            self._say(f"Số {s.reg_no} · {s.display_name}: đã rút đăng ký.")

        from .confirm import ConfirmModal
        self.app.push_screen(ConfirmModal(
            "Rút đăng ký phát biểu",
            f"Số {speaker.reg_no} · {speaker.display_name} rút đăng ký: không được mời nữa và "
            "không tính là người đã phát biểu.", "Rút đăng ký"), go)

    # -- calling speakers -----------------------------------------------------------

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
            self._say(f"{current.short_name} đang phát biểu.")
            return
        if current is None:
            self._take_floor(speaker_id)
            return
        calling = "người tiếp theo"
        if speaker_id is not None:
            row = self.query_one(QueueTable).get_row(str(speaker_id))
            calling = f"số {row[0].plain} · {row[2].plain}"

        def chosen(choice: str | None) -> None:
            if choice == "finish":
                self._finish_current(then=lambda: self._take_floor(speaker_id))
            elif choice == "absent":
                self._absent_current(then=lambda: self._take_floor(speaker_id))

        from .confirm_call import ConfirmCallModal
        self.app.push_screen(ConfirmCallModal(current, calling), chosen)

    def _take_floor(self, speaker_id: int | None) -> None:
        def called(speaker: Speaker) -> None:
            self.reload(meeting=False, opinions=False)
            self.reset_editor_context()
            self._say(f"Mời số {speaker.reg_no} · {speaker.display_name} phát biểu.")
            self.editor.focus()

        db, now = self.store.db, self._now()
        refresh = lambda: self.reload(meeting=False, opinions=False)  # noqa: E731
        if speaker_id is None:
            self.writer.submit(call_next, db, self.meeting_id, now=now, then=called, failed=refresh)
        else:
            self.writer.submit(call_speaker, db, speaker_id, now=now, then=called, failed=refresh)

    def reset_editor_context(self) -> None:
        if self.follows is None and self.field_choice is None:
            self.show_editor_title()
            return
        self.follows, self.field_choice = None, None
        self.save_context()

    def _finish_current(self, then=None) -> None:
        """Record what is typed for the speaker, then finish their turn; if nothing was
        recorded for them, ask first whether they spoke at all."""
        speaker = self.speaker
        if speaker is None:
            return

        def finish() -> None:
            self.writer.submit(finish_speaker, self.store.db, speaker.id, now=self._now(),
                               then=finished)

        def finished(_) -> None:
            self.reload(meeting=False, opinions=False)
            self._say("Đã kết thúc lượt phát biểu.")
            if then is not None:
                then()

        def not_heard(_) -> None:
            self.reload(meeting=False, opinions=False)
            self._say(f"Số {speaker.reg_no} · {speaker.display_name}: ghi là không phát biểu.")
            if then is not None:
                then()

        def answered(choice) -> None:
            if choice == SPOKE:
                finish()
            elif choice == DID_NOT_SPEAK:
                self.writer.submit(withdraw, self.store.db, speaker.id, now=self._now(), then=not_heard)

        if self.editor.text.strip() and self.follows is None:
            self._record(then=lambda _: finish())
            return
        said = attempt(self, list_opinions, self.store.db, self.meeting_id, source=Source.SPOKEN,
                       speaker_id=speaker.id)
        if said is FAILED or said:
            finish()
            return
        from .confirm import ChoiceModal
        self.app.push_screen(ChoiceModal(
            "Chưa ghi ý kiến nào của người này",
            f"Số {speaker.reg_no} · {speaker.display_name} chưa có ý kiến nào được ghi. Người này có phát biểu không?",
            [("Có phát biểu (xong lượt)", SPOKE), ("Không phát biểu", DID_NOT_SPEAK)]), answered)

    def _absent_current(self, then=None) -> None:
        speaker = self.speaker
        if speaker is None:
            return
        if self.editor.text.strip() and self.follows is None:
            self.notify("Còn ý kiến đang gõ của người này: ghi lại (F6) hoặc xóa trước khi đánh dấu vắng.",
                        severity="warning", markup=False)
            return

        def gone(s: Speaker) -> None:
            self.reload(meeting=False, opinions=False)
            self._say(f"Số {s.reg_no} · {s.short_name}: vắng mặt, có thể mời lại.")
            if then is not None:
                then()

        self.writer.submit(mark_absent, self.store.db, speaker.id, now=self._now(), then=gone,
                           failed=lambda: self.reload(meeting=False, opinions=False))

    def action_finish(self) -> None:
        self._after_typed_keys(self._finish_current)

    def action_absent(self) -> None:
        self._absent_current()

    def _after_typed_keys(self, callback) -> None:
        """Run `callback` once the editor has taken every key already sent to it.

        F6/F5 are priority keys, handled by the app as they arrive, while typed
        characters wait in the editor's own queue: under load the last letters could
        still be queued when F6 reads the text. A callback queued on the editor runs
        after them."""
        self.editor.call_later(callback)

