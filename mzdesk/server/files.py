"""Photos and signatures on the server: content-addressed files that travel apart from rows.

An ``attachments`` row syncs like any row; its file (named by the SHA-256 of its bytes) is
sent once, by whichever device has it first, and fetched by the devices that lack it.

- **Scope.** A file belongs to the institutions that have an attachment row naming it
  (``file_refs``, written when such a row is pushed or imported). A device may upload a
  file, ask whether the server lacks it, or download it only if one of those institutions
  is in its scope. The client pushes rows before it uploads files, and a bundle's changes
  are applied before its files, so the row always names the file first: no push order loses
  a file (a file whose row has not arrived yet is "unknown" and is simply offered again at
  the next sync).
- **Checks.** The bytes must hash to the name they are sent under, be at most
  ``MAX_ATTACHMENT_BYTES`` (refused as soon as more arrive) and be the PNG or JPEG they
  claim to be (services/attachments.py ``check_image``: the header is read before anything
  is decoded).
- **Storage.** The table ``stored_files`` in the server's database (SQLite or PostgreSQL):
  every worker process and machine serving one database sees the same files, and a backup of
  the database holds them. Storing a file twice stores it once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from mzdesk.core.bundle import file_entry, read_file_entry
from mzdesk.core.children import PRIVATE_FIELDS
from mzdesk.core.errors import ValidationError
from mzdesk.core.i18n import text_in
from mzdesk.core.limits import MAX_ATTACHMENT_BYTES
from mzdesk.server.auth import authenticate, device_scope
from mzdesk.server.db import ServerDB
from mzdesk.server.errors import SyncError
from mzdesk.server.models import Device, FileReference, StoredFile
from mzdesk.services.attachments import check_image
from mzdesk.store.files import is_sha256, sha256_of

ATTACHMENTS = "attachments"
MAX_ASKED = 1000  # hashes in one "which do you lack?" question
# the raw bytes of files one bundle carries (base64 makes them 4/3 larger inside the JSON,
# which is itself bounded by MAX_BUNDLE_INFLATED_BYTES); the rest go in the next bundle
BUNDLE_FILE_BUDGET = 96 * 1024 * 1024


def _insert_ignoring(session: Session, model: type[Any], rows: list[dict[str, Any]]) -> None:
    """INSERT … ON CONFLICT DO NOTHING on either backend (two pushes may race to add it)."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(make(model).values(rows).on_conflict_do_nothing())


def note_reference(session: Session, institution_id: uuid.UUID, data: Mapping[str, Any]) -> None:
    """An attachment row of ``institution_id`` (its merged ``data``) names a file (merge calls
    this for every applied change to ``attachments``). The reference is private while every
    such row of the institution belongs to a child's private record."""
    sha256 = data.get("sha256")
    if not (isinstance(sha256, str) and is_sha256(sha256)):
        return
    private = data.get("owner_table") in PRIVATE_FIELDS
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    insert = make(FileReference).values(
        sha256=sha256, institution_id=institution_id, private=private
    )
    session.execute(
        insert.on_conflict_do_update(
            index_elements=["sha256", "institution_id"],
            set_={"private": FileReference.private & insert.excluded.private},
        )
    )


def in_scope(
    session: Session, scope: set[uuid.UUID], hashes: Iterable[str], *, shared_only: bool = False
) -> set[str]:
    """Those of ``hashes`` that an institution in ``scope`` refers to (``shared_only``: by a
    reference that is not private)."""
    wanted = [h for h in set(hashes) if is_sha256(h)]
    found: set[str] = set()
    if not scope:
        return found
    for start in range(0, len(wanted), 500):
        query = select(FileReference.sha256).where(
            FileReference.sha256.in_(wanted[start : start + 500]),
            FileReference.institution_id.in_(scope),
        )
        if shared_only:
            query = query.where(FileReference.private.is_(False))
        found.update(session.scalars(query))
    return found


def visible(session: Session, device: Device, hashes: Iterable[str]) -> set[str]:
    """Those of ``hashes`` this device may send, ask about or have: any file of the
    institutions it is enrolled for; of those it sees through its region, only files that are
    not private (server/institutions.py ``for_device`` withholds the rows that name them)."""
    asked = list(hashes)
    own = {uuid.UUID(i) for i in device.institution_ids}
    through_region = device_scope(session, device) - own
    return in_scope(session, own, asked) | in_scope(
        session, through_region, asked, shared_only=True
    )


def stored(session: Session, hashes: Iterable[str]) -> set[str]:
    wanted = list(set(hashes))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        found.update(
            session.scalars(
                select(StoredFile.sha256).where(StoredFile.sha256.in_(wanted[start : start + 500]))
            )
        )
    return found


def lacking(db: ServerDB, token: str | None, hashes: list[str]) -> dict[str, list[str]]:
    """Of the files a device offers: ``missing`` — referenced in its scope, not stored (send
    them); ``unknown`` — no attachment row in its scope names them (yet): not accepted now.
    The rest the server has. Saying nothing about files outside the device's scope."""
    if len(hashes) > MAX_ASKED:
        raise SyncError(422, "too_many", f"ask about at most {MAX_ASKED} files at a time")
    with db.transaction() as session:
        device = authenticate(session, token)
        known = visible(session, device, hashes)
        have = stored(session, known)
    asked = list(dict.fromkeys(hashes))
    return {
        "missing": [h for h in asked if h in known and h not in have],
        "unknown": [h for h in asked if h not in known],
    }


