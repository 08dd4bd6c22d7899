"""The words the whole app speaks: an opinion's outcome and source, a speaker's and a
meeting's status, the default fields, the honorifics. Each concept is declared once,
with everything that varies by member beside it (labels, what it requires, the words a
sheet may use for it, the sentence the notice writes for it); screens, reports,
importers and the database's CHECK constraints read it from here.

Adding an outcome: add the member and its `_OutcomeInfo` row below, a migration in
db/schema.py that widens the `opinions.outcome` CHECK, and run tests/test_vocabulary.py,
which names anything still missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Requirement(str, Enum):
    """What an outcome cannot be recorded without."""

    ANSWER = "answer"
    AGENCY = "agency"
    DEADLINE = "deadline"

    @property
    def label(self) -> str:
        """The field's name in messages ('Nội dung trả lời: không được để trống ...')."""
        return _REQUIREMENT_LABELS[self]


_REQUIREMENT_LABELS = {
    Requirement.ANSWER: "Nội dung trả lời",
    Requirement.AGENCY: "Cơ quan được giao",
    Requirement.DEADLINE: "Thời hạn",
}


# -- the opinion's outcome --------------------------------------------------------------

class Outcome(str, Enum):
    ANSWERED = "answered"  # đã trả lời tại hội nghị
    ASSIGNED = "assigned"  # giao cơ quan giải quyết, trả lời bằng văn bản trước hạn
    FORWARDED = "forwarded"  # kiến nghị cấp có thẩm quyền
    NOTED = "noted"  # tiếp thu

    @property
    def info(self) -> "_OutcomeInfo":
        return _OUTCOMES[self]

    @property
    def label(self) -> str:
        """'Đã trả lời tại hội nghị': forms, printouts, the command line."""
        return _OUTCOMES[self].label

    @property
    def short(self) -> str:
        """'đã trả lời': counts and tables."""
        return _OUTCOMES[self].short

    @property
    def mark(self) -> str:
        """'đã TL': the narrow answer column of the live opinions list."""
        return _OUTCOMES[self].mark

    @property
    def key_label(self) -> str:
        """'Đã TL': the footer's name for the key that chooses it."""
        return _OUTCOMES[self].key_label

    @property
    def requires(self) -> frozenset[Requirement]:
        return _OUTCOMES[self].requires

    @property
    def when(self) -> str:
        """'khi giao giải quyết': ends the message for a missing requirement."""
        return _OUTCOMES[self].when

    @property
    def shows_agency(self) -> bool:
        """The agency (or the competent level) belongs to this outcome's phrase."""
        return _OUTCOMES[self].shows_agency

    @property
    def followed_up(self) -> bool:
        """A written answer is still due after the meeting (issue 12's follow-up)."""
        return _OUTCOMES[self].followed_up

    @property
    def sheet_words(self) -> tuple[str, ...]:
        """How a before-meeting sheet may write it (folded: lower case, no diacritics)."""
        return _OUTCOMES[self].sheet_words

    @property
    def notice(self) -> str:
        """The notice's sentence, a template; see `notice_sentence`."""
        return _OUTCOMES[self].notice

    @property
    def count_phrase(self) -> str:
        """'giải trình, trả lời tại chỗ': before a count in the notice's general part."""
        return _OUTCOMES[self].count_phrase

    @property
    def none_sentence(self) -> str:
        """What the notice says when no opinion has this outcome."""
        return _OUTCOMES[self].none_sentence

    @property
    def paper_label(self) -> str:
        """The checkbox on the blank minutes' paper slot."""
        return _OUTCOMES[self].paper_label

    @property
    def paper_write_line(self) -> bool:
        """The paper checkbox takes a line to write on (who, what, by when)."""
        return _OUTCOMES[self].paper_write_line

    def missing(self, *, answer: object = None, agency: object = None,
                deadline: object = None) -> list[Requirement]:
        """What this outcome requires and is not given, in declaration order."""
        given = {Requirement.ANSWER: answer, Requirement.AGENCY: agency, Requirement.DEADLINE: deadline}
        return [r for r in Requirement if r in self.requires and not given[r]]

    def notice_sentence(self, **parts: str) -> str:
        """The notice's conclusion for one opinion with this outcome. `parts`:
        by (' Ông X' or ''), answer (': text' or '.'), agency (a name, or dots),
        to (' (level)' or ''), deadline (' trước ngày 30/06/2026' or ''),
        explained (' Tại hội nghị, ... giải trình: ...' or ''), body ('Ủy ban nhân dân xã')."""
        return self.notice.format(**parts)


