"""What the central server does: enrolment, scoping, push with field-level merge, paged pull,
bundles and administration. The HTTP layer (``app``) and the CLI call these.

Merge rule (sync.md 3), per field of an incoming change with base revision *b* from device
*d*: when the field was last written at a revision newer than *b* by another device and the
values differ, the two edits were concurrent — the server applies the later arrival and
keeps the value it replaces in a conflict record for review. Otherwise the value is simply
applied. Different fields never conflict. Tombstones stick: nothing brings a deleted row back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mzdesk.core.bundle import (
    BundleError,
    bundle_device,
    device_key,
    enrolment_key,
    read_bundle,
    write_bundle,
)
from mzdesk.core.ids import new_id
from mzdesk.server.db import ServerDB
from mzdesk.server.models import (
    CONFLICTS,
    Change,
    Counter,
    Device,
    Enrollment,
    InstitutionIndex,
    Record,
    Setting,
    utcnow,
)
from mzdesk.store.migrate import head_revision
from mzdesk.store.values import from_json, synced_columns, synced_tables

MIN_CLIENT_SCHEMA = 6  # the first store schema that speaks this protocol
ENROLLMENT_DAYS = 14
SEEN_EVERY = dt.timedelta(minutes=1)  # how often a device's last_seen_at is rewritten
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


class SyncError(Exception):
    """A refusal with an HTTP status and a stable code (see docs/sync-protocol.md)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def store_schema() -> int:
    head = head_revision()
    assert head is not None
    return int(head)


def check_schema(client_schema: str | None) -> None:
    """Sync.md 7: an old client is told to upgrade; a client newer than the server is told
    the server must be upgraded first. Its outbox waits either way."""
    try:
        version = int(client_schema or "")
    except ValueError:
        raise SyncError(
            400, "schema_missing", "the client did not state its schema version"
        ) from None
    if version < MIN_CLIENT_SCHEMA:
        raise SyncError(
            426,
            "client_too_old",
            f"this client's data version {version:04d} is older than the server accepts "
            f"({MIN_CLIENT_SCHEMA:04d}); please upgrade mzdesk",
        )
    if version > store_schema():
        raise SyncError(
            426,
            "server_too_old",
            f"this client's data version {version:04d} is newer than the server's "
            f"({store_schema():04d}); the server must be upgraded first",
        )


# ---------------------------------------------------------------- administration


def _secret(session: Session) -> bytes:
    row = session.get(Setting, "bundle_secret")
    if row is None:
        row = Setting(key="bundle_secret", value=secrets.token_hex(32))
        session.add(row)
        session.flush()
    return bytes.fromhex(row.value)


def _defaults(table: str) -> dict[str, Any]:
    now = utcnow().isoformat(timespec="microseconds")
    values: dict[str, Any] = {}
    for key, column in synced_columns(table).items():
        default: Any = column.default
        if default is not None and default.is_scalar:
            arg = default.arg
            values[key] = getattr(arg, "value", arg)
        elif key in ("created_at",):
            values[key] = now
        elif default is not None and default.is_callable and key not in ("id",):
            produced = default.arg(None)
            values[key] = produced if isinstance(produced, list | dict) else None
        else:
            values[key] = None
    return values


def add_institution(
    db: ServerDB, name: str, kind: str, region_code: str | None = None
) -> uuid.UUID:
    """Create an institution on the server; devices enrolled for it receive it on sync."""
    name = name.strip()
    if not name:
        raise SyncError(400, "invalid", "the institution needs a name")
    columns = synced_columns("institutions")
    with db.transaction() as session:
        if session.scalar(select(InstitutionIndex).where(InstitutionIndex.name == name)):
            raise SyncError(409, "duplicate", f"an institution named {name} already exists")
        inst_id = new_id()
        data = _defaults("institutions")
        data.update(
            id=str(inst_id),
            institution_id=str(inst_id),
            name=name,
            kind=kind,
            region_code=region_code,
        )
        for key, value in data.items():
            try:
                from_json(columns[key], value)
            except ValueError as error:
                raise SyncError(400, "invalid", str(error)) from error
        rev = Revisions(session).next()
        session.add(
            Record(
                id=inst_id,
                table_name="institutions",
                institution_id=inst_id,
                data=data,
                field_revs=dict.fromkeys(data, rev),
                field_devices={},
                field_meta={},
                rev=rev,
                deleted=False,
            )
        )
        session.add(InstitutionIndex(id=inst_id, name=name, kind=kind, region_code=region_code))
    return inst_id


