"""A hazard's life travels: steps taken on one desktop (with an evidence photo, a 延期 and a
follow-up) arrive on the other through a real server, history and all."""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image

from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.vocab import HazardStatus
from mzdesk.services.hazards import (
    FollowUpData,
    Photo,
    Recheck,
    extend_deadline,
    follow_ups_of,
    hazard_detail,
    record_follow_up,
    start_rectification,
    submit_for_recheck,
)
from mzdesk.services.institutions import list_institutions
from tests.helpers.actors import SETUP
from tests.services.hazards.conftest import inspect_with_failures
from tests.sync.conftest import new_client, sync

D = dt.date
TODAY = D(2026, 6, 1)


def test_hazard_steps_and_follow_ups_reach_the_other_desktop(server, tmp_path):
    server.institution("阳光养老院")
    a = new_client(tmp_path, server, server.code(institution="阳光养老院"), "前台电脑")
    sync(a)
    (home,) = list_institutions(a)
    inspected = inspect_with_failures(a, home.id)
    major, ordinary = inspected.hazards
    start_rectification(a, SETUP, major, on=D(2026, 3, 2), by="刘", today=TODAY)
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "blue").save(buffer, "PNG")
    submit_for_recheck(
        a, SETUP, major, on=D(2026, 3, 3), by="刘", photos=[Photo(buffer.getvalue())], today=TODAY
    )
    extend_deadline(
        a, SETUP, ordinary, on=D(2026, 3, 4), new_deadline=D(2026, 4, 30), reason="等配件",
        approved_by="院长", today=TODAY,
    )  # fmt: skip
    record_follow_up(
        a, SETUP,
        FollowUpData(inspected.inspection_id, D(2026, 3, 9), "区民政局 孙",
                     (Recheck(major, True), Recheck(ordinary, False, "仍未整改"))),
        today=TODAY,
    )  # fmt: skip
    sync(a)
    b = new_client(tmp_path, server, server.code(institution="阳光养老院"), "护理站电脑")
    sync(b)
    for hazard in (major, ordinary):
        there, here = hazard_detail(a, hazard, today=TODAY), hazard_detail(b, hazard, today=TODAY)
        assert here.hazard == there.hazard
        assert here.events == there.events
    closed = hazard_detail(b, major, today=TODAY)
    assert closed.hazard.status is HazardStatus.CLOSED and len(closed.evidence) == 1
    extended = hazard_detail(b, ordinary, today=TODAY)
    assert [e.kind for e in extended.events] == [
        HazardEventKind.OPENED, HazardEventKind.EXTENDED, HazardEventKind.RETURNED,
    ]  # fmt: skip
    assert extended.hazard.original_deadline == D(2026, 3, 31)
    assert follow_ups_of(b, inspected.inspection_id) == follow_ups_of(a, inspected.inspection_id)
