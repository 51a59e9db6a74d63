"""Corrections as amendments (the original kept), the list's states, and schedules due and
missed around dates."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.vocab import InspectionState, InspectionType, ItemResult, ScheduleFrequency
from mzdesk.services.inspecting.detail import inspection_detail
from mzdesk.services.inspecting.finish import ItemCorrection, amend_inspection, finish_inspection
from mzdesk.services.inspecting.listing import InspectionFilter, inspection_rows
from mzdesk.services.inspecting.schedules import (
    ScheduleData,
    list_schedules,
    remove_schedule,
    save_schedule,
)
from mzdesk.services.institutions import InstitutionView
from mzdesk.stats.schedules import scheduled_checks
from mzdesk.store.engine import Store
from mzdesk.store.models import InspectionResult
from tests.helpers.actors import SETUP
from tests.services.inspecting.conftest import DAY, answer_all, signatures, start, template_for


def finished(store: Store, home: InstitutionView, on: dt.date = DAY, fail: int = 1,
             schedule_id: uuid.UUID | None = None) -> uuid.UUID:  # fmt: skip
    inspection = start(store, home, on=on, schedule_id=schedule_id)
    answer_all(store, home, inspection, fail=fail)
    finish_inspection(store, SETUP, inspection, signatures("刘志强", "王建国"))
    return inspection


def test_an_amendment_keeps_the_original_and_says_what_changed(store: Store, home: InstitutionView):
    inspection = finished(store, home, fail=1)
    items = template_for(home).items
    with store.read() as session:
        before = {(r.item_id, r.result, r.note) for r in session.query(InspectionResult)}
    amendment = amend_inspection(
        store,
        SETUP,
        inspection,
        [
            ItemCorrection(items[0].id, ItemResult.PASS, "复核：灭火器在有效期内"),
            ItemCorrection(items[1].id, ItemResult.PASS, None),  # unchanged: not recorded
        ],
        "现场复核，原记录误判",
    )
    detail = inspection_detail(store, inspection)
    assert detail.amended and detail.locked
    (record,) = detail.amendments
    assert record.id == amendment and record.reason == "现场复核，原记录误判"
    assert record.amended_by == SETUP.name
    (change,) = record.changes
    assert (change.code, change.old, change.new) == (
        items[0].code,
        ItemResult.FAIL,
        ItemResult.PASS,
    )
    assert change.new_note == "复核：灭火器在有效期内"
    assert detail.current(items[0].id) == (ItemResult.PASS, "复核：灭火器在有效期内")
    assert detail.answers[items[0].id].result is ItemResult.FAIL  # the original as it was
    with store.read() as session:
        after = {(r.item_id, r.result, r.note) for r in session.query(InspectionResult)}
    assert after == before
    (row,) = inspection_rows(store, home.id)
    assert (row.state, row.failed) == (InspectionState.AMENDED, 0)


def test_an_amendment_needs_a_finished_inspection_a_reason_and_a_change(
    store: Store, home: InstitutionView
):
    items = template_for(home).items
    draft = start(store, home)
    with pytest.raises(StateError):
        amend_inspection(
            store, SETUP, draft, [ItemCorrection(items[0].id, ItemResult.FAIL, None)], "误"
        )
    inspection = finished(store, home, fail=0)
    with pytest.raises(ValidationError) as no_reason:
        amend_inspection(
            store, SETUP, inspection, [ItemCorrection(items[0].id, ItemResult.FAIL, None)], " "
        )
    assert "更正原因" in str(no_reason.value)
    with pytest.raises(ValidationError) as nothing:
        amend_inspection(
            store, SETUP, inspection, [ItemCorrection(items[0].id, ItemResult.PASS, None)], "复核"
        )
    assert "没有更改" in str(nothing.value)


def test_the_list_filters_by_state_type_and_dates(store: Store, home: InstitutionView):
    draft = start(store, home, on=DAY - dt.timedelta(days=1))
    done = finished(store, home, on=DAY, fail=2)
    rows = inspection_rows(store, home.id)
    assert [(r.id, r.state) for r in rows] == [
        (done, InspectionState.COMPLETED),
        (draft, InspectionState.DRAFT),
    ]
    assert rows[0].failed == 2 and rows[1].answered == 0
    assert [
        r.id for r in inspection_rows(store, home.id, InspectionFilter(InspectionState.DRAFT))
    ] == [draft]
    assert inspection_rows(store, home.id, InspectionFilter(InspectionState.AMENDED)) == []
    assert [r.id for r in inspection_rows(store, home.id, InspectionFilter(date_from=DAY))] == [
        done
    ]
    assert [
        r.id
        for r in inspection_rows(
            store, home.id, InspectionFilter(date_to=DAY - dt.timedelta(days=1))
        )
    ] == [draft]
    assert (
        inspection_rows(store, home.id, InspectionFilter(inspection_type=InspectionType.RANDOM))
        == []
    )


def schedule(store: Store, home: InstitutionView, frequency: ScheduleFrequency,
             starts_on: dt.date) -> uuid.UUID:  # fmt: skip
    return save_schedule(
        store,
        SETUP,
        ScheduleData(
            home.id,
            f"{frequency.label}防火巡查",
            frequency,
            template_for(home).id,
            InspectionType.SELF_DAILY,
            starts_on,
        ),
    )


def test_a_daily_schedule_is_due_until_done_and_days_without_one_are_missed(
    store: Store, home: InstitutionView
):
    daily = schedule(store, home, ScheduleFrequency.DAILY, DAY - dt.timedelta(days=3))
    (check,) = scheduled_checks(store, home.id, DAY)
    assert check.due and check.draft_id is None
    assert check.missed == tuple(DAY - dt.timedelta(days=n) for n in (1, 2, 3))
    finished(store, home, on=DAY - dt.timedelta(days=2), schedule_id=daily)
    draft = start(store, home, on=DAY, schedule_id=daily)
    (check,) = scheduled_checks(store, home.id, DAY)
    assert check.due and check.draft_id == draft  # a draft is not a finished check
    assert check.missed == (DAY - dt.timedelta(days=1), DAY - dt.timedelta(days=3))
    answer_all(store, home, draft)
    finish_inspection(store, SETUP, draft, signatures("刘志强", "王建国"))
    (check,) = scheduled_checks(store, home.id, DAY)
    assert not check.due
    # the next day it is due again, and nothing before its start is ever missed
    (tomorrow,) = scheduled_checks(store, home.id, DAY + dt.timedelta(days=1))
    assert tomorrow.due and tomorrow.missed == (
        DAY - dt.timedelta(days=1),
        DAY - dt.timedelta(days=3),
    )


def test_a_monthly_schedule_counts_an_inspection_started_by_hand(
    store: Store, home: InstitutionView
):
    schedule(store, home, ScheduleFrequency.MONTHLY, dt.date(2026, 9, 15))
    finished(store, home, on=dt.date(2026, 10, 31))  # same checklist and type, no schedule
    (check,) = scheduled_checks(store, home.id, dt.date(2026, 11, 20))
    assert check.due and check.missed == (dt.date(2026, 9, 1),)
    (december,) = scheduled_checks(store, home.id, dt.date(2026, 12, 1))
    assert december.missed == (dt.date(2026, 11, 1), dt.date(2026, 9, 1))


def test_weekly_periods_run_monday_to_sunday(store: Store, home: InstitutionView):
    schedule(store, home, ScheduleFrequency.WEEKLY, dt.date(2026, 11, 2))  # a Monday
    finished(store, home, on=dt.date(2026, 11, 15))  # Sunday of the second week
    (check,) = scheduled_checks(store, home.id, dt.date(2026, 11, 18))
    assert check.due and check.missed == (dt.date(2026, 11, 2),)


def test_schedules_are_listed_changed_and_removed(store: Store, home: InstitutionView):
    schedule_id = schedule(store, home, ScheduleFrequency.DAILY, DAY)
    (view,) = list_schedules(store, home.id)
    assert view.name == "每日防火巡查" and view.template_title == template_for(home).title
    save_schedule(
        store,
        SETUP,
        ScheduleData(home.id, "夜间防火巡查", view.frequency, view.template_id,
                     view.inspection_type, view.starts_on, active=False),
        schedule_id,
    )  # fmt: skip
    assert [(s.name, s.active) for s in list_schedules(store, home.id)] == [("夜间防火巡查", False)]
    assert scheduled_checks(store, home.id, DAY) == []  # paused
    remove_schedule(store, SETUP, schedule_id)
    assert list_schedules(store, home.id) == []
    with pytest.raises(ValidationError) as blank:
        save_schedule(
            store,
            SETUP,
            ScheduleData(home.id, " ", ScheduleFrequency.DAILY, view.template_id,
                         InspectionType.SELF_DAILY, DAY),
        )  # fmt: skip
    assert "计划名称" in str(blank.value)
