"""Push: a device's changes validated and merged field by field into the server's records.

Merge rule (sync.md 3), per field of an incoming change with base revision *b* from device
*d*: when the field was last written at a revision newer than *b* by another device and the
values differ, the two edits were concurrent — the server applies the later arrival and
keeps the value it replaces in a conflict record for review. Otherwise the value is simply
applied. Different fields never conflict. Tombstones stick: nothing brings a deleted row back.
A change the server will not apply is rejected with a stable code, and nothing of it is kept
but its outcome.

Concurrency: a push gives exactly what it would give alone, before or after any other. It
locks the pushing device (its pushes — retries — take turns, so a change id is looked up
and stored race-free), then every record its changes touch, ids in one order (so two pushes
never wait on each other in a cycle), *before* reading them; a record id not yet on the
server is locked too (an advisory lock on its id), so two devices inserting the same new row
are merged, not a 500. Revisions are taken only after the locks (revisions.py). Pushes that
touch different records — other institutions' above all — do not wait on each other.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from mzdesk.core.ids import new_id
from mzdesk.server.accounts import AccountCheck
from mzdesk.server.auth import authenticate, device_scope
from mzdesk.server.db import ServerDB
from mzdesk.server.files import ATTACHMENTS, note_reference
from mzdesk.server.institutions import identity_refusal
from mzdesk.server.locks import lock_records
from mzdesk.server.models import CONFLICTS, Change, Device, Record, utcnow
from mzdesk.server.regions import region_refusal
from mzdesk.server.revisions import Revisions, defer_insert, insert_deferred, revisions
from mzdesk.store.values import (
    TooLong,
    character_problems,
    from_json,
    synced_columns,
    synced_tables,
)


@dataclass
class Outcome:
    change_id: str
    status: str  # applied | conflict | rejected
    rev: int | None = None
    reason: str | None = None
    reason_code: str | None = None
    reason_params: dict[str, str] | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "change_id": self.change_id,
            "status": self.status,
            "rev": self.rev,
            "reason": self.reason,
            "reason_code": self.reason_code,
            "reason_params": self.reason_params,
        }


class Rejected(Exception):
    """A change the server will not apply: ``code`` (stable, translated by the client),
    English ``message``, and what the message names (``params``)."""

    def __init__(self, code: str, message: str, **params: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def push(db: ServerDB, token: str | None, changes: list[dict[str, Any]]) -> list[Outcome]:
    def work(session: Session) -> list[Outcome]:
        device = authenticate(session, token)
        return apply_changes(session, device, changes)

    return db.run(work)


def apply_changes(session: Session, device: Device, changes: list[dict[str, Any]]) -> list[Outcome]:
    """Apply a device's changes in order, each at most once, in the caller's transaction.

    Every check that can reject a change runs before it writes anything, so a rejected
    change leaves no trace but its outcome (no savepoint per change is needed)."""
    insert_deferred(session, discard=True)
    session.execute(select(Device.id).where(Device.id == device.id).with_for_update())
    rows = {_uuid_or_nil(c.get("row_id")) for c in changes}
    records = lock_records(session, rows)
    scope = device_scope(session, device)
    outcomes: list[Outcome] = []
    ids = [_uuid_or_nil(c.get("change_id")) for c in changes]
    known = {
        c.change_id: Outcome("", c.status, c.rev, c.reason, c.reason_code, c.reason_params)
        for c in session.scalars(
            select(Change).where(Change.device_id == device.id, Change.change_id.in_(ids))
        )
    }
    revs = revisions(session)
    revs.reserve(len(changes) - len(known))
    accounts = AccountCheck(session)
    stored: list[dict[str, Any]] = []
    with session.no_autoflush:
        for change, change_id in zip(changes, ids, strict=True):
            change_key = str(change.get("change_id"))
            earlier = known.get(change_id)
            if earlier is not None:  # a retry: the first outcome, nothing applied again
                outcomes.append(
                    Outcome(
                        change_key,
                        earlier.status,
                        earlier.rev,
                        earlier.reason,
                        earlier.reason_code,
                        earlier.reason_params,
                    )
                )
                continue
            try:
                status, rev = _apply(session, device, scope, change, records, revs, accounts)
                outcome = Outcome(change_key, status, rev)
                if change.get("table") == ATTACHMENTS:  # the institution's files (files.py)
                    row = records[_uuid_or_nil(change.get("row_id"))]
                    note_reference(session, row.institution_id, row.data)
            except Rejected as error:
                outcome = Outcome(
                    change_key, "rejected", None, str(error), error.code, error.params
                )
            outcomes.append(outcome)
            if change_id.int == 0:
                continue  # no id to remember it by
            stored.append(
                {
                    "change_id": change_id,
                    "device_id": device.id,
                    "table_name": str(change.get("table", ""))[:50].replace("\x00", ""),
                    "row_id": _uuid_or_nil(change.get("row_id")),
                    "institution_id": _uuid_or_none(change.get("institution_id")),
                    "op": str(change.get("op", ""))[:10].replace("\x00", ""),
                    "status": outcome.status,
                    "rev": outcome.rev,
                    "reason": outcome.reason,
                    "reason_code": outcome.reason_code,
                    "reason_params": outcome.reason_params,
                }
            )
            known[change_id] = outcome
    insert_deferred(session)  # the batch's new records, in one bare INSERT
    if stored:  # and its outcomes in another (no ORM objects, no RETURNING)
        session.execute(insert(Change), stored)
    return outcomes


def _uuid_or_nil(value: Any) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return uuid.UUID(int=0)


def _uuid_or_none(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _apply(
    session: Session,
    device: Device,
    scope: set[uuid.UUID],
    change: dict[str, Any],
    records: dict[uuid.UUID, Record],
    revs: Revisions,
    accounts: AccountCheck,
) -> tuple[str, int | None]:
    if _uuid_or_nil(change.get("change_id")).int == 0:
        raise Rejected("no_change_id", "the change has no valid change_id")
    op = change.get("op")
    table = change.get("table")
    if op == "resolve" and table == CONFLICTS:
        return _resolve(session, device, scope, change, revs)
    if table not in synced_tables():
        raise Rejected("unknown_table", f"unknown table {table!r}", table=str(table))
    if op not in ("insert", "update", "delete"):
        raise Rejected("unknown_op", f"unknown operation {op!r}", op=str(op))
    row_id = _uuid_or_none(change.get("row_id"))
    institution_id = _uuid_or_none(change.get("institution_id"))
    if row_id is None or institution_id is None:
        raise Rejected("bad_ids", "the change names no valid row or institution")
    data = change.get("data")
    if not isinstance(data, dict):
        raise Rejected("no_data", "the change has no data")
    columns = synced_columns(table)
    for key, value in data.items():
        if key not in columns:
            raise Rejected("unknown_field", f"{table} has no field {key!r}", field=key)
        try:
            from_json(columns[key], value)
        except TooLong as error:
            raise Rejected(
                "too_long", str(error), field=key, limit=str(error.limit), unit=error.unit
            ) from error
        except ValueError as error:
            raise Rejected("bad_value", str(error), field=key) from error
    for problem in character_problems(table, data):  # docs/data-rules.md: a forged row
        char = str(problem.params["char"])
        raise Rejected("bad_text", f"{problem.field}: holds {char}", field=problem.field, char=char)
    if "id" in data and data["id"] != str(row_id):
        raise Rejected("id_mismatch", "the row id in the data differs from the change's")
    if "institution_id" in data and data["institution_id"] != str(institution_id):
        raise Rejected("moves_institution", "a row cannot move to another institution")

    record = records.get(row_id)
    refused = identity_refusal(device, scope, table, institution_id, data, record) or (
        region_refusal(device, scope, table, institution_id, data, record)
    )
    if refused is not None:
        raise Rejected(refused.code, refused.message, **refused.params)
    in_scope = institution_id in scope
    if not in_scope or (record is not None and record.institution_id != institution_id):
        raise Rejected("not_in_scope", "this device is not enrolled for that institution")
    if record is not None and record.table_name != table:
        raise Rejected("wrong_table", "the row id belongs to another table")
    if table == "users":
        refusal = accounts.refusal(
            row_id=row_id,
            institution_id=institution_id,
            data=data,
            author=_uuid_or_none(change.get("author")),
            records=records,
        )
        if refusal is not None:
            raise Rejected("not_permitted", refusal)

    base = change.get("base_rev")
    base_rev = base if isinstance(base, int) and not isinstance(base, bool) else 0
    now = utcnow()
    meta = {
        "device": str(device.id),
        "device_name": device.name,
        "at": now.isoformat(timespec="seconds") + "Z",
        "made_at": change.get("made_at"),
        "author": change.get("author"),
        "change_id": str(change.get("change_id")),
    }
    if record is None:
        if op != "insert":
            raise Rejected(
                "missing_row", "the row does not exist on the server (its insert never arrived)"
            )
        missing = [
            key
            for key, column in columns.items()
            if key not in data and not column.nullable and column.default is None
        ]
        if missing:
            raise Rejected(
                "missing_fields",
                f"{table}: missing required field(s) {', '.join(missing)}",
                fields=", ".join(missing),
            )
        rev = revs.next()
        full = {key: data.get(key) for key in columns} | data
        record = Record(
            id=row_id,
            table_name=table,
            institution_id=institution_id,
            data=full,
            field_revs=dict.fromkeys(full, rev),
            field_devices=dict.fromkeys(full, str(device.id)),
            field_meta={},
            rev=rev,
            deleted=full.get("deleted_at") is not None,
        )
        defer_insert(session, record)
        records[row_id] = record
        return "applied", rev

    rev = revs.next()
    new_data = dict(record.data)
    field_revs = dict(record.field_revs)
    field_devices = dict(record.field_devices)
    field_meta = dict(record.field_meta)
    conflicts: list[str] = []
    for key, value in data.items():
        if key == "deleted_at" and record.deleted and value is None:
            continue  # tombstones stick
        if key == "created_at" and op != "insert":
            continue
        current = new_data.get(key)
        if current == value:
            continue
        # Values the administrator typed on the server (no device) are placeholders: a
        # device's edit replaces them without a conflict.
        writer = field_devices.get(key)
        concurrent = (
            field_revs.get(key, 0) > base_rev and writer is not None and writer != str(device.id)
        )
        if concurrent:
            conflicts.append(key)
            _record_conflict(session, record, key, value, meta, current, field_meta.get(key), revs)
        new_data[key] = value
        field_revs[key] = rev
        field_devices[key] = str(device.id)
        field_meta[key] = meta
    record.data = new_data
    record.field_revs = field_revs
    record.field_devices = field_devices
    record.field_meta = field_meta
    record.rev = rev
    record.deleted = record.deleted or new_data.get("deleted_at") is not None
    return ("conflict" if conflicts else "applied"), rev


def _record_conflict(
    session: Session,
    record: Record,
    key: str,
    value: Any,
    meta: dict[str, Any],
    replaced: Any,
    replaced_meta: dict[str, Any] | None,
    revs: Revisions,
) -> None:
    conflict_id = new_id()
    rev = revs.next()
    data = {
        "table": record.table_name,
        "row_id": str(record.id),
        "field": key,
        "applied": {"value": value, **meta},
        "overwritten": {"value": replaced, **(replaced_meta or {})},
        "resolved": False,
        "resolution": None,
    }
    defer_insert(
        session,
        Record(
            id=conflict_id,
            table_name=CONFLICTS,
            institution_id=record.institution_id,
            data=data,
            field_revs={},
            field_devices={},
            field_meta={},
            rev=rev,
            deleted=False,
        ),
    )


def _resolve(
    session: Session,
    device: Device,
    scope: set[uuid.UUID],
    change: dict[str, Any],
    revs: Revisions,
) -> tuple[str, int | None]:
    conflict_id = _uuid_or_none(change.get("row_id"))
    record = session.get(Record, conflict_id) if conflict_id else None
    if record is None or record.table_name != CONFLICTS:
        raise Rejected("no_conflict", "no such conflict on the server")
    if record.institution_id not in scope:
        raise Rejected("not_in_scope", "this device is not enrolled for that institution")
    if record.data.get("resolved"):
        return "applied", record.rev  # someone resolved it already; nothing to do
    rev = revs.next()
    data = change.get("data") if isinstance(change.get("data"), dict) else {}
    record.data = {
        **record.data,
        "resolved": True,
        "resolution": {
            "choice": data.get("choice") if isinstance(data, dict) else None,
            "device": str(device.id),
            "device_name": device.name,
            "at": utcnow().isoformat(timespec="seconds") + "Z",
        },
    }
    record.rev = rev
    return "applied", rev
