"""The server's side of USB bundles, for sites with no network (or none at all): a site's
bundle taken in like a push, a bundle written for a device like a pull, and the enrolment
file that enrols an offline site."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from mzdesk.core.bundle import (
    BundleError,
    bundle_device,
    device_key,
    read_bundle,
    write_bundle,
    write_enrolment_file,
)
from mzdesk.server import files
from mzdesk.server.admin import create_enrollment
from mzdesk.server.auth import bundle_secret, enroll, find_device
from mzdesk.server.db import ServerDB
from mzdesk.server.errors import SyncError
from mzdesk.server.feed import feed
from mzdesk.server.merge import apply_changes
from mzdesk.server.models import Change, Device, utcnow
from mzdesk.server.schema import check_schema, store_schema


def import_bundle(db: ServerDB, data: bytes) -> dict[str, Any]:
    """A site's bundle: decrypt and verify (outside any transaction: nothing is locked while
    it is inflated), then apply its changes like a push (idempotent)."""
    claimed = bundle_device(data)
    with db.transaction() as session:
        if session.get(Device, claimed) is None:
            raise BundleError("bundle.unknown_device")
    content = read_bundle(data, device_key(bundle_secret(db), claimed), "to_server")
    if str(content.get("device_id")) != str(claimed):
        raise BundleError("bundle.damaged")
    check_schema(content.get("schema"))
    with db.transaction() as session:
        device = session.get(Device, claimed)
        if device is None:
            raise BundleError("bundle.unknown_device")
        if device.revoked_at is not None:
            raise SyncError(403, "device_revoked", "the device that wrote this bundle is revoked")
        changes, cursor, results_seq = site_content(content)
        outcomes = apply_changes(session, device, changes)
        # then its files: the rows that name them are in, so none is refused for order
        file_counts = files.import_files(session, device, content.get("files"))
        device.files_wanted = files.wanted(content.get("files_wanted"))
        device.cursor = max(device.cursor, cursor)
        device.results_seq = max(device.results_seq, results_seq)
        device.last_seen_at = utcnow()
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    return {
        "device": str(claimed),
        "device_name": device.name,
        "changes": len(outcomes),
        **counts,
        **file_counts,
    }


# the fields of a change in a bundle and their JSON types (a push checks the same shape)
_REQUIRED: dict[str, type] = {
    "change_id": str,
    "table": str,
    "row_id": str,
    "institution_id": str,
    "op": str,
    "data": dict,
}
_OPTIONAL: dict[str, type] = {"base_rev": int, "made_at": str, "author": str}
_LONGEST_ID = 64


def site_content(content: dict[str, Any]) -> tuple[list[dict[str, Any]], int, int]:
    """The changes, cursor and results_seq of a site's opened bundle, each of the shape a
    push has; ``BundleError`` (``bundle.malformed``, naming the part) otherwise. A signed
    bundle is authentic, not necessarily well made: nothing in it is trusted unchecked."""
    changes = content.get("changes")
    if not isinstance(changes, list):
        raise BundleError("bundle.malformed", part="changes")
    for number, change in enumerate(changes, 1):
        where = f"changes[{number}]"
        if not isinstance(change, dict):
            raise BundleError("bundle.malformed", part=where)
        for key, kind in (*_REQUIRED.items(), *_OPTIONAL.items()):
            value = change.get(key)
            if value is None and key in _OPTIONAL:
                continue
            if not isinstance(value, kind) or isinstance(value, bool):
                raise BundleError("bundle.malformed", part=f"{where}.{key}")
            if isinstance(value, str) and len(value) > _LONGEST_ID:
                raise BundleError("bundle.malformed", part=f"{where}.{key}")
    return changes, _counter(content, "cursor"), _counter(content, "results_seq")


def _counter(content: dict[str, Any], key: str) -> int:
    value = content.get(key)
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**62:
        raise BundleError("bundle.malformed", part=key)
    return value


def export_bundle(db: ServerDB, device_id: str, limit: int = 1_000_000) -> bytes:
    """Everything the device has not seen: records after its cursor and the outcomes of its
    changes it has not been told about."""
    secret = bundle_secret(db)
    with db.transaction() as session:
        device = find_device(session, device_id)
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
        # the files of the attachments it brings, then those the device said it lacks; and
        # which files the server holds (the device stops offering those)
        named = [
            str(i["data"].get("sha256"))
            for i in items
            if i["table"] == files.ATTACHMENTS and not i["data"].get("deleted_at")
        ]
        carried = files.bundle_files(session, device, [*named, *(device.files_wanted or [])])
        content = {
            "direction": "to_device",
            "schema": f"{store_schema():04d}",
            "device_id": str(device.id),
            "from_cursor": device.cursor,
            "cursor": cursor,
            "items": items,
            "results": results,
            "files": carried,
            "files_held": files.held_for(session, device),
            "server_time": utcnow().isoformat(timespec="seconds") + "Z",
        }
    return write_bundle(device.id, device_key(secret, device.id), content)


def enrol_offline(
    db: ServerDB,
    *,
    institution: str | None = None,
    region: str | None = None,
    device_name: str = "offline site",
) -> tuple[str, bytes]:
    """For a site with no network at all: enrol a device here and now, and write its
    enrolment file — its credentials and everything in its scope — encrypted with a key made
    from the one-time code by a slow derivation (Argon2id; the code is not in the file). The
    file travels on a USB stick, the code separately (phone, letter): the site needs both,
    so a lost stick alone reveals nothing and enrols nobody. The file AND the code together
    are this device's credentials: if both are lost, revoke the device."""
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
    return code, write_enrolment_file(uuid.UUID(reply["device_id"]), code, content)
