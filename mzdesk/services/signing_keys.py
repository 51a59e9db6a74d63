"""This device's certificate signing keys and the address its certificates are verified at.

The private half of a key lives only in ``device_settings`` (never synced, never in a
bundle); the public half is a :class:`SigningKey` row, which syncs and travels in bundles like
any other synced row. See docs/certificates.md for the key model.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.certificates import QR_ALPHANUMERIC, key_row_id, new_key_pair
from mzdesk.core.errors import NotFoundError, StateError, ValidationError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.services.operations import operation
from mzdesk.store.engine import Store
from mzdesk.store.models import DeviceSetting, SigningKey
from mzdesk.store.models.base import utcnow

SERVER_SETTING = "certs.verify_server"
DEVICE_SETTING = "certs.device_id"
# what enrolment keeps (sync/device.py, which sits above services)
ENROLLED_SERVER = "sync.server"
ENROLLED_DEVICE = "sync.device_id"
_SERVER = re.compile(r"https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?(/[A-Za-z0-9.\-/]*)?")


def _private_setting(institution_id: uuid.UUID) -> str:
    return f"certs.key.{institution_id.hex}"


def _get(session: Session, key: str) -> object:
    row = session.get(DeviceSetting, key)
    return None if row is None else row.value


def _set(session: Session, key: str, value: object) -> None:
    row = session.get(DeviceSetting, key)
    if row is None:
        session.add(DeviceSetting(key=key, value=value))
    else:
        row.value = value


def check_server(url: str) -> str:
    """A verify address that keeps the QR code in alphanumeric mode once uppercased."""
    url = url.strip().rstrip("/")
    if not _SERVER.fullmatch(url) or not set(url.upper()) <= QR_ALPHANUMERIC:
        raise ValidationError.single("verify_server", "cert.bad_server")
    return url


def verify_server(session: Session) -> str:
    """Where this device's certificates are verified: the sync server it is enrolled with,
    else the address set with :func:`set_verify_server`; neither → refused with a message
    (a QR code pointing nowhere would be worse than none)."""
    server = _get(session, ENROLLED_SERVER) or _get(session, SERVER_SETTING)
    if not server:
        raise StateError("cert.no_server")
    return check_server(str(server))


@operation(Permission.CERTIFICATES_ISSUE)
def set_verify_server(store: Store, actor: Actor, url: str) -> str:
    """Set the verify address for a device that is not enrolled (enrolment's server wins)."""
    url = check_server(url)
    with store.write(actor) as session:
        _set(session, SERVER_SETTING, url)
    return url


def device_id(session: Session) -> uuid.UUID:
    """The device's id from its enrolment, else one made for signing and kept."""
    enrolled = _get(session, ENROLLED_DEVICE)
    if enrolled:
        return uuid.UUID(str(enrolled))
    own = _get(session, DEVICE_SETTING)
    if own is None:
        own = str(uuid.uuid4())
        _set(session, DEVICE_SETTING, own)
    return uuid.UUID(str(own))


@dataclass(frozen=True)
class ActiveKey:
    key_id: str
    private_hex: str


def active_key(session: Session, institution_id: uuid.UUID) -> ActiveKey:
    """This device's signing key for the institution, made on first use and made anew when
    the old one was revoked or deleted (within the caller's write transaction)."""
    kept = _get(session, _private_setting(institution_id))
    if isinstance(kept, dict):
        row = session.scalars(
            select(SigningKey).where(
                SigningKey.key_id == kept.get("key_id"),
                SigningKey.institution_id == institution_id,
            )
        ).first()
        if row is not None and row.deleted_at is None and row.revoked_at is None:
            return ActiveKey(row.key_id, str(kept["private"]))
    return _new_key(session, institution_id)


def _new_key(session: Session, institution_id: uuid.UUID) -> ActiveKey:
    pair = new_key_pair()
    while (
        session.get(SigningKey, key_row_id(pair.key_id))
        or session.scalars(select(SigningKey.id).where(SigningKey.key_id == pair.key_id)).first()
    ):
        pair = new_key_pair()  # 40 random bits: a clash is rare, but never reuse an id
    session.add(
        SigningKey(
            id=key_row_id(pair.key_id),
            institution_id=institution_id,
            key_id=pair.key_id,
            device_id=device_id(session),
            public_key=pair.public_hex,
        )
    )
    _set(
        session,
        _private_setting(institution_id),
        {"key_id": pair.key_id, "private": pair.private_hex},
    )
    session.flush()
    return ActiveKey(pair.key_id, pair.private_hex)


@operation(Permission.CERTIFICATES_ISSUE)
def rotate_signing_key(store: Store, actor: Actor, institution_id: uuid.UUID) -> str:
    """A new key for this device; the old private key is forgotten, its public key stays
    (certificates it signed keep verifying). Returns the new key's id."""
    with store.write(actor) as session:
        return _new_key(session, institution_id).key_id


@operation(Permission.INSTITUTION_EDIT)
def revoke_signing_key(
    store: Store, actor: Actor, key_id: str, reason: str, *, at: dt.datetime | None = None
) -> None:
    """A lost or stolen device: certificates its key signs from now on are refused
    everywhere; those issued before (and known to the institution) keep verifying."""
    reason = reason.strip()
    if not reason:
        raise ValidationError.single("revoked_reason", "cert.reason_required")
    with store.write(actor) as session:
        row = session.scalars(
            select(SigningKey).where(
                SigningKey.key_id == key_id.strip().upper(), SigningKey.deleted_at.is_(None)
            )
        ).first()
        if row is None:
            raise NotFoundError("cert.key_not_found", key_id=key_id)
        row.revoked_at = at or utcnow()
        row.revoked_reason = reason


@dataclass(frozen=True)
class SigningKeyView:
    key_id: str
    device_id: uuid.UUID
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    this_device: bool


def list_signing_keys(store: Store, institution_id: uuid.UUID) -> list[SigningKeyView]:
    with store.read() as session:
        kept = _get(session, _private_setting(institution_id))
        mine = kept.get("key_id") if isinstance(kept, dict) else None
        rows = session.scalars(
            select(SigningKey).where(
                SigningKey.institution_id == institution_id, SigningKey.deleted_at.is_(None)
            )
        )
        return [
            SigningKeyView(r.key_id, r.device_id, r.created_at, r.revoked_at, r.key_id == mine)
            for r in rows
        ]
