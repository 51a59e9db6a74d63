"""The one refusal the central server answers with: an HTTP status and a stable code."""

from __future__ import annotations

from mzdesk.core.i18n import refusal_text


class SyncError(Exception):
    """A refusal with an HTTP status and a stable code (see docs/sync-protocol.md).

    ``message`` is the API's English text; :meth:`shown` is the refusal in the user's
    language, from the message ``key`` (``sync.<code>`` unless given) and its ``params``."""

    def __init__(
        self, status: int, code: str, message: str, *, key: str | None = None, **params: object
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.key = key or f"sync.{code}"
        self.params = params

    def shown(self) -> str:
        return refusal_text(self.key, self.code, **self.params)
