"""The follow-up's words after the meeting (issue 12): where an assignment stands and its
deadline flag, each with the Vietnamese labels everything else reads. Beside db/vocabulary.py,
which holds the meeting's own words."""

from __future__ import annotations

from enum import Enum


class FollowState(str, Enum):
    """Where an assignment stands after the meeting. The last three are answers (đã trả lời)."""

    PENDING = "pending"
    REVIEWING = "reviewing"
    RESOLVED = "resolved"
    EXPLAINED = "explained"
    UNRESOLVED = "unresolved"

    @property
    def label(self) -> str:
        """'Đã trả lời: đã giải quyết xong': forms, printouts, the command line."""
        return _FOLLOW_STATES[self][0]

    @property
    def short(self) -> str:
        """'Đã giải quyết': tables and counts."""
        return _FOLLOW_STATES[self][1]

    @property
    def answered(self) -> bool:
        """The agency has answered in writing (đã trả lời)."""
        return self in (FollowState.RESOLVED, FollowState.EXPLAINED, FollowState.UNRESOLVED)

    @property
    def needs_reason(self) -> bool:
        """'Chưa giải quyết được' is recorded with its reason."""
        return self is FollowState.UNRESOLVED


_FOLLOW_STATES = {
    FollowState.PENDING: ("Chưa trả lời", "Chưa trả lời"),
    FollowState.REVIEWING: ("Đang xem xét giải quyết", "Đang xem xét"),
    FollowState.RESOLVED: ("Đã trả lời: đã giải quyết xong", "Đã giải quyết"),
    FollowState.EXPLAINED: ("Đã trả lời: đã giải trình, cung cấp thông tin", "Đã giải trình"),
    FollowState.UNRESOLVED: ("Đã trả lời: chưa giải quyết được", "Chưa giải quyết được"),
}


class DeadlineFlag(str, Enum):
    """The warning flag of an open item, as provincial petition trackers show it;
    declared in urgency order (overdue first)."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    IN_TIME = "in_time"
    NO_DEADLINE = "no_deadline"

    @property
    def label(self) -> str:
        return _DEADLINE_FLAGS[self]

    @property
    def rank(self) -> int:
        """Urgency order: overdue first."""
        return list(DeadlineFlag).index(self)


_DEADLINE_FLAGS = {
    DeadlineFlag.OVERDUE: "Quá hạn",
    DeadlineFlag.DUE_SOON: "Sắp đến hạn",
    DeadlineFlag.IN_TIME: "Trong hạn",
    DeadlineFlag.NO_DEADLINE: "Chưa có hạn",
}
