"""Loading live (not tombstoned) rows by id, with a clear error when they are missing, and
finding one by its id or a unique beginning of it (as people type ids)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from mzdesk.core.errors import NotFoundError
from mzdesk.core.labels import table_label
from mzdesk.store.engine import Store
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


def find_live_id(store: Store, model: type[S], key: str) -> uuid.UUID:
    """A live row's id from its id or a unique beginning of it (hyphens optional, any case);
    NotFoundError naming the key when none or several match."""
    table = model.__tablename__  # type: ignore[attr-defined]
    what = table_label(table)
    wanted = key.strip().lower().replace("-", "")
    if not wanted or any(ch not in "0123456789abcdef" for ch in wanted) or len(wanted) > 32:
        raise NotFoundError("lookup.id_not_found", what=what, key=key)
    # SQLite keeps a Uuid as 32 hex digits; compare on that text form on every database
    column = model.id
    as_text = func.lower(func.replace(cast(column, String), "-", ""))
    with store.read() as session:
        ids = session.scalars(
            select(column)
            .where(as_text.startswith(wanted, autoescape=True), model.deleted_at.is_(None))
            .limit(11)
        ).all()
    if not ids:
        raise NotFoundError("lookup.id_not_found", what=what, key=key)
    if len(ids) > 1:
        count = f"{len(ids)}+" if len(ids) > 10 else len(ids)
        raise NotFoundError("lookup.id_ambiguous", what=what, key=key, count=count)
    return uuid.UUID(str(ids[0]))
