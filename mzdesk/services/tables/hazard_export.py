"""The rows of the hazard ledger export (隐患排查整改台账), in the columns of its import
(services/tables/columns.py), so that an export re-imports unchanged."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.store.models import Hazard


def hazard_rows(session: Session, names: dict[uuid.UUID, str]) -> Iterator[list[Any]]:
    query = (
        select(Hazard)
        .where(Hazard.deleted_at.is_(None))
        .order_by(Hazard.institution_id, Hazard.found_on, Hazard.created_at)
    )
    for h in session.scalars(query):
        yield [
            names[h.institution_id],
            h.found_on,
            h.description,
            h.level,
            h.measure,
            h.responsible_person,
            h.deadline,
            h.rectified_on,
            h.rechecked_by,
            h.rechecked_on,
            h.status,
        ]
