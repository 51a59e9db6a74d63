"""What every step of a child's path shares: finding the child, and the dates a step may
not precede."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError
from mzdesk.core.vocab import ResidentKind, ResidentStatus
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.store.models import ChildPlacement, Resident


def child_in_care(session: Session, resident_id: uuid.UUID) -> Resident:
    """The live child record, still in the home's care (in house or in foster care)."""
    child = any_child(session, resident_id)
    if child.status is ResidentStatus.DISCHARGED:
        raise StateError("child.left", name=child.name)
    return child


def any_child(session: Session, resident_id: uuid.UUID) -> Resident:
    resident = get_live(session, Resident, resident_id)
    if resident.kind is not ResidentKind.CHILD:
        raise StateError("child.not_a_child", name=resident.name)
    return resident


def last_placement_start(session: Session, child: Resident) -> dt.date | None:
    return session.scalar(
        select(func.max(ChildPlacement.start_date)).where(
            ChildPlacement.resident_id == child.id, ChildPlacement.deleted_at.is_(None)
        )
    )


def check_step_date(
    checks: Checks, field: str, on: dt.date, child: Resident, today: dt.date | None
) -> None:
    """A step of the path is dated within the child's time in care: not before the intake
    (入院日期) nor the birth, and not in the future."""
    checks.not_future(field, on, today or dt.date.today())
    checks.not_before(field, on, child.admission_date, "intake_date", "child_intakes")
    if not checks.has(field):
        checks.not_before(field, on, child.birth_date, "birth_date", "residents")
