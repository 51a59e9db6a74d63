import datetime as dt

import pytest
from sqlalchemy import select

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.vocab import (
    BedStatus,
    BedType,
    ChildCategory,
    ChildStage,
    DischargeReason,
    Gender,
    Relationship,
    ResidentKind,
    ResidentStatus,
)
from mzdesk.services.beds import NewBeds, add_beds, list_beds, take_bed_out_of_service
from mzdesk.services.residents import (
    ContactData,
    ResidentData,
    get_resident,
    list_contacts,
    update_resident,
)
from mzdesk.services.stays import (
    Admission,
    admit_resident,
    discharge_resident,
    end_leave,
    start_leave,
    transfer_bed,
)
from mzdesk.store.models import BedStay, Leave, Resident
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number, wrong_check

D = dt.date


@pytest.fixture
def beds(store, home):
    return add_beds(
        store,
        SETUP,
        NewBeds(home.id, "1号楼", "2层", ["201", "202"], 2, BedType.NURSING, D(2024, 1, 1)),
    )


def person(**overrides):
    values = {"name": "张三丰", "id_number": id_number(D(1940, 5, 1), male=True)}
    values.update(overrides)
    return ResidentData(**values)


def bed_status(store, home, bed_id):
    return next(b.status for b in list_beds(store, home.id) if b.id == bed_id)


def test_admission_derives_gender_and_birth_date_and_occupies_the_bed(store, home, beds):
    contact = ContactData("张小明", Relationship.SON, "13800138000", is_guardian=True)
    resident = admit_resident(
        store, SETUP, Admission(home.id, person(contacts=(contact,)), D(2025, 3, 1), beds[0].id)
    )
    assert resident.gender is Gender.MALE
    assert resident.birth_date == D(1940, 5, 1)
    assert resident.kind is ResidentKind.ELDERLY
    assert resident.status is ResidentStatus.IN_HOUSE
    assert bed_status(store, home, beds[0].id) is BedStatus.OCCUPIED
    assert list_contacts(store, resident.id) == [contact]
    with store.read() as s:
        assert s.get(Resident, resident.id).name_initials.split()[0] == "zsf"


def test_every_bad_field_is_reported_at_once(store, home, beds):
    data = ResidentData(
        name="  ",
        id_number=wrong_check(id_number()),
        phone="call me",
        contacts=(ContactData("", None, "x"),),
    )
    with pytest.raises(ValidationError) as error:
        admit_resident(store, SETUP, Admission(home.id, data, D(2025, 3, 1), beds[0].id))
    assert error.value.fields() == {
        "name",
        "id_number",
        "phone",
        "contacts.0.name",
        "contacts.0.phone",
    }
    assert bed_status(store, home, beds[0].id) is BedStatus.FREE


def test_typed_gender_or_birth_date_that_disagrees_with_the_id_number(store, home, beds):
    data = person(gender=Gender.FEMALE, birth_date=D(1941, 5, 1))
    with pytest.raises(ValidationError) as error:
        admit_resident(store, SETUP, Admission(home.id, data, D(2025, 3, 1), beds[0].id))
    messages = {p.field: p.message for p in error.value.problems}
    assert messages["gender"] == "性别「女」与身份证号（男）不符"
    assert "1940-05-01" in messages["birth_date"]


def test_an_occupied_or_out_of_service_bed_is_refused(store, home, beds):
    admit_resident(store, SETUP, Admission(home.id, person(), D(2025, 3, 1), beds[0].id))
    with pytest.raises(ValidationError) as error:
        admit_resident(
            store,
            SETUP,
            Admission(
                home.id, person(name="李四", id_number=id_number()), D(2025, 3, 1), beds[0].id
            ),
        )
    assert error.value.problems[0].field == "bed_id"
    assert "在住" in error.value.problems[0].message
    take_bed_out_of_service(store, SETUP, beds[1].id, D(2025, 3, 2), "维修")
    with pytest.raises(ValidationError, match="停用"):
        admit_resident(
            store,
            SETUP,
            Admission(
                home.id, person(name="王五", id_number=id_number()), D(2025, 3, 3), beds[1].id
            ),
        )


def test_the_same_person_cannot_live_here_twice(store, home, beds):
    data = person()
    admit_resident(store, SETUP, Admission(home.id, data, D(2025, 3, 1), beds[0].id))
    with pytest.raises(ValidationError) as error:
        admit_resident(store, SETUP, Admission(home.id, data, D(2025, 3, 1), beds[1].id))
    assert error.value.problems[0].field == "id_number"


