"""The process the crash tests kill: ``python -m tests.crash.child``.

Starting Python and importing mzdesk costs a second or more a process, and the crash tests
kill two hundred processes. So this is a small fork server: it imports what the operations
need once, then reads jobs (one JSON object a line) on stdin and forks one process per job,
answering with its pid. The forked process runs the real operation on the real files — the
encrypted database, its key slots, the real server over HTTP — and the test SIGKILLs it at a
random moment. Nothing of the server's own state is shared with the forked process: the
server never opens a database, so every connection is made after the fork.

Each job appends what it has finished to its ``log`` file, one line at a time (written with
O_APPEND before the next step starts): a line there means the step before it committed.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import json
import os
import signal
import sys
import traceback
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mzdesk.core.permissions import Actor
from mzdesk.services.tables.columns import Kind
from mzdesk.services.tables.importing import import_file
from mzdesk.store import cipher
from mzdesk.store.engine import Store, open_store
from mzdesk.store.models import Resident
from mzdesk.sync import client

SETUP = Actor.setup()


def note(log: Path, line: str) -> None:
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (line + "\n").encode())
    finally:
        os.close(fd)


def _key(job: dict[str, Any]) -> bytes | None:
    return bytes.fromhex(job["key"]) if job.get("key") else None


def run_import(job: dict[str, Any]) -> None:
    """Import the rosters one after another, each one transaction."""
    store = open_store(Path(job["db"]), key=_key(job))
    for path in job["files"]:
        import_file(store, SETUP, Kind.RESIDENTS, Path(path))
        note(Path(job["log"]), f"imported {path}")


def change_notes(store: Store, ids: list[uuid.UUID], counter: int) -> None:
    """One transaction: every one of these residents' notes becomes c<counter>."""
    with store.write(SETUP) as session:
        for resident in session.scalars(select(Resident).where(Resident.id.in_(ids))):
            resident.note = f"c{counter}"


def run_sync(job: dict[str, Any]) -> None:
    """Round after round: change the same residents' notes in one transaction, then sync
    (small push batches and pull pages, so a sync has many steps to be killed in)."""
    client.PUSH_BATCH = 40
    client.PULL_PAGE = 40
    store = open_store(Path(job["db"]), key=_key(job))
    ids = [uuid.UUID(i) for i in job["residents"]]
    counter = int(job["counter"])
    log = Path(job["log"])
    while True:
        counter += 1
        change_notes(store, ids, counter)
        note(log, f"committed {counter}")
        asyncio.run(client.SyncClient(store, SETUP).sync())
        note(log, f"synced {counter}")


def run_backup(job: dict[str, Any]) -> None:
    """Round after round: change the same residents' notes in one transaction, then back up
    (made, verified, rotated)."""
    from mzdesk.services.backups import back_up

    store = open_store(Path(job["db"]), key=_key(job))
    ids = [uuid.UUID(i) for i in job["residents"]]
    counter = int(job["counter"])
    log = Path(job["log"])
    while True:
        counter += 1
        change_notes(store, ids, counter)
        note(log, f"committed {counter}")
        info = back_up(store)
        note(log, f"backed-up {info.path}")


def run_open(job: dict[str, Any]) -> None:
    """Open the database: migrate an old schema to head, encrypt an old plain database."""
    store = open_store(Path(job["db"]), key=_key(job))
    store.close()
    note(Path(job["log"]), "opened")


OPERATIONS = {"import": run_import, "sync": run_sync, "backup": run_backup, "open": run_open}


def main() -> None:
    cipher.driver()  # SQLCipher loaded before the forks, like everything else
    with contextlib.suppress(ImportError):  # backups (H3's part), where they have landed
        importlib.import_module("mzdesk.services.backups")
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # forked processes reap themselves
    print("ready", flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the forked process: run the job, never return into the loop
            code = 0
            try:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                OPERATIONS[job["op"]](job)
            except BaseException as error:
                traceback.print_exc()
                note(Path(job["log"]), f"error {error!r}")
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        print(pid, flush=True)


if __name__ == "__main__":
    main()
