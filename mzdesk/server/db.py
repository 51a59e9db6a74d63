"""The server's database: SQLite (default) or PostgreSQL, migrated on open.

Nothing here keeps state that another process would need: several ``mzdesk serve``
workers share one PostgreSQL, and everything they must agree on is in it (row locks,
advisory locks, the revision sequence, the transaction ids behind feed positions).
"""

from __future__ import annotations

import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from mzdesk.server.revisions import place_records

T = TypeVar("T")

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Connections one process keeps to PostgreSQL. Request handlers run on anyio's worker
# threads (40 by default); ``mzdesk serve --workers N`` sets this (and the thread count) so
# that N processes fit PostgreSQL's max_connections (docs/sync-protocol.md, "Scaling out").
POOL_ENV = "MZDESK_DB_POOL"
DEFAULT_POOL = 40
MIGRATION_LOCK = 0x6D7A_6465_736B  # advisory lock key: one process migrates at a time
RETRIED = frozenset({"40P01", "40001"})  # deadlock detected, serialization failure


def _alembic(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("version_table", "alembic_version")
    if engine is not None:
        config.attributes["engine"] = engine
    return config


@cache
def server_schema() -> str:
    head = ScriptDirectory.from_config(_alembic()).get_current_head()
    assert head is not None
    return head


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():  # owner-only before SQLite makes it (its -wal and -shm follow)
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        engine = create_engine(url, connect_args={"check_same_thread": False}, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: sqlite3.Connection, record: Any) -> None:
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            # Every server transaction writes (at least last_seen): take the lock up front.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_engine(
        url,
        pool_size=pool_size(),
        max_overflow=0,
        pool_timeout=60,
        pool_pre_ping=True,
        hide_parameters=True,
    )


RESERVED = 10  # connections left for administration (mzdesk server …, psql, backups)


def plan_pool(db: ServerDB, workers: int, wanted: int | None = None) -> tuple[int, int]:
    """Connections per process for ``workers`` processes on this PostgreSQL: ``wanted`` (or
    one per request thread, at most ``DEFAULT_POOL``) so that all of them, plus ``RESERVED``
    for administration, fit max_connections. Returns (per process, max_connections); per
    process is 0 when they cannot fit."""
    with db.engine.connect() as conn:
        limit = int(conn.exec_driver_sql("SHOW max_connections").scalar() or 0)
        reserved = int(conn.exec_driver_sql("SHOW superuser_reserved_connections").scalar() or 0)
    budget = (limit - reserved - RESERVED) // max(1, workers)
    per = min(wanted or DEFAULT_POOL, budget)
    if wanted is not None and wanted > budget:
        per = 0
    return max(0, per), limit


def pool_size() -> int:
    """Connections per process: ``MZDESK_DB_POOL`` if set, else one per request thread."""
    try:
        return max(1, int(os.environ.get(POOL_ENV) or DEFAULT_POOL))
    except ValueError:
        return DEFAULT_POOL


class ServerDB:
    def __init__(self, url: str, key_file: Path | str | None = None) -> None:
        from mzdesk.server.keys import key_file_for

        self.url = url
        self.key_file = key_file_for(url, key_file)  # the server's secret (server/keys.py)
        self._key: bytes | None = None
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", place_records)
        # SQLite has one writer: request threads queue here instead of spinning on the file
        # lock (busy_timeout), which under a few hundred devices ends in "database is
        # locked". That is why SQLite serves from one process only. PostgreSQL needs no
        # such thing: row and advisory locks order the writes that touch the same records.
        self._serial: threading.Lock | None = (
            threading.Lock() if self.engine.dialect.name == "sqlite" else None
        )

    @property
    def postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def migrate(self) -> None:
        with self.engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        if current == server_schema():
            return
        if not self.postgres:
            command.upgrade(_alembic(self.engine), "head")
            return
        # several processes may start at once (workers, an administrator's command): one
        # migrates, the others wait and find the work done
        with self.engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK})
            try:
                command.upgrade(_alembic(self.engine), "head")
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK})
                conn.commit()

    def server_key(self) -> bytes:
        """The server's secret, from its key file (never from the database)."""
        if self._key is None:
            from mzdesk.server.keys import load_server_key, scrub_after_migration

            try:
                with self.transaction() as session:
                    key, migrated = load_server_key(session, self.key_file)
            except (IntegrityError, StaleDataError):  # another process started at once
                with self.transaction() as session:
                    key, migrated = load_server_key(session, self.key_file)
            if migrated:
                scrub_after_migration(self.engine)
            self._key = key
        return self._key

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._serialized(), self._sessions() as session, session.begin():
            yield session

    def run(self, work: Callable[[Session], T], attempts: int = 5) -> T:
        """``work`` in a transaction, run again from the start if PostgreSQL chose it as a
        deadlock's victim (a rare cycle between lock orders) — never half applied."""
        for attempt in range(1, attempts + 1):
            try:
                with self.transaction() as session:
                    return work(session)
            except DBAPIError as error:
                state = getattr(error.orig, "sqlstate", None)
                if state not in RETRIED or attempt == attempts:
                    raise
            time.sleep(random.uniform(0, 0.05 * attempt))
        raise AssertionError("unreachable")

    @contextmanager
    def _serialized(self) -> Iterator[None]:
        if self._serial is None:
            yield
            return
        with self._serial:
            yield

    def close(self) -> None:
        self.engine.dispose()


def open_server_db(url: str, key_file: Path | str | None = None) -> ServerDB:
    """Open, migrate, and load the server's key (a missing or wrong key file fails here)."""
    db = ServerDB(url, key_file)
    try:
        db.migrate()
        db.server_key()
    except BaseException:
        db.close()
        raise
    return db


def new_revision(cfg_engine: Engine, message: str, rev_id: str) -> None:
    """Developer tool: autogenerate a server migration against an up-to-date database."""
    command.upgrade(_alembic(cfg_engine), "head")
    command.revision(_alembic(cfg_engine), message=message, autogenerate=True, rev_id=rev_id)
