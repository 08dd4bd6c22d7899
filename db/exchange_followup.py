"""The follow-up section of the exchange format (`"followup"`, from version 2).

Opinions are named by number, the linked earlier opinion by its meeting's date and
title and its number; the journal travels verbatim with its hashes, so the chain
still verifies after import. The seal never covers this section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from datetime import date

from . import followup_journal
from .errors import ValidationError
from .followup import State
from .text import LONG, SHORT, clean

if TYPE_CHECKING:
    import sqlite_utils


class SectionError(ValueError):
    """A value of the section is wrong; the message names its place."""


def export_section(db: sqlite_utils.Database, meeting_id: int) -> dict | None:
    """The meeting's follow-up, or None when nothing was recorded after the meeting."""
    items = [
        {"opinion": r["number"], "state": r["state"], "agency": r["agency"], "deadline": r["deadline"],
         "assigned_later": bool(r["assigned_later"]), "reason": r["reason"], "updated_at": r["updated_at"],
         "answer": None if not r["doc_date"] else {
             "number": r["doc_number"], "date": r["doc_date"], "signer": r["signer"],
             "agency": r["answer_agency"], "summary": r["summary"], "file": r["file_path"]}}
        for r in db.query("SELECT f.*, o.number FROM followups f JOIN opinions o ON o.id = f.opinion_id "
                          "WHERE o.meeting_id = ? ORDER BY o.number", [meeting_id])]
    tasks = [{"task": r[0], "done_on": r[1]} for r in db.execute(
        "SELECT task, done_on FROM followup_tasks WHERE meeting_id = ? ORDER BY task", [meeting_id])]
    repeats = [{"opinion": r[0], "earlier": {"meeting_date": r[1], "meeting_title": r[2], "number": r[3]}}
               for r in db.execute(
        "SELECT o.number, em.date, em.title, eo.number FROM repeats r JOIN opinions o ON o.id = r.opinion_id "
        "JOIN opinions eo ON eo.id = r.earlier_id JOIN meetings em ON em.id = eo.meeting_id "
        "WHERE o.meeting_id = ? ORDER BY o.number", [meeting_id])]
    journal = [{"seq": e.seq, "at": e.at, "op": e.op, "opinion": e.opinion, "data": e.data, "prev": e.prev,
                "hash": e.hash} for e in followup_journal.entries(db, meeting_id)]
    if not (items or tasks or repeats or journal):
        return None
    return {"items": items, "tasks": tasks, "repeats": repeats, "journal": journal}


def _text(obj: dict, key: str, where: str, *, long: bool = False) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SectionError(f"{where}.{key}: phải là chuỗi")
    try:
        return clean(value, f"{where}.{key}", required=False, max_len=LONG if long else SHORT,
                     multiline=long) or None
    except ValidationError as exc:
        raise SectionError(str(exc)) from None


def _date(obj: dict, key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise SectionError(f"{where}.{key}: '{value}' không phải ngày dạng YYYY-MM-DD") from None


def import_section(db: sqlite_utils.Database, meeting_id: int, section: object,
                   opinion_ids: dict[int, int]) -> None:
    """Insert the section (inside the import's transaction)."""
    if section is None:
        return
    if not isinstance(section, dict):
        raise SectionError("followup: phải là một đối tượng JSON")
    for i, item in enumerate(_list(section, "items")):
        where = f"followup.items[{i}]"
        opinion = _opinion(item, "opinion", where, opinion_ids)
        try:
            state = State(item.get("state"))
        except ValueError:
            raise SectionError(f"{where}.state: '{item.get('state')}' không hợp lệ") from None
        answer = item.get("answer") or {}
        if not isinstance(answer, dict):
            raise SectionError(f"{where}.answer: phải là một đối tượng JSON")
        db.execute(
            "INSERT INTO followups (opinion_id, state, agency, deadline, assigned_later, reason, doc_number, "
            "doc_date, signer, answer_agency, summary, file_path, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [opinion, state.value, _text(item, "agency", where), _date(item, "deadline", where),
             int(bool(item.get("assigned_later"))), _text(item, "reason", where, long=True),
             _text(answer, "number", f"{where}.answer"), _date(answer, "date", f"{where}.answer"),
             _text(answer, "signer", f"{where}.answer"), _text(answer, "agency", f"{where}.answer"),
             _text(answer, "summary", f"{where}.answer", long=True), _text(answer, "file", f"{where}.answer"),
             _text(item, "updated_at", where) or ""])
    for i, task in enumerate(_list(section, "tasks")):
        where = f"followup.tasks[{i}]"
        db.execute("INSERT INTO followup_tasks (meeting_id, task, done_on) VALUES (?, ?, ?)",
                   [meeting_id, _text(task, "task", where), _date(task, "done_on", where)])
    for i, link in enumerate(_list(section, "repeats")):
        where = f"followup.repeats[{i}]"
        opinion = _opinion(link, "opinion", where, opinion_ids)
        earlier = link.get("earlier") if isinstance(link, dict) else None
        if not isinstance(earlier, dict):
            raise SectionError(f"{where}.earlier: thiếu")
        row = db.execute(
            "SELECT o.id FROM opinions o JOIN meetings m ON m.id = o.meeting_id WHERE m.date = ? AND m.title = ? "
            "AND o.number = ? AND m.id != ? ORDER BY m.id LIMIT 1",
            [earlier.get("meeting_date"), earlier.get("meeting_title"), earlier.get("number"), meeting_id]).fetchone()
        if row:  # the earlier meeting is in this database too: keep the link
            db.execute("INSERT INTO repeats (opinion_id, earlier_id) VALUES (?, ?)", [opinion, row[0]])
    chain = []
    for i, e in enumerate(_list(section, "journal")):
        where = f"followup.journal[{i}]"
        if not isinstance(e, dict) or not isinstance(e.get("data"), str):
            raise SectionError(f"{where}: thiếu dữ liệu")
        chain.append(followup_journal.ChainEntry(e.get("seq"), str(e.get("at")), str(e.get("op")), e.get("opinion"),
                                                 e["data"], e.get("prev"), str(e.get("hash"))))
    broken = followup_journal.first_break(chain)
    if broken is not None:
        raise SectionError(f"followup.journal[{broken}]: chuỗi băm không khớp; nhật ký theo dõi đã bị sửa")
    for e in chain:
        db.execute("INSERT INTO followup_journal (meeting_id, seq, at, op, opinion, data, prev, hash) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [meeting_id, e.seq, e.at, e.op, e.opinion, e.data, e.prev, e.hash])


def _list(section: dict, key: str) -> list:
    value = section.get(key, [])
    if not isinstance(value, list):
        raise SectionError(f"followup.{key}: phải là danh sách")
    return value


def _opinion(obj: object, key: str, where: str, opinion_ids: dict[int, int]) -> int:
    number = obj.get(key) if isinstance(obj, dict) else None
    if number not in opinion_ids:
        raise SectionError(f"{where}.{key}: không có ý kiến số {number}")
    return opinion_ids[number]
