"""The children's figures on a fixture computed by hand (stats/children.py), in process and
through ``mzdesk stats children`` as a real process."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.children import children_statistics
from tests.cli.process import mzdesk
from tests.helpers.children_district import make_district


@pytest.fixture
def district(store):
    return make_district(store)


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
