"""The live screen's actions, declared once: the action, its keys (an F-key and a
Ctrl or Alt key, for laptops whose F-keys send media keys unless Fn is held), its
Vietnamese names and when it is possible. LiveScreen's BINDINGS, its check_action,
its key bar and the command palette (Ctrl+P) are all built from ACTIONS."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from db.models import MeetingStatus

from .widgets.key_bar import key_display


@dataclass(frozen=True)
class LiveState:
    """What decides which actions are possible, as the screen last read it."""

    status: MeetingStatus | None = None
    speaking: bool = False
    waiting: int = 0
    opinions: int = 0
    follows: bool = False
    has_next_step: bool = False
    has_previous_step: bool = False
    editor_focused: bool = True
    queue_focused: bool = False
    opinions_focused: bool = False
    queue_row: bool = False          # the queue has a highlighted speaker
    queue_row_callable: bool = False  # ... who is waiting or absent
    queue_row_open: bool = False      # ... who has not finished nor withdrawn
    filtered: bool = False

    @property
    def live(self) -> bool:
        return self.status is MeetingStatus.LIVE

    @property
    def planned(self) -> bool:
        return self.status is MeetingStatus.PLANNED

    @property
    def ended(self) -> bool:
        return self.status is MeetingStatus.ENDED


@dataclass(frozen=True)
class LiveAction:
    action: str
    name: str                       # in the palette
    label: str                      # in the key bar, short
    keys: tuple[str, ...]           # F-key first when there is one
    help: str
    allowed: Callable[[LiveState], bool]
    bar: str = "eqo"                # in the key bar when allowed and the focus is on the
                                    # editor (e), the queue (q) or the opinions (o)
    priority: bool = True           # works while the editor has the focus
    palette: bool = True            # offered in the command palette


ACTIONS: tuple[LiveAction, ...] = (
    LiveAction("start", "Bắt đầu hội nghị", "Bắt đầu", ("ctrl+n",),
               "Ghi giờ bắt đầu thực tế và mở bước đầu của chương trình", lambda s: s.planned),
    LiveAction("register", "Đăng ký phát biểu", "Đăng ký", ("f2", "ctrl+r"),
               "Thêm người đăng ký phát biểu", lambda s: not s.ended, bar="eq"),
    LiveAction("call_next", "Mời người tiếp theo", "Mời tiếp", ("f3", "alt+m"),
               "Mời người đăng ký kế tiếp theo thứ tự", lambda s: s.live and s.waiting > 0, bar="eq"),
    LiveAction("absent", "Đánh dấu vắng mặt", "Vắng", ("f4", "alt+v"),
               "Người đang được mời không có mặt; có thể mời lại sau",
               lambda s: s.live and s.speaking, bar="eq"),
    LiveAction("finish", "Kết thúc lượt phát biểu", "Xong lượt", ("f5", "alt+x"),
               "Người đang phát biểu đã nói xong", lambda s: s.live and s.speaking, bar="eq"),
    LiveAction("record", "Ghi ý kiến", "Ghi ý kiến", ("f6", "ctrl+s"),
               "Lưu ý kiến đang gõ", lambda s: (s.live and s.speaking) or s.follows, bar="e"),
    LiveAction("answer", "Ghi trả lời", "Trả lời", ("f7", "alt+t"),
               "Ghi trả lời cho ý kiến đang chọn", lambda s: not s.planned and s.opinions > 0, bar="eo"),
    LiveAction("slip", "Ghi phiếu ý kiến", "Phiếu", ("f8", "alt+p"),
               "Ý kiến viết trên phiếu, không phát biểu", lambda s: s.live, bar="e"),
    LiveAction("followup", "Ý kiến tiếp theo sau trả lời", "Ý kiến tiếp", ("f9", "alt+k"),
               "Ý kiến đang gõ là ý kiến tiếp của ý kiến đang chọn",
               lambda s: s.follows or (s.live and s.opinions > 0), bar="eo"),
    LiveAction("opinions_list", "Đến danh sách ý kiến", "DS ý kiến", ("alt+o",),
               "Sang danh sách ý kiến (gõ số để nhảy tới ý kiến đó); lần nữa: về ô ghi",
               lambda s: s.opinions > 0, bar="e"),
    LiveAction("search", "Tìm ý kiến", "Tìm", ("ctrl+f",),
               "Tìm ý kiến theo từ bất kỳ, không cần dấu (\"duong\" tìm được \"đường\")",
               lambda s: s.opinions > 0 or s.filtered, bar="o"),
    LiveAction("filter", "Lọc ý kiến", "Lọc", ("alt+f",),
               "Lọc danh sách ý kiến: chưa trả lời, theo kết quả, theo lĩnh vực",
               lambda s: s.opinions > 0 or s.filtered, bar="o"),
    LiveAction("pick_field", "Chọn lĩnh vực", "Lĩnh vực", ("ctrl+l",),
               "Lĩnh vực của ý kiến đang gõ", lambda s: not s.follows and s.live, bar="e"),
    LiveAction("edit_opinion", "Sửa ý kiến", "Sửa ý kiến", ("ctrl+o",),
               "Mở ý kiến đang chọn để sửa", lambda s: not s.planned and s.opinions > 0, bar="o"),
    LiveAction("call_selected", "Mời người đang chọn", "Mời người chọn", ("ctrl+g",),
               "Mời người đang chọn trong hàng chờ, ngoài thứ tự (hoặc mời lại người vắng)",
               lambda s: s.live and s.queue_focused and s.queue_row_callable, bar="q"),
    LiveAction("edit_speaker", "Sửa người phát biểu", "Sửa người PB", ("alt+s",),
               "Sửa họ tên, thôn, lĩnh vực của người đang chọn trong hàng chờ",
               lambda s: not s.ended and s.queue_row, bar="q"),
    LiveAction("withdraw", "Rút đăng ký", "Rút ĐK", ("alt+r",),
               "Người đang chọn trong hàng chờ rút đăng ký: không được mời, không tính là đã phát biểu",
               lambda s: not s.ended and s.queue_row_open, bar="q"),
    LiveAction("next_step", "Chuyển bước tiếp theo", "Bước tiếp", ("ctrl+n",),
               "Kết thúc bước hiện tại của chương trình, sang bước sau",
               lambda s: s.live and s.has_next_step),
    LiveAction("previous_step", "Quay lại bước trước", "Bước trước", ("ctrl+b",),
               "Lỡ chuyển bước: trở lại bước trước", lambda s: s.live and s.has_previous_step, bar=""),
    LiveAction("end_meeting", "Kết thúc hội nghị", "Kết thúc HN", ("ctrl+t",),
               "Ghi giờ kết thúc hội nghị", lambda s: s.live, bar="e"),
    LiveAction("documents", "Kết luận và in biên bản", "In", ("ctrl+e",),
               "Kết luận, số người có mặt, in biên bản (tạm thời khi hội nghị đang diễn ra)",
               lambda s: True, bar=""),
    LiveAction("focus_editor", "Về ô ghi ý kiến", "Về ô ghi", ("escape",),
               "Đưa con trỏ về ô gõ ý kiến", lambda s: not s.editor_focused, priority=False, bar="qo"),
    LiveAction("back", "Về danh sách hội nghị", "Danh sách", ("escape",),
               "Rời màn hình này; mọi thứ đã được lưu", lambda s: s.editor_focused and not s.live,
               priority=False, palette=False, bar="e"),
    LiveAction("step_note", "Ghi tóm tắt bước chương trình", "Tóm tắt bước", ("alt+b",),
               "Ghi người trình bày và nội dung tóm tắt của bước đang diễn ra (in trong biên bản)",
               lambda s: s.live, bar=""),
    LiveAction("bell", "Bật / tắt chuông báo hết giờ", "Chuông", (),
               "Kêu một tiếng khi người phát biểu hết giờ (mặc định tắt)", lambda s: True, bar=""),
    LiveAction("view_plan", "Xem kế hoạch", "Kế hoạch", (),
               "Kế hoạch và chương trình hội nghị (chỉ xem)", lambda s: True, bar=""),
    LiveAction("leave", "Về danh sách hội nghị", "Danh sách", (),
               "Rời màn hình này; mọi thứ đã được lưu", lambda s: True, bar=""),
)

BY_NAME: dict[str, tuple[LiveAction, ...]] = {}
for _a in ACTIONS:
    BY_NAME[_a.action] = BY_NAME.get(_a.action, ()) + (_a,)


def keys_display(action: LiveAction) -> str:
    return "/".join(key_display(k) for k in action.keys)


def bindings() -> list[Binding]:
    """Every key of every action; the first key of each is the one the footer shows.
    Two actions may share a key: the first that check_action allows wins."""
    result = []
    for a in ACTIONS:
        for i, key in enumerate(a.keys):
            result.append(Binding(key, a.action, a.label, show=(i == 0 and bool(a.bar)),
                                  priority=a.priority, key_display=key_display(key)))
    return result


def allowed(action: str, state: LiveState) -> bool | None:
    """check_action's answer: True when one declaration of `action` allows it now;
    None (not ours) for an action this table does not declare."""
    entries = BY_NAME.get(action)
    if entries is None:
        return None
    return any(a.allowed(state) for a in entries)


def focus_letter(state: LiveState) -> str:
    """Where the focus is, as the key bar's letters name it."""
    return "q" if state.queue_focused else ("o" if state.opinions_focused else "e")


def in_bar(state: LiveState) -> list[LiveAction]:
    """The actions the key bar shows now: possible, and likely where the focus is."""
    where = focus_letter(state)
    return [a for a in available(state) if where in a.bar]


def available(state: LiveState) -> list[LiveAction]:
    """The actions possible now, once each, in the table's order."""
    seen, result = set(), []
    for a in ACTIONS:
        if a.action not in seen and a.allowed(state):
            seen.add(a.action)
            result.append(a)
    return result


class LiveCommands(Provider):
    """The palette offers the actions possible now, with their keys."""

    def _available(self):
        screen = self.screen
        for a in available(screen.state()):
            if not a.palette:
                continue
            help_text = a.help + (f" ({keys_display(a)})" if a.keys else "")
            yield a.name, help_text, partial(screen.run_action, a.action)

    async def discover(self) -> Hits:
        for name, help_text, callback in self._available():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._available():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
