"""Conclusion groups: opinions on the same matter, merged by the secretary after the
meeting under one conclusion text. The notice prints a group as one item naming
everyone who raised the matter ("Ý kiến của ông A, bà B (thôn X) về …").

A group holds opinions of one field (the notice's conclusions are grouped by field);
an opinion belongs to at most one group. Merging opinions that are already in a
group moves them; a group left with fewer than two opinions is dissolved.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Iterable

from . import journal
from .clock import moment
from .connection import transaction
from .errors import NotFound, ValidationError
from .meeting_row import require_editable
from .models import ConclusionGroup
from .text import LONG, clean

if TYPE_CHECKING:
    import sqlite_utils

_TEXT = "Nội dung kết luận"


def list_groups(db: sqlite_utils.Database, meeting_id: int) -> list[ConclusionGroup]:
    """The meeting's groups, ordered by their first opinion's number."""
    members: dict[int, list[int]] = {}
    texts: dict[int, str] = {}
    for group_id, text, opinion_id in db.execute(
            "SELECT g.id, g.text, m.opinion_id FROM conclusion_groups g "
            "JOIN conclusion_members m ON m.group_id = g.id JOIN opinions o ON o.id = m.opinion_id "
            "WHERE g.meeting_id = ? ORDER BY o.number", [meeting_id]):
        members.setdefault(group_id, []).append(opinion_id)
        texts[group_id] = text
    return [ConclusionGroup(gid, texts[gid], tuple(ids)) for gid, ids in members.items()]


def get_group(db: sqlite_utils.Database, group_id: int) -> ConclusionGroup:
    row = db.execute("SELECT meeting_id FROM conclusion_groups WHERE id = ?", [group_id]).fetchone()
    if row is None:
        raise NotFound(f"Không có nhóm ý kiến mã {group_id}.")
    return next(g for g in list_groups(db, row[0]) if g.id == group_id)


def _check_opinions(db: sqlite_utils.Database, meeting_id: int, opinion_ids: list[int]) -> list[dict]:
    if len(opinion_ids) < 2:
        raise ValidationError("Ý kiến", "cần chọn ít nhất hai ý kiến để gộp")
    marks = ", ".join("?" for _ in opinion_ids)
    rows = [dict(zip(("id", "meeting_id", "number", "field_id"), r)) for r in db.execute(
        f"SELECT id, meeting_id, number, field_id FROM opinions WHERE id IN ({marks})", opinion_ids)]
    if len(rows) != len(opinion_ids) or any(r["meeting_id"] != meeting_id for r in rows):
        raise ValidationError("Ý kiến", "có ý kiến không thuộc hội nghị này")
    if len({r["field_id"] for r in rows}) > 1:
        raise ValidationError("Ý kiến", "chỉ gộp các ý kiến cùng một lĩnh vực")
    return rows


def _dissolve_small(db: sqlite_utils.Database, meeting_id: int) -> None:
    db.execute("DELETE FROM conclusion_groups WHERE meeting_id = ? AND "
               "(SELECT count(*) FROM conclusion_members m WHERE m.group_id = conclusion_groups.id) < 2",
               [meeting_id])


def merge_opinions(db: sqlite_utils.Database, meeting_id: int, opinion_ids: Iterable[int], text: str, *,
                   now: datetime | None = None) -> ConclusionGroup:
    """Merge opinions of one field under one conclusion (committed on return)."""
    ids = list(dict.fromkeys(int(i) for i in opinion_ids))
    text = clean(text, _TEXT, max_len=LONG, multiline=True)
    at = moment(now)
    with transaction(db):
        require_editable(db, meeting_id)
        rows = _check_opinions(db, meeting_id, ids)
        marks = ", ".join("?" for _ in ids)
        db.execute(f"DELETE FROM conclusion_members WHERE opinion_id IN ({marks})", ids)
        _dissolve_small(db, meeting_id)
        group_id = db.execute("INSERT INTO conclusion_groups (meeting_id, text, created_at) VALUES (?, ?, ?)",
                              [meeting_id, text, at]).lastrowid
        db.conn.executemany("INSERT INTO conclusion_members (group_id, opinion_id) VALUES (?, ?)",
                            [(group_id, i) for i in ids])
        journal.record(db, meeting_id, "conclusion.merge", "conclusion_group", group_id,
                       {"numbers": sorted(r["number"] for r in rows), "text": text}, now)
    return get_group(db, group_id)


def set_group_text(db: sqlite_utils.Database, group_id: int, text: str, *,
                   now: datetime | None = None) -> ConclusionGroup:
    text = clean(text, _TEXT, max_len=LONG, multiline=True)
    with transaction(db):
        group = get_group(db, group_id)
        meeting_id = db.execute("SELECT meeting_id FROM conclusion_groups WHERE id = ?", [group_id]).fetchone()[0]
        require_editable(db, meeting_id)
        db.execute("UPDATE conclusion_groups SET text = ? WHERE id = ?", [text, group.id])
        journal.record(db, meeting_id, "conclusion.edit", "conclusion_group", group_id, {"text": text}, now)
    return get_group(db, group_id)


def dissolve_group(db: sqlite_utils.Database, group_id: int, *, now: datetime | None = None) -> None:
    """Undo a merge: the opinions are printed one by one again."""
    with transaction(db):
        row = db.execute("SELECT meeting_id FROM conclusion_groups WHERE id = ?", [group_id]).fetchone()
        if row is None:
            raise NotFound(f"Không có nhóm ý kiến mã {group_id}.")
        require_editable(db, row[0])
        db.execute("DELETE FROM conclusion_groups WHERE id = ?", [group_id])
        journal.record(db, row[0], "conclusion.dissolve", "conclusion_group", group_id, {}, now)
