"""The database key and who can unwrap it: the key-slot file beside the database.

Each local database is encrypted (SQLCipher) with one random 256-bit key. The key itself is
never stored in the clear once the database has users: it is kept wrapped (AES-256-GCM) in
``<database>.keys``, once per user with a key derived from that user's password (argon2id),
and any user with a slot opens the database; a password change re-wraps the one key. The
recovery sheet prints the database key itself (as a recovery key in groups of four, and as a
QR code): it opens the database, and every backup of it, even if every password and the slot
file are lost.

A database that has no users yet (being set up, or a test's scratch store) has an *open* slot
that holds the key unwrapped; it is removed as soon as the first user slot is written.

Slots live outside the database because they are needed before it can be read. They name the
user (institution id and user name) and hold nothing else about anyone.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import secrets
import uuid
from collections.abc import Collection
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mzdesk.core.errors import CodedError

KEY_BYTES = 32
SLOTS_FORMAT = 1
MAX_SLOTS_FILE = 1 << 20  # a slot file is a few KiB; anything larger is not ours
RECOVERY_GROUP = 4
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper


class KeyError_(CodedError):
    """The database cannot be unlocked (wrong password, no slot for the user, damaged slot
    file). Named with a trailing underscore so it never shadows the builtin."""


@dataclass(frozen=True)
class KdfParams:
    """argon2id cost. The defaults follow RFC 9106's second recommended option (64 MiB);
    tests lower them through :data:`KDF` (slots record their own parameters, so a database
    made with either opens with either)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4


KDF = KdfParams()


def slots_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def subkey(key: bytes, purpose: str) -> bytes:
    """A key for one purpose (attachments, …) derived from the database key, so no two uses
    share a key."""
    return HKDF(SHA256(), KEY_BYTES, salt=None, info=f"mzdesk:{purpose}".encode()).derive(key)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class Slot:
    kind: str  # "user" | "open"
    institution_id: str | None = None
    username: str | None = None
    kdf: dict[str, int] | None = None
    salt: str | None = None
    nonce: str | None = None
    wrapped: str | None = None
    key: str | None = None  # only in the open slot

    def aad(self) -> bytes:
        return f"mzdesk-slot:{self.kind}:{self.institution_id or ''}:{self.username or ''}".encode()


@dataclass
class SlotFile:
    slots: list[Slot] = field(default_factory=list)
    demo: dict[str, str] | None = None  # a demo database's public account (login hint)
    recovery_printed: str | None = None  # yyyy-MM-dd the recovery sheet was last printed
    # failed unlocks by user name: {"count": n, "until": ISO time} (the login lockout, kept
    # here since the users table cannot be read before the password is right)
    failures: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def is_open(self) -> bool:
        return any(slot.kind == "open" for slot in self.slots)

    def user_slots(self) -> list[Slot]:
        return [slot for slot in self.slots if slot.kind == "user"]


def read_slots(db_path: Path) -> SlotFile | None:
    """The slot file of ``db_path``, or None if it has none (a new or an old, plain database)."""
    path = slots_path(db_path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_SLOTS_FILE + 1)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise KeyError_("store.keys.unreadable", file=path.name) from error
    try:
        if len(raw) > MAX_SLOTS_FILE:
            raise ValueError("too large")
        data = json.loads(raw)
        if not isinstance(data, dict) or data.get("format") != SLOTS_FORMAT:
            raise ValueError("unknown format")
        slots = [Slot(**item) for item in data["slots"]]
        demo = data.get("demo")
        printed = data.get("recovery_printed")
        failures = data.get("failures")
        return SlotFile(
            slots,
            demo if isinstance(demo, dict) else None,
            printed if isinstance(printed, str) else None,
            failures if isinstance(failures, dict) else {},
        )
    except (ValueError, TypeError, KeyError) as error:
        raise KeyError_("store.keys.damaged", file=path.name) from error


