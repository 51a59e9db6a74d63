"""The bed board: every bed of an institution in building order, with whoever lives in it."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import and_, false, or_

from mzdesk.core.vocab import ResidentStatus
from mzdesk.services.beds import BED_ORDER, bed_query
from mzdesk.services.views import BedView
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, Building, Floor, Resident


@dataclass(frozen=True)
class BoardBed:
    """A bed on the bed board, with whoever lives in it."""

    bed: BedView
    resident_id: uuid.UUID | None
    resident_name: str | None
    on_leave: bool


def bed_board(
    store: Store,
    institution_id: uuid.UUID,
    *,
    bed_ids: Collection[uuid.UUID] | None = None,
    resident_ids: Collection[uuid.UUID] | None = None,
    floors: Collection[tuple[str, str]] | None = None,
) -> list[BoardBed]:
    """The bed board; with ``bed_ids`` / ``resident_ids``, only those beds and the beds of
    those residents (what a change touched); with ``floors``, only the beds of those
    (building, floor) pairs."""
    query = (
        bed_query()
        .add_columns(Resident.id, Resident.name, Resident.status)
        .outerjoin(
            Resident,
            (Resident.bed_id == Bed.id)
            & (Resident.status != ResidentStatus.DISCHARGED)
            & Resident.deleted_at.is_(None),
        )
        .where(Bed.institution_id == institution_id)
        .order_by(*BED_ORDER)
    )
    if bed_ids is not None or resident_ids is not None:
        query = query.where(
            or_(Bed.id.in_(list(bed_ids or ())), Resident.id.in_(list(resident_ids or ())))
        )
    if floors is not None:
        query = query.where(
            or_(*(and_(Building.name == b, Floor.name == f) for b, f in floors), false())
        )
    with store.read() as session:
        return [
            BoardBed(BedView.of(bed, b, f, r), rid, name, status is ResidentStatus.ON_LEAVE)
            for bed, b, f, r, rid, name, status in session.execute(query)
        ]
