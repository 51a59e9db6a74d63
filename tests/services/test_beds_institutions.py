import datetime as dt

import pytest
from sqlalchemy import select

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.vocab import BedStatus, BedType, InstitutionKind
from mzdesk.services.beds import (
    NewBeds,
    add_beds,
    change_bed_type,
    list_beds,
    return_bed_to_service,
    room_range,
    take_bed_out_of_service,
)
from mzdesk.services.institutions import (
    InstitutionData,
    create_institution,
    list_institutions,
    update_institution,
)
from mzdesk.store.models import BedHistory
from tests.helpers.actors import SETUP

D = dt.date


def test_room_range_keeps_leading_zeros():
    assert room_range("201", "205") == ["201", "202", "203", "204", "205"]
    assert room_range("08", "11") == ["08", "09", "10", "11"]
    with pytest.raises(ValidationError):
        room_range("220", "201")


def test_bulk_beds_as_staff_describe_them(store, home):
    # 3号楼 2层 201–220, 2 beds each, 护理型
    beds = add_beds(
        store,
        SETUP,
        NewBeds(
            home.id, "3号楼", "2层", room_range("201", "220"), 2, BedType.NURSING, D(2026, 1, 1)
        ),
    )
    assert len(beds) == 40
    assert beds[0].label == "3号楼 2层 201-1"
    assert {b.bed_type for b in beds} == {BedType.NURSING}
    assert {b.status for b in beds} == {BedStatus.FREE}
    with pytest.raises(ValidationError, match="已存在"):
        add_beds(
            store,
            SETUP,
            NewBeds(home.id, "3号楼", "2层", ["220"], 1, BedType.NURSING, D(2026, 1, 1)),
        )
    assert len(list_beds(store, home.id)) == 40  # nothing half-written


def test_beds_per_room_is_bounded(store, home):
    with pytest.raises(ValidationError) as error:
        add_beds(
            store, SETUP, NewBeds(home.id, "", "1层", ["101"], 0, BedType.NURSING, D(2026, 1, 1))
        )
    assert error.value.fields() == {"building", "beds_per_room"}


def test_service_status_and_type_changes_keep_history(store, home):
    (bed,) = add_beds(
        store, SETUP, NewBeds(home.id, "1号楼", "1层", ["101"], 1, BedType.SELF_CARE, D(2026, 1, 1))
    )
    take_bed_out_of_service(store, SETUP, bed.id, D(2026, 2, 1), "漏水维修")
    with pytest.raises(StateError):
        take_bed_out_of_service(store, SETUP, bed.id, D(2026, 2, 2))
    return_bed_to_service(store, SETUP, bed.id, D(2026, 3, 1))
    change_bed_type(store, SETUP, bed.id, BedType.DEMENTIA, D(2026, 4, 1))
    with store.read() as s:
        history = s.scalars(select(BedHistory).order_by(BedHistory.effective_on)).all()
        assert [(h.effective_on, h.bed_type, h.in_service) for h in history] == [
            (D(2026, 1, 1), BedType.SELF_CARE, True),
            (D(2026, 2, 1), BedType.SELF_CARE, False),
            (D(2026, 3, 1), BedType.SELF_CARE, True),
            (D(2026, 4, 1), BedType.DEMENTIA, True),
        ]


def test_institution_validation_names_fields(store):
    with pytest.raises(ValidationError) as error:
        create_institution(
            store,
            SETUP,
            InstitutionData(
                name="",
                kind=InstitutionKind.NURSING_HOME,
                uscc="91110000600037341M",
                region_code="1234",
            ),
        )
    assert error.value.fields() == {"name", "uscc", "region_code"}


def test_institution_names_are_unique(store, home):
    with pytest.raises(ValidationError, match="同名"):
        create_institution(
            store, SETUP, InstitutionData(name="幸福养老院", kind=InstitutionKind.NURSING_HOME)
        )
    other = create_institution(
        store, SETUP, InstitutionData(name="康乐园", kind=InstitutionKind.NURSING_HOME)
    )
    with pytest.raises(ValidationError):
        update_institution(
            store,
            SETUP,
            other.id,
            InstitutionData(name="幸福养老院", kind=InstitutionKind.NURSING_HOME),
        )
    assert [i.name for i in list_institutions(store)] == sorted(["幸福养老院", "康乐园"])
