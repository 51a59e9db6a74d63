"""The HTTP face of the central server (FastAPI). The protocol is docs/sync-protocol.md."""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request, Response
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mzdesk.core import limits
from mzdesk.core.bundle import BundleError
from mzdesk.core.i18n import text_in
from mzdesk.server import auth, feed, merge, throttle
from mzdesk.server.bundles import import_bundle
from mzdesk.server.db import ServerDB, open_server_db, server_schema
from mzdesk.server.errors import SyncError
from mzdesk.server.models import utcnow
from mzdesk.server.schema import check_schema, store_schema

MAX_PAGE = limits.MAX_PAGE
INFLATE_STEP = 1024 * 1024  # inflate a gzip body at most this much at a time


class RequestRefused(HTTPException):
    """A request refused while its body is read (too large, damaged, not JSON we accept):
    raised from ``receive`` or the JSON parse, answered as ``{"code", "message"}``. An
    ``HTTPException`` so that FastAPI's body reading passes it on unchanged."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(status_code=status, detail=message)
        self.code = code
        self.message = message

    def response(self) -> JSONResponse:
        return JSONResponse(
            {"code": self.code, "message": self.message}, status_code=self.status_code
        )


def _too_large(limit: int, what: str = "request body") -> RequestRefused:
    return RequestRefused(413, "too_large", f"the {what} is larger than {limit} bytes")


def _damaged() -> RequestRefused:
    return RequestRefused(400, "bad_body", "the compressed request body is damaged")


class _BoundedBody:
    """The request body as the app reads it: counted as it arrives (``limit`` bytes on the
    wire) and, when gzip-encoded, inflated at most :data:`INFLATE_STEP` bytes at a time up
    to ``inflated_limit`` bytes. Nothing is kept here beyond one received piece."""

    def __init__(self, receive: Receive, limit: int, inflate: bool, inflated_limit: int) -> None:
        self._receive = receive
        self.limit = limit
        self.inflated_limit = inflated_limit
        self.read = 0
        self.inflated = 0
        self.done = False  # the app has had the whole body
        self.ended = False  # the client has sent the whole body
        self.tail = b""  # received compressed bytes not inflated yet
        self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if inflate else None

    async def _next(self) -> Message:
        message = await self._receive()
        if message["type"] == "http.request":
            self.read += len(message.get("body", b""))
            if self.read > self.limit:
                raise _too_large(self.limit)
            self.ended = not message.get("more_body", False)
        return message

    async def receive(self) -> Message:
        if self.done:
            return await self._receive()  # after the body: disconnect notices
        if self.inflater is None:
            message = await self._next()
            self.done = self.ended
            return message
        while True:
            if self.tail:
                plain = self._inflate()
                if plain:
                    return {"type": "http.request", "body": plain, "more_body": True}
                continue
            if self.ended:
                if not self.inflater.eof:
                    raise _damaged()  # truncated
                self.done = True
                return {"type": "http.request", "body": b"", "more_body": False}
            message = await self._next()
            if message["type"] != "http.request":
                return message
            self.tail = message.get("body", b"")

    def _inflate(self) -> bytes:
        assert self.inflater is not None
        if self.inflater.eof:
            raise _damaged()  # bytes after the end of the gzip stream
        try:
            plain = self.inflater.decompress(self.tail, INFLATE_STEP)
        except zlib.error as error:
            raise _damaged() from error
        self.tail = self.inflater.unconsumed_tail
        if self.inflater.unused_data:
            raise _damaged()
        self.inflated += len(plain)
        if self.inflated > self.inflated_limit:
            raise _too_large(self.inflated_limit, "decompressed request body")
        return plain


class BoundedRequest:
    """Every request body is bounded while it is read: a declared ``Content-Length`` over the
    limit is refused at once (413 ``too_large``), the bytes actually received are counted
    and refused as soon as they pass it, and a gzip body (``Content-Encoding: gzip``, as
    pushes are sent) is inflated piece by piece with a cap on its decompressed size. Limits:
    :mod:`mzdesk.core.limits`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        limit = (
            limits.MAX_BUNDLE_BYTES if scope.get("path") == "/v1/bundles"
            else limits.MAX_REQUEST_BYTES
        )  # fmt: skip
        try:
            declared = int(headers.get("content-length", "0") or "0")
        except ValueError:
            declared = -1
        if declared < 0:
            refusal = RequestRefused(400, "bad_body", "the Content-Length header is not a number")
            await refusal.response()(scope, receive, send)
            return
        if declared > limit:
            await _too_large(limit).response()(scope, receive, send)
            return
        inflate = headers.get("content-encoding", "").strip().lower() == "gzip"
        if inflate:
            scope = dict(scope)
            scope["headers"] = [
                (k, v)
                for k, v in scope["headers"]
                if k not in (b"content-encoding", b"content-length")
            ]
        body = _BoundedBody(receive, limit, inflate, limits.MAX_INFLATED_BYTES)
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, body.receive, watched)
        except RequestRefused as refusal:  # raised outside a route (its handler answers there)
            if started:
                raise
            await refusal.response()(scope, receive, send)


def _refuse_constant(name: str) -> Any:
    raise RequestRefused(400, "bad_body", f"the JSON body holds {name}, which is not a number")


def _finite_float(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise RequestRefused(400, "bad_body", "the JSON body holds a number too large for a float")
    return number


class StrictJSONRequest(Request):
    """A request whose JSON body refuses ``NaN``, ``Infinity`` and numbers that overflow to
    infinity (Python's ``json.loads`` accepts them; they are not JSON)."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            body = await self.body()
            try:
                self._json = json.loads(
                    body, parse_constant=_refuse_constant, parse_float=_finite_float
                )
            except (ValueError, RecursionError):  # JSONDecodeError, bad UTF-8, …
                raise RequestRefused(
                    400, "bad_body", "the request body is not valid JSON"
                ) from None
        return self._json


class StrictRoute(APIRoute):
    """Routes that read their JSON body with :class:`StrictJSONRequest`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict(request: Request) -> Response:
            return await handler(StrictJSONRequest(request.scope, request.receive))

        return strict


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
            error = await _throttled(request, error)
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
            refusal = await _throttled(request, None)
            if refusal is not None:
                return await _sync_error(request, refusal)
        message = text_in("en", error.code, **error.params)  # the API speaks English
        return JSONResponse({"code": "bad_bundle", "message": message}, status_code=400)

    async def _throttled(request: Request, error: SyncError | None) -> SyncError | None:
        """Count a failed credential from this address; past the limit, 429 instead."""
        wait = await run_in_threadpool(throttle.failed, db, throttle.credentials(_address(request)))
        return throttle.TooManyAttempts(wait) if wait is not None else error

    def schema(
        x_mzdesk_schema: Annotated[str | None, Header(max_length=16)] = None,
    ) -> None:
        check_schema(x_mzdesk_schema)

    checked = [Depends(schema)]

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


def serve(db_url: str, host: str, port: int) -> None:
    """``mzdesk serve``: migrate the database and serve until interrupted."""
    import uvicorn

    db = open_server_db(db_url)
    try:
        uvicorn.run(create_app(db), host=host, port=port, log_level="warning", access_log=False)
    finally:
        db.close()
