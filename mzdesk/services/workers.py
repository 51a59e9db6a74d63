"""Care workers, their certificates, and training sessions with attendance."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import (
    Gender,
    Occupation,
    SkillLevel,
    TrainingCategory,
    TrainingResult,
    WorkerStatus,
)
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.views import WorkerView
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    CareWorker,
    Institution,
    TrainingAttendance,
    TrainingSession,
    WorkerCertificate,
)

MAX_HOURS = Decimal("500")


@dataclass(frozen=True)
class WorkerData:
    institution_id: uuid.UUID
    name: str
    occupation: Occupation
    hired_on: dt.date
    id_number: str | None = None
    gender: Gender | None = None
    birth_date: dt.date | None = None
    phone: str | None = None
    skill_level: SkillLevel = SkillLevel.NONE
    note: str | None = None
    left_on: dt.date | None = None  # 离职日期: a worker entered as having left


def check_worker(data: WorkerData, *, today: dt.date | None = None) -> WorkerData:
    checks = Checks("care_workers")
    name = checks.text("name", data.name, max_len=50)
    id_number = checks.id_number("id_number", data.id_number, required=True)
    checks.agrees_with_id(id_number, data.gender, data.birth_date)
    checks.not_future("hired_on", data.hired_on, today or dt.date.today())
    checks.not_before("left_on", data.left_on, data.hired_on, "hired_on")
    phone = checks.phone("phone", data.phone)
    checks.lengths("care_workers", data)
    checks.done()
    return replace(
        data,
        name=name or "",
        id_number=id_number.value if id_number else None,
        gender=data.gender or (id_number.gender if id_number else None),
        birth_date=data.birth_date or (id_number.birth_date if id_number else None),
        phone=phone,
    )


def find_worker(session: Session, institution_id: uuid.UUID, id_number: str) -> CareWorker | None:
    return session.scalars(
        select(CareWorker).where(
            CareWorker.institution_id == institution_id,
            CareWorker.id_number == id_number,
            CareWorker.deleted_at.is_(None),
        )
    ).first()


def add_worker(session: Session, data: WorkerData) -> CareWorker:
    get_live(session, Institution, data.institution_id)
    clean = check_worker(data)
    assert clean.id_number is not None
    existing = find_worker(session, clean.institution_id, clean.id_number)
    if existing is not None:
        raise ValidationError.single(
            "id_number", "worker.duplicate_id_number", id_number=clean.id_number, name=existing.name
        )
    status = WorkerStatus.LEFT if clean.left_on is not None else WorkerStatus.ACTIVE
    worker = CareWorker(status=status, **clean.__dict__)
    session.add(worker)
    session.flush()
    return worker


@operation(Permission.WORKERS_EDIT)
def register_care_worker(store: Store, actor: Actor, data: WorkerData) -> WorkerView:
    with store.write(actor) as session:
        return WorkerView.of(add_worker(session, data))


@operation(Permission.WORKERS_EDIT)
def worker_left(store: Store, actor: Actor, worker_id: uuid.UUID, on: dt.date) -> WorkerView:
    with store.write(actor) as session:
        worker = get_live(session, CareWorker, worker_id)
        if worker.status is WorkerStatus.LEFT:
            raise StateError("worker.left", name=worker.name)
        checks = Checks("care_workers")
        checks.not_before("left_on", on, worker.hired_on, "hired_on")
        checks.done()
        worker.status = WorkerStatus.LEFT
        worker.left_on = on
        session.flush()
        return WorkerView.of(worker)


@dataclass(frozen=True)
class CertificateData:
    worker_id: uuid.UUID
    name: str
    number: str | None = None
    skill_level: SkillLevel | None = None
    issued_on: dt.date | None = None
    expires_on: dt.date | None = None
    issuer: str | None = None


@operation(Permission.WORKERS_EDIT)
def add_certificate(store: Store, actor: Actor, data: CertificateData) -> uuid.UUID:
    """Record a certificate; a skill certificate of a higher level raises the worker's level."""
    checks = Checks("care_workers")
    name = checks.text("name", data.name, max_len=100)
    checks.not_before("expires_on", data.expires_on, data.issued_on, "issued_on")
    checks.lengths("worker_certificates", data)
    checks.done()
    with store.write(actor) as session:
        worker = get_live(session, CareWorker, data.worker_id)
        row = WorkerCertificate(
            institution_id=worker.institution_id, **{**data.__dict__, "name": name or ""}
        )
        session.add(row)
        levels = list(SkillLevel)
        if data.skill_level is not None and levels.index(data.skill_level) > levels.index(
            worker.skill_level
        ):
            worker.skill_level = data.skill_level
        session.flush()
        return row.id


