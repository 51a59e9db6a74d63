"""Safety inspections against versioned checklists, and hazards tracked until closed."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from mzdesk.core.checklists import Template, shipped_templates
from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import (
    HazardLevel,
    HazardStatus,
    InspectionStatus,
    InspectionType,
    ItemResult,
)
from mzdesk.services.checklists import install_shipped
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    ChecklistItem,
    ChecklistTemplate,
    Hazard,
    Inspection,
    InspectionResult,
    Institution,
    utcnow,
)

# 待整改 → 整改中 → 待复查 → 已销号; a failed re-check sends it back to 整改中.
HAZARD_TRANSITIONS: Mapping[HazardStatus, tuple[HazardStatus, ...]] = {
    HazardStatus.OPEN: (HazardStatus.IN_PROGRESS, HazardStatus.AWAITING_CHECK),
    HazardStatus.IN_PROGRESS: (HazardStatus.AWAITING_CHECK,),
    HazardStatus.AWAITING_CHECK: (HazardStatus.CLOSED, HazardStatus.IN_PROGRESS),
    HazardStatus.CLOSED: (),
}
MAJOR_HAZARD_RECTIFY_DAYS = 7


def install_templates(session: Session) -> int:
    """Bring the shipped checklists into the store (see services.checklists.install_shipped)."""
    return install_shipped(session)


def _template(template_id: uuid.UUID) -> Template:
    for template in shipped_templates():
        if template.id == template_id:
            return template
    raise KeyError(template_id)


@dataclass(frozen=True)
class InspectionStart:
    institution_id: uuid.UUID
    template_id: uuid.UUID
    inspected_on: dt.date
    inspection_type: InspectionType
    inspectors: str


@operation(Permission.INSPECTIONS_EDIT)
def start_inspection(store: Store, actor: Actor, data: InspectionStart) -> uuid.UUID:
    checks = Checks()
    inspectors = checks.text("inspectors", data.inspectors, max_len=200)
    checks.lengths("inspections", data)
    checks.done()
    with store.write(actor) as session:
        get_live(session, Institution, data.institution_id)
        install_templates(session)
        if session.get(ChecklistTemplate, data.template_id) is None:
            raise ValidationError.single(
                "template_id", "not_found", what="检查表", key=str(data.template_id)
            )
        row = Inspection(
            institution_id=data.institution_id,
            template_id=data.template_id,
            inspected_on=data.inspected_on,
            inspection_type=data.inspection_type,
            inspectors=inspectors or "",
        )
        session.add(row)
        session.flush()
        return row.id


@operation(Permission.INSPECTIONS_EDIT)
def record_result(
    store: Store,
    actor: Actor,
    inspection_id: uuid.UUID,
    item_id: uuid.UUID,
    result: ItemResult,
    note: str | None = None,
) -> None:
    """Set (or change) one item's result while the inspection is in progress."""
    with store.write(actor) as session:
        inspection = get_live(session, Inspection, inspection_id)
        if inspection.status is InspectionStatus.COMPLETED:
            raise StateError("inspection.completed")
        item = session.get(ChecklistItem, item_id)
        if item is None or item.template_id != inspection.template_id:
            raise ValidationError.single("item_id", "inspection.item_not_in_template")
        existing = session.scalars(
            select(InspectionResult).where(
                InspectionResult.inspection_id == inspection.id,
                InspectionResult.item_id == item_id,
                InspectionResult.deleted_at.is_(None),
            )
        ).first()
        if existing is None:
            session.add(
                InspectionResult(
                    institution_id=inspection.institution_id,
                    inspection_id=inspection.id,
                    item_id=item_id,
                    result=result,
                    note=note,
                )
            )
        else:
            existing.result = result
            existing.note = note
        session.flush()


