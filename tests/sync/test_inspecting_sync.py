"""What inspecting writes syncs: a schedule, a finished and signed inspection (its signature
rows), an amendment, reach the home's second PC and a bureau laptop of its region through the
real server; there the inspection reads as amended, locked, with the schedule done for its day."""

from __future__ import annotations

import datetime as dt

import pytest

from mzdesk.core.errors import StateError
from mzdesk.core.vocab import InspectionState, InspectionType, ItemResult, ScheduleFrequency
from mzdesk.services.inspecting.detail import inspection_detail
from mzdesk.services.inspecting.finish import ItemCorrection, amend_inspection, finish_inspection
from mzdesk.services.inspecting.flow import answer_item
from mzdesk.services.inspecting.listing import inspection_rows
from mzdesk.services.inspecting.schedules import ScheduleData, list_schedules, save_schedule
from mzdesk.services.institutions import list_institutions
from mzdesk.stats.schedules import scheduled_checks
from tests.helpers.actors import SETUP
from tests.services.inspecting.conftest import answer_all, signatures, start, template_for
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import institution_id

DAY = dt.date(2026, 11, 30)


def test_schedule_signed_inspection_and_amendment_reach_every_replica(server, tmp_path):
    server.institution("阳光养老院", region="370212")
    a = new_client(tmp_path, server, server.code(institution="阳光养老院"), "前台电脑")
    sync(a)
    home_id = institution_id(a)
    home = next(i for i in list_institutions(a) if i.id == home_id)
    patrol = template_for(home)
    schedule = save_schedule(
        a,
        SETUP,
        ScheduleData(
            home_id,
            "每日防火巡查",
            ScheduleFrequency.DAILY,
            patrol.id,
            InspectionType.SELF_DAILY,
            DAY - dt.timedelta(days=1),
        ),
    )
    inspection = start(a, home, on=DAY, schedule_id=schedule)
    answer_all(a, home, inspection, fail=1)
    finish_inspection(a, SETUP, inspection, signatures("刘志强", "王建国"))
    first = patrol.items[0]
    amend_inspection(
        a, SETUP, inspection, [ItemCorrection(first.id, ItemResult.PASS, "复核合格")], "误判"
    )
    sync(a)

    b = new_client(tmp_path, server, server.code(institution="阳光养老院"), "护理站电脑")
    bureau = new_client(tmp_path, server, server.code(region="370212"), "区民政局笔记本")
    for replica in (b, bureau):
        sync(replica)
        (there,) = list_schedules(replica, home_id)
        assert (there.id, there.name, there.frequency) == (
            schedule,
            "每日防火巡查",
            ScheduleFrequency.DAILY,
        )
        (check,) = scheduled_checks(replica, home_id, DAY)
        assert not check.due and check.missed == (DAY - dt.timedelta(days=1),)
        detail = inspection_detail(replica, inspection)
        assert detail.locked and detail.amended
        assert sorted(s.name for s in detail.signatures) == ["刘志强", "张院长", "王建国"]
        assert detail.current(first.id) == (ItemResult.PASS, "复核合格")
        assert detail.answers[first.id].result is ItemResult.FAIL  # the original, kept
        (row,) = inspection_rows(replica, home_id)
        assert (row.state, row.failed) == (InspectionState.AMENDED, 0)
    with pytest.raises(StateError):  # locked on every replica
        answer_item(b, SETUP, inspection, first.id, ItemResult.FAIL)
