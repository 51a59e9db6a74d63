"""Making a backup: copy, verify, keep or throw away, rotate.

The copy is SQLCipher's ``VACUUM INTO`` from a connection that holds the database key, so the
copy is encrypted with the same key (the recovery key opens every backup). It is written into
a hidden temporary folder, then verified from the same connection (``ATTACH`` without a key
uses the main database's key): ``PRAGMA integrity_check`` (``quick_check`` above
:data:`FULL_CHECK_LIMIT`) and the same row count in every table. Only a verified copy is
fsynced and renamed to a backup's name; a copy that fails is deleted and
:class:`BackupFailed` raised, so a killed or failed backup never looks like a good one.

Whether the database changed since the newest backup is told by a fingerprint of its files,
(size, mtime in ns) of the database and of its write-ahead log, taken right after a
checkpoint that empties the log. Any committed write changes one of them (the log grows, or a
checkpoint rewrites the database); opening and reading change neither. It can only err
towards one backup too many (a checkpoint that moves pages without a new change), never
towards a missed change, and costs two ``stat`` calls: no need to open the database.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mzdesk.core.errors import CodedError
from mzdesk.store import keys
from mzdesk.store.backup import layout
from mzdesk.store.backup.layout import BackupInfo, BackupSettings

FULL_CHECK_LIMIT = 64 << 20  # bytes: integrity_check below, quick_check above (measured)
STALE_TMP_SECONDS = 3600
Connect = Callable[[], Any]  # a DB-API connection to the live database, its key applied


class BackupFailed(CodedError):
    """No backup was made (the copy could not be written or did not verify); nothing kept."""


def fingerprint(db_path: Path) -> list[int]:
    """(size, mtime_ns) of the database and of its -wal (0, 0 when empty or absent)."""
    result: list[int] = []
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        try:
            stat = path.stat()
        except FileNotFoundError:
            result += [0, 0]
            continue
        result += [stat.st_size, stat.st_mtime_ns if stat.st_size else 0]
    return result


def changed_since(db_path: Path, newest: BackupInfo | None) -> bool:
    return newest is None or fingerprint(db_path) != newest.fingerprint


def make_backup(
    db_path: Path,
    connect: Connect,
    kind: str,
    settings: BackupSettings | None = None,
    *,
    now: dt.datetime | None = None,
) -> BackupInfo:
    """Back up the database at ``db_path`` (reached through ``connect``) as ``kind``; returns
    the verified backup. BackupFailed when it cannot be made; nothing half-made is left."""
    if kind not in layout.KINDS:
        raise ValueError(kind)
    settings = settings or layout.read_settings(db_path)
    folder = settings.folder
    created = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)
        _remove_stale(folder)
        work = folder / f"{layout.TMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
        work.mkdir(mode=0o700)
    except OSError as error:
        raise BackupFailed("backup.failed_os", folder=folder, reason=error.strerror) from error
    try:
        info = _copy_and_verify(db_path, connect, kind, work, created)
        files = _mirror_files(db_path, folder)
        info = BackupInfo(**{**info.__dict__, "files": files})
        layout.write_private(work / layout.MANIFEST, _manifest_bytes(info))
        layout.fsync_dir(work)
        final = _place(work, folder, db_path.stem, kind, created)
    except BaseException as error:
        shutil.rmtree(work, ignore_errors=True)
        if isinstance(error, Exception) and not isinstance(error, BackupFailed):
            # the driver's errors (not a database, disk I/O …) and the OS's (disk full …)
            reason = error.strerror if isinstance(error, OSError) else str(error)
            raise BackupFailed("backup.failed_copy", reason=reason) from error
        raise
    return BackupInfo(**{**info.__dict__, "path": final, "database": final / db_path.name})


def _manifest_bytes(info: BackupInfo) -> bytes:
    return json.dumps(layout.manifest_document(info), indent=2, ensure_ascii=False).encode()


def _copy_and_verify(
    db_path: Path, connect: Connect, kind: str, work: Path, created: dt.datetime
) -> BackupInfo:
    target = work / db_path.name
    connection = connect()
    try:
        # Empty the log first, so the fingerprint is taken when nothing waits to be copied
        # in; without waiting (busy_timeout 0): under a write transaction (an adoption) it
        # would wait for itself. A busy checkpoint only makes the fingerprint stricter.
        waited = connection.execute("PRAGMA busy_timeout").fetchone()[0]
        connection.execute("PRAGMA busy_timeout=0").fetchall()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        connection.execute(f"PRAGMA busy_timeout={int(waited)}").fetchall()
        mark = fingerprint(db_path)
        for _attempt in range(3):
            target.unlink(missing_ok=True)
            before = _counts(connection, "main")
            try:
                connection.execute(f"VACUUM INTO '{_quote(target)}'")
            except Exception as error:  # the driver's OperationalError (disk full, I/O …)
                raise BackupFailed("backup.failed_copy", reason=str(error)) from error
            after = _counts(connection, "main")
            if before == after:
                break
        else:  # rows kept changing under the copy: too busy to tell what it should hold
            raise BackupFailed("backup.failed_busy")
        target.chmod(0o600)
        check = "integrity_check" if target.stat().st_size <= FULL_CHECK_LIMIT else "quick_check"
        problem = verify_copy(connection, target, check, before)
    finally:
        connection.close()
    if problem is not None:
        raise BackupFailed("backup.failed_verify", reason=problem)
    _fsync(target)
    slots = keys.slots_path(db_path)
    if slots.exists():
        copy = keys.slots_path(target)
        shutil.copyfile(slots, copy)
        copy.chmod(0o600)
        _fsync(copy)
    return BackupInfo(work, target, kind, created, target.stat().st_size, before, check, mark, 0)


def verify_copy(connection: Any, copy: Path, check: str, expected: dict[str, int]) -> str | None:
    """Open ``copy`` beside ``connection``'s database (same key) and check it: None when it
    passes ``check`` and holds ``expected`` rows in every table, else what is wrong."""
    try:
        connection.execute(f"ATTACH DATABASE '{_quote(copy)}' AS backup_copy")
    except Exception as error:
        return str(error)
    try:
        return check_schema(connection, "backup_copy", check, expected)
    finally:
        connection.execute("DETACH DATABASE backup_copy")


def check_schema(connection: Any, schema: str, check: str, expected: dict[str, int]) -> str | None:
    """None when ``schema`` passes ``check`` and holds ``expected`` rows in every table."""
    try:
        rows = connection.execute(f"PRAGMA {schema}.{check}").fetchall()
        if rows != [("ok",)]:
            return "; ".join(str(row[0]) for row in rows[:3])
        counts = _counts(connection, schema)
    except Exception as error:  # "file is not a database" and the like
        return str(error)
    if counts != expected:
        differ = sorted(k for k in set(counts) | set(expected) if counts.get(k) != expected.get(k))
        return "rows differ: " + ", ".join(differ[:5])
    return None


def _counts(connection: Any, schema: str) -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master "
            "WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]
        for name in names
    }


def _place(work: Path, folder: Path, stem: str, kind: str, created: dt.datetime) -> Path:
    for serial in range(100):
        final = folder / layout.backup_name(stem, kind, created, serial)
        if final.exists():
            continue
        try:
            work.rename(final)
        except OSError:
            continue
        layout.fsync_dir(folder)
        return final
    raise BackupFailed("backup.failed_os", folder=folder, reason="name")


def _mirror_files(db_path: Path, folder: Path) -> int:
    """Copy the photos and signatures not yet in the backup folder's file mirror (they are kept
    encrypted and never change under their name, so a file copied once stays good); returns
    how many files the mirror holds for this database."""
    source = db_path.with_name(db_path.stem + ".files")
    mirror = folder / (db_path.stem + ".files")
    count = 0
    if not source.is_dir():
        return 0
    for sub in source.iterdir():
        if sub.name == "tmp" or not sub.is_dir():
            continue
        for path in sub.iterdir():
            if not path.is_file():
                continue
            target = mirror / sub.name / path.name
            count += 1
            if target.exists() and target.stat().st_size == path.stat().st_size:
                continue
            copy_file_atomic(path, target)
    return count


def copy_file_atomic(source: Path, target: Path) -> None:
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = target.with_name(f"{layout.TMP_PREFIX}{target.name}.{secrets.token_hex(4)}")
    try:
        shutil.copyfile(source, tmp)
        tmp.chmod(0o600)
        _fsync(tmp)
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_stale(folder: Path) -> None:
    """Temporary folders of backups that were killed: their process (named in the folder's
    name) is gone, or they are older than an hour (a reused process id)."""
    cutoff = time.time() - STALE_TMP_SECONDS
    for entry in folder.iterdir():
        if not entry.name.startswith(layout.TMP_PREFIX) or not entry.is_dir():
            continue
        try:
            if not _alive(entry.name) or entry.stat().st_mtime < cutoff:
                shutil.rmtree(entry, ignore_errors=True)
        except FileNotFoundError:
            pass


def _alive(name: str) -> bool:
    """Whether the process that made temporary folder ``name`` still runs."""
    pid = name[len(layout.TMP_PREFIX) :].split("-", 1)[0]
    if not pid.isdigit():
        return True  # not ours to judge (a deletion in progress): only its age counts
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


# -- what is kept -----------------------------------------------------------------------------


def to_keep(backups: list[BackupInfo], keep: layout.Keep) -> set[Path]:
    """Which backups the rotation keeps: of the daily and manual ones, the newest of each of
    the last ``keep.daily`` days, ``keep.weekly`` ISO weeks and ``keep.monthly`` months that
    have one (and always the newest); besides, the last ``keep.before`` manual backups and
    the last ``keep.before`` of each "before" kind."""
    kept: set[Path] = set()
    rotated = sorted(
        (b for b in backups if b.kind in layout.ROTATED), key=lambda b: b.created, reverse=True
    )
    if rotated:
        kept.add(rotated[0].path)
    periods: list[tuple[int, Callable[[dt.date], Any]]] = [
        (keep.daily, lambda d: d),
        (keep.weekly, lambda d: d.isocalendar()[:2]),
        (keep.monthly, lambda d: (d.year, d.month)),
    ]
    for count, period in periods:
        seen: set[Any] = set()
        for backup in rotated:
            key = period(backup.local_time.date())
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            kept.add(backup.path)
    for kind in (layout.MANUAL, *layout.BEFORE):  # asked for by someone: the last few stay
        of_kind = sorted(
            (b for b in backups if b.kind == kind), key=lambda b: b.created, reverse=True
        )
        kept.update(b.path for b in of_kind[: keep.before])
    return kept


def rotate(db_path: Path, settings: BackupSettings | None = None) -> list[Path]:
    """Delete the backups the rotation does not keep; returns their folders. A folder is first
    renamed to a temporary name, so a half-deleted one is never taken for a backup."""
    settings = settings or layout.read_settings(db_path)
    backups = layout.list_backups(db_path, settings.folder)
    kept = to_keep(backups, settings.keep)
    removed: list[Path] = []
    for backup in backups:
        if backup.path in kept:
            continue
        doomed = backup.path.with_name(f"{layout.TMP_PREFIX}delete-{backup.path.name}")
        try:
            backup.path.rename(doomed)
        except OSError:
            continue
        shutil.rmtree(doomed, ignore_errors=True)
        removed.append(backup.path)
    return removed
