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

A slot names nothing the users table does not decide again: the password is checked against
the user's row of the resolved institution after the key is unwrapped."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from mzdesk.store.models import DeviceSetting

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
