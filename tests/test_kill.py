"""Kill test: the real app in a real terminal, killed with SIGKILL at random moments.

A scripted meeting is driven through the app's keys in a pseudo-terminal (120x40,
xterm-256color, read back with pyte): start, programme steps (one back by mistake),
registrations, calls, opinions typed character by character, F6, answers, absences,
finished turns. A seeded random decides the script and, for some gestures, a key
after which (and a random delay after which) the process gets SIGKILL. After each
kill the database is read (the file as the killed process left it) and the app is
started again on it; then:

- the record holds every action the screen had acknowledged before the kill (its
  notification, or the visible state it leads to, was painted), and nothing more than
  the one gesture under way (a prefix of its effects); nothing twice: registration
  numbers 1..n, opinion numbers 1..n, no two opinions with the same text;
- `PRAGMA integrity_check` is ok (and the foreign keys hold);
- the restarted live screen shows the same step and the same current speaker as the
  database, and not less than the screen showed before the kill;
- the draft of the text being typed holds at least what was typed 3 s before the
  kill (and never more than was typed); the editor shows it after the restart; a
  recorded opinion left no draft behind (it would be recorded twice);

then the script goes on from there in the restarted app (finishing the gesture the
kill interrupted, typing on from the draft). At the end the meeting is ended through
the app and the record compared once more.

The normal run kills 5 times (under a minute); DOITHOAI_LONG=1 (CI) kills 32 times.
DOITHOAI_KILL_SEED picks another script. The kill log (where each kill fell, what
the database held) is written next to the database and printed.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from db.connection import open_db
from db.meetings import drafts, get_meeting, get_steps
from db.opinions import list_opinions
from db.speakers import list_speakers

from .conftest import FakeClock
from .live_helpers import make_meeting
from .terminal import KEYS, AppTerminal, squash

LONG = os.environ.get("DOITHOAI_LONG") == "1"
KILLS = 32 if LONG else 5
SEED = int(os.environ.get("DOITHOAI_KILL_SEED", "20260618"))
DRAFT_LAG = 0.5  # seconds: what was typed this long before a kill must be in the draft
DIALOGUE_STEP = 4  # the demo plan's dialogue step
OPINION_DRAFT = "opinion"


# -- what the record holds (the part the script touches) ------------------------------

@dataclass(frozen=True)
class Rec:
    status: str  # planned | live | ended
    step: int | None  # position of the current programme step
    speakers: tuple  # (reg_no, name, hamlet, status)
    opinions: tuple  # (number, speaker reg_no or None, content, outcome, answer)

    @property
    def speaking(self) -> int | None:
        return next((s[0] for s in self.speakers if s[3] == "speaking"), None)

    def waiting(self) -> list[int]:
        return [s[0] for s in self.speakers if s[3] == "waiting"]

    def count(self, status: str) -> int:
        return sum(1 for s in self.speakers if s[3] == status)

    def view(self) -> tuple:
        """What the live screen shows of it at the top: the step and who speaks."""
        return (0 if self.status == "planned" else self.step, self.speaking)

    def queue_title(self) -> str:
        return squash(f"Hàng chờ · chờ {self.count('waiting')} · đã nói {self.count('done')} · "
                      f"vắng {self.count('absent')} ─")  # the border follows: 'vắng 1' is not 'vắng 12'

    def opinions_title(self) -> str:
        unanswered = sum(1 for o in self.opinions if o[3] is None)
        return squash(f"Ý kiến · {len(self.opinions)} · chưa trả lời {unanswered} ─")

    def with_speaker(self, reg_no: int, status: str) -> "Rec":
        return replace(self, speakers=tuple((s[0], s[1], s[2], status) if s[0] == reg_no else s
                                            for s in self.speakers))


def stored(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


# -- effects: one committed store write each --------------------------------------------

class Effect:
    def apply(self, rec: Rec) -> Rec:
        raise NotImplementedError

    def acked(self, flat: str, after: Rec) -> bool:
        """The screen (whitespace removed) shows that this effect is done."""
        raise NotImplementedError


@dataclass(frozen=True)
class Start(Effect):
    steps: int

    def apply(self, rec):
        return replace(rec, status="live", step=1)

    def acked(self, flat, after):
        return f"Bước1/{self.steps}:" in flat

    def __str__(self):
        return "bắt đầu"


@dataclass(frozen=True)
class Step(Effect):
    to: int
    steps: int

    def apply(self, rec):
        return replace(rec, step=self.to)

    def acked(self, flat, after):
        return f"Bước{self.to}/{self.steps}:" in flat

    def __str__(self):
        return f"bước → {self.to}"


@dataclass(frozen=True)
class Register(Effect):
    name: str
    hamlet: str

    def apply(self, rec):
        return replace(rec, speakers=rec.speakers + ((len(rec.speakers) + 1, self.name, self.hamlet, "waiting"),))

    def acked(self, flat, after):
        return f"Đãđăngkýsố{len(after.speakers)}:" in flat

    def __str__(self):
        return f"đăng ký {self.name}"


@dataclass(frozen=True)
class Call(Effect):
    reg_no: int

    def apply(self, rec):
        return rec.with_speaker(self.reg_no, "speaking")

    def acked(self, flat, after):
        return f"Mờisố{self.reg_no}·" in flat

    def __str__(self):
        return f"mời số {self.reg_no}"


@dataclass(frozen=True)
class Finish(Effect):
    reg_no: int

    def apply(self, rec):
        return rec.with_speaker(self.reg_no, "done")

    def acked(self, flat, after):
        return after.queue_title() in flat

    def __str__(self):
        return f"số {self.reg_no} xong"


@dataclass(frozen=True)
class Absent(Effect):
    reg_no: int

    def apply(self, rec):
        return rec.with_speaker(self.reg_no, "absent")

    def acked(self, flat, after):
        return after.queue_title() in flat

    def __str__(self):
        return f"số {self.reg_no} vắng"


@dataclass(frozen=True)
class Record(Effect):
    text: str

    def apply(self, rec):
        number = len(rec.opinions) + 1
        return replace(rec, opinions=rec.opinions + ((number, rec.speaking, stored(self.text), None, None),))

    def acked(self, flat, after):
        return f"Đãghiýkiếnsố{len(after.opinions)}." in flat or after.opinions_title() in flat

    def __str__(self):
        return f"ghi ý kiến ({len(self.text)} ký tự)"


@dataclass(frozen=True)
class Answer(Effect):
    number: int
    text: str

    def apply(self, rec):
        return replace(rec, opinions=tuple((o[0], o[1], o[2], "answered", stored(self.text)) if o[0] == self.number
                                           else o for o in rec.opinions))

    def acked(self, flat, after):
        return f"Đãghitrảlờiýkiếnsố{self.number}." in flat

    def __str__(self):
        return f"trả lời ý kiến số {self.number}"


@dataclass(frozen=True)
class End(Effect):
    def apply(self, rec):
        return replace(rec, status="ended", step=None,
                       speakers=tuple((*s[:3], "done" if s[3] == "speaking" else s[3]) for s in rec.speakers))

    def acked(self, flat, after):
        return "Hộinghịđãkếtthúclúc" in flat

    def __str__(self):
        return "kết thúc hội nghị"


def replay(rec: Rec, effects) -> list[Rec]:
    """rec, then rec after each effect in turn."""
    out = [rec]
    for effect in effects:
        out.append(effect.apply(out[-1]))
    return out


# -- reading the database and the screen ------------------------------------------------

@dataclass
class Stored:
    rec: Rec
    drafts: dict
    opinion_ids: dict  # number -> id
    integrity: str
    foreign_keys: list


def read_db(path: Path, meeting_id: int) -> Stored:
    db = open_db(path, migrate=False)
    try:
        meeting = get_meeting(db, meeting_id)
        step = next((s.position for s in get_steps(db, meeting_id) if s.is_current), None)
        people = list_speakers(db, meeting_id)
        reg = {s.id: s.reg_no for s in people}
        opinions = list_opinions(db, meeting_id)
        rec = Rec(meeting.status.value, step,
                  tuple((s.reg_no, s.name, s.hamlet or "", s.status.value) for s in people),
                  tuple((o.number, reg.get(o.speaker_id), o.content, o.outcome.value if o.outcome else None,
                         o.answer) for o in opinions))
        return Stored(rec, drafts(db, meeting_id), {o.number: o.id for o in opinions},
                      db.execute("PRAGMA integrity_check").fetchone()[0],
                      db.execute("PRAGMA foreign_key_check").fetchall())
    finally:
        db.close()


_STEP = re.compile(r"│ Bước (\d+)/\d+:")
_SPEAKER = re.compile(r"│ Số (\d+) · (?:Ông|Bà) ")


def read_view(lines: list[str]) -> tuple | None:
    """(step, speaker reg_no) from the live screen's top panels; 0 = not started;
    None when that part of the screen is not the live screen's."""
    top = "\n".join(lines[:10])
    found = _STEP.search(top)
    if found:
        step = int(found.group(1))
    elif "Hội nghị chưa bắt đầu" in top:
        step = 0
    else:
        return None
    speaker = _SPEAKER.search(top)
    if speaker:
        return step, int(speaker.group(1))
    if "Chưa mời ai phát biểu" in top:
        return step, None
    return None


