"""The follow-up's modules speak of statuses, states, outcomes and flags through
db/vocabulary.py, never through their raw values: no SQL literal ('done', 'ended',
'pending') and no comparison with a raw value (state.value == "reviewing")."""

from __future__ import annotations

import re

import pytest

from db.vocabulary import MeetingStatus, Outcome, SpeakerStatus, Source
from db.vocabulary_followup import DeadlineFlag, FollowState

from .conftest import REPO

MODULES = [
    "db/followup.py", "db/followup_list.py", "db/followup_journal.py", "db/workdays.py",
    "screens/followup.py", "screens/followup_form.py", "screens/followup_documents.py", "screens/report.py",
    "reports/report.py", "reports/report_print.py", "reports/report_xlsx.py", "reports/reminders.py",
    "reports/carry_over.py", "tui/cli_follow.py", "tui/cli_report.py",
]
VALUES = sorted({m.value for e in (SpeakerStatus, MeetingStatus, FollowState, Outcome, DeadlineFlag, Source)
                 for m in e})
RAW = re.compile(r"""'(%s)'|[!=]=\s*"(%s)"|\bIN\s*\(\s*'""" % ("|".join(VALUES), "|".join(VALUES)))


@pytest.mark.parametrize("module", MODULES)
def test_no_raw_vocabulary_value(module):
    found = [f"{module}:{n}: {line.strip()}" for n, line in enumerate((REPO / module).read_text("utf-8").splitlines(), 1)
             if RAW.search(line)]
    assert found == []
