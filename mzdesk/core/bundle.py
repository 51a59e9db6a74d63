"""Sync bundles: the file a site carries on a USB stick when it has no network (sync.md 8).

A bundle is gzip-compressed JSON wrapped with an HMAC-SHA256 over the compressed bytes, made
with a key only the server and that one device know (the server derives it from its secret
and the device id and hands it over at enrolment). A forged or altered file fails the check
and is refused before anything in it is read.

Layout: ``MZBUNDLE1\\n`` + device id (36 chars) + ``\\n`` + hex HMAC (64) + ``\\n`` + payload.
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
import uuid
from typing import Any

from mzdesk.core.errors import CodedError

MAGIC = b"MZBUNDLE1\n"


class BundleError(CodedError, ValueError):
    """The file is not a bundle, is damaged, is not meant for this place, or its signature
    does not match; ``code`` is a ``bundle.*`` message code (``str()`` is the text shown)."""


def device_key(server_secret: bytes, device_id: uuid.UUID) -> bytes:
    return hmac.new(server_secret, b"bundle:" + device_id.bytes, hashlib.sha256).digest()


def enrolment_key(code: str) -> bytes:
    """The key sealing an offline enrolment file: from its one-time code (80 random bits)."""
    normalized = code.strip().upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(b"mzdesk-enrolment:" + normalized.encode()).digest()


def write_bundle(device_id: uuid.UUID, key: bytes, content: dict[str, Any]) -> bytes:
    payload = gzip.compress(
        json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0
    )
    mac = hmac.new(key, payload, hashlib.sha256).hexdigest()
    return MAGIC + str(device_id).encode() + b"\n" + mac.encode() + b"\n" + payload


def bundle_device(data: bytes) -> uuid.UUID:
    """The device a bundle claims to come from (not yet verified)."""
    if not data.startswith(MAGIC):
        raise BundleError("bundle.not_a_bundle")
    try:
        return uuid.UUID(data[len(MAGIC) : len(MAGIC) + 36].decode("ascii"))
    except (ValueError, UnicodeDecodeError) as error:
        raise BundleError("bundle.damaged") from error


def read_bundle(data: bytes, key: bytes) -> dict[str, Any]:
    """Verify and open a bundle; ``BundleError`` when it is forged, altered or damaged."""
    bundle_device(data)
    start = len(MAGIC) + 37
    mac, payload = data[start : start + 64], data[start + 65 :]
    if data[start + 64 : start + 65] != b"\n":
        raise BundleError("bundle.damaged")
    expected = hmac.new(key, payload, hashlib.sha256).hexdigest().encode()
    if not hmac.compare_digest(mac, expected):
        raise BundleError("bundle.signature")
    try:
        content = json.loads(gzip.decompress(payload))
    except (OSError, EOFError, ValueError) as error:
        raise BundleError("bundle.damaged") from error
    if not isinstance(content, dict):
        raise BundleError("bundle.damaged")
    return content
