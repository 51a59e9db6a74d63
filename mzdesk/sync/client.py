"""Talking to the central server over HTTP (httpx, async so the window never freezes).

One ``sync`` is: push the outbox in batches (each batch compressed; outcomes recorded), then
pull the feed page by page, each page applied together with the new cursor in one
transaction — an interrupted sync continues where it stopped, and a batch sent twice is
applied once by the server; so every request is retried with backoff when the connection
breaks or the server is busy (``transport.py``, which also verifies the server's
certificate). Database work runs off the event loop through ``run_blocking``
(``asyncio.to_thread`` by default; the desktop passes its one writer, so sync's writes queue
with the user's and say what they changed).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:  # httpx (and the CLI it loads: rich, pygments) with the first request
    import httpx

from mzdesk.core.permissions import Actor, Permission
from mzdesk.store.engine import Store
from mzdesk.sync import device, feed, outbox
from mzdesk.sync.files import FileReport, fetch_files, send_files
from mzdesk.sync.transport import Retry, SyncFailure, check_ca, normalise_pin, send, ssl_context

__all__ = ["Retry", "SyncClient", "SyncFailure", "SyncReport", "enroll"]

T = TypeVar("T")

PUSH_BATCH = 500
PULL_PAGE = 1000
TIMEOUT_S, CONNECT_TIMEOUT_S = 60.0, 10.0


class RunBlocking(Protocol):
    """How blocking database work is run from a coroutine (``asyncio.to_thread``'s shape)."""

    def __call__(self, fn: Callable[..., T], /, *args: Any) -> Awaitable[T]: ...


@dataclass
class SyncReport:
    pushed: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    pulled: int = 0
    pages: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    files: FileReport = field(default_factory=FileReport)


def _headers(token: str | None) -> dict[str, str]:
    headers = {"X-Mzdesk-Schema": device.schema_version(), "Accept-Encoding": "gzip"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


def _problem(response: httpx.Response) -> SyncFailure:
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict) and "code" in body and "message" in body:
        return SyncFailure(str(body["code"]), str(body["message"]))
    if response.status_code in (429, 503):  # a proxy's or load balancer's own page
        code = "throttled" if response.status_code == 429 else "busy"
        return SyncFailure(code, f"the server answered {response.status_code} after retries")
    return SyncFailure(
        "server_error", f"the server answered {response.status_code}: {response.text[:200]}"
    )


ENROLMENT_REPLY = {"device_id": str, "token": str, "bundle_key": str, "institutions": list}


def _enrolment_reply(response: httpx.Response) -> dict[str, Any]:
    """The server's enrolment reply, or SyncFailure("not_mzdesk") when the address answered
    with something else (a web page, another service's JSON): nothing is saved then."""
    try:
        reply = response.json()
    except ValueError:
        reply = None
    if not isinstance(reply, dict) or not all(
        isinstance(reply.get(key), kind) for key, kind in ENROLMENT_REPLY.items()
    ):
        raise SyncFailure(
            "not_mzdesk", f"the answer is not an enrolment reply: {response.text[:200]!r}"
        )
    return reply


def _server_time(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


async def enroll(
    store: Store,
    actor: Actor,
    server: str,
    code: str,
    device_name: str,
    *,
    ca_pem: str | None = None,
    pin: str | None = None,
    run_blocking: RunBlocking = asyncio.to_thread,
    retry: Retry | None = None,
) -> dict[str, Any]:
    """Enrol this device with a server: whoever may change the institution's details.
    ``ca_pem`` (a private CA) or ``pin`` (the SHA-256 of the server's certificate) say how
    an ``https://`` server is verified, now and at every sync."""
    import httpx

    actor.require(Permission.INSTITUTION_EDIT)
    ca_pem = check_ca(ca_pem) if ca_pem else None
    pin = normalise_pin(pin) if pin else None
    async with httpx.AsyncClient(
        base_url=server,
        timeout=httpx.Timeout(TIMEOUT_S, connect=CONNECT_TIMEOUT_S),
        verify=ssl_context(ca_pem, pin),
    ) as http:
        try:
            response = await send(
                http,
                "POST",
                "/v1/enroll",
                retry=retry or Retry(),
                idempotent=False,  # the code works once: resend only what never arrived
                json={"code": code, "device_name": device_name},
                headers=_headers(None),
            )
        except httpx.HTTPError as error:
            raise SyncFailure(
                "network", f"the server {server} cannot be reached: {error}"
            ) from error
    if response.status_code != 200:
        failure = _problem(response)
        if failure.code == "server_error" and response.status_code in (404, 405):
            # no /v1/enroll here: some other web server (a router's page, another service)
            raise SyncFailure("not_mzdesk", failure.detail)
        raise failure
    reply = _enrolment_reply(response)
    await run_blocking(_save_enrolment, store, server, reply, ca_pem, pin)
    return reply


def _save_enrolment(
    store: Store, server: str, reply: dict[str, Any], ca_pem: str | None, pin: str | None
) -> None:
    device.save_enrolment(store, server, reply, ca_pem=ca_pem, pin=pin)


class SyncClient:
    """One sync with the central server, started by ``actor`` (who needs ``sync.run``).
    The bookkeeping it writes (outcomes, cursor, clock) is the program's, not the user's."""

    def __init__(
        self,
        store: Store,
        actor: Actor,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        run_blocking: RunBlocking = asyncio.to_thread,
        retry: Retry | None = None,
    ) -> None:
        self.store = store
        self.actor = actor
        self.transport = transport
        self.run_blocking = run_blocking
        self.retry = retry or Retry()

    async def sync(self) -> SyncReport:
        import httpx

        self.actor.require(Permission.SYNC_RUN)
        enrolment = await self.run_blocking(self._enrolment)
        if enrolment is None or not enrolment.server:
            raise SyncFailure("not_enrolled", "this device is not enrolled with a server")
        report = SyncReport()
        try:
            async with httpx.AsyncClient(
                base_url=enrolment.server,
                timeout=httpx.Timeout(TIMEOUT_S, connect=CONNECT_TIMEOUT_S),
                transport=self.transport,
                headers=_headers(enrolment.token),
                verify=ssl_context(enrolment.ca_pem, enrolment.pin),
            ) as http:
                await self._push(http, report)
                await self._files(send_files, http, report)
                await self._pull(http, report)
                await self._files(fetch_files, http, report)
        except SyncFailure as failure:
            await self.run_blocking(self._note, failure.message)
            raise
        except httpx.HTTPError as error:
            message = f"the server cannot be reached or the connection broke: {error!r}"
            await self.run_blocking(self._note, message)
            raise SyncFailure("network", message) from error
        await self.run_blocking(self._note, None)
        await self.run_blocking(outbox.prune_outbox, self.store)
        return report

    async def _files(
        self, step: Callable[..., Awaitable[None]], http: httpx.AsyncClient, report: SyncReport
    ) -> None:
        """Send or fetch files (sync/files.py). A file problem never stops the sync of rows:
        what is left is tried at the next sync; a certificate failure still stops it."""
        import httpx

        try:
            await step(http, self.store, self.run_blocking, self.retry, report.files)
        except httpx.HTTPError as error:
            report.files.failed += 1
            report.files.error = report.files.error or f"network: {error!r}"[:200]

    def _enrolment(self) -> device.Enrolment | None:
        with self.store.read() as session:
            return device.enrolment(session)

    def _cursor(self) -> int:
        with self.store.read() as session:
            return int(device.get_setting(session, "cursor", 0))

    def _note(self, error: str | None) -> None:
        with self.store.write(Actor.system()) as session:
            device.set_setting(session, "last_error", error)
            if error is None:
                device.set_setting(
                    session, "last_sync", dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                )

    def _clock(self, started: float, finished: float, server_time: str | None) -> None:
        server = _server_time(server_time)
        if server is None:
            return
        local = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(
            seconds=(finished - started) / 2
        )
        offset = round((server - local).total_seconds(), 1)
        with self.store.write(Actor.system()) as session:
            device.set_setting(session, "clock_offset_s", offset)

    async def _push(self, http: httpx.AsyncClient, report: SyncReport) -> None:
        while True:
            batch = await self.run_blocking(outbox.outbox_batch, self.store, PUSH_BATCH)
            if not batch:
                return
            body = gzip.compress(json.dumps({"changes": batch}, separators=(",", ":")).encode(), 6)
            report.bytes_sent += len(body)
            started = time.monotonic()
            response = await send(
                http,
                "POST",
                "/v1/push",
                retry=self.retry,
                content=body,
                headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
            )
            if response.status_code != 200:
                raise _problem(response)
            report.bytes_received += response.num_bytes_downloaded
            reply = response.json()
            await self.run_blocking(
                self._clock, started, time.monotonic(), reply.get("server_time")
            )
            outcomes = await self.run_blocking(self._record, reply["results"])
            for key, value in outcomes.items():
                report.outcomes[key] = report.outcomes.get(key, 0) + value
            report.pushed += len(batch)
            if len(batch) < PUSH_BATCH:
                return

    def _record(self, results: list[dict[str, Any]]) -> dict[str, int]:
        with self.store.write(Actor.system()) as session:
            return outbox.record_outcomes(session, results)

    async def _pull(self, http: httpx.AsyncClient, report: SyncReport) -> None:
        while True:
            cursor = await self.run_blocking(self._cursor)
            started = time.monotonic()
            response = await send(
                http,
                "GET",
                "/v1/pull",
                retry=self.retry,
                params={"cursor": cursor, "limit": PULL_PAGE},
            )
            if response.status_code != 200:
                raise _problem(response)
            report.bytes_received += response.num_bytes_downloaded
            page = response.json()
            if report.pages == 0:
                await self.run_blocking(
                    self._clock, started, time.monotonic(), page.get("server_time")
                )
            await self.run_blocking(self._apply_page, cursor, page)
            report.pulled += len(page["items"])
            report.pages += 1
            if not page["more"]:
                return

    def _apply_page(self, cursor: int, page: dict[str, Any]) -> None:
        with self.store.apply_remote() as session:
            if int(device.get_setting(session, "cursor", 0)) != cursor:
                return  # another sync got here first; the next page request will catch up
            feed.apply_items(session, page["items"])
            device.set_setting(session, "cursor", int(page["cursor"]))
