"""The built-in Vietnamese typing in the App: every text field, one key, a badge on screen.

`VnTypingApp` is a mixin for the App. It does two things for the focused text field (an
`Input` or a `TextArea`):

1. **Keys in order.** Textual hands a printable key to the focused widget, but runs the
   widget's key bindings (backspace, delete, arrows) only after the key has bubbled up to
   the App. When an input method (Unikey, Windows' Telex) corrects a word it sends
   backspaces and the new letters in one burst, and the letters were typed before the
   backspaces ran: "Tieengs" became "Tieêếng". Here the App edits the field itself, key by
   key, in the order the keys arrive: the widget's own key handling, then its bindings.
2. **Telex / VNI.** While the mode is on, a letter or digit typed in a text field goes
   through `engine.Typist`, which rewrites the word before the cursor.

The App subclass says where the choice is remembered by overriding `remember_vn_typing`.
"""

from __future__ import annotations

from typing import Iterable

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from screens.vntyping.engine import Method, Typist, WordState
from screens.vntyping.syllable import Style

#: Alt+Z is the toggle Vietnamese users know from Unikey; terminals send it as ESC z, which
#: every terminal does without setup except macOS Terminal (Option as Meta). Ctrl+\ (one
#: control byte, no Fn, no Alt) is the fallback where Alt+Z is taken.
TOGGLE_KEYS = "alt+z,ctrl+backslash"
TOGGLE_LABEL = "Gõ tiếng Việt"
TOGGLE_HINT = "Alt+Z"
COMMANDS = {Method.TELEX: ("Gõ tiếng Việt (Telex)", "Bật bộ gõ Telex có sẵn: aa → â, dd → đ, s f r x j → dấu"),
            Method.VNI: ("Gõ tiếng Việt (VNI)", "Bật bộ gõ VNI có sẵn: a6 → â, d9 → đ, 1–5 → dấu")}
COMMAND_OFF = ("Tắt gõ tiếng Việt", "Tắt bộ gõ có sẵn (dùng khi gõ bằng Unikey hoặc bộ gõ của Windows)")
COMMAND_STYLE = {Style.OLD: ("Đặt dấu kiểu cũ (hòa, thủy)", "Dấu thanh của oa, oe, uy đặt ở chữ trước"),
                 Style.NEW: ("Đặt dấu kiểu mới (hoà, thuỷ)", "Dấu thanh của oa, oe, uy đặt ở chữ sau")}
NOTIFY_ON = "Đã bật gõ tiếng Việt kiểu {method} ({keys} để tắt)."
NOTIFY_OFF = "Đã tắt gõ tiếng Việt có sẵn."


class VnTypingBadge(Static):
    """"TELEX" / "VNI" at the top right of every screen while the typing is on."""

    DEFAULT_CSS = """
    VnTypingBadge {
        layer: _loading;
        dock: right;
        width: auto;
        height: 1;
        padding: 0 1;
        background: $warning;
        color: $text;
        text-style: bold;
    }
    """


def is_text_field(widget: Widget | None) -> bool:
    """A field where typing means text: a TextArea that can be edited, a plain text Input."""
    from textual.widgets import TextArea  # loaded by the screens that have one, not at start-up

    if isinstance(widget, TextArea):
        return not widget.read_only
    if isinstance(widget, Input):
        return not widget.password and widget.type == "text"
    return False


def takes_vietnamese(widget: Widget) -> bool:
    """Fields the Telex/VNI engine writes into: not numbers, restricted values or file paths."""
    if getattr(widget, "vn_typing", True) is False:
        return False
    if isinstance(widget, Input):
        value = widget.value
        looks_like_path = value.startswith(("/", "~", "\\")) or (len(value) > 2 and value[1:3] in (":\\", ":/"))
        return widget.restrict is None and not looks_like_path
    return True


