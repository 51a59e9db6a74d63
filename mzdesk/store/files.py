"""Files that sync (photos, signatures): content-addressed blobs beside the database.

A file is named by the SHA-256 of its bytes and kept once, however many records refer to it
(architecture.md: "sent once, never as blobs in synced tables"). The synced ``attachments``
rows say which record a file belongs to; this module only keeps bytes. Layout, for a store at
``/data/mzdesk.db``::

    /data/mzdesk.files/ab/abcdef…   (the file whose hash starts with "ab")
    /data/mzdesk.files/tmp/          (half-written files; never read)

A file is written to ``tmp/`` and renamed into place after fsync, so a power cut leaves either
the whole file or none; a file already present is not written again. Directories are made
readable by their owner only and files 0600 (personal data). Nothing here is ever deleted by
the app: a file no live row refers to is harmless.

With a key (every store the app opens has one: a subkey of the database key), a file's bytes
are kept encrypted with AES-256-GCM, its SHA-256 (of the plain bytes) bound as associated
data, so a file cannot be swapped for another under its name. Layout of an encrypted file:
``MZF1`` + 12-byte nonce + ciphertext and tag. A plain file (kept before encryption came) is
still read, and :meth:`FileStore.encrypt_plain_files` converts them.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"MZF1"
_SHA256 = re.compile(r"[0-9a-f]{64}")


class FileTooLarge(Exception):
    """More bytes arrived than the caller allowed."""


class FileCorrupt(Exception):
    """The bytes do not hash to the name they were sent under."""


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_sha256(text: str) -> bool:
    return bool(_SHA256.fullmatch(text))


class FileStore:
    """Content-addressed files in one folder."""

    def __init__(self, root: Path, key: bytes | None = None) -> None:
        self.root = root
        self._aead = AESGCM(key) if key is not None else None

    @classmethod
    def beside(cls, db_path: Path, key: bytes | None = None) -> FileStore:
        return cls(db_path.with_name(db_path.stem + ".files"), key)

    def path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def read(self, sha256: str) -> bytes:
        """The file's bytes; FileNotFoundError when it has not arrived (yet), FileCorrupt when
        what is kept under the name is not that file (damaged, or swapped)."""
        stored = self.path(sha256).read_bytes()
        if stored.startswith(MAGIC):
            if self._aead is None:
                raise FileCorrupt(sha256)
            nonce, sealed = stored[4:16], stored[16:]
            try:
                return self._aead.decrypt(nonce, sealed, sha256.encode())
            except InvalidTag as error:
                raise FileCorrupt(sha256) from error
        if sha256_of(stored) != sha256:
            raise FileCorrupt(sha256)
        return stored

    def put(self, data: bytes) -> str:
        """Keep ``data``; return its SHA-256. Writing the same bytes twice writes once."""
        digest = sha256_of(data)
        if not self.has(digest):
            self._commit(digest, self._seal(digest, data))
        return digest

    def _seal(self, digest: str, data: bytes) -> list[bytes]:
        if self._aead is None:
            return [data]
        nonce = os.urandom(12)
        return [MAGIC, nonce, self._aead.encrypt(nonce, data, digest.encode())]

    def encrypt_plain_files(self) -> int:
        """Re-write every plain file encrypted (when an old store is encrypted); returns how
        many. Each file is replaced atomically, so an interruption leaves some files plain and
        the next call finishes them."""
        marker = self.root / ".encrypted"
        if self._aead is None or not self.root.is_dir() or marker.exists():
            return 0
        done = 0
        for folder in self.root.iterdir():
            if folder.name == "tmp" or not folder.is_dir():
                continue
            for path in folder.iterdir():
                if not is_sha256(path.name):
                    continue
                stored = path.read_bytes()
                if stored.startswith(MAGIC) or sha256_of(stored) != path.name:
                    continue
                self._commit(path.name, self._seal(path.name, stored))
                done += 1
        marker.touch(mode=0o600)
        return done

    def put_stream(
        self, chunks: Iterable[bytes], *, expected: str | None = None, max_bytes: int
    ) -> str:
        """Keep a file that arrives in pieces (a download, a bundle member), holding at most one
        piece in memory (at most ``max_bytes`` when encrypting, which seals the whole file).
        With ``expected``, bytes that hash otherwise are refused (:class:`FileCorrupt`) and
        nothing is kept; more than ``max_bytes`` raises :class:`FileTooLarge` as soon as they
        are exceeded."""
        if self._aead is not None:
            held: list[bytes] = []
            total = 0
            for chunk in chunks:
                total += len(chunk)
                if total > max_bytes:
                    raise FileTooLarge(total)
                held.append(chunk)
            data = b"".join(held)
            digest = sha256_of(data)
            if expected is not None and digest != expected:
                raise FileCorrupt(digest)
            if not self.has(digest):
                self._commit(digest, self._seal(digest, data))
            return digest
        tmp_dir = self._tmp_dir()
        hasher = hashlib.sha256()
        size = 0
        fd, name = tempfile.mkstemp(dir=tmp_dir)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    size += len(chunk)
                    if size > max_bytes:
                        raise FileTooLarge(size)
                    hasher.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            digest = hasher.hexdigest()
            if expected is not None and digest != expected:
                raise FileCorrupt(digest)
            if not self.has(digest):
                self._place(Path(name), digest)
            return digest
        finally:
            Path(name).unlink(missing_ok=True)

    def _tmp_dir(self) -> Path:
        tmp = self.root / "tmp"
        if not self.root.is_dir():
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            if self._aead is not None:  # a new folder holds only encrypted files
                (self.root / ".encrypted").touch(mode=0o600)
        tmp.mkdir(mode=0o700, exist_ok=True)
        return tmp

    def _commit(self, digest: str, chunks: list[bytes]) -> None:
        fd, name = tempfile.mkstemp(dir=self._tmp_dir())
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            self._place(Path(name), digest)
        finally:
            Path(name).unlink(missing_ok=True)

    def _place(self, tmp: Path, digest: str) -> None:
        target = self.path(digest)
        target.parent.mkdir(mode=0o700, exist_ok=True)
        tmp.chmod(0o600)
        tmp.replace(target)


_CACHE_NAME = re.compile(r"[0-9a-z][0-9a-z.-]{0,127}")


class SealedCache:
    """Small files derived from stored ones (a report's thumbnails), kept encrypted under a
    name the caller chooses. A cache: a missing or damaged entry reads as None and is made
    again; a failed write is ignored."""

    def __init__(self, root: Path, key: bytes | None) -> None:
        self.root = root
        self._aead = AESGCM(key) if key is not None else None

    def _path(self, name: str) -> Path:
        if not _CACHE_NAME.fullmatch(name):
            raise ValueError(f"not a cache name: {name!r}")
        return self.root / name[:2] / name

    def get(self, name: str) -> bytes | None:
        try:
            stored = self._path(name).read_bytes()
        except OSError:
            return None
        if self._aead is None:
            return stored
        if not stored.startswith(MAGIC):
            return None
        try:
            return self._aead.decrypt(stored[4:16], stored[16:], name.encode())
        except InvalidTag:
            return None

    def put(self, name: str, data: bytes) -> None:
        path = self._path(name)
        if self._aead is not None:
            nonce = os.urandom(12)
            data = MAGIC + nonce + self._aead.encrypt(nonce, data, name.encode())
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            Path(tmp).replace(path)
        except OSError:
            return
