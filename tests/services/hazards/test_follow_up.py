"""复查: a follow-up carries forward only the open hazards and reads original against
follow-up."""

from __future__ import annotations

import datetime as dt

import pytest

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.vocab import HazardStatus
from mzdesk.services.hazards import (
    FollowUpData,
    Recheck,
    carried_forward,
    extend_deadline,
    follow_ups_of,
    hazard_detail,
    pass_recheck,
    record_follow_up,
    submit_for_recheck,
)
from tests.helpers.actors import SETUP
from tests.services.hazards.conftest import inspect_with_failures

D = dt.date
TODAY = D(2026, 6, 1)


def test_a_follow_up_rechecks_only_the_open_hazards(store, home, inspected):
    major, ordinary = inspected.hazards
    # the ordinary one was already closed the usual way: not carried forward
    submit_for_recheck(store, SETUP, ordinary, on=D(2026, 3, 3), by="刘", today=TODAY)
    pass_recheck(store, SETUP, ordinary, on=D(2026, 3, 4), by="王", today=TODAY)
    extend_deadline(
        store, SETUP, major, on=D(2026, 3, 5), new_deadline=D(2026, 3, 25), reason="等配件",
        approved_by="院长", today=TODAY,
    )  # fmt: skip
    assert carried_forward(store, inspected.inspection_id) == [major]
    with pytest.raises(ValidationError, match="不属于"):
        record_follow_up(
            store, SETUP,
            FollowUpData(inspected.inspection_id, D(2026, 3, 20), "区民政局 孙",
                         (Recheck(major, True), Recheck(ordinary, True))),
            today=TODAY,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="原因"):
        record_follow_up(
            store, SETUP,
            FollowUpData(inspected.inspection_id, D(2026, 3, 20), "区民政局 孙",
                         (Recheck(major, False),)),
            today=TODAY,
        )  # fmt: skip
    first = record_follow_up(
        store, SETUP,
        FollowUpData(inspected.inspection_id, D(2026, 3, 20), "区民政局 孙",
                     (Recheck(major, False, "灭火器仍未更换"),)),
        today=TODAY,
    )  # fmt: skip
    assert hazard_detail(store, major).hazard.status is HazardStatus.IN_PROGRESS  # 打回
    second = record_follow_up(
        store, SETUP,
        FollowUpData(inspected.inspection_id, D(2026, 4, 2), "区民政局 孙",
                     (Recheck(major, True),)),
        today=TODAY,
    )  # fmt: skip
    closed = hazard_detail(store, major).hazard
    assert (closed.status, closed.rechecked_by, closed.closed_on) == (
        HazardStatus.CLOSED, "区民政局 孙", D(2026, 4, 2),
    )  # fmt: skip
    reports = follow_ups_of(store, inspected.inspection_id)
    assert [r.id for r in reports] == [first, second]
    (line,) = reports[0].lines
    assert (line.found_on, line.original_deadline, line.deadline) == (
        D(2026, 3, 1), D(2026, 3, 8), D(2026, 3, 25),
    )  # fmt: skip
    assert (line.passed, line.reason, reports[0].checked_on) == (
        False, "灭火器仍未更换", D(2026, 3, 20),
    )  # fmt: skip
    assert reports[1].lines[0].passed and reports[1].passed == 1
    assert [e.follow_up_id for e in hazard_detail(store, major).events[-2:]] == [first, second]
    with pytest.raises(StateError, match="没有未销号"):
        record_follow_up(
            store, SETUP, FollowUpData(inspected.inspection_id, D(2026, 4, 3), "孙", ()),
            today=TODAY,
        )  # fmt: skip


def test_every_open_hazard_needs_a_result_and_the_inspection_must_be_finished(store, home):
    draft = inspect_with_failures(store, home.id, complete=False)
    with pytest.raises(StateError, match="尚未完成"):
        record_follow_up(
            store, SETUP, FollowUpData(draft.inspection_id, D(2026, 3, 9), "孙", ()), today=TODAY
        )
    done = inspect_with_failures(store, home.id)
    with pytest.raises(ValidationError, match=r"^复查结果：还有1项隐患未填写"):
        record_follow_up(
            store, SETUP,
            FollowUpData(done.inspection_id, D(2026, 3, 9), "孙", (Recheck(done.hazards[0], True),)),
            today=TODAY,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="早于发现日期"):
        record_follow_up(
            store, SETUP,
            FollowUpData(done.inspection_id, D(2026, 2, 9), "孙",
                         tuple(Recheck(h, True) for h in done.hazards)),
            today=TODAY,
        )  # fmt: skip
    assert all(hazard_detail(store, h).hazard.status is HazardStatus.OPEN for h in done.hazards)
