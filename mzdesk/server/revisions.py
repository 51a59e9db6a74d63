"""The server's revision counter: every record written gets a revision of its own."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.server.models import Counter


class Revisions:
    """Hands out revisions for one transaction: the counter row is locked once (so pushes
    commit in revision order) and written back at the end."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.counter: Counter | None = None

    def next(self) -> int:
        if self.counter is None:
            self.counter = self.session.execute(
                select(Counter).where(Counter.id == 1).with_for_update()
            ).scalar_one()
        self.counter.rev += 1
        return self.counter.rev
