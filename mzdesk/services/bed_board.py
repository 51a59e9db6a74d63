"""The bed board: every bed of an institution in building order, with whoever lives in it."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from typing import TypeAlias

from sqlalchemy import false, or_

from mzdesk.core.vocab import ResidentStatus
from mzdesk.services.beds import BED_ORDER, bed_query
from mzdesk.services.views import BedView
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, Building, Floor, Resident, Room

# where a bed sits on the board: (building, floor, room) sort orders and names, bed number
BoardOrder: TypeAlias = tuple[int, str, int, int, str, str]


@dataclass(frozen=True)
class BoardBed:
    """A bed on the bed board, with whoever lives in it. ``order`` places it among the
    others (the board's sort key), so a changed bed can be put in its place without
    reading the rest of the board again."""

    bed: BedView
    resident_id: uuid.UUID | None
    resident_name: str | None
    on_leave: bool
    order: BoardOrder


def bed_board(
    store: Store,
    institution_id: uuid.UUID,
    *,
    bed_ids: Collection[uuid.UUID] | None = None,
    resident_ids: Collection[uuid.UUID] | None = None,
    room_ids: Collection[uuid.UUID] | None = None,
    floor_ids: Collection[uuid.UUID] | None = None,
    building_ids: Collection[uuid.UUID] | None = None,
) -> list[BoardBed]:
    """The bed board; given any of the ids, only the beds a change touched, in one query:
    those beds, the beds of those residents, and the beds in those rooms, floors and
    buildings (renamed or reordered ones move on the board)."""
    query = (
        bed_query()
        .add_columns(
            Resident.id,
            Resident.name,
            Resident.status,
            Building.sort_order,
            Floor.sort_order,
            Room.sort_order,
        )
        .outerjoin(
            Resident,
            (Resident.bed_id == Bed.id)
            & (Resident.status != ResidentStatus.DISCHARGED)
            & Resident.deleted_at.is_(None),
        )
        .where(Bed.institution_id == institution_id)
        .order_by(*BED_ORDER)
    )
    touched = {
        Bed.id: bed_ids,
        Resident.id: resident_ids,
        Room.id: room_ids,
        Floor.id: floor_ids,
        Building.id: building_ids,
    }
    if any(ids is not None for ids in touched.values()):
        query = query.where(
            or_(*(column.in_(list(ids)) for column, ids in touched.items() if ids), false())
        )
    with store.read() as session:
        return [
            BoardBed(
                BedView.of(bed, b, f, r),
                rid,
                name,
                status is ResidentStatus.ON_LEAVE,
                (b_order, b, f_order, r_order, r, bed.number),
            )
            for bed, b, f, r, rid, name, status, b_order, f_order, r_order in session.execute(query)
        ]
