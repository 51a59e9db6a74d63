"""Recording GB/T 42195 ability assessments as a dated history."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select

from mzdesk.core.assessment import AssessmentScheme, default_scheme
from mzdesk.core.errors import ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import AbilityLevel, AssessmentReason, RiskEvent
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.residents import (
    ensure_editable,
)
from mzdesk.store.engine import Store
from mzdesk.store.models import Assessment, Institution, Resident


@dataclass(frozen=True)
class AssessmentData:
    resident_id: uuid.UUID
    assessed_on: dt.date
    reason: AssessmentReason
    assessor: str
    answers: Mapping[str, int]
    cognitive_disorder: bool = False
    risk_events: tuple[RiskEvent, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class AssessmentView:
    id: uuid.UUID
    resident_id: uuid.UUID
    assessed_on: dt.date
    reason: AssessmentReason
    total: int
    dimension_scores: dict[str, int]
    base_level: AbilityLevel
    level: AbilityLevel
    # what was chosen, so that the next assessment can start from it
    answers: dict[str, int] = field(default_factory=dict)
    assessor: str = ""


@operation(Permission.RESIDENTS_EDIT)
def record_assessment(
    store: Store, actor: Actor, data: AssessmentData, *, scheme: AssessmentScheme | None = None
) -> AssessmentView:
    """Score and store an assessment; the newest one sets the resident's level and care level."""
    scheme = scheme or default_scheme()
    checks = Checks()
    assessor = checks.text("assessor", data.assessor, max_len=100)
    checks.not_future("assessed_on", data.assessed_on, dt.date.today())
    try:
        result = scheme.score(
            data.answers,
            cognitive_disorder=data.cognitive_disorder,
            risk_events_30d=len(data.risk_events),
        )
    except ValidationError as error:
        checks.absorb(error)
    checks.lengths("assessments", data)
    checks.done()
    with store.write(actor) as session:
        resident = get_live(session, Resident, data.resident_id)
        ensure_editable(resident)
        dated = Checks("assessments")
        dated.not_before("assessed_on", data.assessed_on, resident.admission_date, "admission_date")
        dated.done()
        latest = session.scalar(
            select(func.max(Assessment.assessed_on)).where(
                Assessment.resident_id == resident.id, Assessment.deleted_at.is_(None)
            )
        )
        row = Assessment(
            institution_id=resident.institution_id,
            resident_id=resident.id,
            assessed_on=data.assessed_on,
            reason=data.reason,
            assessor=assessor or "",
            scheme_version=f"{scheme.standard} {scheme.version}",
            answers=dict(data.answers),
            dimension_scores=result.dimension_scores,
            total=result.total,
            base_level=result.base_level,
            level=result.level,
            cognitive_disorder=data.cognitive_disorder,
            risk_events=[e.value for e in data.risk_events],
            coma=result.coma,
            note=data.note,
        )
        session.add(row)
        if latest is None or data.assessed_on >= latest:
            resident.ability_level = result.level
            institution = get_live(session, Institution, resident.institution_id)
            care_level = (institution.care_levels or {}).get(result.level.value)
            if care_level:
                resident.care_level = str(care_level)
        session.flush()
        return AssessmentView(
            row.id,
            resident.id,
            row.assessed_on,
            row.reason,
            row.total,
            dict(result.dimension_scores),
            row.base_level,
            row.level,
        )


def assessment_history(store: Store, resident_id: uuid.UUID) -> list[AssessmentView]:
    with store.read() as session:
        rows = session.scalars(
            select(Assessment)
            .where(Assessment.resident_id == resident_id, Assessment.deleted_at.is_(None))
            .order_by(Assessment.assessed_on.desc(), Assessment.created_at.desc())
        )
        return [
            AssessmentView(
                r.id,
                r.resident_id,
                r.assessed_on,
                r.reason,
                r.total,
                dict(r.dimension_scores),
                r.base_level,
                r.level,
                {str(k): int(v) for k, v in (r.answers or {}).items()},
                r.assessor or "",
            )
            for r in rows
        ]