def editor_text(lines: list[str]) -> str | None:
    """The opinion editor's content (whitespace removed), from its bordered box."""
    tops = [i for i, line in enumerate(lines) if line.startswith("╭─ Ý kiến")]
    if not tops:
        return None
    body = []
    for line in lines[tops[-1] + 1:]:
        if line.startswith("╰"):
            break
        body.append(line[1:-1])
    text = squash("".join(body))
    return "" if text == squash("Gõ ý kiến của người đang phát biểu tại đây…") else text


# -- the script ---------------------------------------------------------------------------

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Đức", "Quốc", "Minh", "Xuân", "Trọng", "Hữu"]
GIVEN = ["An", "Cường", "Em", "Hùng", "Khánh", "Long", "Mạnh", "Nam", "Nghĩa", "Phúc", "Quý", "Sơn", "Thành",
         "Tùng", "Vinh", "Lộc", "Thắng", "Dũng"]
HAMLETS = ["thôn Quán Gỏi", "thôn Phương Độ", "thôn Ngọc Mai", "thôn Thượng Khuông", "thôn Kè Sắt"]
SUBJECTS = ["Đường trục thôn", "Rãnh thoát nước cuối xóm", "Đèn chiếu sáng ở ngã ba", "Hồ sơ trợ cấp của mẹ tôi",
            "Việc thu gom rác thải", "Kênh mương nội đồng", "Sân nhà văn hóa", "Cầu tạm qua sông"]
