"""批量添加床位 over several floors at once; the buildings and floors the dialog offers."""

import datetime as dt

import pytest

from mzdesk.core.errors import ValidationError
from mzdesk.core.vocab import BedType
from mzdesk.services.bed_blocks import BedBlock, add_bed_block, building_floors, floor_plan
from mzdesk.services.beds import list_beds
from tests.helpers.actors import SETUP

D = dt.date


def test_room_numbers_follow_the_floor_as_chinese_buildings_number_them():
    plan = floor_plan("2层", "4层", "201", "203")
    assert plan == [
        ("2层", ["201", "202", "203"]),
        ("3层", ["301", "302", "303"]),
        ("4层", ["401", "402", "403"]),
    ]
    assert floor_plan("9F", "10F", "901", "902") == [
        ("9F", ["901", "902"]),
        ("10F", ["1001", "1002"]),
    ]


def test_rooms_that_do_not_start_with_the_floor_repeat_on_each_floor():
    assert floor_plan("1", "2", "01", "03") == [
        ("1", ["01", "02", "03"]),
        ("2", ["01", "02", "03"]),
    ]


def test_one_floor_is_any_name():
    assert floor_plan("二层", "", "201", "") == [("二层", ["201"])]


@pytest.mark.parametrize(("first", "last"), [("2层", "1层"), ("2层", "5F"), ("二层", "五层")])
def test_a_floor_range_that_cannot_be_counted_names_both_floors(first, last):
    with pytest.raises(ValidationError) as raised:
        floor_plan(first, last, "201", "210")
    assert raised.value.fields() == {"last_floor"}
    assert first in str(raised.value) and last in str(raised.value)


def test_a_block_of_three_floors_is_written_at_once(store, home):
    block = BedBlock(
        home.id, "3号楼", "2层", "4层", "201", "220", 2, BedType.NURSING, D(2026, 1, 1)
    )
    assert add_bed_block(store, SETUP, block) == 3 * 20 * 2
    labels = {b.label for b in list_beds(store, home.id)}
    assert "3号楼 4层 420-2" in labels and "3号楼 3层 301-1" in labels
    assert building_floors(store, home.id) == {"3号楼": ["2层", "3层", "4层"]}


def test_a_block_that_meets_an_existing_bed_writes_nothing(store, home):
    one = BedBlock(home.id, "1号楼", "3层", "", "301", "", 1, BedType.NURSING, D(2026, 1, 1))
    assert add_bed_block(store, SETUP, one) == 1
    block = BedBlock(
        home.id, "1号楼", "2层", "3层", "201", "202", 1, BedType.NURSING, D(2026, 1, 1)
    )
    with pytest.raises(ValidationError):
        add_bed_block(store, SETUP, block)
    assert len(list_beds(store, home.id)) == 1
