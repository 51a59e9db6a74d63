"""Applying the server's feed (a pull page or a bundle) to the local store, without
touching fields that have local changes the server has not acknowledged."""

from __future__ import annotations

import json
import operator
import uuid
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Numeric, String, Text, Uuid
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from mzdesk.core.pinyin import sort_key
from mzdesk.core.search import resident_terms
from mzdesk.store.audit import note_changes
from mzdesk.store.models import SyncConflict
from mzdesk.store.models.base import VocabType
from mzdesk.store.outbox import UNACKED
from mzdesk.store.values import from_json, synced_columns, synced_tables

CONFLICTS = "_conflicts"  # the table name conflict records travel under in the feed


def _protected(session: Session, row_ids: list[uuid.UUID]) -> dict[uuid.UUID, set[str]]:
    """Fields with local changes the server has not acknowledged: a pull must not touch them
    (the DHIS2 lesson: a download never overwrites pending local work)."""
    protected: dict[uuid.UUID, set[str]] = {}
    raw = _raw(session)
    states = tuple(UNACKED)
    for chunk in range(0, len(row_ids), 500):
        part = row_ids[chunk : chunk + 500]
        for row_id, op, data in raw.execute(
            f"SELECT row_id, op, data FROM outbox WHERE state IN ({_marks(states)}) "
            f"AND row_id IN ({_marks(part)})",
            (*states, *(r.hex for r in part)),
        ):
            fields = protected.setdefault(uuid.UUID(row_id), set())
            fields.update(json.loads(data).keys() if op != "resolve" else {"resolved"})
    return protected


def _raw(session: Session) -> Any:
    """The session's SQLite connection itself (same transaction), for the few statements
    run per row where SQLAlchemy's per-row work would cost more than SQLite's."""
    return session.connection().connection.driver_connection


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def apply_items(session: Session, items: list[dict[str, Any]]) -> dict[str, int]:
    """Apply feed items (from a pull page or a bundle) in a remote-apply transaction.

    Rows this device already has are updated in bulk: their stored values are read as the
    database holds them, only fields whose value differs (and that have no unacknowledged
    local change) are converted, checked and written, by one executemany per table and set of
    changed fields — no ORM objects, no flush. New rows and conflict records go through the
    ORM as before. Every applied row is noted in the transaction's change set."""
    tables = synced_tables()
    parsed = [(uuid.UUID(item["id"]), item) for item in items]
    protected = _protected(session, [row_id for row_id, _ in parsed])
    counts = {"applied": 0, "skipped": 0, "conflicts": 0}
    by_table: dict[str, list[uuid.UUID]] = {}
    for row_id, item in parsed:
        if item.get("table") in tables:
            by_table.setdefault(str(item["table"]), []).append(row_id)
    stored: dict[uuid.UUID, dict[str, Any]] = {}
    for table, row_ids in by_table.items():
        stored.update(_stored_rows(session, table, row_ids))
    updates: dict[str, dict[uuid.UUID, tuple[dict[str, Any], int]]] = {}
    created: dict[uuid.UUID, Any] = {}
    with session.no_autoflush:
        for row_id, item in parsed:
            table = str(item.get("table"))
            rev = int(item.get("rev") or 0)
            if table == CONFLICTS:
                _apply_conflict(session, row_id, item, rev, protected.get(row_id, set()))
                note_changes(session, "sync_conflicts", [row_id])
                counts["conflicts"] += 1
                continue
            model = tables.get(table)
            if model is None:
                counts["skipped"] += 1  # a table this version does not know
                continue
            data = item.get("data") or {}
            current = stored.get(row_id)
            if current is not None:
                changed = _changed(table, data, current, protected.get(row_id, _NONE))
                current.update(changed)  # the same row later in the page sees this state
                pending = updates.setdefault(table, {})
                merged = {**pending[row_id][0], **changed} if row_id in pending else changed
                pending[row_id] = (merged, rev)
            else:
                _create_or_merge(session, model, table, row_id, data, rev, protected, created)
            counts["applied"] += 1
    for table, row_ids in by_table.items():
        note_changes(session, table, row_ids)
    for table, rows in updates.items():
        _write_updates(session, table, rows)
    session.flush()
    return counts


_NONE: frozenset[str] = frozenset()


