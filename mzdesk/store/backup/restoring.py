"""Restoring a backup, and finding the newest good one when the database is damaged.

A restore never leaves a half-restored database: the backup is copied to a temporary file
beside the database, fsynced and verified (it opens with the key, passes its check and holds
the rows its manifest recorded), the current database's log is emptied into it and removed,
and only then is the copy renamed over the database (one atomic rename). Before that, the
current database is itself backed up (``before-restore``); a current database too damaged to
back up is moved aside as ``<name>.damaged-<time>`` instead, never deleted.

Passwords: the key-slot file of the current database is kept when its key opens the backup
(the usual case: the key never changes), so restoring an old backup does not bring back old
passwords, nor remove users' passwords set since; the backup's own slot file comes back only
when the current key cannot open the backup (a backup of another database, or of this one
before it was re-created), which the caller unlocked with a password of that backup.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

from mzdesk.store import cipher, keys
from mzdesk.store.backup import layout, making
from mzdesk.store.backup.layout import BackupInfo, BackupSettings
from mzdesk.store.backup.making import BackupFailed


def opens_with(backup: BackupInfo, key: bytes) -> bool:
    """Whether ``key`` opens ``backup`` and it passes SQLite's quick check."""
    return cipher.quick_check(backup.database, key)


def backup_key(backup: BackupInfo, login: Callable[[], tuple[str, str]]) -> bytes:
    """The key of a backup made with another key (or restored where no database is left), from
    its own slot file and a login of it (``login`` is asked only when needed).
    keys.KeyError_ when the password opens nothing there."""
    slots = keys.read_slots(backup.database)
    if slots is None:
        raise keys.KeyError_("store.keys.missing", file=keys.slots_path(backup.database).name)
    key = keys.unlock_open(slots)
    if key is not None:
        return key
    username, password = login()
    return keys.unlock_with_password(slots, username, password)[0]


def newest_good_backup(
    db_path: Path, key: bytes, settings: BackupSettings | None = None
) -> BackupInfo | None:
    """The newest backup of ``db_path`` that ``key`` opens and that passes the quick check."""
    folder = (settings or layout.read_settings(db_path)).folder
    for backup in layout.list_backups(db_path, folder):
        if opens_with(backup, key):
            return backup
    return None


def restore(
    db_path: Path,
    backup: BackupInfo,
    key: bytes,
    *,
    backup_key: bytes | None = None,
    settings: BackupSettings | None = None,
) -> BackupInfo | None:
    """Put ``backup`` in place of the database at ``db_path`` (every connection to it must be
    closed). ``key`` is the current database key; ``backup_key`` the backup's, when another.
    Returns the ``before-restore`` backup made of the current database (None when there was no
    database, or it was too damaged and was moved aside). BackupFailed when the backup does
    not verify: the current database is then untouched."""
    settings = settings or layout.read_settings(db_path)
    used = backup_key or key
    if not opens_with(backup, used):
        raise BackupFailed("backup.restore_wrong_key", name=backup.path.name)
    before = _save_current(db_path, key, settings)
    tmp = db_path.with_name(f".{db_path.name}.{secrets.token_hex(4)}.restoring")
    try:
        cipher.create_private_file(tmp)
        with backup.database.open("rb") as source, tmp.open("wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        connection = cipher.connect(tmp, used)
        try:
            problem = making.check_schema(connection, "main", "quick_check", backup.counts)
        finally:
            connection.close()
        if problem is not None:
            raise BackupFailed("backup.failed_verify", reason=problem)
        _empty_log(db_path, key)
        for suffix in ("-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        tmp.replace(db_path)
        layout.fsync_dir(db_path.parent)
    finally:
        tmp.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            tmp.with_name(tmp.name + suffix).unlink(missing_ok=True)
    if (backup_key is not None and backup_key != key) or keys.read_slots(db_path) is None:
        slots = keys.read_slots(backup.database)
        if slots is not None:
            keys.write_slots(db_path, slots)
    _bring_back_files(db_path, settings)
    return before


def _empty_log(db_path: Path, key: bytes) -> None:
    """Make sure nothing committed lives only in the -wal, which is removed before the rename
    (an old log beside the new database would be replayed into it). BackupFailed when the log
    cannot be emptied: another connection is still reading or writing."""
    wal = db_path.with_name(db_path.name + "-wal")
    if not db_path.exists() or not wal.exists() or wal.stat().st_size == 0:
        return
    connection = cipher.connect(db_path, key)
    try:
        busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        connection.close()
    if busy or (wal.exists() and wal.stat().st_size):
        raise BackupFailed("backup.failed_busy")


def _save_current(db_path: Path, key: bytes, settings: BackupSettings) -> BackupInfo | None:
    if not db_path.exists():
        return None

    def connect() -> object:
        return cipher.connect(db_path, key)

    try:
        return making.make_backup(db_path, connect, "before-restore", settings)
    except BackupFailed:
        if cipher.quick_check(db_path, key):
            raise  # a good database that cannot be backed up (disk full …): do not go on
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        source = db_path.with_name(db_path.name + suffix)
        if source.exists():
            source.replace(db_path.with_name(f"{db_path.name}.damaged-{stamp}{suffix}"))
    layout.fsync_dir(db_path.parent)
    return None


def _bring_back_files(db_path: Path, settings: BackupSettings) -> int:
    """Copy back the photos and signatures the live folder lacks (a restore must not bring
    back rows whose files are gone)."""
    mirror = settings.folder / (db_path.stem + ".files")
    live = db_path.with_name(db_path.stem + ".files")
    restored = 0
    if not mirror.is_dir():
        return 0
    for sub in mirror.iterdir():
        if not sub.is_dir():
            continue
        for path in sub.iterdir():
            if path.name.startswith(layout.TMP_PREFIX) or not path.is_file():
                continue
            target = live / sub.name / path.name
            if not target.exists():
                making.copy_file_atomic(path, target)
                restored += 1
    return restored


def integrity_at_start(db_path: Path, key: bytes) -> bool:
    """A full quick check: whether the database passes SQLite's ``quick_check``."""
    return cipher.quick_check(db_path, key)


def check_at_start(db_path: Path, key: bytes) -> None:
    """The check made each time the database is opened; StoreError ``store.damaged`` when it
    fails. Every start: the file is not shorter than its header says (a truncated copy) and,
    for a database up to :data:`START_CHECK_LIMIT`, the full ``quick_check``. A larger one
    is checked in full by each daily backup (``VACUUM INTO`` reads and authenticates every
    page; the copy is then checked): ``quick_check`` costs ~15 ms per MiB here, 9 s on a
    100,000-resident database, and ``quick_check(N)`` only limits the errors it lists, not
    the pages it reads."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    if truncated(db_path, key) or (
        db_path.stat().st_size <= START_CHECK_LIMIT and not cipher.quick_check(db_path, key)
    ):
        raise cipher.StoreError("store.damaged", file=db_path.name)


START_CHECK_LIMIT = 16 << 20


def truncated(db_path: Path, key: bytes) -> bool:
    """Whether the file is shorter than the pages its (authenticated) header counts; only
    told when the write-ahead log is empty (pages can live there before a checkpoint)."""
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        return False
    dbapi = cipher.driver()
    try:
        connection = cipher.connect(db_path, key)
        try:
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        finally:
            connection.close()
    except dbapi.DatabaseError:
        return True
    return bool(db_path.stat().st_size < int(pages) * int(page_size))
