"""Opening the local store: the SQLite file, its pragmas, migrations and sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from mzdesk.core.changes import NO_CHANGES, Changes
from mzdesk.core.permissions import Actor
from mzdesk.store import outbox
from mzdesk.store.audit import changes_of
from mzdesk.store.files import FileStore

BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> Path:
    """The database a user gets without ``--db``: in the per-user data folder."""
    return platformdirs.user_data_path("mzdesk", appauthor=False) / "mzdesk.db"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def _configure_sqlite(engine: Engine, *, foreign_keys: bool = True) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin (so BEGIN IMMEDIATE
        # and SAVEPOINTs work as written).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front: a deferred transaction that upgrades to a
        # write later can fail with SQLITE_BUSY without waiting for busy_timeout.
        conn.exec_driver_sql(
            "BEGIN IMMEDIATE" if conn.get_execution_options().get("writer") else "BEGIN"
        )


_collected: ContextVar[list[Changes] | None] = ContextVar("mzdesk_changes", default=None)


class ChangeCollector:
    """What the write transactions committed inside :func:`collect_changes` changed."""

    def __init__(self) -> None:
        self.parts: list[Changes] = []

    @property
    def changes(self) -> Changes:
        merged = NO_CHANGES
        for part in self.parts:
            merged = merged | part
        return merged


@contextmanager
def collect_changes() -> Iterator[ChangeCollector]:
    """Gather the change sets of every transaction committed in this thread (or task) while
    the block runs: how an operation reports what it changed, whichever services it called."""
    collector = ChangeCollector()
    token = _collected.set(collector.parts)
    try:
        yield collector
    finally:
        _collected.reset(token)


def _publish(changes: Changes) -> None:
    parts = _collected.get()
    if parts is not None and changes:
        parts.append(changes)


class Store:
    """The local database: an engine, read sessions and write transactions.

    ``write(actor)`` is one transaction made by someone: commit on success, roll back on any
    exception, so a service's change, its outbox entries and its audit rows land together or
    not at all. The permission check belongs to the service; the transaction refuses rows of
    an institution the actor does not act for.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._reader = sessionmaker(engine, expire_on_commit=False)
        self._writer = sessionmaker(engine.execution_options(writer=True), expire_on_commit=False)
        outbox.install(self._writer)
        outbox.install(self._reader)
        self._remote: sessionmaker[Session] | None = None
        self._remote_engine: Engine | None = None
        self._files: FileStore | None = None

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def path(self) -> Path | None:
        database = self.engine.url.database
        return Path(database) if database and database != ":memory:" else None

    @property
    def files(self) -> FileStore:
        """The store's photos and signatures (store/files.py), beside the database file; an
        in-memory store (tests) keeps them in a temporary folder of its own."""
        if self._files is None:
            path = self.path
            if path is None:
                import tempfile

                self._files = FileStore(Path(tempfile.mkdtemp(prefix="mzdesk-files-")))
            else:
                self._files = FileStore.beside(path)
        return self._files

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self, actor: Actor) -> Iterator[Session]:
        if not isinstance(actor, Actor):
            raise TypeError("Store.write needs the acting user (an Actor)")
        with self._writer() as session:
            session.info["actor"] = actor
            with session.begin():
                yield session
            _publish(changes_of(session))

    @contextmanager
    def apply_remote(self) -> Iterator[Session]:
        """A write transaction for changes that come from the server or a bundle: no outbox
        entries (they are not this device's changes) and foreign keys not enforced, since a
        page of the feed may bring a row before the row it refers to (the next page brings
        that one)."""
        if self._remote is None:
            engine = create_engine(self.engine.url, hide_parameters=True)
            _configure_sqlite(engine, foreign_keys=False)
            self._remote_engine = engine
            self._remote = sessionmaker(
                engine.execution_options(writer=True), expire_on_commit=False
            )
            outbox.install(self._remote)
        with self._remote() as session:
            session.info["remote_apply"] = True
            session.info["actor"] = Actor.system()
            with session.begin():
                yield session
            _publish(changes_of(session))

    def close(self) -> None:
        if self._remote_engine is not None:
            self._remote_engine.dispose()
        self.engine.dispose()


def open_store(path: Path | str | None = None, *, migrate: bool = True) -> Store:
    """Open (creating if needed) the SQLite store at ``path`` and bring its schema to head."""
    db_path = Path(path) if path is not None else default_db_path()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    # hide_parameters: a failed statement's message (which reaches logs) never shows values
    engine = create_engine(sqlite_url(db_path), hide_parameters=True)
    _configure_sqlite(engine)
    if migrate:
        from mzdesk.store.migrate import upgrade

        upgrade(engine)
    return Store(engine)
