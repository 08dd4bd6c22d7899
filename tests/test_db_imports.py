"""`db` stands alone: importing it pulls in neither textual, rich nor reportlab."""

import subprocess
import sys

from .conftest import REPO


def test_db_imports_no_ui_or_printing():
    code = (
        "import sys, db, db.connection, db.schema, db.meetings, db.speakers, db.opinions, "
        "db.plans, db.exchange, db.journal\n"
        "bad = [m for m in ('textual', 'rich', 'reportlab') if m in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_reports_do_not_import_textual():
    code = "import sys, reports\nprint('textual' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
