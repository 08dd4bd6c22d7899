"""The meeting form: create a meeting, edit the plan of one that has not started, or
start from a copy of an earlier one or from a plan document that was read.

Nothing is saved until the values pass the rules `doithoai check` applies
(intake.plan_form); each problem is shown under the field at fault, and from the first
save attempt on, the problems follow the typing. Save is one transaction
(create_meeting or update_plan); the screen is dismissed with the meeting's id.
"""

from __future__ import annotations

from collections import defaultdict

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Collapsible, Footer, Header, Input, Static

from db.errors import StoreError, ValidationError
from db.fields import FORM_LISTS, MEETING, PROGRAMME, SECRETARY, Section, TextList
from db.followup import with_carry_over_step
from db.meetings import create_meeting, plan_of, update_plan
from intake.plan_form import DETAIL_KEYS, FormProblem, blank_values, check_plan_form, values_from_plan

from . import text_prepare as t
from .store_call import StoreAccess
from .widgets.form_field import FormField
from .widgets.row_list import Column, RowList, StepList

DIGITS = r"[0-9]*"


def _columns(part: Section | TextList) -> tuple[Column, ...]:
    """The row list's columns for a list the plan declares (db.fields)."""
    if isinstance(part, TextList):
        return (Column(part.row_key, part.item_label, t.ROW_PLACEHOLDERS.get((part.name, part.row_key), "")),)
    return tuple(Column(spec.key, spec.label, t.ROW_PLACEHOLDERS.get((part.name, spec.key), ""),
                        restrict=DIGITS if spec.kind == "int" else None)
                 for spec in part.specs if spec.kind != "bool")


#: Each list of the form: its widget, columns and title, in the form's order.
LISTS = {part.name: (StepList if part is PROGRAMME else RowList, _columns(part), part.label)
         for part in FORM_LISTS}
_REQUIRED = {f"{section.name}-{spec.key}" for section in (MEETING, SECRETARY) for spec in section.specs
             if spec.required}
# dates and times: read strictly, with a message
_RESTRICT = {spec.key: DIGITS for spec in MEETING.specs if spec.kind == "int"}
_SHORT = {spec.key for spec in MEETING.specs if spec.kind != "str"}


