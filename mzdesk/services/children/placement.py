"""安置 and 离院.

家庭寄养: the child leaves its bed for a foster family; the home stays its guardian and counts
it as in care (status 家庭寄养) until the foster care ends (back in the home, or another
placement). Adoption, return to the family and an adult placement end the home's care: the
child leaves (离院) with that reason on the placement's day. Visits to a placement are recorded
with what was found and when the next is due. 离院 for other reasons (transfer, death …) keeps
the record, as every discharge does.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.children import LEAVING_FOR, LEAVING_REASONS, PlacementKind
from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import ChildStage, DischargeReason, ResidentStatus
from mzdesk.services.checks import Checks
from mzdesk.services.children.common import check_step_date, child_in_care, last_placement_start
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.stays import occupy, release_bed, start_stay
from mzdesk.store.engine import Store
from mzdesk.store.models import ChildPlacement, PlacementVisit, Resident


@dataclass(frozen=True)
class Placement:
    kind: PlacementKind
    start_date: dt.date
    family_name: str | None = None
    family_id_number: str | None = None
    family_address: str | None = None
    family_phone: str | None = None
    agreement_number: str | None = None
    next_visit_due: dt.date | None = None
    note: str | None = None


def open_foster_care(session: Session, child: Resident) -> ChildPlacement | None:
    return session.scalars(
        select(ChildPlacement).where(
            ChildPlacement.resident_id == child.id,
            ChildPlacement.kind == PlacementKind.FOSTER,
            ChildPlacement.end_date.is_(None),
            ChildPlacement.deleted_at.is_(None),
        )
    ).first()


def _leave(child: Resident, on: dt.date, reason: DischargeReason, note: str | None) -> None:
    child.status = ResidentStatus.DISCHARGED
    child.discharge_date = on
    child.discharge_reason = reason
    child.discharge_note = note
    child.child_stage = ChildStage.LEFT


@operation(Permission.RESIDENTS_EDIT)
def place_child(
    store: Store,
    actor: Actor,
    resident_id: uuid.UUID,
    placement: Placement,
    *,
    today: dt.date | None = None,
) -> uuid.UUID:
    """The placement from its start date. A running foster care ends that day."""
    with store.write(actor) as session:
        child = child_in_care(session, resident_id)
        return place(session, child, placement, today=today).id


def place(
    session: Session, child: Resident, placement: Placement, *, today: dt.date | None = None
) -> ChildPlacement:
    """:func:`place_child` inside the caller's transaction, for a child in care."""
    checks = Checks("child_placements")
    on = placement.start_date
    check_step_date(checks, "start_date", on, child, today)
    checks.not_before("start_date", on, last_placement_start(session, child), "start_date")
    name = checks.text("family_name", placement.family_name, max_len=100)
    id_number = checks.id_number("family_id_number", placement.family_id_number, required=False)
    address = checks.text(
        "family_address",
        placement.family_address,
        required=placement.kind is PlacementKind.FOSTER,
        max_len=200,
    )
    phone = checks.phone("family_phone", placement.family_phone)
    agreement = checks.text(
        "agreement_number", placement.agreement_number, required=False, max_len=50
    )
    note = checks.text("note", placement.note, required=False, max_len=2_000)
    checks.not_before("next_visit_due", placement.next_visit_due, on, "start_date")
    checks.done()
    running = open_foster_care(session, child)
    if running is not None:
        running.end_date = on
        running.end_reason = placement.kind.zh
    row = ChildPlacement(
        institution_id=child.institution_id,
        resident_id=child.id,
        kind=placement.kind,
        start_date=on,
        family_name=name,
        family_id_number=id_number.value if id_number else None,
        family_address=address,
        family_phone=phone,
        agreement_number=agreement,
        next_visit_due=placement.next_visit_due,
        note=note,
    )
    session.add(row)
    release_bed(session, child, on, placement.kind.value)
    if placement.kind.leaves_the_home:
        _leave(child, on, LEAVING_FOR[placement.kind], None)
    else:
        child.status = ResidentStatus.FOSTERED
        child.child_stage = ChildStage.PLACEMENT
    session.flush()
    return row


