"""The exchange format: a whole meeting as JSON, and back.

Internal ids never appear except the meeting's own (`meeting.id`, informative):
speakers are referred to by registration number, opinions by number, fields by
name, so export -> import -> export gives the same document apart from that id.
Documented in README.md ("Export format").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import json
import sqlite3
from datetime import date, datetime, time

from . import journal, limits
from .exchange_followup import SectionError, export_section, import_section
from .clock import moment
from .connection import transaction
from .errors import DatabaseUnavailable, StoreError, ValidationError
from .fields import (
    CHAIRS, DELEGATES, MEETING, MINUTES_RECIPIENTS, NOTICE_RECIPIENTS, OFFICIALS, SECRETARY, TIMELINE, Section,
)
from .meetings import live_meeting_id, load_record
from .models import HONORIFICS, MeetingStatus, Outcome, Source, SpeakerStatus
from .text import LONG, SHORT, clean

if TYPE_CHECKING:
    import sqlite_utils

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
            "id": m.id, **{spec.key: getattr(m, spec.attr) for spec in MEETING.specs},
            "secretary": {spec.key: getattr(m, spec.attr) for spec in SECRETARY.specs},
            "status": m.status.value, "started_at": m.started_at, "ended_at": m.ended_at,
            "conclusion": m.conclusion, "created_at": m.created_at,
        },
        "chairs": _items(CHAIRS, r.chairs),
        "delegates": _items(DELEGATES, r.delegates),
        "officials": _items(OFFICIALS, r.officials),
        "notice_recipients": list(r.notice_recipients),
        "minutes_recipients": list(r.minutes_recipients),
        "timeline": _items(TIMELINE, r.timeline),
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
                 "agency": o.agency, "deadline": o.deadline, "answered_at": o.answered_at,
                 **({"co_agency": o.co_agency} if o.co_agency else {})}}
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
                if not limits.SQLITE_INT_MIN <= value <= limits.SQLITE_INT_MAX:
                    raise ExchangeError(f"{where}: số quá lớn (tối đa {limits.SQLITE_INT_MAX})")
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


#: Digits an integer literal may have; a longer one stands for "too large" (Python
#: refuses to convert very long digit strings, SQLite stores at most 19 digits).
_MAX_DIGITS = 40
_TOO_LARGE = 10 ** _MAX_DIGITS


def bounded_int(literal: str) -> int:
    """json's parse_int: a huge literal becomes a number the reader refuses by range."""
    if len(literal.lstrip("-")) > _MAX_DIGITS:
        return -_TOO_LARGE if literal.startswith("-") else _TOO_LARGE
    return int(literal)


def loads(text: str) -> dict:
    """Parse an export (a leading UTF-8 BOM is ignored) and check its header."""
    try:
        doc = json.loads(text.removeprefix("\ufeff"), parse_int=bounded_int)
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"dòng {exc.lineno}, cột {exc.colno}: tệp JSON hỏng ({exc.msg})") from None
    except RecursionError:
        raise ExchangeError("tệp JSON lồng nhau quá sâu; đây không phải tệp xuất của doithoai") from None
    return check_header(doc)


def check_header(doc: object) -> dict:
    """The parsed document if it says it is a doithoai export of a version this reads."""
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

    for key, most, message in (("programme", limits.MAX_STEPS, limits.steps_message),
                               ("speakers", limits.MAX_SPEAKERS, limits.speakers_message),
                               ("opinions", limits.MAX_OPINIONS, limits.opinions_message)):
        if len(_list(doc, key)) > most:
            raise ExchangeError(f"{key}: {message(len(_list(doc, key)))}")
    here = ["meeting"]  # the path being written, named if the store refuses a row
    try:
        return _insert(db, doc, m, secretary, status, field_names, here, now)
    except DatabaseUnavailable as exc:
        if isinstance(exc.__cause__, sqlite3.IntegrityError):
            raise ExchangeError(f"{here[0]}: dữ liệu mâu thuẫn với quy tắc lưu trữ "
                                f"({exc.__cause__}); hãy sửa giá trị này") from None
        raise


