"""Hazards (隐患) found by inspections or otherwise, tracked until 已销号."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.hazards import HazardEventKind
from mzdesk.core.vocab import HazardLevel, HazardStatus
from mzdesk.store.models.base import Base, Synced, VocabType


class Hazard(Synced, Base):
    """隐患: opened by a failed item (or found otherwise), tracked until 已销号."""

    __tablename__ = "hazards"

    inspection_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("inspections.id"), index=True
    )
    result_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("inspection_results.id"))
    description: Mapped[str] = mapped_column(Text)
    level: Mapped[HazardLevel] = mapped_column(VocabType(HazardLevel))
    measure: Mapped[str | None] = mapped_column(Text)
    responsible_person: Mapped[str | None] = mapped_column(String(50))
    found_on: Mapped[dt.date] = mapped_column(Date)
    deadline: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[HazardStatus] = mapped_column(VocabType(HazardStatus), default=HazardStatus.OPEN)
    rectified_on: Mapped[dt.date | None] = mapped_column(Date)
    rechecked_by: Mapped[str | None] = mapped_column(String(50))
    rechecked_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    # added by issue 12: the day it was 销号 (= rechecked_on of the passing re-check), and the
    # deadline it was first given (延期 moves ``deadline``; this one stays)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    original_deadline: Mapped[dt.date | None] = mapped_column(Date)


class HazardFollowUp(Synced, Base):
    """复查: a follow-up of an inspection that re-checks the hazards it left open."""

    __tablename__ = "hazard_follow_ups"

    inspection_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inspections.id"), index=True)
    checked_on: Mapped[dt.date] = mapped_column(Date)
    checked_by: Mapped[str] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)


class HazardEvent(Synced, Base):
    """One step of a hazard's life: who did what, when, why; a 延期's old and new deadline."""

    __tablename__ = "hazard_events"

    hazard_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("hazards.id"), index=True)
    kind: Mapped[HazardEventKind] = mapped_column(VocabType(HazardEventKind))
    happened_on: Mapped[dt.date] = mapped_column(Date)
    done_by: Mapped[str | None] = mapped_column(String(200))  # an inspection's inspectors
    status: Mapped[HazardStatus] = mapped_column(VocabType(HazardStatus))  # after the step
    reason: Mapped[str | None] = mapped_column(Text)
    approved_by: Mapped[str | None] = mapped_column(String(50))
    old_deadline: Mapped[dt.date | None] = mapped_column(Date)
    new_deadline: Mapped[dt.date | None] = mapped_column(Date)
    follow_up_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("hazard_follow_ups.id"))


class HazardSettings(Synced, Base):
    """A home's default deadlines (days from the day found), one live row per institution."""

    __tablename__ = "hazard_settings"

    ordinary_days: Mapped[int] = mapped_column(Integer)
    major_days: Mapped[int] = mapped_column(Integer)
