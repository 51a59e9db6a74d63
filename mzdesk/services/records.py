"""A record as a person knows it: its own name (姓名, 用户名, 主题, 编号 …), or the name of the
resident or care worker it belongs to (a contact, an attendance); and a stored vocabulary code
as its label. The audit trail and the sync page both show records and values this way."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from mzdesk.store.models import CareWorker, Resident, VocabType
from mzdesk.store.values import synced_tables

# The columns that name a record, in the order they are tried.
NAME_COLUMNS = ("name", "username", "topic", "description", "number")


def _name_column(model: type[Any]) -> Any:
    columns = inspect(model).columns
    for name in NAME_COLUMNS:
        if name in columns:
            return getattr(model, name)
    if "resident_id" in columns:
        return Resident.name
    if "worker_id" in columns:
        return CareWorker.name
    return None


def record_names(
    session: Session, records: Iterable[tuple[str, uuid.UUID]]
) -> dict[uuid.UUID, str]:
    """The name of each ``(table, id)`` that has one (one query per table); records without a
    name, or no longer there, are missing from the answer."""
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for table, row_id in records:
        wanted[table].add(row_id)
    found: dict[uuid.UUID, str] = {}
    for table, ids in wanted.items():
        model = synced_tables().get(table)
        column = _name_column(model) if model is not None else None
        if model is None or column is None:
            continue
        query = select(model.id, column).where(model.id.in_(ids))
        if column is Resident.name and model is not Resident:
            query = query.join(Resident, Resident.id == inspect(model).columns["resident_id"])
        if column is CareWorker.name and model is not CareWorker:
            query = query.join(CareWorker, CareWorker.id == inspect(model).columns["worker_id"])
        for row_id, name in session.execute(query):
            if name:
                found[row_id] = str(name)
    return found


def vocab_label(table: str, field: str, value: Any) -> str | None:
    """The label of a vocabulary code (``None`` when the field is no vocabulary); an unknown
    code is shown as it is."""
    model = synced_tables().get(table)
    column = inspect(model).columns.get(field) if model is not None else None
    if value is None or column is None or not isinstance(column.type, VocabType):
        return None
    try:
        return str(column.type.vocab(value).label)
    except ValueError:
        return str(value)