@operation(Permission.RESIDENTS_EDIT)
def end_foster_care(
    store: Store,
    actor: Actor,
    resident_id: uuid.UUID,
    on: dt.date,
    reason: str,
    *,
    bed_id: uuid.UUID | None = None,
    today: dt.date | None = None,
) -> None:
    """The child comes back from its foster family into the home (into ``bed_id`` if given)."""
    with store.write(actor) as session:
        child = child_in_care(session, resident_id)
        running = open_foster_care(session, child)
        if running is None:
            raise StateError("child.not_fostered", name=child.name)
        checks = Checks("child_placements")
        check_step_date(checks, "end_date", on, child, today)
        checks.not_before("end_date", on, running.start_date, "start_date")
        why = checks.text("end_reason", reason, max_len=200)
        checks.done()
        running.end_date = on
        running.end_reason = why
        child.status = ResidentStatus.IN_HOUSE
        child.child_stage = ChildStage.UPBRINGING
        if bed_id is not None:  # a bed that is not free is refused, naming it
            occupy(session, bed_id, child.institution_id)
            start_stay(session, child, bed_id, on)


@operation(Permission.RESIDENTS_EDIT)
def record_visit(
    store: Store,
    actor: Actor,
    placement_id: uuid.UUID,
    visited_on: dt.date,
    visited_by: str,
    findings: str,
    *,
    next_visit_due: dt.date | None = None,
    today: dt.date | None = None,
) -> uuid.UUID:
    """回访 of a placement; the placement's next visit moves to ``next_visit_due``."""
    with store.write(actor) as session:
        placement = get_live(session, ChildPlacement, placement_id)
        checks = Checks("placement_visits")
        checks.not_future("visited_on", visited_on, today or dt.date.today())
        checks.not_before(
            "visited_on", visited_on, placement.start_date, "start_date", "child_placements"
        )
        who = checks.text("visited_by", visited_by, max_len=100)
        what = checks.text("findings", findings, max_len=2_000)
        checks.not_before("next_visit_due", next_visit_due, visited_on, "visited_on")
        checks.done()
        visit = PlacementVisit(
            institution_id=placement.institution_id,
            placement_id=placement.id,
            visited_on=visited_on,
            visited_by=who,
            findings=what,
        )
        session.add(visit)
        placement.next_visit_due = next_visit_due
        session.flush()
        return visit.id


@operation(Permission.RESIDENTS_EDIT)
def child_leaves(
    store: Store,
    actor: Actor,
    resident_id: uuid.UUID,
    on: dt.date,
    reason: DischargeReason,
    *,
    note: str | None = None,
    today: dt.date | None = None,
) -> None:
    """离院 for a reason other than a placement (those leave through :func:`place_child`):
    the bed is freed, a foster care ends, the record is kept."""
    with store.write(actor) as session:
        child = child_in_care(session, resident_id)
        leave(session, child, on, reason, note=note, today=today)


def leave(
    session: Session,
    child: Resident,
    on: dt.date,
    reason: DischargeReason,
    *,
    note: str | None = None,
    today: dt.date | None = None,
) -> None:
    """:func:`child_leaves` inside the caller's transaction, for a child in care."""
    if reason not in LEAVING_REASONS:
        raise ValidationError.single("discharge_reason", "child.leaving_reason", table="residents")
    checks = Checks("residents")
    check_step_date(checks, "discharge_date", on, child, today)
    checks.not_before(
        "discharge_date",
        on,
        last_placement_start(session, child),
        "start_date",
        "child_placements",
    )
    why = checks.text("discharge_note", note, required=False, max_len=2_000)
    checks.done()
    running = open_foster_care(session, child)
    if running is not None:
        running.end_date = on
        running.end_reason = reason.zh
    release_bed(session, child, on, "discharge")
    _leave(child, on, reason, why)