def create_enrollment(
    db: ServerDB, *, institution: str | None = None, region: str | None = None
) -> str:
    """A one-time code for one institution (by name) or for every institution of a region."""
    if (institution is None) == (region is None):
        raise SyncError(400, "invalid", "give an institution or a region, not both")
    code = "-".join("".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(4))
    with db.transaction() as session:
        ids: list[str] = []
        if institution is not None:
            found = session.scalar(
                select(InstitutionIndex).where(InstitutionIndex.name == institution.strip())
            )
            if found is None:
                raise SyncError(404, "not_found", f"no institution named {institution}")
            ids = [str(found.id)]
        session.add(
            Enrollment(
                id=new_id(),
                code_hash=_hash(code.replace("-", "")),
                institution_ids=ids,
                region_prefix=region,
                expires_at=utcnow() + dt.timedelta(days=ENROLLMENT_DAYS),
            )
        )
    return code


def enroll(db: ServerDB, code: str, device_name: str) -> dict[str, Any]:
    normalized = code.strip().upper().replace("-", "").replace(" ", "")
    with db.transaction() as session:
        found = session.scalar(select(Enrollment).where(Enrollment.code_hash == _hash(normalized)))
        if found is None or found.used_at is not None or found.expires_at < utcnow():
            raise SyncError(403, "bad_code", "the enrolment code is wrong, expired or already used")
        token = secrets.token_urlsafe(32)
        device = Device(
            id=new_id(),
            name=device_name.strip()[:100] or "device",
            token_hash=_hash(token),
            institution_ids=list(found.institution_ids),
            region_prefix=found.region_prefix,
        )
        session.add(device)
        found.used_at = utcnow()
        found.device_id = device.id
        key = device_key(_secret(session), device.id)
        session.flush()
        scope = sorted(str(i) for i in _scope(session, device))
    return {
        "device_id": str(device.id),
        "token": token,
        "bundle_key": key.hex(),
        "institutions": scope,
        "region": device.region_prefix,
        "server_time": utcnow().isoformat(timespec="seconds") + "Z",
    }


@dataclass(frozen=True)
class DeviceInfo:
    id: uuid.UUID
    name: str
    scope: str
    enrolled_at: dt.datetime
    last_seen_at: dt.datetime | None
    revoked: bool


def list_devices(db: ServerDB) -> list[DeviceInfo]:
    with db.transaction() as session:
        names = {i.id: i.name for i in session.scalars(select(InstitutionIndex))}
        devices = []
        for d in session.scalars(select(Device).order_by(Device.enrolled_at)):
            scope = (
                f"region {d.region_prefix}"
                if d.region_prefix
                else ", ".join(names.get(uuid.UUID(i), i) for i in d.institution_ids)
            )
            devices.append(
                DeviceInfo(
                    d.id, d.name, scope, d.enrolled_at, d.last_seen_at, d.revoked_at is not None
                )
            )
        return devices


def revoke(db: ServerDB, device_id: str) -> None:
    with db.transaction() as session:
        device = _find_device(session, device_id)
        if device.revoked_at is None:
            device.revoked_at = utcnow()


def _find_device(session: Session, device_id: str) -> Device:
    try:
        wanted = uuid.UUID(device_id)
    except ValueError:
        matches = session.scalars(
            select(Device).where(func.lower(Device.name) == device_id.lower())
        ).all()
        if len(matches) == 1:
            return matches[0]
        raise SyncError(404, "not_found", f"no device {device_id}") from None
    device = session.get(Device, wanted)
    if device is None:
        raise SyncError(404, "not_found", f"no device {device_id}")
    return device


