"""SIGKILL during syncs of an encrypted database with the real server, fifty times: the
database opens and passes its integrity check, every committed change is there, the outbox
holds every audited change (pending, sent or acknowledged, none lost), and the next sync
converges — the server applied each change once and a second device holds the same rows."""

from __future__ import annotations

import random
import time

import pytest
from sqlalchemy import func, select

from mzdesk.server.models import Change
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import import_file
from mzdesk.store.engine import Store, open_store
from mzdesk.store.models import OutboxEntry, Resident
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
from tests.helpers.actors import SETUP
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import dump, outbox_states


def notes(store: Store) -> set[str | None]:
    with store.read() as session:
        return set(session.scalars(select(Resident.note)))


def outbox_size(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(OutboxEntry)) or 0


def edit_addresses(store: Store, round_: int) -> None:
    """The other device's change, for the killed one to pull."""
    with store.write(SETUP) as session:
        for resident in session.scalars(select(Resident)):
            resident.household_address = f"青岛市崂山区第{round_}号"


@pytest.mark.slow
def test_syncs_killed_fifty_times_lose_nothing_and_converge(sqlite_server, forks, tmp_path):
    started = time.monotonic()
    sqlite_server.institution(HOME)
    a = new_client(tmp_path, sqlite_server, sqlite_server.code(institution=HOME))
    b = new_client(tmp_path, sqlite_server, sqlite_server.code(institution=HOME))
    sync(a)
    import_file(a, SETUP, Kind.RESIDENTS, roster(tmp_path / "roster.csv", 0))
    with a.read() as session:
        residents = [str(i) for i in session.scalars(select(Resident.id))]
    db, key = a.path, a.key
    assert db is not None and key is not None
    a.close()
    log = tmp_path / "sync.log"
    job = {"op": "sync", "db": str(db), "key": key.hex(), "residents": residents, "log": str(log)}

    rng = random.Random(13)
    kills = 0
    counter = 0  # the note the residents hold: c<counter>
    outbox_before = 0
    longest = 0.0
    while kills < KILLS:
        log.unlink(missing_ok=True)
        if kills % 5 == 1:  # now and then the other device has changes to pull
            sync(b)
            edit_addresses(b, kills)
            sync(b)
        if not longest:  # the first round: let one change and its sync finish, then kill
            began = time.monotonic()
            pid = forks.start(**job, counter=counter)
            wait_for_line(log, "synced")
            longest = time.monotonic() - began
            kills += kill_after(pid, 0)
        else:
            kills += run_and_kill(forks, rng, longest, **job, counter=counter)
        assert integrity_ok(db, key)
        committed = [
            int(line.split()[1]) for line in log_lines(log) if line.startswith("committed")
        ]
        a = open_store(db, key=key)
        held = notes(a)
        assert len(held) == 1, held  # one transaction: every resident's note or none
        now = int(next(iter(held))[1:]) if held != {None} else 0
        last = max(committed, default=counter)
        assert now in (last, last + 1)  # what was committed is there (and at most one more)
        counter = now
        assert outbox_problems(a) == []
        size = outbox_size(a)
        assert size >= outbox_before  # no entry lost
        outbox_before = size
        a.close()

    # the next sync converges: everything acknowledged, each change applied once
    a = open_store(db, key=key)
    sync(a)
    sync(b)
    sync(a)
    states_a, states_b = outbox_states(a), outbox_states(b)
    assert set(states_a) == {"acked"} and set(states_b) == {"acked"}
    with sqlite_server.db.transaction() as session:
        applied = session.scalar(select(func.count()).select_from(Change))
    assert applied == states_a["acked"] + states_b["acked"]
    assert dump(a) == dump(b)
    assert notes(b) == {f"c{counter}"}
    a.close()
    b.close()
    print(f"\n{KILLS} kills during syncs: {counter} rounds, {time.monotonic() - started:.1f} s")
