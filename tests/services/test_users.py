"""Accounts: setting up, users within an institution, roles, passwords, lockout."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from mzdesk.core.errors import StateError, ValidationError
from mzdesk.core.permissions import Actor, PermissionDenied
from mzdesk.core.vocab import InstitutionKind
from mzdesk.services import users
from mzdesk.services.institutions import InstitutionData, list_institutions
from mzdesk.services.users import (
    NewUser,
    actor_for,
    add_user,
    authenticate,
    change_own_password,
    has_users,
    reset_password,
    set_up_institution,
    set_user_active,
    set_user_role,
    users_of,
)
from mzdesk.store.models import AuditEntry

SETUP = Actor.setup()


@pytest.fixture
def site(store):
    institution, admin = set_up_institution(
        store,
        SETUP,
        InstitutionData(name="福寿康养老院", kind=InstitutionKind.NURSING_HOME),
        NewUser("admin", "王院长", "s3cret-pass", password_again="s3cret-pass"),
    )
    return institution, admin


def test_setting_up_creates_the_institution_and_its_administrator_together(store, site):
    institution, admin = site
    assert admin.role == "admin" and admin.institution_id == institution.id
    assert has_users(store)
    # a bad administrator leaves no institution behind: one transaction
    with pytest.raises(ValidationError) as bad:
        set_up_institution(
            store,
            SETUP,
            InstitutionData(name="第二家", kind=InstitutionKind.NURSING_HOME),
            NewUser("boss", "院长", "longenough", password_again="different1"),
        )
    assert bad.value.fields() == {"password_again"}
    assert [i.name for i in list_institutions(store)] == ["福寿康养老院"]


def test_usernames_are_unique_within_an_institution_only(store, site):
    institution, admin = site
    other, _ = set_up_institution(
        store,
        SETUP,
        InstitutionData(name="康乐园", kind=InstitutionKind.NURSING_HOME),
        NewUser("admin", "张院长", "another-pass"),
    )
    assert authenticate(store, institution.id, "admin", "s3cret-pass").display_name == "王院长"
    assert authenticate(store, other.id, "admin", "another-pass").display_name == "张院长"
    with pytest.raises(StateError, match="不正确"):
        authenticate(store, other.id, "admin", "s3cret-pass")
    with pytest.raises(ValidationError, match="已被使用"):
        add_user(store, actor_for(admin), institution.id, NewUser("admin", "重名", "longenough"))


def test_roles_by_code_or_label_and_only_administrators_manage_users(store, site):
    institution, admin = site
    boss = actor_for(admin)
    nurse = add_user(
        store, boss, institution.id, NewUser("nurse", "李护士", "nurse-pass", "业务人员")
    )
    assert nurse.role == "staff" and nurse.role_label == "业务人员"
    with pytest.raises(PermissionDenied, match="业务人员没有「管理用户」的权限"):
        add_user(store, actor_for(nurse), institution.id, NewUser("x", "x", "longenough"))
    with pytest.raises(PermissionDenied):
        set_user_role(store, actor_for(nurse), nurse.id, "admin")  # no self-promotion
    assert set_user_role(store, boss, nurse.id, "readonly").role == "readonly"


def test_the_last_active_administrator_cannot_be_removed(store, site):
    institution, admin = site
    boss = actor_for(admin)
    with pytest.raises(StateError, match="至少要保留一名"):
        set_user_role(store, boss, admin.id, "staff")
    with pytest.raises(StateError, match="不能停用自己"):
        set_user_active(store, boss, admin.id, False)
    deputy = add_user(
        store, boss, institution.id, NewUser("deputy", "副院长", "deputy-pass", "admin")
    )
    assert set_user_active(store, actor_for(deputy), admin.id, False).active is False
    with pytest.raises(StateError, match="不正确"):
        authenticate(store, institution.id, "admin", "s3cret-pass")  # disabled: as if unknown
    assert [u.username for u in users_of(store, institution.id)] == ["deputy"]
    assert len(users_of(store, institution.id, include_disabled=True)) == 2


def test_repeated_failures_lock_the_account_for_a_while(store, site):
    institution, _ = site
    now = dt.datetime(2026, 12, 1, 9, 0)
    for _ in range(users.MAX_FAILURES - 1):
        with pytest.raises(StateError, match="不正确"):
            authenticate(store, institution.id, "admin", "wrong", now=now)
    with pytest.raises(StateError, match="已锁定"):
        authenticate(store, institution.id, "admin", "wrong", now=now)
    with pytest.raises(StateError, match="已锁定"):  # even the right password, while locked
        authenticate(store, institution.id, "admin", "s3cret-pass", now=now)
    later = now + dt.timedelta(minutes=users.LOCK_MINUTES + 1)
    assert (
        authenticate(store, institution.id, "admin", "s3cret-pass", now=later).username == "admin"
    )


def test_passwords_change_and_reset_and_are_audited_without_their_hashes(store, site):
    institution, admin = site
    boss = actor_for(admin)
    viewer = add_user(store, boss, institution.id, NewUser("viewer", "访客", "viewer-pass", "只读"))
    with pytest.raises(ValidationError, match="原密码不正确"):
        change_own_password(store, actor_for(viewer), "nope", "new-viewer-pass")
    change_own_password(store, actor_for(viewer), "viewer-pass", "new-viewer-pass")
    assert authenticate(store, institution.id, "viewer", "new-viewer-pass").id == viewer.id
    reset_password(store, boss, viewer.id, "reset-by-admin")
    assert authenticate(store, institution.id, "viewer", "reset-by-admin").id == viewer.id
    with store.read() as session:
        logged = session.scalars(select(AuditEntry).where(AuditEntry.row_id == viewer.id)).all()
    changed = [e.changes["password_hash"] for e in logged if "password_hash" in e.changes]
    assert changed and all(value in (None, "***") for pair in changed for value in pair)
    assert "argon2" not in str([e.changes for e in logged])


def test_short_passwords_are_refused(store, site):
    institution, admin = site
    with pytest.raises(ValidationError) as short:
        add_user(store, actor_for(admin), institution.id, NewUser("x", "x", "short"))
    assert short.value.fields() == {"password"}