@dataclass(frozen=True)
class _OutcomeInfo:
    label: str
    short: str
    mark: str
    key_label: str
    when: str
    sheet_words: tuple[str, ...]
    notice: str
    paper_label: str
    count_phrase: str
    none_sentence: str
    requires: frozenset[Requirement] = frozenset()
    shows_agency: bool = False
    followed_up: bool = False
    paper_write_line: bool = False


_OUTCOMES: dict[Outcome, _OutcomeInfo] = {
    Outcome.ANSWERED: _OutcomeInfo(
        label="Đã trả lời tại hội nghị", short="đã trả lời", mark="đã TL", key_label="Đã TL",
        when="khi đã trả lời tại hội nghị",
        sheet_words=("da tra loi", "tra loi", "answered"),
        notice="Kết luận: Nội dung này đã được{by} trả lời tại hội nghị{answer}",
        paper_label="Đã trả lời tại hội nghị",
        count_phrase="giải trình, trả lời tại chỗ",
        none_sentence="Không có ý kiến được giải trình, trả lời tại chỗ",
        requires=frozenset({Requirement.ANSWER})),
    Outcome.ASSIGNED: _OutcomeInfo(
        label="Giao giải quyết, trả lời bằng văn bản", short="giao giải quyết", mark="giao",
        key_label="Giao", when="khi giao giải quyết",
        sheet_words=("giao", "assigned"),
        notice=("Kết luận: Giao {agency} xem xét, giải quyết, trả lời bằng văn bản cho công dân"
                "{deadline}.{explained}"),
        paper_label="Giao (cơ quan, người được giao, thời hạn):",
        count_phrase="giao cơ quan, đơn vị giải quyết, trả lời bằng văn bản",
        none_sentence="Không có ý kiến phải giao cơ quan, đơn vị giải quyết sau hội nghị",
        requires=frozenset({Requirement.AGENCY, Requirement.DEADLINE}),
        shows_agency=True, followed_up=True, paper_write_line=True),
    Outcome.FORWARDED: _OutcomeInfo(
        label="Kiến nghị cấp có thẩm quyền", short="kiến nghị cấp trên", mark="cấp trên",
        key_label="Cấp trên", when="khi kiến nghị cấp có thẩm quyền",
        sheet_words=("kien nghi cap", "chuyen", "cap tren", "tham quyen", "forwarded"),
        notice="Kết luận: Kiến nghị cấp có thẩm quyền{to} xem xét, giải quyết{deadline}.{explained}",
        paper_label="Kiến nghị cấp có thẩm quyền",
        count_phrase="vượt thẩm quyền, đề nghị cấp trên xem xét",
        none_sentence="Không có ý kiến vượt thẩm quyền đề nghị cấp trên xem xét",
        shows_agency=True, followed_up=True),
    Outcome.NOTED: _OutcomeInfo(
        label="Tiếp thu", short="tiếp thu", mark="tiếp thu", key_label="Tiếp thu",
        when="khi tiếp thu",
        sheet_words=("tiep thu", "ghi nhan", "noted"),
        notice="Kết luận: {body} tiếp thu ý kiến.{explained}",
        paper_label="Tiếp thu",
        count_phrase="tiếp thu, ghi nhận",
        none_sentence="Không có ý kiến chỉ tiếp thu, ghi nhận"),
}

#: An opinion with no outcome yet, in the same registers as the members.
NO_OUTCOME_LABEL = "chưa trả lời"
NO_OUTCOME_SHORT = "chưa trả lời"
NO_OUTCOME_WAITING = "chờ trả lời"  # the chair's counts line
NO_OUTCOME_MARK = "chờ"
NO_OUTCOME_NOTICE = "Kết luận: (chưa có kết luận đối với ý kiến này)."
#: How a sheet says "no outcome yet" ("chưa trả lời", "đang giải quyết"), folded.
NOT_YET_WORDS = ("chua", "dang giai quyet", "dang xu ly", "dang xem xet")


def outcome_label(outcome: Outcome | str | None) -> str:
    """The label of an outcome (or of its stored value); 'chưa trả lời' for none."""
    return Outcome(outcome).label if outcome else NO_OUTCOME_LABEL


def outcome_short(outcome: Outcome | str | None) -> str:
    return Outcome(outcome).short if outcome else NO_OUTCOME_SHORT


def outcome_mark(outcome: Outcome | str | None) -> str:
    return Outcome(outcome).mark if outcome else NO_OUTCOME_MARK


def sheet_outcome_words() -> list[tuple[str, Outcome]]:
    """Every (folded word, outcome) a sheet may use, members in declaration order."""
    return [(word, o) for o in Outcome for word in o.sheet_words]


# -- the opinion's source ---------------------------------------------------------------

