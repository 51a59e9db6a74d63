"""Occupancy broken down (by building and floor, or by institution) and over time (a
month-end trend of occupancy and nursing share)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from mzdesk.stats.beds.asof import Scope, bed_states, institution_filter
from mzdesk.stats.beds.figures import Ratio, bed_statistics
from mzdesk.stats.beds.institutions import InstitutionBeds
from mzdesk.stats.beds.snapshots import KeepSnapshots, institution_beds, saving
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, Building, Floor, Institution, Room


@dataclass(frozen=True)
class GroupOccupancy:
    group: str
    beds: int
    in_service: int
    occupied: int

    @property
    def occupancy(self) -> Ratio:
        return Ratio(self.occupied, self.in_service)


def occupancy_by_group(
    store: Store, scope: Scope, keep: KeepSnapshots | None = None
) -> list[GroupOccupancy]:
    """By building and floor for one institution; by institution for a region or all."""
    if scope.institution_id is None:
        with store.read() as session:
            names = session.execute(
                select(Institution.id, Institution.name).where(*institution_filter(scope))
            ).all()
            snapshots = institution_beds(session, scope, [row.id for row in names])
        (keep or saving(store))(snapshots)
        figures = snapshots.figures
        groups = []
        for inst_id, name in sorted(names, key=lambda row: row.name):
            entry = figures.get(inst_id, InstitutionBeds())
            groups.append(
                GroupOccupancy(name, sum(entry.by_type.values()), entry.in_service, entry.occupied)
            )
        return groups
    states = _bed_states_with_location(scope)
    query = (
        select(
            states.c.grp,
            func.count(),
            func.sum(states.c.in_service),
            func.sum(states.c.occupied),
        )
        .group_by(states.c.grp)
        .order_by(states.c.grp)
    )
    with store.read() as session:
        return [
            GroupOccupancy(g, n, int(s or 0), int(o or 0)) for g, n, s, o in session.execute(query)
        ]


def _bed_states_with_location(scope: Scope) -> Any:
    base = bed_states(scope, Bed.room_id.label("room_id"))
    return (
        select(
            base.c.in_service,
            base.c.occupied,
            (Building.name + " " + Floor.name).label("grp"),
        )
        .select_from(base)
        .join(Room, Room.id == base.c.room_id)
        .join(Floor, Floor.id == Room.floor_id)
        .join(Building, Building.id == Floor.building_id)
        .subquery()
    )


@dataclass(frozen=True)
class MonthPoint:
    month: str  # yyyy-MM
    occupancy: Ratio
    nursing_share: Ratio


def monthly_trend(store: Store, scope: Scope, months: int = 12) -> list[MonthPoint]:
    """Month-end figures (the scope's day for the current month), oldest first."""
    end = scope.day
    points = []
    for back in range(months - 1, -1, -1):
        year, month = divmod(end.year * 12 + end.month - 1 - back, 12)
        month += 1
        first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
        day = min(first_next - dt.timedelta(days=1), end)
        figures = bed_statistics(store, Scope(scope.institution_id, scope.region_prefix, day))
        points.append(
            MonthPoint(f"{year:04d}-{month:02d}", figures.occupancy, figures.nursing_share)
        )
    return points
