"""Sync bundles: the file a site carries on a USB stick when it has no network (sync.md 8),
and the offline enrolment file. A stick gets lost: a bundle is encrypted as well as
authenticated, every byte of it covered, so without the key it reveals nothing and any
change to it is refused before anything in it is read.

Layout (format 2)::

    MZBUNDLE2\\n   magic and format version (10 bytes)
    kind         1 byte: S to the server, D to a device, E an enrolment file
    device id    16 bytes (the device it is from or for: the server needs it to find the key)
    salt         16 random bytes
    nonce        12 random bytes
    ciphertext   AES-256-GCM of gzip(JSON), with its 16-byte tag; the whole 55-byte header
                 above is the associated data, so no byte of the file is outside the check

Keys. The server keeps one secret (server/keys.py); each device's bundle key is
HMAC-SHA256(secret, "bundle:" + device id), handed to the device at enrolment. Each file is
sealed with a key of its own, HKDF-SHA256(device key, salt, "mzdesk bundle 2" + kind +
device id): one per direction, per device and per file. An enrolment file is sealed with
Argon2id(its one-time code, salt) instead — a slow derivation, so a stolen file cannot be
tried against many codes quickly; the code (80 random bits) is never written in the file.

The JSON inside is at most ``MAX_CONTENT`` bytes once decompressed; it is inflated in pieces
and a larger one (a compressed "bomb") is refused without inflating the rest.
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
import os
import uuid
import zlib
from collections.abc import Iterator
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mzdesk.core import limits
from mzdesk.core.errors import CodedError

MAGIC = b"MZBUNDLE2\n"
OLD_MAGICS = (b"MZBUNDLE1\n",)
KINDS = {"to_server": b"S", "to_device": b"D", "enrolment": b"E"}
_KIND_NAMES = {v: k for k, v in KINDS.items()}
SALT_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
HEADER_BYTES = len(MAGIC) + 1 + 16 + SALT_BYTES + NONCE_BYTES
MAX_CONTENT = limits.MAX_BUNDLE_INFLATED_BYTES  # the JSON of a bundle, decompressed
MAX_FILE = MAX_CONTENT + 1024 * 1024  # gzip never grows JSON by more than a little
_PIECE = 1024 * 1024

# Argon2id for enrolment files: 64 MiB and 3 passes (RFC 9106's second recommended setting)
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_PASSES = 3


class BundleError(CodedError, ValueError):
    """The file is not a bundle, is damaged, is not meant for this place, or its signature
    does not match; ``code`` is a ``bundle.*`` message code (``str()`` is the text shown)."""


def device_key(server_secret: bytes, device_id: uuid.UUID) -> bytes:
    return hmac.new(server_secret, b"bundle:" + device_id.bytes, hashlib.sha256).digest()


def normalized_code(code: str) -> str:
    return code.strip().upper().replace("-", "").replace(" ", "")


def enrolment_key(code: str, salt: bytes) -> bytes:
    """The key sealing an offline enrolment file: Argon2id of its one-time code."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        normalized_code(code).encode(),
        b"mzdesk-enrolment:" + salt,
        time_cost=ARGON2_PASSES,
        memory_cost=ARGON2_MEMORY_KIB,
        parallelism=1,
        hash_len=32,
        type=Type.ID,
    )


def _file_key(key: bytes, header: bytes) -> bytes:
    kind, device, salt = _header_parts(header)
    if kind == KINDS["enrolment"]:
        return key  # already derived from the code and this file's salt
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=salt,
        info=b"mzdesk bundle 2" + kind + device,
    ).derive(key)


def _header_parts(header: bytes) -> tuple[bytes, bytes, bytes]:
    at = len(MAGIC)
    return header[at : at + 1], header[at + 1 : at + 17], header[at + 17 : at + 33]


def _header(direction: str, device_id: uuid.UUID, salt: bytes) -> bytes:
    return MAGIC + KINDS[direction] + device_id.bytes + salt + os.urandom(NONCE_BYTES)


def _compress(content: dict[str, Any]) -> bytes:
    return gzip.compress(
        json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0
    )


def seal(
    direction: str, device_id: uuid.UUID, key: bytes, payload: bytes, salt: bytes | None = None
) -> bytes:
    """Seal an already compressed ``payload`` (what ``write_bundle`` does with JSON)."""
    header = _header(direction, device_id, salt if salt is not None else os.urandom(SALT_BYTES))
    nonce = header[-NONCE_BYTES:]
    return header + AESGCM(_file_key(key, header)).encrypt(nonce, payload, header)


def write_bundle(device_id: uuid.UUID, key: bytes, content: dict[str, Any]) -> bytes:
    """A bundle from or for ``device_id``; ``content["direction"]`` is to_server or
    to_device and goes into the header too."""
    direction = str(content["direction"])
    if direction not in ("to_server", "to_device"):
        raise ValueError(f"not a bundle direction: {direction}")
    return seal(direction, device_id, key, _compress(content))


def write_enrolment_file(device_id: uuid.UUID, code: str, content: dict[str, Any]) -> bytes:
    salt = os.urandom(SALT_BYTES)
    payload = _compress({**content, "direction": "enrolment"})
    return seal("enrolment", device_id, enrolment_key(code, salt), payload, salt)


