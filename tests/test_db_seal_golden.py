"""The golden seal: a database sealed by an old version keeps verifying in every later one.

`tests/fixtures/sealed-v1.db` was made once by `tests/fixtures/make_sealed.py` with the
code of version 1 (see that script); it is copied to a temporary folder, opened by the
current code (migrations applied) and verified. Never regenerate the fixture to make
this test pass: a failure here means sealed records in the field stop verifying.
"""

from __future__ import annotations

import json
import shutil

import pytest

from db.connection import open_db
from db.seal import verify

from .conftest import FIXTURES

GOLDEN = FIXTURES / "sealed-v1.db"
NOTE = json.loads((FIXTURES / "sealed-v1.json").read_text(encoding="utf-8"))


@pytest.fixture
def golden(tmp_path):
    path = tmp_path / "sealed-v1.db"
    shutil.copyfile(GOLDEN, path)
    db = open_db(path)
    yield db
    db.close()


@pytest.mark.parametrize("meeting", NOTE["meetings"], ids=lambda m: f"meeting-{m['id']}")
def test_a_meeting_sealed_by_version_1_still_verifies(golden, meeting):
    verdict = verify(golden, meeting["id"])
    assert verdict.sealed and verdict.matches, verdict.sentence()
    assert verdict.stored == meeting["seal"]
