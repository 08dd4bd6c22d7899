"""What a seal hashes: the sealed content in a fixed, versioned byte form.

The form is the seal's own, not the JSON export's (db/exchange.py), so the export may
grow without breaking a seal. Each version reads the tables directly with SQL and is
frozen once it has sealed a record: never change what an existing version produces.
A meeting stores the version it was sealed with (`meetings.seal_version`) and is
always verified with that version. To cover more of the record (a new column), add
version N+1 here (with its `COVERS` entry) and make `CURRENT` point to it; old seals
keep verifying.

- Version 1: the bytes the seal hashed until the journal became a hash chain: the
  export document of that time (format "doithoai.meeting", version 1) without the seal,
  the journal and the meeting's id, as sorted compact JSON. A frozen copy of
  `exchange.canonical_bytes` at commit c5ba443; NULL `seal_version` means 1.
- Version 2: the record's columns listed in `_V2_TABLES`, plus the head of the
  meeting's journal chain (sequence number and hash of the last row before the seal),
  so the seal also covers every journal row (see db/journal.py).
- Version 3: version 2's form plus what the signed notice and minutes print since:
  the plan's delegates, officials, Nơi nhận (recipients) and tasks after the meeting
  (timeline), each step's presenter and gist, an assignment's co-agency, the
  conclusion groups (text and the numbers of the opinions merged) and whether the
  minutes were read out and approved. `COVERS` names every column it reads;
  tests/test_db_seal_coverage.py fails when the schema has a record column that the
  current version does not cover (nor the test's list of what is outside the seal).

Outside the seal on purpose: the follow-up after the meeting (db/followup*.py), the
print choices (`documents`: draft or final, how the public copy names citizens; every
sentence of the signed text comes from sealed data, and the final notice is printed
after sealing), unsaved typing (`drafts`), and the seal's own bookkeeping.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import json

if TYPE_CHECKING:
    import sqlite_utils


#: The version new seals are made with.
CURRENT = 3
VERSIONS = (1, 2, 3)


def canonical(db: sqlite_utils.Database, meeting_id: int, version: int, *,
              head: tuple[int, str | None] | None = None) -> bytes:
    """The sealed bytes of a meeting in `version`; `head` is (seq, hash) of the
    journal row the seal covers (version 2 and later)."""
    if version == 1:
        return _v1(db, meeting_id)
    if version == 2:
        return _v2(db, meeting_id, head)
    if version == 3:
        return _v3(db, meeting_id, head)
    raise ValueError(f"unknown seal version {version}")


def _dumps(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _rows(db: sqlite_utils.Database, sql: str, meeting_id: int) -> list[dict]:
    return list(db.query(sql, [meeting_id]))


# -- version 1 (frozen) -----------------------------------------------------------------

def _v1(db: sqlite_utils.Database, meeting_id: int) -> bytes:
    m = _rows(db, "SELECT * FROM meetings WHERE id = ?", meeting_id)[0]
    speakers = _rows(db, "SELECT s.*, f.name AS field_name FROM speakers s LEFT JOIN fields f ON f.id = s.field_id "
                         "WHERE s.meeting_id = ? ORDER BY s.reg_no", meeting_id)
    opinions = _rows(db, "SELECT o.*, f.name AS field_name FROM opinions o LEFT JOIN fields f ON f.id = o.field_id "
                         "WHERE o.meeting_id = ? ORDER BY o.number", meeting_id)
    reg_no = {s["id"]: s["reg_no"] for s in speakers}
    number = {o["id"]: o["number"] for o in opinions}
    doc = {
        "format": "doithoai.meeting",
        "version": 1,
        "meeting": {
            "title": m["title"], "organisation": m["organisation"], "parent": m["parent"],
            "place_name": m["place_name"], "venue": m["venue"], "date": m["date"], "start": m["start"],
            "end": m["end"], "speaking_limit_minutes": m["speaking_limit_minutes"],
            "secretary": {"name": m["secretary_name"], "title": m["secretary_title"]},
            "status": m["status"], "started_at": m["started_at"], "ended_at": m["ended_at"],
            "conclusion": m["conclusion"], "created_at": m["created_at"],
        },
        "chairs": [{"name": c["name"], "title": c["title"]} for c in _rows(
            db, "SELECT * FROM chairs WHERE meeting_id = ? ORDER BY position", meeting_id)],
        "attendance": [{"group": a["group"], "invited": a["invited"], "present": a["present"]} for a in _rows(
            db, "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY position", meeting_id)],
        "fields": [f["name"] for f in _rows(db, "SELECT * FROM fields WHERE meeting_id = ? ORDER BY position",
                                            meeting_id)],
        "programme": [
            {"position": s["position"], "content": s["content"], "lead": s["lead"], "minutes": s["minutes"],
             "dialogue": bool(s["dialogue"]), "started_at": s["started_at"], "ended_at": s["ended_at"]}
            for s in _rows(db, "SELECT * FROM steps WHERE meeting_id = ? ORDER BY position", meeting_id)
        ],
        "speakers": [
            {"reg_no": s["reg_no"], "honorific": s["honorific"], "name": s["name"], "hamlet": s["hamlet"],
             "organisation": s["organisation"], "field": s["field_name"], "status": s["status"],
             "registered_at": s["registered_at"], "called_at": s["called_at"], "finished_at": s["finished_at"],
             "spoke_order": s["spoke_order"]}
            for s in speakers
        ],
        "opinions": [
            {"number": o["number"], "source": o["source"],
             "speaker": reg_no.get(o["speaker_id"]) if o["speaker_id"] else None,
             "author": o["author"], "author_address": o["author_address"], "field": o["field_name"],
             "content": o["content"], "follows": number.get(o["follows_id"]) if o["follows_id"] else None,
             "key": o["external_key"], "created_at": o["created_at"],
             "answer": None if not o["outcome"] else {
                 "outcome": o["outcome"], "answered_by": o["answered_by"], "answer": o["answer"],
                 "agency": o["agency"], "deadline": o["deadline"], "answered_at": o["answered_at"]}}
            for o in opinions
        ],
    }
    return _dumps(doc)


# -- version 2 (frozen once released) ---------------------------------------------------------

#: (key in the document, SELECT returning exactly the sealed columns, in a fixed order).
#: References are by registration number, opinion number and field name, never internal ids.
_V2_TABLES = (
    ("meeting", """SELECT title, organisation, parent, place_name, venue, date, start, "end",
        speaking_limit_minutes, secretary_name, secretary_title, status, started_at, ended_at,
        conclusion, created_at FROM meetings WHERE id = ?"""),
    ("chairs", "SELECT position, name, title FROM chairs WHERE meeting_id = ? ORDER BY position"),
    ("attendance", 'SELECT position, "group", invited, present FROM attendance WHERE meeting_id = ? '
                   "ORDER BY position"),
    ("fields", "SELECT position, name FROM fields WHERE meeting_id = ? ORDER BY position"),
    ("steps", "SELECT position, content, lead, minutes, dialogue, started_at, ended_at FROM steps "
              "WHERE meeting_id = ? ORDER BY position"),
    ("speakers", """SELECT s.reg_no, s.honorific, s.name, s.hamlet, s.organisation, f.name AS field,
        s.status, s.registered_at, s.called_at, s.finished_at, s.spoke_order
        FROM speakers s LEFT JOIN fields f ON f.id = s.field_id
        WHERE s.meeting_id = ? ORDER BY s.reg_no"""),
    ("opinions", """SELECT o.number, o.source, s.reg_no AS speaker, o.author, o.author_address,
        f.name AS field, o.content, p.number AS follows, o.answered_by, o.answer, o.outcome, o.agency,
        o.deadline, o.created_at, o.answered_at, o.external_key
        FROM opinions o LEFT JOIN fields f ON f.id = o.field_id
        LEFT JOIN speakers s ON s.id = o.speaker_id LEFT JOIN opinions p ON p.id = o.follows_id
        WHERE o.meeting_id = ? ORDER BY o.number"""),
)


def _v2(db: sqlite_utils.Database, meeting_id: int, head: tuple[int, str | None] | None) -> bytes:
    doc: dict = {"form": "doithoai.seal", "version": 2}
    for key, sql in _V2_TABLES:
        rows = _rows(db, sql, meeting_id)
        doc[key] = rows[0] if key == "meeting" else rows
    seq, digest = head if head is not None else (None, None)
    doc["journal"] = {"seq": seq, "hash": digest}
    return _dumps(doc)


# -- version 3 (frozen once released) ---------------------------------------------------------

#: Version 2's parts with the columns added since (steps' presenter and gist, opinions'
#: co_agency), then the new tables. Same rules: the exact sealed columns in a fixed order,
#: references by registration number, opinion number and field name.
_V3_TABLES = (
    ("meeting", _V2_TABLES[0][1]),
    ("chairs", _V2_TABLES[1][1]),
    ("attendance", _V2_TABLES[2][1]),
    ("fields", _V2_TABLES[3][1]),
    ("steps", "SELECT position, content, lead, minutes, dialogue, started_at, ended_at, presenter, gist "
              "FROM steps WHERE meeting_id = ? ORDER BY position"),
    ("speakers", _V2_TABLES[5][1]),
    ("opinions", """SELECT o.number, o.source, s.reg_no AS speaker, o.author, o.author_address,
        f.name AS field, o.content, p.number AS follows, o.answered_by, o.answer, o.outcome, o.agency,
        o.co_agency, o.deadline, o.created_at, o.answered_at, o.external_key
        FROM opinions o LEFT JOIN fields f ON f.id = o.field_id
        LEFT JOIN speakers s ON s.id = o.speaker_id LEFT JOIN opinions p ON p.id = o.follows_id
        WHERE o.meeting_id = ? ORDER BY o.number"""),
    ("delegates", "SELECT position, name, title FROM delegates WHERE meeting_id = ? ORDER BY position"),
    ("officials", "SELECT position, name, title FROM officials WHERE meeting_id = ? ORDER BY position"),
    ("recipients", "SELECT document, position, text FROM recipients WHERE meeting_id = ? "
                   "ORDER BY document, position"),
    ("timeline", "SELECT position, task, due FROM timeline WHERE meeting_id = ? ORDER BY position"),
    ("minutes_reading", "SELECT approved, changed_at FROM minutes_reading WHERE meeting_id = ?"),
)

#: Every column version 3 reads, by table (a reference column counts: the seal holds the
#: number or name it points to). Keep in step with the SQL above and `_v3_groups`;
#: tests/test_db_seal_coverage.py checks both ways.
_V3_COVERS: dict[str, frozenset[str]] = {t: frozenset(c.split()) for t, c in {
    "meetings": "title organisation parent place_name venue date start end speaking_limit_minutes "
                "secretary_name secretary_title status started_at ended_at conclusion created_at",
    "chairs": "position name title",
    "attendance": "position group invited present",
    "fields": "position name",
    "steps": "position content lead minutes dialogue started_at ended_at presenter gist",
    "speakers": "reg_no honorific name hamlet organisation field_id status registered_at called_at "
                "finished_at spoke_order",
    "opinions": "number source speaker_id author author_address field_id content follows_id answered_by "
                "answer outcome agency co_agency deadline created_at answered_at external_key",
    "delegates": "position name title",
    "officials": "position name title",
    "recipients": "document position text",
    "timeline": "position task due",
    "minutes_reading": "approved changed_at",
    "conclusion_groups": "text created_at",
    "conclusion_members": "group_id opinion_id",
}.items()}


#: What each version from 3 on covers, by table and column; a new version adds its entry.
COVERS: dict[int, dict[str, frozenset[str]]] = {3: _V3_COVERS}


def _v3_groups(db: sqlite_utils.Database, meeting_id: int) -> list[dict]:
    """Conclusion groups as {text, created_at, opinions: [numbers]}, ordered by their
    first opinion's number (internal ids never enter the form)."""
    groups: dict[int, dict] = {}
    for gid, text, created_at, number in db.execute(
            "SELECT g.id, g.text, g.created_at, o.number FROM conclusion_groups g "
            "LEFT JOIN conclusion_members m ON m.group_id = g.id LEFT JOIN opinions o ON o.id = m.opinion_id "
            "WHERE g.meeting_id = ? ORDER BY g.id", [meeting_id]):
        group = groups.setdefault(gid, {"text": text, "created_at": created_at, "opinions": []})
        if number is not None:
            group["opinions"].append(number)
    for group in groups.values():
        group["opinions"].sort()
    return sorted(groups.values(), key=lambda g: (g["opinions"][:1] or [0], g["created_at"], g["text"],
                                                  g["opinions"]))


def _v3(db: sqlite_utils.Database, meeting_id: int, head: tuple[int, str | None] | None) -> bytes:
    doc: dict = {"form": "doithoai.seal", "version": 3}
    for key, sql in _V3_TABLES:
        rows = _rows(db, sql, meeting_id)
        if key == "meeting":
            doc[key] = rows[0]
        elif key == "minutes_reading":
            doc[key] = rows[0] if rows else None
        else:
            doc[key] = rows
    doc["conclusion_groups"] = _v3_groups(db, meeting_id)
    seq, digest = head if head is not None else (None, None)
    doc["journal"] = {"seq": seq, "hash": digest}
    return _dumps(doc)
