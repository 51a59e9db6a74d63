"""Throttling guesses at secrets: enrolment codes and device tokens (issue 10).

Failures are counted in the server's database (``attempts``), per client address and — for
enrolment codes — over all addresses, in a fixed window that starts at the first failure
(:data:`~mzdesk.core.limits.ATTEMPT_WINDOW_SECONDS`). Once a count reaches its limit:

- **enrolment** is refused for everyone the limit covers, a right code included, with 429
  ``too_many_attempts`` and ``Retry-After`` until the window ends. Were a right code
  accepted meanwhile, the 429s would only tell a guesser which guesses were wrong — and
  they would go on guessing at full speed;
- a **bad token** (or a bundle whose key does not match) is answered 429 instead of 401.
  Tokens and bundle keys hold 256 random bits, beyond guessing; this limits the cost of a
  flood and tells its sender to stop, without an extra query on every authenticated call.

Counting in the database (not in a process's memory) keeps it right with several worker
processes and several machines: every increment is one row, created race-free and updated
under its row lock (PostgreSQL) or the write lock (SQLite).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import math
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from mzdesk.core import limits
from mzdesk.server.db import ServerDB
from mzdesk.server.errors import SyncError
from mzdesk.server.models import Attempt, utcnow

WINDOW = dt.timedelta(seconds=limits.ATTEMPT_WINDOW_SECONDS)


@dataclass(frozen=True)
class Bucket:
    key: str
    limit: int


def client(address: str) -> str:
    """Who a failure is counted against: the client's IPv4 address, or its IPv6 /64 (one
    subscriber holds a whole /64, so counting single IPv6 addresses would count nothing)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:80]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def enrolment(address: str) -> tuple[Bucket, ...]:
    return (
        Bucket(f"enrol:{client(address)}", limits.MAX_ENROL_FAILURES_PER_ADDRESS),
        Bucket("enrol:*", limits.MAX_ENROL_FAILURES_ALL),
    )


def credentials(address: str) -> tuple[Bucket, ...]:
    return (Bucket(f"token:{client(address)}", limits.MAX_TOKEN_FAILURES_PER_ADDRESS),)


class TooManyAttempts(SyncError):
    """429: the client must wait ``retry_after`` seconds (sent as ``Retry-After``)."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            429,
            "too_many_attempts",
            f"too many failed attempts; try again in {retry_after} s",
        )
        self.retry_after = retry_after


def _wait(row: Attempt, limit: int, now: dt.datetime) -> int | None:
    """Seconds until ``row``'s window ends when its failures have reached ``limit``."""
    ends = row.window_start + WINDOW
    if ends <= now or row.failures < limit:
        return None
    return max(1, math.ceil((ends - now).total_seconds()))


def check(db: ServerDB, buckets: Sequence[Bucket]) -> None:
    """Refuse (``TooManyAttempts``) while any of ``buckets`` is full."""
    limit_of = {b.key: b.limit for b in buckets}
    now = utcnow()
    with db.transaction() as session:
        rows = session.scalars(select(Attempt).where(Attempt.key.in_(limit_of))).all()
        waits = [w for row in rows if (w := _wait(row, limit_of[row.key], now)) is not None]
    if waits:
        raise TooManyAttempts(max(waits))


def failed(db: ServerDB, buckets: Sequence[Bucket]) -> int | None:
    """Count one failure in each of ``buckets`` (committed at once, whatever the request
    answers); the seconds to wait when one of them is now over its limit, else ``None``."""
    now = utcnow()
    waits = []
    with db.transaction() as session:
        for bucket in buckets:
            row = _counted(session, bucket.key, now)
            if row.failures > bucket.limit:
                waits.append(_wait(row, bucket.limit, now) or 1)
    return max(waits) if waits else None


def _counted(session: Session, key: str, now: dt.datetime) -> Attempt:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(Attempt)
        .values(key=key, window_start=now, failures=0)
        .on_conflict_do_nothing(index_elements=["key"])
    )
    row = session.scalars(select(Attempt).where(Attempt.key == key).with_for_update()).one()
    if row.window_start + WINDOW <= now:  # the window is over: a new one starts now
        row.window_start = now
        row.failures = 0
    if row.failures == 0:  # a new window: forget the windows that are over
        session.execute(
            delete(Attempt).where(Attempt.window_start < now - WINDOW, Attempt.key != key)
        )
    row.failures += 1
    session.flush()
    return row
