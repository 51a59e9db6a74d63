"""The server's secret key: kept in a key file, never in the database next to the data.

Each device's bundle key is derived from it (core/bundle.py), so the key file must survive
as long as the devices do: back it up, apart from the database backups (a database backup
alone then reveals no key), and restore it with the database. Where it lives:

- ``--key-file PATH`` or ``MZDESK_SERVER_KEY_FILE``, when given (required for PostgreSQL, and
  the same file on every machine that serves one database);
- otherwise, for a SQLite database file, ``<database>.key`` beside it, created on first run.

The file holds 64 hex digits (256 random bits) and is created readable by its owner only.
The database keeps only ``server_key_check``, an HMAC of a constant under the key (which
reveals nothing of it), so a server started with the wrong or a lost key file refuses to run
instead of silently making every device's bundles unreadable.

Servers from before this change kept the secret in their ``settings`` table
(``bundle_secret``): on first start it is moved into the key file — the same secret, so the
devices' bundle keys stay valid — and the row is deleted (and overwritten on SQLite).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from mzdesk.core.errors import CodedError
from mzdesk.server.models import Setting

ENV = "MZDESK_SERVER_KEY_FILE"
LEGACY_ROW = "bundle_secret"
CHECK_ROW = "server_key_check"


class ServerKeyError(CodedError):
    """The server's key file is missing, wrong, unreadable or not given (``server_key.*``)."""


def key_file_for(url: str, given: Path | str | None = None) -> Path | None:
    """Where the key file of the database at ``url`` is; None for an in-memory SQLite
    database (its key lives as long as the process)."""
    chosen = given or os.environ.get(ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise ServerKeyError("server_key.required", env=ENV)
    if not parsed.database or parsed.database == ":memory:":
        return None
    database = Path(parsed.database).resolve()
    return database.with_name(database.name + ".key")


def check_value(key: bytes) -> str:
    return hmac.new(key, b"mzdesk server key check", hashlib.sha256).hexdigest()


def _read(path: Path) -> bytes:
    try:
        found = path.read_text(encoding="ascii").strip()
        key = bytes.fromhex(found)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ServerKeyError("server_key.unreadable", path=path, error=error) from error
    if len(key) != 32:
        raise ServerKeyError("server_key.unreadable", path=path, error="not 64 hex digits")
    return key


def _write_new(path: Path, key: bytes) -> bytes:
    """Write ``key`` to a new file readable by its owner only; if another process wrote the
    file first (workers starting together), the key in it wins."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read(path)
    except OSError as error:
        raise ServerKeyError("server_key.unreadable", path=path, error=error) from error
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key.hex() + "\n")
        out.flush()
        os.fsync(out.fileno())
    return key


def load_server_key(session: Session, path: Path | None) -> tuple[bytes, bool]:
    """The server's key for the database of ``session`` (a transaction), from the key file at
    ``path``: created on first run, taken over from an older server's settings row once
    (then the second value is True: the caller scrubs the database)."""
    legacy = session.get(Setting, LEGACY_ROW)
    check = session.get(Setting, CHECK_ROW)
    if path is None:
        key = bytes.fromhex(legacy.value) if legacy is not None else secrets.token_bytes(32)
    elif path.exists():
        key = _read(path)
        if legacy is not None and not hmac.compare_digest(bytes.fromhex(legacy.value), key):
            raise ServerKeyError("server_key.conflict", path=path)
    elif legacy is not None:
        key = _write_new(path, bytes.fromhex(legacy.value))
    elif check is not None:
        raise ServerKeyError("server_key.missing", path=path)  # a new key would break devices
    else:
        key = _write_new(path, secrets.token_bytes(32))
    expected = check_value(key)
    if check is None:
        session.add(Setting(key=CHECK_ROW, value=expected))
    elif not hmac.compare_digest(check.value, expected):
        raise ServerKeyError("server_key.wrong", path=path)
    if legacy is not None:
        _erase(session, legacy)
    session.flush()
    return key, legacy is not None


def _erase(session: Session, legacy: Setting) -> None:
    """Delete the old secret's row so that its bytes do not stay behind in the file (the
    caller then checkpoints SQLite's log or rewrites the table on PostgreSQL)."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:
        session.execute(text("PRAGMA secure_delete = ON"))  # freed space is zeroed
    session.delete(legacy)
    session.flush()
    if sqlite:
        session.execute(text("PRAGMA secure_delete = OFF"))


def scrub_after_migration(db_engine: Engine) -> None:
    """After the old secret's row is deleted: no copy left in SQLite's write-ahead log, no
    dead row version left in PostgreSQL's table file."""
    if db_engine.dialect.name == "sqlite":
        raw = db_engine.raw_connection()  # no BEGIN: a checkpoint runs outside transactions
        try:
            raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
        return
    with db_engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM FULL settings")
