"""The one table of limits (core/limits.py) as the store, the outbox and the services use it:
every synced text and JSON field has a limit, the server's check refuses a longer value as
too long, and the desktop refuses it first with the field's label and the limit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import JSON, String, Text

from mzdesk.core import limits
from mzdesk.core.errors import ValidationError
from mzdesk.core.i18n import set_language
from mzdesk.core.vocab import BedType
from mzdesk.services.beds import NewBeds, add_beds
from mzdesk.services.residents import ResidentData, update_resident
from mzdesk.services.stays import Admission, admit_resident
from mzdesk.store.models import Bed, VocabType
from mzdesk.store.values import (
    TooLong,
    field_limit,
    from_json,
    synced_columns,
    synced_tables,
)
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number


def test_every_synced_text_and_json_field_has_its_limit_in_the_table():
    missing = []
    for table in synced_tables():
        for key, column in synced_columns(table).items():
            kind = column.type
            if isinstance(kind, VocabType):
                continue
            if isinstance(kind, JSON) and key not in limits.JSON_LIMITS.get(table, {}):
                missing.append(f"{table}.{key} (JSON)")
            if isinstance(kind, Text) and key not in limits.TEXT_LIMITS.get(table, {}):
                missing.append(f"{table}.{key} (Text)")
            if isinstance(kind, String | Text | JSON):
                assert field_limit(column) is not None
    assert missing == []
    # and nothing in the table names a field that does not exist
    for table, fields in (*limits.TEXT_LIMITS.items(), *limits.JSON_LIMITS.items()):
        assert set(fields) <= set(synced_columns(table)), table


def test_the_servers_check_refuses_a_value_over_the_limit_as_too_long():
    note = synced_columns("residents")["note"]
    assert from_json(note, "注" * limits.NOTE) == "注" * limits.NOTE
    with pytest.raises(TooLong) as error:
        from_json(note, "注" * (limits.NOTE + 1))
    assert (error.value.field, error.value.limit, error.value.unit) == (
        "note",
        limits.NOTE,
        "characters",
    )
    name = synced_columns("residents")["name"]  # String(50): its limit is the model's
    with pytest.raises(TooLong):
        from_json(name, "张" * 51)
    photos = synced_columns("inspection_results")["photos"]
    from_json(photos, ["a" * 60] * 10)
    with pytest.raises(TooLong) as error:
        from_json(photos, ["a" * 60] * 1000)
    assert error.value.unit == "bytes"


@pytest.fixture
def resident(store, home):
    beds = add_beds(
        store,
        SETUP,
        NewBeds(home.id, "1号楼", "1层", ["101"], 1, BedType.NURSING, dt.date(2024, 1, 1)),
    )
    data = ResidentData(name="张三丰", id_number=id_number(dt.date(1940, 5, 1), male=True))
    return admit_resident(store, SETUP, Admission(home.id, data, dt.date(2025, 3, 1), beds[0].id))


def test_the_services_refuse_a_note_over_the_limit_naming_the_field_and_the_limit(store, resident):
    data = ResidentData(
        name="张三丰",
        id_number=id_number(dt.date(1940, 5, 1), male=True),
        note="注" * (limits.NOTE + 1),
        household_address="址" * 201,
    )
    with pytest.raises(ValidationError) as error:
        update_resident(store, SETUP, resident.id, data)
    assert error.value.fields() == {"note", "household_address"}
    try:
        assert "备注：不能超过2000个字符" in str(error.value)
        set_language("en")
        assert "must be at most 2000 characters" in str(error.value)
    finally:
        set_language("zh")
    # at the limit it is accepted
    update_resident(store, SETUP, resident.id, ResidentData(
        name="张三丰", id_number=id_number(dt.date(1940, 5, 1), male=True), note="注" * limits.NOTE
    ))  # fmt: skip


def test_no_change_longer_than_the_server_accepts_reaches_the_outbox(store, home, resident):
    """Whatever path a write takes (here straight on the store, past every service), the
    outbox refuses a value the server would refuse for its length."""
    beds = add_beds(
        store,
        SETUP,
        NewBeds(home.id, "2号楼", "1层", ["201"], 1, BedType.NURSING, dt.date(2024, 1, 1)),
    )
    with pytest.raises(ValidationError) as error, store.write(SETUP) as session:
        bed = session.get(Bed, beds[0].id)
        assert bed is not None
        bed.note = "x" * (limits.NOTE + 1)
    assert error.value.fields() == {"note"}
    assert "不能超过2000个字符" in str(error.value)
    with store.read() as session:
        assert session.get(Bed, beds[0].id).note is None


def test_adding_beds_refuses_a_room_whose_bed_numbers_would_not_fit(store, home):
    from mzdesk.services.beds import list_beds

    request = NewBeds(home.id, "1号楼", "1层", ["2" * 29], 2, BedType.NURSING, dt.date(2024, 1, 1))
    with pytest.raises(ValidationError) as error:  # its beds would be 222…2-1: 31 characters
        add_beds(store, SETUP, request)
    assert error.value.fields() == {"rooms"}
    assert "不能超过30个字符" in str(error.value)
    assert list_beds(store, home.id) == []
