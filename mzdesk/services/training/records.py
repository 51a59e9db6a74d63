"""Editing a worker's particulars and certificates, and the worker's page (detail)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import select

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.training import CertificateState, certificate_state, is_skill_certificate
from mzdesk.core.vocab import SkillLevel, TrainingCategory, TrainingResult, WorkerStatus
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.views import WorkerView
from mzdesk.services.workers import CertificateData, WorkerData, check_worker, find_worker
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    CareWorker,
    TrainingAttendance,
    TrainingSession,
    WorkerCertificate,
    utcnow,
)


@operation(Permission.WORKERS_EDIT)
def update_worker(store: Store, actor: Actor, worker_id: uuid.UUID, data: WorkerData) -> WorkerView:
    """Change a worker's particulars. ``data.left_on`` sets the state: a date marks (or
    corrects) 离职, None keeps or makes the worker active. Only changed fields are written,
    so sync merges them field by field. The institution cannot be changed here."""
    with store.write(actor) as session:
        worker = get_live(session, CareWorker, worker_id)
        clean = check_worker(replace(data, institution_id=worker.institution_id))
        assert clean.id_number is not None
        other = find_worker(session, worker.institution_id, clean.id_number)
        if other is not None and other.id != worker.id:
            raise ValidationError.single(
                "id_number",
                "worker.duplicate_id_number",
                id_number=clean.id_number,
                name=other.name,
            )
        for key, value in clean.__dict__.items():
            if key != "institution_id" and getattr(worker, key) != value:
                setattr(worker, key, value)
        status = WorkerStatus.LEFT if clean.left_on is not None else WorkerStatus.ACTIVE
        if worker.status is not status:
            worker.status = status
        session.flush()
        return WorkerView.of(worker)


@operation(Permission.WORKERS_EDIT)
def worker_rejoined(store: Store, actor: Actor, worker_id: uuid.UUID) -> WorkerView:
    """Undo a 离职 entered in error: the worker is active again and has no leaving date."""
    with store.write(actor) as session:
        worker = get_live(session, CareWorker, worker_id)
        if worker.status is not WorkerStatus.LEFT:
            raise StateError("worker.not_left", name=worker.name)
        worker.status = WorkerStatus.ACTIVE
        worker.left_on = None
        session.flush()
        return WorkerView.of(worker)


def check_certificate(data: CertificateData) -> str:
    checks = Checks("worker_certificates")
    name = checks.text("name", data.name, max_len=100)
    checks.not_before("expires_on", data.expires_on, data.issued_on, "issued_on")
    checks.lengths("worker_certificates", data)
    checks.done()
    return name or ""


def raise_level(worker: CareWorker, level: SkillLevel | None) -> None:
    """A skill certificate of a higher level raises the worker's level (never lowers it)."""
    levels = list(SkillLevel)
    if level is not None and levels.index(level) > levels.index(worker.skill_level):
        worker.skill_level = level


@operation(Permission.WORKERS_EDIT)
def update_certificate(
    store: Store, actor: Actor, certificate_id: uuid.UUID, data: CertificateData
) -> uuid.UUID:
    """Correct a certificate's fields (expires_on None = 长期). It stays with its worker."""
    name = check_certificate(data)
    with store.write(actor) as session:
        row = get_live(session, WorkerCertificate, certificate_id)
        values = {**data.__dict__, "name": name}
        values.pop("worker_id")
        for key, value in values.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
        raise_level(get_live(session, CareWorker, row.worker_id), data.skill_level)
        session.flush()
        return row.id


@operation(Permission.WORKERS_EDIT)
def remove_certificate(store: Store, actor: Actor, certificate_id: uuid.UUID) -> None:
    """Remove a certificate entered in error (a tombstone: the audit trail keeps it)."""
    with store.write(actor) as session:
        get_live(session, WorkerCertificate, certificate_id).deleted_at = utcnow()


@dataclass(frozen=True)
class CertificateView:
    id: uuid.UUID
    name: str
    number: str | None
    skill_level: SkillLevel | None
    issuer: str | None
    issued_on: dt.date | None
    expires_on: dt.date | None  # None: 长期
    state: CertificateState
    counts_as_skill: bool  # whether it counts for 持证上岗率


@dataclass(frozen=True)
class TrainingRecord:
    attendance_id: uuid.UUID
    session_id: uuid.UUID
    topic: str
    category: TrainingCategory
    start_date: dt.date
    end_date: dt.date
    hours_credited: Decimal
    result: TrainingResult


@dataclass(frozen=True)
class WorkerDetail:
    worker: WorkerView
    certificates: list[CertificateView]
    training: list[TrainingRecord]  # newest first
    hours_by_year: dict[int, Decimal]  # calendar year of the session's end → hours credited


def worker_detail(
    store: Store, worker_id: uuid.UUID, *, as_of: dt.date | None = None
) -> WorkerDetail:
    """The worker's page: particulars, certificates with their state on ``as_of`` (today),
    training history newest first and hours credited per calendar year."""
    day = as_of or dt.date.today()
    with store.read() as session:
        worker = get_live(session, CareWorker, worker_id)
        certificates = [
            CertificateView(
                c.id,
                c.name,
                c.number,
                c.skill_level,
                c.issuer,
                c.issued_on,
                c.expires_on,
                certificate_state(c.issued_on, c.expires_on, day),
                is_skill_certificate(c.name, c.skill_level),
            )
            for c in session.scalars(
                select(WorkerCertificate)
                .where(WorkerCertificate.worker_id == worker_id)
                .where(WorkerCertificate.deleted_at.is_(None))
                .order_by(WorkerCertificate.issued_on.desc(), WorkerCertificate.name)
            )
        ]
        rows = session.execute(
            select(TrainingAttendance, TrainingSession)
            .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
            .where(
                TrainingAttendance.worker_id == worker_id,
                TrainingAttendance.deleted_at.is_(None),
                TrainingSession.deleted_at.is_(None),
            )
            .order_by(TrainingSession.end_date.desc(), TrainingSession.start_date.desc())
        )
        training = [
            TrainingRecord(
                a.id,
                s.id,
                s.topic,
                s.category,
                s.start_date,
                s.end_date,
                a.hours_credited,
                a.result,
            )
            for a, s in rows
        ]
        hours: dict[int, Decimal] = defaultdict(Decimal)
        for record in training:
            hours[record.end_date.year] += record.hours_credited
        return WorkerDetail(
            WorkerView.of(worker), certificates, training, dict(sorted(hours.items()))
        )
