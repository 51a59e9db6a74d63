"""双随机 draws (services/sampling.py): which homes of a region were drawn for inspection and
which inspectors go to each, with everything needed to redo the draw (docs/sampling.md).

Local to the device that drew, not synced: a draw belongs to a region, not to one home, and
synced rows are scoped by institution (a home's PC must not receive the bureau's plans). The
draw is published by its export (一公开), and anyone can check it from its seed and lists."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Date, DateTime, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.ids import new_id
from mzdesk.store.models.base import Base, utcnow


class SampleDraw(Base):
    __tablename__ = "sample_draws"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    made_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    made_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    draw_date: Mapped[dt.date] = mapped_column(Date)
    region_code: Mapped[str] = mapped_column(String(12))
    algorithm: Mapped[str] = mapped_column(String(40))
    seed: Mapped[str] = mapped_column(String(40))
    institutions_wanted: Mapped[int]
    inspectors_per_home: Mapped[int]
    # the lists drawn from, canonically sorted: [{"code", "name", "id"}], ["name", …]
    candidates: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    inspectors: Mapped[list[str]] = mapped_column(JSON)
    # the result: [{"code", "institution", "id", "inspectors": [names]}] in draw order
    drawn: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