PROBLEMS = ["xuống cấp nghiêm trọng", "hỏng đã ba tháng nay", "chưa được giải quyết", "bị lấn chiếm một phần",
            "thường xuyên ùn ứ"]
REQUESTS = ["đề nghị xã sớm kiểm tra, sửa chữa trước mùa mưa bão", "đề nghị UBND xã trả lời rõ thời hạn xử lý",
            "kính đề nghị chính quyền quan tâm, bố trí kinh phí", "đề nghị công khai kết quả cho Nhân dân biết"]
MORE = ["Việc này Nhân dân đã kiến nghị từ năm 2024 nhưng chưa có kết quả.",
        "Bà con đi lại rất khó khăn, nhất là học sinh.", "Đề nghị giao cụ thể người chịu trách nhiệm."]
ANSWERS = ["Xã tiếp thu, giao công chức Địa chính - Xây dựng kiểm tra, báo cáo trong tháng 7.",
           "UBND xã đã đưa vào kế hoạch năm 2026, sẽ thi công sau vụ mùa.",
           "Xã ghi nhận và sẽ trả lời bằng văn bản trong 15 ngày."]


class Killed(Exception):
    pass


@dataclass
class Armed:
    key: int  # kill after this many keys of the attempt (1-based)
    delay: float  # seconds after that key


@dataclass
class Typing:
    """Text being typed into a draft-keeping editor, for the draft check."""
    draft_key: str
    text: str
    start: int  # characters already there (restored draft) when typing began
    log: list = field(default_factory=list)  # (monotonic time written, characters typed so far)


