"""Real parts for the sync tests: a PostgreSQL server started from the Debian binaries, the
mzdesk server as a real process on 127.0.0.1, and client databases enrolled with it.

Every test using ``server`` runs twice: on SQLite and on PostgreSQL. Without PostgreSQL
binaries the PostgreSQL half is skipped — except when ``MZDESK_REQUIRE_ALL_TOOLS=1`` (set by
.ci/run), where it fails: CI must never silently skip it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from mzdesk.server.admin import add_institution, create_enrollment
from mzdesk.server.db import ServerDB, open_server_db
from mzdesk.store.engine import Store, open_store
from mzdesk.sync.client import SyncClient, SyncReport, enroll
from tests.helpers.actors import SETUP
from tests.helpers.tools import need, required

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bindir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@dataclass
class Postgres:
    port: int
    counter: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"mzdesk_test_{os.getpid()}_{next(self.counter)}"
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres | None]:
    bindir = _pg_bindir()
    if bindir is None:
        if os.environ.get("MZDESK_REQUIRE_POSTGRES") == "1" or required():
            pytest.fail(
                "PostgreSQL is required here (MZDESK_REQUIRE_ALL_TOOLS=1) but not installed"
            )
        yield None
        return
    with postgres_cluster(bindir, "-c fsync=off -c max_connections=300") as port:
        yield Postgres(port)


@contextlib.contextmanager
def postgres_cluster(bindir: Path, settings: str = "") -> Iterator[int]:
    """A throwaway PostgreSQL cluster on 127.0.0.1 from the binaries in ``bindir`` (run as
    the postgres user when root), with extra server ``settings``; yields its port. Used by
    the tests and the benchmarks."""
    root = os.geteuid() == 0
    data = Path(tempfile.mkdtemp(prefix="mzdesk-pg-"))
    run_as = ["runuser", "-u", "postgres", "--"] if root else []
    if root:
        shutil.chown(data, "postgres", "postgres")
    port = free_port()
    subprocess.run(
        [*run_as, str(bindir / "initdb"), "-D", str(data / "db"), "-U", "postgres",
         "--auth=trust", "-E", "UTF8", "--no-locale"],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        [*run_as, str(bindir / "pg_ctl"), "-D", str(data / "db"), "-w", "-l", str(data / "log"),
         "-o", f"-p {port} -k {data} -c listen_addresses=127.0.0.1 {settings}", "start"],
        check=True, capture_output=True,
    )  # fmt: skip
    try:
        yield port
    finally:
        subprocess.run(
            [*run_as, str(bindir / "pg_ctl"), "-D", str(data / "db"), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.db'}"
    pg: Postgres | None = request.getfixturevalue("postgres")
    need("postgresql", pg)
    assert pg is not None
    return pg.new_database()


class ServerProcess:
    """``mzdesk serve`` in its own process, restartable (fault tests kill it)."""

    def __init__(self, db_url: str, log: Path, *extra: str) -> None:
        self.db_url = db_url
        self.extra = extra  # more arguments of ``mzdesk serve`` (--workers …)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None
        # the server's key file: beside a SQLite database by default; PostgreSQL needs one
        self.key_file: Path | None = (
            None if db_url.startswith("sqlite") else log.parent / "server.key"
        )
        self.db: ServerDB = self.reopen()

    def reopen(self) -> ServerDB:
        """The server's database opened here, with the server's key file."""
        return open_server_db(self.db_url, key_file=self.key_file)

    def start(self) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        if self.key_file is not None:
            env["MZDESK_SERVER_KEY_FILE"] = str(self.key_file)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mzdesk", "serve", "--db", self.db_url,
                 "--port", str(self.port), *self.extra],
                stdout=log, stderr=subprocess.STDOUT, env=env, cwd=ROOT,
            )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text(errors='replace')}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return
            time.sleep(0.1)
        raise RuntimeError("server did not come up")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.db.close()

    # administration straight on the server's database (the CLI is tested on its own)
    def institution(self, name: str, region: str | None = "370212", kind: str = "nursing_home"):
        return add_institution(self.db, name, kind, region)

    def code(self, *, institution: str | None = None, region: str | None = None) -> str:
        return create_enrollment(self.db, institution=institution, region=region)


@pytest.fixture
def server(server_db_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(server_db_url, tmp_path / "server.log")
    process.start()
    yield process
    process.stop()


_clients = itertools.count(1)


def new_client(tmp_path: Path, server: ServerProcess, code: str, name: str = "") -> Store:
    store = open_store(tmp_path / f"client-{next(_clients)}.db")
    asyncio.run(enroll(store, SETUP, server.url, code, name or f"PC-{next(_clients)}"))
    return store


def sync(store: Store, **kwargs: Any) -> SyncReport:
    return asyncio.run(SyncClient(store, SETUP, **kwargs).sync())