def _quote(session: Session, name: str) -> str:
    return session.get_bind().dialect.identifier_preparer.quote(name)


def _stored_rows(
    session: Session, table: str, row_ids: list[uuid.UUID]
) -> dict[uuid.UUID, dict[str, Any]]:
    """The page's rows this device has, each field as the database stores it (driver level:
    no type conversion on the way out)."""
    columns = synced_columns(table)
    keys = [key for key in columns if key != "id"] + (["search_terms"] if table == SEARCHED else [])
    keys += ["name_sort"] if table in SORTED else []
    names = [columns[key].name if key in columns else key for key in keys]
    select_list = ", ".join(_quote(session, name) for name in names)
    id_name = _quote(session, columns["id"].name)
    found: dict[uuid.UUID, dict[str, Any]] = {}
    raw = _raw(session)
    unique = list(dict.fromkeys(row_ids))
    for chunk in range(0, len(unique), 500):
        part = unique[chunk : chunk + 500]
        rows = raw.execute(
            f"SELECT {id_name}, {select_list} FROM {_quote(session, table)} "
            f"WHERE {id_name} IN ({_marks(part)})",
            tuple(row_id.hex for row_id in part),
        ).fetchall()
        for raw_id, *values in rows:
            found[uuid.UUID(raw_id)] = dict(zip(keys, values, strict=True))
    return found


def _changed(
    table: str, data: dict[str, Any], current: dict[str, Any], keep: AbstractSet[str]
) -> dict[str, Any]:
    """The fields of ``data`` whose value differs from the stored one, in stored form;
    unknown fields, invalid values, protected fields and the id are left out."""
    columns = synced_columns(table)
    same, shortcuts = _shortcuts(table)
    order, pick = _same_fields(table)
    candidates: list[str]
    try:  # a whole row (the feed's form): compare its plain fields in one sweep
        candidates = [
            key
            for key, new, old in zip(order, pick(data), pick(current), strict=True)
            if new != old
        ]
        candidates += [key for key in data if key not in same]
    except KeyError:  # some fields missing: field by field
        candidates = list(data)
    changed: dict[str, Any] = {}
    for key in candidates:
        value = data[key]
        if key in same:  # stored exactly as it travels
            if value == current[key] or key in keep:
                continue
        elif key not in columns or key in keep or key == "id":
            continue
        else:
            shortcut = shortcuts.get(key)
            if shortcut is not None:
                try:
                    if shortcut(value) == current[key]:
                        continue  # the same value as stored: nothing to convert or write
                except (TypeError, ValueError, AttributeError):
                    pass
        try:
            stored = _to_stored(table, key, value)
        except ValueError:
            continue  # a value this version cannot hold: leave the field as it is
        if stored != current[key]:
            changed[key] = stored
    if table == SEARCHED and changed.keys() & SEARCH_INPUTS:
        merged = {**current, **changed}
        terms = resident_terms(
            merged["name"] or "", merged["name_initials"] or "", merged["id_number"]
        )
        if terms != current["search_terms"]:
            changed["search_terms"] = terms  # what the ORM's before_update would derive
    if table in SORTED and "name" in changed:
        name_order = sort_key(changed["name"] or "")
        if name_order != current["name_sort"]:
            changed["name_sort"] = name_order  # as store/search.py derives it
    return changed


def _write_updates(
    session: Session,
    table: str,
    rows: dict[uuid.UUID, tuple[dict[str, Any], int]],
) -> None:
    """One executemany per set of changed fields (and the server revision for every row)."""
    columns = synced_columns(table)
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row_id, (changed, rev) in rows.items():
        keys = tuple(sorted(changed))
        groups.setdefault(keys, []).append((*(changed[k] for k in keys), rev, row_id.hex))
    raw = _raw(session)
    for keys, params in groups.items():
        names = [columns[k].name if k in columns else k for k in keys]
        assignments = ", ".join(f"{_quote(session, n)} = ?" for n in [*names, "server_rev"])
        raw.executemany(
            f"UPDATE {_quote(session, table)} SET {assignments} "
            f"WHERE {_quote(session, columns['id'].name)} = ?",
            params,
        )