def check_size(size: int) -> None:
    """Refuse a file too large to be a bundle before reading it into memory."""
    if size > MAX_FILE:
        raise BundleError("bundle.too_large", limit=MAX_CONTENT // (1024 * 1024))


def _check_header(data: bytes) -> None:
    check_size(len(data))
    if data.startswith(OLD_MAGICS):
        raise BundleError("bundle.old_format")
    if not data.startswith(MAGIC):
        raise BundleError("bundle.not_a_bundle")
    if len(data) < HEADER_BYTES + TAG_BYTES or data[len(MAGIC) : len(MAGIC) + 1] not in (
        _KIND_NAMES
    ):
        raise BundleError("bundle.damaged")


def bundle_device(data: bytes) -> uuid.UUID:
    """The device a bundle claims to be from or for (not yet verified)."""
    _check_header(data)
    return uuid.UUID(bytes=_header_parts(data)[1])


def bundle_direction(data: bytes) -> str:
    """What the header says the file is (not yet verified): to_server, to_device, enrolment."""
    _check_header(data)
    return _KIND_NAMES[_header_parts(data)[0]]


def _pieces(payload: bytes) -> Iterator[bytes]:
    """gunzip ``payload`` one piece of at most ``_PIECE`` bytes at a time."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    pending = payload
    try:
        while not inflater.eof:
            piece = inflater.decompress(pending, _PIECE)
            pending = inflater.unconsumed_tail
            if piece:
                yield piece
            elif not pending:
                break  # truncated: no input left and nothing more comes out
    except zlib.error as error:
        raise BundleError("bundle.damaged") from error
    if not inflater.eof or inflater.unused_data:
        raise BundleError("bundle.damaged")


def inflate(payload: bytes, limit: int = MAX_CONTENT) -> bytearray:
    """gunzip ``payload``, refusing (``bundle.too_large``) when it passes ``limit``.

    Two passes: the first only counts, one piece at a time, so a bomb is refused in
    constant memory; the second fills a buffer of exactly that size, so a genuine bundle
    costs its size once (a growing buffer would be copied as it grows, twice its size)."""
    size = 0
    for piece in _pieces(payload):
        size += len(piece)
        if size > limit:
            raise BundleError("bundle.too_large", limit=limit // (1024 * 1024))
    out = bytearray(size)
    view, at = memoryview(out), 0
    for piece in _pieces(payload):
        view[at : at + len(piece)] = piece
        at += len(piece)
    view.release()
    return out  # not copied into bytes: json.loads reads a bytearray


def _open(data: bytes, key: bytes, refused: str) -> dict[str, Any]:
    header, sealed = data[:HEADER_BYTES], data[HEADER_BYTES:]
    try:
        payload = AESGCM(_file_key(key, header)).decrypt(header[-NONCE_BYTES:], sealed, header)
    except (InvalidTag, ValueError) as error:
        raise BundleError(refused) from error
    plain = inflate(payload)
    try:
        content = json.loads(plain)
    except (ValueError, RecursionError) as error:  # JSONDecodeError, bad UTF-8
        raise BundleError("bundle.damaged") from error
    if not isinstance(content, dict):
        raise BundleError("bundle.damaged")
    if content.get("direction") != bundle_direction(data):
        raise BundleError("bundle.damaged")
    return content


def read_bundle(data: bytes, key: bytes, direction: str) -> dict[str, Any]:
    """Verify and open a bundle expected to go ``direction``; ``BundleError`` when it is
    forged, altered, damaged, too large once decompressed, or goes the other way."""
    found = bundle_direction(data)
    if found != direction:
        raise BundleError(
            {
                "to_server": "bundle.for_server",
                "to_device": "bundle.for_device",
                "enrolment": "bundle.enrolment_file",
            }[found]
        )
    return _open(data, key, "bundle.signature")


def read_enrolment_file(data: bytes, code: str) -> dict[str, Any]:
    """Open an offline enrolment file with its one-time code."""
    if bundle_direction(data) != "enrolment":
        raise BundleError("bundle.not_enrolment_file")
    salt = _header_parts(data)[2]
    return _open(data, enrolment_key(code, salt), "bundle.wrong_code")


# ---------------------------------------------------------------- files in bundles

# Photos and signatures travel in a bundle as {"sha256", "media_type", "data": base64}; the
# receiver checks each against its name before keeping it (server/files.py, sync/bundles.py).
_HEX = frozenset("0123456789abcdef")
MAX_FILE_ENCODED = (limits.MAX_ATTACHMENT_BYTES + 2) // 3 * 4 + 4  # base64 of the largest file


def file_entry(sha256: str, media_type: str, data: bytes) -> dict[str, str]:
    import base64

    return {"sha256": sha256, "media_type": media_type, "data": base64.b64encode(data).decode()}


def read_file_entry(entry: object) -> tuple[str, str | None, bytes] | None:
    """A bundle's file entry as (sha256, declared media type, bytes) when it is well made and
    its bytes hash to its name; None otherwise. An entry too long to hold a file is refused
    before it is decoded, so one entry never costs more than a file's size."""
    import base64
    import binascii

    if not isinstance(entry, dict):
        return None
    sha256, media_type, data = entry.get("sha256"), entry.get("media_type"), entry.get("data")
    if not (isinstance(sha256, str) and len(sha256) == 64 and set(sha256) <= _HEX):
        return None
    if not isinstance(data, str) or len(data) > MAX_FILE_ENCODED:
        return None
    if media_type is not None and not isinstance(media_type, str):
        return None
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return None
    if hashlib.sha256(raw).hexdigest() != sha256:
        return None
    return sha256, media_type, raw
