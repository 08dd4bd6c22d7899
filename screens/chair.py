"""The chair's display: who speaks now, for how long, who is next, what waits for an
answer. A second terminal turned towards the chair (chủ trì); it only reads.

It watches `PRAGMA data_version` every POLL_SECONDS (one cheap query) and re-reads
its snapshot (db.queries_chair.read_chair_view) only when another connection has
committed. It also looks at the file itself (one stat): a file replaced, cut short or
removed under it is said on screen, the stale figures are dimmed and the file is
reopened (a connection keeps reading the old file otherwise). The speaker's name
and the next two names stand alone in bold; the time running out is also in words
("Còn 1 phút", "HẾT GIỜ · quá 00:42", screens.timing.time_words). The speaking-time counter ticks from the stored call moment. A failed
poll is retried on the next one; if failures last, a quiet line says so and the
connection is reopened now and then. The screen reaches the store, its file and
the time through `self.store` (screens.store_call.Store, read-only here) and asks its
app (a `ChairHost`) for a fresh connection with `reconnect()`; the app then hands it
a new Store.
"""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime
from typing import Protocol, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static

from db.errors import NotFound, StoreError
from db.models import MeetingStatus, Speaker, SpeakerStatus
from db.queries_chair import (
    ChairView, FileChange, FileState, WaitingOpinion, data_version, file_change, file_state, read_chair_view,
)
from db.vndate import hhmm
from db.vocabulary import NO_OUTCOME_WAITING

from . import text
from .store_call import Store, StoreAccess
from .timing import css_class, elapsed_seconds, level, mmss, time_words
from .widgets.big_digits import BigDigits
from .widgets.chips import Chips
from .widgets.fitted_lines import FittedLines

#: How often the store is asked whether anything changed (seconds).
POLL_SECONDS = 0.2
#: How often the counters are recomputed; they repaint only when a second turns.
TICK_SECONDS = 0.25
#: Failed polls for this long before the "mất kết nối…" line shows (seconds).
OFFLINE_AFTER = 1.5
#: While polls fail, reopen the connection this often (seconds).
RECONNECT_EVERY = 3.0
#: From this width the queue and the waiting opinions sit side by side.
WIDE = 110
#: From this height (and WIDE) the digits use the large font.
TALL = 40


class ChairHost(Protocol):
    """What the chair's app offers its screen (tui.chair_app.ChairApp)."""

    store: Store

    def reconnect(self) -> None:
        """Open the store's file again in the background, then swap `store`."""


