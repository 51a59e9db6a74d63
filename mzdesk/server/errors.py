"""The one refusal the central server answers with: an HTTP status and a stable code."""

from __future__ import annotations


class SyncError(Exception):
    """A refusal with an HTTP status and a stable code (see docs/sync-protocol.md)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
