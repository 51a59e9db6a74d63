"""SQLCipher, in one place: connecting with the database key, telling a plain database from an
encrypted one, and encrypting an old plain database.

Every local database is encrypted; when the SQLCipher driver (``sqlcipher3``) is missing the
app refuses to run rather than write personal data in the clear. The key is given to SQLCipher
as raw bytes (``x'…'``), so opening costs no key derivation: the slow, password-based step is
the key slot's (store/keys.py).
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
from pathlib import Path
from types import ModuleType
from typing import Any

from mzdesk.core.errors import CodedError

SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(CodedError):
    """The database cannot be opened as it is (no SQLCipher, damaged, not a database)."""


def driver() -> ModuleType:
    """The SQLCipher DB-API module; StoreError when it is not installed."""
    try:
        import sqlcipher3.dbapi2 as dbapi
    except ImportError as error:  # pragma: no cover - exercised by a subprocess test
        raise StoreError("store.sqlcipher_missing") from error
    return dbapi  # type: ignore[no-any-return]


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect(path: Path | str, key: bytes, **kwargs: Any) -> Any:
    """A DB-API connection to ``path`` with ``key`` applied (nothing is read before it)."""
    connection = driver().connect(str(path), **kwargs)
    connection.execute(key_pragma(key))
    return connection


def is_plain_sqlite(path: Path) -> bool:
    """True when ``path`` is an unencrypted SQLite database (its first bytes say so)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except FileNotFoundError:
        return False


def create_private_file(path: Path) -> None:
    """Create an empty file only its owner can read, before SQLite opens it (SQLite gives the
    -wal and -shm files the database file's permissions)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def tighten(path: Path) -> None:
    """Owner-only permissions on a database and its companions, where they exist."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            candidate.chmod(0o600)


def check_key(path: Path, key: bytes) -> None:
    """Open ``path`` with ``key`` and read its schema: StoreError when that fails (the key was
    unwrapped by its slot, so a failure means the file is damaged or not this slot file's)."""
    dbapi = driver()
    try:
        connection = connect(path, key)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except dbapi.DatabaseError as error:
        raise StoreError("store.damaged", file=path.name) from error


def quick_check(path: Path, key: bytes) -> bool:
    """SQLite's quick integrity check on ``path``: True when it reports ok."""
    dbapi = driver()
    try:
        connection = connect(path, key)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except dbapi.DatabaseError:
        return False
    return bool(rows == [("ok",)])


def table_counts(connection: Any) -> dict[str, int]:
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
    }


def encrypt_plain(path: Path, key: bytes) -> Path:
    """Encrypt the plain database at ``path`` with ``key``, in place, safely.

    The plain file is first copied aside (``<name>.plain-backup``); the encrypted copy is made
    with ``sqlcipher_export`` into a new file, verified (integrity check and the same row count
    in every table), then renamed over the original. Only then is the plain copy removed (its
    bytes overwritten first). If anything fails the original stays as it was and the copy is
    kept. Returns the path of the encrypted database (the same path)."""
    dbapi = driver()
    backup = path.with_name(path.name + ".plain-backup")
    _remove_partial_copies(path)
    target = path.with_name(f".{path.name}.{secrets.token_hex(4)}.encrypting")
    source = dbapi.connect(str(path))
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if not backup.exists():
            source.execute(f"VACUUM INTO '{_quote(backup)}'")
            backup.chmod(0o600)
        expected = table_counts(source)
        create_private_file(target)
        source.execute(f"ATTACH DATABASE '{_quote(target)}' AS encrypted KEY \"x'{key.hex()}'\"")
        source.execute("SELECT sqlcipher_export('encrypted')")
        source.execute("DETACH DATABASE encrypted")
    finally:
        source.close()
    try:
        check = connect(target, key)
        try:
            ok = check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            same = table_counts(check) == expected
        finally:
            check.close()
        if not (ok and same):
            raise StoreError("store.encrypt_verify_failed", file=path.name)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        target.replace(path)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    _shred(backup)
    return path


def finish_encrypting(path: Path) -> None:
    """What an encryption killed part-way left beside the encrypted database ``path`` (whose
    key was just checked): partial encrypted copies, and the plain copy, shredded — after a
    kill between the rename and the shredding it still holds everything in the clear."""
    _remove_partial_copies(path)
    _shred(path.with_name(path.name + ".plain-backup"))


def _remove_partial_copies(path: Path) -> None:
    for partial in path.parent.glob(f".{glob.escape(path.name)}.*.encrypting"):
        partial.unlink(missing_ok=True)


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


def _shred(path: Path) -> None:
    """Overwrite a plain copy's bytes before removing it (best effort on journaling and
    flash file systems; the copy never leaves the owner-only folder)."""
    try:
        size = path.stat().st_size
        with path.open("r+b") as handle:
            block = b"\0" * (1 << 20)
            written = 0
            while written < size:
                handle.write(block[: min(len(block), size - written)])
                written += len(block)
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()
    except FileNotFoundError:
        pass
