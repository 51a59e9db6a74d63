"""Locks that order concurrent writes to the same records (several requests, several
``mzdesk serve`` workers): whoever writes a record holds its lock from before reading it
until commit, so no write is ever made from a stale read."""

from __future__ import annotations

import uuid

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from mzdesk.server.models import Record
from mzdesk.server.revisions import is_postgres


def lock_records(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, Record]:
    """Lock the records with these ids — existing or not yet — and read them.

    Whoever writes a record holds its lock from before reading it until commit, so no write
    is made from a stale read. Locks are taken in id order (no cycles between pushes). On
    SQLite the transaction's write lock already excludes every other writer."""
    wanted = sorted(i for i in ids if i.int)
    if not wanted:
        return {}
    if is_postgres(session):
        # an id not on the server yet has no row to lock: an advisory lock on the id stands
        # for it (and, taken for every id, orders pushes that meet on the same records)
        session.execute(
            text(
                "SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[]))"
                " WITH ORDINALITY AS t(k, n) ORDER BY n"
            ),
            {"keys": [lock_key(i) for i in wanted]},
        )
    return {
        r.id: r
        for r in session.scalars(
            select(Record).where(Record.id.in_(wanted)).order_by(Record.id).with_for_update()
        )
    }


def lock_key(row_id: uuid.UUID) -> int:
    """A signed 64-bit advisory lock key for a row id (a collision only makes two pushes
    take turns)."""
    key = (row_id.int ^ (row_id.int >> 64)) & ((1 << 64) - 1)
    return key - (1 << 64) if key >= 1 << 63 else key
