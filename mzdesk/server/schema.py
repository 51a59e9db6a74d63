"""Which clients the server talks to: the store schema a client states must be one this
server speaks (sync.md 7)."""

from __future__ import annotations

from mzdesk.server.errors import SyncError
from mzdesk.store.migrate import head_revision

MIN_CLIENT_SCHEMA = 6  # the first store schema that speaks this protocol


def store_schema() -> int:
    head = head_revision()
    assert head is not None
    return int(head)


def check_schema(client_schema: object) -> None:
    """Sync.md 7: an old client is told to upgrade; a client newer than the server is told
    the server must be upgraded first. Its outbox waits either way. (A bundle's schema is
    whatever its JSON holds: anything but a number in a string is "missing".)"""
    try:
        if not isinstance(client_schema, str | None):
            raise ValueError
        version = int(client_schema or "")
    except ValueError:
        raise SyncError(
            400, "schema_missing", "the client did not state its schema version"
        ) from None
    if version < MIN_CLIENT_SCHEMA:
        raise SyncError(
            426,
            "client_too_old",
            f"this client's data version {version:04d} is older than the server accepts "
            f"({MIN_CLIENT_SCHEMA:04d}); please upgrade mzdesk",
        )
    if version > store_schema():
        raise SyncError(
            426,
            "server_too_old",
            f"this client's data version {version:04d} is newer than the server's "
            f"({store_schema():04d}); the server must be upgraded first",
        )
