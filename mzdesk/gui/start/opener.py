"""Opening an encrypted database: nothing in it can be read before a login, so the login
comes first. The password unwraps the database key (store/keys.py: argon2id, a fraction of
a second, run off the GUI thread), the store opens with it, and then the login is checked
against the users table as for any database (locked accounts, disabled users).

A database that needs no login (a new one, or one with no users yet) opens as it always did:
first run, choose an institution, log in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from mzdesk.core.errors import CodedError
from mzdesk.gui import probe
from mzdesk.gui.runtime.worker import Worker
from mzdesk.services.institutions import list_institutions
from mzdesk.services.users import authenticate
from mzdesk.services.views import InstitutionView, UserView
from mzdesk.store import cipher, keys
from mzdesk.store.engine import Store, open_store, unlock


@dataclass
class Unlocked:
    """A database opened by a login: who logged in, and in which institution."""

    store: Store
    institution: InstitutionView
    user: UserView


def needs_login(db_path: Path) -> bool:
    """Whether ``db_path`` can be read only after a login: it has users (their key slots),
    or it is encrypted and its slot file is gone (then only the recovery key opens it)."""
    slots = keys.read_slots(db_path)
    if slots is not None:
        return not slots.is_open
    return db_path.exists() and db_path.stat().st_size > 0 and not cipher.is_plain_sqlite(db_path)


def demo_hint(db_path: Path) -> tuple[str, str] | None:
    """The public demo account the slot file names (``mzdesk demo`` writes it), if any."""
    try:
        slots = keys.read_slots(db_path)
    except keys.KeyError_:
        return None
    demo = slots.demo if slots is not None else None
    if not demo or not demo.get("username"):
        return None
    return str(demo.get("username")), str(demo.get("password", ""))


class Opener:
    """Unlocks ``db_path`` with a login and opens it once; later attempts (a disabled user,
    then a colleague) reuse the open store. ``store`` stays None until a password opened it."""

    def __init__(self, db_path: Path, worker: Worker) -> None:
        self.db_path = db_path
        self.worker = worker
        self.store: Store | None = None

    async def open_with_key(self, key: bytes) -> Store:
        if self.store is None:
            self.store = await self.worker.write(open_store, self.db_path, key=key)
        return self.store

    async def log_in(self, username: str, password: str) -> Unlocked:
        """Unlock with the password (off the GUI thread), open, then authenticate. Raises
        CodedError with the message to show."""
        key, slot_institution = await self.worker.read(unlock, self.db_path, username, password)
        probe.mark("unlocked")
        store = await self.open_with_key(key)
        probe.mark("store_open")
        if slot_institution is None:  # a database that needs no login: the only institution
            institutions = await self.worker.read(list_institutions, store)
            if not institutions:
                raise CodedError("user.bad_login")
            institution_id = institutions[0].id
            unlocked_as = (institution_id, username.strip())
        else:
            # a slot written before an enrolment gave the institution the server's id names
            # the old one (or after it, when the backup from before it was restored):
            # authenticate then binds the slot to the id it has here (store/adoption.py)
            institution_id = await self.worker.read(
                store.slot_institution, slot_institution, username
            )
            unlocked_as = (slot_institution, username.strip())
        institution = await self.institution(institution_id)
        store.unlocked_as = unlocked_as
        user = await self.worker.write(authenticate, store, institution_id, username, password)
        probe.mark("authenticated")
        return Unlocked(store, institution, user)

    async def institution(self, institution_id: uuid.UUID) -> InstitutionView:
        assert self.store is not None
        institutions = await self.worker.read(list_institutions, self.store)
        found = next((i for i in institutions if i.id == institution_id), None)
        if found is None:
            raise CodedError("user.bad_login")
        return found

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
