"""Photos, signatures and rectification evidence attached to records.

A file is checked (a PNG or JPEG that decodes, within size and pixel limits), kept once in
the content-addressed file store (store/files.py), and tied to its record by a synced
``attachments`` row. Feature services call :func:`store_file` before their transaction and
:func:`add_attachment` inside it, so the row, its outbox entry and its audit land together;
the file is already safe on disk by then (a file without a row is harmless).
"""

from __future__ import annotations

import io
import uuid
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import CodedError, ValidationError
from mzdesk.core.limits import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_PIXELS, MIB
from mzdesk.core.vocab import AttachmentKind
from mzdesk.store.engine import Store
from mzdesk.store.models import Attachment

MEDIA_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG"}
_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))


class MissingFile(CodedError):
    """An attachment whose bytes have not arrived on this device yet (sync brings them)."""

    def __init__(self, sha256: str) -> None:
        super().__init__("attachment.missing_file")
        self.sha256 = sha256


@dataclass(frozen=True)
class FileRef:
    sha256: str
    size: int
    media_type: str


@dataclass(frozen=True)
class AttachmentView:
    id: uuid.UUID
    owner_table: str
    owner_id: uuid.UUID
    kind: AttachmentKind
    sha256: str
    size: int
    media_type: str
    caption: str | None


def sniff(data: bytes) -> str | None:
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            return media_type
    return None


def check_image(data: bytes, media_type: str | None = None) -> str:
    """The media type of ``data`` if it is an acceptable image; ValidationError (field
    ``file``) saying what is wrong otherwise. Reads the header before decoding anything, so a
    decompression bomb is refused without being inflated."""

    def refuse(code: str, **params: object) -> ValidationError:
        return ValidationError.single("file", code, **params)

    if not data:
        raise refuse("attachment.empty")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise refuse(
            "attachment.too_large",
            size=f"{len(data) / MIB:.1f} MB",
            limit=f"{MAX_ATTACHMENT_BYTES // MIB} MB",
        )
    actual = sniff(data)
    if actual is None:
        raise refuse("attachment.not_image")
    if media_type is not None and media_type != actual:
        raise refuse("attachment.type_mismatch", actual=actual, declared=media_type)
    from PIL import Image  # Pillow (~0.3 s of imports) when a picture is checked, not at start

    too_many = refuse(
        "attachment.too_many_pixels",
        wan=MAX_ATTACHMENT_PIXELS // 10_000,
        million=MAX_ATTACHMENT_PIXELS // 1_000_000,
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[MEDIA_TYPES[actual]]) as image:
                width, height = image.size
                if width * height > MAX_ATTACHMENT_PIXELS:
                    raise too_many
                image.verify()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many from None
    except (OSError, SyntaxError, ValueError):
        raise refuse("attachment.broken_image") from None
    return actual


def store_file(store: Store, data: bytes, media_type: str | None = None) -> FileRef:
    """Check ``data`` and keep it in the store's file store (once, whoever else has it)."""
    actual = check_image(data, media_type)
    return FileRef(store.files.put(data), len(data), actual)


def add_attachment(
    session: Session,
    *,
    institution_id: uuid.UUID,
    owner_table: str,
    owner_id: uuid.UUID,
    ref: FileRef,
    kind: AttachmentKind,
    caption: str | None = None,
) -> uuid.UUID:
    """Tie a stored file to a record, inside the caller's write transaction."""
    row = Attachment(
        institution_id=institution_id,
        owner_table=owner_table,
        owner_id=owner_id,
        sha256=ref.sha256,
        size=ref.size,
        media_type=ref.media_type,
        kind=kind,
        caption=caption,
    )
    session.add(row)
    session.flush()
    return row.id


def _view(row: Attachment) -> AttachmentView:
    return AttachmentView(
        row.id,
        row.owner_table,
        row.owner_id,
        row.kind,
        row.sha256,
        row.size,
        row.media_type,
        row.caption,
    )


def attachments_in(
    session: Session, owner_table: str, owner_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[AttachmentView]]:
    """Live attachments of the given records, in the order they were added."""
    ids = list(owner_ids)
    found: dict[uuid.UUID, list[AttachmentView]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):
        query = (
            select(Attachment)
            .where(
                Attachment.owner_table == owner_table,
                Attachment.owner_id.in_(ids[start : start + 500]),
                Attachment.deleted_at.is_(None),
            )
            .order_by(Attachment.created_at, Attachment.id)
        )
        for row in session.scalars(query):
            found[row.owner_id].append(_view(row))
    return found


def attachments_of(
    store: Store, owner_table: str, owner_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[AttachmentView]]:
    with store.read() as session:
        return attachments_in(session, owner_table, owner_ids)


def remove_attachment(session: Session, attachment_id: uuid.UUID) -> None:
    """Tombstone an attachment inside the caller's transaction (the file stays: another
    record, or an older version of this one, may show it)."""
    from mzdesk.store.models import utcnow

    row = session.get(Attachment, attachment_id)
    if row is not None and row.deleted_at is None:
        row.deleted_at = utcnow()
        session.flush()


def has_file(store: Store, sha256: str) -> bool:
    return store.files.has(sha256)


def read_file(store: Store, sha256: str) -> bytes:
    """The bytes of a stored file; :class:`MissingFile` when sync has not brought it yet."""
    try:
        return store.files.read(sha256)
    except FileNotFoundError:
        raise MissingFile(sha256) from None
