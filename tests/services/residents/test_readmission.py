"""Re-admitting a discharged person reuses their record (a new stay; history keeps both);
admitting someone who lives here already is refused naming where they are."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.vocab import BedStatus, BedType, DischargeReason, ResidentStatus
from mzdesk.services.beds import NewBeds, add_beds, list_beds
from mzdesk.services.readmission import discharged_with_id, readmit_resident
from mzdesk.services.residents import ResidentData, get_resident
from mzdesk.services.stays import Admission, admit_resident, discharge_resident
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.beds.figures import bed_statistics
from mzdesk.store.models import BedStay, Resident
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

TODAY = dt.date.today()
FIRST = TODAY - dt.timedelta(days=60)
LEFT = TODAY - dt.timedelta(days=30)
BACK = TODAY - dt.timedelta(days=10)


@pytest.fixture
def beds(store, home):
    return add_beds(
        store,
        SETUP,
        NewBeds(home.id, "1号楼", "2层", ["201"], 2, BedType.NURSING, dt.date(2020, 1, 1)),
    )


@pytest.fixture
def number():
    return id_number(dt.date(1941, 2, 3))


@pytest.fixture
def discharged(store, home, beds, number):
    data = ResidentData(name="赵六", id_number=number, phone="13800138000")
    resident = admit_resident(store, SETUP, Admission(home.id, data, FIRST, beds[0].id))
    discharge_resident(store, SETUP, resident.id, LEFT, DischargeReason.HOME)
    return resident


def test_a_second_admission_of_a_discharged_person_is_refused_not_hidden(
    store, home, beds, discharged, number
):
    data = ResidentData(name="赵六", id_number=number)
    with pytest.raises(StateError, match=f"已于 {LEFT.isoformat()} 退住.*再次入住"):
        admit_resident(store, SETUP, Admission(home.id, data, BACK, beds[1].id))
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) == 1


def test_readmission_gives_the_same_record_a_new_stay(store, home, beds, discharged, number):
    found = discharged_with_id(store, home.id, number.lower())
    assert found is not None and found.id == discharged.id
    data = ResidentData(name="赵六", id_number=number, phone="13900139000")
    again = readmit_resident(store, SETUP, discharged.id, BACK, beds[1].id, data)
    assert again.id == discharged.id
    now = get_resident(store, discharged.id)
    assert now.status is ResidentStatus.IN_HOUSE and now.bed_id == beds[1].id
    assert now.admission_date == BACK and now.discharge_date is None
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) == 1
        assert s.get(Resident, discharged.id).phone == "13900139000"
        stays = s.execute(
            select(BedStay.start_date, BedStay.end_date).order_by(BedStay.start_date)
        ).all()
    assert [tuple(r) for r in stays] == [(FIRST, LEFT), (BACK, None)]  # both stays kept
    assert {b.id: b.status for b in list_beds(store, home.id)}[beds[1].id] is BedStatus.OCCUPIED
    between = LEFT + dt.timedelta(days=5)
    assert bed_statistics(store, Scope(institution_id=home.id, as_of=between)).occupied_beds == 0
    assert bed_statistics(store, Scope(institution_id=home.id, as_of=TODAY)).occupied_beds == 1


def test_readmission_before_the_discharge_or_of_someone_in_residence_is_refused(
    store, home, beds, discharged, number
):
    early = LEFT - dt.timedelta(days=1)
    with pytest.raises(ValidationError, match=f"早于上次退住日期 {LEFT.isoformat()}"):
        readmit_resident(store, SETUP, discharged.id, early, beds[1].id)
    readmit_resident(store, SETUP, discharged.id, BACK, beds[1].id)
    with pytest.raises(StateError, match="没有退住"):
        readmit_resident(store, SETUP, discharged.id, BACK, beds[0].id)
    data = ResidentData(name="赵六", id_number=number)
    with pytest.raises(ValidationError, match=r"已在本机构在住（在住，床位 1号楼"):
        admit_resident(store, SETUP, Admission(home.id, data, TODAY, beds[0].id))


def test_the_record_tells_both_stays_in_order(store, home, beds, discharged):
    from mzdesk.services.resident_record import EventKind, resident_record
    from mzdesk.services.stays import start_leave, transfer_bed

    readmit_resident(store, SETUP, discharged.id, BACK, beds[1].id)
    start_leave(store, SETUP, discharged.id, BACK + dt.timedelta(days=2))
    transfer_bed(store, SETUP, discharged.id, beds[0].id, BACK + dt.timedelta(days=1))
    record = resident_record(store, discharged.id)
    assert [(e.on, e.kind) for e in record.events] == [
        (FIRST, EventKind.ADMISSION),
        (LEFT, EventKind.DISCHARGE),
        (BACK, EventKind.ADMISSION),
        (BACK + dt.timedelta(days=1), EventKind.TRANSFER),
        (BACK + dt.timedelta(days=2), EventKind.LEAVE),
    ]
    assert record.events[0].bed and record.events[0].bed.endswith("201-1")
    assert record.events[3].bed and record.events[3].bed.endswith("201-1")
    assert record.events[4].end is None
    assert record.history and record.history[0].record_label == "赵六"


def test_the_first_stay_still_counts_on_its_days_after_a_readmission(
    store, home, beds, discharged, number
):
    """Seen (the record work's note): residents as of a past day were counted from the
    record's admission and discharge dates, which a re-admission resets — the person's first
    stay vanished from the figures of its own days."""
    data = ResidentData(name="赵六", id_number=number)
    readmit_resident(store, SETUP, discharged.id, BACK, beds[1].id, data)

    def residents_on(day: dt.date) -> int:
        figures = bed_statistics(store, Scope(institution_id=home.id, as_of=day))
        return sum(figures.residents_by_support_type.values())

    assert residents_on(FIRST + dt.timedelta(days=1)) == 1  # the first stay
    assert residents_on(LEFT + dt.timedelta(days=5)) == 0  # away between the stays
    assert residents_on(TODAY) == 1  # the second
