"""统计年鉴 figures: per institution kind, institutions, beds, residents and staff."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from mzdesk.core.vocab import InstitutionKind
from mzdesk.stats.beds.asof import Scope, institution_filter
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
        for kind in InstitutionKind:
            ids = select(Institution.id).where(*institution_filter(scope), Institution.kind == kind)
            institutions = session.scalar(select(func.count()).select_from(ids.subquery())) or 0
            beds = (
                session.scalar(
                    select(func.count())
                    .select_from(Bed)
                    .where(
                        Bed.institution_id.in_(ids),
                        Bed.deleted_at.is_(None),
                        Bed.in_service_since <= day,
                    )
                )
                or 0
            )
            residents = (
                session.scalar(
                    select(func.count())
                    .select_from(Resident)
                    .where(
                        Resident.institution_id.in_(ids),
                        Resident.deleted_at.is_(None),
                        Resident.admission_date <= day,
                        or_(Resident.discharge_date.is_(None), Resident.discharge_date > day),
                    )
                )
                or 0
            )
            staff = (
                session.scalar(
                    select(func.count())
                    .select_from(CareWorker)
                    .where(
                        CareWorker.institution_id.in_(ids),
                        CareWorker.deleted_at.is_(None),
                        CareWorker.hired_on <= day,
                        or_(CareWorker.left_on.is_(None), CareWorker.left_on > day),
                    )
                )
                or 0
            )
            rows.append(YearbookRow(kind, institutions, beds, residents, staff))
    return rows
