"""Bed-type statistics as civil-affairs bureaus publish them, for one institution, a region or
all, as of any date.

As of a date D:
- a bed exists when ``in_service_since <= D`` and it was not tombstoned on or before D;
- its type and service status are those of its latest ``bed_history`` row on or before D, or
  its row's own when it has no history (history starts with the first change);
- it is occupied when a ``bed_stays`` row covers D (start <= D < end; a discharge day is free),
  or when its latest roster report on or before D (``bed_history.occupied``, a beds roster's
  状态 在住 for a home that keeps no residents here) says occupied and no stay of the bed
  overlaps the time from that report to D (once a resident's stay does, the stays decide);
- a resident is in the institution when admitted on or before D and not discharged by D.
Every share is reported with numerator and denominator; the published form rounds half up to
one decimal ("73.6%"), computed in Decimal so 0.7365 is 73.7%, not a binary-float 73.6%.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select

from mzdesk.core.vocab import BedStatus, Operation
from mzdesk.store.models import Bed, BedHistory, BedStay, Institution, Resident


@dataclass(frozen=True)
class Scope:
    """Which institutions: one (by id), a region (administrative code prefix), or all."""

    institution_id: uuid.UUID | None = None
    region_prefix: str | None = None
    as_of: dt.date | None = None

    @property
    def day(self) -> dt.date:
        return self.as_of or dt.date.today()


def institution_filter(scope: Scope) -> list[ColumnElement[bool]]:
    end_of_day = dt.datetime.combine(scope.day + dt.timedelta(days=1), dt.time())
    # An institution counts from when it was entered, or from its first bed's date when its
    # records were typed in later than the beds came into service.
    had_beds = (
        select(Bed.id)
        .where(Bed.institution_id == Institution.id, Bed.in_service_since <= scope.day)
        .exists()
    )
    conditions: list[ColumnElement[bool]] = [
        or_(Institution.deleted_at.is_(None), Institution.deleted_at >= end_of_day),
        or_(Institution.created_at < end_of_day, had_beds),
    ]
    if scope.institution_id is not None:
        conditions.append(Institution.id == scope.institution_id)
    if scope.region_prefix:
        conditions.append(Institution.region_code.startswith(scope.region_prefix))
    return conditions


def spans(day: dt.date, start: Any, end: Any) -> ColumnElement[bool]:
    """A dated period covers ``day``: started on or before it and not ended by it (the end
    day itself is free: a discharge day, a stay's last day, a leaving day)."""
    return and_(start <= day, or_(end.is_(None), end > day))


def resident_on(day: dt.date) -> ColumnElement[bool]:
    """A resident lived here on ``day``: within the record's admission and discharge dates,
    or within one of their bed stays — a re-admission resets the record's dates, and the
    first stay must still count on its own days."""
    stayed = (
        select(BedStay.id)
        .where(BedStay.resident_id == Resident.id, spans(day, BedStay.start_date, BedStay.end_date))
        .exists()
    )
    return or_(spans(day, Resident.admission_date, Resident.discharge_date), stayed)


def history_on(day: dt.date) -> Any:
    """Each bed's history rows on or before ``day``, ranked (rank 1: its state that day)."""
    return (
        select(
            BedHistory.bed_id,
            BedHistory.bed_type,
            BedHistory.in_service,
            func.row_number()
            .over(
                partition_by=BedHistory.bed_id,
                order_by=(BedHistory.effective_on.desc(), BedHistory.created_at.desc()),
            )
            .label("rank"),
        )
        .where(BedHistory.effective_on <= day, BedHistory.deleted_at.is_(None))
        .subquery()
    )


def roster_on(day: dt.date) -> Any:
    """Each bed's roster reports of occupancy on or before ``day``, ranked (rank 1: the one
    in force that day)."""
    return (
        select(
            BedHistory.bed_id,
            BedHistory.occupied,
            BedHistory.effective_on,
            func.row_number()
            .over(
                partition_by=BedHistory.bed_id,
                order_by=(BedHistory.effective_on.desc(), BedHistory.created_at.desc()),
            )
            .label("rank"),
        )
        .where(
            BedHistory.effective_on <= day,
            BedHistory.occupied.is_not(None),
            BedHistory.deleted_at.is_(None),
        )
        .subquery()
    )


def stay_since(day: dt.date, bed_id: Any, reported_on: Any) -> ColumnElement[bool]:
    """A resident's stay in the bed overlaps the time from a roster's report to ``day``: from
    then the stays, not the roster, say whether the bed is occupied."""
    return exists().where(
        BedStay.bed_id == bed_id,
        BedStay.deleted_at.is_(None),
        BedStay.start_date <= day,
        or_(BedStay.end_date.is_(None), BedStay.end_date > reported_on),
    )


def bed_states(scope: Scope, *extra_columns: Any) -> Any:
    """One row per bed existing on the scope's day: its type, whether in service, occupied
    and socially operated (see the module docstring for the as-of rules)."""
    day = scope.day
    end_of_day = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    institutions = select(Institution.id).where(*institution_filter(scope))
    latest = history_on(day)
    in_service = func.coalesce(latest.c.in_service, Bed.status != BedStatus.OUT_OF_SERVICE)
    roster = roster_on(day)
    occupied = or_(
        exists().where(
            BedStay.bed_id == Bed.id,
            BedStay.deleted_at.is_(None),
            spans(day, BedStay.start_date, BedStay.end_date),
        ),
        and_(
            roster.c.occupied.is_(True),
            ~stay_since(day, Bed.id, roster.c.effective_on),
        ),
    )
    return (
        select(
            func.coalesce(latest.c.bed_type, Bed.bed_type).label("bed_type"),
            case((in_service, 1), else_=0).label("in_service"),
            case((and_(in_service, occupied), 1), else_=0).label("occupied"),
            case(
                (Institution.operation.in_([o for o in Operation if o.socially_operated]), 1),
                else_=0,
            ).label("social"),
            *extra_columns,
        )
        .select_from(Bed)
        .join(Institution, Institution.id == Bed.institution_id)
        .outerjoin(latest, and_(latest.c.bed_id == Bed.id, latest.c.rank == 1))
        .outerjoin(roster, and_(roster.c.bed_id == Bed.id, roster.c.rank == 1))
        .where(
            Bed.institution_id.in_(institutions),
            Bed.in_service_since <= day,
            or_(Bed.deleted_at.is_(None), Bed.deleted_at >= end_of_day),
        )
        .subquery()
    )
