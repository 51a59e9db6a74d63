"""Reading hazards for the screens: the ledger (filtered by status, level, overdue) and one
hazard with its history and evidence photos. Plain dataclasses; ``today`` decides overdue."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from mzdesk.core.hazards import HazardEventKind, days_overdue
from mzdesk.core.labels import field_label
from mzdesk.core.vocab import HazardLevel, HazardStatus, InspectionType
from mzdesk.services.attachments import AttachmentView, attachments_in
from mzdesk.services.checklists import find_items, version_labels
from mzdesk.services.hazards.lifecycle import OWNER_TABLE
from mzdesk.services.lookups import find_live_id, get_live
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    Hazard,
    HazardEvent,
    Inspection,
    InspectionResult,
)


@dataclass(frozen=True)
class HazardRow:
    id: uuid.UUID
    institution_id: uuid.UUID
    inspection_id: uuid.UUID | None
    description: str
    level: HazardLevel
    status: HazardStatus
    found_on: dt.date
    deadline: dt.date
    original_deadline: dt.date | None
    measure: str | None
    responsible_person: str | None
    rectified_on: dt.date | None
    rechecked_by: str | None
    rechecked_on: dt.date | None
    closed_on: dt.date | None
    overdue_days: int  # 0 when in time or closed
    withdrawn: bool = False  # 已销号 by an amendment of its inspection (更正撤销), not a re-check

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0

    @property
    def extended(self) -> bool:
        return self.original_deadline is not None and self.original_deadline != self.deadline


def withdrawn_of(session: Session, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Which of the hazards an amendment withdrew (a live 更正撤销 event)."""
    return set(
        session.scalars(
            select(HazardEvent.hazard_id).where(
                HazardEvent.hazard_id.in_(ids),
                HazardEvent.kind == HazardEventKind.WITHDRAWN,
                HazardEvent.deleted_at.is_(None),
            )
        )
    )


def row_of(h: Hazard, today: dt.date, withdrawn: set[uuid.UUID] | None = None) -> HazardRow:
    return HazardRow(
        h.id,
        h.institution_id,
        h.inspection_id,
        h.description,
        h.level,
        h.status,
        h.found_on,
        h.deadline,
        h.original_deadline,
        h.measure,
        h.responsible_person,
        h.rectified_on,
        h.rechecked_by,
        h.rechecked_on,
        h.closed_on,
        days_overdue(h.status, h.deadline, today),
        h.status is HazardStatus.CLOSED and h.id in (withdrawn or set()),
    )


@dataclass(frozen=True)
class HazardFilter:
    status: HazardStatus | None = None
    level: HazardLevel | None = None
    overdue_only: bool = False
    open_only: bool = False  # every status but 已销号
    inspection_id: uuid.UUID | None = None


def list_hazards(
    store: Store,
    institution_id: uuid.UUID | None,
    wanted: HazardFilter | None = None,
    *,
    today: dt.date | None = None,
) -> list[HazardRow]:
    """The ledger: overdue first (most overdue first), then open ones by deadline, then closed
    ones latest first."""
    day = today or dt.date.today()
    f = wanted or HazardFilter()
    where: list[ColumnElement[bool]] = [Hazard.deleted_at.is_(None)]
    if institution_id is not None:
        where.append(Hazard.institution_id == institution_id)
    if f.status is not None:
        where.append(Hazard.status == f.status)
    if f.level is not None:
        where.append(Hazard.level == f.level)
    if f.open_only or f.overdue_only:
        where.append(Hazard.status != HazardStatus.CLOSED)
    if f.overdue_only:
        where.append(Hazard.deadline < day)
    if f.inspection_id is not None:
        where.append(Hazard.inspection_id == f.inspection_id)
    with store.read() as session:
        hazards = list(session.scalars(select(Hazard).where(*where)))
        withdrawn = withdrawn_of(session, [h.id for h in hazards])
        rows = [row_of(h, day, withdrawn) for h in hazards]
    return sorted(
        rows,
        key=lambda r: (
            r.status is HazardStatus.CLOSED,
            -r.overdue_days,
            r.level is not HazardLevel.MAJOR,
            r.deadline if r.status is not HazardStatus.CLOSED else -r.found_on.toordinal(),
        ),
    )


@dataclass(frozen=True)
class EventRow:
    kind: HazardEventKind
    on: dt.date
    by: str | None
    status: HazardStatus
    reason: str | None
    approved_by: str | None
    old_deadline: dt.date | None
    new_deadline: dt.date | None
    follow_up_id: uuid.UUID | None

    @property
    def text(self) -> str:
        """The reason as people read it (an edit names the fields it changed)."""
        if self.kind is HazardEventKind.EDITED and self.reason:
            return "、".join(field_label(k, "hazards") for k in self.reason.split(","))
        return self.reason or ""


@dataclass(frozen=True)
class FoundBy:
    """The inspection that found a hazard, and the item it failed."""

    inspected_on: dt.date
    inspection_type: InspectionType
    checklist: str
    version: str
    inspectors: str
    item_code: str | None


@dataclass(frozen=True)
class HazardDetail:
    hazard: HazardRow
    events: list[EventRow] = field(default_factory=list)
    evidence: list[AttachmentView] = field(default_factory=list)
    found_by: FoundBy | None = None  # None: registered by hand or from a ledger


def inspection_found(store: Store, inspection_id: uuid.UUID) -> FoundBy | None:
    """The inspection a follow-up follows up, as its screen heads it."""
    with store.read() as session:
        return _inspection(session, inspection_id, None)


def _found_by(session: Session, hazard: Hazard) -> FoundBy | None:
    if hazard.inspection_id is None:
        return None
    return _inspection(session, hazard.inspection_id, hazard.result_id)


def _inspection(
    session: Session, inspection_id: uuid.UUID, result_id: uuid.UUID | None
) -> FoundBy | None:
    inspection = session.get(Inspection, inspection_id)
    if inspection is None:
        return None
    # the version may be shipped or the home's own: never join the shipped table alone
    label = version_labels(session, [inspection.template_id]).get(inspection.template_id)
    code = None
    if result_id is not None:
        result = session.get(InspectionResult, result_id)
        if result is not None:
            item = find_items(session, [result.item_id]).get(result.item_id)
            code = item.code if item is not None else None
    return FoundBy(
        inspection.inspected_on,
        inspection.inspection_type,
        label.title if label else "—",
        label.version if label else "—",
        inspection.inspectors,
        code,
    )


def hazard_detail(
    store: Store, hazard_id: uuid.UUID, *, today: dt.date | None = None
) -> HazardDetail:
    day = today or dt.date.today()
    with store.read() as session:
        hazard = get_live(session, Hazard, hazard_id)
        events = [
            EventRow(
                e.kind,
                e.happened_on,
                e.done_by,
                e.status,
                e.reason,
                e.approved_by,
                e.old_deadline,
                e.new_deadline,
                e.follow_up_id,
            )
            for e in session.scalars(
                select(HazardEvent)
                .where(HazardEvent.hazard_id == hazard_id, HazardEvent.deleted_at.is_(None))
                .order_by(HazardEvent.happened_on, HazardEvent.created_at)
            )
        ]
        evidence = attachments_in(session, OWNER_TABLE, [hazard_id])[hazard_id]
        row = row_of(hazard, day, withdrawn_of(session, [hazard.id]))
        return HazardDetail(row, events, evidence, _found_by(session, hazard))


def find_hazard(store: Store, key: str) -> uuid.UUID:
    """A hazard by its id or a unique beginning of it (as ``mzdesk hazards`` takes one)."""
    return find_live_id(store, Hazard, key)
