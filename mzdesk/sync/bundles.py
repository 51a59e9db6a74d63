"""USB sync for sites without a network (sync.md 8): this device's side of bundle files."""

from __future__ import annotations

import uuid
from typing import Any

from mzdesk.core.bundle import (
    BundleError,
    bundle_device,
    read_bundle,
    read_enrolment_file,
    write_bundle,
)
from mzdesk.core.permissions import Actor, Permission
from mzdesk.store.engine import Store
from mzdesk.sync import device, feed, files, outbox


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
    carried, lacking = files.for_bundle(store)
    content = {
        "direction": "to_server",
        "schema": device.schema_version(),
        "device_id": str(enrolment.device_id),
        "cursor": cursor,
        "results_seq": results_seq,
        "changes": changes,
        "files": carried,  # photos and signatures the server may lack
        "files_wanted": lacking,  # those this device lacks: the server's next bundle brings them
    }
    return write_bundle(enrolment.device_id, enrolment.bundle_key, content), len(changes)


def import_bundle(store: Store, actor: Actor, data: bytes) -> dict[str, Any]:
    """A bundle from the server: verify it is for this device and untouched, then apply its
    records and the server's answers to our changes. Importing it again changes nothing.

    An older bundle than what this device already has (its records end before this
    device's cursor: a newer bundle or a network sync came in since) is refused whole, with
    ``bundle.older``: its records are older states of rows this device already holds newer,
    and applying them would silently put the old values back. Nothing in it is lost — what
    it carried came later too. Refusing (rather than applying only its newer rows) keeps a
    single rule a person can understand: import the newest bundle."""
    actor.require(Permission.SYNC_RUN)
    with store.read() as session:
        enrolment = device.enrolment(session)
    if enrolment is None:
        raise BundleError("bundle.not_enrolled")
    if bundle_device(data) != enrolment.device_id:
        raise BundleError("bundle.other_device")
    content = read_bundle(data, enrolment.bundle_key, "to_device")
    if str(content.get("device_id")) != str(enrolment.device_id):
        raise BundleError("bundle.other_device")
    items, results = _records(content), _results(content)
    start, end = _number(content.get("from_cursor")), _number(content.get("cursor"))
    with store.apply_remote() as session:
        cursor = int(device.get_setting(session, "cursor", 0))
        if start > cursor:
            raise BundleError("bundle.earlier_missing")
        if end < cursor:
            raise BundleError("bundle.older")
        counts = feed.apply_items(session, items)
        outcomes = outbox.record_outcomes(session, results)
        device.set_setting(session, "cursor", max(cursor, end))
        seqs = [_number(r.get("seq")) for r in results]
        previous = int(device.get_setting(session, "results_seq", 0))
        device.set_setting(session, "results_seq", max([previous, *seqs]))
        kept = files.take_from_bundle(
            store, session, content.get("files"), content.get("files_held")
        )
    return {"items": len(items), **counts, **outcomes, "files": kept}


def enrol_from_file(store: Store, actor: Actor, data: bytes, code: str) -> dict[str, Any]:
    """Enrol with an offline enrolment file from the server plus its one-time code, and take
    in the records it carries. From then on the site syncs by bundles (or by network once
    it has one: ``mzdesk sync --server URL``)."""
    actor.require(Permission.INSTITUTION_EDIT)
    content = read_enrolment_file(data, code)
    if str(content.get("device_id")) != str(bundle_device(data)):
        raise BundleError("bundle.damaged")
    with store.read() as session:
        if device.enrolment(session) is not None:
            raise BundleError("bundle.already_enrolled")
    items, cursor = _records(content), _number(content.get("cursor"))
    if not all(isinstance(content.get(k), str) for k in ("token", "bundle_key")) or not (
        isinstance(content.get("institutions"), list)
    ):
        raise BundleError("bundle.damaged")
    device.save_enrolment(store, None, content)
    with store.apply_remote() as session:
        counts = feed.apply_items(session, items)
        device.set_setting(session, "cursor", cursor)
    return {"device_id": content["device_id"], "items": len(items), **counts}


# The content of a bundle is authenticated, so only the server (or someone holding this
# device's key) wrote it; still, a damaged one is refused with a message, not a traceback.
def _number(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise BundleError("bundle.damaged")
    return value


def _records(content: dict[str, Any]) -> list[dict[str, Any]]:
    items = content.get("items")
    if not isinstance(items, list):
        raise BundleError("bundle.damaged")
    for item in items:
        if not (
            isinstance(item, dict)
            and isinstance(item.get("table"), str)
            and isinstance(item.get("data", {}), dict)
            and isinstance(item.get("institution_id", ""), str)
        ):
            raise BundleError("bundle.damaged")
        _number(item.get("rev"))
        for key in ("id", "institution_id"):
            try:
                uuid.UUID(str(item.get(key)))
            except ValueError as error:
                raise BundleError("bundle.damaged") from error
    return items


def _results(content: dict[str, Any]) -> list[dict[str, Any]]:
    results = content.get("results")
    if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
        raise BundleError("bundle.damaged")
    return results
