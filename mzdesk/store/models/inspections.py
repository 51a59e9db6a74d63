"""Inspections and item results (checklist templates: models/checklists.py; hazards:
models/hazards.py)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Date, DateTime, ForeignKey, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.vocab import (
    InspectionStatus,
    InspectionType,
    ItemResult,
    SignerRole,
)
from mzdesk.store.models.base import Base, Synced, VocabType


class Inspection(Synced, Base):
    __tablename__ = "inspections"

    # a shipped or a home version: no foreign key (services.checklists.load_version resolves)
    template_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    inspected_on: Mapped[dt.date] = mapped_column(Date)
    inspection_type: Mapped[InspectionType] = mapped_column(VocabType(InspectionType))
    inspectors: Mapped[str] = mapped_column(String(200))
    status: Mapped[InspectionStatus] = mapped_column(
        VocabType(InspectionStatus), default=InspectionStatus.IN_PROGRESS
    )
    summary: Mapped[str | None] = mapped_column(Text)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # the recurring check this inspection carries out, if any (part C)
    schedule_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("inspection_schedules.id"), index=True
    )


class InspectionResult(Synced, Base):
    __tablename__ = "inspection_results"

    inspection_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inspections.id"), index=True)
    item_id: Mapped[uuid.UUID] = mapped_column(Uuid)  # of a shipped or a home version
    result: Mapped[ItemResult] = mapped_column(VocabType(ItemResult))
    note: Mapped[str | None] = mapped_column(Text)
    photos: Mapped[list[str]] = mapped_column(JSON, default=list)


class InspectionSignature(Synced, Base):
    """One signer of a finished inspection (检查人 or 被检查单位负责人). The stroke image is an
    Attachment (kind signature, owner_table "inspection_signatures", owner_id this row)."""

    __tablename__ = "inspection_signatures"

    inspection_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inspections.id"), index=True)
    role: Mapped[SignerRole] = mapped_column(VocabType(SignerRole))
    name: Mapped[str] = mapped_column(String(50))
    signed_at: Mapped[dt.datetime] = mapped_column(DateTime)
