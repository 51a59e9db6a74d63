"""Inspecting (issue 12, part C): recurring checks per home and the amendments that
correct an inspection after it was locked (the signatures that close one are the foundation's
``InspectionSignature``). Both synced.

An amendment keeps the changed items with their old and new results
and leaves the original results as they were.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.vocab import InspectionType, ScheduleFrequency
from mzdesk.store.models.base import Base, Synced, VocabType


class InspectionSchedule(Synced, Base):
    """A recurring check of a home: the daily fire patrol, the monthly fire check."""

    __tablename__ = "inspection_schedules"

    name: Mapped[str] = mapped_column(String(100))
    frequency: Mapped[ScheduleFrequency] = mapped_column(VocabType(ScheduleFrequency))
    # the checklist's id (not a foreign key: checklists are reference data each replica loads)
    template_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    inspection_type: Mapped[InspectionType] = mapped_column(VocabType(InspectionType))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(default=True)


class InspectionAmendment(Synced, Base):
    """A correction of a finished inspection: which items changed (old and new result and
    note), why, by whom and when. The inspection's own results are never changed."""

    __tablename__ = "inspection_amendments"

    inspection_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("inspections.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    amended_by: Mapped[str] = mapped_column(String(50))
    amended_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # [{"item_id", "code", "old", "new", "old_note", "new_note"}, …]
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