# ---------------------------------------------------------------- devices and scope


def authenticate(session: Session, token: str | None) -> Device:
    if not token:
        raise SyncError(401, "no_token", "this device is not enrolled (no token)")
    device = session.scalar(select(Device).where(Device.token_hash == _hash(token)))
    if device is None:
        raise SyncError(401, "bad_token", "this device's token is not known to the server")
    if device.revoked_at is not None:
        raise SyncError(
            403,
            "device_revoked",
            f"this device was revoked on {device.revoked_at:%Y-%m-%d}; "
            "its unsent changes are kept — ask the administrator to enrol it again",
        )
    now = utcnow()
    if device.last_seen_at is None or now - device.last_seen_at > SEEN_EVERY:
        device.last_seen_at = now
    return device


def _scope(session: Session, device: Device) -> set[uuid.UUID]:
    ids = {uuid.UUID(i) for i in device.institution_ids}
    if device.region_prefix:
        ids.update(
            session.scalars(
                select(InstitutionIndex.id).where(
                    InstitutionIndex.region_code.startswith(device.region_prefix)
                )
            )
        )
    return ids


# ---------------------------------------------------------------- push


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
    with db.transaction() as session:
        device = authenticate(session, token)
        return apply_changes(session, device, changes)


class Revisions:
    """Hands out revisions for one transaction: the counter row is locked once (so pushes
    commit in revision order) and written back at the end."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.counter: Counter | None = None

    def next(self) -> int:
        if self.counter is None:
            self.counter = self.session.execute(
                select(Counter).where(Counter.id == 1).with_for_update()
            ).scalar_one()
        self.counter.rev += 1
        return self.counter.rev


def apply_changes(session: Session, device: Device, changes: list[dict[str, Any]]) -> list[Outcome]:
    """Apply a device's changes in order, each at most once, in the caller's transaction.

    Every check that can reject a change runs before it writes anything, so a rejected
    change leaves no trace but its outcome (no savepoint per change is needed)."""
    scope = _scope(session, device)
    outcomes: list[Outcome] = []
    ids = [_uuid_or_nil(c.get("change_id")) for c in changes]
    known = {
        c.change_id: c for c in session.scalars(select(Change).where(Change.change_id.in_(ids)))
    }
    rows = {_uuid_or_nil(c.get("row_id")) for c in changes}
    records: dict[uuid.UUID, Record] = {
        r.id: r for r in session.scalars(select(Record).where(Record.id.in_(rows)))
    }
    revisions = Revisions(session)
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
                status, rev = _apply(session, device, scope, change, records, revisions)
                outcome = Outcome(change_key, status, rev)
            except Rejected as error:
                outcome = Outcome(
                    change_key, "rejected", None, str(error), error.code, error.params
                )
            outcomes.append(outcome)
            if change_id.int == 0:
                continue  # no id to remember it by
            record = Change(
                change_id=change_id,
                device_id=device.id,
                table_name=str(change.get("table", ""))[:50].replace("\x00", ""),
                row_id=_uuid_or_nil(change.get("row_id")),
                institution_id=_uuid_or_none(change.get("institution_id")),
                op=str(change.get("op", ""))[:10].replace("\x00", ""),
                status=outcome.status,
                rev=outcome.rev,
                reason=outcome.reason,
                reason_code=outcome.reason_code,
                reason_params=outcome.reason_params,
            )
            session.add(record)
            known[change_id] = record
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
    revisions: Revisions,
) -> tuple[str, int | None]:
    if _uuid_or_nil(change.get("change_id")).int == 0:
        raise Rejected("no_change_id", "the change has no valid change_id")
    op = change.get("op")
    table = change.get("table")
    if op == "resolve" and table == CONFLICTS:
        return _resolve(session, device, scope, change, revisions)
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
        except ValueError as error:
            raise Rejected("bad_value", str(error), field=key) from error
    if "id" in data and data["id"] != str(row_id):
        raise Rejected("id_mismatch", "the row id in the data differs from the change's")
    if "institution_id" in data and data["institution_id"] != str(institution_id):
        raise Rejected("moves_institution", "a row cannot move to another institution")

    record = records.get(row_id)
    in_scope = institution_id in scope
    if not in_scope and table == "institutions" and record is None and device.region_prefix:
        region = data.get("region_code") or ""
        in_scope = row_id == institution_id and str(region).startswith(device.region_prefix)
    if not in_scope or (record is not None and record.institution_id != institution_id):
        raise Rejected("not_in_scope", "this device is not enrolled for that institution")
    if record is not None and record.table_name != table:
        raise Rejected("wrong_table", "the row id belongs to another table")

    base = change.get("base_rev")
    base_rev = base if isinstance(base, int) and not isinstance(base, bool) else 0
    now = utcnow()
    meta = {
        "device": str(device.id),
        "device_name": device.name,
        "at": now.isoformat(timespec="seconds") + "Z",
        "made_at": change.get("made_at"),
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
        rev = revisions.next()
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
        session.add(record)
        records[row_id] = record
        _index_institution(session, record)
        return "applied", rev

    rev = revisions.next()
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
            _record_conflict(
                session, record, key, value, meta, current, field_meta.get(key), revisions
            )
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
    _index_institution(session, record)
    return ("conflict" if conflicts else "applied"), rev


def _record_conflict(
    session: Session,
    record: Record,
    key: str,
    value: Any,
    meta: dict[str, Any],
    replaced: Any,
    replaced_meta: dict[str, Any] | None,
    revisions: Revisions,
) -> None:
    conflict_id = new_id()
    rev = revisions.next()
    data = {
        "table": record.table_name,
        "row_id": str(record.id),
        "field": key,
        "applied": {"value": value, **meta},
        "overwritten": {"value": replaced, **(replaced_meta or {})},
        "resolved": False,
        "resolution": None,
    }
    session.add(
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
        )
    )


def _resolve(
    session: Session,
    device: Device,
    scope: set[uuid.UUID],
    change: dict[str, Any],
    revisions: Revisions,
) -> tuple[str, int | None]:
    conflict_id = _uuid_or_none(change.get("row_id"))
    record = session.get(Record, conflict_id) if conflict_id else None
    if record is None or record.table_name != CONFLICTS:
        raise Rejected("no_conflict", "no such conflict on the server")
    if record.institution_id not in scope:
        raise Rejected("not_in_scope", "this device is not enrolled for that institution")
    if record.data.get("resolved"):
        return "applied", record.rev  # someone resolved it already; nothing to do
    rev = revisions.next()
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


def _index_institution(session: Session, record: Record) -> None:
    if record.table_name != "institutions":
        return
    row = session.get(InstitutionIndex, record.id)
    if row is None:
        row = InstitutionIndex(id=record.id, name="")
        session.add(row)
    row.name = str(record.data.get("name") or "")
    row.kind = record.data.get("kind")
    row.region_code = record.data.get("region_code")


# ---------------------------------------------------------------- pull


def pull(
    db: ServerDB, token: str | None, cursor: int, limit: int
) -> tuple[list[dict[str, Any]], int, bool]:
    """Records of the device's institutions changed after ``cursor``, oldest first."""
    with db.transaction() as session:
        device = authenticate(session, token)
        items, next_cursor, more = feed(session, device, cursor, limit)
        device.cursor = max(device.cursor, cursor)
        return items, next_cursor, more


