"""An encrypted database with users: the login comes first and unlocks it; the recovery key
behind the login dialog's link; the recovery sheet offered on the first run."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from mzdesk.core.errors import StateError
from mzdesk.core.permissions import Actor
from mzdesk.core.vocab import InstitutionKind
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.start import opener as opener_module
from mzdesk.gui.start.dialogs import LoginDialog
from mzdesk.gui.start.opener import Opener, demo_hint, needs_login
from mzdesk.gui.start.recovery import NewAdministratorPasswordDialog, RecoveryKeyDialog
from mzdesk.gui.start.recovery_step import RecoveryStepDialog, offer_recovery_sheet
from mzdesk.gui.start.unlock import unlock_and_log_in
from mzdesk.gui.widgets.recovery_sheet import RecoverySheetPreview
from mzdesk.services.institutions import InstitutionData
from mzdesk.services.users import (
    MAX_FAILURES,
    NewUser,
    actor_for,
    add_user,
    authenticate,
    set_up_institution,
    set_user_active,
)
from mzdesk.store import keys
from mzdesk.store.engine import Locked, open_store, unlock
from tests.gui.conftest import closed, open_dialog


def _home(name: str) -> InstitutionData:
    return InstitutionData(name=name, kind=InstitutionKind.NURSING_HOME)


@pytest.fixture
def locked_db(tmp_path: Path) -> Path:
    """Two institutions on one computer, each with an ``admin`` (different passwords); the
    first has a disabled clerk and a nurse whose account is locked (too many wrong
    passwords) too."""
    path = tmp_path / "locked.db"
    store = open_store(path)
    setup = Actor.setup()
    east, east_admin = set_up_institution(
        store, setup, _home("东院"), NewUser("admin", "东院长", "east-pass")
    )
    set_up_institution(store, setup, _home("西院"), NewUser("admin", "西院长", "west-pass"))
    admin = actor_for(east_admin)
    clerk = add_user(store, admin, east.id, NewUser("clerk", "文员", "clerk-pass", "staff"))
    set_user_active(store, admin, clerk.id, False)
    add_user(store, admin, east.id, NewUser("nurse", "护士", "nurse-pass", "staff"))
    for _ in range(MAX_FAILURES):
        with contextlib.suppress(StateError):
            authenticate(store, east.id, "nurse", "not-her-pass")
    store.close()
    return path


def _start(qtbot, db: Path) -> tuple[asyncio.Future, LoginDialog, Opener, Worker]:
    worker = Worker()
    opener = Opener(db, worker)
    task = asyncio.ensure_future(unlock_and_log_in(opener))
    dialog = open_dialog(qtbot, LoginDialog)
    return task, dialog, opener, worker


def test_nothing_is_read_before_the_login_which_unlocks_the_right_institution(
    qtbot, loop, locked_db, monkeypatch
):
    with pytest.raises(Locked):
        open_store(locked_db)
    assert needs_login(locked_db)
    threads: list[str] = []

    def unlock_recording(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return unlock(*args, **kwargs)

    monkeypatch.setattr(opener_module, "unlock", unlock_recording)
    task, dialog, opener, worker = _start(qtbot, locked_db)
    assert dialog.recovery_button is not None and dialog.findChild(QLabel, "demoAccount") is None

    dialog.username.setText("admin")
    dialog.password.setText("wrong-pass")
    dialog.accept()
    qtbot.waitUntil(lambda: "不正确" in dialog.error_label.text(), timeout=10_000)
    assert opener.store is None and not task.done()
    # the wrong password is gone and the cursor waits in the field for the retyped one
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.password, timeout=5_000)
    assert dialog.password.text() == ""

    # the locked nurse: her password opens the key, the users table refuses as today
    dialog.username.setText("nurse")
    dialog.password.setText("nurse-pass")
    dialog.accept()
    qtbot.waitUntil(lambda: "已锁定" in dialog.error_label.text(), timeout=10_000)
    assert opener.store is not None and not task.done()
    # the disabled clerk (her key slot went when she was disabled)
    dialog.username.setText("clerk")
    dialog.password.setText("clerk-pass")
    dialog.accept()
    qtbot.waitUntil(
        lambda: dialog.error_label.text().startswith("用户名或密码不正确"), timeout=10_000
    )
    assert not task.done()

    # two institutions have an "admin": the password decides which one opens
    dialog.username.setText("admin")
    dialog.password.setText("west-pass")
    dialog.accept()
    qtbot.waitUntil(task.done, timeout=10_000)
    unlocked = task.result()
    assert unlocked.institution.name == "西院" and unlocked.user.display_name == "西院长"
    assert threads and all(name != threading.main_thread().name for name in threads)
    worker.shutdown()
    opener.close()


def test_giving_up_at_the_login_opens_nothing(qtbot, loop, locked_db):
    task, dialog, opener, worker = _start(qtbot, locked_db)
    qtbot.mouseClick(dialog.recovery_button, Qt.MouseButton.LeftButton)
    key_dialog = open_dialog(qtbot, RecoveryKeyDialog)
    assert not dialog.isVisible()
    key_dialog.reject()  # changed one's mind: back at the login
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    assert not task.done()
    dialog.reject()
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.result() is None and opener.store is None
    worker.shutdown()


def test_the_login_dialog_tells_the_demo_account_from_the_slot_file(qtbot, loop, demo_db):
    assert demo_hint(demo_db) == ("admin", "demo1234")
    task, dialog, _opener, worker = _start(qtbot, demo_db)
    hint = dialog.findChild(QLabel, "demoAccount")
    assert hint is not None and "admin" in hint.text() and "demo1234" in hint.text()
    dialog.reject()
    qtbot.waitUntil(task.done, timeout=10_000)
    worker.shutdown()


def test_the_recovery_key_gives_an_administrator_a_new_password(qtbot, loop, locked_db):
    recovery = keys.format_recovery_key(unlock(locked_db, "admin", "east-pass")[0])
    task, dialog, opener, worker = _start(qtbot, locked_db)
    qtbot.mouseClick(dialog.recovery_button, Qt.MouseButton.LeftButton)
    key_dialog = open_dialog(qtbot, RecoveryKeyDialog)
    key_dialog.accept()
    assert "恢复密钥" in key_dialog.error_label.text()  # required
    key_dialog.key.setText("ABCD-EFGH")
    key_dialog.accept()
    qtbot.waitUntil(lambda: "52 个字母和数字" in key_dialog.error_label.text(), timeout=10_000)
    other = keys.format_recovery_key(keys.new_key())
    key_dialog.key.setText(other)
    key_dialog.accept()
    qtbot.waitUntil(lambda: "打不开此数据库" in key_dialog.error_label.text(), timeout=10_000)
    key_dialog.key.setText(recovery.lower().replace("-", " "))  # as typed, or scanned
    key_dialog.accept()

    password = open_dialog(qtbot, NewAdministratorPasswordDialog)
    labels = [password.administrator.itemText(i) for i in range(password.administrator.count())]
    assert labels == ["东院长（admin）— 东院", "西院长（admin）— 西院"]
    password.password.setText("new-east-pass")
    password.password_again.setText("new-east-pass-typo")
    password.accept()
    qtbot.waitUntil(lambda: "两次输入的密码不一致" in password.error_label.text(), timeout=10_000)
    password.password_again.setText("new-east-pass")
    password.accept()
    qtbot.waitUntil(task.done, timeout=10_000)
    unlocked = task.result()
    assert (unlocked.institution.name, unlocked.user.display_name) == ("东院", "东院长")
    closed(qtbot, dialog)
    worker.shutdown()
    opener.close()
    # the new password opens the database from now on
    assert unlock(locked_db, "admin", "new-east-pass")[1] == unlocked.institution.id


def test_the_first_run_offers_the_recovery_sheet_and_remembers_it_was_printed(
    qtbot, loop, store, tmp_path
):
    _, admin = set_up_institution(
        store, Actor.setup(), _home("康乐园"), NewUser("admin", "院长", "secret-12")
    )
    actor = actor_for(admin)
    worker = Worker()
    later = asyncio.ensure_future(offer_recovery_sheet(store, worker, actor))
    step = open_dialog(qtbot, RecoveryStepDialog)
    assert "只有恢复单能打开" in step.findChild(QLabel, "recoveryExplanation").text()
    qtbot.mouseClick(step.later_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(later.done, timeout=10_000)
    assert later.result() is False and store.key_slots().recovery_printed is None

    task = asyncio.ensure_future(offer_recovery_sheet(store, worker, actor))
    step = open_dialog(qtbot, RecoveryStepDialog)
    qtbot.mouseClick(step.print_button, Qt.MouseButton.LeftButton)
    preview = open_dialog(qtbot, RecoverySheetPreview)
    assert preview.document.pageCount() == 1
    sheet = preview.path
    preview.save_to(str(tmp_path / "恢复单.pdf"))
    qtbot.waitUntil(lambda: store.key_slots().recovery_printed is not None, timeout=10_000)
    assert store.key_slots().recovery_printed == dt.date.today().isoformat()
    preview.accept()
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.result() is True
    assert not sheet.exists()  # the key is not left lying in a temporary folder
    assert (tmp_path / "恢复单.pdf").read_bytes().startswith(b"%PDF")
    worker.shutdown()


def test_the_app_asks_for_the_login_first_on_an_encrypted_database(qtbot, loop, locked_db):
    from mzdesk.gui.app import _open

    worker = Worker()
    stores: list = []
    task = asyncio.ensure_future(_open(worker, locked_db, True, stores))
    dialog = open_dialog(qtbot, LoginDialog)
    assert dialog.recovery_button is not None
    dialog.username.setText("admin")
    dialog.password.setText("east-pass")
    dialog.accept()
    qtbot.waitUntil(task.done, timeout=10_000)
    store, institution, user = task.result()
    assert stores == [store] and institution.name == "东院" and user.username == "admin"
    worker.shutdown()
    store.close()


def test_screenshots_log_in_with_the_environment_or_refuse(qtbot, loop, locked_db, monkeypatch):
    from mzdesk.gui.app import _open

    worker = Worker()
    stores: list = []
    monkeypatch.setenv("MZDESK_USER", "admin")
    monkeypatch.setenv("MZDESK_PASSWORD", "west-pass-typo")
    task = asyncio.ensure_future(_open(worker, locked_db, False, stores))
    qtbot.waitUntil(task.done, timeout=10_000)
    with pytest.raises(keys.KeyError_, match="用户名或密码不正确"):
        task.result()
    assert stores == []
    monkeypatch.setenv("MZDESK_PASSWORD", "west-pass")
    task = asyncio.ensure_future(_open(worker, locked_db, False, stores))
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.result()[1].name == "西院"
    worker.shutdown()
    stores[0].close()


def test_a_first_run_that_creates_an_administrator_offers_the_recovery_sheet(qtbot, loop, tmp_path):
    from mzdesk.gui.app import _open
    from mzdesk.gui.start.dialogs import FirstRunDialog

    worker = Worker()
    stores: list = []
    task = asyncio.ensure_future(_open(worker, tmp_path / "new.db", True, stores))
    first = open_dialog(qtbot, FirstRunDialog)
    first.institutionName.setText("康乐园养老院")
    first.adminPassword.setText("secret-12")
    first.adminPasswordAgain.setText("secret-12")
    qtbot.mouseClick(first.createButton, Qt.MouseButton.LeftButton)
    login = open_dialog(qtbot, LoginDialog)
    assert login.recovery_button is None  # the database was open: no key to recover yet
    login.password.setText("secret-12")
    login.accept()
    step = open_dialog(qtbot, RecoveryStepDialog)
    qtbot.mouseClick(step.later_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(task.done, timeout=10_000)
    assert task.result()[2].username == "admin"
    worker.shutdown()
    stores[0].close()
    assert needs_login(tmp_path / "new.db")  # from now on the login comes first


def test_five_wrong_passwords_lock_the_user_name_at_the_login(qtbot, loop, locked_db):
    task, dialog, opener, worker = _start(qtbot, locked_db)
    dialog.username.setText("admin")
    for attempt in range(MAX_FAILURES):
        dialog.error_label.setText("")
        dialog.password.setText(f"wrong-{attempt}")
        dialog.accept()
        qtbot.waitUntil(lambda: bool(dialog.error_label.text()), timeout=10_000)
    assert "已锁定" in dialog.error_label.text()
    dialog.password.setText("east-pass")  # the right one waits out the lock too
    dialog.error_label.setText("")
    dialog.accept()
    qtbot.waitUntil(lambda: "已锁定" in dialog.error_label.text(), timeout=10_000)
    assert opener.store is None and not task.done()
    dialog.reject()
    qtbot.waitUntil(task.done, timeout=10_000)
    worker.shutdown()