class MeetingFormScreen(StoreAccess, Screen[int | None]):
    """mode: "new", "edit" (meeting_id), "copy" (meeting_id of the model), or
    "document" (values read from a plan document, with its report and, by field
    ("meeting-date", "secretary-name", "chairs" ...), the notes on what it did not say)."""

    CSS_PATH = "meeting_form.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", t.KEY_SAVE, priority=True),
        Binding("escape", "back", t.KEY_CANCEL),
    ]

    def __init__(self, mode: str = "new", *, meeting_id: int | None = None, values: dict | None = None,
                 source: str = "", report: list[str] | None = None,
                 notes: dict[str, str] | None = None) -> None:
        super().__init__()
        self.mode = mode
        self.meeting_id = meeting_id
        self._values = values
        self.source = source
        self.report = report or []
        self.notes = notes or {}
        self.checked = False  # after the first save attempt, problems follow the typing
        self.dirty = False
        self._warned = False

    # -- building ------------------------------------------------------------------

    def _heading(self) -> str:
        return {"new": t.FORM_NEW, "edit": t.FORM_EDIT.format(id=self.meeting_id),
                "copy": t.FORM_COPY.format(id=self.meeting_id),
                "document": t.FORM_FROM_DOCUMENT.format(source=self.source)}[self.mode]

    def compose(self) -> ComposeResult:
        values = self._values
        if values is None:
            plan = (plan_of(self.store.db, self.meeting_id, with_before=False)
                    if self.mode in ("edit", "copy") else None)
            if self.mode == "copy":  # the next meeting opens with the results of this one's petitions
                plan = with_carry_over_step(plan)
            values = values_from_plan(plan) if plan else blank_values()
        yield Header()
        yield Static(Text(self._heading()), id="form-heading")
        with VerticalScroll(id="form"):
            if self.report:
                yield Static(t.SECTION_REPORT.format(n=len(self.notes)), classes="section")
                with Collapsible(title=t.REPORT_DETAILS, collapsed=True, id="form-report-box"):
                    yield Static(Text("\n".join(self.report)), id="form-report")
            yield Static(t.SECTION_DETAILS, classes="section")
            for key in DETAIL_KEYS:
                yield self._field("meeting", key, t.LABELS[key], values["meeting"].get(key, ""))
            yield from self._list("chairs", values)
            yield Static(t.SECTION_SECRETARY, classes="section")
            for key in SECRETARY.keys:
                yield self._field("secretary", key, t.LABELS[f"secretary.{key}"], values["secretary"].get(key, ""))
            for name in LISTS:
                if name != "chairs":
                    yield from self._list(name, values)
        yield Static(t.FORM_HELP, id="form-help")
        yield Footer()

    def _field(self, section: str, key: str, label: str, value: str) -> FormField:
        ident = f"{section}-{key}"
        placeholder = t.PLACEHOLDERS.get(key, "") if section == "meeting" else t.PLACEHOLDERS_SECRETARY[key]
        return FormField(label, value, id=ident, placeholder=placeholder,
                         hint=t.HINTS.get(key, ""), required=ident in _REQUIRED,
                         restrict=_RESTRICT.get(key) if section == "meeting" else None,
                         short=section == "meeting" and key in _SHORT, note=self.notes.get(ident, ""))

    def _list(self, name: str, values: dict) -> ComposeResult:
        cls, columns, title = LISTS[name]
        yield Static(title, classes="section")
        if name in self.notes:
            yield Static(Text("ⓘ " + self.notes[name]), classes="section-note")
        if name == "programme":
            yield Static(t.SECTION_PROGRAMME_HELP, classes="section-help")
        yield cls(columns, values.get(name, []), id=name)

    def on_mount(self) -> None:
        self._initial = self.values()
        self.query_one("#meeting-title-input", Input).focus()

    # -- reading the form ----------------------------------------------------------

    def values(self) -> dict:
        """What the form holds now, in the shape intake.plan_form reads."""
        fields = {f.id: f.value for f in self.query(FormField)}
        return {
            "meeting": {key: fields[f"meeting-{key}"] for key in DETAIL_KEYS},
            "secretary": {key: fields[f"secretary-{key}"] for key in SECRETARY.keys},
            **{name: self.query_one(f"#{name}", RowList).values() for name in LISTS},
        }

    def show_problems(self, problems: list[FormProblem]) -> None:
        """Each problem under its field; fields without a problem are cleared."""
        singles: dict[str, str] = {}
        lists: dict[str, dict] = {name: defaultdict(dict) for name in LISTS}
        for p in problems:
            if p.section in LISTS:
                target = lists[p.section][p.row]
                target[p.key] = "; ".join(filter(None, [target.get(p.key), p.message]))
            else:
                ident = f"{p.section}-{p.key}"
                singles[ident] = "; ".join(filter(None, [singles.get(ident), p.message]))
        for form_field in self.query(FormField):
            form_field.set_error(singles.get(form_field.id))
        for name in LISTS:
            self.query_one(f"#{name}", RowList).set_errors(dict(lists[name]))

    def _first_problem_widget(self):
        for form_field in self.query(FormField):
            if form_field.error:
                return form_field.input
        for name in LISTS:
            row_list = self.query_one(f"#{name}", RowList)
            for item in row_list.items:
                if item.errors:
                    key = next((k for k in item.errors if k in {c.key for c in item.columns}),
                               item.columns[0].key)
                    return item.cell(key)
            if row_list.section_error:
                items = row_list.items
                return items[0].cell(items[0].columns[0].key) if items else row_list
        return None

    # -- events --------------------------------------------------------------------

    def _touched(self) -> None:
        self.dirty = self.values() != self._initial
        self._warned = False
        if self.checked:
            self.show_problems(check_plan_form(self.values())[1])

    def on_input_changed(self, event: Input.Changed) -> None:
        if hasattr(self, "_initial"):
            self._touched()

    def on_row_list_changed(self, event: RowList.Changed) -> None:
        self._touched()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    # -- actions -------------------------------------------------------------------

    def action_save(self) -> None:
        plan, problems = check_plan_form(self.values())
        self.checked = True
        self.show_problems(problems)
        if plan is None:
            self.notify(t.FORM_INVALID.format(n=len(problems)), severity="warning", markup=False)
            widget = self._first_problem_widget()
            if widget is not None:
                widget.focus()
                widget.scroll_visible()
            return
        db, now = self.store.db, self.store.now()
        try:
            if self.mode == "edit":
                update_plan(db, self.meeting_id, plan, now=now)
                meeting_id = self.meeting_id
            else:
                meeting_id = create_meeting(db, plan, now=now)
        except ValidationError as exc:
            if exc.field == "Lĩnh vực":
                self.query_one("#fields", RowList).set_errors({None: {None: exc.reason}})
            self.notify(exc.message, severity="error", markup=False)
            return
        except StoreError as exc:
            self.notify(exc.message, severity="error", markup=False)
            return
        message = t.FORM_SAVED_EDIT if self.mode == "edit" else t.FORM_SAVED_NEW
        self.app.notify(message.format(id=meeting_id), markup=False)
        self.dismiss(meeting_id)

    def action_back(self) -> None:
        if self.dirty and not self._warned:
            self._warned = True
            self.notify(t.FORM_UNSAVED, severity="warning", markup=False)
            return
        self.dismiss(None)
