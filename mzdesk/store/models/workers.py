"""Care workers, their certificates, training sessions and attendance."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Numeric, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.vocab import (
    Gender,
    Occupation,
    SkillLevel,
    TrainingCategory,
    TrainingResult,
    WorkerStatus,
)
from mzdesk.store.models.base import Base, Synced, VocabType


class CareWorker(Synced, Base):
    __tablename__ = "care_workers"

    name: Mapped[str] = mapped_column(String(50))
    name_initials: Mapped[str] = mapped_column(String(100), default="")
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    gender: Mapped[Gender | None] = mapped_column(VocabType(Gender))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(40))
    occupation: Mapped[Occupation] = mapped_column(VocabType(Occupation))
    skill_level: Mapped[SkillLevel] = mapped_column(VocabType(SkillLevel), default=SkillLevel.NONE)
    hired_on: Mapped[dt.date] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[WorkerStatus] = mapped_column(
        VocabType(WorkerStatus), default=WorkerStatus.ACTIVE
    )
    note: Mapped[str | None] = mapped_column(Text)


class WorkerCertificate(Synced, Base):
    """A skill certificate (职业技能等级证书) or another qualification a worker holds."""

    __tablename__ = "worker_certificates"

    worker_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("care_workers.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    number: Mapped[str | None] = mapped_column(String(50))
    skill_level: Mapped[SkillLevel | None] = mapped_column(VocabType(SkillLevel))
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(String(100))


class TrainingSession(Synced, Base):
    __tablename__ = "training_sessions"

    topic: Mapped[str] = mapped_column(String(200))
    category: Mapped[TrainingCategory] = mapped_column(VocabType(TrainingCategory))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    hours: Mapped[Decimal] = mapped_column(Numeric(6, 1))
    trainer: Mapped[str | None] = mapped_column(String(100))
    place: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)


class TrainingAttendance(Synced, Base):
    __tablename__ = "training_attendance"

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("training_sessions.id"), index=True
    )
    worker_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("care_workers.id"), index=True)
    hours_credited: Mapped[Decimal] = mapped_column(Numeric(6, 1))
    result: Mapped[TrainingResult] = mapped_column(VocabType(TrainingResult))
    certificate_number: Mapped[str | None] = mapped_column(String(50))
    verification_code: Mapped[str | None] = mapped_column(String(20))
