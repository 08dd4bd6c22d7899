"""The speaker queue: waiting, speaking, absent and withdrawn speakers in registration
order (withdrawn ones greyed and struck through: they stay visible, never called)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import DataTable

from db.models import Speaker, SpeakerStatus

from .synced_table import Row, SyncedTable, cell

#: Statuses the queue shows; speakers who are done leave it.
QUEUE_STATUSES = (SpeakerStatus.WAITING, SpeakerStatus.SPEAKING, SpeakerStatus.ABSENT,
                  SpeakerStatus.WITHDRAWN)

_MARK = {
    SpeakerStatus.WAITING: ("", ""),
    SpeakerStatus.SPEAKING: ("▶ nói", "bold"),
    SpeakerStatus.ABSENT: ("vắng", "italic"),
    SpeakerStatus.WITHDRAWN: ("rút", "dim strike"),
}


def queue_row(s: Speaker) -> Row:
    mark, style = _MARK.get(s.status, (s.status.value, ""))
    dim = {SpeakerStatus.ABSENT: "dim", SpeakerStatus.WITHDRAWN: "dim strike"}.get(s.status, "")
    return str(s.id), (
        cell(s.reg_no, style or dim),
        cell(mark, style),
        cell(s.short_name, style or dim),
        cell(s.hamlet, dim),
        cell(s.field_name, dim),
    )


class QueueTable(SyncedTable):
    """Enter on a row asks the screen to call that speaker (out of turn, or again)."""

    COLUMNS = (
        ("reg_no", "Số", 3),
        ("status", "", 5),
        ("name", "Họ và tên", 22),
        ("hamlet", "Thôn", 14),
        ("field", "Lĩnh vực", 22),
    )

    @dataclass
    class CallRequested(Message):
        speaker_id: int

    def show(self, speakers: list[Speaker]) -> None:
        shown = [s for s in speakers if s.status in QUEUE_STATUSES]
        self._statuses = {str(s.id): s.status for s in shown}
        self.sync([queue_row(s) for s in shown])

    @property
    def highlighted_speaker_id(self) -> int | None:
        key = self.highlighted_key
        return int(key) if key is not None else None

    @property
    def highlighted_status(self) -> SpeakerStatus | None:
        key = self.highlighted_key
        return getattr(self, "_statuses", {}).get(key) if key is not None else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if getattr(self, "_statuses", {}).get(event.row_key.value) is SpeakerStatus.WITHDRAWN:
            return
        self.post_message(self.CallRequested(int(event.row_key.value)))
