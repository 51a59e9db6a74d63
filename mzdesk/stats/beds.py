"""Bed-type statistics as civil-affairs bureaus publish them, for one institution, a region or
all, as of any date.

As of a date D:
- a bed exists when ``in_service_since <= D`` and it was not tombstoned on or before D;
- its type and service status are those of its latest ``bed_history`` row on or before D, or
  its row's own when it has no history (history starts with the first change);
- it is occupied when a ``bed_stays`` row covers D (start <= D < end; a discharge day is free);
- a resident is in the institution when admitted on or before D and not discharged by D.
Every share is reported with numerator and denominator; the published form rounds half up to
one decimal ("73.6%"), computed in Decimal so 0.7365 is 73.7%, not a binary-float 73.6%.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, func, or_, select

from mzdesk.core.vocab import (
    AbilityLevel,
    BedStatus,
    BedType,
    Grade,
    InstitutionKind,
    Operation,
    Positioning,
    SupportType,
)
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    Bed,
    BedHistory,
    BedStay,
    Building,
    CareWorker,
    Floor,
    Institution,
    Resident,
    Room,
)

UNSET = "未填"


@dataclass(frozen=True)
class Scope:
    """Which institutions: one (by id), a region (administrative code prefix), or all."""

    institution_id: uuid.UUID | None = None
    region_prefix: str | None = None
    as_of: dt.date | None = None

    @property
    def day(self) -> dt.date:
        return self.as_of or dt.date.today()


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    @property
    def value(self) -> float:
        return self.numerator / self.denominator if self.denominator else 0.0

    @property
    def pct(self) -> str:
        """The published form, rounded half up to one decimal: "73.6%"."""
        if not self.denominator:
            return "—"
        percent = (Decimal(self.numerator) * 100 / Decimal(self.denominator)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
        return f"{percent}%"


@dataclass(frozen=True)
class BedStatistics:
    as_of: dt.date
    institutions: int
    total_beds: int
    beds_by_type: dict[BedType, int]
    beds_in_service: int
    occupied_beds: int
    social_operated_beds: int
    home_care_beds: int
    institutions_by_kind: dict[str, int]
    institutions_by_positioning: dict[str, int]
    institutions_by_operation: dict[str, int]
    institutions_by_grade: dict[str, int]
    residents_by_support_type: dict[str, int] = field(default_factory=dict)
    residents_by_ability_level: dict[str, int] = field(default_factory=dict)

    @property
    def nursing_beds(self) -> int:
        return sum(n for t, n in self.beds_by_type.items() if t.counts_as_nursing)

    @property
    def nursing_share(self) -> Ratio:
        return Ratio(self.nursing_beds, self.total_beds)

    @property
    def occupancy(self) -> Ratio:
        return Ratio(self.occupied_beds, self.beds_in_service)

    @property
    def social_operated_share(self) -> Ratio:
        return Ratio(self.social_operated_beds, self.total_beds)

    def sentence(self, area: str) -> str:
        """全市养老机构108家,床位10036张,其中护理型床位7385张,占比73.6%"""
        return (
            f"{area}养老机构{self.institutions_by_kind.get(InstitutionKind.NURSING_HOME.zh, 0)}家，"
            f"床位{self.total_beds}张，其中护理型床位{self.nursing_beds}张，占比{self.nursing_share.pct}"
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "institutions": self.institutions,
            "total_beds": self.total_beds,
            "beds_by_type": {t.zh: self.beds_by_type.get(t, 0) for t in BedType},
            "nursing_beds": self.nursing_beds,
            "nursing_share": self.nursing_share.value,
            "nursing_share_pct": self.nursing_share.pct,
            "dementia_beds": self.beds_by_type.get(BedType.DEMENTIA, 0),
            "beds_in_service": self.beds_in_service,
            "occupied_beds": self.occupied_beds,
            "occupancy_rate": self.occupancy.value,
            "occupancy_rate_pct": self.occupancy.pct,
            "social_operated_beds": self.social_operated_beds,
            "social_operated_share": self.social_operated_share.value,
            "social_operated_share_pct": self.social_operated_share.pct,
            "institutions_by_kind": self.institutions_by_kind,
            "institutions_by_positioning": self.institutions_by_positioning,
            "institutions_by_operation": self.institutions_by_operation,
            "institutions_by_grade": self.institutions_by_grade,
            "home_care_beds": self.home_care_beds,
            "residents_by_support_type": self.residents_by_support_type,
            "residents_by_ability_level": self.residents_by_ability_level,
        }


def _institution_filter(scope: Scope) -> list[ColumnElement[bool]]:
    end_of_day = dt.datetime.combine(scope.day + dt.timedelta(days=1), dt.time())
    # An institution counts from when it was entered, or from its first bed's date when its
    # records were typed in later than the beds came into service.
    had_beds = (
        select(Bed.id)
        .where(Bed.institution_id == Institution.id, Bed.in_service_since <= scope.day)
        .exists()
    )
    conditions: list[ColumnElement[bool]] = [
        or_(Institution.deleted_at.is_(None), Institution.deleted_at >= end_of_day),
        or_(Institution.created_at < end_of_day, had_beds),
    ]
    if scope.institution_id is not None:
        conditions.append(Institution.id == scope.institution_id)
    if scope.region_prefix:
        conditions.append(Institution.region_code.startswith(scope.region_prefix))
    return conditions


def _label(value: Any) -> str:
    return value.zh if value is not None else UNSET


def _bed_states(scope: Scope, *extra_columns: Any) -> Any:
    """One row per bed existing on the scope's day: its type, whether in service, occupied
    and socially operated (see the module docstring for the as-of rules)."""
    day = scope.day
    end_of_day = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    institutions = select(Institution.id).where(*_institution_filter(scope))
    latest = (
        select(
            BedHistory.bed_id,
            BedHistory.bed_type,
            BedHistory.in_service,
            func.row_number()
            .over(
                partition_by=BedHistory.bed_id,
                order_by=(BedHistory.effective_on.desc(), BedHistory.created_at.desc()),
            )
            .label("rank"),
        )
        .where(BedHistory.effective_on <= day, BedHistory.deleted_at.is_(None))
        .subquery()
    )
    in_service = func.coalesce(latest.c.in_service, Bed.status != BedStatus.OUT_OF_SERVICE)
    occupied = exists().where(
        BedStay.bed_id == Bed.id,
        BedStay.deleted_at.is_(None),
        BedStay.start_date <= day,
        or_(BedStay.end_date.is_(None), BedStay.end_date > day),
    )
    return (
        select(
            func.coalesce(latest.c.bed_type, Bed.bed_type).label("bed_type"),
            case((in_service, 1), else_=0).label("in_service"),
            case((and_(in_service, occupied), 1), else_=0).label("occupied"),
            case(
                (Institution.operation.in_([o for o in Operation if o.socially_operated]), 1),
                else_=0,
            ).label("social"),
            *extra_columns,
        )
        .select_from(Bed)
        .join(Institution, Institution.id == Bed.institution_id)
        .outerjoin(latest, and_(latest.c.bed_id == Bed.id, latest.c.rank == 1))
        .where(
            Bed.institution_id.in_(institutions),
            Bed.in_service_since <= day,
            or_(Bed.deleted_at.is_(None), Bed.deleted_at >= end_of_day),
        )
        .subquery()
    )


def bed_statistics(store: Store, scope: Scope) -> BedStatistics:
    day = scope.day
    institutions = select(Institution.id).where(*_institution_filter(scope))
    states = _bed_states(scope)
    beds = select(
        states.c.bed_type,
        func.count().label("beds"),
        func.sum(states.c.in_service).label("in_service"),
        func.sum(states.c.occupied).label("occupied"),
        func.sum(states.c.social).label("social"),
    ).group_by(states.c.bed_type)
    in_house = and_(
        Resident.institution_id.in_(institutions),
        Resident.deleted_at.is_(None),
        Resident.admission_date <= day,
        or_(Resident.discharge_date.is_(None), Resident.discharge_date > day),
    )
    with store.read() as session:
        rows = session.execute(beds).all()
        insts = session.execute(
            select(
                Institution.kind,
                Institution.positioning,
                Institution.operation,
                Institution.grade,
                Institution.home_care_beds,
            ).where(*_institution_filter(scope))
        ).all()
        support = session.execute(
            select(Resident.support_type, func.count())
            .where(in_house)
            .group_by(Resident.support_type)
        ).all()
        levels = session.execute(
            select(Resident.ability_level, func.count())
            .where(in_house)
            .group_by(Resident.ability_level)
        ).all()
    by_type = {BedType(r.bed_type): int(r.beds) for r in rows}
    counts: dict[str, dict[str, int]] = {
        "kind": {},
        "positioning": {},
        "operation": {},
        "grade": {},
    }
    for inst in insts:
        for key, value in (
            ("kind", inst.kind),
            ("positioning", inst.positioning),
            ("operation", inst.operation),
            ("grade", inst.grade),
        ):
            label = _label(value)
            counts[key][label] = counts[key].get(label, 0) + 1
    return BedStatistics(
        as_of=day,
        institutions=len(insts),
        total_beds=sum(by_type.values()),
        beds_by_type={t: by_type.get(t, 0) for t in BedType},
        beds_in_service=sum(int(r.in_service or 0) for r in rows),
        occupied_beds=sum(int(r.occupied or 0) for r in rows),
        social_operated_beds=sum(int(r.social or 0) for r in rows),
        home_care_beds=sum(int(i.home_care_beds or 0) for i in insts),
        institutions_by_kind=_ordered(counts["kind"], InstitutionKind),
        institutions_by_positioning=_ordered(counts["positioning"], Positioning),
        institutions_by_operation=_ordered(counts["operation"], Operation),
        institutions_by_grade=_ordered(counts["grade"], Grade),
        residents_by_support_type={_label(SupportType(s) if s else None): n for s, n in support},
        residents_by_ability_level={_label(AbilityLevel(a) if a else None): n for a, n in levels},
    )


def _ordered(counts: dict[str, int], vocab: Any) -> dict[str, int]:
    ordered = {m.zh: counts.get(m.zh, 0) for m in vocab}
    if UNSET in counts:
        ordered[UNSET] = counts[UNSET]
    return ordered


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
            ids = select(Institution.id).where(
                *_institution_filter(scope), Institution.kind == kind
            )
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


@dataclass(frozen=True)
class GroupOccupancy:
    group: str
    beds: int
    in_service: int
    occupied: int

    @property
    def occupancy(self) -> Ratio:
        return Ratio(self.occupied, self.in_service)


def occupancy_by_group(store: Store, scope: Scope) -> list[GroupOccupancy]:
    """By building and floor for one institution; by institution for a region or all."""
    if scope.institution_id is not None:
        states = _bed_states_with_location(scope)
    else:
        states = _bed_states(scope, Institution.name.label("grp"))
    query = (
        select(
            states.c.grp,
            func.count(),
            func.sum(states.c.in_service),
            func.sum(states.c.occupied),
        )
        .group_by(states.c.grp)
        .order_by(states.c.grp)
    )
    with store.read() as session:
        return [
            GroupOccupancy(g, n, int(s or 0), int(o or 0)) for g, n, s, o in session.execute(query)
        ]


def _bed_states_with_location(scope: Scope) -> Any:
    base = _bed_states(scope, Bed.room_id.label("room_id"))
    return (
        select(
            base.c.in_service,
            base.c.occupied,
            (Building.name + " " + Floor.name).label("grp"),
        )
        .select_from(base)
        .join(Room, Room.id == base.c.room_id)
        .join(Floor, Floor.id == Room.floor_id)
        .join(Building, Building.id == Floor.building_id)
        .subquery()
    )


@dataclass(frozen=True)
class MonthPoint:
    month: str  # yyyy-MM
    occupancy: Ratio
    nursing_share: Ratio


def monthly_trend(store: Store, scope: Scope, months: int = 12) -> list[MonthPoint]:
    """Month-end figures (the scope's day for the current month), oldest first."""
    end = scope.day
    points = []
    for back in range(months - 1, -1, -1):
        year, month = divmod(end.year * 12 + end.month - 1 - back, 12)
        month += 1
        first_next = dt.date(year + (month == 12), month % 12 + 1, 1)
        day = min(first_next - dt.timedelta(days=1), end)
        figures = bed_statistics(store, Scope(scope.institution_id, scope.region_prefix, day))
        points.append(
            MonthPoint(f"{year:04d}-{month:02d}", figures.occupancy, figures.nursing_share)
        )
    return points
