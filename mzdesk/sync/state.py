"""The device's side of sync, on the local store: settings, outbox batches, applying what the
server sends, conflicts and quarantine. No network here (``client``) — bundles use it too.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from mzdesk.core.i18n import MESSAGES, text
from mzdesk.core.ids import new_id
from mzdesk.store.engine import Store
from mzdesk.store.migrate import head_revision
from mzdesk.store.models import DeviceSetting, Institution, OutboxEntry, SyncConflict, utcnow
from mzdesk.store.outbox import UNACKED, UNSENT
from mzdesk.store.values import from_json, synced_columns, synced_tables

CONFLICTS = "_conflicts"
PREFIX = "sync."
CLOCK_WARNING_SECONDS = 300


def schema_version() -> str:
    head = head_revision()
    assert head is not None
    return head


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(DeviceSetting, PREFIX + key)
    return default if row is None else row.value


def set_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(DeviceSetting, PREFIX + key)
    if row is None:
        session.add(DeviceSetting(key=PREFIX + key, value=value))
    else:
        row.value = value


@dataclass(frozen=True)
class Enrolment:
    server: str | None
    device_id: uuid.UUID
    token: str | None
    bundle_key: bytes


def enrolment(session: Session) -> Enrolment | None:
    device = get_setting(session, "device_id")
    if device is None:
        return None
    return Enrolment(
        get_setting(session, "server"),
        uuid.UUID(device),
        get_setting(session, "token"),
        bytes.fromhex(get_setting(session, "bundle_key", "")),
    )


def save_enrolment(store: Store, server: str | None, reply: dict[str, Any]) -> None:
    with store.apply_remote() as session:
        if len(reply["institutions"]) == 1:
            adopt_institution(session, uuid.UUID(reply["institutions"][0]))
        set_setting(session, "server", server)
        set_setting(session, "device_id", reply["device_id"])
        set_setting(session, "token", reply["token"])
        set_setting(session, "bundle_key", reply["bundle_key"])
        set_setting(session, "institutions", reply["institutions"])
        set_setting(session, "region", reply.get("region"))
        set_setting(session, "cursor", 0)
        set_setting(session, "results_seq", 0)
        set_setting(session, "last_error", None)


def adopt_institution(session: Session, server_id: uuid.UUID) -> bool:
    """A site that worked offline before the server existed enrols for "its" institution:
    when this database holds exactly one institution and it was never synced, it becomes
    the server's institution — its id (and every row's institution_id, and the outbox) take
    the server's id, so its records and pending changes go to the right place. Returns
    whether it did."""
    rows = session.execute(select(Institution.id, Institution.server_rev)).all()
    if len(rows) != 1 or rows[0].server_rev is not None or rows[0].id == server_id:
        return False
    old = rows[0].id
    params = {"old": old.hex, "new": server_id.hex}
    for table in synced_tables():
        session.execute(
            sql(f"UPDATE {table} SET institution_id = :new WHERE institution_id = :old"), params
        )
    session.execute(sql("UPDATE institutions SET id = :new WHERE id = :old"), params)
    session.execute(sql("DELETE FROM stat_snapshots WHERE institution_id = :old"), params)
    for entry in session.scalars(select(OutboxEntry).where(OutboxEntry.institution_id == old)):
        entry.institution_id = server_id
        if entry.row_id == old:
            entry.row_id = server_id
        data = dict(entry.data)
        for key in ("institution_id", "id"):
            if data.get(key) == str(old):
                data[key] = str(server_id)
        entry.data = data
    session.flush()
    session.expire_all()
    return True


# ---------------------------------------------------------------- outbox


def outbox_batch(store: Store, limit: int) -> list[dict[str, Any]]:
    """The oldest unsent changes, in the order they were made, as wire changes."""
    with store.read() as session:
        rows = session.scalars(
            select(OutboxEntry)
            .where(OutboxEntry.state.in_(UNSENT))
            .order_by(OutboxEntry.seq)
            .limit(limit)
        ).all()
        return [wire_change(row) for row in rows]


def wire_change(row: OutboxEntry) -> dict[str, Any]:
    return {
        "change_id": str(row.change_id),
        "table": row.table_name,
        "row_id": str(row.row_id),
        "institution_id": str(row.institution_id),
        "op": row.op,
        "data": row.data,
        "base_rev": row.base_rev,
        "made_at": row.created_at.isoformat(timespec="seconds") + "Z",
    }


KEEP_ACKED = dt.timedelta(days=30)


def rejection_text(result: dict[str, Any]) -> str:
    """The server's reason in the user's language (by its code), else as the server said it."""
    code = result.get("reason_code")
    params = result.get("reason_params") or {}
    key = f"sync.rejected.{code}"
    if code and key in MESSAGES:
        try:
            return text(key, **{k: str(v) for k, v in params.items()})
        except (KeyError, IndexError):
            pass
    return str(result.get("reason") or text("sync.rejected.unknown"))


def prune_outbox(store: Store) -> None:
    """Acknowledged changes are the server's now; keep a month of them for diagnosis, then
    let them go. Pending and quarantined changes are never removed."""
    with store.write() as session:
        session.execute(
            delete(OutboxEntry).where(
                OutboxEntry.state == "acked", OutboxEntry.created_at < utcnow() - KEEP_ACKED
            )
        )


def record_outcomes(session: Session, results: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Acknowledged changes are done; rejected ones are quarantined with the server's reason
    (kept, shown, fixable — never dropped and never rolled back)."""
    counts: dict[str, int] = {}
    wanted: dict[uuid.UUID, dict[str, Any]] = {}
    for result in results:
        try:
            wanted[uuid.UUID(str(result.get("change_id")))] = result
        except ValueError:
            continue
    entries = {
        e.change_id: e
        for chunk in range(0, len(wanted), 500)
        for e in session.scalars(
            select(OutboxEntry).where(OutboxEntry.change_id.in_(list(wanted)[chunk : chunk + 500]))
        )
    }
    for change_id, result in wanted.items():
        status = result.get("status")
        entry = entries.get(change_id)
        if entry is None or entry.state in ("acked", "discarded"):
            continue
        if status in ("applied", "conflict"):
            entry.state = "acked"
            entry.error = None
        elif status == "rejected":
            entry.state = "quarantined"
            entry.error = rejection_text(result)
        else:
            continue
        counts[str(status)] = counts.get(str(status), 0) + 1
    return counts


