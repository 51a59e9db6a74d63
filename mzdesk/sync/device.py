"""This device's sync state in the local store: its settings (server, token, cursor…), its
enrolment, the store schema version it states to the server, and the adoption of a
never-synced institution by the server's."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from mzdesk.core.permissions import REGION_WITHHELD, Actor
from mzdesk.store.adoption import record_adoption
from mzdesk.store.backup.hooks import before_change
from mzdesk.store.engine import Store
from mzdesk.store.migrate import head_revision
from mzdesk.store.models import DeviceSetting, Institution, OutboxEntry
from mzdesk.store.models.institutions import HOME_OWNED_FIELDS
from mzdesk.store.values import synced_tables

PREFIX = "sync."


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
    ca_pem: str | None = None  # a private CA the server's certificate chains to (PEM)
    pin: str | None = None  # or the SHA-256 of the server's certificate (hex)


def enrolment(session: Session) -> Enrolment | None:
    device = get_setting(session, "device_id")
    if device is None:
        return None
    return Enrolment(
        get_setting(session, "server"),
        uuid.UUID(device),
        get_setting(session, "token"),
        bytes.fromhex(get_setting(session, "bundle_key", "")),
        get_setting(session, "tls_ca"),
        get_setting(session, "tls_pin"),
    )


def save_enrolment(
    store: Store,
    server: str | None,
    reply: dict[str, Any],
    *,
    ca_pem: str | None = None,
    pin: str | None = None,
) -> None:
    """Keep what enrolment gave (and how the server's certificate is verified: every sync
    uses the same CA or pin)."""
    with store.apply_remote() as session:
        if len(reply["institutions"]) == 1:
            adopt_institution(session, uuid.UUID(reply["institutions"][0]))
        set_setting(session, "server", server)
        set_setting(session, "tls_ca", ca_pem)
        set_setting(session, "tls_pin", pin)
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
    whether it did.

    What identifies the institution (name, kind, region code, 统一社会信用代码) is the
    server's administrator's: the site's pending changes to its institution keep only the
    particulars a home owns (address, phone, …; ``HOME_OWNED_FIELDS``), as updates of the
    server's row, and the first pull brings the server's name, region code and code. So
    enrolling never blanks or overwrites what the server knows (a region code the site
    never typed would otherwise hide the home from its bureau)."""
    rows = session.execute(select(Institution.id, Institution.server_rev)).all()
    if len(rows) != 1 or rows[0].server_rev is not None or rows[0].id == server_id:
        return False
    before_change(session.get_bind(), "adoption")  # type: ignore[arg-type]
    old = rows[0].id
    params = {"old": old.hex, "new": server_id.hex}
    for table in synced_tables():
        session.execute(
            sql(f"UPDATE {table} SET institution_id = :new WHERE institution_id = :old"), params
        )
    session.execute(sql("UPDATE institutions SET id = :new WHERE id = :old"), params)
    # the key slots on this computer still name the old id, bound into their encryption:
    # logins resolve it through this record and re-bind each slot (store/adoption.py)
    record_adoption(session, old, server_id)
    session.execute(sql("DELETE FROM stat_snapshots WHERE institution_id = :old"), params)
    for entry in session.scalars(select(OutboxEntry).where(OutboxEntry.institution_id == old)):
        if entry.table_name == "institutions" and entry.row_id == old:
            owned = {k: v for k, v in entry.data.items() if k in HOME_OWNED_FIELDS}
            if not owned:
                session.delete(entry)
                continue
            entry.op = "update"
            entry.data = owned
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


def is_region_device(store: Store) -> bool:
    """Enrolled for a region (a bureau's laptop), not for a home."""
    with store.read() as session:
        return get_setting(session, "device_id") is not None and bool(
            get_setting(session, "region")
        )


def acting_here(store: Store, actor: Actor) -> Actor:
    """``actor`` as this device lets them act: on a bureau's laptop, without the edits of a
    home's own records (core/permissions.py ``REGION_WITHHELD``)."""
    return actor.withholding(REGION_WITHHELD) if is_region_device(store) else actor
