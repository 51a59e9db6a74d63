"""Who is asking: a device exchanges its one-time enrolment code for a token, every call
is authenticated by that token, and a device sees only the institutions in its scope."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mzdesk.core.bundle import device_key
from mzdesk.core.ids import new_id
from mzdesk.core.text_safety import for_output
from mzdesk.server.db import ServerDB
from mzdesk.server.errors import SyncError
from mzdesk.server.models import Device, Enrollment, InstitutionIndex, utcnow

SEEN_EVERY = dt.timedelta(minutes=1)  # how often a device's last_seen_at is rewritten


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def bundle_secret(db: ServerDB) -> bytes:
    """The server's secret from which each device's bundle key is derived: the server's key
    (server/keys.py: a key file, never the database). Each device's key is
    HMAC-SHA256(it, "bundle:" + device id), as it always was, so a server that moved its
    old secret into the key file keeps its devices' keys."""
    return db.server_key()


def enroll(db: ServerDB, code: str, device_name: str) -> dict[str, Any]:
    normalized = code.strip().upper().replace("-", "").replace(" ", "")
    secret = bundle_secret(db)  # before the transaction: the first use reads the key file
    with db.transaction() as session:
        found = session.scalar(  # locked: a code used twice at once enrols one device
            select(Enrollment)
            .where(Enrollment.code_hash == hash_secret(normalized))
            .with_for_update()
        )
        if found is None or found.used_at is not None or found.expires_at < utcnow():
            raise SyncError(403, "bad_code", "the enrolment code is wrong, expired or already used")
        token = secrets.token_urlsafe(32)
        device = Device(
            id=new_id(),
            # named by the device itself: shown, never obeyed (docs/data-rules.md)
            name=for_output(" ".join(device_name.split()))[:100] or "device",
            token_hash=hash_secret(token),
            institution_ids=list(found.institution_ids),
            region_prefix=found.region_prefix,
        )
        session.add(device)
        found.used_at = utcnow()
        found.device_id = device.id
        key = device_key(secret, device.id)
        session.flush()
        scope = sorted(str(i) for i in device_scope(session, device))
    return {
        "device_id": str(device.id),
        "token": token,
        "bundle_key": key.hex(),
        "institutions": scope,
        "region": device.region_prefix,
        "server_time": utcnow().isoformat(timespec="seconds") + "Z",
    }


def authenticate(session: Session, token: str | None) -> Device:
    if not token:
        raise SyncError(401, "no_token", "this device is not enrolled (no token)")
    device = session.scalar(select(Device).where(Device.token_hash == hash_secret(token)))
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


def device_scope(session: Session, device: Device) -> set[uuid.UUID]:
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


def _no_device(device_id: str) -> SyncError:
    return SyncError(
        404, "not_found", f"no device {device_id}", key="sync.not_found.device", device=device_id
    )


def find_device(session: Session, device_id: str) -> Device:
    try:
        wanted = uuid.UUID(device_id)
    except ValueError:
        matches = session.scalars(
            select(Device).where(func.lower(Device.name) == device_id.lower())
        ).all()
        if len(matches) == 1:
            return matches[0]
        raise _no_device(device_id) from None
    device = session.get(Device, wanted)
    if device is None:
        raise _no_device(device_id)
    return device