def write_slots(db_path: Path, slots: SlotFile) -> None:
    """Write atomically, readable by the owner only."""
    path = slots_path(db_path)
    data = {
        "format": SLOTS_FORMAT,
        "cipher": "sqlcipher4",
        "slots": [{k: v for k, v in asdict(s).items() if v is not None} for s in slots.slots],
    }
    if slots.demo:
        data["demo"] = slots.demo
    if slots.recovery_printed:
        data["recovery_printed"] = slots.recovery_printed
    if slots.failures:
        data["failures"] = slots.failures
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _derive(secret: bytes, salt: bytes, params: dict[str, int]) -> bytes:
    return hash_secret_raw(
        secret,
        salt,
        time_cost=int(params["t"]),
        memory_cost=int(params["m"]),
        parallelism=int(params["p"]),
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _wrap(slot: Slot, kek: bytes, key: bytes) -> Slot:
    nonce = secrets.token_bytes(12)
    slot.nonce = _b64(nonce)
    slot.wrapped = _b64(AESGCM(kek).encrypt(nonce, key, slot.aad()))
    return slot


def _unwrap(slot: Slot, kek: bytes) -> bytes | None:
    try:
        return AESGCM(kek).decrypt(_unb64(slot.nonce), _unb64(slot.wrapped), slot.aad())
    except (InvalidTag, ValueError):
        return None


def user_slot(key: bytes, institution_id: uuid.UUID, username: str, password: str) -> Slot:
    salt = secrets.token_bytes(16)
    params = {"t": KDF.time_cost, "m": KDF.memory_kib, "p": KDF.parallelism}
    slot = Slot("user", str(institution_id), username, kdf=params, salt=_b64(salt))
    return _wrap(slot, _derive(password.encode(), salt, params), key)


def open_slot(key: bytes) -> Slot:
    return Slot("open", key=_b64(key))


def format_recovery_key(recovery: bytes) -> str:
    """Base-32 in groups of four, with no letters that read alike: what the sheet prints."""
    number = int.from_bytes(recovery, "big")
    chars = []
    for _ in range(52):  # 52 × 5 bits ≥ 256
        number, digit = divmod(number, 32)
        chars.append(_RECOVERY_ALPHABET[digit])
    text = "".join(reversed(chars))
    return "-".join(text[i : i + RECOVERY_GROUP] for i in range(0, len(text), RECOVERY_GROUP))


def parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(cleaned) != 52 or any(ch not in _RECOVERY_ALPHABET for ch in cleaned):
        raise KeyError_("store.keys.recovery_malformed")
    number = 0
    for ch in cleaned:
        number = number * 32 + _RECOVERY_ALPHABET.index(ch)
    if number >> (KEY_BYTES * 8):
        raise KeyError_("store.keys.recovery_malformed")
    return number.to_bytes(KEY_BYTES, "big")


def unlock_open(slots: SlotFile) -> bytes | None:
    for slot in slots.slots:
        if slot.kind == "open" and slot.key:
            return _unb64(slot.key)
    return None


def unlock_with_password(
    slots: SlotFile, username: str, password: str, institution_id: uuid.UUID | None = None
) -> tuple[bytes, uuid.UUID]:
    """The database key and the institution of the first slot of ``username`` that
    ``password`` unwraps. The message never tells whether the user exists."""
    candidates = [
        slot
        for slot in slots.user_slots()
        if slot.username == username.strip()
        and (institution_id is None or slot.institution_id == str(institution_id))
    ]
    for slot in candidates:
        try:
            kek = _derive(password.encode(), _unb64(slot.salt), slot.kdf or {})
        except (KeyError, ValueError, TypeError):
            continue
        key = _unwrap(slot, kek)
        if key is not None and slot.institution_id:
            return key, uuid.UUID(slot.institution_id)
    raise KeyError_("store.keys.no_unlock")


def with_user(slots: SlotFile, slot: Slot, former: Collection[str] = ()) -> SlotFile:
    """``slots`` with ``slot`` replacing the user's old one — also one under an institution id
    in ``former``, that the institution had before an enrolment gave it the server's
    (store/adoption.py); the open slot goes (the key is now protected by a password)."""
    ids = {slot.institution_id, *former}
    kept = [
        s
        for s in slots.slots
        if s.kind != "open"
        and not (s.kind == "user" and s.institution_id in ids and s.username == slot.username)
    ]
    failures = {k: v for k, v in slots.failures.items() if k != slot.username}
    # a password set or reset (a recovery too) ends the name's lockout
    return dataclasses.replace(slots, slots=[*kept, slot], failures=failures)


def without_user(
    slots: SlotFile, institution_id: uuid.UUID, username: str, former: Collection[str] = ()
) -> SlotFile:
    ids = {str(institution_id), *former}
    kept = [
        s
        for s in slots.slots
        if not (s.kind == "user" and s.institution_id in ids and s.username == username)
    ]
    return dataclasses.replace(slots, slots=kept)
