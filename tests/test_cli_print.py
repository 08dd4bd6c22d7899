"""`doithoai print` as a process: readable file names, the seal in the footer, lp missing."""

from __future__ import annotations

import os
import subprocess
import sys

from pypdf import PdfReader

from db import meetings, opinions, speakers
from db.connection import open_db
from db.seal import seal_meeting

from .conftest import REPO


def _cli(db_path, *args, env=None):
    return subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db_path), *map(str, args)], cwd=REPO,
                          capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})})


def _text(path):
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def test_print_writes_both_documents_with_the_seal_footer(db_path, tmp_path, clock):
    db = open_db(db_path)
    meetings.start_meeting(db, 1, now=clock())
    s = speakers.register_speaker(db, 1, honorific="Ông", name="Hoàng Văn Sở", hamlet="thôn Ngọc Mai")
    speakers.call_next(db, 1, now=clock.advance(minutes=1))
    o = opinions.record_opinion(db, 1, "Đề nghị nạo vét kênh tưới", speaker_id=s.id, now=clock())
    opinions.record_answer(db, o.id, outcome="assigned", agency="Công chức Nông nghiệp",
                           deadline="2026-07-20", answered_by="Phạm Thị Thu Hiền", answer="Giao xử lý")
    meetings.end_meeting(db, 1, now=clock.advance(minutes=20), backup=False)
    digest = seal_meeting(db, 1)
    out = _cli(db_path, "print", "--out", tmp_path / "pdf")
    assert out.returncode == 0, out.stderr
    paths = out.stdout.split()
    assert [os.path.basename(p) for p in paths] == ["bien-ban-2026-06-18.pdf", "thong-bao-ket-luan-2026-06-18.pdf"]
    for path in paths:
        text = _text(path)
        assert "Hoàng Văn Sở" in text and "Công chức Nông nghiệp" in text
        assert digest in text.replace(" ", "")


def test_print_with_a_missing_font_or_without_lp_says_so(db_path, tmp_path):
    bad = _cli(db_path, "print", "--out", tmp_path, "--font", tmp_path / "khong-co.ttf")
    assert bad.returncode == 2 and "khong-co.ttf" in bad.stderr and "Traceback" not in bad.stderr
    no_lp = _cli(db_path, "print", "--out", tmp_path, "--lp", env={"PATH": os.path.dirname(sys.executable)})
    assert no_lp.returncode == 2 and "không có lệnh in lp" in no_lp.stderr
    assert (tmp_path / "bien-ban-2026-06-18.pdf").exists()
