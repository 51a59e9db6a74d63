"""The HTTP face of the central server (FastAPI). The protocol is docs/sync-protocol.md."""

from __future__ import annotations

import os
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from mzdesk.core import limits
from mzdesk.core.bundle import BundleError
from mzdesk.core.i18n import text_in
from mzdesk.server import auth, feed, files_routes, merge, throttle, verify
from mzdesk.server.bodies import BoundedRequest, RequestRefused, StrictRoute
from mzdesk.server.bundles import import_bundle
from mzdesk.server.db import ServerDB, open_server_db, pool_size, server_schema
from mzdesk.server.errors import SyncError
from mzdesk.server.models import utcnow
from mzdesk.server.schema import check_schema, store_schema

MAX_PAGE = limits.MAX_PAGE


class EnrollRequest(BaseModel):
    code: str = Field(max_length=64)
    device_name: str = Field(max_length=100)


class EnrollResponse(BaseModel):
    device_id: str
    token: str
    bundle_key: str
    institutions: list[str]
    region: str | None
    server_time: str


class ChangeIn(BaseModel):
    change_id: str = Field(max_length=64)
    table: str = Field(max_length=64)
    row_id: str = Field(max_length=64)
    institution_id: str = Field(max_length=64)
    op: str = Field(max_length=16)
    data: dict[str, Any]
    base_rev: int | None = None
    made_at: str | None = Field(default=None, max_length=64)
    # the user who made the change on the desktop (checked for changes to accounts)
    author: str | None = Field(default=None, max_length=64)


class PushRequest(BaseModel):
    changes: list[ChangeIn] = Field(max_length=limits.MAX_PUSH_CHANGES)


class OutcomeOut(BaseModel):
    change_id: str
    status: str
    rev: int | None
    reason: str | None
    reason_code: str | None = None
    reason_params: dict[str, str] | None = None


class PushResponse(BaseModel):
    results: list[OutcomeOut]
    server_time: str


class Item(BaseModel):
    table: str
    id: str
    institution_id: str
    rev: int
    data: dict[str, Any]


class PullResponse(BaseModel):
    items: list[Item]
    cursor: int
    more: bool
    server_time: str


class Health(BaseModel):
    status: str
    schema_version: str
    server_schema: str
    server_time: str


class Problem(BaseModel):
    code: str
    message: str


def _now() -> str:
    return utcnow().isoformat(timespec="milliseconds") + "Z"


def _address(request: Request) -> str:
    """The client's address (behind a reverse proxy: the one it forwards, when uvicorn is
    told to trust the proxy — see docs/sync-protocol.md)."""
    return request.client.host if request.client else "unknown"


# bundle refusals that mean "no such device, or not its key": counted like a bad token
BAD_KEY = ("bundle.unknown_device", "bundle.signature")


def _token(authorization: str | None) -> str | None:
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem} for status in (400, 401, 403, 404, 409, 413, 426, 429)
}


def create_app(db: ServerDB) -> FastAPI:
    app = FastAPI(
        title="mzdesk central server",
        version=server_schema(),
        description="Sync for mzdesk (民政桌面). See docs/sync-protocol.md.",
    )
    app.router.route_class = StrictRoute
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(BoundedRequest)

    @app.exception_handler(RequestRefused)
    async def _refused(request: Request, error: RequestRefused) -> JSONResponse:
        return error.response()

    @app.exception_handler(SyncError)
    async def _sync_error(request: Request, error: SyncError) -> JSONResponse:
        if error.code == "bad_token":  # a token nobody was given: counted, then throttled
            error = await _throttled(request) or error
        headers = (
            {"Retry-After": str(error.retry_after)}
            if isinstance(error, throttle.TooManyAttempts)
            else None
        )
        return JSONResponse(
            {"code": error.code, "message": error.message},
            status_code=error.status,
            headers=headers,
        )

    @app.exception_handler(BundleError)
    async def _bundle_error(request: Request, error: BundleError) -> JSONResponse:
        if error.code in BAD_KEY:  # a bundle from a device we do not know, or forged
            refusal = await _throttled(request)
            if refusal is not None:
                return await _sync_error(request, refusal)
        message = text_in("en", error.code, **error.params)  # the API speaks English
        return JSONResponse({"code": "bad_bundle", "message": message}, status_code=400)

    async def _throttled(request: Request) -> throttle.TooManyAttempts | None:
        """Count a failed credential from this address: the 429 to answer instead once
        past the limit."""
        wait = await run_in_threadpool(throttle.failed, db, throttle.credentials(_address(request)))
        return throttle.TooManyAttempts(wait) if wait is not None else None

    def schema(
        x_mzdesk_schema: Annotated[str | None, Header(max_length=16)] = None,
    ) -> None:
        check_schema(x_mzdesk_schema)

    checked = [Depends(schema)]
    verify.mount(app, db)  # the certificate verify page, GET /C/<payload>

    @app.get("/health", response_model=Health)
    def health() -> Health:
        return Health(
            status="ok",
            schema_version=f"{store_schema():04d}",
            server_schema=server_schema(),
            server_time=_now(),
        )

    @app.post("/v1/enroll", response_model=EnrollResponse, responses=ERRORS, dependencies=checked)
    def enroll(body: EnrollRequest, request: Request) -> dict[str, Any]:
        buckets = throttle.enrolment(_address(request))
        throttle.check(db, buckets)  # while throttled, a right code is refused too
        try:
            return auth.enroll(db, body.code, body.device_name.replace("\x00", ""))
        except SyncError as error:
            if error.code == "bad_code":
                throttle.failed(db, buckets)
            raise

    @app.post("/v1/push", response_model=PushResponse, responses=ERRORS, dependencies=checked)
    def push(
        body: PushRequest,
        authorization: Annotated[str | None, Header()] = None,
    ) -> PushResponse:
        outcomes = merge.push(db, _token(authorization), [c.model_dump() for c in body.changes])
        return PushResponse(
            results=[OutcomeOut(**o.as_json()) for o in outcomes], server_time=_now()
        )

    @app.get("/v1/pull", response_model=PullResponse, responses=ERRORS, dependencies=checked)
    def pull(
        cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
        authorization: Annotated[str | None, Header()] = None,
    ) -> PullResponse:
        items, next_cursor, more = feed.pull(db, _token(authorization), cursor, limit)
        return PullResponse(
            items=[Item(**i) for i in items], cursor=next_cursor, more=more, server_time=_now()
        )

    files_routes.mount(
        app, db, token=_token, errors=ERRORS | {415: {"model": Problem}}, checked=checked
    )

    @app.post(
        "/v1/bundles",
        responses=ERRORS,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
            }
        },
    )
    async def upload_bundle(request: Request) -> dict[str, Any]:
        return await run_in_threadpool(import_bundle, db, await request.body())

    return app


