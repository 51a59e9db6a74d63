"""A site that had an encrypted database with users before it joined the server: enrolment
gives its institution the server's id (sync/device.py ``adopt_institution``) while the key
slots on this computer still name the old id — their AES-GCM associated data binds it, so only
each user's password could re-wrap them. The users still log in, in the app (``Opener``) and on
the command line (``log_in`` → ``authenticate``), and each login binds that user's slot to the
new id; 设置 › 安全 lists them all; and a password set after the adoption, or a disabled
account, leaves no slot under the old id that the old password would still open."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import InstitutionKind
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.start.opener import Opener, Unlocked
from mzdesk.server.admin import add_institution
from mzdesk.server.bundles import enrol_offline
from mzdesk.server.db import ServerDB, open_server_db
from mzdesk.services.institutions import InstitutionData
from mzdesk.services.security import key_status, recovery_sheet
from mzdesk.services.users import (
    NewUser,
    actor_for,
    add_user,
    change_own_password,
    log_in,
    reset_password,
    set_up_institution,
    set_user_active,
    users_of,
)
from mzdesk.store import keys
from mzdesk.store.backup.layout import list_backups
from mzdesk.store.backup.restoring import restore
from mzdesk.store.engine import open_store, unlock, unlock_with_recovery
from mzdesk.sync.bundles import enrol_from_file
from tests.helpers.stores import open_as

SERVER_NAME = "青岛市崂山区福寿康养老院"


@pytest.fixture
def server_db(tmp_path: Path) -> Iterator[ServerDB]:
    db = open_server_db(f"sqlite:///{tmp_path / 'server.db'}")
    yield db
    db.close()


@pytest.fixture
def adopted(tmp_path: Path, server_db: ServerDB) -> tuple[Path, uuid.UUID, uuid.UUID]:
    """A home with an administrator and two nurses on an encrypted database, enrolled with
    the server by its offline enrolment file (as ``mzdesk sync enroll-file`` does): its
    path, its old institution id and the server's."""
    path = tmp_path / "site.db"
    store = open_store(path)
    home, admin = set_up_institution(
        store,
        Actor.setup(),
        InstitutionData(name="福寿康养老院", kind=InstitutionKind.NURSING_HOME),
        NewUser("admin", "王院长", "admin-pass"),
    )
    for name, shown in (("nurse", "李护士"), ("aide", "张护工")):
        add_user(store, actor_for(admin), home.id, NewUser(name, shown, f"{name}-pass", "staff"))
    store.close()

    server_id = add_institution(server_db, SERVER_NAME, "nursing_home", "370212")
    code, file = enrol_offline(server_db, institution=SERVER_NAME, device_name="老电脑")
    store = open_as(path, "admin", "admin-pass")
    enrol_from_file(store, actor_for(log_in(store, "admin", "admin-pass")), file, code)
    store.close()
    slots = keys.read_slots(path)  # every slot names the old id: the enrolment cannot re-wrap
    assert slots is not None
    assert {s.institution_id for s in slots.user_slots()} == {str(home.id)}
    return path, home.id, server_id


def _slots_of(path: Path, username: str) -> list[str | None]:
    slots = keys.read_slots(path)
    assert slots is not None
    return [s.institution_id for s in slots.user_slots() if s.username == username]


def _log_in(qtbot, opener: Opener, username: str, password: str) -> Unlocked:
    task = asyncio.ensure_future(opener.log_in(username, password))
    qtbot.waitUntil(task.done, timeout=20_000)
    return task.result()


