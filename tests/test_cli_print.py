"""`doithoai print` as a process: four files named after the meeting, the seal in the footer,
the final and public versions (choices stored), lp missing, a Word file that cannot be written."""

from __future__ import annotations

import os
import subprocess
import sys

from pypdf import PdfReader

from db import meetings, opinions, speakers
from db.connection import open_db
from db.documents import PublicNaming, get_choices
from db.seal import seal_meeting

from .conftest import REPO
from .reports_docx import docx_decorations, docx_text


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
    assert [os.path.basename(p) for p in paths] == [
        "bien-ban-2026-06-18-hn1.pdf", "thong-bao-2026-06-18-hn1.pdf",
        "bien-ban-2026-06-18-hn1.docx", "thong-bao-2026-06-18-hn1.docx"]
    for path in paths[:2]:
        text = _text(path)
        assert "Hoàng Văn Sở" in text and "Công chức Nông nghiệp" in text
        assert digest in text.replace(" ", "")
    for path in paths[2:]:
        assert "Hoàng Văn Sở" in docx_text(path) and digest in docx_decorations(path)[0]
    assert "DỰ THẢO" in _text(paths[1])

    # --final is remembered; --draft goes back; --public writes only the notice for posting
    final = _cli(db_path, "print", "--out", tmp_path / "final", "--final")
    assert final.returncode == 0 and "DỰ THẢO" not in _text(final.stdout.split()[1])
    assert get_choices(open_db(db_path), 1).notice_final
    again = _cli(db_path, "print", "--out", tmp_path / "again")
    assert "DỰ THẢO" not in _text(again.stdout.split()[1])
    public = _cli(db_path, "print", "--out", tmp_path / "public", "--public", "thon")
    assert public.returncode == 0, public.stderr
    assert [os.path.basename(p) for p in public.stdout.split()] == [
        "thong-bao-cong-khai-2026-06-18-hn1.pdf", "thong-bao-cong-khai-2026-06-18-hn1.docx"]
    text = _text(public.stdout.split()[0])
    assert "Hoàng Văn Sở" not in text and "Cử tri thôn Ngọc Mai" in text
    assert "Hoàng Văn Sở" not in docx_text(public.stdout.split()[1])
    assert get_choices(open_db(db_path), 1).public_naming is PublicNaming.HAMLET
    draft = _cli(db_path, "print", "--out", tmp_path / "draft", "--draft")
    assert "DỰ THẢO" in _text(draft.stdout.split()[1]) and not get_choices(open_db(db_path), 1).notice_final


def test_print_with_a_missing_font_or_without_lp_says_so(db_path, tmp_path):
    bad = _cli(db_path, "print", "--out", tmp_path, "--font", tmp_path / "khong-co.ttf")
    assert bad.returncode == 2 and "khong-co.ttf" in bad.stderr and "Traceback" not in bad.stderr
    no_lp = _cli(db_path, "print", "--out", tmp_path, "--lp", env={"PATH": os.path.dirname(sys.executable)})
    assert no_lp.returncode == 2 and "không có lệnh in lp" in no_lp.stderr
    assert (tmp_path / "bien-ban-2026-06-18-hn1.pdf").exists()


def test_a_word_file_in_the_way_is_one_sentence_and_the_pdfs_are_written(db_path, tmp_path):
    (tmp_path / "thong-bao-2026-06-18-hn1.docx").mkdir()
    out = _cli(db_path, "print", "--out", tmp_path)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "Không ghi được tệp Word" in out.stderr and "thong-bao-2026-06-18-hn1.docx" in out.stderr
    assert "Các tệp PDF đã được ghi." in out.stderr
    assert (tmp_path / "bien-ban-2026-06-18-hn1.pdf").is_file() and (tmp_path / "thong-bao-2026-06-18-hn1.pdf").is_file()
    assert (tmp_path / "bien-ban-2026-06-18-hn1.docx").is_file()


def test_printing_an_ended_meeting_loads_no_sqlite_utils(db_path, tmp_path, clock):
    """The print command only reads the store: sqlite-utils (and click, pluggy, dateutil with
    it, ~40 ms of every start) is never imported; the four files are still written."""
    db = open_db(db_path)
    meetings.start_meeting(db, 1, now=clock())
    meetings.end_meeting(db, 1, now=clock.advance(minutes=20), backup=False)
    db.close()
    code = ("import json, sys; from tui.cli import main; "
            f"status = main(['--db', {str(db_path)!r}, 'print', '--out', {str(tmp_path / 'out')!r}]); "
            "print(json.dumps([status, sorted(m for m in ('sqlite_utils', 'click', 'pluggy') if m in sys.modules)]))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    import json
    assert json.loads(out.stdout.splitlines()[-1]) == [0, []]
    assert len(list((tmp_path / "out").iterdir())) == 4
