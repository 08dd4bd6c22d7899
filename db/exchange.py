"""The exchange format: a whole meeting as JSON, and back.

Internal ids never appear except the meeting's own (`meeting.id`, informative):
speakers are referred to by registration number, opinions by number, fields by
name, so export -> import -> export gives the same document apart from that id.
Documented in README.md ("Export format").
"""

from __future__ import annotations

import json
from datetime import date, datetime, time

import sqlite_utils

from . import journal
from .exchange_followup import SectionError, export_section, import_section
from .clock import moment
from .connection import transaction
from .errors import StoreError, ValidationError
from .meetings import load_record
from .models import HONORIFICS, MeetingStatus, Outcome, Source, SpeakerStatus
from .text import LONG, SHORT, clean

FORMAT = "doithoai.meeting"
#: 2 adds the "followup" section (after the meeting); files of version 1 still import.
VERSION = 2
READABLE_VERSIONS = (1, 2)


class ExchangeError(StoreError):
    """A file that cannot be imported; nothing was changed."""


def export_meeting(db: sqlite_utils.Database, meeting_id: int, *, include_journal: bool = False,
                   include_seal: bool = True, include_followup: bool = True) -> dict:
    r = load_record(db, meeting_id)
    m = r.meeting
    by_id = {s.id: s.reg_no for s in r.speakers}
    numbers = {o.id: o.number for o in r.opinions}
    doc: dict = {
        "format": FORMAT,
        "version": VERSION,
        "meeting": {
            "id": m.id, "title": m.title, "organisation": m.organisation, "parent": m.parent,
            "place_name": m.place_name, "venue": m.venue, "date": m.date, "start": m.start, "end": m.end,
            "speaking_limit_minutes": m.speaking_limit_minutes,
            "secretary": {"name": m.secretary_name, "title": m.secretary_title},
            "status": m.status.value, "started_at": m.started_at, "ended_at": m.ended_at,
            "conclusion": m.conclusion, "created_at": m.created_at,
        },
        "chairs": [{"name": c.name, "title": c.title} for c in r.chairs],
        "attendance": [{"group": g.group, "invited": g.invited, "present": g.present} for g in r.attendance],
        "fields": [f.name for f in r.fields],
        "programme": [
            {"position": s.position, "content": s.content, "lead": s.lead, "minutes": s.minutes,
             "dialogue": s.dialogue, "started_at": s.started_at, "ended_at": s.ended_at}
            for s in r.steps
        ],
        "speakers": [
            {"reg_no": s.reg_no, "honorific": s.honorific, "name": s.name, "hamlet": s.hamlet,
             "organisation": s.organisation, "field": s.field_name, "status": s.status.value,
             "registered_at": s.registered_at, "called_at": s.called_at, "finished_at": s.finished_at,
             "spoke_order": s.spoke_order}
            for s in r.speakers
        ],
        "opinions": [
            {"number": o.number, "source": o.source.value,
             "speaker": by_id.get(o.speaker_id) if o.speaker_id else None,
             "author": o.author, "author_address": o.author_address, "field": o.field_name,
             "content": o.content, "follows": numbers.get(o.follows_id) if o.follows_id else None,
             "key": o.external_key, "created_at": o.created_at,
             "answer": None if o.outcome is None else {
                 "outcome": o.outcome.value, "answered_by": o.answered_by, "answer": o.answer,
                 "agency": o.agency, "deadline": o.deadline, "answered_at": o.answered_at}}
            for o in r.opinions
        ],
    }
    if include_seal and m.sealed_hash:
        doc["seal"] = {"sha256": m.sealed_hash, "sealed_at": m.sealed_at}
    followup = export_section(db, meeting_id) if include_followup else None
    if followup is not None:
        doc["followup"] = followup
    if include_journal:
        doc["journal"] = [
            {"at": e.at, "op": e.op, "entity": e.entity, "data": e.data}
            for e in journal.history(db, meeting_id)
        ]
    return doc


