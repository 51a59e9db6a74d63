"""Revisions and feed positions: the two numbers every record write gets.

- ``rev`` is what field-level merge compares (a field written at a revision newer than the
  change's ``base_rev``). It must increase, for one record, in the order its writes commit:
  it is taken *after* the record is locked (merge.py), from the sequence ``record_rev`` on
  PostgreSQL (no lock: pushes do not queue on one counter row) and from the ``counter`` row
  on SQLite (one writer at a time anyway).
- ``pos`` is the record's place in the pull feed. A cursor must never pass a write that
  commits later, yet pushes commit in any order. On PostgreSQL ``pos`` is made from the
  writing transaction's id, ``POS_BASE + (xid << POS_BITS) + n`` (n counts the transaction's
  writes), and the feed returns only positions below the *horizon*: the position of the
  oldest transaction still running (``pg_snapshot_xmin``). Every transaction older than that
  has finished, and every later write gets a larger xid, so nothing can ever appear below a
  position a pull has already passed. On SQLite writers take turns, so ``pos`` comes from the
  counter too and there is no horizon.

Rows written before positions existed kept their ``rev`` as ``pos`` (all below ``POS_BASE``),
so cursors handed out before stay valid.
"""

from __future__ import annotations

import itertools
import uuid
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from mzdesk.server.errors import SyncError
from mzdesk.server.models import Counter, Record

POS_BITS = 20  # writes one transaction may make: 2**20 - 1
POS_BASE = 1 << 40  # above every revision handed out before positions existed
REV_SEQUENCE = "record_rev"


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


class Revisions:
    """Hands out revisions and feed positions for one transaction: use :func:`revisions`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.postgres = is_postgres(session)
        self.counter: Counter | None = None
        self._revs: list[int] = []
        self._xid: int | None = None
        self._writes = 0
        self.placed: set[uuid.UUID] = set()  # records given a position in this transaction

    def reserve(self, count: int) -> None:
        """Take ``count`` revisions in one round trip (call after locking the records)."""
        if self.postgres and count > len(self._revs):
            self._revs.extend(
                sorted(
                    self.session.connection().scalars(
                        text(f"SELECT nextval('{REV_SEQUENCE}') FROM generate_series(1, :n)"),
                        {"n": count - len(self._revs)},
                    ),
                    reverse=True,
                )
            )

    def next(self) -> int:
        """A new revision, larger than any committed before it was taken."""
        if self.postgres:
            if not self._revs:
                self.reserve(16)
            return self._revs.pop()
        return self._count()

    def position(self) -> int:
        """A feed position for a record written in this transaction."""
        if not self.postgres:
            return self._count()
        if self._xid is None:
            self._xid = int(
                self.session.connection().scalar(text("SELECT pg_current_xact_id()::text::bigint"))
                or 0
            )
        self._writes += 1
        if self._writes >= 1 << POS_BITS:
            raise SyncError(
                413,
                "too_large",
                f"one request may write at most {(1 << POS_BITS) - 1} records; send it in parts",
            )
        return POS_BASE + (self._xid << POS_BITS) + self._writes

    def _count(self) -> int:
        if self.counter is None:
            self.counter = self.session.execute(
                select(Counter).where(Counter.id == 1).with_for_update()
            ).scalar_one()
        self.counter.rev += 1
        return self.counter.rev


def revisions(session: Session) -> Revisions:
    """The transaction's one :class:`Revisions` (sessions here live for one transaction)."""
    transaction = session.get_transaction()
    found = session.info.get("revisions")
    if found is None or found[0] is not transaction:
        found = (transaction, Revisions(session))
        session.info["revisions"] = found
    return found[1]


def sole_writer(record: Record) -> uuid.UUID | None:
    """The device that wrote every field of a record, if one did (a field the administrator
    wrote on the server has no device: then none did)."""
    devices = record.field_devices or {}
    if not devices.keys() >= (record.data or {}).keys():
        return None
    writers = set(devices.values())
    return uuid.UUID(writers.pop()) if len(writers) == 1 else None


def place_records(session: Session, flush_context: Any, instances: Any) -> None:
    """Before every flush: each record written in this transaction gets its feed position
    (once per transaction) and the device that wrote all of its fields, if one did. Every
    writer of records — push, bundle import, administration — gets this without asking."""
    found: Revisions | None = None
    for obj in itertools.chain(session.new, session.dirty):
        if not isinstance(obj, Record):
            continue
        found = found or revisions(session)
        if obj.id not in found.placed:
            obj.pos = found.position()
            found.placed.add(obj.id)
        only = sole_writer(obj)
        if obj.last_device != only:
            obj.last_device = only


DEFERRED = "revisions.deferred"


def defer_insert(session: Session, record: Record) -> None:
    """A new record kept out of the ORM session (cheaper) and inserted by
    :func:`insert_deferred` with the others of its batch, in its final state."""
    session.info.setdefault(DEFERRED, []).append(record)


def insert_deferred(session: Session, *, discard: bool = False) -> None:
    """One bare INSERT of the deferred new records, each with its feed position."""
    created: list[Record] = session.info.pop(DEFERRED, [])
    if discard or not created:
        return
    found = revisions(session)
    session.execute(
        insert(Record),
        [
            {
                "id": r.id,
                "table_name": r.table_name,
                "institution_id": r.institution_id,
                "data": r.data,
                "field_revs": r.field_revs,
                "field_devices": r.field_devices,
                "field_meta": r.field_meta,
                "rev": r.rev,
                "deleted": r.deleted,
                "pos": found.position(),
                "last_device": sole_writer(r),
            }
            for r in created
        ],
    )


def horizon(session: Session) -> int | None:
    """Feed positions below this are final: no running transaction can still write one.
    None on SQLite (one writer, and a reader sees only what has committed)."""
    if not is_postgres(session):
        return None
    with session.no_autoflush:
        xmin = int(
            session.scalar(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"))
            or 0
        )
    return POS_BASE + (xmin << POS_BITS)
