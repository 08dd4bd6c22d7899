"""The opinions recorded so far: number, who, field, answered or not, the text."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable

from db.models import Opinion
from db.vocabulary import outcome_mark
from db.who import who_said

from .synced_table import Row, SyncedTable, cell


def who(o: Opinion) -> str:
    return who_said(o, short=True)


def opinion_row(o: Opinion) -> Row:
    waiting = o.outcome is None
    content = (f"(tiếp ý kiến {o.follows_number}) " if o.follows_number else "") + o.content
    return str(o.id), (
        cell(o.number, "bold" if waiting else ""),
        cell(outcome_mark(o.outcome), "bold reverse" if waiting else "dim"),
        cell(content[:200]),
        cell(who(o)),
        cell(o.field_name or "—", "" if o.field_name else "dim"),
    )


#: Digits typed within this many seconds make one number.
NUMBER_PAUSE = 1.0


class OpinionsTable(SyncedTable):
    """Enter on a row asks the screen to open that opinion for correction. Digits typed
    here jump to the opinion with that number."""

    BINDINGS = [Binding(str(d), f"digit({d})", show=False) for d in range(10)]

    COLUMNS = (
        ("number", "Số", 4),
        ("answer", "Trả lời", 8),
        ("content", "Nội dung", 40),
        ("who", "Người nêu", 22),
        ("field", "Lĩnh vực", 24),
    )

    @dataclass
    class EditRequested(Message):
        opinion_id: int

    @dataclass
    class NumberTyped(Message):
        number: int
        found: bool

    def show(self, opinions: list[Opinion]) -> None:
        self._numbers = {o.number: str(o.id) for o in opinions}
        self.sync([opinion_row(o) for o in opinions])

    def show_more(self, opinions: list[Opinion]) -> None:
        """The next opinions, after those shown (the list is being read in steps)."""
        for o in opinions:
            key, cells = opinion_row(o)
            self._numbers[o.number] = key
            self.append(key, cells)

    def action_digit(self, digit: int) -> None:
        """Typing 1, 2 jumps to opinion 12 (digits within NUMBER_PAUSE make one number)."""
        typed = getattr(self, "_typed", "") + str(digit)
        self._typed = typed
        timer: Timer | None = getattr(self, "_typed_timer", None)
        if timer is not None:
            timer.stop()
        self._typed_timer = self.set_timer(NUMBER_PAUSE, self._forget_number)
        number = int(typed)
        self.post_message(self.NumberTyped(number, self.jump_to(number)))

    def jump_to(self, number: int) -> bool:
        """Put the cursor on the opinion with this number; False if not in the list."""
        key = getattr(self, "_numbers", {}).get(number)
        if key is not None:
            self.select_key(key)
        return key is not None

    def _forget_number(self) -> None:
        self._typed = ""

    def show_one(self, opinion: Opinion, visible: bool) -> bool:
        """One opinion as just read: updated in place, appended when it is the newest,
        or removed (not `visible` under the filter). False: sync the whole list."""
        key = str(opinion.id)
        if not visible:
            return self.sync_one(key, None)
        cells = opinion_row(opinion)[1]
        if not hasattr(self, "_numbers"):
            self._numbers = {}
        self._numbers[opinion.number] = key
        if self.sync_one(key, cells):
            return True
        last = self.last_key
        if last is None or int(last) < opinion.id:  # ids grow with numbers: newest goes last
            self.append(key, cells)
            return True
        return False

    @property
    def highlighted_opinion_id(self) -> int | None:
        key = self.highlighted_key
        return int(key) if key is not None else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.EditRequested(int(event.row_key.value)))
