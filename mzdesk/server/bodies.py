"""Request bodies, bounded by design (issue 10; limits in :mod:`mzdesk.core.limits`).

:class:`BoundedRequest` bounds every body while it is read — a declared ``Content-Length``
over the limit is refused at once, the bytes received are counted, and a gzip body is
inflated a piece at a time with a cap — and :class:`StrictRoute` reads JSON bodies refusing
``NaN`` and ``Infinity``. A refusal is :class:`RequestRefused`: ``{"code", "message"}``.
"""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mzdesk.core import limits

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


FILES_PATH = "/v1/files/"  # one photo or signature per request (server/files.py)


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
        path = str(scope.get("path", ""))
        limit = (
            limits.MAX_BUNDLE_BYTES if path == "/v1/bundles"
            else limits.MAX_ATTACHMENT_BYTES if path.startswith(FILES_PATH)
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
