"""USB sync for sites without a network (sync.md 8): this device's side of bundle files."""

from __future__ import annotations

from typing import Any

from mzdesk.core.bundle import (
    BundleError,
    bundle_device,
    enrolment_key,
    read_bundle,
    write_bundle,
)
from mzdesk.core.permissions import Actor, Permission
from mzdesk.store.engine import Store
from mzdesk.sync import device, feed, outbox


def export_bundle(store: Store, actor: Actor) -> tuple[bytes, int]:
    """Every change not yet acknowledged, with this device's cursor, signed with its key.
    The changes stay in the outbox until the server's answer comes back (by network or by a
    bundle from the server)."""
    actor.require(Permission.SYNC_RUN)
    with store.read() as session:
        enrolment = device.enrolment(session)
        if enrolment is None:
            raise BundleError("bundle.not_enrolled")
        cursor = int(device.get_setting(session, "cursor", 0))
        results_seq = int(device.get_setting(session, "results_seq", 0))
    changes = outbox.outbox_batch(store, 10_000_000)
    content = {
        "direction": "to_server",
        "schema": device.schema_version(),
        "device_id": str(enrolment.device_id),
        "cursor": cursor,
        "results_seq": results_seq,
        "changes": changes,
    }
    return write_bundle(enrolment.device_id, enrolment.bundle_key, content), len(changes)


def import_bundle(store: Store, actor: Actor, data: bytes) -> dict[str, Any]:
    """A bundle from the server: verify it is for this device and untouched, then apply its
    records and the server's answers to our changes. Importing it again changes nothing."""
    actor.require(Permission.SYNC_RUN)
    with store.read() as session:
        enrolment = device.enrolment(session)
    if enrolment is None:
        raise BundleError("bundle.not_enrolled")
    if bundle_device(data) != enrolment.device_id:
        raise BundleError("bundle.other_device")
    content = read_bundle(data, enrolment.bundle_key)
    if content.get("direction") != "to_device":
        raise BundleError("bundle.for_server")
    if str(content.get("device_id")) != str(enrolment.device_id):
        raise BundleError("bundle.other_device")
    items = content.get("items")
    results = content.get("results")
    if not isinstance(items, list) or not isinstance(results, list):
        raise BundleError("bundle.damaged")
    with store.apply_remote() as session:
        cursor = int(device.get_setting(session, "cursor", 0))
        if int(content.get("from_cursor") or 0) > cursor:
            raise BundleError("bundle.earlier_missing")
        counts = feed.apply_items(session, items)
        outcomes = outbox.record_outcomes(session, results)
        device.set_setting(session, "cursor", max(cursor, int(content.get("cursor") or 0)))
        seqs = [int(r.get("seq") or 0) for r in results]
        previous = int(device.get_setting(session, "results_seq", 0))
        device.set_setting(session, "results_seq", max([previous, *seqs]))
    return {"items": len(items), **counts, **outcomes}


def enrol_from_file(store: Store, actor: Actor, data: bytes, code: str) -> dict[str, Any]:
    """Enrol with an offline enrolment file from the server plus its one-time code, and take
    in the records it carries. From then on the site syncs by bundles (or by network once
    it has one: ``mzdesk sync --server URL``)."""
    actor.require(Permission.INSTITUTION_EDIT)
    content = read_bundle(data, enrolment_key(code))
    if content.get("direction") != "enrolment":
        raise BundleError("bundle.not_enrolment_file")
    with store.read() as session:
        if device.enrolment(session) is not None:
            raise BundleError("bundle.already_enrolled")
    device.save_enrolment(store, None, content)
    with store.apply_remote() as session:
        counts = feed.apply_items(session, list(content.get("items") or []))
        device.set_setting(session, "cursor", int(content.get("cursor") or 0))
    return {"device_id": content["device_id"], "items": len(content.get("items") or []), **counts}
