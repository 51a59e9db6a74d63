"""Who changed what, when: the audit trail and the login counters. Local to this device."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, DateTime, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.store.models.base import Base, utcnow


class AuditEntry(Base):
    """One change to one record (or one look at a full ID number), written in the same
    transaction as the change.

    ``changes`` maps each field to ``[old, new]`` as JSON values (``old`` is null for a new
    record); secrets (password hashes) are recorded as changed without their values.
    ``user_name`` is kept as it was at the time, so the trail reads the same after a rename.
    ``action``: create | update | delete | reveal.
    """

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_row", "row_id", "seq"),
        Index("ix_audit_log_user", "user_id", "seq"),
    )

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    user_name: Mapped[str] = mapped_column(String(50))
    institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    table_name: Mapped[str] = mapped_column(String(50))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    action: Mapped[str] = mapped_column(String(10))
    changes: Mapped[dict[str, Any]] = mapped_column(JSON)


class LoginAttempt(Base):
    """Failed logins of one user on this device, and until when the account is locked."""

    __tablename__ = "login_attempts"

    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