def test_transfer_leave_return_discharge(store, home, beds):
    resident = admit_resident(store, SETUP, Admission(home.id, person(), D(2025, 3, 1), beds[0].id))
    resident = transfer_bed(store, SETUP, resident.id, beds[3].id, D(2025, 4, 1))
    assert resident.bed_id == beds[3].id
    assert bed_status(store, home, beds[0].id) is BedStatus.FREE
    assert bed_status(store, home, beds[3].id) is BedStatus.OCCUPIED

    resident = start_leave(
        store, SETUP, resident.id, D(2025, 5, 1), reason="回家过节", expected_return=D(2025, 5, 5)
    )
    assert resident.status is ResidentStatus.ON_LEAVE
    assert bed_status(store, home, beds[3].id) is BedStatus.OCCUPIED  # the bed is kept
    with pytest.raises(StateError):
        start_leave(store, SETUP, resident.id, D(2025, 5, 2))
    resident = end_leave(store, SETUP, resident.id, D(2025, 5, 4))
    assert resident.status is ResidentStatus.IN_HOUSE

    resident = discharge_resident(
        store, SETUP, resident.id, D(2025, 6, 30), DischargeReason.HOME, "随子女生活"
    )
    assert resident.status is ResidentStatus.DISCHARGED
    assert resident.bed_id is None
    assert bed_status(store, home, beds[3].id) is BedStatus.FREE
    # the file stays, with its history
    assert get_resident(store, resident.id).discharge_date == D(2025, 6, 30)
    with store.read() as s:
        stays = s.scalars(
            select(BedStay).where(BedStay.resident_id == resident.id).order_by(BedStay.start_date)
        ).all()
        assert [(x.start_date, x.end_date, x.end_reason) for x in stays] == [
            (D(2025, 3, 1), D(2025, 4, 1), "transfer"),
            (D(2025, 4, 1), D(2025, 6, 30), "discharge"),
        ]
        assert s.scalars(select(Leave)).one().return_date == D(2025, 5, 4)


def test_a_discharged_record_is_read_only(store, home, beds):
    resident = admit_resident(store, SETUP, Admission(home.id, person(), D(2025, 3, 1), beds[0].id))
    discharge_resident(store, SETUP, resident.id, D(2025, 4, 1), DischargeReason.DEATH)
    with pytest.raises(StateError, match="已退住"):
        update_resident(store, SETUP, resident.id, person(name="改名"))
    with pytest.raises(StateError):
        transfer_bed(store, SETUP, resident.id, beds[1].id, D(2025, 4, 2))


def test_discharge_while_on_leave_closes_the_leave(store, home, beds):
    resident = admit_resident(store, SETUP, Admission(home.id, person(), D(2025, 3, 1), beds[0].id))
    start_leave(store, SETUP, resident.id, D(2025, 4, 1))
    discharge_resident(store, SETUP, resident.id, D(2025, 4, 10), DischargeReason.HOSPITAL)
    with store.read() as s:
        assert s.scalars(select(Leave)).one().return_date == D(2025, 4, 10)


def test_dates_before_admission_are_refused(store, home, beds):
    resident = admit_resident(store, SETUP, Admission(home.id, person(), D(2025, 3, 1), beds[0].id))
    with pytest.raises(ValidationError) as error:
        discharge_resident(store, SETUP, resident.id, D(2025, 2, 1), DischargeReason.HOME)
    assert error.value.problems[0].field == "discharge_date"


def test_update_writes_only_what_changed(store, home, beds):
    resident = admit_resident(store, SETUP, Admission(home.id, person(), D(2025, 3, 1), beds[0].id))
    with store.read() as s:
        from mzdesk.store.models import OutboxEntry

        before = len(s.scalars(select(OutboxEntry)).all())
    original = person()
    update_resident(
        store,
        SETUP,
        resident.id,
        ResidentData(
            **{
                **original.__dict__,
                "id_number": get_resident(store, resident.id).id_number,
                "phone": "13912345678",
            }
        ),
    )
    with store.read() as s:
        from mzdesk.store.models import OutboxEntry

        new = s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()[before:]
    assert [(e.table_name, e.data) for e in new] == [("residents", {"phone": "13912345678"})]


def test_children_need_a_category_but_may_lack_an_id_number(store, children_home):
    beds = add_beds(
        store,
        SETUP,
        NewBeds(children_home.id, "儿童楼", "1层", ["101"], 2, BedType.SELF_CARE, D(2024, 1, 1)),
    )
    data = ResidentData(name="小花", gender=Gender.FEMALE, birth_date=D(2024, 6, 1))
    with pytest.raises(ValidationError) as error:
        admit_resident(store, SETUP, Admission(children_home.id, data, D(2025, 1, 1), beds[0].id))
    assert error.value.fields() == {"child_category"}
    data = ResidentData(
        **{
            **data.__dict__,
            "child_category": ChildCategory.ABANDONED_INFANT,
            "intake_documents": ("捡拾报案证明",),
        }
    )
    child = admit_resident(
        store, SETUP, Admission(children_home.id, data, D(2025, 1, 1), beds[0].id)
    )
    assert child.kind is ResidentKind.CHILD
    with store.read() as s:
        row = s.get(Resident, child.id)
        assert row.child_stage is ChildStage.INTAKE
        assert row.intake_documents == ["捡拾报案证明"]


def test_elderly_residents_need_an_id_number(store, home, beds):
    with pytest.raises(ValidationError) as error:
        admit_resident(
            store, SETUP, Admission(home.id, ResidentData(name="无名"), D(2025, 1, 1), beds[0].id)
        )
    assert error.value.fields() == {"id_number"}