def dumps(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def canonical_bytes(db: sqlite_utils.Database, meeting_id: int) -> bytes:
    """The export without seal, journal, follow-up and id, in a fixed byte form."""
    doc = export_meeting(db, meeting_id, include_seal=False, include_followup=False)
    doc["meeting"].pop("id")
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


# -- import ---------------------------------------------------------------------------

class _Reader:
    """Typed access into the document, with error messages naming the path."""

    def __init__(self, doc: object):
        self.doc = doc

    @staticmethod
    def get(obj: object, key: str, path: str, kind: str, *, required: bool = True,
            long: bool = False, multiline: bool = False):
        if not isinstance(obj, dict):
            raise ExchangeError(f"{path}: phải là một đối tượng JSON")
        if key not in obj or obj[key] is None:
            if required:
                raise ExchangeError(f"{path}.{key}: thiếu giá trị")
            return None
        value = obj[key]
        where = f"{path}.{key}"
        try:
            if kind == "str":
                if not isinstance(value, str):
                    raise ExchangeError(f"{where}: phải là chuỗi")
                return clean(value, where, required=required, max_len=LONG if long else SHORT,
                             multiline=multiline) or None
            if kind == "int":
                if not isinstance(value, int) or isinstance(value, bool):
                    raise ExchangeError(f"{where}: phải là số nguyên")
                return value
            if kind == "bool":
                if not isinstance(value, bool):
                    raise ExchangeError(f"{where}: phải là true/false")
                return value
            if kind == "date":
                return date.fromisoformat(value).isoformat()
            if kind == "time":
                return time.fromisoformat(value).strftime("%H:%M")
            if kind == "moment":
                return moment(datetime.fromisoformat(value))
        except ValidationError as exc:
            raise ExchangeError(str(exc)) from None
        except (TypeError, ValueError):
            raise ExchangeError(f"{where}: giá trị '{value}' không đúng dạng {kind}") from None
        raise AssertionError(kind)


def loads(text: str) -> dict:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"dòng {exc.lineno}, cột {exc.colno}: tệp JSON hỏng ({exc.msg})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ExchangeError(f"không phải tệp xuất của doithoai (thiếu \"format\": \"{FORMAT}\")")
    if doc.get("version") not in READABLE_VERSIONS:
        raise ExchangeError(f"phiên bản định dạng {doc.get('version')!r} không được hỗ trợ; "
                            f"bản này đọc phiên bản {', '.join(map(str, READABLE_VERSIONS))}")
    return doc


def import_meeting(db: sqlite_utils.Database, doc: dict, *, now: datetime | None = None) -> int:
    """Create a new meeting from an exported document; all or nothing."""
    g = _Reader.get
    m = doc.get("meeting")
    if not isinstance(m, dict):
        raise ExchangeError("meeting: thiếu, hoặc không phải một đối tượng JSON")
    secretary = m.get("secretary")
    status = g(m, "status", "meeting", "str")
    if status not in {s.value for s in MeetingStatus}:
        raise ExchangeError(f"meeting.status: '{status}' không hợp lệ")
    fields = doc.get("fields")
    if not isinstance(fields, list) or not fields:
        raise ExchangeError("fields: phải là danh sách lĩnh vực, không rỗng")
    field_names = [g({"f": f}, "f", f"fields[{i}]", "str") for i, f in enumerate(fields)]
    if len(set(field_names)) != len(field_names):
        raise ExchangeError("fields: có lĩnh vực trùng nhau")

    def field_ref(obj: dict, path: str) -> str | None:
        name = g(obj, "field", path, "str", required=False)
        if name is not None and name not in field_names:
            raise ExchangeError(f"{path}.field: '{name}' không có trong danh sách fields")
        return name

    with transaction(db):
        cursor = db.execute(
            """INSERT INTO meetings (title, organisation, parent, place_name, venue, date, start, "end",
               speaking_limit_minutes, secretary_name, secretary_title, status, started_at, ended_at,
               conclusion, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [g(m, "title", "meeting", "str"), g(m, "organisation", "meeting", "str"),
             g(m, "parent", "meeting", "str", required=False), g(m, "place_name", "meeting", "str"),
             g(m, "venue", "meeting", "str"), g(m, "date", "meeting", "date"), g(m, "start", "meeting", "time"),
             g(m, "end", "meeting", "time", required=False),
             g(m, "speaking_limit_minutes", "meeting", "int"),
             g(secretary, "name", "meeting.secretary", "str"),
             g(secretary, "title", "meeting.secretary", "str", required=False), status,
             g(m, "started_at", "meeting", "moment", required=False),
             g(m, "ended_at", "meeting", "moment", required=False),
             g(m, "conclusion", "meeting", "str", required=False, long=True, multiline=True),
             g(m, "created_at", "meeting", "moment")])
        mid = cursor.lastrowid
        chairs = _list(doc, "chairs")
        if not chairs:
            raise ExchangeError("chairs: cần ít nhất một chủ trì")
        for i, c in enumerate(chairs, 1):
            db.execute("INSERT INTO chairs (meeting_id, position, name, title) VALUES (?, ?, ?, ?)",
                       [mid, i, g(c, "name", f"chairs[{i-1}]", "str"), g(c, "title", f"chairs[{i-1}]", "str")])
        for i, a in enumerate(_list(doc, "attendance"), 1):
            p = f"attendance[{i-1}]"
            db.execute('INSERT INTO attendance (meeting_id, position, "group", invited, present) VALUES (?,?,?,?,?)',
                       [mid, i, g(a, "group", p, "str"), g(a, "invited", p, "int", required=False),
                        g(a, "present", p, "int", required=False)])
        field_ids = {}
        for i, name in enumerate(field_names, 1):
            field_ids[name] = db.execute("INSERT INTO fields (meeting_id, position, name) VALUES (?, ?, ?)",
                                         [mid, i, name]).lastrowid
        for i, s in enumerate(_list(doc, "programme"), 1):
            p = f"programme[{i-1}]"
            db.execute("INSERT INTO steps (meeting_id, position, content, lead, minutes, dialogue, started_at, "
                       "ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [mid, i, g(s, "content", p, "str", long=True, multiline=True),
                        g(s, "lead", p, "str", required=False), g(s, "minutes", p, "int", required=False),
                        int(bool(g(s, "dialogue", p, "bool", required=False))),
                        g(s, "started_at", p, "moment", required=False),
                        g(s, "ended_at", p, "moment", required=False)])
        speaker_ids = {}
        for i, s in enumerate(_list(doc, "speakers")):
            p = f"speakers[{i}]"
            reg_no = g(s, "reg_no", p, "int")
            honorific = g(s, "honorific", p, "str")
            if honorific not in HONORIFICS:
                raise ExchangeError(f"{p}.honorific: phải là 'Ông' hoặc 'Bà'")
            sstatus = g(s, "status", p, "str")
            if sstatus not in {x.value for x in SpeakerStatus}:
                raise ExchangeError(f"{p}.status: '{sstatus}' không hợp lệ")
            if reg_no in speaker_ids:
                raise ExchangeError(f"{p}.reg_no: số đăng ký {reg_no} bị trùng")
            field = field_ref(s, p)
            speaker_ids[reg_no] = db.execute(
                "INSERT INTO speakers (meeting_id, reg_no, honorific, name, hamlet, organisation, field_id, "
                "status, registered_at, called_at, finished_at, spoke_order) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [mid, reg_no, honorific, g(s, "name", p, "str"), g(s, "hamlet", p, "str", required=False),
                 g(s, "organisation", p, "str", required=False), field_ids.get(field) if field else None,
                 sstatus, g(s, "registered_at", p, "moment"), g(s, "called_at", p, "moment", required=False),
                 g(s, "finished_at", p, "moment", required=False),
                 g(s, "spoke_order", p, "int", required=False)]).lastrowid
        opinion_ids = {}
        for i, o in enumerate(_list(doc, "opinions")):
            p = f"opinions[{i}]"
            number = g(o, "number", p, "int")
            source = g(o, "source", p, "str")
            if source not in {x.value for x in Source}:
                raise ExchangeError(f"{p}.source: '{source}' không hợp lệ")
            speaker = g(o, "speaker", p, "int", required=False)
            if speaker is not None and speaker not in speaker_ids:
                raise ExchangeError(f"{p}.speaker: không có người đăng ký số {speaker}")
            follows = g(o, "follows", p, "int", required=False)
            if follows is not None and follows not in opinion_ids:
                raise ExchangeError(f"{p}.follows: không có ý kiến số {follows} ở trước")
            if number in opinion_ids:
                raise ExchangeError(f"{p}.number: số ý kiến {number} bị trùng")
            field = field_ref(o, p)
            answer = o.get("answer") if isinstance(o, dict) else None
            values = [None] * 6
            if answer is not None:
                ap = f"{p}.answer"
                outcome = g(answer, "outcome", ap, "str")
                if outcome not in {x.value for x in Outcome}:
                    raise ExchangeError(f"{ap}.outcome: '{outcome}' không hợp lệ")
                values = [g(answer, "answered_by", ap, "str", required=False),
                          g(answer, "answer", ap, "str", required=False, long=True, multiline=True), outcome,
                          g(answer, "agency", ap, "str", required=False),
                          g(answer, "deadline", ap, "date", required=False),
                          g(answer, "answered_at", ap, "moment", required=False)]
            opinion_ids[number] = db.execute(
                "INSERT INTO opinions (meeting_id, number, source, speaker_id, author, author_address, field_id, "
                "content, follows_id, answered_by, answer, outcome, agency, deadline, answered_at, created_at, "
                "external_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [mid, number, source, speaker_ids.get(speaker) if speaker is not None else None,
                 g(o, "author", p, "str", required=False), g(o, "author_address", p, "str", required=False),
                 field_ids.get(field) if field else None, g(o, "content", p, "str", long=True, multiline=True),
                 opinion_ids.get(follows) if follows is not None else None, *values,
                 g(o, "created_at", p, "moment"), g(o, "key", p, "str", required=False)]).lastrowid
        try:
            import_section(db, mid, doc.get("followup"), opinion_ids)
        except SectionError as exc:
            raise ExchangeError(str(exc)) from None
        journal.record(db, mid, "meeting.import", "meeting", mid, {"title": m.get("title")}, now)
    return mid


def _list(doc: dict, key: str) -> list:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise ExchangeError(f"{key}: phải là danh sách")
    return value
