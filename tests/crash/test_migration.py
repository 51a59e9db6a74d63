"""SIGKILL while a database is being migrated, fifty times each way: (a) an encrypted database
brought from an older schema revision to head, (b) an old plain database being encrypted.
Afterwards the database opens (finishing what was killed), passes its integrity check and
holds every resident it held; an old plain one is encrypted and no plain copy is left."""

from __future__ import annotations

import random
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, select

from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData, create_institution
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import import_file
from mzdesk.store import cipher
from mzdesk.store.engine import Store, _configure_sqlite, open_store, sqlite_url
from mzdesk.store.migrate import alembic_config, current_revision, head_revision, upgrade
from mzdesk.store.models import Resident
from tests.crash.harness import (
    KILLS,
    ForkServer,
    integrity_ok,
    log_lines,
    run_and_kill,
    wait_until_done,
)
from tests.crash.test_import import HOME, roster
from tests.helpers.actors import SETUP

OLD_REVISION = "0002"  # before the resident search index, the audit trail, training…
RESIDENTS = 600  # the migrations copy the residents table: enough rows to take a while
PLAIN_RESIDENTS = 200  # encrypting copies the file three times: kept small

Residents = set[tuple[str, str, str | None]]


def populate(store: Store, tmp_path: Path, rows: int) -> None:
    create_institution(store, SETUP, InstitutionData(name=HOME, kind=InstitutionKind.NURSING_HOME))
    import_file(store, SETUP, Kind.RESIDENTS, roster(tmp_path / "roster.csv", 0, rows))


def residents(store: Store) -> Residents:
    with store.read() as session:
        rows = session.execute(select(Resident.id, Resident.name, Resident.id_number)).all()
    return {(str(i), name, number) for i, name, number in rows}


def copy_database(db: Path, folder: Path) -> Path:
    """The database and everything beside it (key slots, WAL) into ``folder``."""
    folder.mkdir()
    for path in db.parent.iterdir():
        if path.name.startswith(db.name):
            if path.is_dir():
                shutil.copytree(path, folder / path.name)
            else:
                shutil.copy2(path, folder / path.name)
    return folder / db.name


def kill_while_opening(
    forks: ForkServer, prepared: Path, key: bytes | None, check: Callable[[Path], None]
) -> tuple[int, int]:
    """Open copies of ``prepared`` in a child and kill it at random moments until fifty kills
    found it opening; ``check`` each copy afterwards. Returns (kills, attempts)."""
    work = prepared.parent.parent
    first = copy_database(prepared, work / "calibrate")
    job = {"op": "open", "key": key.hex() if key else None}
    began = time.monotonic()
    wait_until_done(forks.start(**job, db=str(first), log=str(first.parent / "log")))
    longest = time.monotonic() - began
    assert log_lines(first.parent / "log") == ["opened"]
    check(first)
    rng = random.Random(13)
    kills = attempts = 0
    while kills < KILLS:
        attempts += 1
        assert attempts <= 3 * KILLS, f"only {kills} kills found the database opening"
        db = copy_database(prepared, work / f"run-{attempts}")
        log = db.parent / "log"
        killed = run_and_kill(forks, rng, longest, **job, db=str(db), log=str(log))
        kills += killed and log_lines(log) == []
        check(db)
        shutil.rmtree(db.parent)
    return kills, attempts


@pytest.mark.slow
def test_a_schema_migration_killed_fifty_times_finishes_with_nothing_lost(forks, tmp_path):
    started = time.monotonic()
    (tmp_path / "prepared").mkdir()
    prepared = tmp_path / "prepared" / "home.db"
    store = open_store(prepared)
    populate(store, tmp_path, RESIDENTS)
    expected = residents(store)
    key = store.key
    assert key is not None
    command.downgrade(alembic_config(store.engine), OLD_REVISION)
    assert current_revision(store.engine) == OLD_REVISION
    store.close()

    def check(db: Path) -> None:
        assert integrity_ok(db, key)
        store = open_store(db, key=key)  # finishes the migration
        try:
            assert current_revision(store.engine) == head_revision()
            assert integrity_ok(db, key)
            assert residents(store) == expected
        finally:
            store.close()

    kills, attempts = kill_while_opening(forks, prepared, key, check)
    print(
        f"\nschema migration: {kills} kills in {attempts} runs, {time.monotonic() - started:.1f} s"
    )


@pytest.mark.slow
def test_encrypting_a_plain_database_killed_fifty_times_finishes_with_nothing_lost(forks, tmp_path):
    started = time.monotonic()
    (tmp_path / "prepared").mkdir()
    prepared = tmp_path / "prepared" / "old.db"
    engine = create_engine(sqlite_url(prepared))
    _configure_sqlite(engine)
    upgrade(engine)
    plain = Store(engine)
    populate(plain, tmp_path, PLAIN_RESIDENTS)
    expected = residents(plain)
    plain.close()
    assert cipher.is_plain_sqlite(prepared)
    marker = "住户0之".encode()  # every resident's name starts so
    assert all(name.startswith("住户0之") for _, name, _ in expected)

    def check(db: Path) -> None:
        store = open_store(db)  # plain or encrypted, it opens; a plain one is encrypted now
        try:
            assert store.key is not None and not cipher.is_plain_sqlite(db)
            assert integrity_ok(db, store.key)
            assert residents(store) == expected
        finally:
            store.close()
        left = [path.name for path in db.parent.iterdir()]
        assert [name for name in left if name.endswith((".plain-backup", ".encrypting"))] == []
        for path in db.parent.iterdir():  # nothing readable anywhere: no plain copy left
            if path.is_file():
                assert marker not in path.read_bytes(), path.name

    kills, attempts = kill_while_opening(forks, prepared, None, check)
    print(f"\nencryption: {kills} kills in {attempts} runs, {time.monotonic() - started:.1f} s")


def test_a_plain_copy_left_by_an_encryption_killed_before_its_shredding_is_removed(tmp_path):
    """Killed after the encrypted file took the plain one's place but before the plain copy
    was shredded (a window the random kills rarely hit): the next open removes the copy."""
    db = tmp_path / "old.db"
    engine = create_engine(sqlite_url(db))
    _configure_sqlite(engine)
    upgrade(engine)
    populate(Store(engine), tmp_path, 3)
    engine.dispose()
    left_behind = tmp_path / "old.db.plain-backup"
    shutil.copy2(db, tmp_path / "plain-copy")
    open_store(db).close()  # encrypted, its plain copy shredded
    (tmp_path / "plain-copy").rename(left_behind)  # as a kill before the shredding leaves it
    open_store(db).close()
    assert not left_behind.exists()
