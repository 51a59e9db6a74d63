"""The sync status this device shows: enrolment, last sync, what waits, clock drift."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from mzdesk.store.engine import Store
from mzdesk.store.models import OutboxEntry, SyncConflict
from mzdesk.store.outbox import UNSENT
from mzdesk.sync.device import get_setting
from mzdesk.sync.files import pending_files

CLOCK_WARNING_SECONDS = 300


def sync_status(store: Store) -> dict[str, Any]:
    files = pending_files(store)
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
            # photos and signatures still to send to the server / to fetch from it
            "files_to_send": len(files.to_send),
            "files_to_fetch": len(files.to_fetch),
        }
