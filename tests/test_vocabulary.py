"""Every member of every vocabulary enum has everything each place needs.

Adding an outcome (a source, a status) and forgetting one of its words makes one of
these tests name the member and the missing piece.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
import sqlite_utils

from db.schema import migrate
from db.vocabulary import (
    DEFAULT_FIELDS,
    HONORIFICS,
    NOT_YET_WORDS,
    MeetingStatus,
    Outcome,
    Requirement,
    Source,
    SpeakerStatus,
    outcome_label,
    outcome_mark,
    outcome_short,
)
from intake.before_import import match_outcome
from intake.vn_input import fold

ENUMS = [Outcome, Source, SpeakerStatus, MeetingStatus]
NOTICE_PARTS = dict(by=" Ông Chủ tịch", answer=": nội dung trả lời", agency="Công an xã",
                    to=" (UBND huyện)", deadline=" trước ngày 30/06/2026",
                    explained=" Tại hội nghị, Đã giải trình: ...", body="Ủy ban nhân dân xã")


def _vietnamese(text: str) -> bool:
    return bool(text.strip()) and text == unicodedata.normalize("NFC", text)


def _members(*enums):
    return [m for enum in enums for m in enum]


@pytest.mark.parametrize("outcome", list(Outcome), ids=lambda o: o.value)
def test_each_outcome_has_every_word(outcome):
    for name in ("label", "short", "mark", "key_label", "when", "paper_label", "notice"):
        value = getattr(outcome, name)
        assert isinstance(value, str) and _vietnamese(value), f"{outcome.value}: '{name}' thiếu"
    assert outcome.when.startswith("khi "), outcome.value
    assert outcome.sheet_words, f"{outcome.value}: no word an imported sheet may use"
    assert all(w == fold(w) for w in outcome.sheet_words), "sheet words are folded"
    assert fold(outcome.value) in outcome.sheet_words, "a sheet may name an outcome by its stored value"
    assert all(isinstance(r, Requirement) for r in outcome.requires)


@pytest.mark.parametrize("outcome", list(Outcome), ids=lambda o: o.value)
def test_each_outcome_writes_its_notice_sentence(outcome):
    sentence = outcome.notice_sentence(**NOTICE_PARTS)
    assert sentence.startswith("Kết luận: ")
    assert "{" not in sentence and "chưa có kết luận" not in sentence


@pytest.mark.parametrize("outcome", list(Outcome), ids=lambda o: o.value)
def test_each_sheet_word_reads_back_as_its_outcome(outcome):
    for word in outcome.sheet_words:
        assert match_outcome(word) is outcome, f"'{word}' reads as {match_outcome(word)}"
        assert not any(word == w or word.startswith(w + " ") for w in NOT_YET_WORDS)
    assert match_outcome(outcome.label) is outcome
    assert match_outcome(outcome.short) is outcome


def test_no_outcome_yet_reads_as_none():
    for word in NOT_YET_WORDS:
        assert match_outcome(word) is False


@pytest.mark.parametrize("outcome", list(Outcome), ids=lambda o: o.value)
def test_missing_requirements(outcome):
    assert outcome.missing(answer="x", agency="y", deadline="2026-06-30") == []
    assert set(outcome.missing()) == set(outcome.requires)
    for r in outcome.requires:
        assert _vietnamese(r.label)


def test_labels_are_distinct_in_each_register():
    for name in ("label", "short", "mark", "key_label", "paper_label"):
        values = [getattr(o, name) for o in Outcome]
        assert len(set(values)) == len(values), name
    for enum in (Source, SpeakerStatus, MeetingStatus):
        labels = [m.label for m in enum]
        assert len(set(labels)) == len(labels), enum.__name__


def test_none_outcome_has_its_words():
    assert outcome_label(None) and outcome_short(None) and outcome_mark(None)
    for o in Outcome:
        assert outcome_label(o.value) == o.label and outcome_short(o) == o.short
        assert outcome_mark(o.value) == o.mark


@pytest.mark.parametrize("source", list(Source), ids=lambda s: s.value)
def test_each_source_has_every_word(source):
    for name in ("label", "mark", "chair_label", "unnamed", "count_phrase"):
        assert _vietnamese(getattr(source, name)), f"{source.value}: '{name}' thiếu"


@pytest.mark.parametrize("member", _members(SpeakerStatus, MeetingStatus), ids=lambda m: m.value)
def test_each_status_has_a_label(member):
    assert _vietnamese(member.label)


def test_lists():
    assert DEFAULT_FIELDS and all(_vietnamese(f) for f in DEFAULT_FIELDS)
    assert len(set(DEFAULT_FIELDS)) == len(DEFAULT_FIELDS)
    assert HONORIFICS == ("Ông", "Bà")


_CHECKED = [("meetings", "status", MeetingStatus), ("speakers", "status", SpeakerStatus),
            ("opinions", "source", Source), ("opinions", "outcome", Outcome)]


@pytest.mark.parametrize("table,column,enum", _CHECKED, ids=lambda x: getattr(x, "__name__", x))
def test_database_check_accepts_exactly_the_enum(table, column, enum):
    """A member added to the enum needs a migration that widens the CHECK of existing
    files (m001 is frozen as shipped): this fails until it is written."""
    db = sqlite_utils.Database(memory=True)
    migrate(db)
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    match = re.search(rf"CHECK \({column} IN \(([^)]*)\)\)", sql)
    assert match, f"{table}.{column} has no CHECK"
    allowed = {v.strip().strip("'") for v in match.group(1).split(",")}
    assert allowed == {m.value for m in enum}


def test_database_refuses_an_unknown_outcome(demo_db):
    db, meeting_id = demo_db
    from db.opinions import record_opinion

    op = record_opinion(db, meeting_id, "Một ý kiến", source=Source.SLIP)
    with pytest.raises(Exception):
        db.execute("UPDATE opinions SET outcome = 'bogus' WHERE id = ?", [op.id])
    for o in Outcome:
        db.execute("UPDATE opinions SET outcome = ? WHERE id = ?", [o.value, op.id])


def test_forms_offer_every_outcome():
    from screens.answer_form import OUTCOMES, AnswerModal

    assert OUTCOMES == list(Outcome)
    keys = [b.key for b in AnswerModal.BINDINGS]
    assert len(set(keys)) == len(keys)
    keyed = {b.action: b.description for b in AnswerModal.BINDINGS}
    for i, o in enumerate(Outcome):
        assert keyed.get(f"outcome({i})") == o.key_label


def test_a_migration_widens_a_check_for_a_new_member(tmp_path):
    """What the migration for an added outcome does (db.schema.widen_check), on a file."""
    from enum import Enum

    from db.connection import open_db
    from db.schema import widen_check

    Wider = Enum("Wider", {o.name: o.value for o in Outcome} | {"UNDER_REVIEW": "under_review"}, type=str)
    db = open_db(tmp_path / "x.db")
    with db.atomic():
        widen_check(db, "opinions", "outcome", Wider)
    db.close()
    db = open_db(tmp_path / "x.db")
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'opinions'").fetchone()[0]
    assert "'noted', 'under_review')" in sql
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    mid = db.execute("INSERT INTO meetings (title, organisation, place_name, venue, date, start, "
                     "secretary_name, created_at) VALUES ('t', 'o', 'p', 'v', '2026-06-18', '07:30', 's', "
                     "'2026-06-18T07:00:00')").lastrowid
    db.execute("INSERT INTO opinions (meeting_id, number, source, content, created_at, outcome) "
               "VALUES (?, 1, 'slip', 'x', '2026-06-18T07:30:00', 'under_review')", [mid])
    with pytest.raises(Exception):
        db.execute("INSERT INTO opinions (meeting_id, number, source, content, created_at, outcome) "
                   "VALUES (?, 2, 'slip', 'x', '2026-06-18T07:30:00', 'bogus')", [mid])
