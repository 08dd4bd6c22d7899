"""Helpers for the live-screen Pilot tests: keys, typing, reading the screen."""

from __future__ import annotations

from pathlib import Path

from db.connection import open_db
from db.meetings import create_meeting, start_meeting
from db.opinions import record_answer, record_opinion
from intake.plan_file import load_plan
from db.speakers import call_next, finish_speaker, mark_absent, register_speaker

REPO = Path(__file__).resolve().parents[1]
DEMO_PLAN = REPO / "db" / "demo" / "ke-sat-2026.toml"


async def keys(pilot, *names: str) -> None:
    """Press keys, then let the app settle (screens pushed, callbacks run)."""
    await pilot.press(*names)
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    """Type `text` key by key, as a keyboard (or an input method) sends it."""
    await pilot.press(*text)
    await pilot.pause()


def screen_name(app) -> str:
    return type(app.screen).__name__


def make_meeting(path: Path, clock) -> int:
    """The demo meeting (planned) in a new database file; returns its id."""
    db = open_db(path)
    try:
        return create_meeting(db, load_plan(DEMO_PLAN), now=clock())
    finally:
        db.close()


def fill_meeting(db, meeting_id: int, clock, *, speakers: int = 5, opinions: int = 4,
                 answered: int = 2) -> None:
    """A started meeting in its dialogue step with a queue and some opinions, written
    through the store (one transaction) with the clock moving a minute per action."""
    from db.connection import transaction
    from db.meetings import next_step

    def tick():
        clock.advance(minutes=1)
        return clock()

    with transaction(db):
        start_meeting(db, meeting_id, now=tick())
        for _ in range(3):
            next_step(db, meeting_id, now=tick())
        hamlets = ["thôn Quán Gỏi", "thôn Phương Độ", "thôn Ngọc Mai", "thôn Thượng Khuông"]
        names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em",
                 "Vũ Thị Gấm", "Đặng Văn Hùng"]
        for i in range(speakers):
            register_speaker(db, meeting_id, honorific="Bà" if i % 2 else "Ông",
                             name=names[i % len(names)] + ("" if i < len(names) else f" {i}"),
                             hamlet=hamlets[i % 4], field_id=None, now=tick())
        spoken = []
        for i in range(min(opinions, speakers)):
            speaker = call_next(db, meeting_id, now=tick())
            op = record_opinion(db, meeting_id, f"Ý kiến thứ {i + 1}: đường thôn xuống cấp, "
                                "đề nghị xã sửa chữa trước mùa mưa.", speaker_id=speaker.id, now=tick())
            spoken.append(op)
            if i == 1:
                mark_absent(db, speaker.id, now=tick())
            elif i < opinions - 1:
                finish_speaker(db, speaker.id, now=tick())
        for op in spoken[:answered]:
            record_answer(db, op.id, outcome="answered", answered_by="Phạm Thị Thu Hiền, Q. Chủ tịch UBND xã",
                          answer="Xã đã đưa vào kế hoạch năm 2026.", now=tick())


async def type_raw(pilot, text: str) -> None:
    """Send characters the way the terminal driver's parser does: Key(name, char) for
    each code point. (Pilot.press loses combining marks: it cannot name them.)"""
    from textual import events
    from textual.keys import KEY_NAME_REPLACEMENTS, _character_to_key

    app = pilot.app
    for char in text:
        name = char if char.isalnum() else _character_to_key(char)
        event = events.Key(KEY_NAME_REPLACEMENTS.get(name, name), char)
        event.set_sender(app)
        app._driver.send_message(event)
        await pilot.pause(0)
    await pilot.pause()


def said(app, severity: str | None = None) -> list[str]:
    """What the live screen said on its status line (it shows no toasts), oldest first."""
    from screens.live import LiveScreen

    screen = next(s for s in reversed(app.screen_stack) if isinstance(s, LiveScreen))
    return [m for sev, m in screen.messages if severity is None or sev == severity]
