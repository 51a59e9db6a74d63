"""统计年鉴 figures: per institution kind, institutions, beds, residents and staff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select

from mzdesk.core.vocab import InstitutionKind
from mzdesk.stats.beds.asof import Scope, institution_filter, resident_on, spans
from mzdesk.store.engine import Store
from mzdesk.store.models import Bed, CareWorker, Institution, Resident


@dataclass(frozen=True)
class YearbookRow:
    """统计年鉴 style: per institution kind, 机构数, 床位数, 年末在院人数, 职工人数."""

    kind: InstitutionKind
    institutions: int
    beds: int
    residents: int
    staff: int


def yearbook(store: Store, scope: Scope) -> list[YearbookRow]:
    rows = []
    day = scope.day
    with store.read() as session:

        def count(model: Any, *conditions: ColumnElement[bool]) -> int:
            return session.scalar(select(func.count()).select_from(model).where(*conditions)) or 0

        for kind in InstitutionKind:
            ids = select(Institution.id).where(*institution_filter(scope), Institution.kind == kind)
            institutions = session.scalar(select(func.count()).select_from(ids.subquery())) or 0
            beds = count(
                Bed,
                Bed.institution_id.in_(ids),
                Bed.deleted_at.is_(None),
                Bed.in_service_since <= day,
            )
            residents = count(
                Resident,
                Resident.institution_id.in_(ids),
                Resident.deleted_at.is_(None),
                resident_on(day),
            )
            staff = count(
                CareWorker,
                CareWorker.institution_id.in_(ids),
                CareWorker.deleted_at.is_(None),
                spans(day, CareWorker.hired_on, CareWorker.left_on),
            )
            rows.append(YearbookRow(kind, institutions, beds, residents, staff))
    return rows
