"""Declarative base, column types and the mixin every synced row carries.

Sync readiness (sync.md) lives here:
- ``id``: a UUIDv7 made on the client, so offline sites create rows without a server;
- ``institution_id`` on every synced row: the unit of scoping;
- ``deleted_at``: a tombstone; synced rows are never deleted (the session refuses it);
- ``server_rev``: the server revision this row was last reconciled at. Each outbox entry
  carries it as its base, and the server (which keeps a revision per field) detects a
  concurrent change of the same field as one whose field revision is newer than that base.

Natural keys (a building's name, a bed's number, a resident's 身份证号) are deliberately not
UNIQUE constraints: two offline desktops may each create "3号楼", and a sync apply must never
fail on that. The services keep live rows unique and the importer matches on these keys.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import DateTime, Dialect, ForeignKey, MetaData, String, TypeDecorator, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from mzdesk.core.ids import new_id
from mzdesk.core.vocab import Vocab

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Naive UTC: SQLite has no time zones, so every stored timestamp is UTC by convention."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


V = TypeVar("V", bound=Vocab)


class VocabType(TypeDecorator[V], Generic[V]):
    """Stores a vocabulary member as its code (a short string) and reads it back as the member."""

    impl = String(32)
    cache_ok = True

    def __init__(self, vocab: type[V]) -> None:
        super().__init__()
        self.vocab = vocab

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return self.vocab(value).value

    def process_result_value(self, value: Any, dialect: Dialect) -> V | None:
        return None if value is None else self.vocab(value)


class Synced:
    """Columns of every row that takes part in sync. See the module docstring."""

    __synced__: ClassVar[bool] = True

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    server_rev: Mapped[int | None] = mapped_column(default=None)

    @declared_attr
    def institution_id(cls) -> Mapped[uuid.UUID]:
        return mapped_column(Uuid, ForeignKey("institutions.id"), index=True)


# Bookkeeping columns that are not user data and never travel as field changes.
# ``name_sort`` (core.pinyin.sort_key) is derived from the name on each device.
LOCAL_COLUMNS = frozenset({"server_rev", "updated_at", "search_terms", "name_sort"})
