"""An institution's training matrix (which training each occupation needs, how often).

An institution without rows of its own uses the shipped defaults
(resources/training/requirements.json). Saving replaces the set the way sync merges best:
changed lines are updated field by field, lines left out are tombstoned, new lines added —
never delete-all-and-reinsert. A new line's id is derived from (institution, occupation,
name), so two devices saving the same defaults offline create the same rows, not twins."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import FieldProblem, ValidationError
from mzdesk.core.i18n import text
from mzdesk.core.ids import stable_id
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.training import (
    RequirementData,
    default_requirements,
    duplicate_lines,
    requirement_problems,
)
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import Institution, TrainingRequirement, utcnow

_FIELDS = (
    "occupation",
    "name",
    "category",
    "topic_contains",
    "interval_months",
    "hours_per_year",
    "before_start",
    "sort_order",
)


@dataclass(frozen=True)
class RequirementView(RequirementData):
    """A line as shown: ``is_default`` when the institution has no lines of its own (then
    ``id`` is None and saving the lines makes them the institution's)."""

    is_default: bool = False


def _stored(session: Session, institution_id: uuid.UUID) -> list[TrainingRequirement]:
    return list(
        session.scalars(
            select(TrainingRequirement)
            .where(
                TrainingRequirement.institution_id == institution_id,
                TrainingRequirement.deleted_at.is_(None),
            )
            .order_by(TrainingRequirement.sort_order, TrainingRequirement.name)
        )
    )


def _view(row: TrainingRequirement) -> RequirementView:
    return RequirementView(**{key: getattr(row, key) for key in _FIELDS}, id=row.id)


def requirements_in(session: Session, institution_id: uuid.UUID) -> list[RequirementView]:
    rows = _stored(session, institution_id)
    if rows:
        return [_view(row) for row in rows]
    return [RequirementView(**d.__dict__, is_default=True) for d in default_requirements()]


def training_requirements(store: Store, institution_id: uuid.UUID) -> list[RequirementView]:
    """The institution's matrix lines in order, else the shipped defaults."""
    with store.read() as session:
        get_live(session, Institution, institution_id)
        return requirements_in(session, institution_id)


def check_requirements(rows: Sequence[RequirementData]) -> list[RequirementData]:
    """Every line checked at once; a problem names the line (第3行) and its field."""
    problems = []
    clean = []
    for i, row in enumerate(rows):
        row = replace(
            row,
            name=row.name.strip(),
            topic_contains=(row.topic_contains or "").strip() or None,
            sort_order=i,
        )
        clean.append(row)
        for field, code, params in requirement_problems(row):
            problem = text(code, **params)
            problems.append(
                FieldProblem(
                    field,
                    "requirement.line",
                    {"row": i + 1, "name": row.name, "problem": problem},
                    "training_requirements",
                )
            )
    for i in duplicate_lines(clean):
        params = {"row": i + 1, "occupation": clean[i].occupation.label, "name": clean[i].name}
        problems.append(
            FieldProblem("name", "requirement.duplicate", params, "training_requirements")
        )
    if problems:
        raise ValidationError(problems)
    return clean


@operation(Permission.WORKERS_EDIT)
def set_training_requirements(
    store: Store, actor: Actor, institution_id: uuid.UUID, rows: Sequence[RequirementData]
) -> list[RequirementView]:
    """Make the institution's matrix ``rows`` (in this order). A line with the ``id`` of a
    stored line updates it; stored lines not given are tombstoned; others are added. An
    empty list goes back to the defaults."""
    clean = check_requirements(rows)
    with store.write(actor) as session:
        get_live(session, Institution, institution_id)
        stored = {row.id: row for row in _stored(session, institution_id)}
        kept: set[uuid.UUID] = set()
        for data in clean:
            row = stored.get(data.id) if data.id is not None else None
            if row is None:
                new_id = stable_id(
                    "training_requirement", str(institution_id), data.occupation, data.name
                )
                row = stored.get(new_id) or session.get(TrainingRequirement, new_id)
                if row is None:
                    row = TrainingRequirement(id=new_id, institution_id=institution_id)
                    session.add(row)
                elif row.deleted_at is not None:
                    row.deleted_at = None
            kept.add(row.id)
            for key in _FIELDS:
                value = getattr(data, key)
                if getattr(row, key, None) != value:
                    setattr(row, key, value)
        for row_id, row in stored.items():
            if row_id not in kept:
                row.deleted_at = utcnow()
        session.flush()
        return requirements_in(session, institution_id)