class VnTypingApp(App):
    """Mixin for the App: keys in order for text fields, and the Telex/VNI mode."""

    BINDINGS = [Binding(TOGGLE_KEYS, "toggle_vn_typing", TOGGLE_LABEL, show=False, priority=True)]

    def __init__(self, *args, vn_method: Method | None = None, vn_last: Method = Method.TELEX,
                 vn_style: Style = Style.OLD, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.vn_method: Method | None = vn_method
        self.vn_last = vn_method or vn_last
        self.vn_style = vn_style
        self._typist: Typist | None = None
        self._word: tuple[int, WordState] | None = None  # (id of the field, state of its last word)

    # -- the mode ------------------------------------------------------------------------
    def remember_vn_typing(self) -> None:
        """Keep the choice for the next run (the App subclass decides where)."""

    def set_vn_typing(self, method: Method | None, style: Style | None = None, *, quiet: bool = False) -> None:
        self.vn_method = method
        if method is not None:
            self.vn_last = method
        if style is not None:
            self.vn_style = style
        self._typist = None
        self._word = None
        self._show_badge()
        self.remember_vn_typing()
        if not quiet:
            self.notify(NOTIFY_ON.format(method=method.label, keys=TOGGLE_HINT) if method else NOTIFY_OFF,
                        timeout=3)

    def action_toggle_vn_typing(self) -> None:
        self.set_vn_typing(None if self.vn_method else self.vn_last)

    @property
    def typist(self) -> Typist | None:
        if self.vn_method is None:
            return None
        if self._typist is None:
            self._typist = Typist(self.vn_method, self.vn_style)
        return self._typist

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for method, (title, help_text) in COMMANDS.items():
            if method is not self.vn_method:
                yield SystemCommand(title, help_text, lambda m=method: self.set_vn_typing(m))
        if self.vn_method is not None:
            yield SystemCommand(*COMMAND_OFF, lambda: self.set_vn_typing(None))
        other = Style.NEW if self.vn_style is Style.OLD else Style.OLD
        yield SystemCommand(*COMMAND_STYLE[other], lambda: self.set_vn_typing(self.vn_method, other, quiet=True))

    # -- the badge -----------------------------------------------------------------------
    def _on_mount(self, event: events.Mount) -> None:
        # The signal comes while the new screen is being pushed: show the badge once it is up.
        self.screen_change_signal.subscribe(self, lambda _screen: self.call_after_refresh(self._show_badge))
        self.call_after_refresh(self._show_badge)

    def _show_badge(self) -> None:
        """Show or hide the badge on the current screen (mounted there the first time)."""
        if not self.is_running or not self._screen_stack:
            return
        screen = self.screen
        badge = next(iter(screen.query_children(VnTypingBadge)), None)
        if badge is None:
            if self.vn_method is None:
                return
            badge = VnTypingBadge()
            screen.mount(badge)
        badge.update(Text(self.vn_method.label if self.vn_method else ""))
        badge.display = self.vn_method is not None

    # -- keys ----------------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        if (isinstance(event, events.Key) and not event.is_forwarded and is_text_field(self.focused)
                and self.screen.maximized is None):
            # What Textual does first for a key (App.on_event), then the field, right away.
            self.app_focus = True
            self.screen._clear_tooltip()
            if await self._check_bindings(event.key, priority=True):
                return
            if await self._text_key(self.focused, event):
                return
        await super().on_event(event)

    async def _text_key(self, field: Widget, event: events.Key) -> bool:
        """Handle one key for the focused text field now; False to let Textual route it."""
        typist = self.typist
        if typist is not None and event.character and typist.handles(event.character) \
                and takes_vietnamese(field) and self._type_vietnamese(field, typist, event.character):
            return True
        self._word = None
        await field._on_key(event)
        if event._stop_propagation:
            return True
        return await self._check_bindings(event.key)

    def _type_vietnamese(self, field: Widget, typist: Typist, key: str) -> bool:
        if isinstance(field, Input):
            start, end = sorted(field.selection)
            if start != end:
                return False
            before = field.value[:start]
        else:
            from textual.widgets import TextArea

            assert isinstance(field, TextArea)
            if not field.selection.is_empty:
                return False
            row, column = field.cursor_location
            before = field.document[row][:column]
        state = self._word[1] if self._word and self._word[0] == id(field) else None
        delete, insert, state = typist.edit(before, key, state)
        if isinstance(field, Input):
            field.replace(insert, start - delete, start)
            field._restart_blink()
        else:
            field.replace(insert, (row, column - delete), (row, column), maintain_selection_offset=False)
            field._restart_blink()
        self._word = (id(field), state)
        return True
