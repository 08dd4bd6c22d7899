"""Printing speed: the minutes and the draft notice of a 300-opinion meeting.

Measured in the same run: `doithoai print` as a process, `reports.print_documents`
in-process (reportlab, both PDFs), and,
as the baseline a secretary might otherwise use, the same content written as a
.docx (python-docx) and converted by LibreOffice (`soffice --headless
--convert-to pdf`) when LibreOffice is installed. Prints a table of medians.

    python bench/bench_print.py [--runs 5] [--opinions 300]

The meeting is stored in a real database file (bench/large_meeting.py); the
headline figure is `doithoai print` as a whole process on it, and the ratios are
against that figure.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.models import MeetingRecord  # noqa: E402
from db.vocabulary import outcome_label  # noqa: E402


def time_print(record: MeetingRecord, out_dir: Path, font) -> float:
    """Seconds to print both documents in this process (font already registered)."""
    from reports import print_documents

    start = time.perf_counter()
    print_documents(record, out_dir, font=font)
    return time.perf_counter() - start


def time_process(db_path: Path, out_dir: Path) -> float:
    """Seconds for `doithoai print` as a whole process (start-up, font check, both PDFs)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tui.cli", "--db", str(db_path), "print", "--out", str(out_dir)],
                   check=True, capture_output=True, timeout=300, cwd=Path(__file__).resolve().parents[1])
    return time.perf_counter() - start


def stored_meeting(folder: Path, n_opinions: int) -> tuple[Path, MeetingRecord]:
    """The same kind of meeting in a real database file, ended, for the whole-process run."""
    from bench.large_meeting import build_large_meeting
    from db import meetings
    from db.connection import open_db

    path = folder / "meeting.db"
    mid = build_large_meeting(path, n_speakers=120, n_opinions=n_opinions)
    db = open_db(path)
    meetings.set_conclusion(db, mid, "Giao các cơ quan chuyên môn giải quyết, trả lời bằng văn bản đúng hạn.")
    meetings.end_meeting(db, mid, backup=False)
    record = meetings.load_record(db, mid)
    db.close()
    return path, record


def build_docx(record: MeetingRecord, path: Path) -> Path:
    """The same content as a Word document (header table, title, one paragraph per fact)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(13)
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nXÃ KÈ SẮT"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    table.cell(1, 0).text = "Số: .../BB-UBND"
    for text in ("BIÊN BẢN", record.meeting.title):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True
    for op in record.opinions:
        doc.add_paragraph().add_run(f"Ý kiến số {op.number}: {op.speaker_display or op.author}").bold = True
        outcome = outcome_label(op.outcome)
        for line in (op.content, f"Trả lời: {op.answer or ''}", f"Kết quả: {outcome}"):
            p = doc.add_paragraph(line)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)
    doc.add_paragraph(record.meeting.conclusion)
    doc.save(str(path))
    return path


def time_libreoffice(soffice: str, docx: Path, out_dir: Path) -> float:
    start = time.perf_counter()
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)],
                   check=True, capture_output=True, timeout=300)
    return time.perf_counter() - start


def _row(name: str, samples: list[float] | None, base: float | None) -> str:
    if not samples:
        return f"{name:<42}{'-':>10}{'-':>9}{'-':>12}"
    med = statistics.median(samples)
    ratio = f"{med / base:.1f}" if base else "-"
    return f"{name:<42}{med:>10.3f}{min(samples):>9.3f}{ratio:>12}"


def measure(runs: int = 5, opinions: int = 300) -> dict:
    """Samples (seconds) for each step, the font label and the page counts."""
    folder = Path(tempfile.mkdtemp(prefix="doithoai-bench-print-"))
    db_path, record = stored_meeting(folder, opinions)

    from reports.fonts import resolve_font

    start = time.perf_counter()
    font = resolve_font()
    resolve = time.perf_counter() - start
    printed = [time_print(record, folder / f"rl{i}", font) for i in range(runs)]
    whole = [time_process(db_path, folder / f"proc{i}") for i in range(runs)]
    docx_build, office = [], []
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    for i in range(runs):
        start = time.perf_counter()
        docx = build_docx(record, folder / f"bien-ban-{i}.docx")
        docx_build.append(time.perf_counter() - start)
        if soffice:
            office.append(time_libreoffice(soffice, docx, folder / f"lo{i}"))

    from pypdf import PdfReader

    pages = [len(PdfReader(str(p)).pages) for p in sorted((folder / "rl0").glob("*.pdf"))]
    shutil.rmtree(folder, ignore_errors=True)
    return {"whole": whole, "resolve": [resolve], "in_process": printed, "docx": docx_build,
            "libreoffice": office, "font": font.family.label, "pages": pages}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--opinions", type=int, default=300)
    args = parser.parse_args()
    m = measure(args.runs, args.opinions)
    base = statistics.median(m["whole"])
    print(f"Printing a meeting of {args.opinions} opinions, median of {args.runs} runs (seconds); "
          f"font {m['font']}, PDF pages {'+'.join(map(str, m['pages']))}")
    print(f"{'step':<42}{'median s':>10}{'min s':>9}{'x print':>12}")
    print(_row("`doithoai print` whole process", m["whole"], base))
    print(_row("font check + registration (once)", m["resolve"], None))
    print(_row("reportlab in-process: minutes + notice", m["in_process"], base))
    print(_row("python-docx: build .docx (minutes only)", m["docx"], base))
    print(_row("LibreOffice: .docx -> PDF", m["libreoffice"], base))
    if not m["libreoffice"]:
        print("LibreOffice not installed")


if __name__ == "__main__":
    main()
