"""Training figures for a scope on a day (岗前培训率, 持证上岗率, hours per worker).

Definitions (design/domain.md; the as-of rules are in ``staff``):
- care workers: occupation 养老护理员 or 育婴员/保育员 (``Occupation.is_care_worker``),
  employed on the day;
- pre-job trained: a PASSED attendance of a 岗前培训 session that ended on or before the
  day (whenever it was: training done late still closes the gap);
- certified: holding a skill certificate (``core.training.is_skill_certificate``: one with a
  skill level, or named 职业技能等级证书/职业资格证书) issued on or before the day (a
  certificate without an issue date counts) and not expired (valid through its expiry day;
  none = 长期);
- expiring certificates: any certificate of any worker employed on the day (nurses' and
  others' too) whose expiry falls within 60 days from the day;
- hours: hours credited (whatever the result) for sessions that ended from 1 January of the
  day's year up to the day, per care worker; the average is over all care workers, those
  with no hours included.
One query over the scope's care workers (with the pre-job, certificate and hours
conditions as correlated subqueries on indexed columns) and one for expiring certificates,
so a city stays quick (benchmarks/training_stats.py)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select

from mzdesk.core.training import SOON_DAYS
from mzdesk.core.vocab import Occupation, SkillLevel, TrainingCategory, TrainingResult
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.beds.figures import Ratio
from mzdesk.stats.training.staff import CARE_OCCUPATIONS, employed_on, institutions_on, live_on
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    CareWorker,
    Institution,
    TrainingAttendance,
    TrainingSession,
    WorkerCertificate,
)


@dataclass(frozen=True)
class WorkerRef:
    worker_id: uuid.UUID
    name: str
    institution: str

    def as_json(self) -> dict[str, Any]:
        return {
            "worker_id": str(self.worker_id),
            "name": self.name,
            "institution": self.institution,
        }


@dataclass(frozen=True)
class ExpiringCertificate:
    worker_id: uuid.UUID
    name: str
    institution: str
    occupation: Occupation
    certificate: str
    number: str | None
    expires_on: dt.date

    def as_json(self) -> dict[str, Any]:
        return {
            "worker_id": str(self.worker_id),
            "name": self.name,
            "institution": self.institution,
            "occupation": self.occupation.zh,
            "certificate": self.certificate,
            "number": self.number,
            "expires_on": self.expires_on.isoformat(),
        }


@dataclass(frozen=True)
class WorkerHours:
    worker_id: uuid.UUID
    name: str
    institution: str
    hours: Decimal

    def as_json(self) -> dict[str, Any]:
        return {
            "worker_id": str(self.worker_id),
            "name": self.name,
            "institution": self.institution,
            "hours": float(self.hours),
        }


def average(total: Decimal, count: int) -> Decimal:
    if not count:
        return Decimal(0)
    return (total / count).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class InstitutionTraining:
    """One institution's counts (the rates are read from them)."""

    institution_id: uuid.UUID
    name: str
    region_code: str | None = None
    active_care_workers: int = 0
    prejob_trained: int = 0
    certified: int = 0
    hours_total: Decimal = Decimal(0)

    @property
    def prejob_rate(self) -> Ratio:
        return Ratio(self.prejob_trained, self.active_care_workers)

    @property
    def certified_rate(self) -> Ratio:
        return Ratio(self.certified, self.active_care_workers)

    @property
    def average_hours(self) -> Decimal:
        return average(self.hours_total, self.active_care_workers)

    def as_json(self) -> dict[str, Any]:
        return {
            "institution_id": str(self.institution_id),
            "name": self.name,
            "region_code": self.region_code,
            "active_care_workers": self.active_care_workers,
            "prejob_trained": self.prejob_trained,
            "prejob_rate": self.prejob_rate.value,
            "prejob_rate_pct": self.prejob_rate.pct,
            "certified": self.certified,
            "certified_rate": self.certified_rate.value,
            "certified_rate_pct": self.certified_rate.pct,
            "average_hours_per_worker": float(self.average_hours),
        }


@dataclass(frozen=True)
class TrainingFigures:
    as_of: dt.date
    institutions: int
    active_care_workers: int
    prejob_trained: int
    certified: int
    missing_prejob: list[WorkerRef]
    missing_certificate: list[WorkerRef]
    expiring_certificates: list[ExpiringCertificate]  # soonest first
    hours: list[WorkerHours]  # per care worker, in the day's year up to the day
    per_institution: list[InstitutionTraining] = field(default_factory=list)

    @property
    def prejob_rate(self) -> Ratio:
        return Ratio(self.prejob_trained, self.active_care_workers)

    @property
    def certified_rate(self) -> Ratio:
        return Ratio(self.certified, self.active_care_workers)

    @property
    def hours_total(self) -> Decimal:
        return sum((h.hours for h in self.hours), Decimal(0))

    @property
    def average_hours(self) -> Decimal:
        return average(self.hours_total, self.active_care_workers)

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "institutions": self.institutions,
            "active_care_workers": self.active_care_workers,
            "prejob_trained": self.prejob_trained,
            "prejob_rate": self.prejob_rate.value,
            "prejob_rate_pct": self.prejob_rate.pct,
            "certified": self.certified,
            "certified_rate": self.certified_rate.value,
            "certified_rate_pct": self.certified_rate.pct,
            "missing_prejob": [w.as_json() for w in self.missing_prejob],
            "missing_certificate": [w.as_json() for w in self.missing_certificate],
            "expiring_certificates": [c.as_json() for c in self.expiring_certificates],
            "hours_year": self.as_of.year,
            "hours_total": float(self.hours_total),
            "average_hours_per_worker": float(self.average_hours),
            "hours_per_worker": [h.as_json() for h in self.hours],
            "per_institution": [i.as_json() for i in self.per_institution],
        }


