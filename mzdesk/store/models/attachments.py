"""Attachments: which record a file (photo, signature, rectification evidence) belongs to.

The row syncs like any other; the bytes live in the content-addressed file store
(store/files.py) and travel separately, once per distinct file.
"""

from __future__ import annotations

import uuid

from sqlalchemy import String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.core.vocab import AttachmentKind
from mzdesk.store.models.base import Base, Synced, VocabType


class Attachment(Synced, Base):
    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    media_type: Mapped[str] = mapped_column(String(50))
    kind: Mapped[AttachmentKind] = mapped_column(VocabType(AttachmentKind))
    # the record it belongs to: a table name of the store and that row's id
    owner_table: Mapped[str] = mapped_column(String(50))
    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    caption: Mapped[str | None] = mapped_column(String(200))
