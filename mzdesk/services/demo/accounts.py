"""The demo's login: demo data is public, so the login dialog tells its account."""

from __future__ import annotations

from sqlalchemy.orm import Session

from mzdesk.store.engine import Store
from mzdesk.store.models import DeviceSetting

DEMO_PASSWORD = "demo1234"
DEMO_ACCOUNT = "demo_account"


def remember_demo_account(session: Session) -> None:
    """Demo data is public: the login dialog tells its account (read from the key-slot file
    too, since an encrypted database cannot be read before the login)."""
    account = {"username": "admin", "password": DEMO_PASSWORD}
    session.merge(DeviceSetting(key=DEMO_ACCOUNT, value=account))
    session.info["demo_account"] = account


def demo_account(store: Store) -> tuple[str, str] | None:
    """The demo's account, when this database holds demo data."""
    with store.read() as session:
        row = session.get(DeviceSetting, DEMO_ACCOUNT)
    if row is None or not isinstance(row.value, dict):
        return None
    return str(row.value.get("username")), str(row.value.get("password"))
