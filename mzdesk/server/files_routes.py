"""The HTTP face of files that sync (server/files.py; docs/sync-protocol.md, "Files"): which
files the server lacks, an upload, a download."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any

from fastapi import FastAPI, Header, Path, Request
from fastapi.params import Depends
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from mzdesk.core import limits
from mzdesk.server import files
from mzdesk.server.db import ServerDB
from mzdesk.server.errors import SyncError

# a file's name: the SHA-256 of its bytes
Sha256 = Annotated[str, Path(pattern="^[0-9a-f]{64}$", min_length=64, max_length=64)]


class FilesAsked(BaseModel):
    sha256: list[str] = Field(max_length=files.MAX_ASKED)


class FilesLacking(BaseModel):
    missing: list[str]
    unknown: list[str]


def mount(
    app: FastAPI,
    db: ServerDB,
    *,
    token: Callable[[str | None], str | None],
    errors: dict[int | str, dict[str, Any]],
    checked: Sequence[Depends],
) -> None:
    @app.post(
        "/v1/files/lacking",
        response_model=FilesLacking,
        responses=errors,
        dependencies=list(checked),
    )
    def files_lacking(
        body: FilesAsked, authorization: Annotated[str | None, Header()] = None
    ) -> FilesLacking:
        return FilesLacking(**files.lacking(db, token(authorization), body.sha256))

    @app.put(
        "/v1/files/{sha256}",
        status_code=201,
        responses=errors,
        dependencies=list(checked),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    media: {"schema": {"type": "string", "format": "binary"}}
                    for media in ("image/png", "image/jpeg")
                },
            }
        },
    )
    async def upload_file(
        sha256: Sha256, request: Request, authorization: Annotated[str | None, Header()] = None
    ) -> dict[str, str]:
        # who may send it is checked before a byte of the body is read
        device_id = await run_in_threadpool(files.may_upload, db, token(authorization), sha256)
        data = bytearray()
        async for chunk in request.stream():
            data += chunk
            if len(data) > limits.MAX_ATTACHMENT_BYTES:
                raise SyncError(413, "too_large", "the file is larger than a photo may be")
        media_type = request.headers.get("content-type", "").split(";")[0].strip()
        await run_in_threadpool(files.upload, db, device_id, sha256, bytes(data), media_type)
        return {"sha256": sha256}

    @app.get(
        "/v1/files/{sha256}",
        response_class=Response,
        responses=errors
        | {200: {"content": {"image/png": {}, "image/jpeg": {}}, "description": "the file"}},
        dependencies=list(checked),
    )
    def download_file(
        sha256: Sha256, authorization: Annotated[str | None, Header()] = None
    ) -> Response:
        data, media_type = files.download(db, token(authorization), sha256)
        return Response(data, media_type=media_type)
