"""Photos and signatures through sync: the bytes of attached files, apart from the rows.

After the rows are pushed, the files this device has and the server may lack are offered
(``POST /v1/files/lacking``) and those it lacks are sent (``PUT /v1/files/{sha256}``); after
the rows are pulled, files named by live attachments and not on this device are fetched
(``GET /v1/files/{sha256}``) into the file store, hash checked, a piece at a time. A file
the server holds is noted (``file_transfers``), so it is offered once.

Nothing here stops the sync of rows: a file that cannot be sent or fetched now (the server
does not have it yet, the connection broke, the server refused it) is tried again at the next
sync, and what went wrong is kept with it. Each request is safe to repeat (a file is named by
its hash), so an interrupted sync resumes with the files still to do; one file is at most
``MAX_ATTACHMENT_BYTES`` and is the most held in memory at a time.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:  # httpx (and the CLI it loads: rich, pygments) with the first request
    import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.bundle import file_entry, read_file_entry
from mzdesk.core.errors import ValidationError
from mzdesk.core.limits import MAX_ATTACHMENT_BYTES
from mzdesk.core.permissions import Actor
from mzdesk.services.attachments import check_image
from mzdesk.store.engine import Store
from mzdesk.store.files import FileCorrupt, FileTooLarge
from mzdesk.store.models import Attachment, FileTransfer, utcnow
from mzdesk.sync.transport import Retry, send

log = logging.getLogger(__name__)
T = TypeVar("T")
ASK_BATCH = 500  # hashes per "which do you lack?" (the server takes up to 1000)


class RunBlocking(Protocol):
    def __call__(self, fn: Callable[..., T], /, *args: Any) -> Awaitable[T]: ...


@dataclass
class FileReport:
    sent: int = 0
    received: int = 0
    failed: int = 0  # tried and not done this time (tried again at the next sync)
    error: str | None = None  # the first problem met, for the status line


@dataclass(frozen=True)
class Pending:
    to_send: list[tuple[str, str]]  # (sha256, media type) this device has
    to_fetch: list[str]  # named by live attachments, not on this device


def pending_files(store: Store) -> Pending:
    """Files of live attachments the server is not yet known to hold: those here to send,
    the others to fetch."""
    with store.read() as session:
        rows = _not_known_on_server(session)
    to_send: list[tuple[str, str]] = []
    to_fetch: list[str] = []
    for sha256, media_type in rows:
        if store.files.has(sha256):
            to_send.append((sha256, media_type))
        else:
            to_fetch.append(sha256)
    return Pending(to_send, to_fetch)


def _not_known_on_server(session: Session) -> list[tuple[str, str]]:
    held = select(FileTransfer.sha256).where(FileTransfer.on_server_at.is_not(None))
    query = (
        select(Attachment.sha256, Attachment.media_type)
        .where(Attachment.deleted_at.is_(None), Attachment.sha256.not_in(held))
        .distinct()
        .order_by(Attachment.sha256)
    )
    return [(str(s), str(m)) for s, m in session.execute(query)]


def mark_on_server(store: Store, hashes: list[str]) -> None:
    if not hashes:
        return
    with store.write(Actor.system()) as session:
        mark_in(session, hashes)


def mark_in(session: Session, hashes: list[str]) -> None:
    """Note, inside the caller's transaction, that the server holds these files."""
    now = utcnow()
    for sha256 in dict.fromkeys(hashes):
        row = session.get(FileTransfer, sha256)
        if row is None:
            session.add(FileTransfer(sha256=sha256, on_server_at=now, attempts=0))
        else:
            row.on_server_at = now
            row.last_error = None
    session.flush()


def note_failure(store: Store, sha256: str, error: str) -> None:
    with store.write(Actor.system()) as session:
        row = session.get(FileTransfer, sha256)
        if row is None:
            row = FileTransfer(sha256=sha256, attempts=0)
            session.add(row)
        row.attempts = (row.attempts or 0) + 1
        row.last_error = error[:500]


