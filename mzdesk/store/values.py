"""Column values in their JSON form, as they travel in the outbox, over sync and in bundles.

``to_json`` turns a column value into JSON; ``from_json`` reads it back for a given column,
refusing a value of the wrong shape with ``ValueError`` (the server's check of every field of
every change it receives). ``synced_tables`` names every table that takes part in sync with
its model.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    Numeric,
    String,
    Text,
    Uuid,
    inspect,
)

from mzdesk.store.models import LOCAL_COLUMNS, Base, Synced, VocabType


def to_json(value: Any) -> Any:
    """The JSON form of a column value."""
    if value is None or (
        isinstance(value, bool | int | float | str) and not isinstance(value, Enum)
    ):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    raise TypeError(f"cannot put {type(value).__name__} into the outbox")


def from_json(column: Column[Any], value: Any) -> Any:
    """The Python value of ``column`` from its JSON form; ``ValueError`` when it does not fit."""
    if value is None:
        if not column.nullable and not column.primary_key:
            raise ValueError(f"{column.key}: a value is required")
        return None
    kind = column.type
    try:
        if isinstance(kind, VocabType):
            return kind.vocab(value)
        if isinstance(kind, Uuid):
            return uuid.UUID(str(value))
        if isinstance(kind, DateTime):
            if not isinstance(value, str):
                raise ValueError
            return dt.datetime.fromisoformat(value).replace(tzinfo=None)
        if isinstance(kind, Date):
            if not isinstance(value, str):
                raise ValueError
            return dt.date.fromisoformat(value)
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError
            return value
        if isinstance(kind, Numeric) and not isinstance(kind, Float):
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                raise ValueError
            return Decimal(str(value))
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError
            return value
        if isinstance(kind, String | Text):
            if not isinstance(value, str):
                raise ValueError
            if "\x00" in value or (kind.length is not None and len(value) > kind.length):
                raise ValueError
            return value
        if isinstance(kind, JSON):
            if "\\u0000" in json.dumps(value):
                raise ValueError
            return value
    except (ValueError, TypeError, InvalidOperation, KeyError) as error:
        raise ValueError(f"{column.key}: {value!r} is not a valid value") from error
    raise ValueError(f"{column.key}: unsupported column type {kind!r}")


@cache
def synced_tables() -> dict[str, type[Synced]]:
    """Table name → model, for every table that takes part in sync."""
    tables: dict[str, type[Synced]] = {}
    for mapper in Base.registry.mappers:
        model = mapper.class_
        if issubclass(model, Synced):
            tables[model.__tablename__] = model  # type: ignore[attr-defined]
    return tables


@cache
def synced_columns(table: str) -> dict[str, Column[Any]]:
    """The fields of a synced table that travel (no local bookkeeping columns)."""
    model = synced_tables()[table]
    return {
        attr.key: attr.columns[0]
        for attr in inspect(model).column_attrs
        if attr.key not in LOCAL_COLUMNS
    }
