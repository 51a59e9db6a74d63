"""SIGKILL during imports into an encrypted database, fifty times: the database opens and
passes its integrity check, every import that finished is there in full, an import that was
killed left no row at all, the outbox holds every audited change, and the next sync brings
everything to the server."""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from mzdesk.core.identifiers import make_id_number
from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services.institutions import InstitutionData
from mzdesk.services.users import NewUser, set_up_institution
from mzdesk.store.engine import open_store, unlock
from mzdesk.store.models import Resident
from tests.crash.harness import (
    KILLS,
    integrity_ok,
    log_lines,
    outbox_problems,
    run_and_kill,
    wait_until_done,
)
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import dump, outbox_states

HOME = "停电测试养老院"
ROWS = 40  # residents a roster
CLI_ROWS = 100
CLI_KILLS = 3  # each costs a process start (~2–4 s): a few, beside the fifty above


def roster(path: Path, number: int, rows: int = ROWS) -> Path:
    """Roster ``number``: ``rows`` residents named 住户<number>之<j>, ID numbers of their own
    (roster numbers apart by rows/ROWS or more never share one)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["机构名称", "姓名", "身份证号", "性别", "出生日期", "入住日期"])
        for j in range(rows):
            n = number * ROWS + j
            birth = dt.date(1930, 1, 1) + dt.timedelta(days=n // 499)
            writer.writerow(
                [
                    HOME,
                    f"住户{number}之{j}",
                    make_id_number("370205", birth, (n % 499) * 2 + 1),
                    "男",
                    birth.isoformat(),
                    "2025-01-05",
                ]
            )
    return path


def rosters_in(db: Path, key: bytes) -> Counter[int]:
    """How many residents of each roster the database holds."""
    store = open_store(db, key=key)
    try:
        with store.read() as session:
            names = session.scalars(select(Resident.name)).all()
    finally:
        store.close()
    return Counter(int(name[2:].split("之")[0]) for name in names)


@pytest.mark.slow
def test_imports_killed_fifty_times_lose_nothing_and_half_write_nothing(
    sqlite_server, forks, tmp_path
):
    started = time.monotonic()
    sqlite_server.institution(HOME)
    store = new_client(tmp_path, sqlite_server, sqlite_server.code(institution=HOME))
    sync(store)  # the institution arrives; the database is encrypted (key in an open slot)
    db, key = store.path, store.key
    assert db is not None and key is not None
    store.close()
    rosters = [roster(tmp_path / f"roster-{k}.csv", k) for k in range(400)]
    log = tmp_path / "import.log"

    # one import left to finish: how long one takes here, now (the kills fall within 1.5×)
    began = time.monotonic()
    wait_until_done(
        forks.start(op="import", db=str(db), key=key.hex(), files=[str(rosters[0])], log=str(log))
    )
    longest = 1.5 * (time.monotonic() - began)
    assert log_lines(log) == [f"imported {rosters[0]}"]

    rng = random.Random(13)
    kills = 0
    next_roster = 1
    while kills < KILLS:
        todo = [str(p) for p in rosters[next_roster : next_roster + 20]]
        assert todo, "the rosters ran out before fifty kills"
        kills += run_and_kill(
            forks, rng, longest, op="import", db=str(db), key=key.hex(), files=todo, log=str(log)
        )
        assert integrity_ok(db, key)
        finished = {int(Path(line.split(" ", 1)[1]).stem.split("-")[1]) for line in log_lines(log)}
        held = rosters_in(db, key)
        assert set(held.values()) == {ROWS}, held  # each roster in full or not at all
        assert finished <= set(held)  # every import that returned is there
        assert set(held) <= finished | {max(held)}  # at most the last one, killed after commit
        next_roster = max(held) + 1

        store = open_store(db, key=key)
        assert outbox_problems(store) == []
        store.close()

    # the next sync takes every imported resident to the server, once
    store = open_store(db, key=key)
    sync(store)
    imported = sum(rosters_in(db, key).values())
    assert outbox_states(store) == {"acked": sum(outbox_states(store).values())}
    other = new_client(tmp_path, sqlite_server, sqlite_server.code(institution=HOME))
    sync(other)
    assert dump(other) == dump(store)
    assert len(dump(other)["residents"]) == imported
    store.close()
    other.close()
    print(
        f"\n{KILLS} kills during imports: {imported} residents, {time.monotonic() - started:.1f} s"
    )


@pytest.mark.slow
def test_a_killed_cli_import_leaves_no_half_written_rows(tmp_path):
    """``mzdesk import`` itself, logged in as a user of an encrypted database, killed late in
    its run (after its start-up, when it reads and writes) a few times: all or nothing."""
    db = tmp_path / "home.db"
    store = open_store(db)
    set_up_institution(
        store,
        Actor.setup(),
        InstitutionData(name=HOME, kind=InstitutionKind.NURSING_HOME),
        NewUser("admin", "王院长", "admin-pass"),
    )
    store.close()
    key = unlock(db, "admin", "admin-pass")[0]
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("MZDESK_")},
        "MZDESK_USER": "admin",
        "MZDESK_PASSWORD": "admin-pass",
    }

    def cli_import(number: int) -> subprocess.Popen[bytes]:
        path = roster(tmp_path / f"cli-{number}.csv", number * 10, rows=CLI_ROWS)
        return subprocess.Popen(
            [sys.executable, "-m", "mzdesk", "import", "residents", str(path), "--db", str(db)],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    began = time.monotonic()
    assert cli_import(0).wait(120) == 0
    whole = time.monotonic() - began
    assert rosters_in(db, key) == {0: CLI_ROWS}
    rng = random.Random(13)
    for number in range(1, CLI_KILLS + 1):
        process = cli_import(number)
        time.sleep(rng.uniform(0.6 * whole, whole))
        process.kill()
        process.wait(30)
        assert integrity_ok(db, key)
        held = rosters_in(db, key)
        assert set(held.values()) == {CLI_ROWS}, held  # each roster in full or not at all
        store = open_store(db, key=key)
        assert outbox_problems(store) == []
        store.close()
