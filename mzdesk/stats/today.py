"""The day's numbers on the home page: who is in, who is out, which beds are free.

The bed figures are the published ones (``stats.beds``) for the institution as of the day,
so the home page, the statistics page, the CLI and the exports cannot disagree."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, select

from mzdesk.core.vocab import BedStatus, BedType, HazardStatus, ResidentStatus
from mzdesk.stats.beds.asof import Scope, bed_states
from mzdesk.stats.beds.figures import Ratio, bed_statistics
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
    def occupancy(self) -> Ratio:
        """入住率 as published: occupied beds / beds in service, rounded half up."""
        return Ratio(self.beds_occupied, self.beds_in_service)

    @property
    def free_total(self) -> int:
        return sum(self.free_by_type.values())


def today_figures(
    store: Store, institution_id: uuid.UUID | None, today: dt.date | None = None
) -> TodayFigures:
    day = today or dt.date.today()
    live_resident: list[ColumnElement[bool]] = [Resident.deleted_at.is_(None)]
    live_hazard: list[ColumnElement[bool]] = [
        Hazard.deleted_at.is_(None),
        Hazard.status != HazardStatus.CLOSED,
    ]
    if institution_id is not None:
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
        states = bed_states(Scope(institution_id, None, day), Bed.status.label("status"))
        free_beds = session.execute(
            select(states.c.bed_type, func.count())
            .where(
                states.c.in_service == 1,
                states.c.occupied == 0,
                states.c.status != BedStatus.RESERVED,
            )
            .group_by(states.c.bed_type)
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
    for bed_type, n in free_beds:
        free[BedType(bed_type)] += n
    # computed for one home's page: not worth a write to keep as a snapshot
    figures = bed_statistics(store, Scope(institution_id, None, day), keep=lambda _: None)
    return TodayFigures(
        in_house=residents.get(ResidentStatus.IN_HOUSE, 0),
        on_leave=residents.get(ResidentStatus.ON_LEAVE, 0),
        beds_total=figures.total_beds,
        beds_in_service=figures.beds_in_service,
        beds_occupied=figures.occupied_beds,
        free_by_type=free,
        open_hazards=hazards[0] or 0,
        overdue_hazards=int(hazards[1] or 0),
        most_overdue=most_overdue,
    )
