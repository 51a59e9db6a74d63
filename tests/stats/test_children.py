"""The children's figures on a fixture computed by hand (stats/children.py), in process and
through ``mzdesk stats children`` as a real process."""

from __future__ import annotations

import datetime as dt
import json

import pytest

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
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.children import children_statistics
from tests.cli.process import mzdesk
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


@pytest.fixture
def district(store):
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


def test_figures_as_of_a_day_by_hand(store, district):
    f = children_statistics(
        store,
        Scope(region_prefix="370212", as_of=dt.date(2026, 4, 10)),
        (dt.date(2026, 1, 1), dt.date(2026, 4, 10)),
    )
    assert (f.institutions, f.in_care, f.in_house, f.in_foster_care, f.at_school) == (2, 4, 3, 1, 1)
    assert f.by_category == {
        "孤儿": 2,
        "事实无人抚养儿童": 0,
        "弃婴": 1,
        "残疾儿童": 1,
        "特困未成年人": 0,
        "未填写": 0,
    }
    assert f.by_age_band == {
        "0–3岁": 2,
        "3–6岁": 0,
        "6–12岁": 1,
        "12–18岁": 1,
        "18岁及以上": 0,
        "未填写": 0,
    }
    assert f.by_disability == {"无残疾": 2, "听力残疾": 1, "肢体残疾": 1}
    assert f.with_disability == 2
    assert f.placements == {"家庭寄养": 1, "收养": 0, "回归家庭": 1, "成年安置": 0}
    assert f.left == {"回归家庭": 1}
    assert (f.notices_running, f.notices_past_deadline, f.visits_due) == (1, 1, 1)
    assert f.notices[0].period_end == dt.date(2026, 4, 6)


def test_an_earlier_day_and_one_home(store, district):
    f = children_statistics(store, Scope(region_prefix="370212", as_of=dt.date(2026, 3, 10)))
    # 丁 had not left yet; the notice had not run out; no visit due yet; 戊's placement is later
    assert (f.in_care, f.in_house, f.in_foster_care) == (5, 4, 1)
    assert (f.notices_running, f.notices_past_deadline, f.visits_due) == (1, 0, 0)
    assert f.left == {}
    f = children_statistics(store, Scope(region_prefix="370300", as_of=dt.date(2026, 3, 10)))
    assert (f.institutions, f.in_care) == (1, 1)
    # the day before 甲 and 乙 came: 丙 10, 丁 15 (16 the next day), 戊 17
    f = children_statistics(store, Scope(region_prefix="370212", as_of=dt.date(2025, 12, 31)))
    assert (f.in_care, f.by_age_band["6–12岁"], f.by_age_band["12–18岁"]) == (3, 1, 2)


def test_the_cli_prints_the_same_figures(store, district, tmp_path):
    db = str(store.path)
    args = ("stats", "children", "--db", db, "--region", "370212", "--as-of", "2026-04-10")
    result = mzdesk(*args, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    expected = children_statistics(
        store, Scope(region_prefix="370212", as_of=dt.date(2026, 4, 10))
    ).as_json()
    assert printed == expected
    assert printed["in_care"] == 4 and printed["notices_past_deadline"] == 1
    summary = mzdesk(*args, cwd=tmp_path)
    assert summary.returncode == 0, summary.stderr
    assert "在院儿童 4 人：院内 3 人，家庭寄养 1 人；在读 1 人" in summary.stdout
    assert "弃婴乙（甲区儿童福利院）公告期至 2026-04-06，已期满未认领" in summary.stdout
    english = mzdesk("--lang", "en", *args, cwd=tmp_path)
    assert "in care 4: in the home 3, in foster care 1; at school 1" in english.stdout
    bad = mzdesk(*args, "--from", "2026-05-01", "--to", "2026-04-01", cwd=tmp_path)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
