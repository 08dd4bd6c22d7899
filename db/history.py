"""Journal rows in words a secretary reads (Vietnamese)."""

from __future__ import annotations

from .journal import CHANGED, MISSING, OUTSIDE, RELINKED, Break
from .models import JournalEntry

_LABELS = {
    "meeting.create": "Tạo hội nghị",
    "meeting.import": "Nhập hội nghị từ tệp",
    "meeting.update_plan": "Sửa kế hoạch",
    "meeting.start": "Bắt đầu hội nghị",
    "meeting.end": "Kết thúc hội nghị",
    "meeting.conclusion": "Ghi kết luận của chủ trì",
    "meeting.seal": "Niêm phong biên bản",
    "meeting.reopen": "MỞ NIÊM PHONG",
    "step.next": "Chuyển bước chương trình",
    "step.previous": "Quay lại bước trước",
    "attendance.set": "Ghi số người có mặt",
    "speaker.register": "Đăng ký phát biểu",
    "speaker.edit": "Sửa thông tin người đăng ký",
    "speaker.call": "Mời phát biểu",
    "speaker.call_out_of_turn": "Mời phát biểu (ngoài thứ tự, theo điều hành của chủ tọa)",
    "speaker.recall": "Mời lại người vắng",
    "speaker.absent": "Vắng khi được mời",
    "speaker.finish": "Kết thúc lượt phát biểu",
    "speaker.withdraw": "Rút đăng ký",
    "opinion.record": "Ghi ý kiến",
    "opinion.edit": "Sửa ý kiến",
    "opinion.import_before": "Nhập ý kiến trước hội nghị",
    "answer.record": "Ghi trả lời",
    "answer.edit": "Sửa trả lời",
}

_SHOWN = ("number", "reg_no", "name", "to", "present", "outcome", "agency", "deadline", "reason",
          "sha256", "broken_seal", "content", "answer", "conclusion", "title")


def label(op: str) -> str:
    return _LABELS.get(op, op)


def describe(entry: JournalEntry, width: int = 100) -> str:
    """'Ghi ý kiến — number=4; content=Đường hỏng…' on one line."""
    parts = []
    for key in _SHOWN:
        if key in entry.data and entry.data[key] not in (None, ""):
            value = str(entry.data[key]).replace("\n", " ")
            if len(value) > width:
                value = value[: width - 1] + "…"
            parts.append(f"{key}={value}")
    detail = "; ".join(parts)
    return f"{label(entry.op)}" + (f" — {detail}" if detail else "")


def _row(b: Break) -> str:
    when = b.at.replace("T", " ") if b.at else "?"
    return f"({label(b.op or '?')}, lúc {when})"


def describe_break(b: Break) -> str:
    """One sentence for a break in a meeting's journal chain (`journal.check_chain`)."""
    if b.kind == MISSING:
        which = f"dòng nhật ký số {b.seq}" if b.seq == b.last_seq else f"các dòng nhật ký số {b.seq} đến {b.last_seq}"
        return f"Mất {which}: đã bị xóa khỏi tệp dữ liệu."
    if b.kind == CHANGED:
        return f"Dòng nhật ký số {b.seq} {_row(b)} đã bị sửa sau khi ghi."
    if b.kind == RELINKED:
        return (f"Chuỗi nhật ký bị đứt trước dòng số {b.seq} {_row(b)}: "
                "dòng ngay trước nó đã bị sửa, thay hoặc xóa.")
    if b.kind == OUTSIDE:
        return f"Dòng nhật ký mã {b.row_id} {_row(b)} được ghi ngoài chương trình, không nằm trong chuỗi."
    raise ValueError(b.kind)
