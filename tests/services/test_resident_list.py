"""The resident list query: search, filters, sorting, paging, capped counts."""

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from mzdesk.core.pinyin import sort_key
from mzdesk.core.vocab import AbilityLevel, BedType, DischargeReason, ResidentStatus, SupportType
from mzdesk.services.beds import NewBeds, add_beds, room_range
from mzdesk.services.resident_list import ResidentFilter, SortKey, page_residents, search_residents
from mzdesk.services.residents import (
    ResidentData,
    update_resident,
)
from mzdesk.services.stays import (
    Admission,
    admit_resident,
    discharge_resident,
)
from mzdesk.store.engine import open_store
from mzdesk.store.migrate import alembic_config
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

NAMES = ["张三丰", "王秀英", "王建国", "李秀兰", "欧阳娜娜", "曾国藩", "赵秀英"]


@pytest.fixture
def people(store, home):
    beds = add_beds(
        store,
        SETUP,
        NewBeds(
            home.id,
            "1号楼",
            "2层",
            room_range("201", "210"),
            2,
            BedType.NURSING,
            dt.date(2024, 1, 1),
        ),
    )
    admitted = {}
    for i, name in enumerate(NAMES):
        data = ResidentData(
            name=name,
            id_number=id_number(dt.date(1940, 1, 1 + i)),
            support_type=SupportType.MINIMUM_LIVING if i % 2 else SupportType.SELF_PAYING,
        )
        admitted[name] = admit_resident(
            store, SETUP, Admission(home.id, data, dt.date(2024, 2, 1 + i), beds[i].id)
        )
    return admitted


def names(store, home, typed="", **kw):
    found = search_residents(store, ResidentFilter(institution_id=home.id, text=typed, **kw))
    return sorted(r.name for r in found.rows)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("王", ["王建国", "王秀英"]),
        ("秀英", ["王秀英", "赵秀英"]),
        ("王秀", ["王秀英"]),  # both characters, in this order
        ("秀王", []),
        ("zsf", ["张三丰"]),
        ("ZS", ["张三丰"]),
        ("wx", ["王秀英"]),
        ("oyn", ["欧阳娜娜"]),
        ("zgf", ["曾国藩"]),  # the surname's other reading
        ("cgf", ["曾国藩"]),
        ("不存在", []),
    ],
)
def test_search_by_characters_and_pinyin_initials(store, home, people, typed, expected):
    assert names(store, home, typed) == expected


def test_search_by_the_end_of_the_id_number(store, home, people):
    number = people["李秀兰"].id_number
    assert names(store, home, number[-4:]) == ["李秀兰"]
    assert names(store, home, number[-6:].lower()) == ["李秀兰"]


def test_search_by_bed_and_room(store, home, people):
    assert names(store, home, "202") == ["李秀兰", "王建国"]  # room 202: beds 202-1 and 202-2
    assert names(store, home, "202-2") == ["李秀兰"]
    assert names(store, home, "2") == sorted(NAMES)


def test_filters_and_discharged_residents(store, home, people):
    discharge_resident(store, SETUP, people["赵秀英"].id, dt.date(2024, 6, 1), DischargeReason.HOME)
    assert "赵秀英" not in names(store, home)
    assert names(store, home, statuses=(ResidentStatus.DISCHARGED,)) == ["赵秀英"]
    assert names(store, home, "秀英", statuses=()) == ["王秀英", "赵秀英"]
    assert names(store, home, support_type=SupportType.MINIMUM_LIVING) == [
        "曾国藩",
        "李秀兰",
        "王秀英",
    ]
    assert names(store, home, ability_level=AbilityLevel.MILD) == []


def test_renamed_residents_are_found_by_their_new_name(store, home, people):
    resident = people["张三丰"]
    update_resident(
        store, SETUP, resident.id, ResidentData(name="张无忌", id_number=resident.id_number)
    )
    assert names(store, home, "zwj") == ["张无忌"]
    assert names(store, home, "zsf") == []


def test_sorting_and_paging(store, home, people):
    f = ResidentFilter(institution_id=home.id)
    by_name = [r.name for r in page_residents(store, f, sort=SortKey.NAME)]
    assert by_name == sorted(NAMES, key=sort_key)
    assert by_name == ["李秀兰", "欧阳娜娜", "王建国", "王秀英", "曾国藩", "张三丰", "赵秀英"]
    by_admission = [
        r.name for r in page_residents(store, f, sort=SortKey.ADMISSION, descending=True)
    ]
    assert by_admission == list(reversed(NAMES))
    first = page_residents(store, f, sort=SortKey.BED, limit=3)
    rest = page_residents(store, f, sort=SortKey.BED, offset=3, limit=10)
    assert [r.bed_label for r in first + rest] == sorted(r.bed_label for r in first + rest)
    assert len(first + rest) == len(NAMES)


def test_counts_are_capped_for_unselective_searches(store, home, people):
    found = search_residents(store, ResidentFilter(institution_id=home.id), cap=3)
    assert found.capped and found.total == 3 and len(found.rows) == len(NAMES)
    exact = search_residents(store, ResidentFilter(institution_id=home.id, text="王"), cap=3)
    assert not exact.capped and exact.total == 2


def test_a_database_from_before_the_search_index_is_upgraded_and_searchable(tmp_path):
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO institutions (id, institution_id, name, kind, grade, medical_integration, home_care_beds,"
                " care_levels, created_at, updated_at) VALUES ('a', 'a', '老院', 'nursing_home', 'unrated', 'none', 0,"
                " '{}', '2024-01-01', '2024-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO residents (id, institution_id, kind, name, name_initials, id_number, status,"
                " admission_date, cognitive_disorder, intake_documents, created_at, updated_at) VALUES"
                " ('b', 'a', 'elderly', '孙秀兰', 'sxl', '370205194001010012', 'in_house', '2024-01-01', 0, '[]',"
                " '2024-01-01', '2024-01-01')"
            )
        )
    engine.dispose()
    store = open_store(path)  # migrates to head, building the search index from existing rows
    with store.read() as session:
        rows = session.execute(
            text(
                "SELECT name FROM residents WHERE rowid IN"
                " (SELECT rowid FROM resident_search WHERE resident_search MATCH '\"秀\"')"
            )
        ).all()
    assert [r.name for r in rows] == ["孙秀兰"]
