"""Residents (elderly and children), their contacts, bed stays, leaves and assessments."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.vocab import (
    AbilityLevel,
    AssessmentReason,
    ChildCategory,
    ChildStage,
    DischargeReason,
    Gender,
    GuardianshipType,
    MaritalStatus,
    PaymentMethod,
    Relationship,
    ResidentKind,
    ResidentStatus,
    SupportType,
)
from mzdesk.store.models.base import Base, Synced, VocabType


class Resident(Synced, Base):
    """入住人员. Discharge sets ``status`` and the discharge fields; the row is kept for good."""

    __tablename__ = "residents"
    __table_args__ = (
        Index("ix_residents_institution_status", "institution_id", "status"),
        Index("ix_residents_id_number", "id_number"),
        # the resident list reads pages in these orders (services/resident_list.py)
        Index("ix_residents_list_name", "institution_id", "name_sort", "id"),
        Index("ix_residents_list_admission", "institution_id", "admission_date", "id"),
        Index("ix_residents_list_birth", "institution_id", "birth_date", "id"),
        Index(
            "ix_residents_stats",
            "institution_id",
            "support_type",
            "ability_level",
            "admission_date",
            "discharge_date",
            "deleted_at",
        ),
    )

    kind: Mapped[ResidentKind] = mapped_column(VocabType(ResidentKind))
    name: Mapped[str] = mapped_column(String(50))
    name_initials: Mapped[str] = mapped_column(String(100), default="")
    # the list's order: surname pinyin, then the given name (derived, store/search.py)
    name_sort: Mapped[str] = mapped_column(Text, default="")
    # derived from name, initials and ID number; indexed by the resident_search FTS5 table
    search_terms: Mapped[str] = mapped_column(Text, default="")
    gender: Mapped[Gender | None] = mapped_column(VocabType(Gender))
    id_number: Mapped[str | None] = mapped_column(String(18))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    ethnicity: Mapped[str | None] = mapped_column(String(20))
    household_address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    marital_status: Mapped[MaritalStatus | None] = mapped_column(VocabType(MaritalStatus))
    living_situation: Mapped[str | None] = mapped_column(String(100))
    education: Mapped[str | None] = mapped_column(String(30))
    payment_method: Mapped[PaymentMethod | None] = mapped_column(VocabType(PaymentMethod))
    income_source: Mapped[str | None] = mapped_column(String(100))
    support_type: Mapped[SupportType | None] = mapped_column(VocabType(SupportType))
    diagnoses: Mapped[str | None] = mapped_column(Text)
    cognitive_disorder: Mapped[bool] = mapped_column(default=False)
    contract_number: Mapped[str | None] = mapped_column(String(50))
    status: Mapped[ResidentStatus] = mapped_column(VocabType(ResidentStatus))
    admission_date: Mapped[dt.date] = mapped_column(Date)
    bed_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("beds.id"), index=True)
    # the latest assessment's level, kept here so lists can filter on it without a join
    ability_level: Mapped[AbilityLevel | None] = mapped_column(VocabType(AbilityLevel))
    care_level: Mapped[str | None] = mapped_column(String(30))
    discharge_date: Mapped[dt.date | None] = mapped_column(Date)
    discharge_reason: Mapped[DischargeReason | None] = mapped_column(VocabType(DischargeReason))
    discharge_note: Mapped[str | None] = mapped_column(Text)
    # children's welfare homes
    child_category: Mapped[ChildCategory | None] = mapped_column(VocabType(ChildCategory))
    guardianship_type: Mapped[GuardianshipType | None] = mapped_column(VocabType(GuardianshipType))
    child_stage: Mapped[ChildStage | None] = mapped_column(VocabType(ChildStage))
    intake_documents: Mapped[list[str]] = mapped_column(JSON, default=list)
    schooling: Mapped[str | None] = mapped_column(String(50))
    disability_type: Mapped[str | None] = mapped_column(String(30))
    disability_level: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str | None] = mapped_column(Text)


class Contact(Synced, Base):
    """Guardian, agent or emergency contact of a resident."""

    __tablename__ = "resident_contacts"

    resident_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("residents.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    relationship: Mapped[Relationship | None] = mapped_column(VocabType(Relationship))
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(200))
    is_guardian: Mapped[bool] = mapped_column(default=False)
    is_emergency: Mapped[bool] = mapped_column(default=True)
    sort_order: Mapped[int] = mapped_column(default=0)


class BedStay(Synced, Base):
    """A resident in a bed from ``start_date`` until ``end_date`` (open while they stay)."""

    __tablename__ = "bed_stays"
    __table_args__ = (
        Index("ix_bed_stays_bed_dates", "bed_id", "start_date", "end_date"),
        Index(
            "ix_bed_stays_stats", "institution_id", "bed_id", "start_date", "end_date", "deleted_at"
        ),
    )

    resident_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("residents.id"), index=True)
    bed_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("beds.id"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(30))


class Leave(Synced, Base):
    """外出: the resident is away but keeps the bed."""

    __tablename__ = "resident_leaves"

    resident_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("residents.id"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    expected_return: Mapped[dt.date | None] = mapped_column(Date)
    return_date: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(String(200))
    destination: Mapped[str | None] = mapped_column(String(200))


class Assessment(Synced, Base):
    """One GB/T 42195 assessment; a resident's assessments form a dated history."""

    __tablename__ = "assessments"

    resident_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("residents.id"), index=True)
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[AssessmentReason] = mapped_column(VocabType(AssessmentReason))
    assessor: Mapped[str] = mapped_column(String(100))
    scheme_version: Mapped[str] = mapped_column(String(30))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON)
    dimension_scores: Mapped[dict[str, Any]] = mapped_column(JSON)
    total: Mapped[int]
    base_level: Mapped[AbilityLevel] = mapped_column(VocabType(AbilityLevel))
    level: Mapped[AbilityLevel] = mapped_column(VocabType(AbilityLevel))
    cognitive_disorder: Mapped[bool] = mapped_column(default=False)
    risk_events: Mapped[list[str]] = mapped_column(JSON, default=list)
    coma: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str | None] = mapped_column(Text)
