"""Reading the audit trail (a record's 历史), and revealing full ID numbers, which is audited.

The trail is written by the store's flush hook (``mzdesk.store.audit``); this module turns it
into plain views: who, when, which record (with a label a person recognises), and each field's
old and new value, named from the one table of field labels and shown as a person reads it
(vocabulary labels, not codes).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, or_, select

from mzdesk.core.i18n import current_language
from mzdesk.core.labels import action_label, field_label, table_label
from mzdesk.core.permissions import Actor, Permission, role
from mzdesk.services.operations import operation
from mzdesk.services.records import record_names, vocab_label
from mzdesk.store.audit import record_reveal
from mzdesk.store.engine import Store
from mzdesk.store.models import AuditEntry, Resident
from mzdesk.store.values import synced_tables

MAX_ENTRIES = 5000


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: Any
    new: Any
    old_text: str
    new_text: str


@dataclass(frozen=True)
class AuditView:
    seq: int
    at: dt.datetime
    user_id: uuid.UUID | None
    user_name: str
    table: str
    table_label: str
    row_id: uuid.UUID
    record_label: str
    action: str
    action_label: str
    fields: tuple[FieldChange, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.isoformat(timespec="seconds") + "Z",
            "user_id": str(self.user_id) if self.user_id else None,
            "user": self.user_name,
            "table": self.table,
            "table_label": self.table_label,
            "record": str(self.row_id),
            "record_label": self.record_label,
            "action": self.action,
            "fields": [
                {"field": f.field, "label": f.label, "old": f.old, "new": f.new}
                for f in self.fields
            ],
        }


def _as_text(table: str, field: str, value: Any) -> str:
    if value is None:
        return ""
    if field == "role" and isinstance(value, str):
        return role(value).label
    if isinstance(value, bool):
        return ("是" if value else "否") if current_language() == "zh" else str(value).lower()
    label = vocab_label(table, field, value)
    return label if label is not None else str(value)


def _program(name: str) -> str:
    """Changes made with no user: while a database was being set up, or by the program."""
    zh = current_language() == "zh"
    if name == "setup":
        return "初始设置" if zh else "set-up"
    return "系统" if zh else "system"


# The columns that make a row belong to a record whose history it is part of: a resident's
# contacts, leaves and stays; a care worker's certificates and attendance; a training
# session's attendance.
OWNER_COLUMNS = ("resident_id", "worker_id", "session_id")


def _belonging_to(owner_id: uuid.UUID) -> Any:
    """The record's own row, or a row that belongs to it (``resident_id``, ``worker_id`` or
    ``session_id`` is the record; rows are tombstoned, never removed, so a deleted contact's
    history is still found)."""
    owned = [
        AuditEntry.row_id.in_(select(model.id).where(columns[column] == owner_id))
        for model in synced_tables().values()
        for column in OWNER_COLUMNS
        if column in (columns := inspect(model).columns)
    ]
    return or_(AuditEntry.row_id == owner_id, *owned)


def audit_trail(
    store: Store,
    *,
    record_id: uuid.UUID | None = None,
    related_to: uuid.UUID | None = None,
    institution_id: uuid.UUID | None = None,
    limit: int = MAX_ENTRIES,
) -> list[AuditView]:
    """Newest first: one record's history, or everything (within an institution).

    ``related_to`` (a resident's, a care worker's or a training session's id) is that record's
    history with the rows that belong to it: a resident's contacts, leaves, bed stays and
    assessments; a worker's certificates and attendance; a session's attendance (every table
    with a column of :data:`OWNER_COLUMNS`)."""
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(min(limit, MAX_ENTRIES))
    if record_id is not None:
        query = query.where(AuditEntry.row_id == record_id)
    if related_to is not None:
        query = query.where(_belonging_to(related_to))
    if institution_id is not None:
        query = query.where(AuditEntry.institution_id == institution_id)
    with store.read() as session:
        rows = list(session.scalars(query))
        labels = record_names(session, ((row.table_name, row.row_id) for row in rows))
    views = []
    for row in rows:
        fields = tuple(
            FieldChange(
                name,
                field_label(name, row.table_name),
                pair[0] if isinstance(pair, list) else None,
                pair[1] if isinstance(pair, list) else None,
                _as_text(row.table_name, name, pair[0]) if isinstance(pair, list) else "",
                _as_text(row.table_name, name, pair[1]) if isinstance(pair, list) else "",
            )
            for name, pair in sorted(row.changes.items())
            # a new record's empty fields say nothing
            if not (row.action == "create" and isinstance(pair, list) and pair[1] is None)
        )
        views.append(
            AuditView(
                row.seq,
                row.at,
                row.user_id,
                row.user_name if row.user_id else _program(row.user_name),
                row.table_name,
                table_label(row.table_name),
                row.row_id,
                labels.get(row.row_id, table_label(row.table_name)),
                row.action,
                action_label(row.action),
                fields,
            )
        )
    return views


@operation(Permission.IDS_REVEAL)
def reveal_id_numbers(
    store: Store, actor: Actor, resident_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """The full 身份证号 of these residents; each look is written to the audit trail."""
    with store.write(actor) as session:
        rows = session.execute(
            select(Resident.id, Resident.institution_id, Resident.id_number).where(
                Resident.id.in_(list(resident_ids))
            )
        ).all()
        visible = [r for r in rows if r.id_number and actor.may_write_for(r.institution_id)]
        record_reveal(
            session, actor, "residents", [(r.id, r.institution_id) for r in visible], "id_number"
        )
        return {r.id: r.id_number for r in visible}
