"""An administrator corrects a wrong admission, leave or discharge date: a reason is
required, the change is audited (old → new, reason) and synced, the figures follow, and a
date that would contradict others is refused with a message naming both."""

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from mzdesk.core.errors import ValidationError
from mzdesk.core.permissions import Actor, PermissionDenied
from mzdesk.core.vocab import AssessmentReason, BedType, DischargeReason
from mzdesk.services.assessments import AssessmentData, record_assessment
from mzdesk.services.beds import NewBeds, add_beds
from mzdesk.services.corrections import (
    correct_admission_date,
    correct_discharge_date,
    correct_leave,
)
from mzdesk.services.history import audit_trail
from mzdesk.services.residents import ResidentData, get_resident
from mzdesk.services.stays import (
    Admission,
    admit_resident,
    discharge_resident,
    end_leave,
    start_leave,
)
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.beds.figures import bed_statistics
from mzdesk.store.models import BedStay, Leave, OutboxEntry
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number
from tests.services.residents.test_record_dates import FULL

D = dt.date
TODAY = dt.date.today()
ADMITTED = TODAY - dt.timedelta(days=40)


@pytest.fixture
def beds(store, home):
    return add_beds(
        store, SETUP, NewBeds(home.id, "1号楼", "2层", ["201"], 2, BedType.NURSING, D(2020, 1, 1))
    )


def admit(store, home, bed, name="张三丰", on=ADMITTED):
    data = ResidentData(name=name, id_number=id_number(D(1940, 5, 1)))
    return admit_resident(store, SETUP, Admission(home.id, data, on, bed.id))


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def occupied(store, home, day):
    return bed_statistics(store, Scope(institution_id=home.id, as_of=day)).occupied_beds


def test_an_earlier_admission_date_moves_the_stay_and_the_figures_follow(store, home, beds):
    resident = admit(store, home, beds[0])
    earlier = ADMITTED - dt.timedelta(days=10)
    between = ADMITTED - dt.timedelta(days=5)
    assert occupied(store, home, between) == 0  # computed (and kept as a snapshot) before
    correct_admission_date(store, SETUP, resident.id, earlier, "合同上的入住日期")
    assert get_resident(store, resident.id).admission_date == earlier
    with store.read() as s:
        stay = s.scalars(select(BedStay).where(BedStay.resident_id == resident.id)).one()
        assert stay.start_date == earlier
        synced = s.scalars(select(OutboxEntry).where(OutboxEntry.row_id == stay.id)).all()
        assert len(synced) >= 2  # the admission and the correction go to the server
    assert occupied(store, home, between) == 1
    entry = audit_trail(store, related_to=resident.id)[0]
    fields = {f.field: (f.old_text, f.new_text) for f in entry.fields}
    assert entry.action == "correct" and entry.action_label == "更正"
    assert fields["correction_reason"] == ("", "合同上的入住日期")
    changed = [e for e in audit_trail(store, related_to=resident.id) if e.action == "correct"]
    values = {f.field: (f.old, f.new) for e in changed for f in e.fields}
    assert values["admission_date"] == (ADMITTED.isoformat(), earlier.isoformat())
    assert values["start_date"] == (ADMITTED.isoformat(), earlier.isoformat())


def test_a_reason_is_required_and_only_an_administrator_may_correct(store, home, beds):
    resident = admit(store, home, beds[0])
    text = refused(correct_admission_date, store, SETUP, resident.id, ADMITTED, " ")
    assert "更正原因：必填" in text
    staff = Actor(uuid.uuid4(), home.id, "staff", "业务员")
    with pytest.raises(PermissionDenied):
        correct_admission_date(store, staff, resident.id, ADMITTED - dt.timedelta(1), "录错")


def test_an_admission_date_that_contradicts_other_dates_is_refused(store, home, beds):
    resident = admit(store, home, beds[0])
    assessed = ADMITTED + dt.timedelta(days=2)
    record_assessment(
        store, SETUP, AssessmentData(resident.id, assessed, AssessmentReason.FIRST, "王", FULL)
    )
    later = ADMITTED + dt.timedelta(days=3)
    text = refused(correct_admission_date, store, SETUP, resident.id, later, "录错")
    assert f"入住日期：{later.isoformat()} 晚于评估日期 {assessed.isoformat()}" in text
    future = TODAY + dt.timedelta(days=1)
    assert "晚于今天" in refused(correct_admission_date, store, SETUP, resident.id, future, "x")


