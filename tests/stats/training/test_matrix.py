import json
from decimal import Decimal

from mzdesk.core.training import CellStatus, RequirementData, add_months
from mzdesk.core.vocab import Occupation, TrainingCategory
from mzdesk.services.training import set_training_requirements
from mzdesk.stats.training import needs_next, training_matrix
from tests.helpers.actors import SETUP
from tests.stats.training.conftest import D

S = CellStatus


def cells(matrix, name):
    (row,) = [r for r in matrix.rows if r.name == name]
    return {k: (c.status, c.due) if c else None for k, c in row.cells.items()}


def test_the_default_matrix_around_the_dates(store, staff):
    m = training_matrix(store, staff.home.id, D(2025, 6, 1))
    assert m.using_defaults
    assert m.columns == ["岗前培训", "消防安全培训", "急救培训", "年度培训学时"]
    assert sorted(r.name for r in m.rows) == ["吴桂兰", "周凤琴", "郑秀兰", "钱芳"]  # 李红 left
    assert cells(m, "周凤琴") == {
        "岗前培训": (S.CURRENT, None),
        "消防安全培训": (S.CURRENT, D(2025, 11, 5)),
        "急救培训": (S.MISSING, D(2025, 3, 1)),  # never; due a year after she started
        "年度培训学时": (S.PENDING, D(2025, 12, 31)),  # 6 of 40 hours in June
    }
    assert cells(m, "吴桂兰")["岗前培训"] == (S.CURRENT, None)  # the retake passed
    assert cells(m, "郑秀兰") == {
        "岗前培训": (S.MISSING, D(2025, 1, 15)),  # due on her first day
        "消防安全培训": (S.PENDING, D(2026, 1, 15)),
        "急救培训": (S.PENDING, D(2026, 1, 15)),
        "年度培训学时": (S.PENDING, D(2025, 12, 31)),
    }
    assert cells(m, "钱芳") == {
        "岗前培训": None,
        "消防安全培训": (S.MISSING, D(2021, 1, 1)),
        "急救培训": None,
        "年度培训学时": None,
    }
    (zhou,) = [r for r in m.rows if r.name == "周凤琴"]
    hours = zhou.cells["年度培训学时"]
    assert hours is not None and (hours.hours_done, hours.hours_required) == (
        Decimal(6),
        Decimal(40),
    )
    json.dumps(m.as_json())


def test_recurring_training_expiring_then_expired_and_hours_late_in_the_year(store, staff):
    soon = training_matrix(store, staff.home.id, D(2025, 9, 6))  # 60 days before 11-05
    assert cells(soon, "周凤琴")["消防安全培训"] == (S.EXPIRING, D(2025, 11, 5))
    assert cells(training_matrix(store, staff.home.id, D(2025, 9, 5)), "周凤琴")[
        "消防安全培训"
    ] == (S.CURRENT, D(2025, 11, 5))
    late = training_matrix(store, staff.home.id, D(2025, 11, 5))
    assert cells(late, "周凤琴")["消防安全培训"] == (S.EXPIRED, D(2025, 11, 5))
    assert cells(late, "周凤琴")["急救培训"] == (S.CURRENT, D(2026, 8, 1))  # done 2025-08-01
    assert cells(late, "周凤琴")["年度培训学时"] == (S.EXPIRING, D(2025, 12, 31))


def test_who_needs_what_next_soonest_first(store, staff):
    m = training_matrix(store, staff.home.id, D(2025, 6, 1))
    needs = needs_next(m)
    assert [(n.name, n.requirement) for n in needs[:4]] == [
        ("钱芳", "消防安全培训"),
        ("郑秀兰", "岗前培训"),
        ("吴桂兰", "急救培训"),
        ("周凤琴", "急救培训"),
    ]
    assert all(n.status is not S.CURRENT for n in needs)
    assert [n.due for n in needs] == sorted(n.due for n in needs)
    (short,) = [n for n in needs if n.name == "周凤琴" and n.requirement == "年度培训学时"]
    assert short.hours_short == Decimal(34)


def test_an_institutions_own_lines_replace_the_defaults(store, staff):
    set_training_requirements(
        store,
        SETUP,
        staff.home.id,
        [
            RequirementData(
                Occupation.CARE_WORKER, "岗前培训", TrainingCategory.PRE_JOB, before_start=True
            ),
            RequirementData(Occupation.CARE_WORKER, "失智照护", TrainingCategory.ON_JOB, "失智", 6),
            RequirementData(Occupation.NURSE, "年度学时", hours_per_year=Decimal("5")),
        ],
    )
    m = training_matrix(store, staff.home.id, D(2025, 6, 1))
    assert not m.using_defaults
    assert m.columns == ["岗前培训", "失智照护", "年度学时"]
    assert cells(m, "周凤琴")["失智照护"] == (S.CURRENT, add_months(D(2025, 5, 6), 6))
    # 吴桂兰 failed it: her hours count, the pass does not
    assert cells(m, "吴桂兰")["失智照护"] == (S.MISSING, D(2024, 9, 1))
    assert cells(m, "钱芳")["年度学时"] == (S.CURRENT, None)


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2024, 11, 5), 12) == D(2025, 11, 5)
    assert add_months(D(2024, 12, 15), 1) == D(2025, 1, 15)


def test_yearly_hours_are_pro_rated_for_those_who_joined_during_the_year():
    """Found trying the app: a worker hired six weeks before the year's end was listed as
    short of the full 40 hours. The target is the share of the year they were employed
    (rounded up to half an hour); those employed all year owe it all."""
    from mzdesk.core.training import assess

    line = RequirementData(Occupation.CARE_WORKER, "年度学时", hours_per_year=Decimal("40"))
    day = D(2026, 12, 1)
    joined = assess(line, D(2026, 11, 19), [], Decimal(0), day)
    assert joined.hours_required == Decimal("5")  # 43 of 365 days: 4.7 → 5
    assert joined.status is CellStatus.EXPIRING  # still due by year end, but 5, not 40
    assert assess(line, D(2026, 11, 19), [], Decimal(5), day).status is CellStatus.CURRENT
    veteran = assess(line, D(2019, 3, 1), [], Decimal(39), day)
    assert (veteran.hours_required, veteran.status) == (Decimal("40"), CellStatus.EXPIRING)
    first_day = assess(line, D(2026, 1, 1), [], Decimal(0), day)
    assert first_day.hours_required == Decimal("40")
