"""Printing speed: the minutes and the draft notice of a 300-opinion meeting.

Measured in the same run: `reports.print_documents` (reportlab, both PDFs), and,
as the baseline a secretary might otherwise use, the same content written as a
.docx (python-docx) and converted by LibreOffice (`soffice --headless
--convert-to pdf`) when LibreOffice is installed. Prints a table of medians.

    python bench/bench_print.py [--runs 5] [--opinions 300]

The record is built in memory (`build_record`). `time_print` is the boundary to
swap when the bench times the whole `doithoai print` process instead.
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

from db.models import (  # noqa: E402
    DEFAULT_FIELDS,
    OUTCOME_LABELS,
    AttendanceGroup,
    Chair,
    Field,
    Meeting,
    MeetingRecord,
    MeetingStatus,
    Opinion,
    Outcome,
    Source,
    Speaker,
    SpeakerStatus,
    Step,
)

DATE = "2026-06-18"
HAMLETS = ["thôn Quán Gỏi", "thôn Phương Độ", "thôn Ngọc Mai", "thôn Thượng Khuông"]
OUTCOMES = [Outcome.ANSWERED, Outcome.ASSIGNED, Outcome.FORWARDED, Outcome.NOTED]
SENTENCE = ("Đề nghị xã kiểm tra, giải quyết dứt điểm việc đường trục thôn xuống cấp, mương tưới bị lấp, "
            "gây ngập úng khi mưa lớn; bà con đã phản ánh nhiều lần nhưng chưa được trả lời. ")


def build_record(n_opinions: int = 300, n_speakers: int = 120) -> MeetingRecord:
    """An ended meeting: `n_opinions` opinions (spoken, slips, before; every outcome; follow-ups)."""
    fields = [Field(i + 1, i + 1, name) for i, name in enumerate(DEFAULT_FIELDS)]
    meeting = Meeting(
        id=1, title="Hội nghị tiếp xúc, đối thoại trực tiếp của Chủ tịch UBND xã với Nhân dân năm 2026",
        organisation="Ủy ban nhân dân xã Kè Sắt", parent=None, place_name="Kè Sắt",
        venue="Hội trường tầng 3, Nhà C, Trụ sở UBND xã Kè Sắt", date=DATE, start="07:30", end="11:30",
        speaking_limit_minutes=5, secretary_name="Nguyễn Thị Hồng Nhung",
        secretary_title="Công chức Văn phòng - Thống kê", status=MeetingStatus.ENDED,
        started_at=f"{DATE}T07:32:00", ended_at=f"{DATE}T11:05:00",
        conclusion="Giao các cơ quan khẩn trương giải quyết, trả lời bằng văn bản đúng hạn.",
        created_at=f"{DATE}T06:00:00",
    )
    steps = [Step(i + 1, i + 1, text, "Chủ trì", 30, i == 2, f"{DATE}T0{7 + i}:40:00", f"{DATE}T0{8 + i}:10:00")
             for i, text in enumerate(["Khai mạc, giới thiệu đại biểu", "Báo cáo tình hình kinh tế - xã hội",
                                       "Nhân dân phát biểu, đối thoại", "Kết luận, bế mạc"])]
    speakers = [Speaker(i + 1, i + 1, "Ông" if i % 2 else "Bà", f"Nguyễn Văn Số {i + 1}", HAMLETS[i % 4], None,
                        None, None, SpeakerStatus.DONE, f"{DATE}T07:40:00", f"{DATE}T08:00:00",
                        f"{DATE}T08:05:00", i + 1) for i in range(n_speakers)]
    opinions = []
    for n in range(1, n_opinions + 1):
        source = Source.BEFORE if n <= 20 else Source.SLIP if n % 10 == 0 else Source.SPOKEN
        speaker = speakers[n % n_speakers] if source is Source.SPOKEN else None
        follows = opinions[-1] if source is Source.SPOKEN and n % 7 == 0 and opinions else None
        outcome = OUTCOMES[n % 4]
        field = fields[n % len(fields)]
        opinions.append(Opinion(
            id=n, number=n, source=source, speaker_id=speaker.id if speaker else None,
            speaker_display=speaker.display_name if speaker else None,
            author=None if speaker else f"Bà Trần Thị Số {n}", author_address=HAMLETS[n % 4],
            field_id=field.id, field_name=field.name, content=f"Ý kiến số {n}: " + SENTENCE * (1 + n % 3),
            follows_id=follows.id if follows else None, follows_number=follows.number if follows else None,
            answered_by="Phạm Thị Thu Hiền, Q. Chủ tịch UBND xã",
            answer="Xã đã tiếp nhận, sẽ kiểm tra thực tế và trả lời bà con trong thời gian sớm nhất.",
            outcome=outcome, agency="Công chức Địa chính - Xây dựng" if outcome in (Outcome.ASSIGNED,
                                                                                    Outcome.FORWARDED) else None,
            deadline="2026-06-30" if outcome is Outcome.ASSIGNED else None,
            created_at=f"{DATE}T09:00:00", answered_at=f"{DATE}T09:05:00",
        ))
    return MeetingRecord(
        meeting=meeting, chairs=[Chair(1, 1, "Phạm Thị Thu Hiền", "Q. Chủ tịch UBND xã")],
        attendance=[AttendanceGroup(1, 1, "Nhân dân các thôn", 100, 96)], fields=fields, steps=steps,
        speakers=speakers, opinions=opinions,
    )


def time_print(record: MeetingRecord, out_dir: Path, font) -> float:
    """Seconds to print both documents. The boundary to replace by a `doithoai print` process."""
    from reports import print_documents

    start = time.perf_counter()
    print_documents(record, out_dir, font=font)
    return time.perf_counter() - start


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
        for line in (op.content, f"Trả lời: {op.answer}", f"Kết quả: {OUTCOME_LABELS[op.outcome]}"):
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--opinions", type=int, default=300)
    args = parser.parse_args()
    record = build_record(args.opinions)
    folder = Path(tempfile.mkdtemp(prefix="doithoai-bench-print-"))

    from reports.fonts import resolve_font

    start = time.perf_counter()
    font = resolve_font()
    resolve = time.perf_counter() - start
    printed = [time_print(record, folder / f"rl{i}", font) for i in range(args.runs)]
    docx_build, office = [], []
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    for i in range(args.runs):
        start = time.perf_counter()
        docx = build_docx(record, folder / f"bien-ban-{i}.docx")
        docx_build.append(time.perf_counter() - start)
        if soffice:
            office.append(time_libreoffice(soffice, docx, folder / f"lo{i}"))

    from pypdf import PdfReader

    pages = [len(PdfReader(str(p)).pages) for p in sorted((folder / "rl0").glob("*.pdf"))]
    base = statistics.median(printed)
    print(f"Printing a meeting of {args.opinions} opinions, median of {args.runs} runs (seconds); "
          f"font {font.family.label}, PDF pages {'+'.join(map(str, pages))}")
    print(f"{'step':<42}{'median s':>10}{'min s':>9}{'x reportlab':>12}")
    print(_row("font check + registration (once)", [resolve], None))
    print(_row("reportlab: minutes + notice (2 PDFs)", printed, base))
    print(_row("python-docx: build .docx (minutes only)", docx_build, base))
    print(_row("LibreOffice: .docx -> PDF", office, base))
    if not soffice:
        print("LibreOffice not installed")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
