"""Files on their way between this device and the server (sync/files.py). Never synced.

A row says the server is known to hold a file (``on_server_at``) — so it is not offered
again — or how the last attempt to send or fetch it went. A file with no row, or a row
without ``on_server_at``, is still to be sent (if this device has it) or fetched (if a live
attachment names it and it is not here)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mzdesk.store.models.base import Base


class FileTransfer(Base):
    __tablename__ = "file_transfers"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    on_server_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