def _create_or_merge(
    session: Session,
    model: Any,
    table: str,
    row_id: uuid.UUID,
    data: dict[str, Any],
    rev: int,
    protected: dict[uuid.UUID, set[str]],
    created: dict[uuid.UUID, Any],
) -> None:
    """A row this device does not have: created through the ORM (its mapper events derive
    what they derive); the same row again later in the page updates that object."""
    columns = synced_columns(table)
    values = {}
    for key, value in data.items():
        column = columns.get(key)
        if column is None:
            continue  # a field this version does not know
        try:
            values[key] = from_json(column, value)
        except ValueError:
            continue
    row = created.get(row_id)
    if row is None:
        row = model(**values)
        row.server_rev = rev
        session.add(row)
        created[row_id] = row
        return
    keep = protected.get(row_id, set())
    for key, value in values.items():
        if key not in keep and key != "id" and getattr(row, key) != value:
            setattr(row, key, value)
    row.server_rev = rev


# ---------------------------------------------------------------- stored forms

SEARCHED = "residents"  # the table whose local search_terms derive from these fields
SEARCH_INPUTS = frozenset({"name", "name_initials", "id_number"})
SORTED = frozenset({"residents", "care_workers"})  # their local name_sort follows the name
_IDENTICAL = (String, Text, Integer, Date, Boolean, VocabType)


@cache
def _shortcuts(table: str) -> tuple[frozenset[str], dict[str, Callable[[Any], Any]]]:
    """Which fields are stored exactly as they travel (text, whole numbers, dates,
    vocabulary codes, booleans), and for others how their stored form is told from the
    JSON form without converting (UUIDs, timestamps, JSON): equal to the stored value means
    unchanged. Other fields (decimals) are converted before comparing."""
    same: set[str] = set()
    found: dict[str, Callable[[Any], Any]] = {}
    for key, column in synced_columns(table).items():
        kind = column.type
        if key == "id":
            continue
        if isinstance(kind, DateTime):
            found[key] = _timestamp
        elif isinstance(kind, Uuid):
            found[key] = _uuid_hex
        elif isinstance(kind, JSON):
            found[key] = json.dumps  # SQLAlchemy's default serializer, as stored
        elif isinstance(kind, _IDENTICAL) and not isinstance(kind, Numeric):
            same.add(key)
    return frozenset(same), found


@cache
def _same_fields(table: str) -> tuple[tuple[str, ...], Callable[[dict[str, Any]], tuple[Any, ...]]]:
    """The fields stored exactly as they travel, in a fixed order, and a getter of them."""
    order = tuple(sorted(_shortcuts(table)[0]))
    if not order:
        return order, lambda row: ()
    getter = operator.itemgetter(*order)
    if len(order) == 1:
        return order, lambda row: (getter(row),)
    return order, getter


def _uuid_hex(value: Any) -> Any:
    return value.replace("-", "") if isinstance(value, str) else value


def _timestamp(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    text = value.replace("T", " ", 1)
    return text + ".000000" if len(text) == 19 else text


def _to_stored(table: str, key: str, value: Any) -> Any:
    """The JSON value checked and converted as the database stores it (``ValueError``
    when it does not fit the column)."""
    column = synced_columns(table)[key]
    converted = from_json(column, value)
    process = _bind_processors(table).get(key)
    return converted if process is None or converted is None else process(converted)


@cache
def _bind_processors(table: str) -> dict[str, Callable[[Any], Any] | None]:
    dialect = sqlite.dialect()  # the device's store is SQLite
    return {
        key: column.type._cached_bind_processor(dialect)
        for key, column in synced_columns(table).items()
    }


def _apply_conflict(
    session: Session, conflict_id: uuid.UUID, item: dict[str, Any], rev: int, keep: set[str]
) -> None:
    data = item.get("data") or {}
    row = session.get(SyncConflict, conflict_id)
    if row is None:
        row = SyncConflict(id=conflict_id)
        session.add(row)
    row.institution_id = uuid.UUID(item["institution_id"])
    row.table_name = str(data.get("table"))
    row.row_id = uuid.UUID(str(data.get("row_id")))
    row.field = str(data.get("field"))
    row.applied = data.get("applied") or {}
    row.overwritten = data.get("overwritten") or {}
    if "resolved" not in keep:
        row.resolved = bool(data.get("resolved"))
        row.resolution = data.get("resolution")
    row.rev = rev
