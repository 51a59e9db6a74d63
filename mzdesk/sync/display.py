"""Sync review, below the GUI: what the 同步 page shows (status, open conflicts, changes the
server sent back), each record named as people know it, and the reading and checking of a
corrected value. Everything returned is a plain dataclass or value; no ORM object leaves."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, String, Text
from sqlalchemy.orm import Session

from mzdesk.core.permissions import Actor, Permission
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import Resident
from mzdesk.store.models.base import VocabType
from mzdesk.store.values import from_json, synced_columns, synced_tables
from mzdesk.sync import device, review
from mzdesk.sync.status import sync_status

DEVICE_NAME = "device_name"


@dataclass(frozen=True)
class ConflictRow:
    conflict: review.ConflictView
    record: str


@dataclass(frozen=True)
class QuarantineRow:
    change: review.QuarantinedChange
    record: str


@dataclass(frozen=True)
class SyncReview:
    status: dict[str, Any]
    device_name: str | None
    conflicts: list[ConflictRow]
    quarantined: list[QuarantineRow]


def load_review(store: Store) -> SyncReview:
    """Everything the 同步 page shows, in one read."""
    status = sync_status(store)
    conflicts = review.open_conflicts(store)
    changes = review.quarantined(store)
    with store.read() as session:
        return SyncReview(
            status,
            device.get_setting(session, DEVICE_NAME),
            [ConflictRow(c, record_label(session, c.table, c.row_id)) for c in conflicts],
            [QuarantineRow(q, record_label(session, q.table, q.row_id)) for q in changes],
        )


def record_label(session: Session, table: str, row_id: uuid.UUID) -> str:
    """A record as a person knows it: its own name, or its resident's (the start of its id
    when it has neither)."""
    model = synced_tables().get(table)
    row = session.get(model, row_id) if model is not None else None
    name: str | None = None
    if row is not None:
        for attr in ("name", "display_name", "topic", "description", "number"):
            value = getattr(row, attr, None)
            if isinstance(value, str) and value:
                name = value
                break
        resident_id = getattr(row, "resident_id", None)
        if name is None and isinstance(resident_id, uuid.UUID):
            resident = session.get(Resident, resident_id)
            name = resident.name if resident is not None else None
    return name or str(row_id)[:8]


@operation(Permission.INSTITUTION_EDIT)  # named at enrolment, by whoever enrols
def remember_device_name(store: Store, actor: Actor, name: str) -> None:
    with store.write(actor) as session:
        device.set_setting(session, DEVICE_NAME, name)


def _column(table: str, field: str) -> Column[Any] | None:
    return synced_columns(table).get(field) if table in synced_tables() else None


def vocab_label(table: str, field: str, value: Any) -> str | None:
    """The label of a vocabulary code (``None`` when the field is no vocabulary); an unknown
    code is shown as it is."""
    column = _column(table, field)
    if value is None or column is None or not isinstance(column.type, VocabType):
        return None
    try:
        return str(column.type.vocab(value).label)
    except ValueError:
        return str(value)


def parse_value(table: str, field: str, text: str) -> Any:
    """Edited text back to JSON: JSON when it parses, else the text itself. Text fields keep
    the text as typed (a phone number must not become a number); empty means no value."""
    if text == "":
        return None
    column = _column(table, field)
    if column is not None and isinstance(column.type, String | Text | VocabType):
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


def check_value(table: str, field: str, value: Any) -> None:
    """``ValueError`` when ``value`` does not fit the field's column (unknown fields pass:
    the server judges them)."""
    column = _column(table, field)
    if column is not None:
        from_json(column, value)
