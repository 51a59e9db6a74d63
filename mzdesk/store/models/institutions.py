"""Institutions, their users, and the bed hierarchy: buildings → floors → rooms → beds."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.vocab import (
    BedStatus,
    BedType,
    Grade,
    InstitutionKind,
    MedicalIntegration,
    Operation,
    Positioning,
)
from mzdesk.store.models.base import Base, Synced, VocabType


class Institution(Synced, Base):
    """养老机构 or 儿童福利机构. Its ``institution_id`` is its own id, so scoping is uniform."""

    __tablename__ = "institutions"

    name: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[InstitutionKind] = mapped_column(VocabType(InstitutionKind))
    positioning: Mapped[Positioning | None] = mapped_column(VocabType(Positioning))
    operation: Mapped[Operation | None] = mapped_column(VocabType(Operation))
    grade: Mapped[Grade] = mapped_column(VocabType(Grade), default=Grade.UNRATED)
    medical_integration: Mapped[MedicalIntegration] = mapped_column(
        VocabType(MedicalIntegration), default=MedicalIntegration.NONE
    )
    uscc: Mapped[str | None] = mapped_column(String(18))
    region_code: Mapped[str | None] = mapped_column(String(6), index=True)
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    legal_representative: Mapped[str | None] = mapped_column(String(50))
    fire_safety_officer: Mapped[str | None] = mapped_column(String(50))
    home_care_beds: Mapped[int] = mapped_column(default=0)
    # ability level code → this institution's own care level (自理/介助/介护, 一级护理…)
    care_levels: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # printed training certificates: the full 身份证号 instead of a masked one, the worker's
    # cumulative hours, and the issuer printed (default: the institution's name)
    certificate_full_id: Mapped[bool] = mapped_column(default=False)
    certificate_total_hours: Mapped[bool] = mapped_column(default=False)
    certificate_issuer: Mapped[str | None] = mapped_column(String(100), default=None)


# What a home may change of its own institution when it syncs: its particulars. The rest —
# id, name, kind, 统一社会信用代码 (uscc), region code (which decides which bureau sees it),
# created_at and deleted_at — is the central server's administrator's (mzdesk server
# add-institution / set-institution), so no device can take another institution's identity.
HOME_OWNED_FIELDS = frozenset(
    {
        "positioning",
        "operation",
        "grade",
        "medical_integration",
        "address",
        "phone",
        "legal_representative",
        "fire_safety_officer",
        "home_care_beds",
        "care_levels",
        "certificate_full_id",
        "certificate_total_hours",
        "certificate_issuer",
    }
)


class User(Synced, Base):
    """A person who logs in. Usernames are unique within an institution; ``role`` is a code
    from resources/roles/roles.json (see mzdesk.core.permissions)."""

    __tablename__ = "users"
    __table_args__ = (Index("ix_users_institution_username", "institution_id", "username"),)

    username: Mapped[str] = mapped_column(String(50), index=True)
    display_name: Mapped[str] = mapped_column(String(50))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(default=True)


class Building(Synced, Base):
    __tablename__ = "buildings"

    name: Mapped[str] = mapped_column(String(50))
    sort_order: Mapped[int] = mapped_column(default=0)


class Floor(Synced, Base):
    __tablename__ = "floors"

    building_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("buildings.id"), index=True)
    name: Mapped[str] = mapped_column(String(30))
    sort_order: Mapped[int] = mapped_column(default=0)


class Room(Synced, Base):
    __tablename__ = "rooms"
    __table_args__ = (Index("ix_rooms_institution_number", "institution_id", "number"),)

    floor_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("floors.id"), index=True)
    number: Mapped[str] = mapped_column(String(30))
    sort_order: Mapped[int] = mapped_column(default=0)


class Bed(Synced, Base):
    """One bed. ``status`` is its state now; ``bed_history`` keeps type and service changes."""

    __tablename__ = "beds"
    __table_args__ = (
        Index("ix_beds_institution_status", "institution_id", "status"),
        Index("ix_beds_institution_number", "institution_id", "number"),
        # Bed statistics: counts per institution, type and status read from the index alone;
        # the few beds whose as-of state needs a closer look found through the partial index.
        Index(
            "ix_beds_stats",
            "institution_id",
            "bed_type",
            "status",
            "in_service_since",
            "deleted_at",
        ),
        Index(
            "ix_beds_exceptional",
            "id",
            sqlite_where=text("status = 'out_of_service' OR deleted_at IS NOT NULL"),
        ),
        Index("ix_beds_in_service_since", "in_service_since"),
    )

    room_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("rooms.id"), index=True)
    number: Mapped[str] = mapped_column(String(30))
    bed_type: Mapped[BedType] = mapped_column(VocabType(BedType))
    status: Mapped[BedStatus] = mapped_column(VocabType(BedStatus), default=BedStatus.FREE)
    in_service_since: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)


class BedHistory(Synced, Base):
    """From ``effective_on`` the bed had this type and was (or was not) in service.

    Written whenever a bed is added, changes type, or goes out of or back into service, so bed
    statistics as of a past date are reproducible (occupancy comes from ``bed_stays``).

    ``occupied`` is what a beds roster reported (状态 在住 / 空闲) on ``effective_on``, for
    homes whose residents are not kept here; None when the row says nothing of occupancy.
    A reported 在住 counts as occupied from that day until a later report says otherwise or a
    resident's stay in the bed overlaps (from then the stays decide), see stats.beds.asof.
    """

    __tablename__ = "bed_history"

    bed_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("beds.id"), index=True)
    effective_on: Mapped[dt.date] = mapped_column(Date)
    bed_type: Mapped[BedType] = mapped_column(VocabType(BedType))
    in_service: Mapped[bool]
    reason: Mapped[str | None] = mapped_column(String(200))
    occupied: Mapped[bool | None] = mapped_column(default=None)
