"""A resident's record as one story: admission (bed), leaves, bed transfers, assessments and
discharge in date order, read from the stays, leaves and assessments themselves (so a
corrected date moves its event), with the resident's change history beside it."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from mzdesk.core.vocab import AbilityLevel, AssessmentReason, DischargeReason
from mzdesk.services.beds import beds_by_id
from mzdesk.services.history import AuditView, audit_trail
from mzdesk.services.lookups import get_live
from mzdesk.services.views import ResidentView
from mzdesk.store.engine import Store
from mzdesk.store.models import Assessment, BedStay, Leave, Resident


class EventKind(StrEnum):
    ADMISSION = "admission"
    TRANSFER = "transfer"
    LEAVE = "leave"
    ASSESSMENT = "assessment"
    DISCHARGE = "discharge"


@dataclass(frozen=True)
class RecordEvent:
    """One event; ``end`` is a leave's return (``None`` while away), ``row_id`` the leave's
    id (what a correction of a leave names)."""

    on: dt.date
    kind: EventKind
    bed: str | None = None
    end: dt.date | None = None
    row_id: uuid.UUID | None = None
    level: AbilityLevel | None = None
    total: int | None = None
    assessment_reason: AssessmentReason | None = None
    discharge_reason: DischargeReason | None = None
    note: str | None = None


@dataclass(frozen=True)
class ResidentRecord:
    resident: ResidentView
    events: tuple[RecordEvent, ...]
    history: tuple[AuditView, ...]

    def leaves(self) -> list[RecordEvent]:
        return [e for e in self.events if e.kind is EventKind.LEAVE]


_ORDER = {kind: i for i, kind in enumerate(EventKind)}


def _stay_events(
    stays: list[BedStay], beds: dict[uuid.UUID, str], resident: Resident
) -> list[RecordEvent]:
    events = []
    previous: BedStay | None = None
    for stay in stays:
        arrived = previous is None or previous.end_reason == "discharge"
        kind = EventKind.ADMISSION if arrived else EventKind.TRANSFER
        events.append(RecordEvent(stay.start_date, kind, bed=beds.get(stay.bed_id)))
        latest = stay.end_date is not None and stay.end_date == resident.discharge_date
        if stay.end_reason == "discharge" and not latest:
            events.append(RecordEvent(stay.end_date or stay.start_date, EventKind.DISCHARGE))
        previous = stay
    return events


def resident_record(store: Store, resident_id: uuid.UUID) -> ResidentRecord:
    with store.read() as session:
        resident = get_live(session, Resident, resident_id)
        stays = list(
            session.scalars(
                select(BedStay)
                .where(BedStay.resident_id == resident_id, BedStay.deleted_at.is_(None))
                .order_by(BedStay.start_date, BedStay.created_at)
            )
        )
        labels = {b.id: b.label for b in beds_by_id(session, list({s.bed_id for s in stays}))}
        events = _stay_events(stays, labels, resident)
        if not any(e.kind is EventKind.ADMISSION for e in events):
            events.append(RecordEvent(resident.admission_date, EventKind.ADMISSION))
        for leave in session.scalars(
            select(Leave).where(Leave.resident_id == resident_id, Leave.deleted_at.is_(None))
        ):
            events.append(
                RecordEvent(
                    leave.start_date,
                    EventKind.LEAVE,
                    end=leave.return_date,
                    row_id=leave.id,
                    note="，".join(t for t in (leave.destination, leave.reason) if t) or None,
                )
            )
        for assessment in session.scalars(
            select(Assessment).where(
                Assessment.resident_id == resident_id, Assessment.deleted_at.is_(None)
            )
        ):
            events.append(
                RecordEvent(
                    assessment.assessed_on,
                    EventKind.ASSESSMENT,
                    level=assessment.level,
                    total=assessment.total,
                    assessment_reason=assessment.reason,
                )
            )
        if resident.discharge_date is not None:
            events.append(
                RecordEvent(
                    resident.discharge_date,
                    EventKind.DISCHARGE,
                    discharge_reason=resident.discharge_reason,
                    note=resident.discharge_note,
                )
            )
        view = ResidentView.of(resident)
    events.sort(key=lambda e: (e.on, _ORDER[e.kind]))
    history = audit_trail(store, related_to=resident_id)
    return ResidentRecord(view, tuple(events), tuple(history))


def current_bed_label(store: Store, resident_id: uuid.UUID) -> str | None:
    """The label of the bed the resident holds now (None without one)."""
    with store.read() as session:
        bed_id = get_live(session, Resident, resident_id).bed_id
        views = beds_by_id(session, [bed_id]) if bed_id is not None else []
        return views[0].label if views else None