def _code(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        body = None
    if isinstance(body, dict) and isinstance(body.get("code"), str):
        return str(body["code"])
    return f"http_{response.status_code}"


async def send_files(
    http: httpx.AsyncClient, store: Store, run: RunBlocking, retry: Retry, report: FileReport
) -> None:
    """Offer this device's files the server is not known to hold; send those it lacks."""
    pending = await run(pending_files, store)
    media = dict(pending.to_send)
    hashes = list(media)
    for start in range(0, len(hashes), ASK_BATCH):
        batch = hashes[start : start + ASK_BATCH]
        response = await send(
            http, "POST", "/v1/files/lacking", retry=retry, json={"sha256": batch}
        )
        if response.status_code != 200:
            _failed(report, _code(response), len(batch))
            return
        answer = response.json()
        missing = [h for h in answer.get("missing", []) if h in media]
        unknown = set(answer.get("unknown", []))
        await run(
            mark_on_server, store, [h for h in batch if h not in unknown and h not in missing]
        )
        report.failed += len(unknown & set(batch))  # its row has not reached the server yet
        for sha256 in missing:
            data = await run(store.files.read, sha256)
            response = await send(
                http,
                "PUT",
                f"/v1/files/{sha256}",
                retry=retry,
                content=data,
                headers={"Content-Type": media[sha256]},
            )
            if response.status_code in (200, 201):
                await run(mark_on_server, store, [sha256])
                report.sent += 1
            else:
                code = _code(response)
                await run(note_failure, store, sha256, code)
                _failed(report, code)


def _failed(report: FileReport, code: str, count: int = 1) -> None:
    report.failed += count
    if report.error is None:
        report.error = code


async def fetch_files(
    http: httpx.AsyncClient, store: Store, run: RunBlocking, retry: Retry, report: FileReport
) -> None:
    """Fetch the files live attachments name that this device does not have."""
    pending = await run(pending_files, store)
    for sha256 in pending.to_fetch:
        problem = await _fetch(http, store, run, retry, sha256)
        if problem is None:
            await run(mark_on_server, store, [sha256])
            report.received += 1
        else:
            await run(note_failure, store, sha256, problem)
            _failed(report, problem)


async def _fetch(
    http: httpx.AsyncClient, store: Store, run: RunBlocking, retry: Retry, sha256: str
) -> str | None:
    """One file into the file store (None), or what went wrong. At most one file's bytes
    are held; more than a file may have ends the download at once."""
    import httpx

    failures = 0
    while True:
        try:
            async with http.stream(
                "GET", f"/v1/files/{sha256}", headers={"Accept-Encoding": "identity"}
            ) as response:
                if response.status_code != 200:
                    await response.aread()
                    code = _code(response)
                    if response.status_code not in (429, 502, 503, 504):
                        return code
                    raise httpx.TransportError(code)
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > MAX_ATTACHMENT_BYTES:
                        return "too_large"
                    chunks.append(chunk)
        except httpx.TransportError as error:
            failures += 1
            if failures >= retry.attempts:
                return f"network: {error!r}"[:200]
            await retry.sleep(retry.backoff(failures))
            continue
        try:
            await run(_keep, store, chunks, sha256)
        except FileCorrupt:
            return "file_corrupt"
        except FileTooLarge:
            return "too_large"
        return None


def _keep(store: Store, chunks: list[bytes], sha256: str) -> None:
    store.files.put_stream(chunks, expected=sha256, max_bytes=MAX_ATTACHMENT_BYTES)


# ---------------------------------------------------------------- USB bundles

# raw bytes of files one bundle carries (base64 adds a third inside a bundle's JSON, which
# is bounded by MAX_BUNDLE_INFLATED_BYTES); files beyond it go in the next bundle
BUNDLE_FILE_BUDGET = 96 * 1024 * 1024


def for_bundle(store: Store) -> tuple[list[dict[str, str]], list[str]]:
    """What a site's bundle carries: the files the server is not known to hold (up to the
    budget), and the hashes of those this device lacks (the server's bundle back brings
    them)."""
    pending = pending_files(store)
    carried: list[dict[str, str]] = []
    budget = BUNDLE_FILE_BUDGET
    for sha256, media_type in pending.to_send:
        data = store.files.read(sha256)
        if len(data) > budget:
            continue
        budget -= len(data)
        carried.append(file_entry(sha256, media_type, data))
    return carried, pending.to_fetch


def take_from_bundle(store: Store, session: Session, entries: object, held: object) -> int:
    """The files of a bundle from the server, each kept if it is the bytes it names and an
    acceptable image (the rest are skipped: asked for again); and the server's list of the
    files it holds, so this device stops offering them. Returns the files kept."""
    kept = 0
    for entry in entries if isinstance(entries, list) else []:
        decoded = read_file_entry(entry)
        if decoded is None:
            continue
        sha256, media_type, data = decoded
        try:
            check_image(data, media_type)
        except ValidationError:
            continue
        store.files.put(data)
        mark_in(session, [sha256])
        kept += 1
    if isinstance(held, list):
        offered = {sha for sha, _ in _not_known_on_server(session)}
        mark_in(session, [h for h in held if isinstance(h, str) and h in offered])
    return kept
