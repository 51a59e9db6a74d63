"""Pull: the paged feed of records a device has not seen, in revision order."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.server.auth import authenticate, device_scope
from mzdesk.server.db import ServerDB
from mzdesk.server.institutions import for_device
from mzdesk.server.models import Device, Record


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
    scope = device_scope(session, device)
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
        # A row whose every field this device wrote last holds nothing it does not have
        # (a field the administrator wrote on the server has no device: it must be sent).
        if not (
            r.field_devices
            and r.field_devices.keys() >= r.data.keys()
            and all(d == me for d in r.field_devices.values())
        )
    ]
    return for_device(device, items), (rows[-1].rev if rows else cursor), more
