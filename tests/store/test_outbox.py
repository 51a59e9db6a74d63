"""Every change to a synced row writes its outbox entry in the same transaction."""

import datetime as dt

import pytest
from sqlalchemy import select

from mzdesk.core.vocab import BedType, InstitutionKind
from mzdesk.services.beds import NewBeds, add_beds, room_range
from mzdesk.store.models import Institution, OutboxEntry
from mzdesk.store.outbox import HardDeleteError, pending_count
from tests.helpers.actors import SETUP


def entries(store, table=None):
    with store.read() as s:
        query = select(OutboxEntry).order_by(OutboxEntry.seq)
        if table:
            query = query.where(OutboxEntry.table_name == table)
        return list(s.scalars(query))


def test_insert_records_every_field(store, home):
    (entry,) = entries(store, "institutions")
    assert entry.op == "insert"
    assert entry.row_id == home.id
    assert entry.institution_id == home.id
    assert entry.data["name"] == "幸福养老院"
    assert entry.data["kind"] == "nursing_home"
    assert entry.data["grade"] == "unrated"  # a Python-side default is captured too
    assert "server_rev" not in entry.data
    assert entry.state == "pending"


def test_update_records_only_the_changed_fields(store, home):
    with store.write(SETUP) as s:
        row = s.get(Institution, home.id)
        row.phone = "0532-1234567"
        row.name = row.name  # unchanged: must not travel
    last = entries(store, "institutions")[-1]
    assert last.op == "update"
    assert last.data == {"phone": "0532-1234567"}


def test_tombstone_is_a_delete_entry_and_hard_delete_is_refused(store, home):
    with store.write(SETUP) as s:
        s.get(Institution, home.id).deleted_at = dt.datetime(2026, 1, 1)
    assert entries(store, "institutions")[-1].op == "delete"
    with pytest.raises(HardDeleteError), store.write(SETUP) as s:
        s.delete(s.get(Institution, home.id))
    with store.read() as s:
        assert s.get(Institution, home.id) is not None


def test_a_failed_transaction_leaves_neither_change_nor_entry(store, home):
    before = len(entries(store))
    with pytest.raises(RuntimeError), store.write(SETUP) as s:
        s.add(Institution(name="半截", kind=InstitutionKind.NURSING_HOME, institution_id=home.id))
        s.flush()
        raise RuntimeError("power cut")
    assert len(entries(store)) == before
    with store.read() as s:
        assert s.scalars(select(Institution).where(Institution.name == "半截")).first() is None


def test_bulk_inserts_write_entries_too(store, home):
    add_beds(
        store,
        SETUP,
        NewBeds(
            home.id,
            "1号楼",
            "1层",
            room_range("101", "105"),
            2,
            BedType.NURSING,
            dt.date(2026, 1, 1),
        ),
    )
    beds = entries(store, "beds")
    assert len(beds) == 10
    assert {e.op for e in beds} == {"insert"}
    assert beds[0].data["bed_type"] == "nursing"
    assert beds[0].data["status"] == "free"
    assert len(entries(store, "rooms")) == 5
    assert entries(store, "bed_history") == []  # history starts with the first change


def test_changes_applied_from_the_server_are_not_echoed(store, home):
    before = pending_count_of(store)
    with store.write(SETUP) as s:
        s.info["remote_apply"] = True
        s.get(Institution, home.id).phone = "12345"
    assert pending_count_of(store) == before


def pending_count_of(store):
    with store.read() as s:
        return pending_count(s)


def test_change_ids_are_unique_and_time_ordered(store, home):
    add_beds(
        store,
        SETUP,
        NewBeds(home.id, "1号楼", "1层", ["101"], 3, BedType.SELF_CARE, dt.date(2026, 1, 1)),
    )
    ids = [e.change_id for e in entries(store)]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)  # UUIDv7: later changes sort later
