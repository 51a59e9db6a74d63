"""Editing a training session and its attendance after it was recorded."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.core.vocab import Occupation, TrainingCategory, TrainingResult
from mzdesk.services.checks import Checks
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.services.workers import Attendee, _hours
from mzdesk.store.engine import Store
from mzdesk.store.models import (
    CareWorker,
    TrainingAttendance,
    TrainingCertificate,
    TrainingSession,
    utcnow,
)


@dataclass(frozen=True)
class SessionData:
    """A session's own fields (its attendees are edited one by one)."""

    topic: str
    category: TrainingCategory
    start_date: dt.date
    end_date: dt.date
    hours: Decimal
    trainer: str | None = None
    place: str | None = None
    note: str | None = None


@operation(Permission.WORKERS_EDIT)
def update_training_session(
    store: Store, actor: Actor, session_id: uuid.UUID, data: SessionData
) -> None:
    """Correct a session. When its hours change, attendees credited with the old hours (the
    default) are credited with the new ones; hours set by hand for someone stay."""
    checks = Checks("training_sessions")
    topic = checks.text("topic", data.topic, max_len=200)
    hours = _hours(checks, "hours", data.hours)
    checks.not_before("end_date", data.end_date, data.start_date, "start_date")
    checks.lengths("training_sessions", data)
    checks.done()
    with store.write(actor) as session:
        row = get_live(session, TrainingSession, session_id)
        if hours != row.hours:
            for attendance in _attendance(session, session_id):
                if (
                    attendance.result is not TrainingResult.ABSENT
                    and attendance.hours_credited == row.hours
                ):
                    attendance.hours_credited = hours
        values = {**data.__dict__, "topic": topic or "", "hours": hours}
        for key, value in values.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
        session.flush()


def _attendance(session: Session, session_id: uuid.UUID) -> list[TrainingAttendance]:
    return list(
        session.scalars(
            select(TrainingAttendance).where(
                TrainingAttendance.session_id == session_id,
                TrainingAttendance.deleted_at.is_(None),
            )
        )
    )


@operation(Permission.WORKERS_EDIT)
def add_attendees(
    store: Store, actor: Actor, session_id: uuid.UUID, attendees: Sequence[Attendee]
) -> list[uuid.UUID]:
    """Add workers to a session (all or none): hours credited default to the session's
    (0 for the absent). Refuses someone already attending, a worker of another institution
    and one who had left before the session started. Returns the new attendance ids."""
    checks = Checks("training_attendance")
    credited = {}
    for i, attendee in enumerate(attendees):
        if attendee.hours_credited is not None:
            credited[i] = _hours(
                checks, f"attendees.{i}.hours_credited", attendee.hours_credited, attendee.result
            )
    if not attendees:
        checks.add("attendees", "training.no_attendees")
    checks.done()
    with store.write(actor) as session:
        row = get_live(session, TrainingSession, session_id)
        attending = {a.worker_id for a in _attendance(session, session_id)}
        problems = Checks("training_attendance")
        ids = []
        for i, attendee in enumerate(attendees):
            worker = get_live(session, CareWorker, attendee.worker_id)
            field = f"attendees.{i}"
            if worker.institution_id != row.institution_id:
                problems.add(field, "training.other_institution", name=worker.name)
            elif worker.id in attending:
                problems.add(field, "training.already_attending", name=worker.name)
            elif worker.left_on is not None and worker.left_on < row.start_date:
                problems.add(
                    field, "worker.left_attendee", name=worker.name, left_on=worker.left_on
                )
            attending.add(worker.id)
            absent = attendee.result is TrainingResult.ABSENT
            attendance = TrainingAttendance(
                institution_id=row.institution_id,
                session_id=row.id,
                worker_id=worker.id,
                hours_credited=credited.get(i, Decimal(0) if absent else row.hours),
                result=attendee.result,
            )
            session.add(attendance)
            ids.append(attendance)
        problems.done()  # raising rolls the whole transaction back
        session.flush()
        return [a.id for a in ids]


def _issued(session: Session, attendance_id: uuid.UUID) -> bool:
    """Whether a certificate that still stands was issued for this attendance."""
    return (
        session.scalars(
            select(TrainingCertificate.id).where(
                TrainingCertificate.attendance_id == attendance_id,
                TrainingCertificate.deleted_at.is_(None),
                TrainingCertificate.revoked_at.is_(None),
            )
        ).first()
        is not None
    )


@operation(Permission.WORKERS_EDIT)
def update_attendance(
    store: Store,
    actor: Actor,
    attendance_id: uuid.UUID,
    *,
    result: TrainingResult,
    hours_credited: Decimal,
) -> None:
    """Correct one attendee's result and hours. A passed attendance whose certificate was
    issued cannot become failed or absent until that certificate is revoked."""
    checks = Checks("training_attendance")
    hours = _hours(checks, "hours_credited", hours_credited, result)
    checks.done()
    with store.write(actor) as session:
        row = get_live(session, TrainingAttendance, attendance_id)
        was_passed = row.result is TrainingResult.PASSED
        if result is not row.result and was_passed and _issued(session, row.id):
            raise StateError("training.certificate_issued")
        if row.result is not result:
            row.result = result
        if row.hours_credited != hours:
            row.hours_credited = hours
        session.flush()


@operation(Permission.WORKERS_EDIT)
def remove_attendance(store: Store, actor: Actor, attendance_id: uuid.UUID) -> None:
    """Take someone off a session's list (a tombstone; the audit trail keeps it). Refused
    while a certificate issued for that attendance stands."""
    with store.write(actor) as session:
        row = get_live(session, TrainingAttendance, attendance_id)
        if _issued(session, row.id):
            raise StateError("training.certificate_issued")
        row.deleted_at = utcnow()


@dataclass(frozen=True)
class AttendeeView:
    attendance_id: uuid.UUID
    worker_id: uuid.UUID
    name: str
    occupation: Occupation
    result: TrainingResult
    hours_credited: Decimal


@dataclass(frozen=True)
class SessionDetail:
    id: uuid.UUID
    institution_id: uuid.UUID
    topic: str
    category: TrainingCategory
    start_date: dt.date
    end_date: dt.date
    hours: Decimal
    trainer: str | None
    place: str | None
    note: str | None
    attendees: list[AttendeeView]  # by name

    @property
    def data(self) -> SessionData:
        """The session's fields, as :func:`update_training_session` takes them."""
        return SessionData(
            self.topic,
            self.category,
            self.start_date,
            self.end_date,
            self.hours,
            self.trainer,
            self.place,
            self.note,
        )


def session_detail(store: Store, session_id: uuid.UUID) -> SessionDetail:
    with store.read() as session:
        row = get_live(session, TrainingSession, session_id)
        attendees = [
            AttendeeView(a.id, w.id, w.name, w.occupation, a.result, a.hours_credited)
            for a, w in session.execute(
                select(TrainingAttendance, CareWorker)
                .join(CareWorker, CareWorker.id == TrainingAttendance.worker_id)
                .where(
                    TrainingAttendance.session_id == session_id,
                    TrainingAttendance.deleted_at.is_(None),
                )
                .order_by(CareWorker.name_sort, CareWorker.name)
            )
        ]
        return SessionDetail(
            row.id,
            row.institution_id,
            row.topic,
            row.category,
            row.start_date,
            row.end_date,
            row.hours,
            row.trainer,
            row.place,
            row.note,
            attendees,
        )
