"""Accounts sync, so the same people log in on a home's two PCs; the server refuses changes
to accounts that the user who made them could not have made (see mzdesk/server/accounts.py)."""

from __future__ import annotations

from sqlalchemy import select

from mzdesk.core.permissions import Actor
from mzdesk.services.users import (
    NewUser,
    actor_for,
    add_user,
    authenticate,
    change_own_password,
    users_of,
)
from mzdesk.store.models import OutboxEntry, User
from mzdesk.sync.review import quarantined
from tests.sync.conftest import new_client, sync
from tests.sync.helpers import institution_id


def _role(store, user_id):
    with store.read() as session:
        return session.get(User, user_id).role


def test_accounts_travel_and_a_forged_role_escalation_is_refused(server, tmp_path):
    server.institution("阳光养老院")
    a = new_client(tmp_path, server, server.code(institution="阳光养老院"), "前台电脑")
    sync(a)
    home = institution_id(a)
    # the site's set-up: its administrator, then a nurse the administrator adds
    with a.write(Actor.setup()) as session:
        from mzdesk.services.users import add_user_row

        admin_row = add_user_row(session, home, NewUser("admin", "王院长", "admin-pass", "admin"))
        admin_id = admin_row.id
    admin = authenticate(a, home, "admin", "admin-pass")
    nurse = add_user(a, actor_for(admin), home, NewUser("nurse", "李护士", "nurse-pass", "staff"))
    sync(a)

    b = new_client(tmp_path, server, server.code(institution="阳光养老院"), "护理站电脑")
    sync(b)
    assert {u.username for u in users_of(b, home)} == {"admin", "nurse"}
    assert authenticate(b, home, "nurse", "nurse-pass").role == "staff"  # logs in on both PCs

    # The nurse may change her own password: it reaches the other PC.
    change_own_password(a, actor_for(nurse), "nurse-pass", "nurse-pass-2")
    sync(a)
    sync(b)
    assert authenticate(b, home, "nurse", "nurse-pass-2").id == nurse.id

    # A desktop edited by hand: the nurse makes herself administrator, bypassing the services.
    with a.write(actor_for(nurse)) as session:
        session.get(User, nurse.id).role = "admin"
    report = sync(a)
    assert report.outcomes.get("rejected") == 1
    (refused,) = quarantined(a)
    assert refused.table == "users" and "没有管理账号的权限" in refused.error
    sync(b)
    assert _role(b, nurse.id) == "staff"  # the other PC never sees the escalation

    # Nor may a change claim no author once the institution has users.
    with a.write(Actor.setup()) as session:
        session.get(User, admin_id).display_name = "冒名"
    assert sync(a).outcomes.get("rejected") == 1

    # The administrator's own change of a role goes through.
    with a.write(actor_for(admin)) as session:
        session.get(User, nurse.id).role = "inspector"  # overwrites the local forged value
    assert sync(a).outcomes.get("rejected", 0) == 0
    sync(b)
    assert _role(b, nurse.id) == "inspector"
    with a.read() as session:
        authors = set(
            session.scalars(select(OutboxEntry.author_id).where(OutboxEntry.table_name == "users"))
        )
    assert {admin.id, nurse.id} <= authors
