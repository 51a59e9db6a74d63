"""What the crash tests share: the fork server that runs the operations (child.py), SIGKILL
at a random moment, and the checks every killed database must pass."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import select

from mzdesk.store import cipher
from mzdesk.store.engine import Store
from mzdesk.store.models import AuditEntry, OutboxEntry
from mzdesk.store.values import synced_tables

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50  # the number: fifty SIGKILLs for each operation


class ForkServer:
    """``python -m tests.crash.child``: imports once, forks one process per job."""

    def __init__(self, workdir: Path) -> None:
        self.stderr = (workdir / "child-stderr.log").open("ab")
        env = {k: v for k, v in os.environ.items() if not k.startswith("MZDESK_")}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            cwd=ROOT,
            env={**env, "XDG_DATA_HOME": str(workdir / "xdg"), "PYTHONUNBUFFERED": "1"},
            text=True,
        )
        assert self.process.stdout is not None
        ready = self.process.stdout.readline().strip()
        if ready != "ready":
            raise RuntimeError(f"the crash child did not start: {ready!r}")

    def start(self, **job: Any) -> int:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        return int(self.process.stdout.readline())

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        self.stderr.close()


@contextmanager
def fork_server(workdir: Path) -> Iterator[ForkServer]:
    server = ForkServer(workdir)
    try:
        yield server
    finally:
        server.close()


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def kill_after(pid: int, delay: float) -> bool:
    """SIGKILL ``pid`` after ``delay`` seconds; wait until it is gone (its locks released).
    True when the process was still running when the signal came."""
    time.sleep(delay)
    try:
        os.kill(pid, signal.SIGKILL)
        killed = True
    except ProcessLookupError:
        killed = False
    deadline = time.monotonic() + 30
    while not gone(pid):
        if time.monotonic() > deadline:
            raise RuntimeError(f"process {pid} did not die")
        time.sleep(0.002)
    return killed


def run_and_kill(server: ForkServer, rng: random.Random, longest: float, **job: Any) -> bool:
    """Start ``job``, SIGKILL it at a random moment in [0, longest) seconds. True when the
    kill found it running."""
    return kill_after(server.start(**job), rng.uniform(0, longest))


def wait_until_done(pid: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not gone(pid):
        if time.monotonic() > deadline:
            raise RuntimeError(f"process {pid} did not finish")
        time.sleep(0.01)


def wait_for_line(log: Path, start: str, timeout: float = 120) -> None:
    """Wait until a line of ``log`` starts with ``start``."""
    deadline = time.monotonic() + timeout
    while not any(line.startswith(start) for line in log_lines(log)):
        if time.monotonic() > deadline:
            raise RuntimeError(f"no {start!r} in {log} after {timeout} s")
        time.sleep(0.01)


def log_lines(log: Path) -> list[str]:
    lines = log.read_text().splitlines() if log.exists() else []
    errors = [line for line in lines if line.startswith("error ")]
    assert not errors, errors  # a killed process may stop anywhere, but never fail
    return lines


def integrity_ok(path: Path, key: bytes) -> bool:
    """``PRAGMA integrity_check`` (the full one) with the key."""
    connection = cipher.connect(path, key)
    try:
        return connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()


def outbox_problems(store: Store) -> list[str]:
    """Every change this device made and audited is in the outbox (pending, sent or acked),
    and the outbox holds nothing else than those states."""
    synced = set(synced_tables())
    with store.read() as session:
        audited = {
            (table, row)
            for table, row, user in session.execute(
                select(AuditEntry.table_name, AuditEntry.row_id, AuditEntry.user_name).where(
                    AuditEntry.action.in_(("create", "update", "delete"))
                )
            )
            if table in synced and user != "system"
        }
        entries = session.execute(
            select(OutboxEntry.table_name, OutboxEntry.row_id, OutboxEntry.state)
        ).all()
    in_outbox = {(table, row) for table, row, _ in entries}
    problems = [f"audited, not in the outbox: {t} {r}" for t, r in audited - in_outbox]
    problems += [
        f"outbox entry in state {state}: {t} {r}"
        for t, r, state in entries
        if state not in ("pending", "sent", "acked")
    ]
    return problems
