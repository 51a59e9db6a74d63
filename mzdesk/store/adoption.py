"""The ids this database's institution had before an enrolment gave it the server's
(sync/device.py ``adopt_institution``), so that the key slots written before still work.

A key slot (store/keys.py) names its user's institution, and that id is bound into the
slot's AES-GCM associated data: only the user's password can re-wrap the key for the new id,
so the adoption cannot rewrite the slots. Instead it records ``old id → new id`` here, in the
encrypted database (readable and changeable only once unlocked), and:

- a login through an old id's slot resolves the institution through this record, and its
  ``authenticate`` re-wraps the key for the new id with the password just typed;
- a slot written for the new id (that login, a password changed or reset, a new account)
  replaces the user's slot under an old id, and a disabled account loses both — so no slot is
  left that a former password would still open.

The backup the enrolment made first (「加入上级机构前」) may be restored after some slots were
bound to the new id: the database then holds the old id again and knows no adoption. A slot
naming an institution this database does not hold opens the one institution where its user
name has an account, and is replaced as above when that login re-wraps it.

A slot names nothing the users table does not decide again: the password is checked against
the user's row of the resolved institution after the key is unwrapped."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from mzdesk.store.models import DeviceSetting, Institution, User

ADOPTED = "store.adopted_institutions"  # {old id: current id}, as strings


def adopted_ids(session: Session) -> dict[str, str]:
    row = session.get(DeviceSetting, ADOPTED)
    value = row.value if row is not None else None
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items()}


def record_adoption(session: Session, old: uuid.UUID, new: uuid.UUID) -> None:
    """``old`` is now ``new`` (and so is every id that had become ``old``)."""
    mapping = {k: (str(new) if v == str(old) else v) for k, v in adopted_ids(session).items()}
    mapping[str(old)] = str(new)
    mapping.pop(str(new), None)
    row = session.get(DeviceSetting, ADOPTED)
    if row is None:
        session.add(DeviceSetting(key=ADOPTED, value=mapping))
    else:
        row.value = mapping


def current_id(session: Session, institution_id: uuid.UUID) -> uuid.UUID:
    """The id ``institution_id`` has now (itself, unless an enrolment replaced it)."""
    now = adopted_ids(session).get(str(institution_id))
    return uuid.UUID(now) if now is not None else institution_id


def former_ids(session: Session, institution_id: uuid.UUID) -> set[str]:
    """The ids that became ``institution_id``."""
    return {old for old, now in adopted_ids(session).items() if now == str(institution_id)}


def slot_institution(session: Session, institution_id: uuid.UUID, username: str) -> uuid.UUID:
    """The institution a login through a slot naming ``institution_id`` opens: the id an
    enrolment gave it; or, when this database holds no such institution (a backup from before
    the enrolment, restored), the only one where ``username`` has an account."""
    now = current_id(session, institution_id)
    if session.get(Institution, now) is not None:
        return now
    found = session.scalars(
        select(User.institution_id).where(User.username == username, User.deleted_at.is_(None))
    ).all()
    return found[0] if len(found) == 1 else now


def superseded_ids(session: Session, institution_id: uuid.UUID, named: Iterable[str]) -> set[str]:
    """Of the institution ids slots name (``named``), those a slot for ``institution_id``
    replaces: the ids that became it, and ids of no institution in this database."""
    held = {str(i) for i in session.scalars(select(Institution.id))}
    return former_ids(session, institution_id) | {
        i for i in named if i != str(institution_id) and i not in held
    }
