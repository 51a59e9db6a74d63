"""Backups as use cases: one now, the automatic ones (daily, on close, before a change),
the list, the settings, and a restore (administrators). The mechanics are store/backup/.

Anyone who opened the database may back it up (a backup changes nothing and is encrypted with
the same key); restoring, and moving the backups or changing how many are kept, are the
administrator's (``Permission.BACKUPS_MANAGE``)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from mzdesk.core.errors import loggable
from mzdesk.core.i18n import text
from mzdesk.core.permissions import Actor, Permission
from mzdesk.services.operations import operation
from mzdesk.store.backup import hooks, layout, making, restoring
from mzdesk.store.backup.layout import BackupInfo, BackupSettings, Keep
from mzdesk.store.backup.making import BackupFailed
from mzdesk.store.engine import Store

__all__ = ["BackupFailed", "BackupInfo", "BackupSettings", "Keep", "RestoreResult"]

log = logging.getLogger("mzdesk.backups")
DAY = dt.timedelta(days=1)


def kind_label(kind: str) -> str:
    return text(f"backup.kind.{kind}")


def _path(store: Store) -> Path | None:
    return store.path


def backups_of(store: Store) -> list[BackupInfo]:
    path = _path(store)
    return layout.list_backups(path) if path is not None else []


def settings_of(store: Store) -> BackupSettings:
    path = _path(store)
    if path is None:
        raise ValueError("an in-memory store has no backups")
    return layout.read_settings(path)


def settings_of_path(db_path: Path) -> BackupSettings:
    return layout.read_settings(db_path)


@operation(Permission.BACKUPS_MANAGE)
def change_settings(store: Store, actor: Actor, settings: BackupSettings) -> None:
    path = _path(store)
    if path is None:
        raise ValueError("an in-memory store has no backups")
    layout.write_settings(path, settings)


def back_up(store: Store, kind: str = layout.MANUAL) -> BackupInfo:
    """Make a backup now (verified), then apply the rotation. BackupFailed when it fails."""
    path = _path(store)
    if path is None:
        raise ValueError("an in-memory store has no backups")
    settings = layout.read_settings(path)
    info = making.make_backup(path, hooks.engine_connect(store.engine), kind, settings)
    making.rotate(path, settings)
    return info


def backup_if_changed(store: Store, *, older_than: dt.timedelta | None = None) -> BackupInfo | None:
    """The automatic backup: made when the database changed since the newest backup (and,
    with ``older_than``, only when the newest daily or manual one is older than that). None
    when none was due."""
    path = _path(store)
    if path is None:
        return None
    backups = layout.list_backups(path)
    newest = backups[0] if backups else None
    if not making.changed_since(path, newest):
        return None
    if older_than is not None:
        rotated = [b for b in backups if b.kind in layout.ROTATED]
        if rotated and dt.datetime.now(dt.UTC) - rotated[0].created < older_than:
            return None
    return back_up(store, layout.AUTO)


def backup_daily(store: Store) -> BackupInfo | None:
    """At start and from the app's daily timer: a backup when the newest is a day old."""
    return backup_if_changed(store, older_than=DAY)


def backup_on_close(store: Store) -> BackupInfo | None:
    """When the app closes; a failure is logged (the app is going away: nobody to ask)."""
    try:
        return backup_if_changed(store)
    except BackupFailed as error:
        log.warning("backup on close failed: %s", loggable(error))
        return None


def before_import(store: Store) -> BackupInfo | None:
    return hooks.before_change(store.engine, "import")


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    before: BackupInfo | None  # the backup of the database as it was (None: moved aside)


@operation(Permission.BACKUPS_MANAGE)
def restore_backup(
    store: Store, actor: Actor, backup: BackupInfo, *, backup_key: bytes | None = None
) -> RestoreResult:
    """Put ``backup`` in place of the store's database. The store is closed first and must
    not be used afterwards: the caller opens the database again (the app restarts)."""
    path = _path(store)
    if path is None or store.key is None:
        raise ValueError("an in-memory store has no backups")
    key = store.key
    store.close()
    before = restoring.restore(path, backup, key, backup_key=backup_key)
    return RestoreResult(backup, before)


def newest_good_backup(db_path: Path, key: bytes) -> BackupInfo | None:
    return restoring.newest_good_backup(db_path, key)


def restore_damaged(db_path: Path, backup: BackupInfo, key: bytes) -> RestoreResult:
    """At start, for a database that failed its check (nobody could log in to it: the key is
    the one the login unwrapped from the slot file, which proves the right to it)."""
    return RestoreResult(backup, restoring.restore(db_path, backup, key))


def size_text(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"
