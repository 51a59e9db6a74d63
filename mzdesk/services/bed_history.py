"""A bed's history as a person reads it: from which day it had which type and was in or out
of service, and why (停用 asks for a reason); and who stayed in it, from when to when."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from mzdesk.core.vocab import BedType
from mzdesk.services.lookups import get_live
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, BedHistory, BedStay, Resident


@dataclass(frozen=True)
class BedChange:
    on: dt.date
    bed_type: BedType
    in_service: bool
    reason: str | None


@dataclass(frozen=True)
class BedOccupant:
    name: str
    start: dt.date
    end: dt.date | None


def bed_history(store: Store, bed_id: uuid.UUID) -> tuple[list[BedChange], list[BedOccupant]]:
    """Newest first, both lists."""
    with store.read() as session:
        get_live(session, Bed, bed_id)
        changes = [
            BedChange(r.effective_on, r.bed_type, r.in_service, r.reason)
            for r in session.scalars(
                select(BedHistory)
                .where(BedHistory.bed_id == bed_id, BedHistory.deleted_at.is_(None))
                .order_by(BedHistory.effective_on.desc(), BedHistory.created_at.desc())
            )
        ]
        stays = [
            BedOccupant(name, start, end)
            for name, start, end in session.execute(
                select(Resident.name, BedStay.start_date, BedStay.end_date)
                .join(Resident, Resident.id == BedStay.resident_id)
                .where(BedStay.bed_id == bed_id, BedStay.deleted_at.is_(None))
                .order_by(BedStay.start_date.desc())
            )
        ]
        return changes, stays