def _insert(db: sqlite_utils.Database, doc: dict, m: dict, secretary: object, status: str,
            field_names: list[str], here: list[str], now: datetime | None) -> int:
    g = _Reader.get

    def field_ref(obj: dict, path: str) -> str | None:
        name = g(obj, "field", path, "str", required=False)
        if name is not None and name not in field_names:
            raise ExchangeError(f"{path}.field: '{name}' không có trong danh sách fields")
        return name

    plan = {**_read(MEETING, m, "meeting"), **_read(SECRETARY, secretary, "meeting.secretary")}
    names = ", ".join(f'"{column}"' for column in plan)
    with transaction(db):
        if status == MeetingStatus.LIVE.value and (live := live_meeting_id(db)) is not None:
            raise ExchangeError(f"meeting.status: đã có hội nghị số {live} đang diễn ra; chỉ được một "
                                "hội nghị đang diễn ra — hãy kết thúc hội nghị đó hoặc sửa status")
        cursor = db.execute(
            f"INSERT INTO meetings ({names}, status, started_at, ended_at, conclusion, created_at) "
            f"VALUES ({', '.join('?' * (len(plan) + 5))})",
            [*plan.values(), status,
             g(m, "started_at", "meeting", "moment", required=False),
             g(m, "ended_at", "meeting", "moment", required=False),
             g(m, "conclusion", "meeting", "str", required=False, long=True, multiline=True),
             g(m, "created_at", "meeting", "moment")])
        mid = cursor.lastrowid
        chairs = _list(doc, "chairs")
        if not chairs:
            raise ExchangeError("chairs: cần ít nhất một chủ trì")
        for section in (CHAIRS, DELEGATES, OFFICIALS):
            for i, p in enumerate(_list(doc, section.name), 1):
                here[0] = f"{section.name}[{i-1}]"
                row = _read(section, p, here[0])
                db.execute(f"INSERT INTO {section.name} (meeting_id, position, name, title) VALUES (?, ?, ?, ?)",
                           [mid, i, row["name"], row["title"]])
        for text_list in (NOTICE_RECIPIENTS, MINUTES_RECIPIENTS):
            for i, text in enumerate(_list(doc, text_list.name), 1):
                here[0] = f"{text_list.name}[{i-1}]"
                db.execute("INSERT INTO recipients (meeting_id, document, position, text) VALUES (?, ?, ?, ?)",
                           [mid, text_list.document.value, i,
                            g({"t": text}, "t", f"{text_list.name}[{i-1}]", "str")])
        for i, t in enumerate(_list(doc, TIMELINE.name), 1):
            here[0] = f"timeline[{i-1}]"
            row = _read(TIMELINE, t, here[0])
            db.execute("INSERT INTO timeline (meeting_id, position, task, due) VALUES (?, ?, ?, ?)",
                       [mid, i, row["task"], row["due"]])
        for i, a in enumerate(_list(doc, "attendance"), 1):
            p = here[0] = f"attendance[{i-1}]"
            db.execute('INSERT INTO attendance (meeting_id, position, "group", invited, present) VALUES (?,?,?,?,?)',
                       [mid, i, g(a, "group", p, "str"), g(a, "invited", p, "int", required=False),
                        g(a, "present", p, "int", required=False)])
        field_ids = {}
        for i, name in enumerate(field_names, 1):
            field_ids[name] = db.execute("INSERT INTO fields (meeting_id, position, name) VALUES (?, ?, ?)",
                                         [mid, i, name]).lastrowid
        for i, s in enumerate(_list(doc, "programme"), 1):
            p = here[0] = f"programme[{i-1}]"
            db.execute("INSERT INTO steps (meeting_id, position, content, lead, minutes, dialogue, started_at, "
                       "ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       [mid, i, g(s, "content", p, "str", long=True, multiline=True),
                        g(s, "lead", p, "str", required=False), g(s, "minutes", p, "int", required=False),
                        int(bool(g(s, "dialogue", p, "bool", required=False))),
                        g(s, "started_at", p, "moment", required=False),
                        g(s, "ended_at", p, "moment", required=False)])
        speaker_ids = {}
        speaking = None
        for i, s in enumerate(_list(doc, "speakers")):
            p = here[0] = f"speakers[{i}]"
            reg_no = g(s, "reg_no", p, "int")
            honorific = g(s, "honorific", p, "str")
            if honorific not in HONORIFICS:
                raise ExchangeError(f"{p}.honorific: phải là 'Ông' hoặc 'Bà'")
            sstatus = g(s, "status", p, "str")
            if sstatus not in {x.value for x in SpeakerStatus}:
                raise ExchangeError(f"{p}.status: '{sstatus}' không hợp lệ")
            if reg_no in speaker_ids:
                raise ExchangeError(f"{p}.reg_no: số đăng ký {reg_no} bị trùng")
            if sstatus == SpeakerStatus.SPEAKING.value:
                if speaking is not None:
                    raise ExchangeError(f"{p}.status: {speaking} cũng đang phát biểu; "
                                        "chỉ một người được ở trạng thái \"speaking\"")
                speaking = p
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
        keys: dict[str, str] = {}
        for i, o in enumerate(_list(doc, "opinions")):
            p = here[0] = f"opinions[{i}]"
            number = g(o, "number", p, "int")
            source = g(o, "source", p, "str")
            if source not in {x.value for x in Source}:
                raise ExchangeError(f"{p}.source: '{source}' không hợp lệ")
            speaker = g(o, "speaker", p, "int", required=False)
            if speaker is not None and speaker not in speaker_ids:
                raise ExchangeError(f"{p}.speaker: không có người đăng ký số {speaker}")
            if source == Source.SPOKEN.value and speaker is None:
                raise ExchangeError(f"{p}.speaker: ý kiến phát biểu trực tiếp (source \"spoken\") "
                                    "phải có số đăng ký của người phát biểu")
            key = g(o, "key", p, "str", required=False)
            if key is not None:
                if key in keys:
                    raise ExchangeError(f"{p}.key: mã '{key}' trùng với {keys[key]}.key")
                keys[key] = p
            follows = g(o, "follows", p, "int", required=False)
            if follows is not None and follows not in opinion_ids:
                raise ExchangeError(f"{p}.follows: không có ý kiến số {follows} ở trước")
            if number in opinion_ids:
                raise ExchangeError(f"{p}.number: số ý kiến {number} bị trùng")
            field = field_ref(o, p)
            answer = o.get("answer") if isinstance(o, dict) else None
            values = [None] * 7
            if answer is not None:
                ap = f"{p}.answer"
                outcome = g(answer, "outcome", ap, "str")
                if outcome not in {x.value for x in Outcome}:
                    raise ExchangeError(f"{ap}.outcome: '{outcome}' không hợp lệ")
                values = [g(answer, "answered_by", ap, "str", required=False),
                          g(answer, "answer", ap, "str", required=False, long=True, multiline=True), outcome,
                          g(answer, "agency", ap, "str", required=False),
                          g(answer, "co_agency", ap, "str", required=False),
                          g(answer, "deadline", ap, "date", required=False),
                          g(answer, "answered_at", ap, "moment", required=False)]
            opinion_ids[number] = db.execute(
                "INSERT INTO opinions (meeting_id, number, source, speaker_id, author, author_address, field_id, "
                "content, follows_id, answered_by, answer, outcome, agency, co_agency, deadline, answered_at, "
                "created_at, external_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [mid, number, source, speaker_ids.get(speaker) if speaker is not None else None,
                 g(o, "author", p, "str", required=False), g(o, "author_address", p, "str", required=False),
                 field_ids.get(field) if field else None, g(o, "content", p, "str", long=True, multiline=True),
                 opinion_ids.get(follows) if follows is not None else None, *values,
                 g(o, "created_at", p, "moment"), g(o, "key", p, "str", required=False)]).lastrowid
        here[0] = "followup"
        try:
            import_section(db, mid, doc.get("followup"), opinion_ids)
        except SectionError as exc:
            raise ExchangeError(str(exc)) from None
        here[0] = "journal"
        journal.record(db, mid, "meeting.import", "meeting", mid, {"title": m.get("title")}, now)
    return mid


def _items(section: Section, rows: list) -> list[dict]:
    """A declared list (db.fields) as the export writes it."""
    return [{spec.key: getattr(row, spec.key) for spec in section.specs} for row in rows]


def _read(section: Section, obj: object, path: str) -> dict:
    """A declared section's values (db.fields), as the store keeps them, keyed by column."""
    out = {}
    for spec in section.specs:
        kind = "str" if spec.kind == "longstr" else spec.kind
        value = _Reader.get(obj, spec.key, path, kind, required=spec.required,
                            long=spec.kind == "longstr", multiline=spec.multiline)
        out[spec.attr] = spec.default if value is None else value
    return out


def _list(doc: dict, key: str) -> list:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise ExchangeError(f"{key}: phải là danh sách")
    return value
