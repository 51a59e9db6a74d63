"""A children's home with four children along different paths (for the roster's tests): a
foundling whose notice runs, a transferred orphan in foster care, a child adopted (left) and a
child whose family claimed the notice, transferred out later (left)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl

from mzdesk.core.children import IntakeWay, NoticeStatus, PlacementKind
from mzdesk.core.vocab import ChildCategory, DischargeReason, Gender
from mzdesk.services.children import (
    Intake,
    Placement,
    child_leaves,
    close_notice,
    place_child,
    publish_notice,
    receive_child,
)
from mzdesk.services.residents import ResidentData
from mzdesk.store.engine import Store
from tests.helpers.actors import SETUP
from tests.helpers.people import id_number

HOME = "市儿童福利院"
ORPHAN_ID = id_number(dt.date(2019, 4, 2))
CLAIMED_ID = id_number(dt.date(2021, 7, 9), male=False)
# the private values of the four children: none of them may be in a roster without the right
PRIVATE_VALUES = (
    "市妇幼保健院门口",
    "城关派出所",
    "JB2026-0301",
    "县儿童福利院",
    "（2026）鲁0202民特1号",
    "李建国家庭",
    "城关镇幸福路1号",
    "陈某夫妇",
    "生父钱某",
)


def make_children(store: Store, home_id: Any) -> None:
    spring = receive_child(
        store,
        SETUP,
        home_id,
        ResidentData(
            name="党小春",
            gender=Gender.FEMALE,
            birth_date=dt.date(2026, 2, 20),
            child_category=ChildCategory.ABANDONED_INFANT,
        ),
        Intake(
            IntakeWay.POLICE,
            dt.date(2026, 3, 2),
            found_on=dt.date(2026, 3, 1),
            found_place="市妇幼保健院门口",
            brought_by="城关派出所",
            police_report_number="JB2026-0301",
        ),
    )
    publish_notice(store, SETUP, spring.id, dt.date(2026, 3, 5), publication="市日报")
    orphan = receive_child(
        store,
        SETUP,
        home_id,
        ResidentData(name="王小明", id_number=ORPHAN_ID, child_category=ChildCategory.ORPHAN),
        Intake(IntakeWay.TRANSFER, dt.date(2026, 1, 10), transferred_from="县儿童福利院"),
    )
    place_child(
        store,
        SETUP,
        orphan.id,
        Placement(
            PlacementKind.FOSTER,
            dt.date(2026, 6, 1),
            family_name="李建国家庭",
            family_address="城关镇幸福路1号",
        ),
    )
    adopted = receive_child(
        store,
        SETUP,
        home_id,
        ResidentData(
            name="赵小红",
            gender=Gender.FEMALE,
            birth_date=dt.date(2022, 5, 6),
            child_category=ChildCategory.ORPHAN,
        ),
        Intake(IntakeWay.COURT, dt.date(2026, 2, 1), court_ruling="（2026）鲁0202民特1号"),
    )
    place_child(
        store,
        SETUP,
        adopted.id,
        Placement(PlacementKind.ADOPTION, dt.date(2026, 8, 1), family_name="陈某夫妇"),
    )
    claimed = receive_child(
        store,
        SETUP,
        home_id,
        ResidentData(
            name="钱小亮", id_number=CLAIMED_ID, child_category=ChildCategory.DE_FACTO_UNSUPPORTED
        ),
        Intake(IntakeWay.CIVIL_AFFAIRS, dt.date(2026, 1, 5)),
    )
    notice = publish_notice(store, SETUP, claimed.id, dt.date(2026, 1, 6), period_days=90)
    close_notice(
        store, SETUP, notice, NoticeStatus.CLAIMED, dt.date(2026, 2, 1), claimed_by="生父钱某"
    )
    child_leaves(store, SETUP, claimed.id, dt.date(2026, 9, 1), DischargeReason.TRANSFER)


def shown(value: object) -> object:
    """A cell as compared: dates as yyyy-MM-dd."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def sheet_rows(path: Path) -> tuple[list[str], dict[str, dict[str, object]]]:
    """The headers and each row by 姓名, as {header: value}."""
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = [[shown(c.value) for c in row] for row in sheet.iter_rows()]
    headers = [str(h) for h in rows[0]]
    by_name = {
        str(row[headers.index("姓名")]): dict(zip(headers, row, strict=True)) for row in rows[1:]
    }
    return headers, by_name