class Director:
    """Chooses the next gesture from the record, with a seeded random."""

    def __init__(self, rng: random.Random, steps: int):
        self.rng = rng
        self.steps = steps
        self.went_back = False
        self.names = 0
        self.opinions = 0

    def name(self) -> tuple[str, str]:
        self.names += 1
        r = self.rng
        return f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}", r.choice(HAMLETS)

    def opinion(self, hamlet: str) -> str:
        self.opinions += 1
        r = self.rng
        text = f"{r.choice(SUBJECTS)} {hamlet} {r.choice(PROBLEMS)}, {r.choice(REQUESTS)} (tổ {self.opinions})."
        if r.random() < 0.3:
            text += " " + r.choice(MORE)
        return text

    def next(self, rec: Rec, closing: bool) -> list[Effect]:
        r = self.rng
        if rec.status == "planned":
            return [Start(self.steps)]
        if rec.step is not None and rec.step < DIALOGUE_STEP:
            if rec.step == 3 and not self.went_back:
                self.went_back = True
                return [Step(2, self.steps)]  # moved on by mistake: back one step
            return [Step(rec.step + 1, self.steps)]
        speaking, waiting = rec.speaking, rec.waiting()
        if closing:
            return [Finish(speaking)] if speaking else [End()]
        if speaking is not None:
            mine = [o for o in rec.opinions if o[1] == speaking]
            if not mine and r.random() < 0.12:
                return [Absent(speaking), Call(waiting[0])] if waiting and r.random() < 0.5 else [Absent(speaking)]
            if mine and mine[-1][3] is None and r.random() < 0.5:
                return [Answer(mine[-1][0], r.choice(ANSWERS))]
            if not mine or (len(mine) < 2 and r.random() < 0.3):
                hamlet = next(s[2] for s in rec.speakers if s[0] == speaking)
                return [Record(self.opinion(hamlet))]
            if waiting and r.random() < 0.7:
                return [Finish(speaking), Call(waiting[0])]
            return [Finish(speaking)]
        if len(waiting) < 2 or r.random() < 0.3:
            return [Register(*self.name())]
        return [Call(waiting[0])]