def is_skill_certificate_sql() -> ColumnElement[bool]:
    """:func:`mzdesk.core.training.is_skill_certificate` as SQL (the two must agree)."""
    return or_(
        and_(
            WorkerCertificate.skill_level.is_not(None),
            WorkerCertificate.skill_level != SkillLevel.NONE,
        ),
        WorkerCertificate.name.contains("职业技能"),
        WorkerCertificate.name.contains("职业资格"),
    )


def training_statistics(store: Store, scope: Scope) -> TrainingFigures:
    """One row per care worker employed on the day (whether pre-job trained and certified
    and the year's hours worked out by the database), then the certificates expiring soon."""
    day = scope.day
    soon = day + dt.timedelta(days=SOON_DAYS)
    ta, ts = TrainingAttendance, TrainingSession
    prejob = (
        select(ta.id)
        .join(ts, ts.id == ta.session_id)
        .where(
            ta.worker_id == CareWorker.id,
            ta.result == TrainingResult.PASSED,
            ts.category == TrainingCategory.PRE_JOB,
            ts.end_date <= day,
            live_on(ta, day),
            live_on(ts, day),
        )
        .exists()
    )
    certified = (
        select(WorkerCertificate.id)
        .where(
            WorkerCertificate.worker_id == CareWorker.id,
            or_(WorkerCertificate.issued_on.is_(None), WorkerCertificate.issued_on <= day),
            or_(WorkerCertificate.expires_on.is_(None), WorkerCertificate.expires_on >= day),
            live_on(WorkerCertificate, day),
            is_skill_certificate_sql(),
        )
        .exists()
    )
    hours = (
        select(func.sum(ta.hours_credited))
        .join(ts, ts.id == ta.session_id)
        .where(
            ta.worker_id == CareWorker.id,
            ts.end_date >= dt.date(day.year, 1, 1),
            ts.end_date <= day,
            live_on(ta, day),
            live_on(ts, day),
        )
        .scalar_subquery()
    )
    with store.read() as session:
        insts = {
            row.id: InstitutionTraining(row.id, row.name, row.region_code)
            for row in session.execute(
                select(Institution.id, Institution.name, Institution.region_code)
                .where(*institutions_on(scope))
                .order_by(Institution.region_code, Institution.name)
            )
        }
        in_scope = select(Institution.id).where(*institutions_on(scope))
        employed = [CareWorker.institution_id.in_(in_scope), *employed_on(day)]
        care = session.execute(
            select(
                CareWorker.id,
                CareWorker.name,
                CareWorker.institution_id,
                case((prejob, 1), else_=0),
                case((certified, 1), else_=0),
                hours,
            )
            .where(*employed, CareWorker.occupation.in_(CARE_OCCUPATIONS))
            .order_by(CareWorker.institution_id, CareWorker.name_sort, CareWorker.name)
        ).all()
        expiring_rows = session.execute(
            select(
                CareWorker.id,
                CareWorker.name,
                CareWorker.institution_id,
                CareWorker.occupation,
                WorkerCertificate.name,
                WorkerCertificate.number,
                WorkerCertificate.expires_on,
            )
            .join(CareWorker, CareWorker.id == WorkerCertificate.worker_id)
            .where(
                *employed,
                WorkerCertificate.expires_on >= day,
                WorkerCertificate.expires_on <= soon,
                or_(WorkerCertificate.issued_on.is_(None), WorkerCertificate.issued_on <= day),
                live_on(WorkerCertificate, day),
            )
        ).all()
    missing_prejob, missing_certificate, worker_hours = [], [], []
    for worker_id, name, institution_id, trained, holds, done in care:
        inst = insts[institution_id]
        inst.active_care_workers += 1
        done_hours = Decimal(done or 0).quantize(Decimal("0.1"))
        inst.hours_total += done_hours
        worker_hours.append(WorkerHours(worker_id, name, inst.name, done_hours))
        if trained:
            inst.prejob_trained += 1
        else:
            missing_prejob.append(WorkerRef(worker_id, name, inst.name))
        if holds:
            inst.certified += 1
        else:
            missing_certificate.append(WorkerRef(worker_id, name, inst.name))
    expiring = []
    for w_id, w_name, i_id, occupation, c_name, number, until in expiring_rows:
        assert until is not None  # the query asks for an expiry within the window
        expiring.append(
            ExpiringCertificate(w_id, w_name, insts[i_id].name, occupation, c_name, number, until)
        )
    expiring.sort(key=lambda c: (c.expires_on, c.institution, c.name))
    per_institution = list(insts.values())
    return TrainingFigures(
        as_of=day,
        institutions=len(per_institution),
        active_care_workers=sum(i.active_care_workers for i in per_institution),
        prejob_trained=sum(i.prejob_trained for i in per_institution),
        certified=sum(i.certified for i in per_institution),
        missing_prejob=missing_prejob,
        missing_certificate=missing_certificate,
        expiring_certificates=expiring,
        hours=worker_hours,
        per_institution=per_institution,
    )