def _hours(
    checks: Checks,
    field: str,
    value: Decimal | float | str,
    result: TrainingResult | None = None,
) -> Decimal:
    """Hours as entered, to one decimal; an absent attendee (``result`` 缺席) gets none."""
    try:
        hours = Decimal(str(value)).quantize(Decimal("0.1"))
    except InvalidOperation:
        checks.add(field, "field.not_number", value=value)
        return Decimal(0)
    if not Decimal(0) <= hours <= MAX_HOURS:
        checks.add(field, "training.hours", max=MAX_HOURS)
    elif result is TrainingResult.ABSENT and hours > 0:
        checks.add(field, "training.absent_hours", hours=hours)
    return hours


@dataclass(frozen=True)
class Attendee:
    worker_id: uuid.UUID
    result: TrainingResult
    hours_credited: Decimal | None = None  # None: the session's hours (0 when absent)


@dataclass(frozen=True)
class TrainingData:
    institution_id: uuid.UUID
    topic: str
    category: TrainingCategory
    start_date: dt.date
    end_date: dt.date
    hours: Decimal
    attendees: Sequence[Attendee]
    trainer: str | None = None
    place: str | None = None
    note: str | None = None


@operation(Permission.WORKERS_EDIT)
def record_training_session(store: Store, actor: Actor, data: TrainingData) -> uuid.UUID:
    """A session and its attendance in one transaction. Certificates for those who passed
    are issued apart (services/certificates.py issue_certificates); the attendance's old
    certificate_number / verification_code columns are no longer written."""
    checks = Checks("care_workers")
    topic = checks.text("topic", data.topic, max_len=200)
    hours = _hours(checks, "hours", data.hours)
    checks.not_before("end_date", data.end_date, data.start_date, "start_date")
    if not data.attendees:
        checks.add("attendees", "training.no_attendees")
    credited = {}
    for i, attendee in enumerate(data.attendees):
        if attendee.hours_credited is not None:
            credited[i] = _hours(
                checks, f"attendees.{i}.hours_credited", attendee.hours_credited, attendee.result
            )
    checks.lengths("training_sessions", data)
    checks.done()
    with store.write(actor) as session:
        get_live(session, Institution, data.institution_id)
        session_row = TrainingSession(
            institution_id=data.institution_id,
            topic=topic or "",
            category=data.category,
            start_date=data.start_date,
            end_date=data.end_date,
            hours=hours,
            trainer=data.trainer,
            place=data.place,
            note=data.note,
        )
        session.add(session_row)
        session.flush()
        seen: set[uuid.UUID] = set()
        for i, attendee in enumerate(data.attendees):
            worker = get_live(session, CareWorker, attendee.worker_id)
            if worker.id in seen:
                raise ValidationError.single(
                    f"attendees.{i}", "training.duplicate_attendee", name=worker.name
                )
            seen.add(worker.id)
            default_hours = hours if attendee.result is not TrainingResult.ABSENT else Decimal(0)
            session.add(
                TrainingAttendance(
                    institution_id=data.institution_id,
                    session_id=session_row.id,
                    worker_id=worker.id,
                    hours_credited=credited.get(i, default_hours),
                    result=attendee.result,
                )
            )
        session.flush()
        return session_row.id


@dataclass(frozen=True)
class TrainingSummary:
    id: uuid.UUID
    topic: str
    category: TrainingCategory
    start_date: dt.date
    end_date: dt.date
    hours: Decimal
    attendees: int
    passed: int


def list_workers(
    store: Store, institution_id: uuid.UUID, *, include_left: bool = False
) -> list[WorkerView]:
    query = select(CareWorker).where(
        CareWorker.institution_id == institution_id, CareWorker.deleted_at.is_(None)
    )
    if not include_left:
        query = query.where(CareWorker.status == WorkerStatus.ACTIVE)
    with store.read() as session:
        return [WorkerView.of(w) for w in session.scalars(query.order_by(CareWorker.name_sort))]


def list_trainings(store: Store, institution_id: uuid.UUID) -> list[TrainingSummary]:
    query = (
        select(
            TrainingSession,
            func.count(TrainingAttendance.id),
            func.sum(case((TrainingAttendance.result == TrainingResult.PASSED, 1), else_=0)),
        )
        .outerjoin(
            TrainingAttendance,
            (TrainingAttendance.session_id == TrainingSession.id)
            & TrainingAttendance.deleted_at.is_(None),
        )
        .where(
            TrainingSession.institution_id == institution_id, TrainingSession.deleted_at.is_(None)
        )
        .group_by(TrainingSession.id)
        .order_by(TrainingSession.start_date.desc())
    )
    with store.read() as session:
        return [
            TrainingSummary(
                t.id, t.topic, t.category, t.start_date, t.end_date, t.hours, n, int(p or 0)
            )
            for t, n, p in session.execute(query)
        ]
