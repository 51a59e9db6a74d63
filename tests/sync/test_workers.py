"""``mzdesk serve --workers N``: several server processes on one PostgreSQL, pushed to by
several client processes at once; SQLite refuses more than one worker.

Nothing a worker keeps in memory may matter: devices of two homes push different fields of
the same records round after round from their own processes, while an observer of each home
pulls as often as it can. In the end every replica of a home is identical, each device's
last values won, and the observer — which only ever pulled increments — holds exactly what a
device enrolled afterwards pulls from the start: no pull skipped a late commit.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest

from mzdesk.store.engine import open_store
from mzdesk.store.models import Resident
from mzdesk.sync.client import SyncClient
from mzdesk.sync.review import open_conflicts
from tests.cli.process import mzdesk
from tests.helpers.actors import SETUP
from tests.helpers.tools import need
from tests.sync.conftest import ServerProcess, new_client, sync
from tests.sync.helpers import dump, seed
from tests.sync.test_concurrency import _headers, _held_push, _post, _update

RESIDENTS = 20
ROUNDS = 5
HOMES = ("一号院", "二号院")


def _sync(path: str) -> None:
    store = open_store(Path(path))
    try:
        asyncio.run(SyncClient(store, SETUP).sync())
    finally:
        store.close()


def _pusher(path: str, field: str, tag: str, residents: list[str], start: Any) -> None:
    """A desktop in its own process: edits ``field`` of every resident and syncs, ROUNDS
    times."""
    start.wait(60)
    for round_ in range(ROUNDS):
        store = open_store(Path(path))
        try:
            with store.write(SETUP) as session:
                for k, resident in enumerate(residents):
                    row = session.get(Resident, uuid.UUID(resident))
                    assert row is not None
                    setattr(row, field, f"{tag}{round_}-{k}")
            asyncio.run(SyncClient(store, SETUP).sync())
        finally:
            store.close()


def _observer(path: str, start: Any, done: Any) -> None:
    """A desktop that only pulls, as often as it can, while the others push."""
    start.wait(60)
    for _ in range(500):
        _sync(path)
        if done.is_set():
            return


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


@pytest.fixture
def two_workers(postgres, tmp_path):
    need("postgresql", postgres)
    process = ServerProcess(postgres.new_database(), tmp_path / "server.log", "--workers", "2")
    process.start()
    yield process
    process.stop()


def test_two_workers_on_postgresql_converge_and_no_pull_skips(two_workers, tmp_path):
    server = two_workers
    assert server.process is not None
    deadline = time.monotonic() + 30
    while len(_children(server.process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(_children(server.process.pid)) >= 2, "mzdesk serve --workers 2 runs 2 workers"

    homes: dict[str, dict[str, Any]] = {}
    for name in HOMES:
        server.institution(name)
        first = new_client(tmp_path, server, server.code(institution=name), f"{name}前台")
        sync(first)
        residents = seed(first, beds=RESIDENTS, residents=RESIDENTS)
        sync(first)
        second = new_client(tmp_path, server, server.code(institution=name), f"{name}护理站")
        observer = new_client(tmp_path, server, server.code(institution=name), f"{name}院长")
        for store in (second, observer):
            sync(store)
        homes[name] = {"stores": [first, second, observer], "residents": residents}

    context = multiprocessing.get_context("spawn")
    start, done = context.Event(), context.Event()
    pushers, observers = [], []
    for home in homes.values():
        first, second, observer = home["stores"]
        ids = [str(r) for r in home["residents"]]
        for store, field, tag in ((first, "phone", "1"), (second, "note", "乙")):
            pushers.append(
                context.Process(target=_pusher, args=(str(store.path), field, tag, ids, start))
            )
        observers.append(context.Process(target=_observer, args=(str(observer.path), start, done)))
    for process in pushers + observers:
        process.start()
    start.set()
    for process in pushers:
        process.join(600)
    done.set()
    for process in observers:
        process.join(600)
    assert [p.exitcode for p in pushers + observers] == [0] * len(pushers + observers)

    for name, home in homes.items():
        stores = home["stores"]
        for store in stores[:2]:
            sync(store)
        sync(stores[2])  # the observer: one more increment, like any later sync
        late = new_client(tmp_path, server, server.code(institution=name), f"{name}新电脑")
        sync(late)
        dumps = [dump(store) for store in [*stores, late]]
        assert all(d == dumps[0] for d in dumps), name
        last = ROUNDS - 1
        with stores[0].read() as session:
            for k, resident in enumerate(home["residents"]):
                row = session.get(Resident, resident)
                assert (row.phone, row.note) == (f"1{last}-{k}", f"乙{last}-{k}")
        assert open_conflicts(stores[0]) == []


def test_a_sqlite_server_refuses_more_than_one_worker(tmp_path):
    result = mzdesk(
        "serve", "--db", str(tmp_path / "server.db"), "--workers", "2", "--port", "1",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1
    assert "--workers" in result.stderr and "PostgreSQL" in result.stderr
    assert "Traceback" not in result.stderr


def test_busy_workers_answer_503_with_retry_after(postgres, tmp_path):
    """With at most one request in hand, another one is told to come back later."""
    need("postgresql", postgres)
    server = ServerProcess(postgres.new_database(), tmp_path / "server.log", "--max-queue", "1")
    server.start()
    try:
        server.institution("繁忙院")
        store = new_client(tmp_path, server, server.code(institution="繁忙院"), "前台")
        other = new_client(tmp_path, server, server.code(institution="繁忙院"), "护理站")
        sync(store)
        residents = seed(store, beds=2, residents=1)
        sync(store)
        # a push held open on the server's side keeps the device's next push in hand
        slow, release, _ = _held_push(server, store, [_update(store, residents[0], note="慢")])
        replies: list[httpx.Response] = []

        def held() -> None:
            for _ in range(100):
                reply = _post(
                    server.url + "/v1/push",
                    {"changes": [_update(store, residents[0], note="等")]},
                    _headers(store),
                )
                if reply.status_code != 503:
                    replies.append(reply)
                    return
                time.sleep(0.1)

        waiting = threading.Thread(target=held)
        waiting.start()
        try:
            busy = None
            for _ in range(100):
                answer = httpx.get(
                    server.url + "/v1/pull", params={"cursor": 0}, headers=_headers(other)
                )
                if answer.status_code == 503:
                    busy = answer
                    break
                time.sleep(0.1)
            assert busy is not None
            assert busy.json()["code"] == "busy"
            assert int(busy.headers["Retry-After"]) > 0
            assert httpx.get(server.url + "/health").status_code == 200
        finally:
            release.set()
            slow.join(60)
            waiting.join(60)
        assert replies and replies[0].status_code == 200
    finally:
        server.stop()
