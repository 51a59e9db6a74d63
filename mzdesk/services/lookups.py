"""Loading live (not tombstoned) rows by id, with a clear error when they are missing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.orm import Session

from mzdesk.core.errors import NotFoundError
from mzdesk.core.labels import table_label
from mzdesk.store.models import Synced

S = TypeVar("S", bound=Synced)


@dataclass(frozen=True)
class _Kind:
    """A kind of record, named in the language the message is shown in (「隐患」, "hazard")."""

    table: str

    def __str__(self) -> str:
        return table_label(self.table)


def get_live(session: Session, model: type[S], row_id: uuid.UUID) -> S:
    row = session.get(model, row_id)
    if row is None or row.deleted_at is not None:
        table = model.__tablename__  # type: ignore[attr-defined]
        raise NotFoundError("not_found", what=_Kind(table), key=str(row_id))
    return row
