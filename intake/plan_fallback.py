"""Where the rules find nothing, the fallbacks that find a field anywhere by its context (issue 15).

The rules (plan_people, plan_roles, plan_attendance, plan_programme …) each know one way of
writing a field; a new hand writes it another way and the field is lost. After the rules, for
each field still empty — the programme (plan_fallback_programme.py), the attendance groups
(plan_fallback_attendance.py), the chairs and the secretary (plan_fallback_roles.py) — a
fallback looks through the whole text for candidates and keeps them only with strong context.
Each value it gives carries the note "tìm theo ngữ cảnh …: cần kiểm tra".

`rules_off` (extract's parameter, used only by bench/plan_fallback.py) turns the rules off for
the fields named, so that the fallbacks can be measured alone over the corpus.
"""

from __future__ import annotations

from .plan_fallback_attendance import AttendanceFallbackMixin
from .plan_fallback_programme import ProgrammeFallbackMixin
from .plan_fallback_roles import RolesFallbackMixin

FIELDS = ("chairs", "secretary", "attendance", "programme")


class FallbackMixin(ProgrammeFallbackMixin, AttendanceFallbackMixin, RolesFallbackMixin):
    """Part of the reader (plan_extract._Reader)."""

    rules_off: frozenset = frozenset()

    def fill_from_context(self) -> None:
        """After the rules (the programme's fallback runs inside programme(), before its dialogue)."""
        if not self.plan.attendance and self.plan.invited_total is None:
            self.attendance_anywhere()
        elif self.plan.invited_total is None and not any(g.invited for g in self.plan.attendance):
            self.counted_instead()
        chaired = bool(self.plan.chairs)
        if not self.plan.chairs or not self.plan.secretary_name:
            self.roles_anywhere(chairs=not self.plan.chairs, secretary=not self.plan.secretary_name)
        if chaired:
            self.co_chairs_anywhere()
        filled = {"attendance": bool(self.plan.attendance), "chairs": bool(self.plan.chairs),
                  "secretary.name": bool(self.plan.secretary_name), "programme": bool(self.plan.programme)}
        self.missing = [m for m in self.missing if not filled.get(m.field)]

    def counted_instead(self) -> None:
        """The rules found only groups without a count ("Kính gửi: Các tổ dân phố"), while the text
        gives two or more groups each with its count: those are the attendance (the document
        states more than the rules read)."""
        kept, findings = self.plan.attendance, self.findings
        self.plan.attendance = []
        self.findings = [f for f in findings if not f.field.startswith("attendance[")]
        if self.attendance_anywhere() and len(self.plan.attendance) >= 2 \
                and all(g.invited for g in self.plan.attendance):
            return
        self.plan.attendance, self.findings = kept, findings
