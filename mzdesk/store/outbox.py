"""The transactional outbox: every change to a synced row is recorded in the same transaction.

One mechanism catches every ORM write: an ``after_flush`` listener turns the rows a flush
inserted or changed into outbox entries, inside that flush's transaction. A service cannot
forget to write the outbox, and a crash can never leave a change without its entry or the
other way round. Hard deletes of synced rows are refused (tombstones only, sync.md 4).

Bulk inserts that bypass the unit of work (``insert_many``) write their entries explicitly.
Applying changes that came from the server sets ``session.info["remote_apply"]`` so they are
not echoed back.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import event, func, insert, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from mzdesk.core.errors import ValidationError
from mzdesk.core.ids import new_id
from mzdesk.core.permissions import PermissionDenied
from mzdesk.store import audit
from mzdesk.store.audit import RowChange, acting
from mzdesk.store.models import LOCAL_COLUMNS, OutboxEntry, Synced, utcnow
from mzdesk.store.search import NAMED, derive, derive_initials
from mzdesk.store.values import character_problems, length_problems, to_json


class HardDeleteError(RuntimeError):
    """Someone tried to DELETE a synced row; use a tombstone (``deleted_at``) instead."""


def _column_keys(obj: Synced) -> list[str]:
    return [attr.key for attr in inspect(type(obj)).column_attrs]


def _entry(obj: Synced, op: str, data: dict[str, Any], author: uuid.UUID | None) -> dict[str, Any]:
    return {
        "change_id": new_id(),
        "table_name": type(obj).__tablename__,  # type: ignore[attr-defined]
        "row_id": obj.id,
        "institution_id": obj.institution_id,
        "op": op,
        "data": data,
        "base_rev": obj.server_rev,
        "author_id": author,
        "created_at": utcnow(),
        "state": "pending",
        "attempts": 0,
    }


def _before_flush(session: Session, flush_context: UOWTransaction, instances: object) -> None:
    if session.info.get("remote_apply"):
        return
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise HardDeleteError(f"{type(obj).__name__} rows are never deleted; set deleted_at")
    now = utcnow()
    for obj in session.new:
        if isinstance(obj, NAMED):
            derive_initials(obj)
    for obj in session.dirty:
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False):
            if isinstance(obj, NAMED):
                derive_initials(obj)
            obj.updated_at = now


def _row_changes(session: Session) -> list[RowChange]:
    """Every synced row this flush inserted or changed, with each field's old and new value."""
    found: list[RowChange] = []
    for obj in session.new:
        if isinstance(obj, Synced):
            fields = {
                k: (None, to_json(getattr(obj, k)))
                for k in _column_keys(obj)
                if k not in LOCAL_COLUMNS
            }
            found.append(RowChange(obj, "insert", fields))
    for obj in session.dirty:
        if not isinstance(obj, Synced):
            continue
        state = inspect(obj)
        fields = {}
        for key in _column_keys(obj):
            if key in LOCAL_COLUMNS:
                continue
            history = state.attrs[key].history
            if history.has_changes() and list(history.added) != list(history.deleted):
                old = to_json(history.deleted[0]) if history.deleted else None
                fields[key] = (old, to_json(getattr(obj, key)))
        if fields:
            deleted = "deleted_at" in fields and obj.deleted_at is not None
            found.append(RowChange(obj, "delete" if deleted else "update", fields))
    return found


def _after_flush(session: Session, flush_context: UOWTransaction) -> None:
    if session.info.get("remote_apply"):
        return
    changes = _row_changes(session)
    if not changes:
        return
    actor = acting(session)
    for change in changes:
        if not actor.may_write_for(change.row.institution_id):
            raise PermissionDenied("permission.other_institution")
        table = type(change.row).__tablename__  # type: ignore[attr-defined]
        _check_lengths(table, {k: new for k, (_, new) in change.fields.items()})
    session.execute(
        insert(OutboxEntry),
        [
            _entry(c.row, c.op, {k: new for k, (_, new) in c.fields.items()}, actor.user_id)
            for c in changes
        ],
    )
    audit.record(session, actor, changes)


def _check_lengths(table: str, values: dict[str, Any]) -> None:
    """No change leaves this device that the server would refuse for its length, nor text
    holding a character the one rule refuses (control, bidi, invisible): the last guard
    behind the services' and importers' own checks (one table of limits for all)."""
    problems = character_problems(table, values) + length_problems(table, values)
    if problems:
        raise ValidationError(problems)


def install(session_factory: Any) -> None:
    """Attach the outbox listeners to a sessionmaker (or Session class)."""
    event.listen(session_factory, "before_flush", _before_flush)
    event.listen(session_factory, "after_flush", _after_flush)


def insert_many(
    session: Session, model: type[Synced], rows: Sequence[Mapping[str, Any]]
) -> list[uuid.UUID]:
    """Insert many rows of one synced model with their outbox entries, bypassing the ORM unit
    of work for speed (bulk bed creation, imports). Every row gets id and timestamps here."""
    if not rows:
        return []
    now = utcnow()
    keys = [attr.key for attr in inspect(model).column_attrs]
    defaults = _python_defaults(model)
    full: list[dict[str, Any]] = []
    for row in rows:
        values = {
            **defaults,
            "created_at": now,
            "updated_at": now,
            "deleted_at": None,
            "server_rev": None,
        }
        values.update(row)
        values.setdefault("id", new_id())
        values = {k: (v() if callable(v) else v) for k, v in values.items()}
        derive(model, values)
        full.append(values)
    # Core inserts (executemany): the ORM's bulk path costs about as much again per row.
    connection = session.connection()
    table = model.__tablename__  # type: ignore[attr-defined]
    connection.execute(insert(model), full)
    actor = acting(session)
    for values in full:
        if not actor.may_write_for(values["institution_id"]):
            raise PermissionDenied("permission.other_institution")
        _check_lengths(table, values)
    synced = [k for k in keys if k not in LOCAL_COLUMNS]
    data = [{k: to_json(v.get(k)) for k in synced} for v in full]
    connection.execute(
        insert(OutboxEntry),
        [
            {
                "change_id": new_id(),
                "table_name": table,
                "row_id": v["id"],
                "institution_id": v["institution_id"],
                "op": "insert",
                "data": d,
                "base_rev": None,
                "author_id": actor.user_id,
                "created_at": now,
                "state": "pending",
                "attempts": 0,
            }
            for v, d in zip(full, data, strict=True)
        ],
    )
    audit.record_inserts(session, actor, table, keys, full, data)
    return [v["id"] for v in full]


def _python_defaults(model: type[Synced]) -> dict[str, Any]:
    defaults: dict[str, Any] = {}
    for column in inspect(model).columns:
        if column.default is not None and column.default.is_scalar:
            defaults[column.key] = column.default.arg
        elif column.default is not None and column.default.is_callable:
            arg = column.default.arg
            defaults[column.key] = _wrap_callable(arg)
    return defaults


def _wrap_callable(arg: Any) -> Any:
    # SQLAlchemy wraps callables to take an execution context; call them without one.
    return lambda: arg(None)


UNSENT = ("pending", "sent")  # sent = pushed but not yet acknowledged; pushed again
UNACKED = (*UNSENT, "quarantined")  # a pull must not overwrite these fields


def pending_count(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state.in_(UNSENT))
        )
        or 0
    )
