"""Care workers, their certificates, training sessions and attendance."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Date, DateTime, ForeignKey, Index, Numeric, String, Text, Uuid
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
    __table_args__ = (Index("ix_care_workers_list_name", "institution_id", "name_sort", "id"),)

    name: Mapped[str] = mapped_column(String(50))
    name_initials: Mapped[str] = mapped_column(String(100), default="")
    # the lists' order: surname pinyin, then the given name (derived, store/search.py)
    name_sort: Mapped[str] = mapped_column(Text, default="")
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


class TrainingRequirement(Synced, Base):
    """One line of an institution's training matrix: what a worker of ``occupation`` must
    have and how often. A requirement is met by passed attendance of a session of
    ``category`` (and whose topic contains ``topic_contains``, when set) — once when
    ``interval_months`` is None, else within that many months — or, when ``hours_per_year``
    is set, by at least that many hours credited in the calendar year (any category when
    ``category`` is None). ``before_start``: due by the worker's first day (岗前培训).
    An institution without rows of its own uses the defaults in resources/training/."""

    __tablename__ = "training_requirements"

    occupation: Mapped[Occupation] = mapped_column(VocabType(Occupation))
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[TrainingCategory | None] = mapped_column(VocabType(TrainingCategory))
    topic_contains: Mapped[str | None] = mapped_column(String(50))
    interval_months: Mapped[int | None] = mapped_column(default=None)
    hours_per_year: Mapped[Decimal | None] = mapped_column(Numeric(6, 1), default=None)
    before_start: Mapped[bool] = mapped_column(default=False)
    sort_order: Mapped[int] = mapped_column(default=0)


class SigningKey(Synced, Base):
    """The public half of a device's Ed25519 key that signs printed certificates. The private
    half never leaves the device (it is kept in ``device_settings``); the public half travels
    by sync and USB bundle so that every device of the institution, and the central server's
    verify page, can check a certificate. ``key_id`` is the short name a certificate's QR
    payload carries. A key revoked (a lost or retired device) stops verifying certificates
    signed after ``revoked_at``."""

    __tablename__ = "signing_keys"

    key_id: Mapped[str] = mapped_column(String(16), index=True)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    public_key: Mapped[str] = mapped_column(String(64))  # raw 32 bytes, hex
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    revoked_reason: Mapped[str | None] = mapped_column(Text)


class TrainingCertificate(Synced, Base):
    """A 培训合格证书 issued for one passed attendance: its serial (unique per institution
    and year), the date of issue, the signing key and the signed payload its QR code
    carries. Revoked (issued in error) it says so everywhere; a retake that passes is a new
    attendance with a new certificate."""

    __tablename__ = "training_certificates"

    attendance_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("training_attendance.id"), index=True
    )
    worker_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("care_workers.id"), index=True)
    session_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("training_sessions.id"))
    serial: Mapped[str] = mapped_column(String(30), index=True)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    key_id: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)  # the signed text in the QR code
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    revoked_reason: Mapped[str | None] = mapped_column(Text)
