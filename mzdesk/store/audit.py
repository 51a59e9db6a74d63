"""The audit trail and the change set, fed by the one flush hook that also writes the outbox.

Each write transaction knows its actor (``Store.write(actor)`` puts it in the session). For
every synced row a flush inserts or changes, this module records who, when, the table, the
row and each field's old and new value (an :class:`AuditEntry`), in the same transaction,
and notes the row in the transaction's change set, which the store hands to whoever ran the
change (see :func:`mzdesk.store.engine.collect_changes`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from mzdesk.core.changes import Changes
from mzdesk.core.permissions import Actor
from mzdesk.store.models import LOCAL_COLUMNS, AuditEntry, Synced, utcnow
from mzdesk.store.values import to_json

# Recorded as changed, never with their values.
SECRET_FIELDS = frozenset({"password_hash"})
HIDDEN = "***"

ACTIONS = {"insert": "create", "update": "update", "delete": "delete"}
# the row's identity and birth, which the audit entry itself carries (and no update changes)
NOT_AUDITED = frozenset({"id", "institution_id", "created_at"})


class WriteWithoutActor(RuntimeError):
    """A write transaction was opened without saying who acts (a programming error)."""


@dataclass(frozen=True)
class RowChange:
    """One synced row a flush wrote: ``op`` insert | update | delete, and for each field that
    changed its old and new value in JSON form."""

    row: Synced
    op: str
    fields: dict[str, tuple[Any, Any]]


def acting(session: Session) -> Actor:
    actor = session.info.get("actor")
    if not isinstance(actor, Actor):
        raise WriteWithoutActor("synced rows written outside Store.write(actor)")
    return actor


def _shown(field: str, value: Any) -> Any:
    return HIDDEN if field in SECRET_FIELDS and value is not None else value


def _entry(
    actor: Actor,
    institution_id: uuid.UUID | None,
    table: str,
    row_id: uuid.UUID,
    action: str,
    changes: dict[str, Any],
) -> dict[str, Any]:
    return {
        "at": utcnow(),
        "user_id": actor.user_id,
        "user_name": actor.name,
        "institution_id": institution_id,
        "table_name": table,
        "row_id": row_id,
        "action": action,
        "changes": changes,
    }


def note_changes(
    session: Session, table: str, ids: Iterable[uuid.UUID], fields: Iterable[str] | None = None
) -> None:
    """Add rows to the transaction's change set (sync's apply calls this directly).
    ``fields``: what an update changed; ``None`` for inserts, deletes and synced rows."""
    noted: dict[str, set[uuid.UUID]] = session.info.setdefault("changes", {})
    noted.setdefault(table, set()).update(ids)
    known: dict[str, set[str] | None] = session.info.setdefault("changed_fields", {})
    if fields is None:
        known[table] = None
    elif table not in known:
        known[table] = set(fields)
    elif known[table] is not None:
        known[table] |= set(fields)  # type: ignore[operator]


def changes_of(session: Session) -> Changes:
    return Changes.of(session.info.get("changes", {}), session.info.get("changed_fields", {}))


def record(session: Session, actor: Actor, changes: Sequence[RowChange]) -> None:
    entries = []
    for change in changes:
        table = type(change.row).__tablename__  # type: ignore[attr-defined]
        fields = {
            k: [_shown(k, old), _shown(k, new)]
            for k, (old, new) in change.fields.items()
            if k not in NOT_AUDITED
        }
        entries.append(
            _entry(
                actor, change.row.institution_id, table, change.row.id, ACTIONS[change.op], fields
            )
        )
        note_changes(
            session, table, [change.row.id], change.fields if change.op == "update" else None
        )
    session.execute(insert(AuditEntry), entries)


def record_inserts(
    session: Session,
    actor: Actor,
    table: str,
    keys: Sequence[str],
    rows: Sequence[Mapping[str, Any]],
    json_rows: Sequence[Mapping[str, Any]] | None = None,
) -> None:
    """Audit rows inserted in bulk (imports, new beds in bulk). ``json_rows``: the rows'
    values already in JSON form (the outbox's), so they are not converted twice."""
    skip = {*LOCAL_COLUMNS, *NOT_AUDITED}
    audited = [k for k in keys if k not in skip]
    if json_rows is None:
        json_rows = [{k: to_json(row.get(k)) for k in audited} for row in rows]
    secret = SECRET_FIELDS.intersection(audited)
    session.execute(
        insert(AuditEntry),
        [
            _entry(
                actor,
                row["institution_id"],
                table,
                row["id"],
                "create",
                (
                    {k: [None, _shown(k, data[k])] for k in audited}
                    if secret
                    else {k: [None, data[k]] for k in audited}
                ),
            )
            for row, data in zip(rows, json_rows, strict=True)
        ],
    )
    note_changes(session, table, [row["id"] for row in rows])


def record_reveal(
    session: Session,
    actor: Actor,
    table: str,
    rows: Sequence[tuple[uuid.UUID, uuid.UUID]],
    field: str,
    *,
    action: str = "reveal",
) -> None:
    """Someone was shown the full value of ``field`` (a 身份证号) of these rows
    (``(row id, institution id)`` pairs). The value itself is not written again. ``action``
    says how it was shown when not on the screen (``export_private``: in a roster file)."""
    if not rows:
        return
    session.execute(
        insert(AuditEntry),
        [
            _entry(actor, institution_id, table, row_id, action, {field: None})
            for row_id, institution_id in rows
        ],
    )
