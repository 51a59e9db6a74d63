"""Opening an encrypted test database the way a front end does: unlock with a login."""

from __future__ import annotations

from pathlib import Path

from mzdesk.store.engine import Store, open_store, unlock


def open_as(path: Path, username: str, password: str) -> Store:
    key, institution_id = unlock(path, username, password)
    store = open_store(path, key=key)
    if institution_id is not None:
        store.unlocked_as = (institution_id, username)
    return store
