"""Sync review, below the GUI: what the 同步 page shows (status, open conflicts, changes the
server sent back), each record named as people know it, and the reading and checking of a
corrected value. Everything returned is a plain dataclass or value; no ORM object leaves."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, String, Text

from mzdesk.core.permissions import Actor, Permission
from mzdesk.services.operations import operation
from mzdesk.services.records import record_names
from mzdesk.store.engine import Store
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
        records = [(c.table, c.row_id) for c in conflicts] + [(q.table, q.row_id) for q in changes]
        names = record_names(session, records)
        device_name = device.get_setting(session, DEVICE_NAME)

    def named(row_id: uuid.UUID) -> str:  # the start of its id when a record has no name
        return names.get(row_id) or str(row_id)[:8]

    return SyncReview(
        status,
        device_name,
        [ConflictRow(c, named(c.row_id)) for c in conflicts],
        [QuarantineRow(q, named(q.row_id)) for q in changes],
    )


@operation(Permission.INSTITUTION_EDIT)  # named at enrolment, by whoever enrols
def remember_device_name(store: Store, actor: Actor, name: str) -> None:
    with store.write(actor) as session:
        device.set_setting(session, DEVICE_NAME, name)


def _column(table: str, field: str) -> Column[Any] | None:
    return synced_columns(table).get(field) if table in synced_tables() else None


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