def _not_yours(sha256: str) -> SyncError:
    return SyncError(
        404, "no_file", f"no attachment in this device's scope names the file {sha256[:16]}…"
    )


def may_upload(db: ServerDB, token: str | None, sha256: str) -> uuid.UUID:
    """The device, if it may send this file (checked before the body is read)."""
    if not is_sha256(sha256):
        raise SyncError(400, "bad_body", "a file is named by its SHA-256 (64 hex digits)")
    with db.transaction() as session:
        device = authenticate(session, token)
        if not visible(session, device, [sha256]):
            raise _not_yours(sha256)
        return device.id


def check_file(sha256: str, data: bytes, media_type: str | None) -> str:
    """The file's media type, or the refusal: too large, corrupt (not the bytes named),
    not the image it claims to be."""
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise SyncError(413, "too_large", f"a file may be at most {MAX_ATTACHMENT_BYTES} bytes")
    if sha256_of(data) != sha256:
        raise SyncError(
            400, "file_corrupt", "the bytes do not hash to the name they were sent under"
        )
    try:
        return check_image(data, media_type or None)
    except ValidationError as error:
        problem = error.problems[0]
        message = text_in("en", problem.code, **problem.params)
        raise SyncError(415, "bad_file", f"not an acceptable image: {message}") from None


def keep(
    session: Session, device_id: uuid.UUID | None, sha256: str, media_type: str, data: bytes
) -> None:
    _insert_ignoring(
        session,
        StoredFile,
        [
            {
                "sha256": sha256,
                "size": len(data),
                "media_type": media_type,
                "data": data,
                "device_id": device_id,
            }
        ],
    )


def upload(
    db: ServerDB, device_id: uuid.UUID, sha256: str, data: bytes, media_type: str | None
) -> None:
    """Keep a file the device may send (see :func:`may_upload`); idempotent."""
    actual = check_file(sha256, data, media_type)
    with db.transaction() as session:
        if not stored(session, [sha256]):
            keep(session, device_id, sha256, actual, data)


def download(db: ServerDB, token: str | None, sha256: str) -> tuple[bytes, str]:
    """A file's bytes and media type, for a device whose scope refers to it."""
    if not is_sha256(sha256):
        raise SyncError(400, "bad_body", "a file is named by its SHA-256 (64 hex digits)")
    with db.transaction() as session:
        device = authenticate(session, token)
        if not visible(session, device, [sha256]):
            raise _not_yours(sha256)
        row = session.get(StoredFile, sha256)
        if row is None:
            raise SyncError(404, "no_file", "the server does not have this file yet")
        return bytes(row.data), row.media_type


# ---------------------------------------------------------------- USB bundles


def bundle_files(session: Session, device: Device, hashes: Iterable[str]) -> list[dict[str, Any]]:
    """Stored files among ``hashes`` that ``device`` may have, as a bundle carries them
    (base64), up to the budget. ``hashes`` may come from the device's own bundle (the files
    it says it lacks): only what it may have is carried."""
    out: list[dict[str, Any]] = []
    budget = BUNDLE_FILE_BUDGET
    asked = [h for h in dict.fromkeys(hashes) if is_sha256(h)]
    allowed = visible(session, device, asked)
    for sha256 in asked:
        row = session.get(StoredFile, sha256) if sha256 in allowed else None
        if row is None or row.size > budget:
            continue
        budget -= row.size
        out.append(file_entry(sha256, row.media_type, bytes(row.data)))
    return out


def held_for(session: Session, device: Device) -> list[str]:
    """Every file the server holds that ``device`` may have (it stops offering those)."""
    own = {uuid.UUID(i) for i in device.institution_ids}
    through_region = device_scope(session, device) - own
    held: set[str] = set()
    for scope, shared_only in ((own, False), (through_region, True)):
        if not scope:
            continue
        query = (
            select(FileReference.sha256)
            .join(StoredFile, StoredFile.sha256 == FileReference.sha256)
            .where(FileReference.institution_id.in_(scope))
        )
        if shared_only:
            query = query.where(FileReference.private.is_(False))
        held.update(session.scalars(query.distinct()))
    return sorted(held)


MAX_WANTED = 20_000  # hashes a device may ask for in one bundle


def wanted(value: object) -> list[str]:
    """The files a site's bundle says the site lacks (its ``files_wanted``), checked."""
    if not isinstance(value, list):
        return []
    return [h for h in value[:MAX_WANTED] if isinstance(h, str) and is_sha256(h)]


def import_files(session: Session, device: Device, entries: object) -> dict[str, int]:
    """The files of a site's bundle, after its changes: each kept if an attachment in the
    device's scope names it and it passes the upload checks; anything else is counted as
    refused (the rows went in; a refused file is asked for again)."""
    counts = {"files_stored": 0, "files_refused": 0}
    if not isinstance(entries, list):
        return counts
    for entry in entries:
        decoded = read_file_entry(entry)
        if decoded is None:  # not of a bundle's shape, or not the bytes it names
            counts["files_refused"] += 1
            continue
        sha256, media_type, data = decoded
        try:
            actual = check_file(sha256, data, media_type)
        except SyncError:
            counts["files_refused"] += 1
            continue
        if not visible(session, device, [sha256]):
            counts["files_refused"] += 1
            continue
        if not stored(session, [sha256]):
            keep(session, device.id, sha256, actual, data)
        counts["files_stored"] += 1
    return counts
