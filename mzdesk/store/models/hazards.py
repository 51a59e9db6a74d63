"""Hazards (隐患) found by inspections or otherwise, tracked until 已销号."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, ForeignKey, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

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
