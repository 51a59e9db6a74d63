"""The signed payload a printed training certificate's QR code carries (docs/certificates.md).

The QR text is a URL of the central server's verify page, all in the QR code's alphanumeric
character set so that the code stays small (version 8–10 at error correction M)::

    HTTPS://SYNC.EXAMPLE.ORG/C/<BASE32 of claims + Ed25519 signature>

The claims are packed as bytes (dates as days since 2000-01-01, hours in tenths, the three
texts UTF-8 with a length byte each, cut to a few characters) followed by the 64-byte
signature over ``DOMAIN`` + those bytes. The serial is not stored apart: it is the issue
year, the signing key's id and a sequence number, all of which the claims hold.

Parsing hostile text is bounded (length checked before anything is decoded) and raises only
:class:`PayloadRefused` with a reason code.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import secrets
import struct
import uuid
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

VERSION = 1
DOMAIN = b"mzdesk training certificate v1\x00"
SIGNATURE_SIZE = 64
EPOCH = dt.date(2000, 1, 1)
PATH_PREFIX = "/C/"
# fixed part: version, key id (5), institution (4), sequence (2), start, end, issued (2 each),
# hours in tenths (2); then three texts of a length byte + UTF-8
_FIXED = struct.Struct(">B5s4sHHHHH")
MAX_TEXT_BYTES = {"name": 12, "course": 45, "issuer": 36}
MAX_PAYLOAD_BYTES = _FIXED.size + 3 + sum(MAX_TEXT_BYTES.values()) + SIGNATURE_SIZE
MAX_TEXT_CHARS = 1000  # anything longer is refused before it is looked at
_BASE32 = re.compile(r"[A-Z2-7]+")
QR_ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


class Reason(StrEnum):
    """Why a certificate is, or is not, genuine (the message code is ``cert.verdict.<value>``)."""

    GENUINE = "genuine"
    REVOKED = "revoked"  # the certificate was revoked (issued in error)
    UNKNOWN_KEY = "unknown_key"  # no public key of that id is known here
    KEY_REVOKED = "key_revoked"  # signed with a revoked key after its revocation
    FOREIGN_KEY = "foreign_key"  # the key belongs to another institution than the claims
    ALTERED = "altered"  # the signature does not match the claims
    MALFORMED = "malformed"  # not a certificate code at all


class PayloadRefused(Exception):
    def __init__(self, reason: Reason) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class Claims:
    """What a certificate states (and the verify page shows)."""

    key_id: str  # 8 base32 characters
    institution_tag: bytes  # 4 bytes of a hash of the institution's id
    sequence: int
    masked_name: str
    course: str
    hours: Decimal
    start_date: dt.date
    end_date: dt.date
    issued_on: dt.date
    issuer: str

    @property
    def serial(self) -> str:
        return make_serial(self.issued_on.year, self.key_id, self.sequence)

    def belongs_to(self, institution_id: uuid.UUID) -> bool:
        return institution_tag(institution_id) == self.institution_tag


@dataclass(frozen=True)
class Signed:
    claims: Claims
    message: bytes  # the signed bytes (without DOMAIN)
    signature: bytes


def make_serial(year: int, key_id: str, sequence: int) -> str:
    return f"{year}-{key_id}-{sequence:04d}"


_ROW_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://mzdesk/certificates")


def key_row_id(key_id: str) -> uuid.UUID:
    """The id of the ``signing_keys`` row of a key: derived from the key id, so the server
    finds it by primary key in its records (no scan of JSON data on a public page)."""
    return uuid.uuid5(_ROW_NAMESPACE, f"key:{key_id}")


def certificate_row_id(serial: str) -> uuid.UUID:
    """The id of the ``training_certificates`` row of a serial (see :func:`key_row_id`)."""
    return uuid.uuid5(_ROW_NAMESPACE, f"certificate:{serial}")


def institution_tag(institution_id: uuid.UUID) -> bytes:
    """4 bytes naming the institution (of a hash: ids made at the same moment share their
    leading, time-ordered bytes)."""
    return hashlib.sha256(institution_id.bytes).digest()[:4]


def mask_name(name: str) -> str:
    """张三 → 张*, 张三丰 → 张*丰, 欧阳小明 → 欧**明 (the verify page shows no full name)."""
    name = name.strip()
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * min(len(name) - 2, 3) + name[-1]


def cut_utf8(value: str, limit: int) -> bytes:
    """``value`` as UTF-8 of at most ``limit`` bytes, cut at a character with "…" when cut."""
    data = value.encode()
    if len(data) <= limit:
        return data
    out = b""
    for ch in value:
        piece = ch.encode()
        if len(out) + len(piece) + 3 > limit:
            break
        out += piece
    return out + "…".encode()


def _days(day: dt.date) -> int:
    days = (day - EPOCH).days
    if not 0 <= days <= 0xFFFF:
        raise ValueError(f"date out of range: {day}")
    return days


# ---- keys ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyPair:
    key_id: str
    private_hex: str
    public_hex: str


def new_key_pair() -> KeyPair:
    private = Ed25519PrivateKey.generate()
    key_id = base64.b32encode(secrets.token_bytes(5)).decode()
    return KeyPair(
        key_id,
        private.private_bytes_raw().hex(),
        private.public_key().public_bytes_raw().hex(),
    )


def _key_id_bytes(key_id: str) -> bytes:
    try:
        raw = base64.b32decode(key_id)
    except ValueError as error:
        raise ValueError(f"bad key id {key_id!r}") from error
    if len(raw) != 5:
        raise ValueError(f"bad key id {key_id!r}")
    return raw


# ---- encoding -----------------------------------------------------------------------------


def encode(claims: Claims, private_hex: str) -> str:
    """The signed payload as uppercase base32 without padding."""
    hours = int((claims.hours * 10).to_integral_value())
    if not 0 <= hours <= 0xFFFF or not 0 < claims.sequence <= 0xFFFF:
        raise ValueError("hours or sequence out of range")
    message = _FIXED.pack(
        VERSION,
        _key_id_bytes(claims.key_id),
        claims.institution_tag,
        claims.sequence,
        _days(claims.start_date),
        _days(claims.end_date),
        _days(claims.issued_on),
        hours,
    )
    for field in ("masked_name", "course", "issuer"):
        limit = MAX_TEXT_BYTES[field.removeprefix("masked_")]
        data = cut_utf8(getattr(claims, field), limit)
        message += bytes([len(data)]) + data
    private = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private_hex))
    signature = private.sign(DOMAIN + message)
    return base64.b32encode(message + signature).decode().rstrip("=")


def verify_url(server: str, payload: str) -> str:
    """The QR text: the server's address + /C/ + the payload. The scheme and host are
    case-insensitive and uppercased (QR alphanumeric mode); a path prefix (a server behind a
    reverse proxy) is kept as it is, since paths are not."""
    base = server.strip().rstrip("/")
    scheme, sep, rest = base.partition("://")
    host, slash, path = rest.partition("/")
    base = f"{scheme.upper()}{sep}{host.upper()}{slash}{path}" if sep else base
    return f"{base}{PATH_PREFIX}{payload}"


def claims_of(signed_payload: str) -> Claims:
    """The claims of a payload this program made (no signature check)."""
    return parse(signed_payload).claims


def parse(text: str) -> Signed:
    """The claims and signature of a QR text (the whole URL, its path, or the payload alone,
    in any case). Raises :class:`PayloadRefused` (MALFORMED) on anything else."""
    if not isinstance(text, str) or len(text) > MAX_TEXT_CHARS:
        raise PayloadRefused(Reason.MALFORMED)
    body = text.strip().upper()
    marker = body.rfind(PATH_PREFIX)
    if marker >= 0:
        body = body[marker + len(PATH_PREFIX) :]
    body = body.rstrip("/")
    if not body or len(body) > (MAX_PAYLOAD_BYTES * 8 + 4) // 5 or not _BASE32.fullmatch(body):
        raise PayloadRefused(Reason.MALFORMED)
    try:
        raw = base64.b32decode(body + "=" * (-len(body) % 8))
    except ValueError as error:
        raise PayloadRefused(Reason.MALFORMED) from error
    if len(raw) < _FIXED.size + 3 + SIGNATURE_SIZE:
        raise PayloadRefused(Reason.MALFORMED)
    message, signature = raw[:-SIGNATURE_SIZE], raw[-SIGNATURE_SIZE:]
    version, key_id, tag, sequence, start, end, issued, hours = _FIXED.unpack_from(message)
    if version != VERSION:
        raise PayloadRefused(Reason.MALFORMED)
    texts: list[str] = []
    at = _FIXED.size
    for _ in range(3):
        if at >= len(message):
            raise PayloadRefused(Reason.MALFORMED)
        size = message[at]
        chunk = message[at + 1 : at + 1 + size]
        if len(chunk) != size:
            raise PayloadRefused(Reason.MALFORMED)
        try:
            texts.append(chunk.decode())
        except UnicodeDecodeError as error:
            raise PayloadRefused(Reason.MALFORMED) from error
        at += 1 + size
    if at != len(message) or sequence == 0:
        raise PayloadRefused(Reason.MALFORMED)
    claims = Claims(
        key_id=base64.b32encode(key_id).decode(),
        institution_tag=tag,
        sequence=sequence,
        masked_name=texts[0],
        course=texts[1],
        hours=Decimal(hours) / 10,
        start_date=EPOCH + dt.timedelta(days=start),
        end_date=EPOCH + dt.timedelta(days=end),
        issued_on=EPOCH + dt.timedelta(days=issued),
        issuer=texts[2],
    )
    return Signed(claims, message, signature)


# ---- judging ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KnownKey:
    """A public key as the verifier knows it (from the local store or the server's records)."""

    public_hex: str
    institution_id: uuid.UUID
    revoked_at: dt.datetime | None


@dataclass(frozen=True)
class KnownCertificate:
    """The certificate's own record, when the verifier has it."""

    revoked_at: dt.datetime | None
    revoked_reason: str | None


@dataclass(frozen=True)
class Verdict:
    reason: Reason
    claims: Claims | None = None
    revoked_reason: str | None = None
    institution_name: str | None = None  # of the key's institution, as the verifier knows it

    @property
    def genuine(self) -> bool:
        return self.reason is Reason.GENUINE


def judge(
    signed: Signed,
    key: KnownKey | None,
    record: KnownCertificate | None,
    *,
    institution_name: str | None = None,
) -> Verdict:
    """The verdict on a parsed payload given what the verifier knows: the key of its id
    (None: unknown) and the certificate's record (None: not known here)."""
    claims = signed.claims
    if key is None:
        return Verdict(Reason.UNKNOWN_KEY, claims)
    try:
        public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(key.public_hex))
        public.verify(signed.signature, DOMAIN + signed.message)
    except (InvalidSignature, ValueError):
        return Verdict(Reason.ALTERED, claims)
    if not claims.belongs_to(key.institution_id):
        return Verdict(Reason.FOREIGN_KEY, claims)
    if record is not None and record.revoked_at is not None:
        return Verdict(Reason.REVOKED, claims, record.revoked_reason, institution_name)
    if key.revoked_at is not None and (record is None or claims.issued_on >= key.revoked_at.date()):
        return Verdict(Reason.KEY_REVOKED, claims, None, institution_name)
    return Verdict(Reason.GENUINE, claims, None, institution_name)