@operation(Permission.INSPECTIONS_EDIT)
def complete_inspection(
    store: Store,
    actor: Actor,
    inspection_id: uuid.UUID,
    *,
    summary: str | None = None,
    responsible_person: str | None = None,
) -> list[uuid.UUID]:
    """Close the inspection; every failed item opens a hazard. Returns the hazard ids."""
    with store.write(actor) as session:
        inspection = get_live(session, Inspection, inspection_id)
        if inspection.status is InspectionStatus.COMPLETED:
            raise StateError("inspection.completed")
        items = session.scalars(
            select(ChecklistItem).where(ChecklistItem.template_id == inspection.template_id)
        ).all()
        results = {
            r.item_id: r
            for r in session.scalars(
                select(InspectionResult).where(
                    InspectionResult.inspection_id == inspection.id,
                    InspectionResult.deleted_at.is_(None),
                )
            )
        }
        unanswered = [i for i in items if i.id not in results]
        if unanswered:
            raise ValidationError.single("results", "inspection.unanswered", count=len(unanswered))
        rectify_days = _template(inspection.template_id).rectify_days
        hazards = []
        for item in items:
            result = results[item.id]
            if result.result is not ItemResult.FAIL:
                continue
            level = HazardLevel.MAJOR if item.major_hazard else HazardLevel.ORDINARY
            days = MAJOR_HAZARD_RECTIFY_DAYS if item.major_hazard else rectify_days
            hazard = Hazard(
                institution_id=inspection.institution_id,
                inspection_id=inspection.id,
                result_id=result.id,
                description=f"{item.text}" + (f"（{result.note}）" if result.note else ""),
                level=level,
                responsible_person=responsible_person,
                found_on=inspection.inspected_on,
                deadline=inspection.inspected_on + dt.timedelta(days=days),
                status=HazardStatus.OPEN,
            )
            session.add(hazard)
            hazards.append(hazard)
        inspection.status = InspectionStatus.COMPLETED
        inspection.summary = summary
        inspection.completed_at = utcnow()
        session.flush()
        return [h.id for h in hazards]


@operation(Permission.INSPECTIONS_EDIT)
def advance_hazard(
    store: Store,
    actor: Actor,
    hazard_id: uuid.UUID,
    target: HazardStatus,
    on: dt.date,
    *,
    by: str | None = None,
    measure: str | None = None,
    note: str | None = None,
) -> HazardStatus:
    with store.write(actor) as session:
        hazard = get_live(session, Hazard, hazard_id)
        if target not in HAZARD_TRANSITIONS[hazard.status]:
            raise StateError("hazard.transition", current=hazard.status.label, target=target.label)
        checks = Checks()
        checks.not_before("on", on, hazard.found_on, "found_on")
        if target is HazardStatus.CLOSED:
            checks.text("rechecked_by", by, max_len=50)
        checks.done()
        if measure:
            hazard.measure = measure
        if note:
            hazard.note = note
        if target is HazardStatus.AWAITING_CHECK:
            hazard.rectified_on = on
        if target is HazardStatus.CLOSED or (
            hazard.status is HazardStatus.AWAITING_CHECK and target is HazardStatus.IN_PROGRESS
        ):
            hazard.rechecked_by = by
            hazard.rechecked_on = on
        hazard.status = target
        session.flush()
        return hazard.status


@dataclass(frozen=True)
class HazardView:
    id: uuid.UUID
    institution_id: uuid.UUID
    description: str
    level: HazardLevel
    status: HazardStatus
    found_on: dt.date
    deadline: dt.date
    responsible_person: str | None

    def overdue(self, today: dt.date) -> bool:
        return self.status is not HazardStatus.CLOSED and self.deadline < today


def open_hazards(store: Store, institution_id: uuid.UUID | None = None) -> list[HazardView]:
    """Hazards not yet closed, overdue and major ones first, then by deadline."""
    query = select(Hazard).where(Hazard.deleted_at.is_(None), Hazard.status != HazardStatus.CLOSED)
    if institution_id is not None:
        query = query.where(Hazard.institution_id == institution_id)
    with store.read() as session:
        rows = [
            HazardView(
                h.id,
                h.institution_id,
                h.description,
                h.level,
                h.status,
                h.found_on,
                h.deadline,
                h.responsible_person,
            )
            for h in session.scalars(query)
        ]
    today = dt.date.today()
    return sorted(
        rows, key=lambda h: (not h.overdue(today), h.level is not HazardLevel.MAJOR, h.deadline)
    )


@dataclass(frozen=True)
class InspectionSummary:
    id: uuid.UUID
    title: str
    version: str
    inspected_on: dt.date
    inspection_type: InspectionType
    inspectors: str
    status: InspectionStatus
    failed: int


def list_inspections(store: Store, institution_id: uuid.UUID) -> list[InspectionSummary]:
    query = (
        select(
            Inspection,
            ChecklistTemplate.title,
            ChecklistTemplate.version,
            func.sum(case((InspectionResult.result == ItemResult.FAIL, 1), else_=0)),
        )
        .join(ChecklistTemplate, ChecklistTemplate.id == Inspection.template_id)
        .outerjoin(InspectionResult, InspectionResult.inspection_id == Inspection.id)
        .where(Inspection.institution_id == institution_id, Inspection.deleted_at.is_(None))
        .group_by(Inspection.id)
        .order_by(Inspection.inspected_on.desc())
    )
    with store.read() as session:
        return [
            InspectionSummary(
                i.id,
                title,
                version,
                i.inspected_on,
                i.inspection_type,
                i.inspectors,
                i.status,
                int(failed or 0),
            )
            for i, title, version, failed in session.execute(query)
        ]
