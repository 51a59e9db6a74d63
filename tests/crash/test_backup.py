"""SIGKILL during backups of an encrypted database, fifty times: the database opens, passes
its integrity check and holds every committed change, the outbox is intact; every backup the
list shows opens with the key and passes its integrity check (a killed backup never looks
like a good one); the newest restores; and the next sync converges."""

from __future__ import annotations

import random
import time

import pytest
from sqlalchemy import select

from mzdesk.services.backups import backups_of, restore_backup
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import import_file
from mzdesk.store.engine import open_store
from mzdesk.store.models import Resident
from tests.crash.harness import (
    KILLS,
    integrity_ok,
    kill_after,
    log_lines,
    outbox_problems,
    run_and_kill,
    wait_for_line,
)
from tests.crash.test_import import HOME, roster
from tests.crash.test_sync import notes
from tests.helpers.actors import SETUP
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import dump, outbox_states

RESIDENTS = 400  # a copy and its check take a while: most kills land inside a backup


def note_number(held: set[str | None]) -> int:
    assert len(held) == 1, held  # one transaction: every resident's note or none
    value = next(iter(held))
    return int(value[1:]) if value else 0


@pytest.mark.slow
def test_backups_killed_fifty_times_leave_only_good_backups_and_lose_nothing(
    sqlite_server, forks, tmp_path
):
    started = time.monotonic()
    sqlite_server.institution(HOME)
    store = new_client(tmp_path, sqlite_server, sqlite_server.code(institution=HOME))
    sync(store)
    import_file(store, SETUP, Kind.RESIDENTS, roster(tmp_path / "roster.csv", 0, RESIDENTS))
    with store.read() as session:
        residents = [str(i) for i in session.scalars(select(Resident.id))]
    db, key = store.path, store.key
    assert db is not None and key is not None
    store.close()
    log = tmp_path / "backup.log"
    job = {"op": "backup", "db": str(db), "key": key.hex(), "residents": residents, "log": str(log)}

    rng = random.Random(13)
    kills = counter = 0
    longest = 0.0
    made: set[str] = set()
    while kills < KILLS:
        log.unlink(missing_ok=True)
        if not longest:  # the first round: one change and its backup, then the kill
            began = time.monotonic()
            pid = forks.start(**job, counter=counter)
            wait_for_line(log, "backed-up")
            longest = time.monotonic() - began
            kills += kill_after(pid, 0)
        else:
            kills += run_and_kill(forks, rng, longest, **job, counter=counter)
        lines = log_lines(log)
        committed = [int(line.split()[1]) for line in lines if line.startswith("committed")]
        finished = [line.split(" ", 1)[1] for line in lines if line.startswith("backed-up")]
        made |= set(finished)
        assert integrity_ok(db, key)
        store = open_store(db, key=key)
        now = note_number(notes(store))
        assert now in (max(committed, default=counter), max(committed, default=counter) + 1)
        counter = now
        assert outbox_problems(store) == []
        listed = backups_of(store)
        store.close()
        if finished:  # the newest finished backup is kept (older ones rotate away)
            assert finished[-1] in {str(b.path) for b in listed}
        for backup in listed:  # and every backup shown is whole
            assert integrity_ok(backup.database, key), backup.path
        newest = open_store(listed[0].database, key=key) if listed else None
        if newest is not None:
            assert note_number(notes(newest)) <= counter
            newest.close()

    # the newest backup restores and opens; the next sync converges
    store = open_store(db, key=key)
    newest = backups_of(store)[0]
    restore_backup(store, SETUP, newest)
    store = open_store(db, key=key)
    assert integrity_ok(db, key)
    assert outbox_problems(store) == []
    sync(store)
    assert set(outbox_states(store)) <= {"acked"}
    other = new_client(tmp_path, sqlite_server, sqlite_server.code(institution=HOME))
    sync(other)
    assert dump(other) == dump(store)
    store.close()
    other.close()
    print(
        f"\n{KILLS} kills during backups: {len(made)} backups, {time.monotonic() - started:.1f} s"
    )
