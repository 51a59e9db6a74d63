"""A small district of children's homes with children at every step of the path, made
through the services (tests/stats/test_children.py computes its figures by hand; the
statistics page, the workbook and the printed report are checked against it)."""

from __future__ import annotations

import datetime as dt
import uuid

from mzdesk.core.child_assessment import child_scheme
from mzdesk.core.children import (
    CareArrangement,
    IntakeWay,
    PlacementKind,
    SchoolStage,
)
from mzdesk.core.vocab import ChildCategory, InstitutionKind
from mzdesk.services.children import (
    Arrangement,
    Intake,
    Placement,
    place_child,
    publish_notice,
    receive_child,
    record_child_assessment,
    set_upbringing,
)
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.residents import ResidentData
from mzdesk.store.engine import Store
from tests.helpers.actors import SETUP

TODAY = dt.date(2026, 11, 30)


def _home(store, name, region):
    return create_institution(
        store,
        SETUP,
        InstitutionData(name=name, kind=InstitutionKind.CHILDREN_HOME, region_code=region),
    ).id


def _child(store, home, name, category, birth, intake_on, **extra):
    intake = extra.pop("intake", Intake(IntakeWay.CIVIL_AFFAIRS, intake_on))
    return receive_child(
        store,
        SETUP,
        home,
        ResidentData(name=name, birth_date=birth, child_category=category, **extra),
        intake,
        today=TODAY,
    ).id


def make_district(store: Store) -> dict[str, uuid.UUID]:
    """甲区儿童福利院 and 甲区儿童福利院分院 in 370212, 乙市儿童福利院 in 370300."""
    a = _home(store, "甲区儿童福利院", "370212")
    b = _home(store, "甲区儿童福利院分院", "370212")
    c = _home(store, "乙市儿童福利院", "370300")
    d = dt.date
    c1 = _child(store, a, "孤儿甲", ChildCategory.ORPHAN, d(2024, 6, 1), d(2026, 1, 10))
    answers = {i.id: i.options[0].code for i in child_scheme().items} | {"D1": "hearing", "D2": "2"}
    record_child_assessment(store, SETUP, c1, d(2026, 1, 15), "王医生", answers, today=TODAY)
    set_upbringing(
        store,
        SETUP,
        c1,
        Arrangement(d(2026, 2, 1), CareArrangement.FAMILY_GROUP, SchoolStage.NOT_YET),
        today=TODAY,
    )
    c2 = _child(
        store,
        a,
        "弃婴乙",
        ChildCategory.ABANDONED_INFANT,
        d(2026, 1, 1),
        d(2026, 2, 1),
        intake=Intake(
            IntakeWay.POLICE, d(2026, 2, 1), found_on=d(2026, 1, 31), brought_by="城关派出所"
        ),
    )
    publish_notice(store, SETUP, c2, d(2026, 2, 5), today=TODAY)  # period ends 2026-04-06
    c3 = _child(
        store,
        a,
        "残疾丙",
        ChildCategory.DISABLED,
        d(2015, 5, 5),
        d(2025, 5, 1),
        disability_type="肢体残疾",
        disability_level="三级",
    )
    set_upbringing(
        store,
        SETUP,
        c3,
        Arrangement(d(2025, 9, 1), CareArrangement.UNIT, SchoolStage.PRIMARY),
        today=TODAY,
    )
    place_child(
        store,
        SETUP,
        c3,
        Placement(
            PlacementKind.FOSTER,
            d(2026, 3, 1),
            family_name="李家",
            family_address="幸福路8号",
            next_visit_due=d(2026, 4, 1),
        ),
        today=TODAY,
    )
    c4 = _child(store, a, "丁", ChildCategory.DE_FACTO_UNSUPPORTED, d(2010, 1, 1), d(2025, 1, 1))
    place_child(
        store,
        SETUP,
        c4,
        Placement(PlacementKind.FAMILY_RETURN, d(2026, 3, 15), family_name="祖父母"),
        today=TODAY,
    )
    c5 = _child(store, b, "戊", ChildCategory.ORPHAN, d(2008, 7, 1), d(2024, 1, 1))
    place_child(
        store,
        SETUP,
        c5,
        Placement(PlacementKind.ADULTHOOD, d(2026, 7, 1), family_name="本人"),
        today=TODAY,
    )
    _child(store, c, "己", ChildCategory.ORPHAN, d(2020, 1, 1), d(2025, 1, 1))
    return {"甲": a, "甲分院": b, "乙": c}