def test_an_earlier_admission_may_not_overlap_the_beds_previous_stay(store, home, beds):
    before = admit(store, home, beds[0], "李四", ADMITTED - dt.timedelta(days=30))
    left = ADMITTED - dt.timedelta(days=10)
    discharge_resident(store, SETUP, before.id, left, DischargeReason.HOME)
    resident = admit(store, home, beds[0])
    text = refused(
        correct_admission_date, store, SETUP, resident.id, left - dt.timedelta(days=1), "录错"
    )
    assert "李四" in text and left.isoformat() in text
    correct_admission_date(store, SETUP, resident.id, left, "录错")  # the day the bed was freed


def test_a_leave_is_corrected_within_the_stay_and_not_over_another(store, home, beds):
    resident = admit(store, home, beds[0])
    start_leave(store, SETUP, resident.id, ADMITTED + dt.timedelta(days=5))
    end_leave(store, SETUP, resident.id, ADMITTED + dt.timedelta(days=8))
    start_leave(store, SETUP, resident.id, ADMITTED + dt.timedelta(days=20))
    end_leave(store, SETUP, resident.id, ADMITTED + dt.timedelta(days=22))
    with store.read() as s:
        first, second = s.scalars(select(Leave).order_by(Leave.start_date)).all()
        first_id, second_id = first.id, second.id
    early = ADMITTED - dt.timedelta(days=1)
    text = refused(correct_leave, store, SETUP, first_id, early, first.return_date, "录错")
    assert f"外出日期：{early.isoformat()} 早于入住日期 {ADMITTED.isoformat()}" in text
    back = ADMITTED + dt.timedelta(days=3)
    text = refused(correct_leave, store, SETUP, first_id, first.start_date, back, "录错")
    assert f"返回日期：{back.isoformat()} 早于外出日期" in text
    overlap = ADMITTED + dt.timedelta(days=21)
    text = refused(correct_leave, store, SETUP, first_id, first.start_date, overlap, "录错")
    assert "与另一次外出" in text and second.start_date.isoformat() in text
    fixed = ADMITTED + dt.timedelta(days=9)
    correct_leave(store, SETUP, first_id, first.start_date, fixed, "家属晚送回一天")
    with store.read() as s:
        assert s.get(Leave, first_id).return_date == fixed
        assert s.get(Leave, second_id).return_date == second.return_date


def test_a_discharge_date_moves_the_end_of_the_stay_and_the_figures_follow(store, home, beds):
    resident = admit(store, home, beds[0])
    left = TODAY - dt.timedelta(days=5)
    discharge_resident(store, SETUP, resident.id, left, DischargeReason.HOME)
    day = TODAY - dt.timedelta(days=3)
    assert occupied(store, home, day) == 0
    correct_discharge_date(store, SETUP, resident.id, TODAY - dt.timedelta(days=2), "录早了")
    assert get_resident(store, resident.id).discharge_date == TODAY - dt.timedelta(days=2)
    assert occupied(store, home, day) == 1
    early = ADMITTED - dt.timedelta(days=1)
    text = refused(correct_discharge_date, store, SETUP, resident.id, early, "录错")
    assert f"退住日期：{early.isoformat()} 早于入住日期 {ADMITTED.isoformat()}" in text


def test_a_later_discharge_may_not_overlap_the_next_stay_in_the_bed(store, home, beds):
    resident = admit(store, home, beds[0])
    left = TODAY - dt.timedelta(days=10)
    discharge_resident(store, SETUP, resident.id, left, DischargeReason.HOME)
    admit(store, home, beds[0], "王五", TODAY - dt.timedelta(days=8))
    text = refused(
        correct_discharge_date, store, SETUP, resident.id, TODAY - dt.timedelta(days=7), "录错"
    )
    assert "王五" in text
