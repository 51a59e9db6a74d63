"""The encrypted database's keys as use cases: who can open it on this computer, printing the
recovery sheet, and recovering an administrator's access with the recovery key.

The key material lives in store/keys.py and store/engine.py; these are the operations people
perform on it, each with the permission it needs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import ADMIN, Actor, Permission
from mzdesk.services.operations import operation
from mzdesk.services.users import actor_for, reset_password
from mzdesk.services.views import UserView
from mzdesk.store import adoption, keys
from mzdesk.store.engine import Store
from mzdesk.store.models import Institution, User


@dataclass(frozen=True)
class KeyHolder:
    username: str
    display_name: str
    institution: str


@dataclass(frozen=True)
class KeyStatus:
    holders: list[KeyHolder]
    open: bool  # no user protects the key yet (a database being set up)
    recovery_printed: dt.date | None


@operation(Permission.USERS_MANAGE)
def key_status(store: Store, actor: Actor) -> KeyStatus:
    """Who can open this database on this computer (no key material)."""
    slots = store.key_slots()
    holders: list[KeyHolder] = []
    with store.read() as session:
        wanted = {_opens(session, slot) for slot in slots.user_slots()}
        rows = session.execute(
            select(User.institution_id, User.username, User.display_name, Institution.name)
            .join(Institution, Institution.id == User.institution_id)
            .where(User.deleted_at.is_(None))
        ).all()
    for institution_id, username, display_name, name in rows:
        if (str(institution_id), username) in wanted:
            holders.append(KeyHolder(username, display_name, name))
    printed = dt.date.fromisoformat(slots.recovery_printed) if slots.recovery_printed else None
    return KeyStatus(sorted(holders, key=lambda h: h.username), slots.is_open, printed)


def _opens(session: Session, slot: keys.Slot) -> tuple[str, str | None]:
    """(institution id, user name) a slot lets log in now: a slot written before an enrolment
    gave the institution the server's id names the old one until its user logs in again
    (store/adoption.py)."""
    try:
        named = uuid.UUID(slot.institution_id or "")
    except ValueError:
        return slot.institution_id or "", slot.username
    return str(adoption.slot_institution(session, named, slot.username or "")), slot.username


@dataclass(frozen=True)
class RecoverySheet:
    """What the recovery sheet prints (reports/recovery_sheet.py)."""

    recovery: str  # the database key as keys.format_recovery_key writes it
    database: str
    institution: str


@operation(Permission.USERS_MANAGE)
def recovery_sheet(store: Store, actor: Actor) -> RecoverySheet:
    """The recovery sheet's contents: only an administrator sees the recovery key."""
    if store.key is None or store.path is None:
        raise StateError("store.keys.locked")
    with store.read() as session:
        institution = (
            session.get(Institution, actor.institution_id) if actor.institution_id else None
        )
        name = institution.name if institution is not None else ""
    return RecoverySheet(keys.format_recovery_key(store.key), store.path.name, name)


@operation(Permission.USERS_MANAGE)
def mark_recovery_printed(store: Store, actor: Actor, on: dt.date) -> None:
    """Remember the day the recovery sheet was printed (the app stops reminding)."""
    store.update_slots(lambda slots: dataclasses.replace(slots, recovery_printed=on.isoformat()))


def administrators(store: Store) -> list[UserView]:
    """The active administrators, to choose whose password the recovery key resets."""
    with store.read() as session:
        users = session.scalars(
            select(User)
            .where(User.deleted_at.is_(None), User.active, User.role == ADMIN)
            .order_by(User.username)
        ).all()
        return [UserView.of(u) for u in users]


def recover_administrator(
    store: Store, user_id: uuid.UUID, password: str, again: str | None = None
) -> UserView:
    """With the database opened by its recovery key: give an administrator a new password
    (recorded in the audit log as done by that administrator). Whoever holds the recovery
    sheet may do this; that is what the sheet is for."""
    admin = next((u for u in administrators(store) if u.id == user_id), None)
    if admin is None:
        raise ValidationError.single("username", "user.not_admin")
    return reset_password(store, actor_for(admin), admin.id, password, again)
