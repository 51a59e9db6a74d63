"""Record identifiers.

Rows are keyed by UUIDv7 generated on the client: unique without asking a server (offline
sites create records for weeks), and time-ordered so B-tree inserts stay local. Reference
data shipped in resources (checklist templates) gets name-based UUIDv5 ids, so every replica
derives the same id from the same template without syncing it.
"""

from __future__ import annotations

import uuid

import uuid6

_NAMESPACE = uuid.UUID("5b0c54c2-8f3e-4d6e-9a51-6d7a2f0e3c11")


def new_id() -> uuid.UUID:
    return uuid6.uuid7()


def stable_id(*parts: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, "\x1f".join(parts))
