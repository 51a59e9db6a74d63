"""Recurring checks per home (the daily fire patrol, the monthly fire check): configured in
the 安全检查 page, synced like any record."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from mzdesk.core.errors import ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import InspectionType, ScheduleFrequency
from mzdesk.services.checklists import version_labels
from mzdesk.services.checks import Checks
from mzdesk.services.inspecting.templates import available_checklists
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import InspectionSchedule, Institution, utcnow

TABLE = "inspection_schedules"


@dataclass(frozen=True)
class ScheduleData:
    institution_id: uuid.UUID
    name: str
    frequency: ScheduleFrequency
    template_id: uuid.UUID
    inspection_type: InspectionType
    starts_on: dt.date
    active: bool = True


@dataclass(frozen=True)
class ScheduleView:
    id: uuid.UUID
    institution_id: uuid.UUID
    name: str
    frequency: ScheduleFrequency
    template_id: uuid.UUID
    template_title: str
    inspection_type: InspectionType
    starts_on: dt.date
    active: bool


@operation(Permission.INSPECTIONS_EDIT)
def save_schedule(
    store: Store, actor: Actor, data: ScheduleData, schedule_id: uuid.UUID | None = None
) -> uuid.UUID:
    """A new schedule, or the changed fields of one (``schedule_id``)."""
    checks = Checks(TABLE)
    name = checks.text("name", data.name, max_len=100)
    checks.done()
    with store.read() as session:
        kind = get_live(session, Institution, data.institution_id).kind
    if data.template_id not in {
        c.id for c in available_checklists(store, data.institution_id, kind)
    }:
        raise ValidationError.single("template_id", "inspecting.template_missing")
    with store.write(actor) as session:
        row = (
            InspectionSchedule(institution_id=data.institution_id)
            if schedule_id is None
            else get_live(session, InspectionSchedule, schedule_id)
        )
        values = {
            "name": name,
            "frequency": data.frequency,
            "template_id": data.template_id,
            "inspection_type": data.inspection_type,
            "starts_on": data.starts_on,
            "active": data.active,
        }
        for field, value in values.items():
            if getattr(row, field, None) != value:
                setattr(row, field, value)
        if schedule_id is None:
            session.add(row)
        session.flush()
        return row.id


@operation(Permission.INSPECTIONS_EDIT)
def remove_schedule(store: Store, actor: Actor, schedule_id: uuid.UUID) -> None:
    """A schedule no longer kept (its inspections stay; it is tombstoned, as synced rows are)."""
    with store.write(actor) as session:
        row = get_live(session, InspectionSchedule, schedule_id)
        row.deleted_at = utcnow()
        session.flush()


def list_schedules(store: Store, institution_id: uuid.UUID) -> list[ScheduleView]:
    with store.read() as session:
        rows = session.scalars(
            select(InspectionSchedule)
            .where(
                InspectionSchedule.institution_id == institution_id,
                InspectionSchedule.deleted_at.is_(None),
            )
            .order_by(InspectionSchedule.name)
        ).all()
        labels = version_labels(session, {r.template_id for r in rows})
        return [
            ScheduleView(
                r.id,
                r.institution_id,
                r.name,
                r.frequency,
                r.template_id,
                labels[r.template_id].title if r.template_id in labels else str(r.template_id),
                r.inspection_type,
                r.starts_on,
                r.active,
            )
            for r in rows
        ]
