"""Accounts travel with sync, so the server checks who may change them.

Trust model (docs/sync-protocol.md, "Accounts"): a device proves itself with its token; each
change it pushes names the user who made it (``author``), as the desktop's login knew them.
The server does not take the desktop's word that this user may change accounts: it looks the
author up in its own copy of the institution's users and refuses (quarantines, on the
desktop) any change to ``users`` that this user could not have made there:

- an active administrator of the institution (a role granting ``users.manage``) may add
  users and change any field of them;
- any user may change their own password (``password_hash`` alone) and nothing else of theirs;
- while the server knows no users of the institution yet, the site's first users arrive with
  its first push (set-up before enrolment: the author is nobody, or one of them).

Before any of this, a change to ``users`` from a device not enrolled for that institution
itself (a bureau's laptop, which sees the home through its region) is refused outright, and
such devices never receive accounts (``mzdesk.server.institutions``): so neither the
first-users rule nor a forged administrator id lets a region device write a home's accounts.

A desktop whose database was edited by hand can still claim to be an administrator it knows
the id of; that is why tokens are per device and revocable, and the server keeps which
device pushed every change.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.permissions import Permission, role
from mzdesk.server.models import Record

OWN_FIELDS = frozenset({"password_hash"})


class AccountCheck:
    """One push's view of the institutions' users: which had users before the push began."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._had_users: dict[uuid.UUID, bool] = {}

    def had_users(self, institution_id: uuid.UUID) -> bool:
        if institution_id not in self._had_users:
            found = self.session.scalar(
                select(Record.id)
                .where(Record.table_name == "users", Record.institution_id == institution_id)
                .limit(1)
            )
            self._had_users[institution_id] = found is not None
        return self._had_users[institution_id]

    def refusal(
        self,
        *,
        row_id: uuid.UUID,
        institution_id: uuid.UUID,
        data: Mapping[str, Any],
        author: uuid.UUID | None,
        records: Mapping[uuid.UUID, Record],
    ) -> str | None:
        """Why the author may not make this change to a ``users`` row, or None."""
        if not self.had_users(institution_id):
            return None  # the site's own set-up, arriving with its first push
        if author is None:
            return "the change names no user"
        user = records.get(author) or self.session.get(Record, author)
        if (
            user is None
            or user.table_name != "users"
            or user.institution_id != institution_id
            or user.deleted
            or user.data.get("active") is False
        ):
            return "the user who made the change is not an active user of the institution"
        if role(str(user.data.get("role"))).grants(Permission.USERS_MANAGE):
            return None
        if author == row_id and set(data) <= OWN_FIELDS:
            return None
        return "the user who made the change may not change accounts"
