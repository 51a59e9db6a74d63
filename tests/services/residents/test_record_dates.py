"""Dates of a stay are checked against each other and against today, in the services (so the
app, the CLI and imports all meet them); each refusal names both dates with their labels."""

import datetime as dt

import pytest

from mzdesk.core.assessment import default_scheme
from mzdesk.core.errors import ValidationError
from mzdesk.core.vocab import AssessmentReason, BedType, DischargeReason
from mzdesk.services.assessments import AssessmentData, record_assessment
from mzdesk.services.beds import NewBeds, add_beds
from mzdesk.services.residents import ResidentData
from mzdesk.services.stays import (
    Admission,
    admit_resident,
    discharge_resident,
    end_leave,
    start_leave,
    transfer_bed,
)
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

D = dt.date
TODAY = dt.date.today()
ADMITTED = TODAY - dt.timedelta(days=40)
FULL = {item.id: item.max_score for item in default_scheme().items}


@pytest.fixture
def beds(store, home):
    return add_beds(
        store,
        SETUP,
        NewBeds(home.id, "1号楼", "2层", ["201"], 3, BedType.NURSING, D(2020, 1, 1)),
    )


@pytest.fixture
def resident(store, home, beds):
    data = ResidentData(name="张三丰", id_number=id_number(D(1940, 5, 1)))
    return admit_resident(store, SETUP, Admission(home.id, data, ADMITTED, beds[0].id))


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def test_an_admission_in_the_future_is_refused_naming_the_date(store, home, beds):
    later = TODAY + dt.timedelta(days=3)
    data = ResidentData(name="李四", id_number=id_number())
    text = refused(admit_resident, store, SETUP, Admission(home.id, data, later, beds[0].id))
    assert f"入住日期：{later.isoformat()}晚于今天" in text


def test_an_admission_before_birth_is_refused(store, home, beds):
    data = ResidentData(name="李四", id_number=id_number(D(1950, 1, 1)))
    text = refused(admit_resident, store, SETUP, Admission(home.id, data, D(1949, 1, 1)))
    assert "入住日期：1949-01-01 早于出生日期 1950-01-01" in text


def test_a_leave_before_admission_names_the_leave_and_the_admission_date(store, resident):
    early = ADMITTED - dt.timedelta(days=4)
    text = refused(start_leave, store, SETUP, resident.id, early)
    assert text == f"外出日期：{early.isoformat()} 早于入住日期 {ADMITTED.isoformat()}"


def test_a_leave_in_the_future_and_a_return_before_it_are_refused(store, resident):
    text = refused(start_leave, store, SETUP, resident.id, TODAY + dt.timedelta(days=1))
    assert "外出日期：" in text and "晚于今天" in text
    start = TODAY - dt.timedelta(days=5)
    start_leave(store, SETUP, resident.id, start)
    text = refused(end_leave, store, SETUP, resident.id, start - dt.timedelta(days=1))
    assert f"早于外出日期 {start.isoformat()}" in text
    assert "晚于今天" in refused(end_leave, store, SETUP, resident.id, TODAY + dt.timedelta(1))


def test_a_leave_may_not_start_before_the_last_one_ended(store, resident):
    start_leave(store, SETUP, resident.id, TODAY - dt.timedelta(days=10))
    end_leave(store, SETUP, resident.id, TODAY - dt.timedelta(days=5))
    text = refused(start_leave, store, SETUP, resident.id, TODAY - dt.timedelta(days=7))
    assert f"早于上次外出的返回日期 {(TODAY - dt.timedelta(days=5)).isoformat()}" in text


def test_an_assessment_before_admission_is_refused_naming_both_dates(store, resident):
    early = ADMITTED - dt.timedelta(days=1)
    data = AssessmentData(resident.id, early, AssessmentReason.FIRST, "王医生", FULL)
    text = refused(record_assessment, store, SETUP, data)
    assert f"评估日期：{early.isoformat()} 早于入住日期 {ADMITTED.isoformat()}" in text


def test_discharge_before_admission_or_before_a_leave_or_transfer_is_refused(store, resident, beds):
    early = ADMITTED - dt.timedelta(days=1)
    text = refused(discharge_resident, store, SETUP, resident.id, early, DischargeReason.HOME)
    assert f"退住日期：{early.isoformat()} 早于入住日期 {ADMITTED.isoformat()}" in text
    moved = TODAY - dt.timedelta(days=20)
    transfer_bed(store, SETUP, resident.id, beds[1].id, moved)
    day = moved - dt.timedelta(days=2)
    text = refused(discharge_resident, store, SETUP, resident.id, day, DischargeReason.HOME)
    assert f"早于换床日期 {moved.isoformat()}" in text
    left = TODAY - dt.timedelta(days=3)
    start_leave(store, SETUP, resident.id, left)
    day = left - dt.timedelta(days=1)
    text = refused(discharge_resident, store, SETUP, resident.id, day, DischargeReason.HOME)
    assert f"早于外出日期 {left.isoformat()}" in text
    text = refused(
        discharge_resident, store, SETUP, resident.id, TODAY + dt.timedelta(1), DischargeReason.HOME
    )
    assert "晚于今天" in text


def test_a_transfer_before_the_current_bed_or_in_the_future_is_refused(store, resident, beds):
    early = ADMITTED - dt.timedelta(days=1)
    text = refused(transfer_bed, store, SETUP, resident.id, beds[1].id, early)
    assert f"换床日期：{early.isoformat()} 早于入住日期 {ADMITTED.isoformat()}" in text
    text = refused(transfer_bed, store, SETUP, resident.id, beds[1].id, TODAY + dt.timedelta(1))
    assert "晚于今天" in text
