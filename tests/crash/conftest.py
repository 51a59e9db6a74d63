"""The crash tests' fixtures: the real server (on SQLite: the kills are the client's, so the
PostgreSQL half of tests/sync's ``server`` fixture would double the time and test nothing
more here) and the fork server that runs the operations to be killed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.crash.harness import ForkServer, fork_server
from tests.sync.conftest import ServerProcess


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server.log")
    process.start()
    yield process
    process.stop()


@pytest.fixture
def forks(tmp_path: Path) -> Iterator[ForkServer]:
    with fork_server(tmp_path) as server:
        yield server
