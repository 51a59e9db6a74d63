"""Opening the local store: the SQLite file, its pragmas, migrations and sessions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sqlite3
import uuid
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
from mzdesk.store import adoption, cipher, keys, outbox
from mzdesk.store.audit import changes_of
from mzdesk.store.backup.restoring import check_at_start
from mzdesk.store.files import FileStore

BUSY_TIMEOUT_MS = 10_000
PAGE_CACHE_KIB = 64 * 1024


def default_db_path() -> Path:
    """The database a user gets without ``--db``: in the per-user data folder."""
    return platformdirs.user_data_path("mzdesk", appauthor=False) / "mzdesk.db"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def make_engine(path: Path, key: bytes, *, foreign_keys: bool = True) -> Engine:
    """The SQLAlchemy engine on the encrypted database ``path`` (SQLCipher, the key applied
    before anything is read). hide_parameters: a failed statement's message (which reaches
    logs) never shows values."""
    dbapi = cipher.driver()
    resolved = path.resolve()
    engine = create_engine(
        sqlite_url(resolved),
        module=dbapi,
        creator=lambda: cipher.connect(resolved, key, check_same_thread=False),
        hide_parameters=True,
    )
    _configure_sqlite(engine, foreign_keys=foreign_keys)
    return engine


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
        # SQLCipher decrypts each page it reads into the page cache: 64 MiB (SQLite's default
        # is 2 MiB) keeps a big home's resident list at ~1.1× plain SQLite instead of ~2.2×
        # (benchmarks/encrypted_store.py). Filled only as pages are read.
        cursor.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
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

    def __init__(self, engine: Engine, key: bytes | None = None) -> None:
        self.engine = engine
        self.key = key  # the database key (store/keys.py); None only for foreign engines
        # (institution id, user name) whose password unlocked the key, when a login did
        self.unlocked_as: tuple[uuid.UUID, str] | None = None
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
                file_key = keys.subkey(self.key, "files") if self.key is not None else None
                self._files = FileStore.beside(path, file_key)
        return self._files

    # -- who can unlock it (store/keys.py) ------------------------------------------------

    def key_slots(self) -> keys.SlotFile:
        path = self.path
        slots = keys.read_slots(path) if path is not None else None
        return slots if slots is not None else keys.SlotFile()

    def set_user_key(self, institution_id: uuid.UUID, username: str, password: str) -> None:
        """Let ``username`` open this database with ``password`` (a new user, a changed
        password, a user whose account arrived by sync logging in here): wraps the key for
        them and drops the open slot."""
        if self.key is None or self.path is None:
            return
        slot = keys.user_slot(self.key, institution_id, username.strip(), password)
        former = self.former_institution_ids(institution_id)
        keys.write_slots(self.path, keys.with_user(self.key_slots(), slot, former))

    def has_user_key(self, institution_id: uuid.UUID, username: str, password: str) -> bool:
        """Whether ``password`` already opens this database for ``username``."""
        try:
            keys.unlock_with_password(self.key_slots(), username, password, institution_id)
        except keys.KeyError_:
            return False
        return True

    def remove_user_key(self, institution_id: uuid.UUID, username: str) -> None:
        if self.path is not None:
            former = self.former_institution_ids(institution_id)
            keys.write_slots(
                self.path, keys.without_user(self.key_slots(), institution_id, username, former)
            )

    def former_institution_ids(self, institution_id: uuid.UUID) -> set[str]:
        """The ids the slots here name that ``institution_id`` replaces: ones it had before an
        enrolment, or of no institution here (store/adoption.py)."""
        named = {s.institution_id or "" for s in self.key_slots().user_slots()}
        with self.read() as session:
            return adoption.superseded_ids(session, institution_id, named)

    def slot_institution(self, institution_id: uuid.UUID, username: str) -> uuid.UUID:
        """The institution a login through a slot naming ``institution_id`` opens now."""
        with self.read() as session:
            return adoption.slot_institution(session, institution_id, username.strip())

    def update_slots(self, change: Any) -> None:
        """Apply ``change`` (SlotFile -> SlotFile) to the slot file."""
        if self.path is not None:
            keys.write_slots(self.path, change(self.key_slots()))

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
            for institution_id, username, password in session.info.pop("user_keys", ()):
                self.set_user_key(institution_id, username, password)
            demo = session.info.pop("demo_account", None)
            if demo is not None:
                self.update_slots(lambda slots: dataclasses.replace(slots, demo=demo))

    @contextmanager
    def apply_remote(self) -> Iterator[Session]:
        """A write transaction for changes that come from the server or a bundle: no outbox
        entries (they are not this device's changes) and foreign keys not enforced, since a
        page of the feed may bring a row before the row it refers to (the next page brings
        that one)."""
        if self._remote is None:
            path = self.path
            if self.key is None or path is None:
                engine = create_engine(self.engine.url, hide_parameters=True)
                _configure_sqlite(engine, foreign_keys=False)
            else:
                engine = make_engine(path, self.key, foreign_keys=False)
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


def user_key_after_commit(
    session: Session, institution_id: uuid.UUID, username: str, password: str
) -> None:
    """Inside a write transaction that creates a user or sets a password: once it commits,
    wrap the database key for that user (never before: a rolled-back user gets no slot)."""
    session.info.setdefault("user_keys", []).append((institution_id, username, password))


UNLOCK_FAILURES = 5  # wrong passwords for one user name before the lockout (as users.py)
UNLOCK_LOCK_MINUTES = 15


class Locked(keys.KeyError_):
    """The database has users: opening it needs one of them (or the recovery key)."""

    def __init__(self) -> None:
        super().__init__("store.keys.locked")


def key_without_login(db_path: Path) -> bytes:
    """The key of a database that needs no login: a new one (made now, with an open slot), or
    one with no users yet. :class:`Locked` when it has users."""
    slots = keys.read_slots(db_path)
    if slots is not None:
        key = keys.unlock_open(slots)
        if key is None:
            raise Locked()
        return key
    if db_path.exists() and db_path.stat().st_size and not cipher.is_plain_sqlite(db_path):
        # encrypted, but its slot file is gone: only the recovery key opens it now
        raise keys.KeyError_("store.keys.missing", file=keys.slots_path(db_path).name)
    key = keys.new_key()
    # The slot is written before anything is encrypted with the key: a power cut between the
    # two leaves a key that opens what follows, never a database no key opens.
    keys.write_slots(db_path, keys.SlotFile([keys.open_slot(key)]))
    return key


def open_store(
    path: Path | str | None = None, *, key: bytes | None = None, migrate: bool = True
) -> Store:
    """Open (creating if needed) the encrypted store at ``path`` and bring its schema to head.

    ``key`` is the database key a login unwrapped (:func:`unlock`); without it only a database
    that needs no login opens (:func:`key_without_login`), else :class:`Locked`. An old plain
    database is encrypted first (cipher.encrypt_plain: copied aside, encrypted, verified)."""
    db_path = Path(path) if path is not None else default_db_path()
    db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    cipher.driver()  # refuse to go on without SQLCipher, before any file is made
    if key is None:
        key = key_without_login(db_path)
    if not db_path.exists():
        cipher.create_private_file(db_path)
    elif cipher.is_plain_sqlite(db_path):
        cipher.encrypt_plain(db_path, key)
    cipher.tighten(db_path)
    cipher.check_key(db_path, key)
    check_at_start(db_path, key)  # damaged: StoreError, and the CLI/GUI offer a backup
    cipher.finish_encrypting(db_path)  # what a killed encryption left (tests/crash)
    engine = make_engine(db_path, key)
    if migrate:
        from mzdesk.store.migrate import upgrade

        upgrade(engine)
    store = Store(engine, key)
    store.files.encrypt_plain_files()  # files kept before encryption came (once)
    old_thumbnails = store.files.root.with_name(store.files.root.name + "-thumbnails")
    if old_thumbnails.is_dir():  # plain report thumbnails of before: made again, encrypted
        shutil.rmtree(old_thumbnails, ignore_errors=True)
    return store


def unlock(
    db_path: Path, username: str, password: str, institution_id: uuid.UUID | None = None
) -> tuple[bytes, uuid.UUID | None]:
    """The key a user's password opens, and the institution of their slot. A database that
    needs no login (new, or no users yet) opens for anyone: the caller checks the login
    against its users afterwards. keys.KeyError_ when the password opens nothing."""
    slots = keys.read_slots(db_path)
    if slots is None or slots.is_open:
        return key_without_login(db_path), None
    name = username.strip()
    now = dt.datetime.now(dt.UTC)
    failed = slots.failures.get(name) or {}
    until = _parse_time(failed.get("until"))
    if until is not None and until > now:
        minutes = max(1, int((until - now).total_seconds() // 60) + 1)
        raise keys.KeyError_("user.locked", minutes=minutes)
    try:
        found = keys.unlock_with_password(slots, name, password, institution_id)
    except keys.KeyError_:
        count = int(failed.get("count", 0)) + 1 if until is None else 1
        entry: dict[str, object] = {"count": count}
        if count >= UNLOCK_FAILURES:
            lock = now + dt.timedelta(minutes=UNLOCK_LOCK_MINUTES)
            entry = {"count": 0, "until": lock.isoformat()}
        keys.write_slots(
            db_path, dataclasses.replace(slots, failures={**slots.failures, name: entry})
        )
        if count >= UNLOCK_FAILURES:
            raise keys.KeyError_("user.locked", minutes=UNLOCK_LOCK_MINUTES) from None
        raise
    if name in slots.failures:
        rest = {k: v for k, v in slots.failures.items() if k != name}
        keys.write_slots(db_path, dataclasses.replace(slots, failures=rest))
    return found


def _parse_time(value: object) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def unlock_with_recovery(db_path: Path, recovery_text: str) -> bytes:
    """The database key from the recovery sheet, checked against the database itself."""
    key = keys.parse_recovery_key(recovery_text)
    try:
        cipher.check_key(db_path, key)
    except cipher.StoreError:
        raise keys.KeyError_("store.keys.recovery_wrong") from None
    return key
