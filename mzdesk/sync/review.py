"""Review of what sync could not settle alone: conflicts (keep the applied value or bring
back the overwritten one) and quarantined changes (fix and send again)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from mzdesk.core.ids import new_id
from mzdesk.core.permissions import Actor, Permission
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import OutboxEntry, SyncConflict, utcnow
from mzdesk.store.values import from_json, synced_columns, synced_tables
from mzdesk.sync.feed import CONFLICTS


@dataclass(frozen=True)
class ConflictView:
    id: uuid.UUID
    table: str
    row_id: uuid.UUID
    field: str
    applied: dict[str, Any]
    overwritten: dict[str, Any]
    resolved: bool


def open_conflicts(store: Store) -> list[ConflictView]:
    with store.read() as session:
        return [
            ConflictView(
                c.id, c.table_name, c.row_id, c.field, c.applied, c.overwritten, c.resolved
            )
            for c in session.scalars(
                select(SyncConflict)
                .where(SyncConflict.resolved.is_(False))
                .order_by(SyncConflict.rev)
            )
        ]


@operation(Permission.SYNC_REVIEW)
def resolve_conflict(store: Store, actor: Actor, conflict_id: uuid.UUID, choice: str) -> None:
    """Keep the applied value or bring back the overwritten one (``choice``: "applied" or
    "overwritten"). The chosen value is written as an ordinary local change and the
    resolution travels as its own change, so every replica ends up with both."""
    if choice not in ("applied", "overwritten"):
        raise ValueError(choice)
    with store.write(actor) as session:
        conflict = session.get(SyncConflict, conflict_id)
        if conflict is None:
            raise LookupError(conflict_id)
        model = synced_tables().get(conflict.table_name)
        chosen = (conflict.applied if choice == "applied" else conflict.overwritten).get("value")
        if model is not None:
            row = session.get(model, conflict.row_id)
            column = synced_columns(conflict.table_name).get(conflict.field)
            if row is not None and column is not None:
                value = from_json(column, chosen)
                if getattr(row, conflict.field) != value:
                    setattr(row, conflict.field, value)
                    session.flush()
        conflict.resolved = True
        conflict.resolution = {"choice": choice, "at": utcnow().isoformat(timespec="seconds")}
        session.add(
            OutboxEntry(
                change_id=new_id(),
                table_name=CONFLICTS,
                row_id=conflict.id,
                institution_id=conflict.institution_id,
                op="resolve",
                data={"choice": choice},
                base_rev=conflict.rev,
                author_id=actor.user_id,
                state="pending",
                attempts=0,
            )
        )


@dataclass(frozen=True)
class QuarantinedChange:
    seq: int
    table: str
    row_id: uuid.UUID
    op: str
    data: dict[str, Any]
    error: str
    created_at: dt.datetime


def quarantined(store: Store) -> list[QuarantinedChange]:
    with store.read() as session:
        return [
            QuarantinedChange(
                e.seq, e.table_name, e.row_id, e.op, e.data, e.error or "", e.created_at
            )
            for e in session.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.state == "quarantined")
                .order_by(OutboxEntry.seq)
            )
        ]


@operation(Permission.SYNC_REVIEW)
def resend(store: Store, actor: Actor, seq: int, data: dict[str, Any] | None = None) -> None:
    """Send a quarantined change again, with its data corrected when given. A corrected
    value is also written to the local row, so the screen shows what is being sent."""
    with store.write(actor) as session:
        entry = session.get(OutboxEntry, seq)
        if entry is None or entry.state != "quarantined":
            raise LookupError(seq)
        if data is not None:
            columns = (
                synced_columns(entry.table_name) if entry.table_name in synced_tables() else {}
            )
            for key, value in data.items():
                if key not in columns:
                    raise ValueError(f"{entry.table_name} has no field {key}")
                from_json(columns[key], value)
            model = synced_tables().get(entry.table_name)
            row = session.get(model, entry.row_id) if model is not None else None
            if row is not None:
                session.info["remote_apply"] = True  # the entry itself carries the change
                for key, value in data.items():
                    setattr(row, key, from_json(columns[key], value))
                session.flush()
                session.info["remote_apply"] = False
            entry.data = {**entry.data, **data}
        entry.state = "pending"
        entry.error = None
        # a fresh id: the server remembers the rejection of the old one
        entry.change_id = new_id()