def serve(
    db_url: str,
    host: str,
    port: int,
    workers: int = 1,
    max_queue: int = 0,
    *,
    ssl_certfile: str | None = None,
    ssl_keyfile: str | None = None,
) -> None:
    """``mzdesk serve``: serve the (migrated) database until interrupted (over HTTPS when
    given a certificate and its key), in ``workers`` processes (PostgreSQL only: see
    cli/server.py). Each process answers with at most as many request threads as it has
    database connections (``MZDESK_DB_POOL``), and beyond ``max_queue`` requests in hand says
    503 ``busy`` with Retry-After (0: no limit)."""
    import uvicorn

    os.environ[MAX_QUEUE_ENV] = str(max_queue)
    if workers > 1:
        os.environ[DB_ENV] = db_url
        uvicorn.run(
            "mzdesk.server.app:app_from_environment",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            ssl_certfile=ssl_certfile,
            ssl_keyfile=ssl_keyfile,
        )
        return
    db = open_server_db(db_url)
    try:
        uvicorn.run(
            served(db),
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            ssl_certfile=ssl_certfile,
            ssl_keyfile=ssl_keyfile,
        )
    finally:
        db.close()


DB_ENV = "MZDESK_SERVER_DB"
MAX_QUEUE_ENV = "MZDESK_MAX_QUEUE"


def app_from_environment() -> ASGIApp:
    """The app of one worker process of ``mzdesk serve --workers N`` (uvicorn's factory):
    its own connection pool; everything shared is in PostgreSQL, migrated by the parent."""
    return served(ServerDB(os.environ[DB_ENV]))


def served(db: ServerDB) -> ASGIApp:
    """The app as ``mzdesk serve`` runs it: request threads matched to the connection pool,
    the pool closed on shutdown, and a bounded queue answered with 503 ``busy``."""
    app = create_app(db)
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(a: Any) -> AsyncIterator[Any]:
        # one thread per pooled connection: a request waits for a thread, never for a
        # connection (which would time out under a burst)
        anyio.to_thread.current_default_thread_limiter().total_tokens = pool_size()
        try:
            async with inner(a) as state:
                yield state
        finally:
            db.close()

    app.router.lifespan_context = lifespan
    try:
        limit = int(os.environ.get(MAX_QUEUE_ENV) or 0)
    except ValueError:
        limit = 0
    return Busy(app, limit) if limit > 0 else app


class Busy:
    """More than ``limit`` requests in hand in this process: answer 503 ``busy`` at once,
    with Retry-After, instead of queueing without end (a morning burst of syncs); clients
    retry later with jitter. /health is always answered."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.in_hand = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") == "/health":
            await self.app(scope, receive, send)
            return
        if self.in_hand >= self.limit:
            response = JSONResponse(
                {"code": "busy", "message": "the server is busy; retry in a few seconds"},
                status_code=503,
                headers={"Retry-After": str(random.randint(2, 6))},
            )
            await response(scope, receive, send)
            return
        self.in_hand += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_hand -= 1
