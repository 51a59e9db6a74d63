"""The audit trail: who changed which field from what to what, in the same transaction."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from mzdesk.core.permissions import Actor, PermissionDenied
from mzdesk.core.vocab import BedType, DischargeReason, Relationship
from mzdesk.services.beds import NewBeds, add_beds
from mzdesk.services.history import audit_trail, reveal_id_numbers
from mzdesk.services.residents import (
    ContactData,
    ResidentData,
    update_resident,
)
from mzdesk.services.stays import (
    Admission,
    admit_resident,
    discharge_resident,
    start_leave,
)
from mzdesk.store.engine import collect_changes
from mzdesk.store.models import AuditEntry, Building, Leave, OutboxEntry, Resident
from tests.helpers.people import id_number

D = dt.date


@pytest.fixture
def staff(home):
    return Actor(uuid.uuid4(), home.id, "staff", "李护士长")


def admit(store, actor, home, name="张三丰"):
    data = ResidentData(name=name, id_number=id_number(D(1940, 5, 1)))
    return admit_resident(store, actor, Admission(home.id, data, D(2025, 3, 1)))


def test_create_update_and_tombstone_are_audited_with_old_and_new_values(store, home, staff):
    resident = admit(store, staff, home)
    update_resident(
        store, staff, resident.id, ResidentData(name="张三峰", id_number=resident.id_number)
    )
    discharge_resident(store, staff, resident.id, D(2025, 6, 1), DischargeReason.DEATH)

    history = audit_trail(store, record_id=resident.id)
    assert [e.action for e in history] == ["update", "update", "create"]
    assert {e.user_name for e in history} == {"李护士长"}
    assert {e.user_id for e in history} == {staff.user_id}
    created = history[-1]
    assert created.table_label == "住户" and created.record_label == "张三峰"
    fields = {f.field: f for f in created.fields}
    assert fields["name"].old is None and fields["name"].new == "张三丰"
    renamed = {f.field: f for f in history[1].fields}
    assert (renamed["name"].old, renamed["name"].new) == ("张三丰", "张三峰")
    assert renamed["name"].label == "姓名"
    assert "name_initials" not in renamed  # 丰 and 峰 share their initial: not a change
    discharged = {f.field: f for f in history[0].fields}
    assert discharged["status"].old_text == "在住" and discharged["status"].new_text == "退住"
    assert discharged["discharge_date"].new == "2025-06-01"


def test_a_residents_history_can_include_the_rows_that_belong_to_them(store, home, staff):
    resident = admit(store, staff, home)
    other = admit(store, staff, home, name="李四")
    with_contact = ResidentData(
        name=resident.name,
        id_number=resident.id_number,
        contacts=(ContactData("张小明", Relationship.SON, "13800000000"),),
    )
    update_resident(store, staff, resident.id, with_contact)

    own = audit_trail(store, record_id=resident.id)
    related = audit_trail(store, related_to=resident.id)
    assert {e.table for e in own} == {"residents"}
    tables = {e.table for e in related}
    assert tables == {"residents", "resident_contacts"}
    assert {e.row_id for e in own} < {e.row_id for e in related}
    assert other.id not in {e.row_id for e in related}
    contact = next(e for e in related if e.table == "resident_contacts")
    assert contact.record_label == "张小明"
    assert [e.seq for e in related] == sorted((e.seq for e in related), reverse=True)


def test_a_record_without_a_name_of_its_own_is_named_by_its_resident(store, home, staff):
    resident = admit(store, staff, home)
    start_leave(store, staff, resident.id, D(2025, 4, 1), reason="探亲")
    with store.read() as session:
        leave = session.scalars(select(Leave).where(Leave.resident_id == resident.id)).one()
    history = audit_trail(store, record_id=leave.id)
    assert history and {e.record_label for e in history} == {"张三丰"}
    assert history[0].action_label == "新建"


def test_a_tombstone_is_audited_as_a_delete(store, home):
    resident = admit(store, Actor.setup(), home)
    with store.write(Actor.setup()) as session:
        session.get(Resident, resident.id).deleted_at = dt.datetime(2025, 1, 1)
    assert audit_trail(store, record_id=resident.id)[0].action == "delete"


def test_revealing_a_full_id_number_is_audited_and_needs_the_permission(store, home, staff):
    resident = admit(store, staff, home)
    shown = reveal_id_numbers(store, staff, [resident.id])
    assert shown == {resident.id: resident.id_number}
    reveal = audit_trail(store, record_id=resident.id)[0]
    assert reveal.action == "reveal" and reveal.user_name == "李护士长"
    assert reveal.fields[0].field == "id_number" and reveal.fields[0].new is None
    inspector = Actor(uuid.uuid4(), home.id, "inspector", "检查员")
    with pytest.raises(PermissionDenied):
        reveal_id_numbers(store, inspector, [resident.id])


def test_a_refused_change_leaves_no_audit_and_no_outbox(store, home, staff):
    other = Actor(uuid.uuid4(), uuid.uuid4(), "admin", "别家院长")
    with pytest.raises(PermissionDenied, match="只能修改本机构"):
        add_beds(
            store,
            other,
            NewBeds(home.id, "1号楼", "1层", ["101"], 1, BedType.NURSING, D(2025, 1, 1)),
        )
    with store.read() as session:
        tables = set(session.scalars(select(AuditEntry.table_name)))
        tables |= set(session.scalars(select(OutboxEntry.table_name)))
    assert tables == {"institutions"}  # only the fixture's institution


def test_bulk_inserts_are_audited_and_the_outbox_names_the_author(store, home, staff):
    admin = Actor(uuid.uuid4(), home.id, "admin", "王院长")
    beds = add_beds(
        store,
        admin,
        NewBeds(home.id, "1号楼", "1层", ["101", "102"], 2, BedType.NURSING, D(2025, 1, 1)),
    )
    assert audit_trail(store, record_id=beds[0].id)[0].action == "create"
    with store.read() as session:
        authors = set(
            session.scalars(
                select(OutboxEntry.author_id).where(OutboxEntry.table_name != "institutions")
            )
        )
    assert authors == {admin.user_id}


def test_a_change_reports_what_it_changed(store, home, staff):
    with collect_changes() as collected:
        resident = admit(store, staff, home)
    changes = collected.changes
    assert resident.id in changes.rows["residents"]
    assert "beds" not in changes.tables
    with collect_changes() as collected:
        update_resident(
            store, staff, resident.id, ResidentData(name="张三丰", id_number=resident.id_number)
        )
    assert not collected.changes  # nothing differed: nothing changed, nothing to refresh


def test_writing_synced_rows_without_an_actor_is_refused(store, home):
    from mzdesk.store.audit import WriteWithoutActor

    with pytest.raises(TypeError), store.write(None):  # type: ignore[arg-type]
        pass
    with pytest.raises(WriteWithoutActor), store.read() as session:
        session.add(Building(institution_id=home.id, name="3号楼"))
        session.flush()
