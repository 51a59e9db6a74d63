"""Faults between client and server: dropped connections, truncated responses, the server
killed in the middle of a push. Nothing is lost and nothing is applied twice."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from mzdesk.server.models import Change
from mzdesk.sync.client import Retry, SyncFailure
from mzdesk.sync.device import set_setting
from tests.helpers.actors import SETUP
from tests.sync.conftest import free_port, new_client, sync
from tests.sync.helpers import dump, edit, outbox_states, seed


class FaultyProxy:
    """A TCP proxy in front of the server. ``mode``:
    - "pass": forward everything;
    - "drop": close each new connection as soon as the request starts (nothing reaches the
      server);
    - "truncate": forward the request, then pass on only the first bytes of the response
      and cut the connection (the server did the work; the client never hears of it);
    - "reuse": forward one request and its response per connection, then close the
      connection when the next request arrives on it, unanswered — what a client sees when
      it reuses a kept-alive connection at the moment the server closes it as idle
      (uvicorn does after 5 s).
    """

    def __init__(self, target_port: int) -> None:
        self.target = ("127.0.0.1", target_port)
        self.port = free_port()
        self.mode = "pass"
        self.faults = 0
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._stop = True
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        mode = self.mode
        if mode == "drop":
            client.recv(1024)
            self.faults += 1
            client.close()
            return
        upstream = socket.create_connection(self.target)
        answered = threading.Event()

        def pump(src: socket.socket, dst: socket.socket, limit: int | None) -> None:
            sent = 0
            try:
                while True:
                    data = src.recv(65536)
                    if not data:
                        break
                    if src is upstream:
                        answered.set()
                    elif mode == "reuse" and answered.is_set():
                        self.faults += 1  # a second request on this connection: close it
                        break
                    if limit is not None and sent + len(data) > limit:
                        dst.sendall(data[: max(0, limit - sent)])
                        self.faults += 1
                        break
                    dst.sendall(data)
                    sent += len(data)
            except OSError:
                pass
            finally:
                for s in (src, dst):
                    with contextlib.suppress(OSError):
                        s.shutdown(socket.SHUT_RDWR)
                    s.close()

        threading.Thread(target=pump, args=(client, upstream, None), daemon=True).start()
        pump(upstream, client, 60 if mode == "truncate" else None)


@pytest.fixture
def proxy(server) -> Iterator[FaultyProxy]:
    p = FaultyProxy(server.port)
    yield p
    p.close()


def _via(store, url: str) -> None:
    with store.write(SETUP) as session:
        set_setting(session, "server", url)


FAST = Retry(attempts=3, base_s=0.01)  # a fault that persists: give up quickly


def _changes_on_server(server) -> int:
    with server.db.transaction() as session:
        return session.scalar(select(func.count()).select_from(Change)) or 0


@pytest.mark.parametrize("mode", ["drop", "truncate"])
def test_a_broken_connection_loses_nothing_and_duplicates_nothing(server, proxy, tmp_path, mode):
    server.institution("风险测试院")
    a = new_client(tmp_path, server, server.code(institution="风险测试院"))
    b = new_client(tmp_path, server, server.code(institution="风险测试院"))
    sync(a)
    residents = seed(a, beds=6, residents=3)
    edit(a, residents[0], phone="13300000000")
    made = sum(outbox_states(a).values())
    _via(a, proxy.url)
    proxy.mode = mode
    with pytest.raises(SyncFailure) as failure:
        sync(a, retry=FAST)  # every retry meets the same fault
    assert failure.value.code in ("network", "server_error")
    assert proxy.faults >= 1
    assert outbox_states(a).get("acked", 0) < made  # nothing was acknowledged, nothing lost
    proxy.mode = "pass"
    sync(a)
    assert outbox_states(a) == {"acked": made}
    assert _changes_on_server(server) == made  # each change applied exactly once
    sync(b)
    assert dump(a) == dump(b)


def test_the_server_killed_mid_push_loses_nothing(server, tmp_path, monkeypatch):
    import mzdesk.sync.client as client

    server.institution("停电测试院")
    a = new_client(tmp_path, server, server.code(institution="停电测试院"))
    sync(a)
    seed(a, beds=120, residents=20)
    made = sum(outbox_states(a).values())
    monkeypatch.setattr(client, "PUSH_BATCH", 25)
    killer_done = threading.Event()

    def kill_when_pushing() -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if _changes_on_server(server) > 0:
                server.kill()
                break
            time.sleep(0.005)
        killer_done.set()

    threading.Thread(target=kill_when_pushing, daemon=True).start()
    with pytest.raises(SyncFailure):
        sync(a, retry=FAST)
    killer_done.wait(30)
    applied_before_restart = _changes_on_server(server)
    assert 0 < applied_before_restart < made
    server.start()
    sync(a)
    assert outbox_states(a) == {"acked": made}
    assert _changes_on_server(server) == made
    b = new_client(tmp_path, server, server.code(institution="停电测试院"))
    sync(b)
    assert dump(a) == dump(b)


def test_a_kept_alive_connection_closed_by_the_server_is_retried(server, proxy, tmp_path):
    """Issue 10: a sync that reused a connection the server had just closed failed (27–71 of
    200 concurrent syncs). Here every connection is closed when its second request arrives:
    each sync request after the first meets that, and each is sent again on a new one."""
    server.institution("长连接测试院")
    a = new_client(tmp_path, server, server.code(institution="长连接测试院"))
    b = new_client(tmp_path, server, server.code(institution="长连接测试院"))
    sync(a)
    seed(a, beds=6, residents=3)
    made = sum(outbox_states(a).values())
    _via(a, proxy.url)
    _via(b, proxy.url)
    proxy.mode = "reuse"
    with pytest.MonkeyPatch.context() as patch:
        import mzdesk.sync.client as client

        patch.setattr(client, "PUSH_BATCH", 5)  # several pushes on one connection
        patch.setattr(client, "PULL_PAGE", 5)  # several pull pages too
        sync(a)
        sync(b)
    assert proxy.faults >= 4  # the pushes and pages after the first each met a closed one
    assert outbox_states(a) == {"acked": made}
    assert _changes_on_server(server) == made  # every change applied exactly once
    assert dump(a) == dump(b)
