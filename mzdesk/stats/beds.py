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
import logging
import uuid
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    case,
    delete,
    exists,
    func,
    or_,
    select,
    type_coerce,
    union,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from mzdesk.core.permissions import Actor
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
    StatSnapshot,
    StatVersion,
)

UNSET = "未填"
log = logging.getLogger(__name__)


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


def _history_on(day: dt.date) -> Any:
    """Each bed's history rows on or before ``day``, ranked (rank 1: its state that day)."""
    return (
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


def _bed_states(scope: Scope, *extra_columns: Any) -> Any:
    """One row per bed existing on the scope's day: its type, whether in service, occupied
    and socially operated (see the module docstring for the as-of rules)."""
    day = scope.day
    end_of_day = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    institutions = select(Institution.id).where(*_institution_filter(scope))
    latest = _history_on(day)
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


@dataclass
class InstitutionBeds:
    """One institution's bed and resident figures on the scope's day."""

    by_type: dict[Any, int] = field(default_factory=dict)  # BedType (codes while counting)
    in_service: int = 0
    occupied: int = 0
    support: dict[str | None, int] = field(default_factory=dict)
    levels: dict[str | None, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "by_type": {t.value: n for t, n in self.by_type.items()},
            "in_service": self.in_service,
            "occupied": self.occupied,
            "support": {code or "": n for code, n in self.support.items()},
            "levels": {code or "": n for code, n in self.levels.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> InstitutionBeds:
        return cls(
            by_type={BedType(code): n for code, n in data["by_type"].items()},
            in_service=data["in_service"],
            occupied=data["occupied"],
            support={code or None: n for code, n in data["support"].items()},
            levels={code or None: n for code, n in data["levels"].items()},
        )

    def add_beds(self, bed_type: str, in_service: bool, count: int) -> None:
        self.by_type[bed_type] = self.by_type.get(bed_type, 0) + count
        self.in_service += count if in_service else 0


def _scoped(column: Any, scope: Scope, only: list[str] | None) -> list[ColumnElement[bool]]:
    """Narrow a per-institution aggregate: to the listed institutions (stored id form) when
    only a few need computing, else by the scope (the final filter is in Python)."""
    if only is not None and len(only) <= MAX_LISTED:
        return [type_coerce(column, String).in_(only)]
    if scope.institution_id is not None:
        return [column == scope.institution_id]
    if scope.region_prefix:
        return [
            column.in_(
                select(Institution.id).where(
                    Institution.region_code.startswith(scope.region_prefix)
                )
            )
        ]
    return []


def _compute(session: Session, scope: Scope, only: list[str] | None) -> dict[str, InstitutionBeds]:
    """Per-institution figures as of the scope's day (the rules in the module docstring).

    Province-sized data is read as aggregates from covering indexes: beds by institution, type
    and status; stays covering the day by institution; residents by institution, 供养类型 and
    level. Beds whose own row does not tell their state on the day (type or service changes
    in ``bed_history``, out of service, tombstoned, not yet in service) are few; they are
    looked at one by one and the aggregates corrected.
    """
    day = scope.day
    end_of_day = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    figures: dict[str, InstitutionBeds] = {}  # by the stored form of the institution id

    def of(institution_id: str) -> InstitutionBeds:
        return figures.setdefault(institution_id, InstitutionBeds())

    def raw(column: Any) -> Any:
        """Read as stored: no UUID or vocabulary objects built for thousands of group rows."""
        return type_coerce(column, String)

    conn = session.connection()
    out_of_service = BedStatus.OUT_OF_SERVICE.value

    exists_on_day = and_(
        Bed.in_service_since <= day, or_(Bed.deleted_at.is_(None), Bed.deleted_at >= end_of_day)
    )
    for inst, bed_type, status, count in conn.execute(
        select(raw(Bed.institution_id), raw(Bed.bed_type), raw(Bed.status), func.count())
        .where(exists_on_day, *_scoped(Bed.institution_id, scope, only))
        .group_by(Bed.institution_id, Bed.bed_type, Bed.status)
    ):
        of(inst).add_beds(bed_type, status != out_of_service, count)

    # Beds with history: their state on the day is the latest history row on or before it.
    latest = _history_on(day)
    state_on_day: dict[uuid.UUID, bool] = {}  # bed -> in service on the day (existing beds)
    for bed_id, inst, own_type, status, bed_type, in_service in conn.execute(
        select(
            Bed.id,
            raw(Bed.institution_id),
            raw(Bed.bed_type),
            raw(Bed.status),
            raw(latest.c.bed_type),
            latest.c.in_service,
        )
        .join(latest, and_(latest.c.bed_id == Bed.id, latest.c.rank == 1))
        .where(exists_on_day, *_scoped(Bed.institution_id, scope, only))
    ):
        entry = of(inst)
        entry.add_beds(own_type, status != out_of_service, -1)
        entry.add_beds(bed_type, bool(in_service), 1)
        state_on_day[bed_id] = bool(in_service)

    covers_day = and_(
        BedStay.deleted_at.is_(None),
        BedStay.start_date <= day,
        or_(BedStay.end_date.is_(None), BedStay.end_date > day),
    )
    for inst, count in conn.execute(
        select(raw(BedStay.institution_id), func.count(BedStay.bed_id.distinct()))
        .where(covers_day, *_scoped(BedStay.institution_id, scope, only))
        .group_by(BedStay.institution_id)
    ):
        of(inst).occupied += count
    # Occupied beds count only when the bed exists and is in service on the day.
    exceptional = union(
        select(Bed.id).where(or_(Bed.status == out_of_service, Bed.deleted_at.is_not(None))),
        select(Bed.id).where(Bed.in_service_since > day),
        select(BedHistory.bed_id),
    )
    for bed_id, inst, status, since, deleted_at in session.execute(
        select(
            Bed.id,
            raw(BedStay.institution_id),
            raw(Bed.status),
            Bed.in_service_since,
            Bed.deleted_at,
        )
        .join(Bed, Bed.id == BedStay.bed_id)
        .where(
            covers_day,
            BedStay.bed_id.in_(exceptional),
            *_scoped(BedStay.institution_id, scope, only),
        )
        .distinct()
    ):
        bed_exists = since <= day and (deleted_at is None or deleted_at >= end_of_day)
        in_service = state_on_day.get(bed_id, status != out_of_service)
        if not (bed_exists and in_service):
            of(inst).occupied -= 1

    for inst, support, level, count in conn.execute(
        select(
            raw(Resident.institution_id),
            raw(Resident.support_type),
            raw(Resident.ability_level),
            func.count(),
        )
        .where(
            Resident.deleted_at.is_(None),
            Resident.admission_date <= day,
            or_(Resident.discharge_date.is_(None), Resident.discharge_date > day),
            *_scoped(Resident.institution_id, scope, only),
        )
        .group_by(Resident.institution_id, Resident.support_type, Resident.ability_level)
    ):
        entry = of(inst)
        entry.support[support] = entry.support.get(support, 0) + count
        entry.levels[level] = entry.levels.get(level, 0) + count
    for entry in figures.values():
        entry.by_type = {BedType(code): n for code, n in entry.by_type.items()}
    return figures


MAX_LISTED = 500  # institutions named in an IN list; more are read by the scope's filter
KEEP_SNAPSHOTS = dt.timedelta(days=30)


@dataclass
class Snapshots:
    """Per-institution figures for one day: read from valid snapshots or computed; the
    computed ones are saved after the read transaction (``save_snapshots``)."""

    day: dt.date
    figures: dict[uuid.UUID, InstitutionBeds]
    fresh: dict[uuid.UUID, tuple[int, InstitutionBeds]]


def institution_beds(session: Session, scope: Scope, institutions: list[uuid.UUID]) -> Snapshots:
    """Figures for the given institutions as of the scope's day.

    A snapshot is used when its institution's ``stat_versions`` row (bumped by triggers on
    every change to beds, bed history, stays and residents) still has the version the
    snapshot was computed at; the others are computed in this same read transaction.
    """
    day = scope.day
    versions: dict[str, int] = {  # noqa: C416 (rows are not pairs to mypy)
        inst: version
        for inst, version in session.execute(
            select(type_coerce(StatVersion.institution_id, String), StatVersion.version)
        )
    }
    cached = {
        inst: (version, figures)
        for inst, version, figures in session.execute(
            select(
                type_coerce(StatSnapshot.institution_id, String),
                StatSnapshot.version,
                StatSnapshot.figures,
            ).where(StatSnapshot.day == day)
        )
    }
    result: dict[uuid.UUID, InstitutionBeds] = {}
    missing: list[uuid.UUID] = []
    for inst in institutions:
        snapshot = cached.get(inst.hex)
        if snapshot is not None and snapshot[0] == versions.get(inst.hex, 0):
            result[inst] = InstitutionBeds.from_json(snapshot[1])
        else:
            missing.append(inst)
    fresh: dict[uuid.UUID, tuple[int, InstitutionBeds]] = {}
    if missing:
        computed = _compute(session, scope, [inst.hex for inst in missing])
        for inst in missing:
            entry = computed.get(inst.hex, InstitutionBeds())
            result[inst] = entry
            fresh[inst] = (versions.get(inst.hex, 0), entry)
    return Snapshots(day, result, fresh)


def save_snapshots(store: Store, snapshots: Snapshots) -> None:
    """Keep computed figures for next time. A cache: when the database is busy or read-only
    the figures are simply computed again later."""
    if not snapshots.fresh:
        return
    rows = [
        {
            "institution_id": inst,
            "day": snapshots.day,
            "version": version,
            "figures": entry.as_json(),
            "computed_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        }
        for inst, (version, entry) in snapshots.fresh.items()
    ]
    statement = sqlite_insert(StatSnapshot)
    statement = statement.on_conflict_do_update(
        index_elements=[StatSnapshot.institution_id, StatSnapshot.day],
        set_={
            "version": statement.excluded.version,
            "figures": statement.excluded.figures,
            "computed_at": statement.excluded.computed_at,
        },
    )
    stale = dt.datetime.now(dt.UTC).replace(tzinfo=None) - KEEP_SNAPSHOTS
    try:
        with store.write(Actor.system()) as session:  # a cache, not anyone's change
            session.execute(statement, rows)
            session.execute(delete(StatSnapshot).where(StatSnapshot.computed_at < stale))
    except OperationalError as error:
        log.info("statistics snapshots not saved: %s", error)


def bed_statistics(store: Store, scope: Scope) -> BedStatistics:
    with store.read() as session:
        insts = session.execute(
            select(
                Institution.id,
                Institution.kind,
                Institution.positioning,
                Institution.operation,
                Institution.grade,
                Institution.home_care_beds,
            ).where(*_institution_filter(scope))
        ).all()
        snapshots = institution_beds(session, scope, [inst.id for inst in insts])
    save_snapshots(store, snapshots)
    per_institution = snapshots.figures
    by_type: dict[BedType, int] = dict.fromkeys(BedType, 0)
    in_service = occupied = social = 0
    support: dict[str, int] = {}
    levels: dict[str, int] = {}
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
        figures = per_institution.get(inst.id)
        if figures is None:
            continue
        for bed_type, n in figures.by_type.items():
            by_type[bed_type] += n
        in_service += figures.in_service
        occupied += figures.occupied
        if inst.operation is not None and inst.operation.socially_operated:
            social += sum(figures.by_type.values())
        for code, n in figures.support.items():
            label = _label(SupportType(code) if code else None)
            support[label] = support.get(label, 0) + n
        for code, n in figures.levels.items():
            label = _label(AbilityLevel(code) if code else None)
            levels[label] = levels.get(label, 0) + n
    return BedStatistics(
        as_of=scope.day,
        institutions=len(insts),
        total_beds=sum(by_type.values()),
        beds_by_type=by_type,
        beds_in_service=in_service,
        occupied_beds=occupied,
        social_operated_beds=social,
        home_care_beds=sum(int(i.home_care_beds or 0) for i in insts),
        institutions_by_kind=_ordered(counts["kind"], InstitutionKind),
        institutions_by_positioning=_ordered(counts["positioning"], Positioning),
        institutions_by_operation=_ordered(counts["operation"], Operation),
        institutions_by_grade=_ordered(counts["grade"], Grade),
        residents_by_support_type=support,
        residents_by_ability_level=levels,
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
    if scope.institution_id is None:
        with store.read() as session:
            names = session.execute(
                select(Institution.id, Institution.name).where(*_institution_filter(scope))
            ).all()
            snapshots = institution_beds(session, scope, [row.id for row in names])
        save_snapshots(store, snapshots)
        figures = snapshots.figures
        groups = []
        for inst_id, name in sorted(names, key=lambda row: row.name):
            entry = figures.get(inst_id, InstitutionBeds())
            groups.append(
                GroupOccupancy(name, sum(entry.by_type.values()), entry.in_service, entry.occupied)
            )
        return groups
    states = _bed_states_with_location(scope)
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
