"""Backups before a change that cannot be undone: a migration, an import, an adoption.

Each is called with the store's SQLAlchemy engine, whose connections already hold the
database key, so the copy is made and verified without the key passing through the caller."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from mzdesk.store.backup import layout, making
from mzdesk.store.backup.layout import BackupInfo


def engine_connect(engine: Engine) -> making.Connect:
    """Connections for :func:`making.make_backup` from ``engine``'s pool (closing one gives it
    back to the pool)."""

    def connect() -> Any:
        return engine.raw_connection()

    return connect


def before_change(engine: Engine, kind: str) -> BackupInfo | None:
    """A ``before-<kind>`` backup, kept apart from the rotation (the last ``keep.before`` of
    each kind). BackupFailed stops the change: better no import than an import with no way
    back. None for an in-memory database (tests) or a new, empty one."""
    database = engine.url.database
    if not database or database == ":memory:":
        return None
    path = Path(database)
    if not path.exists() or path.stat().st_size == 0:
        return None
    settings = layout.read_settings(path)
    info = making.make_backup(path, engine_connect(engine), f"before-{kind}", settings)
    making.rotate(path, settings)
    return info
