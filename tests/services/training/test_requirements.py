import dataclasses
import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from mzdesk.core.errors import ValidationError
from mzdesk.core.training import (
    RequirementsFileError,
    default_requirements,
    load_requirements,
)
from mzdesk.core.vocab import Occupation, TrainingCategory
from mzdesk.services.training import (
    RequirementData,
    set_training_requirements,
    training_requirements,
)
from mzdesk.store.models import AuditEntry, TrainingRequirement
from tests.helpers.actors import SETUP


def test_the_shipped_defaults_cover_every_occupation_named_in_the_brief():
    rows = default_requirements()
    by = {(r.occupation, r.name): r for r in rows}
    for care in (Occupation.CARE_WORKER, Occupation.CHILDCARE_WORKER):
        prejob = by[(care, "岗前培训")]
        assert prejob.before_start and prejob.interval_months is None
        assert prejob.category is TrainingCategory.PRE_JOB
        fire = by[(care, "消防安全培训")]
        assert (fire.category, fire.topic_contains, fire.interval_months) == (
            TrainingCategory.FIRE_FIRST_AID,
            "消防",
            12,
        )
        assert by[(care, "急救培训")].interval_months == 12
        assert by[(care, "年度培训学时")].hours_per_year == Decimal("40")
    for other in (
        Occupation.NURSE,
        Occupation.THERAPIST,
        Occupation.SOCIAL_WORKER,
        Occupation.MANAGER,
    ):
        assert [r.name for r in rows if r.occupation is other] == ["消防安全培训"]


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ({"occupation": "pilot", "name": "x", "category": "pre_job"}, "pilot"),
        ({"occupation": "nurse", "category": "pre_job"}, "name is missing"),
        ({"occupation": "nurse", "name": "x"}, "category"),
        (
            {"occupation": "nurse", "name": "x", "hours_per_year": 40, "interval_months": 12},
            "hours_per_year",
        ),
        (
            {"occupation": "nurse", "name": "x", "category": "pre_job", "interval_months": 0},
            "interval_months",
        ),
        ({"occupation": "nurse", "name": "x", "category": "pre_job", "every": 3}, "every"),
    ],
)
def test_a_broken_requirements_file_is_named_with_its_entry(tmp_path, entry, says):
    good = {"occupation": "nurse", "name": "消防", "category": "fire_first_aid"}
    path = tmp_path / "requirements.json"
    path.write_text(json.dumps({"requirements": [good, entry]}), encoding="utf-8")
    with pytest.raises(RequirementsFileError) as broken:
        load_requirements(path)
    message = str(broken.value)
    assert str(path) in message and "第2项" in message and says in message


def test_a_file_that_is_not_json_is_named(tmp_path):
    path = tmp_path / "requirements.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(RequirementsFileError, match=r"requirements\.json"):
        load_requirements(path)


def test_an_institution_without_rows_uses_the_defaults_then_its_own(store, home):
    shown = training_requirements(store, home.id)
    assert all(r.is_default and r.id is None for r in shown)
    assert len(shown) == len(default_requirements())
    mine = [r for r in shown if r.occupation is Occupation.CARE_WORKER]
    saved = set_training_requirements(store, SETUP, home.id, mine)
    assert [r.name for r in saved] == [r.name for r in mine]
    assert not any(r.is_default for r in saved) and all(r.id for r in saved)
    assert training_requirements(store, home.id) == saved


def test_saving_updates_tombstones_and_adds_field_by_field(store, home):
    first = set_training_requirements(
        store,
        SETUP,
        home.id,
        [
            RequirementData(
                Occupation.CARE_WORKER, "岗前培训", TrainingCategory.PRE_JOB, before_start=True
            ),
            RequirementData(
                Occupation.CARE_WORKER, "消防", TrainingCategory.FIRE_FIRST_AID, "消防", 12
            ),
            RequirementData(Occupation.CARE_WORKER, "学时", hours_per_year=Decimal("40")),
        ],
    )
    prejob, fire, hours = first
    second = set_training_requirements(
        store,
        SETUP,
        home.id,
        [
            prejob,
            dataclasses.replace(fire, interval_months=6),
            RequirementData(
                Occupation.NURSE, " 消防 ", TrainingCategory.FIRE_FIRST_AID, " 消防 ", 12
            ),
        ],
    )
    assert [(r.occupation, r.name, r.interval_months) for r in second] == [
        (Occupation.CARE_WORKER, "岗前培训", None),
        (Occupation.CARE_WORKER, "消防", 6),
        (Occupation.NURSE, "消防", 12),
    ]
    assert second[0].id == prejob.id and second[1].id == fire.id
    with store.read() as s:
        rows = {r.id: r for r in s.scalars(select(TrainingRequirement))}
        assert rows[hours.id].deleted_at is not None  # tombstoned, not deleted
        fire_updates = [
            e.changes
            for e in s.scalars(select(AuditEntry))
            if e.row_id == fire.id and e.action == "update"
        ]
        prejob_updates = [
            e
            for e in s.scalars(select(AuditEntry))
            if e.row_id == prejob.id and e.action == "update"
        ]
    assert fire_updates == [{"interval_months": [12, 6]}]
    assert prejob_updates == []

    # a line removed and added again comes back as the same row
    again = set_training_requirements(
        store,
        SETUP,
        home.id,
        [*second, RequirementData(Occupation.CARE_WORKER, "学时", hours_per_year=Decimal("30"))],
    )
    assert again[-1].id == hours.id and again[-1].hours_per_year == Decimal("30")


def test_bad_lines_are_all_reported_with_their_line_numbers(store, home):
    with pytest.raises(ValidationError) as bad:
        set_training_requirements(
            store,
            SETUP,
            home.id,
            [
                RequirementData(Occupation.CARE_WORKER, "岗前培训", TrainingCategory.PRE_JOB),
                RequirementData(Occupation.CARE_WORKER, "空", None),
                RequirementData(
                    Occupation.CARE_WORKER, "学时", hours_per_year=Decimal("40"), interval_months=12
                ),
                RequirementData(Occupation.CARE_WORKER, "岗前培训", TrainingCategory.PRE_JOB),
            ],
        )
    message = str(bad.value)
    assert "第2行" in message and "第3行" in message and "第4行" in message
    assert "培训类别" in message or "类别" in message
    with store.read() as s:
        assert s.scalars(select(TrainingRequirement)).all() == []


def test_saving_no_lines_goes_back_to_the_defaults(store, home):
    mine = set_training_requirements(
        store,
        SETUP,
        home.id,
        [RequirementData(Occupation.NURSE, "消防", TrainingCategory.FIRE_FIRST_AID, "消防", 12)],
    )
    assert not mine[0].is_default
    back = set_training_requirements(store, SETUP, home.id, [])
    assert all(r.is_default for r in back) and len(back) == len(default_requirements())
    with store.read() as s:
        (row,) = s.scalars(select(TrainingRequirement)).all()
        assert row.deleted_at is not None
