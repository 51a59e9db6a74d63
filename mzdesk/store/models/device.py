"""Tables that belong to this device only: the outbox, device settings and the statistics
cache. Never synced."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.store.models.base import Base, utcnow


class OutboxEntry(Base):
    """One local change waiting to be pushed (sync.md guarantee 1).

    Written in the same transaction as the change itself. ``change_id`` is the client-made id
    the server applies once (guarantee 2). ``data`` holds only the fields that changed, as
    JSON values. ``base_rev`` is the row's ``server_rev`` when the change was made.
    ``state``: pending → sent → acked, or quarantined with ``error`` (never deleted).
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_seq", "state", "seq"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)
    table_name: Mapped[str] = mapped_column(String(50))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    op: Mapped[str] = mapped_column(String(10))  # insert | update | delete
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    base_rev: Mapped[int | None]
    # the user who made the change (None: the program or a database being set up); the server
    # checks that this user may make changes to roles and passwords
    author_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, default=None)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(12), default="pending")
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(default=0)


class DeviceSetting(Base):
    """Key-value settings of this installation (device id, sync cursor, language …)."""

    __tablename__ = "device_settings"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class StatVersion(Base):
    """Bumped by triggers whenever an institution's beds, bed history, stays or residents
    change (any writer: services, imports, sync). A statistics snapshot is valid while the
    version it was computed at is still current."""

    __tablename__ = "stat_versions"

    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    version: Mapped[int] = mapped_column(default=0)


class StatSnapshot(Base):
    """One institution's bed and resident figures as of ``day`` (a cache, never synced)."""

    __tablename__ = "stat_snapshots"

    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    version: Mapped[int]
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)
    computed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)


class SyncConflict(Base):
    """A same-field conflict the server recorded (sync.md 3), as pulled from it: which value
    it applied (the later arrival) and which it kept aside, who and when, and whether
    someone has resolved it. Replaced whenever the server sends a newer state."""

    __tablename__ = "sync_conflicts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    table_name: Mapped[str] = mapped_column(String(50))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    field: Mapped[str] = mapped_column(String(50))
    applied: Mapped[dict[str, Any]] = mapped_column(JSON)  # value, device, user, at
    overwritten: Mapped[dict[str, Any]] = mapped_column(JSON)
    resolved: Mapped[bool] = mapped_column(default=False)
    resolution: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    rev: Mapped[int]