# ---------------------------------------------------------------- applying the feed


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


# ---------------------------------------------------------------- conflicts and quarantine


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


def resolve_conflict(store: Store, conflict_id: uuid.UUID, choice: str) -> None:
    """Keep the applied value or bring back the overwritten one (``choice``: "applied" or
    "overwritten"). The chosen value is written as an ordinary local change and the
    resolution travels as its own change, so every replica ends up with both."""
    if choice not in ("applied", "overwritten"):
        raise ValueError(choice)
    with store.write() as session:
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


def resend(store: Store, seq: int, data: dict[str, Any] | None = None) -> None:
    """Send a quarantined change again, with its data corrected when given. A corrected
    value is also written to the local row, so the screen shows what is being sent."""
    with store.write() as session:
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


# ---------------------------------------------------------------- status


def status(store: Store) -> dict[str, Any]:
    with store.read() as session:
        counts = dict(
            session.execute(
                select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state)
            ).all()
        )
        conflicts = (
            session.scalar(
                select(func.count())
                .select_from(SyncConflict)
                .where(SyncConflict.resolved.is_(False))
            )
            or 0
        )
        offset = get_setting(session, "clock_offset_s")
        return {
            "enrolled": get_setting(session, "device_id") is not None,
            "server": get_setting(session, "server"),
            "device_id": get_setting(session, "device_id"),
            "last_sync": get_setting(session, "last_sync"),
            "last_error": get_setting(session, "last_error"),
            "pending": int(sum(counts.get(s, 0) for s in UNSENT)),
            "conflicts": int(conflicts),
            "quarantined": int(counts.get("quarantined", 0)),
            "clock_offset_s": offset,
            "clock_warning": offset is not None and abs(offset) > CLOCK_WARNING_SECONDS,
            "cursor": get_setting(session, "cursor", 0),
        }
