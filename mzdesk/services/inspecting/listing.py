"""The 安全检查 page's list: inspections with their state (草稿 / 已完成 / 已更正) and the
number of failed items as they read after amendments, filtered by state, type and dates."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select

from mzdesk.core.vocab import InspectionState, InspectionStatus, InspectionType, ItemResult
from mzdesk.services.checklists import version_labels
from mzdesk.services.inspecting.detail import changes_of
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    Inspection,
    InspectionAmendment,
    InspectionResult,
)


@dataclass(frozen=True)
class InspectionFilter:
    state: InspectionState | None = None
    inspection_type: InspectionType | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@dataclass(frozen=True)
class InspectionRow:
    id: uuid.UUID
    inspected_on: dt.date
    inspection_type: InspectionType
    title: str
    version: str
    inspectors: str
    state: InspectionState
    answered: int
    failed: int
    schedule_id: uuid.UUID | None


def inspection_rows(
    store: Store, institution_id: uuid.UUID, where: InspectionFilter = InspectionFilter()
) -> list[InspectionRow]:
    conditions: list[ColumnElement[bool]] = [
        Inspection.institution_id == institution_id,
        Inspection.deleted_at.is_(None),
    ]
    if where.inspection_type is not None:
        conditions.append(Inspection.inspection_type == where.inspection_type)
    if where.date_from is not None:
        conditions.append(Inspection.inspected_on >= where.date_from)
    if where.date_to is not None:
        conditions.append(Inspection.inspected_on <= where.date_to)
    if where.state is InspectionState.DRAFT:
        conditions.append(Inspection.status == InspectionStatus.IN_PROGRESS)
    elif where.state is not None:
        conditions.append(Inspection.status == InspectionStatus.COMPLETED)
    with store.read() as session:
        found = (
            session.execute(
                select(Inspection)
                .where(*conditions)
                .order_by(Inspection.inspected_on.desc(), Inspection.created_at.desc())
            )
            .scalars()
            .all()
        )
        labels = version_labels(session, {i.template_id for i in found})
        ids = [i.id for i in found]
        results: dict[uuid.UUID, dict[uuid.UUID, ItemResult]] = defaultdict(dict)
        amended: dict[uuid.UUID, list[InspectionAmendment]] = defaultdict(list)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for inspection_id, item_id, result in session.execute(
                select(
                    InspectionResult.inspection_id,
                    InspectionResult.item_id,
                    InspectionResult.result,
                ).where(
                    InspectionResult.inspection_id.in_(chunk),
                    InspectionResult.deleted_at.is_(None),
                )
            ):
                results[inspection_id][item_id] = result
            for amendment in session.scalars(
                select(InspectionAmendment)
                .where(
                    InspectionAmendment.inspection_id.in_(chunk),
                    InspectionAmendment.deleted_at.is_(None),
                )
                .order_by(InspectionAmendment.amended_at)
            ):
                amended[amendment.inspection_id].append(amendment)
        rows = []
        for inspection in found:
            label = labels.get(inspection.template_id)
            answers = dict(results[inspection.id])
            for amendment in amended[inspection.id]:
                for change in changes_of(amendment.changes):
                    answers[change.item_id] = change.new
            if inspection.status is InspectionStatus.IN_PROGRESS:
                state = InspectionState.DRAFT
            elif amended[inspection.id]:
                state = InspectionState.AMENDED
            else:
                state = InspectionState.COMPLETED
            if where.state is not None and state is not where.state:
                continue
            rows.append(
                InspectionRow(
                    inspection.id,
                    inspection.inspected_on,
                    inspection.inspection_type,
                    label.title if label else str(inspection.template_id),
                    label.version if label else "",
                    inspection.inspectors,
                    state,
                    len(answers),
                    sum(1 for r in answers.values() if r is ItemResult.FAIL),
                    inspection.schedule_id,
                )
            )
        return rows
