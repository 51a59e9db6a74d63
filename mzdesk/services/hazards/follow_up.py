"""复查: a follow-up of an inspection carries forward only the hazards it left open; each is
re-checked — passed (已销号) or not (打回, with a reason) — and the follow-up reads original
against follow-up: the hazard, its original finding and deadline, the follow-up's result,
date and who re-checked.

A re-check in a follow-up may close a hazard that never reached 待复查 (the inspector sees it
rectified on the spot); a failed one goes back to 整改中 whatever step it had reached.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import HazardLevel, HazardStatus, InspectionStatus
from mzdesk.services.checks import Checks
from mzdesk.services.hazards.lifecycle import add_event, check_date
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import Hazard, HazardEvent, HazardFollowUp, Inspection


@dataclass(frozen=True)
class Recheck:
    hazard_id: uuid.UUID
    passed: bool
    reason: str | None = None  # required when not passed


@dataclass(frozen=True)
class FollowUpData:
    inspection_id: uuid.UUID
    checked_on: dt.date
    checked_by: str
    rechecks: tuple[Recheck, ...]
    note: str | None = None


def carried_forward(store: Store, inspection_id: uuid.UUID) -> list[uuid.UUID]:
    """The hazards a follow-up of this inspection re-checks: those not yet closed."""
    with store.read() as session:
        return list(
            session.scalars(
                select(Hazard.id)
                .where(
                    Hazard.inspection_id == inspection_id,
                    Hazard.deleted_at.is_(None),
                    Hazard.status != HazardStatus.CLOSED,
                )
                .order_by(Hazard.found_on, Hazard.created_at)
            )
        )


@operation(Permission.INSPECTIONS_EDIT)
def record_follow_up(
    store: Store, actor: Actor, data: FollowUpData, *, today: dt.date | None = None
) -> uuid.UUID:
    """Record a follow-up: every open hazard of the inspection gets a result, in one
    transaction. Returns the follow-up's id."""
    day = today or dt.date.today()
    checks = Checks("hazard_follow_ups")
    checked_by = checks.text("checked_by", data.checked_by, max_len=50)  # = rechecked_by
    note = checks.text("note", data.note, required=False, max_len=2_000)
    checks.done()
    with store.write(actor) as session:
        inspection = get_live(session, Inspection, data.inspection_id)
        if inspection.status is not InspectionStatus.COMPLETED:
            raise StateError("hazard.inspection_not_completed")
        open_hazards = {
            h.id: h
            for h in session.scalars(
                select(Hazard).where(
                    Hazard.inspection_id == inspection.id,
                    Hazard.deleted_at.is_(None),
                    Hazard.status != HazardStatus.CLOSED,
                )
            )
        }
        if not open_hazards:
            raise StateError("hazard.follow_up_empty")
        given = {r.hazard_id: r for r in data.rechecks}
        if set(given) - set(open_hazards):
            raise ValidationError.single("hazard_id", "hazard.not_in_follow_up")
        missing = len(set(open_hazards) - set(given))
        if missing:
            raise ValidationError.single("rechecks", "hazard.follow_up_unanswered", count=missing)
        checks = Checks("hazard_events")
        for hazard in open_hazards.values():
            check_date(session, checks, hazard, "checked_on", data.checked_on, day)
            recheck = given[hazard.id]
            if not recheck.passed:
                checks.text("reason", recheck.reason, max_len=2_000)
            if checks.problems:
                break
        checks.done()
        follow_up = HazardFollowUp(
            institution_id=inspection.institution_id,
            inspection_id=inspection.id,
            checked_on=data.checked_on,
            checked_by=checked_by or "",
            note=note,
        )
        session.add(follow_up)
        session.flush()
        for hazard in open_hazards.values():
            recheck = given[hazard.id]
            if recheck.passed:
                hazard.status = HazardStatus.CLOSED
                hazard.rectified_on = hazard.rectified_on or data.checked_on
                hazard.rechecked_by = checked_by
                hazard.rechecked_on = data.checked_on
                hazard.closed_on = data.checked_on
                kind = HazardEventKind.PASSED
            else:
                hazard.status = HazardStatus.IN_PROGRESS
                kind = HazardEventKind.RETURNED
            add_event(
                session,
                hazard,
                kind,
                data.checked_on,
                checked_by,
                reason=(recheck.reason or "").strip() or None,
                follow_up_id=follow_up.id,
            )
        session.flush()
        return follow_up.id


@dataclass(frozen=True)
class FollowUpLine:
    """One hazard, original against follow-up."""

    hazard_id: uuid.UUID
    description: str
    level: HazardLevel
    found_on: dt.date
    original_deadline: dt.date
    deadline: dt.date  # as it stood at the follow-up (after any 延期)
    passed: bool
    reason: str | None
    status_now: HazardStatus


@dataclass(frozen=True)
class FollowUpReport:
    id: uuid.UUID
    inspection_id: uuid.UUID
    inspected_on: dt.date
    inspectors: str
    checked_on: dt.date
    checked_by: str
    note: str | None
    lines: list[FollowUpLine]

    @property
    def passed(self) -> int:
        return sum(line.passed for line in self.lines)


def follow_ups_of(store: Store, inspection_id: uuid.UUID) -> list[FollowUpReport]:
    """Every follow-up of an inspection, earliest first, each original against follow-up."""
    with store.read() as session:
        inspection = get_live(session, Inspection, inspection_id)
        reports = []
        for f in session.scalars(
            select(HazardFollowUp)
            .where(
                HazardFollowUp.inspection_id == inspection_id, HazardFollowUp.deleted_at.is_(None)
            )
            .order_by(HazardFollowUp.checked_on, HazardFollowUp.created_at)
        ):
            lines = []
            for event, hazard in session.execute(
                select(HazardEvent, Hazard)
                .join(Hazard, Hazard.id == HazardEvent.hazard_id)
                .where(HazardEvent.follow_up_id == f.id, HazardEvent.deleted_at.is_(None))
                .order_by(Hazard.found_on, Hazard.created_at)
            ):
                lines.append(
                    FollowUpLine(
                        hazard.id,
                        hazard.description,
                        hazard.level,
                        hazard.found_on,
                        hazard.original_deadline or hazard.deadline,
                        _deadline_at(session, hazard, f.checked_on),
                        event.kind is HazardEventKind.PASSED,
                        event.reason,
                        hazard.status,
                    )
                )
            reports.append(
                FollowUpReport(
                    f.id,
                    inspection.id,
                    inspection.inspected_on,
                    inspection.inspectors,
                    f.checked_on,
                    f.checked_by,
                    f.note,
                    lines,
                )
            )
        return reports


def _deadline_at(session: Session, hazard: Hazard, day: dt.date) -> dt.date:
    """The deadline in force on ``day``: the last 延期 or correction on or before it."""
    moved = session.scalars(
        select(HazardEvent.new_deadline)
        .where(
            HazardEvent.hazard_id == hazard.id,
            HazardEvent.new_deadline.is_not(None),
            HazardEvent.happened_on <= day,
            HazardEvent.deleted_at.is_(None),
        )
        .order_by(HazardEvent.happened_on.desc(), HazardEvent.created_at.desc())
    ).first()
    return moved or hazard.original_deadline or hazard.deadline
