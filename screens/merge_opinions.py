"""Merge opinions on the same matter (one field) under one conclusion, for the notice:
choose the field, tick the opinions, write the conclusion. Returns what to do; the
end screen stores it (`db.conclusions.merge_opinions` / `dissolve_group`).

F2 un-merges: the groups of the ticked opinions are dissolved.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from db.conclusions import list_groups
from db.meetings import get_fields
from db.models import Opinion
from db.opinions import list_opinions
from db.who import who_said

from . import text
from .store_call import StoreAccess

NO_FIELD = -1  # the Select's value for opinions without a field


@dataclass(frozen=True)
class MergeRequest:
    opinion_ids: tuple[int, ...]
    text: str = ""
    dissolve: tuple[int, ...] = ()  # group ids to dissolve instead


def _brief(content: str, limit: int = 70) -> str:
    flat = " ".join(content.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


class MergeOpinionsModal(StoreAccess, ModalScreen[MergeRequest | None]):
    CSS_PATH = ["live.tcss", "notice_forms.tcss"]
    BINDINGS = [
        Binding("ctrl+s", "save", text.MERGE_KEY, priority=True),
        Binding("f2", "dissolve", text.MERGE_KEY_UNDO, priority=True),
        Binding("escape", "cancel", text.KEY_CLOSE),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.by_field: dict[int, list[Opinion]] = {}
        self.group_of: dict[int, int] = {}

    def compose(self) -> ComposeResult:
        db = self.store.db
        names = {f.id: f.name for f in get_fields(db, self.meeting_id)}
        for opinion in list_opinions(db, self.meeting_id):
            self.by_field.setdefault(opinion.field_id if opinion.field_id is not None else NO_FIELD,
                                     []).append(opinion)
        self.group_of = {oid: g.id for g in list_groups(db, self.meeting_id) for oid in g.opinion_ids}
        order = [fid for fid in names if len(self.by_field.get(fid, [])) >= 2]
        if len(self.by_field.get(NO_FIELD, [])) >= 2:
            order.append(NO_FIELD)
        options = [(f"{names.get(fid, 'Chưa phân loại lĩnh vực')} ({len(self.by_field[fid])})", fid)
                   for fid in order]
        with Vertical(classes="dialog merge"):
            yield Static(Text(text.MERGE_TITLE), classes="dialog-title")
            if not options:
                yield Static(Text(text.MERGE_NONE), classes="dialog-message")
            else:
                yield Label(text.MERGE_FIELD)
                yield Select(options, value=options[0][1], allow_blank=False, id="field", compact=True)
            yield Label(text.MERGE_PICK)
            yield SelectionList[int](id="opinions")
            yield Label(text.MERGE_TEXT)
            yield TextArea("", id="merge-text", classes="note", soft_wrap=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        fields = self.query(Select)
        self.show_field(fields.first().value if fields else None)
        self.query_one("#opinions", SelectionList).focus()

    def show_field(self, field_id) -> None:
        items = self.query_one("#opinions", SelectionList)
        items.clear_options()
        for opinion in self.by_field.get(field_id, []) if field_id is not None else []:
            mark = f" [{text.MERGE_IN_GROUP} {self.group_of[opinion.id]}]" if opinion.id in self.group_of else ""
            prompt = Text(f"Số {opinion.number}{mark} · {who_said(opinion, short=True)} · {_brief(opinion.content)}")
            items.add_option(Selection(prompt, opinion.id, False))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value is not Select.NULL:
            self.show_field(event.value)

    def action_save(self) -> None:
        chosen = tuple(self.query_one("#opinions", SelectionList).selected)
        body = self.query_one("#merge-text", TextArea).text
        if len(chosen) < 2:
            self.notify(text.MERGE_NEED_TWO, severity="error", markup=False)
        elif not body.strip():
            self.notify(text.MERGE_NEED_TEXT, severity="error", markup=False)
        else:
            self.dismiss(MergeRequest(chosen, body))

    def action_dissolve(self) -> None:
        chosen = self.query_one("#opinions", SelectionList).selected
        groups = tuple(dict.fromkeys(self.group_of[oid] for oid in chosen if oid in self.group_of))
        if not groups:
            self.notify(text.MERGE_NEED_GROUPED, severity="error", markup=False)
            return
        self.dismiss(MergeRequest(tuple(chosen), dissolve=groups))

    def action_cancel(self) -> None:
        self.dismiss(None)
