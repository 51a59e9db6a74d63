"""Column values in their JSON form, as they travel in the outbox, over sync and in bundles.

``to_json`` turns a column value into JSON; ``from_json`` reads it back for a given column,
refusing a value of the wrong shape with ``ValueError`` — :class:`TooLong` when it is longer
than the field's limit (:mod:`mzdesk.core.limits`) — the server's check of every field of
every change it receives. ``synced_tables`` names every table that takes part in sync with
its model. ``field_limit`` is the one answer to "how long may this field be", used by the
server, the outbox, the services and the importers alike.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
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

from mzdesk.core import limits
from mzdesk.core.errors import FieldProblem
from mzdesk.core.text_safety import character_problem
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


class TooLong(ValueError):
    """A value longer than its field's limit: ``limit`` characters (text) or bytes (JSON)."""

    def __init__(self, field: str, limit: int, unit: str) -> None:
        super().__init__(f"{field}: longer than {limit} {unit}")
        self.field = field
        self.limit = limit
        self.unit = unit


def json_size(value: Any) -> int:
    """The size of a JSON value as it travels (compact, ASCII-escaped), in bytes."""
    return len(json.dumps(value, separators=(",", ":")))


def field_limit(column: Column[Any]) -> tuple[int, str] | None:
    """How long a value of ``column`` may be: ``(n, "characters")`` for text,
    ``(n, "bytes")`` for JSON; ``None`` for a field of another kind. A ``String(n)`` column's
    limit is its ``n``; a synced ``Text`` or ``JSON`` column's is in :mod:`mzdesk.core.limits`
    (an unlisted one falls back to :data:`~mzdesk.core.limits.NOTE`)."""
    kind = column.type
    table = column.table.name if column.table is not None else ""
    if isinstance(kind, VocabType):
        return None
    if isinstance(kind, JSON):
        return limits.JSON_LIMITS.get(table, {}).get(column.key, limits.NOTE), "bytes"
    if isinstance(kind, String | Text):
        if kind.length is not None:
            return kind.length, "characters"
        return limits.TEXT_LIMITS.get(table, {}).get(column.key, limits.NOTE), "characters"
    return None


def too_long(column: Column[Any], value: Any) -> TooLong | None:
    """The refusal when ``value`` (a column value or its JSON form) exceeds the limit."""
    found = field_limit(column)
    if found is None or value is None:
        return None
    limit, unit = found
    if unit == "bytes":
        try:
            size = json_size(to_json(dict(value) if isinstance(value, Mapping) else value))
        except TypeError:
            return None  # not a JSON value yet: measured again in its stored form
    elif isinstance(value, str):
        size = len(value)
    else:
        return None
    return TooLong(column.key, limit, unit) if size > limit else None


def length_problems(table: str, values: dict[str, Any]) -> list[FieldProblem]:
    """Every value of a synced ``table``'s row (column values or their JSON form) that is
    longer than its field's limit, as field problems naming the limit (``field.too_long``
    in characters, ``field.too_large`` in bytes). Fields that are not columns are ignored."""
    columns = _limited_columns(table)
    problems = []
    for key, value in values.items():
        column = columns.get(key) if value is not None else None
        refusal = too_long(column, value) if column is not None else None
        if refusal is not None:
            code = "field.too_long" if refusal.unit == "characters" else "field.too_large"
            problems.append(FieldProblem(key, code, {"max": refusal.limit}, table))
    return problems


@cache
def _limited_columns(table: str) -> dict[str, Column[Any]]:
    """The synced columns of ``table`` that have a length limit (checked once per row of a
    bulk insert: the others need not be looked at)."""
    if table not in synced_tables():
        return {}
    return {k: c for k, c in synced_columns(table).items() if field_limit(c) is not None}


def is_multiline(table: str | None, field: str) -> bool:
    """Whether a text field may hold line breaks and tabs: a synced ``Text`` column (notes,
    diagnoses, hazard descriptions, reasons); every ``String(n)`` field is one line."""
    column = synced_columns(table).get(field) if table in synced_tables() else None
    return column is not None and type(column.type) is Text


def character_problems(table: str, values: dict[str, Any]) -> list[FieldProblem]:
    """Every text value of a synced ``table``'s row that holds a character the rule refuses
    (control, bidi and invisible format characters; line breaks in one-line fields)."""
    columns = synced_columns(table) if table in synced_tables() else {}
    problems = []
    for key, value in values.items():
        column = columns.get(key)
        if column is None or not isinstance(value, str) or not isinstance(column.type, String):
            continue
        found = character_problem(value, type(column.type) is Text)
        if found is not None:
            problems.append(FieldProblem(key, found[0], found[1], table))
    return problems


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
            if "\x00" in value:
                raise ValueError
            refusal = too_long(column, value)
            if refusal is not None:
                raise refusal
            return value
        if isinstance(kind, JSON):
            if "\\u0000" in json.dumps(value):
                raise ValueError
            refusal = too_long(column, value)
            if refusal is not None:
                raise refusal
            return value
    except TooLong:
        raise
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


def max_change_bytes() -> int:
    """The largest a change's ``data`` can be on the wire when every text field is at its
    limit (each character escaped as a surrogate pair, 12 bytes) and every JSON field at its
    limit, over the synced tables; plus room for the change's other fields."""
    largest = 0
    for table in synced_tables():
        size = 1024  # ids, dates, numbers, vocabulary codes and the keys
        for key, column in synced_columns(table).items():
            found = field_limit(column)
            size += len(key) + 8
            if found is not None:
                limit, unit = found
                size += limit * (12 if unit == "characters" else 1)
            else:
                size += 64
        largest = max(largest, size)
    return largest + 1024  # change_id, table, row_id, institution_id, op, base_rev, author