class ChairScreen(StoreAccess, Screen):
    CSS_PATH = "chair.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (TALL, "-tall")]

    def __init__(self, meeting_id: int | None = None) -> None:
        super().__init__()
        self.pinned_meeting_id = meeting_id
        self.view: ChairView | None = None
        self.idle_message: str | None = None
        self.offline: bool = False
        self.reads = 0  # snapshots read so far (tests and the benchmark look)
        self._db: object | None = None
        self._seen_version: int | None = None
        self._shown = False
        self._failing_since: float | None = None
        self._last_reconnect = 0.0
        self._last_read: datetime | None = None
        self._file: FileState | None = None  # the store's file as last seen
        self._file_mtime: int | None = None
        self.file_change: FileChange | None = None  # shown until the file is reopened
        self._file_change_at: datetime | None = None
        self._reopened_at: datetime | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="live"):
            with Horizontal(id="top"):
                yield Static(id="step")
                yield Static(id="step-time")
            with Horizontal(id="speaker"):
                yield BigDigits(id="speaker-no")
                with Vertical(id="speaker-info"):
                    yield Static(id="speaker-place")
                    yield Static(id="speaker-name")
                    yield Static(id="speaker-field")
                with Vertical(id="clock"):
                    yield BigDigits(id="timer")
                    yield Static(id="time-words")
            with Horizontal(id="next"):
                yield Static(id="next-1", classes="next-name")
                yield Static(id="next-2", classes="next-name")
            with Horizontal(id="lists"):
                with Vertical(id="queue-panel"):
                    yield FittedLines(id="queue", more=lambda n: text.CHAIR_MORE_SPEAKERS.format(n=n))
                with Vertical(id="opinions-panel"):
                    yield Chips(id="counts")
                    yield FittedLines(id="waiting", more=lambda n: text.CHAIR_MORE_OPINIONS.format(n=n))
        with Vertical(id="idle"):
            yield Static(id="idle-message")
            yield Static(text.CHAIR_NO_LIVE_HINT, id="idle-hint")
        with Horizontal(id="status"):
            yield Static(id="status-text")
            yield Static(id="now")

    @property
    def host(self) -> ChairHost:
        return cast(ChairHost, self.app)

    def on_mount(self) -> None:
        self.query_one("#speaker", Horizontal).border_title = text.CHAIR_SPEAKING
        self.poll()
        self.tick()
        self.set_interval(POLL_SECONDS, self.poll)
        self.set_interval(TICK_SECONDS, self.tick)

    def on_resize(self, event: Resize) -> None:
        large = event.size.width >= WIDE and event.size.height >= TALL
        for digits in self.query(BigDigits):
            digits.large = large

    # -- watching the store --------------------------------------------------------

    def poll(self) -> None:
        """Ask the store whether anything changed; re-read and show it if so."""
        db = self.store.db
        if db is not self._db:  # a new connection counts data_version from its own start
            if self._db is not None and self.file_change is not None:
                self._file_reopened()
            self._db, self._seen_version = db, None
        written = self._file  # before this poll's look at the file
        if self._watch_file(db):
            return
        try:
            version = data_version(db)
            if (self._seen_version is not None and version == self._seen_version and written is not None
                    and self._file is not None and self._file.mtime_ns != written.mtime_ns):
                # Written without a commit another connection made: a checkpoint, or a copy over
                # the same file. A fresh connection reads whichever it was; nothing to say.
                self._ask_reconnect(force=True)
            if version != self._seen_version or not self._shown:
                try:
                    view = read_chair_view(db, self.pinned_meeting_id)
                except NotFound:
                    self.show_idle(text.CHAIR_NOT_FOUND.format(id=self.pinned_meeting_id))
                else:
                    self.show(view)
                self._seen_version = version
                self.reads += 1
        except (sqlite3.Error, StoreError) as exc:
            self._poll_failed(exc)
            return
        self._last_read = self.store.now()
        if self._failing_since is not None:
            self._failing_since = None
            self._set_offline(False)

    def _watch_file(self, db: object) -> bool:
        """Compare the file behind the store's name with what was seen; on a change,
        say so and ask for a fresh connection. True when nothing should be read now
        (the file is gone)."""
        path = self.store.path
        if path is None:
            return False
        state = file_state(path)
        previous, self._file = self._file, state
        change = file_change(previous, state) if previous is not None else None
        if change is not None:
            self.file_change, self._file_change_at = change, self.store.now()
            self.set_class(True, "-stale")
            self._update_status()
            self._ask_reconnect(force=True)
        elif self.file_change is not None:
            self._ask_reconnect()  # still waiting for the file (or for it to open)
        return self.file_change is FileChange.REMOVED and not state.exists

    def _ask_reconnect(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last_reconnect >= RECONNECT_EVERY:
            self._last_reconnect = now
            self.host.reconnect()

    def _file_reopened(self) -> None:
        self.file_change = None
        self._reopened_at = self.store.now()
        self.set_class(False, "-stale")
        self._shown = False  # read the new file's snapshot whatever its data_version
        self._update_status()

    def _poll_failed(self, exc: Exception) -> None:
        """Retried on the next poll. If failures last, say so quietly and ask the app
        for a fresh connection now and then."""
        now = time.monotonic()
        self.log.warning(f"chair poll failed: {exc!r}")
        if self._failing_since is None:
            self._failing_since = now
        if now - self._failing_since < OFFLINE_AFTER:
            return
        self._set_offline(True)
        if now - self._last_reconnect >= RECONNECT_EVERY:
            self._last_reconnect = now
            self.host.reconnect()

    def _set_offline(self, offline: bool) -> None:
        if offline == self.offline:
            return
        self.offline = offline
        self.set_class(offline, "-offline")
        self._update_status()

    # -- showing -------------------------------------------------------------------

    def show(self, view: ChairView | None) -> None:
        """Show a snapshot (None: no live meeting). Repaints only what changed."""
        if self._shown and view == self.view and self.idle_message is None:
            return
        self._shown = True
        self.view = view
        if view is None:
            self.show_idle(text.CHAIR_NO_LIVE, hint=True)
            return
        status = view.meeting.status
        if status is MeetingStatus.PLANNED:
            self.show_idle(text.CHAIR_NOT_STARTED, hint=True)
            return
        if status is MeetingStatus.ENDED:
            ended = hhmm(view.meeting.ended_at)
            self.show_idle(text.CHAIR_ENDED.format(at=ended))
            return
        self.idle_message = None
        self.remove_class("-idle")
        self._show_speaker(view)
        self._show_queue(view)
        self._show_opinions(view)
        self._update_status()
        self.tick(force=True)

    def show_idle(self, message: str, *, hint: bool = False) -> None:
        self._shown = True
        self.idle_message = message
        self.add_class("-idle")
        self.set_class(hint, "-hint")
        self.query_one("#idle-message", Static).update(Text(message))
        self._update_status()

    def _show_speaker(self, view: ChairView) -> None:
        speaker = view.speaker
        self.set_class(speaker is None, "-nobody")
        name = self.query_one("#speaker-name", Static)
        place = self.query_one("#speaker-place", Static)
        field = self.query_one("#speaker-field", Static)
        if speaker is None:
            self.query_one("#speaker-no", BigDigits).value = ""
            self.query_one("#speaker", Horizontal).border_subtitle = ""
            name.update(Text(text.CHAIR_NOBODY))
            place.update("")
            field.update("")
            return
        self.query_one("#speaker-no", BigDigits).value = str(speaker.reg_no)
        name.update(Text(speaker.short_name, style="bold"))
        place.update(Text(" · ".join(p for p in (text.CHAIR_SPEAKER_NO.format(reg_no=speaker.reg_no),
                                                 speaker.hamlet, speaker.organisation) if p)))
        field.update(Text(text.CHAIR_FIELD.format(field=speaker.field_name)) if speaker.field_name else "")
        limit = view.meeting.speaking_limit_minutes
        self.query_one("#speaker", Horizontal).border_subtitle = (
            text.CHAIR_LIMIT.format(limit=mmss(limit * 60)) if limit else "")

    def _show_queue(self, view: ChairView) -> None:
        upcoming = view.next_speakers(2)
        for i, label in enumerate((text.CHAIR_NEXT, text.CHAIR_AFTER)):
            who = upcoming[i] if i < len(upcoming) else None
            self.query_one(f"#next-{i + 1}", Static).update(
                Text.assemble((f"{label}  ", "dim"), (f"{who.reg_no}  ", "bold"),
                              (who.short_name, "bold")) if who else "")
        self.set_class(not upcoming, "-no-next")
        lines = [queue_line(s) for s in view.queue]
        self.query_one("#queue", FittedLines).set_lines(lines, empty=text.CHAIR_QUEUE_EMPTY)
        title = text.CHAIR_QUEUE.format(waiting=view.speaker_count(SpeakerStatus.WAITING))
        absent = view.speaker_count(SpeakerStatus.ABSENT)
        if absent:
            title += text.CHAIR_QUEUE_ABSENT.format(absent=absent)
        self.query_one("#queue-panel", Vertical).border_title = title

    def _show_opinions(self, view: ChairView) -> None:
        parts = [Text(text.CHAIR_COUNTS_TOTAL.format(n=view.opinion_total), style="bold")]
        for outcome, n in view.outcomes:
            if n or outcome is None:
                label = outcome.short if outcome else NO_OUTCOME_WAITING
                parts.append(Text(f"{n} {label}", style="bold" if outcome is None and n else ""))
        self.query_one("#counts", Chips).set_parts(parts)
        lines: list[Text] = []
        headers: list[int] = []
        count = 0
        for field_name, opinions in view.waiting:
            headers.append(len(lines))
            lines.append(Text(field_name or text.CHAIR_NO_FIELD, style="bold underline"))
            lines.extend(opinion_line(o) for o in opinions)
            count += len(opinions)
        self.query_one("#waiting", FittedLines).set_lines(lines, headers=headers,
                                                          empty=text.CHAIR_WAITING_EMPTY)
        self.query_one("#opinions-panel", Vertical).border_title = text.CHAIR_WAITING.format(n=count)

    def _update_status(self) -> None:
        status = self.query_one("#status-text", Static)
        self.set_class(self.file_change is not None, "-file-changed")
        if self.file_change is not None:
            at = self._file_change_at.strftime("%H:%M:%S") if self._file_change_at else "—"
            status.update(Text(text.CHAIR_FILE_CHANGED[self.file_change.value].format(
                path=self.store.path.name if self.store.path else "", at=at)))
        elif self.offline:
            at = self._last_read.strftime("%H:%M:%S") if self._last_read else "—"
            status.update(text.CHAIR_OFFLINE.format(at=at))
        elif self._reopened_at is not None:
            status.update(Text(text.CHAIR_FILE_REOPENED.format(at=self._reopened_at.strftime("%H:%M:%S"))))
        elif self.view is not None and self.idle_message is None:
            status.update(Text(self.view.meeting.title))
        else:
            status.update("")

    # -- the counters ----------------------------------------------------------------

    def tick(self, force: bool = False) -> None:
        """Recompute the speaking-time and step counters and the time of day."""
        now = self.store.now()
        _update(self.query_one("#now", Static), hhmm(now))
        view = self.view
        if view is None or self.idle_message is not None:
            return
        step = view.step
        step_line = self.query_one("#step", Static)
        if step is None:
            _update(step_line, Text(text.CHAIR_NO_STEP))
            _update(self.query_one("#step-time", Static), "")
        else:
            head = text.CHAIR_STEP.format(position=step.position, total=len(view.steps))
            line = Text.assemble((head, "bold"), "  ", step.content)
            if step.lead:
                line.append(f" — {step.lead}", style="dim")
            _update(step_line, line)
            elapsed = mmss(elapsed_seconds(step.started_at, now))
            _update(self.query_one("#step-time", Static),
                    text.CHAIR_STEP_TIME.format(elapsed=elapsed, minutes=step.minutes)
                    if step.minutes else elapsed)
        timer = self.query_one("#timer", BigDigits)
        words = self.query_one("#time-words", Static)
        speaker = view.speaker
        if speaker is None:
            timer.value = ""
            _update(words, "")
            return
        seconds = elapsed_seconds(speaker.called_at, now)
        timer.value = mmss(seconds)
        limit = view.meeting.speaking_limit_minutes
        _update(words, time_words(seconds, limit))
        lvl = css_class(level(seconds, limit))
        if force or not timer.has_class(lvl):
            for widget in (timer, words):
                widget.remove_class("timer-ok", "timer-near", "timer-over")
                widget.add_class(lvl)


def queue_line(s: Speaker) -> Text:
    """'  5  Ông Đỗ Văn Hùng · thôn Quán Gỏi'; an absent speaker dimmed and marked."""
    absent = s.status is SpeakerStatus.ABSENT
    line = Text.assemble((f"{s.reg_no:>3}  ", "bold"), s.short_name,
                         style="dim" if absent else "")
    if absent:
        line.append(f" ({text.CHAIR_ABSENT_MARK})", style="italic")
    if s.hamlet:
        line.append(f" · {s.hamlet}", style="dim")
    return line


def opinion_line(o: WaitingOpinion) -> Text:
    """'  12  Ông Nguyễn Văn An: Đoạn đường trục thôn …' (one line, cut by the widget)."""
    who = o.who or o.source.chair_label
    return Text.assemble((f"{o.number:>3}  ", "bold"), (who, "italic"), ": ", o.gist)


def _update(widget: Static, content: Text | str) -> None:
    """Update a Static only when its content changes (no needless repaint)."""
    if widget.content != content:
        widget.update(content)
