"""How the client talks to the server over HTTP: retries with backoff, and TLS.

**Retries.** Every sync request is safe to send again — a push by its change ids (the server
applies a change once and returns its first outcome), a pull by its cursor (the same page
again) — so a request that failed in transit (a kept-alive connection the server had just
closed, a reset, a timeout) or was answered 429/502/503/504 is sent again, a bounded number
of times, after an exponential backoff with full jitter or, when the server says
``Retry-After``, after that long (capped). Enrolment uses a one-time code, so it is retried
only where the request surely did not arrive (the connection never opened) or was refused
before any work (429/503).

**TLS.** An ``https://`` server's certificate is verified against the system's trusted
authorities, plus a private CA given at enrolment (its PEM is kept with the enrolment), or is
pinned: the SHA-256 of the server's certificate (DER), checked during the handshake, before a
byte of the request (or the device's token) is sent.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import functools
import hashlib
import hmac
import random
import ssl
import string
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # httpx (and the CLI it loads: rich, pygments) with the first request
    import httpx

from mzdesk.core.i18n import refusal_text

RETRY_STATUS = frozenset({429, 502, 503, 504})


class SyncFailure(Exception):
    """Sync stopped; nothing local was lost. ``code`` is the server's (or "network");
    ``message`` is for the user, in the current language, ``detail`` the server's words."""

    def __init__(self, code: str, detail: str) -> None:
        message = refusal_text(f"sync.{code}", code)
        super().__init__(message)
        self.code = code
        self.detail = detail
        self.message = message


# ---------------------------------------------------------------- retries


@dataclass(frozen=True)
class Retry:
    """At most ``attempts`` tries of one request. Between tries: ``Retry-After`` when the
    server gives it (plus up to 10% jitter so devices told the same do not return together;
    longer than ``retry_after_cap_s`` is not waited for: the request stops with the server's
    answer), else a random wait in [0, min(cap, base·2^(n-1))]
    (full jitter) after the n-th failure."""

    attempts: int = 6
    base_s: float = 0.5
    cap_s: float = 20.0
    retry_after_cap_s: float = 60.0
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    rng: random.Random = field(default_factory=random.Random)

    def backoff(self, failures: int) -> float:
        return self.rng.uniform(0.0, min(self.cap_s, self.base_s * 2 ** (failures - 1)))

    def after(self, retry_after: float) -> float:
        wait = min(max(retry_after, 0.0), self.retry_after_cap_s)
        return wait + self.rng.uniform(0.0, wait * 0.1)


def retry_after(response: httpx.Response) -> float | None:
    """The ``Retry-After`` header in seconds (delta-seconds or an HTTP date), if any."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())


def invalid_url() -> type[Exception]:
    """``httpx.InvalidURL`` for an ``except`` clause (evaluated only when something was
    raised), without importing httpx before the first request."""
    import httpx

    return httpx.InvalidURL


async def send(
    http: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    retry: Retry,
    idempotent: bool = True,
    **kwargs: Any,
) -> httpx.Response:
    """One request, sent again on a transport failure or a 429/502/503/504 answer, as
    ``retry`` allows. The last answer is returned (the caller turns a refusal into a
    SyncFailure); the last transport error is raised, a certificate problem at once."""
    import httpx

    not_sent = (httpx.ConnectError, httpx.ConnectTimeout)  # the request never left here
    failures = 0
    while True:
        try:
            response = await http.request(method, url, **kwargs)
        except httpx.TransportError as error:
            problem = certificate_failure(error)
            if problem is not None:
                raise problem from error
            failures += 1
            if failures >= retry.attempts or not (idempotent or isinstance(error, not_sent)):
                raise
            await retry.sleep(retry.backoff(failures))
            continue
        if response.status_code not in RETRY_STATUS or failures + 1 >= retry.attempts:
            return response
        if not idempotent and response.status_code not in (429, 503):
            return response
        wait = retry_after(response)
        if wait is not None and wait > retry.retry_after_cap_s:
            return response  # "come back in ten minutes": say so now rather than hang
        failures += 1
        await response.aclose()
        await retry.sleep(retry.backoff(failures) if wait is None else retry.after(wait))


# ---------------------------------------------------------------- TLS


class PinMismatch(ssl.SSLCertVerificationError):
    """The server's certificate is not the one pinned at enrolment."""


def normalise_pin(pin: str) -> str:
    """A SHA-256 fingerprint as 64 lower-case hex digits (colons and spaces allowed, an
    optional ``sha256:`` prefix), or SyncFailure("bad_pin")."""
    value = pin.strip().lower().removeprefix("sha256:").replace(":", "").replace(" ", "")
    if len(value) != 64 or any(c not in string.hexdigits for c in value):
        raise SyncFailure("bad_pin", f"not a SHA-256 fingerprint: {pin[:100]!r}")
    return value


def check_ca(pem: str) -> str:
    """The PEM text of one or more CA certificates, checked to load, or SyncFailure("bad_ca")."""
    try:
        ssl.create_default_context(cadata=pem)
    except (ssl.SSLError, ValueError) as error:
        raise SyncFailure("bad_ca", f"the CA file is not a PEM certificate: {error}") from error
    return pem


@functools.lru_cache(maxsize=16)
def ssl_context(ca_pem: str | None = None, pin: str | None = None) -> ssl.SSLContext:
    """The context ``https://`` requests use: the system's trusted authorities plus
    ``ca_pem``; with a ``pin``, the server's certificate must have that SHA-256 (and is then
    not required to chain to an authority: a pinned self-signed certificate is fine).
    Made once per CA and pin (loading the system's authorities takes 50–200 ms; every sync
    would otherwise pay it, even over plain HTTP)."""
    context = ssl.create_default_context()
    if ca_pem:
        context.load_verify_locations(cadata=ca_pem)
    if not pin:
        return context
    if not ca_pem:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    digest = bytes.fromhex(normalise_pin(pin))

    def check(der: bytes | None) -> None:
        if der is None or not hmac.compare_digest(hashlib.sha256(der).digest(), digest):
            found = hashlib.sha256(der).hexdigest() if der else "none"
            raise PinMismatch(f"the server's certificate has SHA-256 {found}, not the pinned one")

    class Pinned(ssl.SSLObject):  # the asyncio path (anyio wraps a BIO)
        def do_handshake(self) -> None:
            super().do_handshake()
            check(self.getpeercert(binary_form=True))

    class PinnedSocket(ssl.SSLSocket):  # the blocking path
        def do_handshake(self, block: bool = False) -> None:
            super().do_handshake(block)
            check(self.getpeercert(binary_form=True))

    context.sslobject_class = Pinned
    context.sslsocket_class = PinnedSocket
    return context


def certificate_failure(error: BaseException) -> SyncFailure | None:
    """A SyncFailure naming the certificate problem behind ``error``, if that is what it is."""
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, PinMismatch):
            return SyncFailure("certificate_pin", str(cause))
        if isinstance(cause, ssl.SSLCertVerificationError):
            return SyncFailure("certificate", str(cause))
        cause = cause.__cause__ or cause.__context__
    if "CERTIFICATE_VERIFY_FAILED" in str(error):
        return SyncFailure("certificate", str(error))
    return None
