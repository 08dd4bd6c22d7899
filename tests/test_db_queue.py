"""Property: any sequence of queue actions keeps registration order and never calls
a withdrawn or done speaker."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from db import meetings, speakers
from db.connection import open_db
from db.errors import StateError
from db.models import SpeakerStatus
from intake.plan_file import load_plan

from .conftest import DEMO_PLAN

PLAN = load_plan(DEMO_PLAN)

actions = st.lists(
    st.one_of(
        st.just(("register",)),
        st.just(("call_next",)),
        st.just(("finish",)),
        st.just(("absent_current",)),
        st.tuples(st.just("call"), st.integers(0, 15)),
        st.tuples(st.just("absent"), st.integers(0, 15)),
        st.tuples(st.just("withdraw"), st.integers(0, 15)),
    ),
    max_size=60,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions)
def test_queue_rules_hold_for_any_sequence(sequence):
    db = open_db(memory=True)
    mid = meetings.create_meeting(db, PLAN)
    meetings.start_meeting(db, mid)
    for action in sequence:
        everyone = speakers.list_speakers(db, mid)
        before = {s.id: s.status for s in everyone}
        try:
            if action[0] == "register":
                speakers.register_speaker(db, mid, honorific="Ông", name=f"Người {len(everyone) + 1}")
            elif action[0] == "call_next":
                waiting = [s for s in everyone if s.status is SpeakerStatus.WAITING]
                called = speakers.call_next(db, mid)
                # lowest registration number among the waiting
                assert called.reg_no == min(s.reg_no for s in waiting)
            elif action[0] == "finish":
                current = speakers.current_speaker(db, mid)
                if current:
                    speakers.finish_speaker(db, current.id)
            elif action[0] == "absent_current":
                current = speakers.current_speaker(db, mid)
                if current:
                    speakers.mark_absent(db, current.id)
            elif everyone:
                target = everyone[action[1] % len(everyone)]
                {"call": speakers.call_speaker, "absent": speakers.mark_absent,
                 "withdraw": speakers.withdraw}[action[0]](db, target.id)
                if action[0] == "call":
                    assert before[target.id] in (SpeakerStatus.WAITING, SpeakerStatus.ABSENT)
        except StateError:
            # refused actions change nothing
            assert {s.id: s.status for s in speakers.list_speakers(db, mid)} == before
        after = speakers.list_speakers(db, mid)
        # registration numbers are 1..n, unique, in order
        assert [s.reg_no for s in after] == list(range(1, len(after) + 1))
        # at most one speaks
        assert sum(s.status is SpeakerStatus.SPEAKING for s in after) <= 1
        # nobody done or withdrawn ever goes back to speaking
        for s in after:
            if before.get(s.id) in (SpeakerStatus.DONE, SpeakerStatus.WITHDRAWN):
                assert s.status is before[s.id]
    db.close()
