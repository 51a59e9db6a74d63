"""Each institution's bed and resident figures as of a day, read as aggregates (the
as-of rules are in ``asof``)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, String, and_, func, or_, select, type_coerce, union
from sqlalchemy.orm import Session

from mzdesk.core.vocab import BedStatus, BedType
from mzdesk.stats.beds.asof import Scope, history_on, resident_on, roster_on, spans, stay_since
from mzdesk.store.models import Bed, BedHistory, BedStay, Institution, Resident

MAX_LISTED = 500  # institutions named in an IN list; more are read by the scope's filter


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


def compute_institution_beds(
    session: Session, scope: Scope, only: list[str] | None
) -> dict[str, InstitutionBeds]:
    """Per-institution figures as of the scope's day (the rules in ``asof``).

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
    latest = history_on(day)
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
        spans(day, BedStay.start_date, BedStay.end_date),
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

    # Beds a roster reported 在住 with no resident's stay since: occupied when they exist
    # and are in service on the day (a covering stay would overlap, so none is counted twice).
    roster = roster_on(day)
    for bed_id, inst, status, since, deleted_at in session.execute(
        select(
            Bed.id,
            raw(Bed.institution_id),
            raw(Bed.status),
            Bed.in_service_since,
            Bed.deleted_at,
        )
        .join(roster, and_(roster.c.bed_id == Bed.id, roster.c.rank == 1))
        .where(
            roster.c.occupied.is_(True),
            ~stay_since(day, Bed.id, roster.c.effective_on),
            *_scoped(Bed.institution_id, scope, only),
        )
    ):
        bed_exists = since <= day and (deleted_at is None or deleted_at >= end_of_day)
        if bed_exists and state_on_day.get(bed_id, status != out_of_service):
            of(inst).occupied += 1

    for inst, support, level, count in conn.execute(
        select(
            raw(Resident.institution_id),
            raw(Resident.support_type),
            raw(Resident.ability_level),
            func.count(),
        )
        .where(
            Resident.deleted_at.is_(None),
            resident_on(day),
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
