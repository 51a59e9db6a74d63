"""Opening an intake document (捡拾报案证明, a ruling, a DNA result …).

The documents are attachments of the child's intake, kept encrypted in the file store. Only a
role with ``children.private`` opens one, and each opening is written to the audit trail (who,
when, which document), as a look at the record's private details is. The bytes are handed to
the caller in memory: nothing here writes them anywhere.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from mzdesk.core.errors import StateError
from mzdesk.core.permissions import Actor, Permission
from mzdesk.services.attachments import read_file
from mzdesk.services.children.intake import DOCUMENTS_TABLE
from mzdesk.services.lookups import get_live
from mzdesk.services.operations import operation
from mzdesk.store.audit import record_reveal
from mzdesk.store.engine import Store
from mzdesk.store.models import Attachment

OPENED_FIELD = "file"  # how an opening reads in the audit trail


@dataclass(frozen=True)
class OpenedDocument:
    id: uuid.UUID
    caption: str
    media_type: str
    data: bytes


@operation(Permission.CHILDREN_PRIVATE)
def open_intake_document(store: Store, actor: Actor, attachment_id: uuid.UUID) -> OpenedDocument:
    """The document's bytes (decrypted, in memory); the opening is audited. A file that sync
    has not brought yet raises :class:`~mzdesk.services.attachments.MissingFile` and nothing
    is recorded."""
    with store.write(actor) as session:
        row = get_live(session, Attachment, attachment_id)
        if row.owner_table != DOCUMENTS_TABLE:
            raise StateError("child.not_a_document")
        data = read_file(store, row.sha256)
        record_reveal(session, actor, "attachments", [(row.id, row.institution_id)], OPENED_FIELD)
        return OpenedDocument(row.id, row.caption or "", row.media_type, data)