def feed(
    session: Session, device: Device, cursor: int, limit: int
) -> tuple[list[dict[str, Any]], int, bool]:
    scope = _scope(session, device)
    if not scope:
        return [], cursor, False
    rows = session.scalars(
        select(Record)
        .where(Record.rev > cursor, Record.institution_id.in_(scope))
        .order_by(Record.rev, Record.id)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]  # every record has a revision of its own, so a page ends cleanly
    me = str(device.id)
    items = [
        {
            "table": r.table_name,
            "id": str(r.id),
            "institution_id": str(r.institution_id),
            "rev": r.rev,
            "data": r.data,
        }
        for r in rows
        # A row whose every field this device wrote last holds nothing it does not have.
        if not (r.field_devices and all(d == me for d in r.field_devices.values()))
    ]
    return items, (rows[-1].rev if rows else cursor), more


# ---------------------------------------------------------------- bundles


def import_bundle(db: ServerDB, data: bytes) -> dict[str, Any]:
    """A site's bundle: verify, then apply its changes like a push (idempotent)."""
    claimed = bundle_device(data)
    with db.transaction() as session:
        device = session.get(Device, claimed)
        if device is None:
            raise BundleError("the bundle comes from a device this server does not know")
        content = read_bundle(data, device_key(_secret(session), device.id))
        if content.get("direction") != "to_server":
            raise BundleError("this bundle is meant for a device, not for the server")
        check_schema(content.get("schema"))
        if device.revoked_at is not None:
            raise SyncError(403, "device_revoked", "the device that wrote this bundle is revoked")
        changes = content.get("changes")
        if not isinstance(changes, list):
            raise BundleError("the bundle's content is damaged")
        outcomes = apply_changes(session, device, changes)
        device.cursor = max(device.cursor, int(content.get("cursor") or 0))
        device.results_seq = max(device.results_seq, int(content.get("results_seq") or 0))
        device.last_seen_at = utcnow()
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    return {"device": str(claimed), "device_name": device.name, "changes": len(outcomes), **counts}


