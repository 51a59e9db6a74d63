"""A busy server: answers 503 or 429 with ``Retry-After``. The client waits as told (capped),
tries again a bounded number of times, and in the end either syncs — every change applied
once — or stops with the server's reason and nothing lost. And automatic sync is spread out
over time (the schedule, not a timer)."""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from sqlalchemy import func, select

from mzdesk.server.models import Change
from mzdesk.sync import schedule
from mzdesk.sync.client import Retry, SyncFailure
from mzdesk.sync.device import set_setting
from tests.helpers.actors import SETUP
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import dump, outbox_states, seed

HOP_BY_HOP = {"host", "content-length", "connection", "transfer-encoding", "content-encoding"}


class BusyFront(ThreadingHTTPServer):
    """A front (as a reverse proxy or an overloaded server would be) that answers the first
    ``refuse`` requests with ``status`` and ``Retry-After``, and forwards the rest to the
    real server."""

    daemon_threads = True

    def __init__(self, target: str, status: int, retry_after: str, refuse: int) -> None:
        self.target = target
        self.status = status
        self.retry_after = retry_after
        self.refuse = refuse
        self.seen = 0
        self.refused = 0
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: BusyFront

    def do_GET(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        front = self.server
        with front.lock:
            front.seen += 1
            refuse = front.seen <= front.refuse
            front.refused += refuse
        if refuse:
            code = "throttled" if front.status == 429 else "busy"
            self._answer(
                front.status,
                json.dumps({"code": code, "message": "busy, retry later"}).encode(),
                {"Retry-After": front.retry_after, "Content-Type": "application/json"},
            )
            return
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        if self.headers.get("Content-Encoding"):
            headers["Content-Encoding"] = self.headers["Content-Encoding"]
        with httpx.Client(timeout=60) as http:
            reply = http.request(
                self.command, front.target + self.path, headers=headers, content=body
            )
        self._answer(
            reply.status_code,
            reply.content,
            {k: v for k, v in reply.headers.items() if k.lower() not in HOP_BY_HOP},
        )

    do_POST = do_GET

    def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def front(server) -> Iterator[BusyFront]:
    busy = BusyFront(server.url, 503, "1", 0)
    yield busy
    busy.shutdown()
    busy.server_close()


def _via(store, url: str) -> None:
    with store.write(SETUP) as session:
        set_setting(session, "server", url)


def _changes_on_server(server) -> int:
    with server.db.transaction() as session:
        return session.scalar(select(func.count()).select_from(Change)) or 0


class Waits:
    """A Retry's sleep that records how long it was told to wait (and does not wait)."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


@pytest.mark.parametrize("status", [503, 429])
def test_a_busy_server_is_tried_again_after_its_retry_after(server, front, tmp_path, status):
    server.institution("繁忙测试院")
    a = new_client(tmp_path, server, server.code(institution="繁忙测试院"))
    b = new_client(tmp_path, server, server.code(institution="繁忙测试院"))
    sync(a)
    seed(a, beds=4, residents=2)
    made = sum(outbox_states(a).values())
    _via(a, front.url)
    front.status, front.refuse = status, 3
    sync(a)  # the default policy: really waits the 1 s the server asks, three times
    assert front.refused == 3
    assert outbox_states(a) == {"acked": made}
    assert _changes_on_server(server) == made
    sync(b)
    assert dump(a) == dump(b)


def test_retry_after_is_honoured_capped_and_bounded(server, front, tmp_path):
    server.institution("限流测试院")
    a = new_client(tmp_path, server, server.code(institution="限流测试院"))
    sync(a)
    seed(a, beds=2, residents=1)
    made = sum(outbox_states(a).values())
    _via(a, front.url)

    waits = Waits()
    front.status, front.retry_after, front.seen, front.refuse = 503, "7", 0, 2
    sync(a, retry=Retry(sleep=waits, rng=random.Random(1)))
    assert len(waits.seconds) == 2 and all(7 <= s <= 7.7 for s in waits.seconds)
    assert outbox_states(a) == {"acked": made}

    seed(a, beds=2, residents=1, building="2号楼")  # more to push
    pending = outbox_states(a)["pending"]
    waits = Waits()  # a server that keeps refusing: a bounded number of tries
    front.status, front.retry_after, front.seen, front.refuse = 429, "30", 0, 10**6
    with pytest.raises(SyncFailure) as failure:
        sync(a, retry=Retry(attempts=4, retry_after_cap_s=60, sleep=waits))
    assert failure.value.code == "throttled"
    assert front.seen == 4  # then the server's reason
    assert len(waits.seconds) == 3 and all(30 <= s <= 33 for s in waits.seconds)
    assert outbox_states(a)["pending"] == pending  # nothing lost, nothing acknowledged

    waits = Waits()  # asked to come back in an hour: not waited for, said at once
    front.retry_after, front.seen = "3600", 0
    with pytest.raises(SyncFailure) as failure:
        sync(a, retry=Retry(retry_after_cap_s=60, sleep=waits))
    assert failure.value.code == "throttled" and front.seen == 1 and waits.seconds == []

    waits = Waits()  # an HTTP date works as well as seconds
    front.retry_after, front.seen, front.refuse = "Wed, 21 Oct 2015 07:28:00 GMT", 0, 1
    sync(a, retry=Retry(sleep=waits))
    assert waits.seconds == [0.0]  # a date in the past: try again at once
    assert "pending" not in outbox_states(a)


def test_enrolment_is_retried_only_where_it_cannot_have_been_used(server, front, tmp_path):
    from mzdesk.store.engine import open_store
    from mzdesk.sync.client import enroll

    server.institution("注册重试院")
    front.status, front.retry_after, front.refuse = 503, "0", 2
    store = open_store(tmp_path / "c.db")
    import asyncio

    waits = Waits()
    reply = asyncio.run(
        enroll(
            store, SETUP, front.url, server.code(institution="注册重试院"), "PC",
            retry=Retry(sleep=waits),
        )
    )  # fmt: skip
    assert reply["device_id"] and len(waits.seconds) == 2
    sync(store)
    store.close()


def test_automatic_sync_spreads_a_morning_burst():
    """2,000 desktops switched on in the same second: their first automatic syncs fall at
    random within the window, never sooner than the minimum, and no second gets more than a
    small multiple of its fair share; the later ones stay spread (each wait drawn afresh)."""
    rng = random.Random(10)
    firsts = [schedule.first_delay_s(rng) for _ in range(2000)]
    low, high = schedule.FIRST_MIN_S, schedule.FIRST_MIN_S + schedule.FIRST_WINDOW_S
    assert all(low <= t <= high for t in firsts)
    per_second: dict[int, int] = {}
    for t in firsts:
        per_second[int(t)] = per_second.get(int(t), 0) + 1
    fair = 2000 / schedule.FIRST_WINDOW_S
    assert max(per_second.values()) <= 3 * fair
    assert len(per_second) >= 0.9 * schedule.FIRST_WINDOW_S
    nexts = [schedule.next_delay_s(rng) for _ in range(2000)]
    interval, spread = schedule.INTERVAL_S, schedule.INTERVAL_SPREAD
    assert all(interval * (1 - spread) <= t <= interval * (1 + spread) for t in nexts)
    assert len({round(t) for t in nexts}) > 100  # not in step with each other
    assert schedule.first_delay_s(rng, minimum_s=0.1, window_s=0) == 0.1
