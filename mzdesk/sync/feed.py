"""Applying the server's feed (a pull page or a bundle) to the local store, without
touching fields that have local changes the server has not acknowledged."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.store.audit import note_changes
from mzdesk.store.models import OutboxEntry, SyncConflict
from mzdesk.store.outbox import UNACKED
from mzdesk.store.values import from_json, synced_columns, synced_tables

CONFLICTS = "_conflicts"  # the table name conflict records travel under in the feed


def _protected(session: Session, row_ids: list[uuid.UUID]) -> dict[uuid.UUID, set[str]]:
    """Fields with local changes the server has not acknowledged: a pull must not touch them
    (the DHIS2 lesson: a download never overwrites pending local work)."""
    protected: dict[uuid.UUID, set[str]] = {}
    for chunk in range(0, len(row_ids), 500):
        for row_id, op, data in session.execute(
            select(OutboxEntry.row_id, OutboxEntry.op, OutboxEntry.data).where(
                OutboxEntry.row_id.in_(row_ids[chunk : chunk + 500]),
                OutboxEntry.state.in_(UNACKED),
            )
        ):
            fields = protected.setdefault(row_id, set())
            fields.update(data.keys() if op != "resolve" else {"resolved"})
    return protected


def apply_items(session: Session, items: list[dict[str, Any]]) -> dict[str, int]:
    """Apply feed items (from a pull page or a bundle) in a remote-apply transaction."""
    tables = synced_tables()
    ids = []
    for item in items:
        try:
            ids.append(uuid.UUID(item["id"]))
        except (KeyError, ValueError):
            continue
    protected = _protected(session, ids)
    counts = {"applied": 0, "skipped": 0, "conflicts": 0}
    by_table: dict[str, list[uuid.UUID]] = {}
    for item in items:
        if item.get("table") in tables:
            by_table.setdefault(str(item["table"]), []).append(uuid.UUID(item["id"]))
    loaded: dict[uuid.UUID, Any] = {}
    for table, row_ids in by_table.items():  # load this page's rows in a few queries
        model = tables[table]
        for chunk in range(0, len(row_ids), 500):
            for row in session.scalars(
                select(model).where(model.id.in_(row_ids[chunk : chunk + 500]))
            ):
                loaded[row.id] = row
    with session.no_autoflush:
        _apply_loaded(session, items, protected, counts, loaded)
    session.flush()
    return counts


def _apply_loaded(
    session: Session,
    items: list[dict[str, Any]],
    protected: dict[uuid.UUID, set[str]],
    counts: dict[str, int],
    loaded: dict[uuid.UUID, Any],
) -> None:
    tables = synced_tables()
    for item in items:
        row_id = uuid.UUID(item["id"])
        table = item.get("table")
        data = item.get("data") or {}
        rev = int(item.get("rev") or 0)
        if table == CONFLICTS:
            _apply_conflict(session, row_id, item, rev, protected.get(row_id, set()))
            note_changes(session, "sync_conflicts", [row_id])
            counts["conflicts"] += 1
            continue
        model = tables.get(str(table))
        if model is None:
            counts["skipped"] += 1  # a table this version does not know
            continue
        columns = synced_columns(str(table))
        values = {}
        for key, value in data.items():
            column = columns.get(key)
            if column is None:
                continue  # a field this version does not know
            try:
                values[key] = from_json(column, value)
            except ValueError:
                continue
        row = loaded.get(row_id)
        if row is None:
            row = model(**values)
            row.server_rev = rev
            session.add(row)
            loaded[row_id] = row
        else:
            keep = protected.get(row_id, set())
            for key, value in values.items():
                if key in keep or key == "id":
                    continue
                if getattr(row, key) != value:
                    setattr(row, key, value)
            row.server_rev = rev
        note_changes(session, str(table), [row_id])
        counts["applied"] += 1


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