class KillRun:
    """Drives the app, kills it, checks, restarts, goes on."""

    def __init__(self, path: Path, meeting_id: int, seed: int, kills: int, report):
        self.path, self.meeting_id = path, meeting_id
        self.kills_wanted = kills
        self.report = report
        self.rng = random.Random(seed)  # the script
        self.krng = random.Random(seed * 7 + 1)  # where to kill
        self.pace = random.Random(seed * 13 + 5)  # the typist's rhythm
        self.log: list[dict] = []
        self.points: set = set()
        self.t0 = time.monotonic()
        stored_now = read_db(path, meeting_id)
        self.rec = stored_now.rec
        steps = len(get_steps_of(path, meeting_id))
        self.director = Director(self.rng, steps)
        self.term: AppTerminal | None = None
        self.gesture_no = 0
        self.keys = 0
        self.armed: Armed | None = None
        self.typing: Typing | None = None
        self.kill_time = 0.0
        self.launches = 0
        self.last_key = 0.0
        self.ack_times: list[tuple[str, float]] = []  # (kind, seconds from the last key to the acknowledgement)

    # -- keys -------------------------------------------------------------------

    def key(self, data: str) -> None:
        """One key write (a key name or one typed character); the kill happens here."""
        self.term.send(KEYS.get(data, data) if len(data) > 1 else data)
        self.last_key = time.monotonic()
        self.keys += 1
        if self.armed is not None and self.keys == self.armed.key:
            time.sleep(self.armed.delay)  # the random moment after this key
            self.kill_time = time.monotonic()
            self.term.kill()
            raise Killed

    def type(self, text: str, draft_key: str | None = None, start: int = 0, fast: bool = False) -> None:
        """Character by character at a typist's pace; the draft check follows it."""
        if draft_key is not None:
            self.typing = Typing(draft_key, text, start, [(time.monotonic(), start)])
        for i, char in enumerate(text[start:], start=start + 1):
            if self.typing is not None:
                self.typing.log.append((time.monotonic(), i))  # written now
            self.key(char)
            pause = self.pace.uniform(0.02, 0.05) if fast else self.pace.uniform(0.035, 0.09)
            if char == " ":
                pause += self.pace.uniform(0, 0.08)
            time.sleep(pause)

    def wait(self, predicate, what: str, timeout: float = 15.0):
        return self.term.wait_until(predicate, what, timeout)

    def wait_text(self, text: str) -> None:
        self.term.wait_for(text)

    # -- the screen ----------------------------------------------------------------

    def _border_fg(self, prefix: str, col: int = 0) -> str | None:
        with self.term._lock:
            for y, line in enumerate(self.term.screen.display):
                if line.startswith(prefix):
                    return self.term.screen.buffer[y][col].fg
        return None

    def editor_focused(self) -> bool:
        editor = self._border_fg("╭─ Ý kiến")
        queue = self._border_fg("╭─ Hàng chờ")
        return editor is not None and queue is not None and editor != queue

    def opinions_focused(self) -> bool:
        line = next((x for x in self.term.lines() if x.startswith("╭─ Hàng chờ")), "")
        if "╮╭" not in line:
            return False
        queue = self._border_fg("╭─ Hàng chờ")
        table = self._border_fg("╭─ Hàng chờ", col=line.index("╮╭") + 1)  # left of any toast
        return queue is not None and table != queue

    def opinion_cursor(self) -> int | None:
        """The number of the opinions table's cursor row (the table focused): the one
        row whose number is drawn in another colour than the others'."""
        rows = []
        with self.term._lock:
            for y, line in enumerate(self.term.screen.display):
                x = line.find("││ ")
                found = re.match(r"(\d+) ", line[x + 3:]) if x >= 0 else None
                if found:
                    rows.append((int(found.group(1)), self.term.screen.buffer[y][x + 3].fg))
        colours = [fg for _, fg in rows]
        odd = [n for n, fg in rows if colours.count(fg) == 1]
        return odd[0] if len(rows) >= 3 and len(odd) == 1 else None

    def _field_bg(self, label: str) -> str | None:
        with self.term._lock:
            for y, line in enumerate(self.term.screen.display):
                x = line.find(f"█ {label} ")  # in the dialog, at its left edge
                if x >= 0:
                    return self.term.screen.buffer[y][x + 60].bg
        return None

    def _field_text(self, label: str) -> str:
        for line in self.term.lines():
            x = line.find(f"█ {label} ")
            if x >= 0:
                return line[x + len(label) + 3:]
        return ""

    def ensure_editor(self) -> None:
        if not self.editor_focused():
            self.key("escape")
            self.wait(self.editor_focused, "the opinion editor focused")

    # -- gestures ----------------------------------------------------------------------

    def perform(self, effects: list[Effect]) -> None:
        first = effects[0]
        rec = self.rec
        if isinstance(first, Start):
            self.key("ctrl+n")
            self.wait_text("Ghi giờ bắt đầu thực tế")
            self.key("enter")
        elif isinstance(first, Step):
            self.key("ctrl+n" if first.to > rec.step else "ctrl+b")
        elif isinstance(first, Register):
            self.key("f2")
            self.wait_text("Đăng ký phát biểu")
            name_bg = self.wait(lambda: (self._field_bg("Họ và tên") != self._field_bg("Thôn / địa chỉ")
                                         and self._field_bg("Họ và tên")), "the name field focused")
            self.type(first.name, fast=True)
            self.wait(lambda: squash(first.name) in squash(self._field_text("Họ và tên")), "the name typed")
            self.key("tab")
            self.wait(lambda: self._field_bg("Thôn / địa chỉ") == name_bg, "the hamlet field focused")
            self.type(first.hamlet, fast=True)
            self.wait(lambda: squash(first.hamlet) in squash(self._field_text("Thôn / địa chỉ")),
                      "the hamlet typed")
            self.key("enter")
        elif isinstance(first, Call):
            self.key("f3")
        elif isinstance(first, (Finish, Absent)) and len(effects) == 2:
            self.key("f3")  # someone still speaks: the app asks first
            self.wait_text("Đang có người phát biểu")
            self.key("f5" if isinstance(first, Finish) else "f4")
        elif isinstance(first, Finish):
            self.key("f5")
        elif isinstance(first, Absent):
            self.key("f4")
        elif isinstance(first, Record):
            self.ensure_editor()
            draft = read_draft(self.path, self.meeting_id, OPINION_DRAFT) or ""
            assert first.text.startswith(draft), (
                f"the editor comes back with {draft!r}, which is not the opinion being typed: "
                "an opinion already recorded would be recorded twice")
            self.type(first.text, OPINION_DRAFT, start=len(draft))
            time.sleep(self.pace.uniform(0.15, 0.4))  # reads it over, then F6
            self.key("f6")
        elif isinstance(first, Answer):
            self.answer(first)
        elif isinstance(first, End):
            self.key("ctrl+t")
            # the question says how many opinions are unanswered, if any; 1 ends anyway
            self.wait(lambda: "ghi giờ kết thúc" in self.term.text().lower(), "the end question")
            self.key("1")
        after = replay(rec, effects)[-1]
        self.wait(lambda: effects[-1].acked(self.term.flat(), after), f"the acknowledgement of {effects[-1]}")
        self.ack_times.append((self.kind(effects), time.monotonic() - self.last_key))

    def answer(self, effect: Answer) -> None:
        title = re.compile(r"Trả lời ý kiến số (\d+) ·")

        def shown() -> int | None:
            found = title.search(self.term.text())
            return int(found.group(1)) if found else None

        self.key("f7")
        number = self.wait(shown, "the answer form")
        navigated = False
        if number != effect.number:  # the highlighted row is another opinion (after a restart)
            self.key("escape")
            self.wait(lambda: shown() is None, "the answer form closed")
            self.key("shift+tab")
            self.wait(self.opinions_focused, "the opinions table focused")
            self.key("ctrl+end")
            self.wait(lambda: self.opinion_cursor() == effect.number, f"the cursor on opinion {effect.number}")
            self.key("f7")
            navigated = True
            number = self.wait(shown, "the answer form")
            assert number == effect.number, f"the last row is opinion {number}, not {effect.number}"
        opinion_id = read_db(self.path, self.meeting_id).opinion_ids[effect.number]
        key = f"answer:{opinion_id}"
        draft = read_draft(self.path, self.meeting_id, key) or ""
        assert effect.text.startswith(draft), f"the answer form comes back with {draft!r}, not {effect.text!r}"
        self.type(effect.text, key, start=len(draft))
        self.key("f3")  # outcome: answered at the meeting
        self.key("ctrl+s")
        self.wait(lambda: effect.acked(self.term.flat(), self.rec), f"the acknowledgement of {effect}")
        if navigated:
            self.key("escape")
            self.wait(self.editor_focused, "the opinion editor focused again")

    # -- kills ---------------------------------------------------------------------

    #: How likely a first attempt of each kind of gesture is killed. For the first
    #: BALANCED kills, a kind already killed more often than the least killed one is
    #: spared (so a short run still kills while typing, at F6, in a dialog, in the queue).
    BALANCED = 5
    KILL_CHANCE = {"programme": 0.3, "register": 0.35, "queue": 0.4, "record": 0.7, "answer": 0.5}

    @staticmethod
    def kind(effects: list[Effect]) -> str:
        first = effects[0]
        if isinstance(first, (Start, Step, End)):
            return "programme"
        if isinstance(first, Register):
            return "register"
        if isinstance(first, Record):
            return "record"
        if isinstance(first, Answer):
            return "answer"
        return "queue"

    def arm(self, effects: list[Effect], attempt: int) -> None:
        """Maybe kill during this attempt: after which key, how long after it."""
        self.armed = None
        if len(self.log) >= self.kills_wanted or isinstance(effects[0], End) or attempt > 1:
            return
        r = self.krng
        kind = self.kind(effects)
        killed = {k: sum(1 for e in self.log if e["kind"] == k) for k in self.KILL_CHANCE}
        least = min(n for k, n in killed.items() if k != "programme")
        spare = 0.35 ** max(0, killed[kind] - least) if len(self.log) < self.BALANCED else 1.0
        if r.random() > self.KILL_CHANCE[kind] * spare:
            return
        first = effects[0]
        if isinstance(first, Record):
            n = len(first.text) + 1  # every character, then F6
            key = n if r.random() < 0.3 else r.randint(max(1, n // 3), n)
        elif isinstance(first, Answer):
            key = r.randint(1, 1 + len(first.text) + 2)  # F7, the text, F3, Ctrl+S
        elif isinstance(first, Register):
            key = r.randint(1, 3 + len(first.name) + len(first.hamlet))  # F2, name, Tab, hamlet, Enter
        else:
            keys = 2 if isinstance(first, Start) or len(effects) == 2 else 1  # with its dialog: two
            key = r.randint(1, keys)
        point = (self.gesture_no, key)
        if point in self.points:
            return
        self.points.add(point)
        delay = r.uniform(0, 0.06) if r.random() < 0.5 else r.uniform(0.06, 0.45)
        self.armed = Armed(key, delay)

    def after_kill(self, effects: list[Effect]) -> list[Effect]:
        """Check the file and the restarted app; the effects still to do."""
        armed, self.armed = self.armed, None
        states = replay(self.rec, effects)
        shown = self.term.lines()  # everything the app painted before it died
        flat = squash("\n".join(shown))
        acked = max((i + 1 for i, e in enumerate(effects) if e.acked(flat, states[i + 1])), default=0)
        got = read_db(self.path, self.meeting_id)
        entry = {"kill": len(self.log) + 1, "at_s": round(self.kill_time - self.t0, 2),
                 "gesture": self.gesture_no, "kind": self.kind(effects), "doing": " + ".join(map(str, effects)),
                 "key": armed.key, "delay_s": round(armed.delay, 3), "acknowledged": acked}
        self.log.append(entry)
        where = f"kill {entry['kill']} ({json.dumps(entry, ensure_ascii=False)})"

        assert got.integrity == "ok", f"{where}: integrity_check says {got.integrity}"
        assert got.foreign_keys == [], f"{where}: foreign keys broken: {got.foreign_keys}"
        rec = got.rec
        assert [s[0] for s in rec.speakers] == list(range(1, len(rec.speakers) + 1)), where
        assert [o[0] for o in rec.opinions] == list(range(1, len(rec.opinions) + 1)), where
        contents = [o[2] for o in rec.opinions]
        assert len(set(contents)) == len(contents), f"{where}: an opinion is there twice"
        assert rec.count("speaking") <= 1, where
        # Exactly what was done: everything before this gesture, and a prefix of it no
        # shorter than what the screen acknowledged.
        done = next((j for j in range(len(states)) if states[j] == rec), None)
        assert done is not None, (f"{where}: the database holds neither the acknowledged record nor a prefix of "
                                  f"the gesture under way.\nexpected one of {states}\ngot {rec}")
        assert done >= acked, f"{where}: the screen acknowledged {acked} effect(s), the database has {done}"
        entry["in_db"] = done
        self.rec = rec

        # The draft of the text being typed: not behind by more than DRAFT_LAG seconds.
        typing = self.typing
        for key, text in got.drafts.items():
            if key == "opinion.context":
                continue
            assert typing is not None and key == typing.draft_key and done < len(effects), (
                f"{where}: draft {key!r} = {text!r} left behind (nothing being typed, or already recorded)")
        if typing is not None and done < len(effects):
            draft = got.drafts.get(typing.draft_key, "")
            typed = typing.log[-1][1]
            due = max((n for t, n in typing.log if t <= self.kill_time - DRAFT_LAG), default=typing.start)
            assert typing.text[:typed].startswith(draft), f"{where}: draft {draft!r} is not what was typed"
            assert len(draft) >= due, (f"{where}: the draft has {len(draft)} characters; {due} were typed "
                                       f"{DRAFT_LAG} s before the kill: {draft!r}")
            entry["draft"] = f"{len(draft)}/{typed} typed, {due} due"

        # Restart on the same file: the same step and speaker, the draft in the editor.
        before_view = read_view(shown)
        self.launch()
        after_view = self.wait(lambda: read_view(self.term.lines()), "the live screen after the restart")
        assert after_view == rec.view(), f"{where}: the restarted screen shows {after_view}, the database {rec.view()}"
        if before_view is not None:
            could_show = [j for j in range(len(states)) if states[j].view() == before_view]
            assert could_show and min(could_show) <= done, (
                f"{where}: before the kill the screen showed {before_view}, after the restart {after_view}")
        draft = got.drafts.get(OPINION_DRAFT, "")
        self.wait(lambda: editor_text(self.term.lines()) == squash(draft), f"the draft {draft!r} in the editor")
        self.report(f"kill {entry['kill']:>2} at {entry['at_s']:6.1f} s during «{entry['doing']}» "
                    f"after key {entry['key']} +{entry['delay_s']:.2f} s: screen acknowledged {acked}, "
                    f"db has {done}/{len(effects)}" + (f", draft {entry['draft']}" if "draft" in entry else ""))
        self.typing = None
        return effects[done:]

    # -- the run -------------------------------------------------------------------------

    def launch(self) -> None:
        self.launches += 1
        self.term = AppTerminal.doithoai(self.path)
        if self.rec.status == "planned":  # no live meeting to resume: the list, then Enter
            self.wait(lambda: self.term.shows("Chưa bắt đầu"), "the meeting in the list")
            self.key("enter")
        self.wait(lambda: read_view(self.term.lines()), "the live screen")
        self.wait(self.editor_focused, "the opinion editor focused")

    def run(self, max_gestures: int = 1000) -> None:
        self.launch()
        pending: list[Effect] = []
        attempt = 0
        while True:
            if not pending:
                spoken = sum(1 for o in self.rec.opinions if o[1] is not None)
                closing = len(self.log) >= self.kills_wanted and spoken >= 2
                pending = self.director.next(self.rec, closing)
                self.gesture_no += 1
                attempt = 0
                assert self.gesture_no < max_gestures, "the script does not end"
            attempt += 1
            self.keys = 0
            self.arm(pending, attempt)
            try:
                self.perform(pending)
            except Killed:
                pending = self.after_kill(pending)
                continue
            self.rec = replay(self.rec, pending)[-1]
            if self.typing is not None:  # recorded: its draft went in the same transaction
                left = read_draft(self.path, self.meeting_id, self.typing.draft_key)
                assert left is None, f"recorded, yet the draft {self.typing.draft_key!r} = {left!r} is still kept"
            self.typing = None
            if isinstance(pending[-1], End):
                break
            pending = []
        self.term.quit()


def get_steps_of(path: Path, meeting_id: int):
    db = open_db(path, migrate=False)
    try:
        return get_steps(db, meeting_id)
    finally:
        db.close()


def read_draft(path: Path, meeting_id: int, key: str) -> str | None:
    return read_db(path, meeting_id).drafts.get(key)


def test_kill_at_random_moments_and_go_on(tmp_path, capsys):
    path = tmp_path / "meeting.db"
    meeting_id = make_meeting(path, FakeClock())
    lines: list[str] = []

    def report(line: str) -> None:
        lines.append(line)
        with capsys.disabled():
            print(line, flush=True)

    run = KillRun(path, meeting_id, SEED, KILLS, report)
    try:
        run.run()
    finally:
        if run.term is not None and run.term.proc.poll() is None:
            run.term.kill()
        (tmp_path / "kills.json").write_text(json.dumps(run.log, ensure_ascii=False, indent=1), encoding="utf-8")
    elapsed = time.monotonic() - run.t0
    report(f"{len(run.log)} kills, {run.gesture_no} gestures, {run.launches} launches in {elapsed:.1f} s "
           f"(seed {SEED})")
    for kind in run.KILL_CHANCE:
        times = sorted(t for k, t in run.ack_times if k == kind)
        if times:
            report(f"  {kind}: key to acknowledgement on screen median {times[len(times) // 2] * 1000:.0f} ms, "
                   f"max {times[-1] * 1000:.0f} ms ({len(times)})")
    assert len(run.log) >= KILLS
    assert len({(e["gesture"], e["key"]) for e in run.log}) == len(run.log)  # each at its own point

    final = read_db(path, meeting_id)
    assert final.integrity == "ok"
    assert final.rec == run.rec and final.rec.status == "ended"
    assert final.drafts == {} or set(final.drafts) == {"opinion.context"}
    spoken = [o for o in final.rec.opinions if o[1] is not None]
    assert spoken and len({o[2] for o in spoken}) == len(spoken)
