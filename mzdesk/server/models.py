"""The central server's own tables (SQLite or PostgreSQL), apart from the client store.

The server does not keep a copy of the client schema: every synced row is a ``records`` row
holding the row's fields as JSON (their wire form), with, per field, the revision and the
device that last wrote it — what field-level merge needs. Two numbers order the writes
(``revisions.py``): ``rev``, taken after the record is locked, so one record's revisions
increase in commit order (what merge compares); and ``pos``, the record's place in the pull
feed, made from the writing transaction's id so that a pull cursor never skips a change that
commits late — without a global lock.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from mzdesk.store.models.base import NAMING_CONVENTION

CONFLICTS = "_conflicts"  # the table name conflict records travel under in the pull feed


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Counter(ServerBase):
    """One row: the last revision handed out (SQLite, whose one writer makes this cheap;
    PostgreSQL takes revisions from the sequence ``record_rev``)."""

    __tablename__ = "counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    rev: Mapped[int] = mapped_column(BigInteger, default=0)


class Setting(ServerBase):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Record(ServerBase):
    """The server's state of one synced row (or of one conflict, table ``_conflicts``)."""

    __tablename__ = "records"
    __table_args__ = (Index("ix_records_institution_pos", "institution_id", "pos"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(50))
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    field_revs: Mapped[dict[str, int]] = mapped_column(JSON)
    field_devices: Mapped[dict[str, str]] = mapped_column(JSON)
    field_meta: Mapped[dict[str, Any]] = mapped_column(JSON)  # who/when wrote each field
    rev: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(default=False)
    pos: Mapped[int] = mapped_column(BigInteger)  # place in the pull feed (revisions.py)
    # the device that wrote every field, if one did (the feed skips a device's own rows)
    last_device: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class InstitutionIndex(ServerBase):
    """Institutions by name, region and 统一社会信用代码, kept from their records (scoping by
    region; the administrator's selection, see server/institutions.py). Only the
    administrator changes these fields; a credit code belongs to one institution."""

    __tablename__ = "institution_index"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str | None] = mapped_column(String(32))
    region_code: Mapped[str | None] = mapped_column(String(12), index=True)
    uscc: Mapped[str | None] = mapped_column(String(18), unique=True)


class Change(ServerBase):
    """Every change id ever received, with its outcome: a change is applied once (sync.md 2)
    and a retry gets the first outcome back. Change ids are the device's own: one device
    reusing another's id neither reads that outcome nor is blocked by it."""

    __tablename__ = "changes"
    __table_args__ = (
        Index("ix_changes_device_seq", "device_id", "seq"),
        UniqueConstraint("device_id", "change_id", name="uq_changes_device_change"),
    )

    seq: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    device_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    table_name: Mapped[str] = mapped_column(String(50))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    op: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(12))  # applied | conflict | rejected
    rev: Mapped[int | None] = mapped_column(BigInteger)
    reason: Mapped[str | None] = mapped_column(Text)
    reason_code: Mapped[str | None] = mapped_column(String(40))
    reason_params: Mapped[dict[str, str] | None] = mapped_column(JSON)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Device(ServerBase):
    """An enrolled device. The token is stored only as its SHA-256 (tokens are 256 random
    bits, so a plain hash is enough); ``revoked_at`` ends its access."""

    __tablename__ = "devices"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    institution_ids: Mapped[list[str]] = mapped_column(JSON)
    region_prefix: Mapped[str | None] = mapped_column(String(12))
    enrolled_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)  # as last reported
    results_seq: Mapped[int] = mapped_column(BigInteger, default=0)  # outcomes it has seen
    # files (SHA-256s) its last USB bundle said it lacks: the next bundle for it brings them
    files_wanted: Mapped[list[str] | None] = mapped_column(JSON)


class Enrollment(ServerBase):
    """A one-time enrolment code (stored hashed) for an institution or a region."""

    __tablename__ = "enrollments"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    institution_ids: Mapped[list[str]] = mapped_column(JSON)
    region_prefix: Mapped[str | None] = mapped_column(String(12))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    device_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class Attempt(ServerBase):
    """Failed attempts with a secret (an enrolment code, a device token) counted per key —
    a client address, or all addresses — in a fixed window that starts at the first failure.
    Kept in the database, so every worker process counts the same attempts."""

    __tablename__ = "attempts"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    window_start: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)


class StoredFile(ServerBase):
    """A photo or signature (server/files.py): its bytes, content-addressed. In the database
    rather than on disk so that every worker process and machine serving one PostgreSQL
    database sees the same files, and a database backup holds them (one file is at most
    ``MAX_ATTACHMENT_BYTES``)."""

    __tablename__ = "stored_files"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(50))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    device_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # who sent it first


class FileReference(ServerBase):
    """An institution has (or had) an attachment row naming this file: what decides which
    devices may upload and download it. Written when the attachment row is pushed, kept when
    the row is deleted (an older version of a record may still show the file). ``private``:
    every attachment of this institution naming it belongs to a child's private record (an
    intake document, core/children.py PRIVATE_FIELDS) — a device that sees the institution
    only through its region (a bureau's laptop) may not have it."""

    __tablename__ = "file_refs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    private: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
