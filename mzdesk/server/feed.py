"""Pull: the paged feed of records a device has not seen, in feed-position order.

The cursor is a feed position (revisions.py): a page holds records of the device's
institutions placed after the cursor and below the horizon (on PostgreSQL, the position of
the oldest transaction still running), so a write that commits late can never land behind a
cursor already handed out. Rows whose every field this device wrote last are skipped in the
query itself; the cursor still moves past them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from mzdesk.server.auth import authenticate, device_scope
from mzdesk.server.db import ServerDB
from mzdesk.server.institutions import for_device
from mzdesk.server.models import Device, Record
from mzdesk.server.revisions import horizon


def pull(
    db: ServerDB, token: str | None, cursor: int, limit: int
) -> tuple[list[dict[str, Any]], int, bool]:
    """Records of the device's institutions changed after ``cursor``, oldest first."""
    with db.transaction() as session:
        below = horizon(session)  # first: before this transaction writes anything
        device = authenticate(session, token)
        items, next_cursor, more = feed(session, device, cursor, limit, below)
        if cursor > device.cursor:
            device.cursor = cursor
        return items, next_cursor, more


def feed(
    session: Session, device: Device, cursor: int, limit: int, below: int | None = None
) -> tuple[list[dict[str, Any]], int, bool]:
    if below is None:
        below = horizon(session)
    scope = device_scope(session, device)
    if not scope:
        return [], cursor, False
    window = [Record.pos > cursor, Record.institution_id.in_(scope)]
    if below is not None:
        window.append(Record.pos < below)
    rows = session.execute(
        select(
            Record.pos,
            Record.table_name,
            Record.id,
            Record.institution_id,
            Record.rev,
            Record.data,
        )
        .where(
            *window,
            # a row whose every field this device wrote last holds nothing it does not have
            or_(Record.last_device.is_(None), Record.last_device != device.id),
        )
        .order_by(Record.pos)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]  # every record has a position of its own, so a page ends cleanly
    items = [
        {
            "table": r.table_name,
            "id": str(r.id),
            "institution_id": str(r.institution_id),
            "rev": r.rev,
            "data": r.data,
        }
        for r in rows
    ]
    if more:
        return for_device(device, items), rows[-1].pos, True
    # the end of the feed: past this device's own rows too, so they are not looked at again
    last = session.scalar(select(func.max(Record.pos)).where(*window))
    return for_device(device, items), max(cursor, last or cursor), False