def test_the_app_logs_in_after_enrolment_gave_the_institution_the_servers_id(qtbot, loop, adopted):
    path, old_id, server_id = adopted
    assert _slots_of(path, "nurse") == [str(old_id)]  # the slots name the old id

    opener = Opener(path, Worker())
    try:
        unlocked = _log_in(qtbot, opener, "admin", "admin-pass")
        assert unlocked.institution.id == server_id and unlocked.user.username == "admin"
        # the login bound the administrator's slot to the new id; no slot is left behind
        assert _slots_of(path, "admin") == [str(server_id)]
        actor = actor_for(unlocked.user)
        status = key_status(unlocked.store, actor)  # 设置 › 安全
        assert [h.username for h in status.holders] == ["admin", "aide", "nurse"]
        sheet = recovery_sheet(unlocked.store, actor)  # the recovery sheet still opens it
        assert sheet.institution and unlock_with_recovery(path, sheet.recovery) == opener.store.key
    finally:
        opener.close()
        opener.worker.shutdown()

    opener = Opener(path, Worker())  # a colleague who has not logged in since
    try:
        nurse = _log_in(qtbot, opener, "nurse", "nurse-pass")
        assert (nurse.institution.id, nurse.user.username) == (server_id, "nurse")
        assert _slots_of(path, "nurse") == [str(server_id)]
    finally:
        opener.close()
        opener.worker.shutdown()
    assert unlock(path, "nurse", "nurse-pass")[1] == server_id


def test_passwords_set_and_accounts_disabled_after_adoption_leave_no_old_slot(qtbot, loop, adopted):
    """The command line's login (``log_in`` → ``authenticate``), ``mzdesk user passwd`` (own
    and another's) and a disabled account: the old password never opens the database again,
    whether or not the user logged in since the adoption."""
    path, old_id, server_id = adopted
    store = open_as(path, "admin", "admin-pass")  # as the command line opens it
    try:
        admin = log_in(store, "admin", "admin-pass")
        assert admin.institution_id == server_id
        actor = actor_for(admin)
        change_own_password(store, actor, "admin-pass", "admin-pass-2")
        # neither the nurse nor the aide has logged in since: their slots name the old id
        staff = {u.username: u.id for u in users_of(store, server_id)}
        reset_password(store, actor, staff["nurse"], "nurse-pass-2")
        set_user_active(store, actor, staff["aide"], False)
        add_user(store, actor, server_id, NewUser("cook", "赵厨师", "cook-pass", "staff"))
    finally:
        store.close()

    for name, old_password in (("admin", "admin-pass"), ("nurse", "nurse-pass")):
        with pytest.raises(keys.KeyError_):
            unlock(path, name, old_password)
    with pytest.raises(keys.KeyError_):
        unlock(path, "aide", "aide-pass")
    assert str(old_id) not in {
        s.institution_id for s in (keys.read_slots(path) or keys.SlotFile()).user_slots()
    }
    for name, password in (
        ("admin", "admin-pass-2"),
        ("nurse", "nurse-pass-2"),
        ("cook", "cook-pass"),
    ):
        opener = Opener(path, Worker())
        try:
            unlocked = _log_in(qtbot, opener, name, password)
            assert (unlocked.institution.id, unlocked.user.username) == (server_id, name)
        finally:
            opener.close()
            opener.worker.shutdown()


def test_the_backup_from_before_the_enrolment_restored_still_logs_in(qtbot, loop, adopted):
    """The enrolment made a backup first (「加入上级机构前」). Restored after the administrator's
    login bound their slot to the server's id, the database holds the old id again and knows
    no adoption: the login still opens it, and a password changed then leaves no slot under the
    server's id that the former password would open."""
    path, old_id, server_id = adopted
    opener = Opener(path, Worker())
    try:
        _log_in(qtbot, opener, "admin", "admin-pass")
        assert opener.store is not None
        key = opener.store.key
    finally:
        opener.close()
        opener.worker.shutdown()
    assert key is not None and _slots_of(path, "admin") == [str(server_id)]
    (before,) = [b for b in list_backups(path) if b.kind == "before-adoption"]
    restore(path, before, key)

    opener = Opener(path, Worker())
    try:
        unlocked = _log_in(qtbot, opener, "admin", "admin-pass")
        assert unlocked.institution.id == old_id
        actor = actor_for(unlocked.user)
        change_own_password(unlocked.store, actor, "admin-pass", "admin-pass-2")
    finally:
        opener.close()
        opener.worker.shutdown()
    with pytest.raises(keys.KeyError_):
        unlock(path, "admin", "admin-pass")
    assert _slots_of(path, "admin") == [str(old_id)]
    assert unlock(path, "admin", "admin-pass-2")[1] == old_id
