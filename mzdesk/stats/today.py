"""The day's numbers on the home page: who is in, who is out, which beds are free."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, select

from mzdesk.core.vocab import BedStatus, BedType, HazardStatus, ResidentStatus
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, Hazard, Resident

MOST_OVERDUE = 3


@dataclass(frozen=True)
class OverdueHazard:
    description: str
    deadline: dt.date
    days: int  # past the deadline


@dataclass(frozen=True)
class TodayFigures:
    in_house: int
    on_leave: int
    beds_total: int
    beds_in_service: int
    beds_occupied: int
    free_by_type: dict[BedType, int]
    open_hazards: int
    overdue_hazards: int
    # the most overdue hazards, most overdue first, so 首页 names them (issue 12, part D)
    most_overdue: tuple[OverdueHazard, ...] = ()

    @property
    def free_total(self) -> int:
        return sum(self.free_by_type.values())


def today_figures(
    store: Store, institution_id: uuid.UUID | None, today: dt.date | None = None
) -> TodayFigures:
    day = today or dt.date.today()
    live_bed: list[ColumnElement[bool]] = [Bed.deleted_at.is_(None)]
    live_resident: list[ColumnElement[bool]] = [Resident.deleted_at.is_(None)]
    live_hazard: list[ColumnElement[bool]] = [
        Hazard.deleted_at.is_(None),
        Hazard.status != HazardStatus.CLOSED,
    ]
    if institution_id is not None:
        live_bed.append(Bed.institution_id == institution_id)
        live_resident.append(Resident.institution_id == institution_id)
        live_hazard.append(Hazard.institution_id == institution_id)
    with store.read() as session:
        residents = dict(
            session.execute(
                select(Resident.status, func.count())
                .where(*live_resident)
                .group_by(Resident.status)
            ).all()
        )
        beds = session.execute(
            select(Bed.bed_type, Bed.status, func.count())
            .where(*live_bed)
            .group_by(Bed.bed_type, Bed.status)
        ).all()
        hazards = session.execute(
            select(func.count(), func.sum(case((Hazard.deadline < day, 1), else_=0))).where(
                *live_hazard
            )
        ).one()
        most_overdue = tuple(
            OverdueHazard(description, deadline, (day - deadline).days)
            for description, deadline in session.execute(
                select(Hazard.description, Hazard.deadline)
                .where(*live_hazard, Hazard.deadline < day)
                .order_by(Hazard.deadline, Hazard.found_on)
                .limit(MOST_OVERDUE)
            )
        )
    free = dict.fromkeys(BedType, 0)
    total = in_service = occupied = 0
    for bed_type, status, n in beds:
        total += n
        if status is not BedStatus.OUT_OF_SERVICE:
            in_service += n
        if status is BedStatus.OCCUPIED:
            occupied += n
        if status is BedStatus.FREE:
            free[bed_type] += n
    return TodayFigures(
        in_house=residents.get(ResidentStatus.IN_HOUSE, 0),
        on_leave=residents.get(ResidentStatus.ON_LEAVE, 0),
        beds_total=total,
        beds_in_service=in_service,
        beds_occupied=occupied,
        free_by_type=free,
        open_hazards=hazards[0] or 0,
        overdue_hazards=int(hazards[1] or 0),
        most_overdue=most_overdue,
    )
