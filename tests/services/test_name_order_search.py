"""The resident and worker lists in pinyin order, and found by full pinyin, initials and
mixes; the order is read from an index, not sorted per query."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import create_engine, event, text

from mzdesk.core.vocab import Occupation
from mzdesk.services.resident_list import (
    ResidentFilter,
    SortKey,
    page_residents,
    search_residents,
)
from mzdesk.services.residents import ResidentData, update_resident
from mzdesk.services.stays import Admission, admit_resident
from mzdesk.services.workers import WorkerData, list_workers, register_care_worker
from mzdesk.store.engine import open_store
from mzdesk.store.migrate import alembic_config
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

ROSTER = ["曾繁峰", "白云", "蔡文", "陈思", "蔡明", "单田芳", "程浩", "张三", "章子怡", "张伟"]
IN_ORDER = ["白云", "蔡明", "蔡文", "陈思", "程浩", "单田芳", "曾繁峰", "张三", "张伟", "章子怡"]


@pytest.fixture
def roster(store, home):
    admitted = {}
    for i, name in enumerate(ROSTER):
        data = ResidentData(name=name, id_number=id_number(dt.date(1940, 1, 1 + i)))
        admitted[name] = admit_resident(
            store, SETUP, Admission(home.id, data, dt.date(2024, 2, 1 + i), None)
        )
    return admitted


def found(store, home, typed: str) -> list[str]:
    result = search_residents(store, ResidentFilter(institution_id=home.id, text=typed))
    return sorted(r.name for r in result.rows)


def test_the_list_sorts_by_surname_pinyin_then_given_name(store, home, roster):
    f = ResidentFilter(institution_id=home.id)
    assert [r.name for r in page_residents(store, f, sort=SortKey.NAME)] == IN_ORDER
    back = [r.name for r in page_residents(store, f, sort=SortKey.NAME, descending=True)]
    assert back == IN_ORDER[::-1]
    searched = search_residents(store, ResidentFilter(institution_id=home.id, text="c"))
    # 单 may also read chán: found by c, and sorted as the surname shàn
    assert [r.name for r in searched.rows] == ["蔡明", "蔡文", "陈思", "程浩", "单田芳", "曾繁峰"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("zeng", ["曾繁峰"]),
        ("zengfanfeng", ["曾繁峰"]),
        ("zff", ["曾繁峰"]),
        ("zengff", ["曾繁峰"]),
        ("chen", ["程浩", "陈思"]),  # a prefix: cheng starts with chen
        ("chensi", ["陈思"]),
        ("shan", ["单田芳"]),
        ("zhangs", ["张三"]),
        ("zs", ["张三"]),
        ("zhang san", ["张三"]),
        ("ZhangSan", ["张三"]),
        ("zhangw", ["张伟"]),
        ("zhang", ["张三", "张伟", "章子怡"]),
        ("zhangzy", ["章子怡"]),
        ("caim", ["蔡明"]),
        ("xyz", []),
    ],
)
def test_found_by_full_pinyin_initials_and_mixes(store, home, roster, typed, expected):
    assert found(store, home, typed) == expected


def test_a_renamed_resident_moves_in_the_order_and_is_found_by_the_new_spelling(
    store, home, roster
):
    resident = roster["白云"]
    update_resident(
        store, SETUP, resident.id, ResidentData(name="赵云", id_number=resident.id_number)
    )
    f = ResidentFilter(institution_id=home.id)
    assert [r.name for r in page_residents(store, f, sort=SortKey.NAME)][-1] == "赵云"
    assert found(store, home, "zhaoyun") == ["赵云"]
    assert found(store, home, "baiyun") == []


def test_the_name_order_is_read_from_the_index(store, home, roster):
    """The list's queries in name order, as page_residents runs them: SQLite reads the
    name index in order instead of sorting the institution's residents."""
    statements: list[tuple[str, object]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        page_residents(store, ResidentFilter(institution_id=home.id), sort=SortKey.NAME)
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    statement, parameters = next((s, p) for s, p in statements if "ORDER BY" in s)
    with store.read() as session:
        raw = session.connection().connection.driver_connection
        plan = [row[-1] for row in raw.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    inner = [step for step in plan if "residents" in step or "B-TREE" in step]
    assert any("ix_residents_list_name" in step for step in inner), plan
    assert not any("ORDER BY" in step for step in inner[:2]), plan


def test_workers_are_listed_in_surname_pinyin_order(store, home):
    for i, name in enumerate(ROSTER):
        register_care_worker(
            store,
            SETUP,
            WorkerData(
                home.id,
                name,
                Occupation.CARE_WORKER,
                dt.date(2024, 3, 1),
                id_number=id_number(dt.date(1975, 1, 1 + i), male=False),
            ),
        )
    assert [w.name for w in list_workers(store, home.id)] == IN_ORDER


def test_an_existing_database_gets_the_order_and_the_spellings(tmp_path):
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), "0013")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO institutions (id, institution_id, name, kind, grade, medical_integration,"
                " home_care_beds, care_levels, created_at, updated_at) VALUES ('a', 'a', '老院',"
                " 'nursing_home', 'unrated', 'none', 0, '{}', '2024-01-01', '2024-01-01')"
            )
        )
        for rid, name, initials in (("b", "曾繁峰", "cff zff"), ("c", "蔡文", "cw")):
            conn.execute(
                text(
                    "INSERT INTO residents (id, institution_id, kind, name, name_initials, status,"
                    " admission_date, cognitive_disorder, intake_documents, created_at, updated_at)"
                    " VALUES (:id, 'a', 'elderly', :name, :initials, 'in_house', '2024-01-01', 0,"
                    " '[]', '2024-01-01', '2024-01-01')"
                ),
                {"id": rid, "name": name, "initials": initials},
            )
    engine.dispose()
    store = open_store(path)  # migrates to head
    with store.read() as session:
        ordered = session.execute(text("SELECT name FROM residents ORDER BY name_sort")).all()
        zeng = session.execute(
            text(
                "SELECT name FROM residents WHERE rowid IN"
                " (SELECT rowid FROM resident_search WHERE resident_search MATCH '\"zeng\"*')"
            )
        ).all()
    store.close()
    assert [r.name for r in ordered] == ["蔡文", "曾繁峰"]
    assert [r.name for r in zeng] == ["曾繁峰"]