def export_bundle(db: ServerDB, device_id: str, limit: int = 1_000_000) -> bytes:
    """Everything the device has not seen: records after its cursor and the outcomes of its
    changes it has not been told about."""
    with db.transaction() as session:
        device = _find_device(session, device_id)
        if device.revoked_at is not None:
            raise SyncError(403, "device_revoked", "this device is revoked")
        items, cursor, _ = feed(session, device, device.cursor, limit)
        results = [
            {
                "seq": c.seq,
                "change_id": str(c.change_id),
                "status": c.status,
                "rev": c.rev,
                "reason": c.reason,
                "reason_code": c.reason_code,
                "reason_params": c.reason_params,
            }
            for c in session.scalars(
                select(Change)
                .where(Change.device_id == device.id, Change.seq > device.results_seq)
                .order_by(Change.seq)
            )
        ]
        content = {
            "direction": "to_device",
            "schema": f"{store_schema():04d}",
            "device_id": str(device.id),
            "from_cursor": device.cursor,
            "cursor": cursor,
            "items": items,
            "results": results,
            "server_time": utcnow().isoformat(timespec="seconds") + "Z",
        }
        return write_bundle(device.id, device_key(_secret(session), device.id), content)


def enrol_offline(
    db: ServerDB,
    *,
    institution: str | None = None,
    region: str | None = None,
    device_name: str = "offline site",
) -> tuple[str, bytes]:
    """For a site with no network at all: enrol a device here and now, and write its
    enrolment file — its credentials and everything in its scope — sealed with a key made
    from the one-time code. The file travels on a USB stick, the code separately (phone,
    letter): the site needs both, so a lost stick alone enrols nobody."""
    code = create_enrollment(db, institution=institution, region=region)
    reply = enroll(db, code, device_name)
    with db.transaction() as session:
        device = session.get(Device, uuid.UUID(reply["device_id"]))
        assert device is not None
        items, cursor, _ = feed(session, device, 0, 10_000_000)
        device.cursor = cursor
    content = {
        "direction": "enrolment",
        "schema": f"{store_schema():04d}",
        **reply,
        "from_cursor": 0,
        "cursor": cursor,
        "items": items,
        "results": [],
    }
    return code, write_bundle(uuid.UUID(reply["device_id"]), enrolment_key(code), content)


def counts(db: ServerDB) -> dict[str, int]:
    with db.transaction() as session:
        return {
            "records": session.scalar(select(func.count()).select_from(Record)) or 0,
            "changes": session.scalar(select(func.count()).select_from(Change)) or 0,
            "devices": session.scalar(select(func.count()).select_from(Device)) or 0,
        }