class Source(str, Enum):
    SPOKEN = "spoken"  # said aloud at the meeting
    SLIP = "slip"  # written slip handed in during the meeting (phiếu ghi ý kiến)
    BEFORE = "before"  # gathered before the meeting (phiếu lấy ý kiến, MTTQ)

    @property
    def label(self) -> str:
        """'Phiếu ý kiến'."""
        return _SOURCES[self].label

    @property
    def mark(self) -> str:
        """'Phiếu': before an author's name in narrow lists."""
        return _SOURCES[self].mark

    @property
    def chair_label(self) -> str:
        """What the chair's display shows for an opinion nobody is named for."""
        return _SOURCES[self].chair_label

    @property
    def unnamed(self) -> str:
        """What the documents write for an opinion nobody is named for."""
        return _SOURCES[self].unnamed

    @property
    def count_phrase(self) -> str:
        """'phiếu ý kiến tại hội nghị': after a count in the notice."""
        return _SOURCES[self].count_phrase


@dataclass(frozen=True)
class _SourceInfo:
    label: str
    mark: str
    chair_label: str
    unnamed: str
    count_phrase: str


_SOURCES: dict[Source, _SourceInfo] = {
    Source.SPOKEN: _SourceInfo("Phát biểu trực tiếp", "Phát biểu", "Phát biểu trực tiếp",
                               "Không rõ người phát biểu", "ý kiến phát biểu"),
    Source.SLIP: _SourceInfo("Phiếu ý kiến", "Phiếu", "Phiếu ý kiến", "Phiếu ý kiến",
                             "phiếu ý kiến tại hội nghị"),
    Source.BEFORE: _SourceInfo("Ý kiến trước hội nghị", "Trước HN", "Phiếu trước hội nghị",
                               "Phiếu lấy ý kiến (không ghi tên)", "ý kiến tổng hợp trước hội nghị"),
}


# -- statuses ---------------------------------------------------------------------------

class SpeakerStatus(str, Enum):
    WAITING = "waiting"
    SPEAKING = "speaking"
    DONE = "done"
    ABSENT = "absent"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _SPEAKER_STATUS_LABELS[self]


_SPEAKER_STATUS_LABELS = {
    SpeakerStatus.WAITING: "Đang chờ",
    SpeakerStatus.SPEAKING: "Đang phát biểu",
    SpeakerStatus.DONE: "Đã phát biểu",
    SpeakerStatus.ABSENT: "Vắng",
    SpeakerStatus.WITHDRAWN: "Rút đăng ký",
}


class MeetingStatus(str, Enum):
    PLANNED = "planned"
    LIVE = "live"
    ENDED = "ended"

    @property
    def label(self) -> str:
        return _MEETING_STATUS_LABELS[self]


_MEETING_STATUS_LABELS = {
    MeetingStatus.PLANNED: "Chưa bắt đầu",
    MeetingStatus.LIVE: "Đang họp",
    MeetingStatus.ENDED: "Đã kết thúc",
}

class Document(str, Enum):
    """The documents the meeting produces (each has its own Nơi nhận list)."""

    NOTICE = "notice"
    MINUTES = "minutes"

    @property
    def label(self) -> str:
        return _DOCUMENT_LABELS[self]


_DOCUMENT_LABELS = {
    Document.NOTICE: "Thông báo kết luận",
    Document.MINUTES: "Biên bản",
}

#: Label tables keyed by the enums, for code that wants a mapping.
MEETING_STATUS_LABELS = {s: s.label for s in MeetingStatus}
SPEAKER_STATUS_LABELS = {s: s.label for s in SpeakerStatus}
SOURCE_LABELS = {s: s.label for s in Source}
OUTCOME_LABELS = {o: o.label for o in Outcome}


#: Who answers a forwarded opinion when the minutes name no agency.
HIGHER_LEVEL = "Cấp có thẩm quyền"

# -- lists ------------------------------------------------------------------------------

#: Default fields (lĩnh vực) when a plan brings none (domain.md).
DEFAULT_FIELDS = (
    "Kinh tế",
    "Đất đai, tài nguyên, môi trường",
    "Quy hoạch, xây dựng, giao thông",
    "Nông nghiệp, nông thôn mới",
    "Văn hóa, y tế, giáo dục",
    "Chính sách xã hội, an sinh",
    "An ninh trật tự, quốc phòng",
    "Xây dựng Đảng, chính quyền",
    "Tinh thần thái độ của cán bộ",
    "Khác",
)

HONORIFICS = ("Ông", "Bà")


def sql_in(column: str, enum: type[Enum]) -> str:
    """`column IN ('a', 'b')` for a CHECK constraint built from an enum's values."""
    values = ", ".join("'" + str(m.value).replace("'", "''") + "'" for m in enum)
    return f"{column} IN ({values})"
