"""Starting the app: first run (create my institution, or demo data) and login."""

from __future__ import annotations

import asyncio
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.start.dialogs import FirstRunDialog, LoginDialog
from mzdesk.gui.start.flow import choose_institution, log_in
from mzdesk.services.institutions import list_institutions
from mzdesk.services.users import users_of
from tests.gui.conftest import open_dialog


def test_first_run_creates_the_institution_and_its_administrator(qtbot, loop, store):
    worker = Worker()
    task = asyncio.ensure_future(choose_institution(store, worker, interactive=True))
    dialog = open_dialog(qtbot, FirstRunDialog)
    dialog.institutionName.setText("康乐园养老院")
    dialog.adminPassword.setText("123")
    qtbot.mouseClick(dialog.createButton, Qt.MouseButton.LeftButton)
    assert "管理员密码" in dialog.errorLabel.text()  # too short: stays open, says where
    dialog.adminPassword.setText("secret-12")
    dialog.adminPasswordAgain.setText("secret-21")
    qtbot.mouseClick(dialog.createButton, Qt.MouseButton.LeftButton)
    assert "再次输入密码：两次输入的密码不一致" in dialog.errorLabel.text()
    dialog.adminPasswordAgain.setText("secret-12")
    qtbot.mouseClick(dialog.createButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(task.done, timeout=10_000)
    institution = task.result()
    assert institution.name == "康乐园养老院"
    assert [u.username for u in users_of(store, institution.id)] == ["admin"]

    login = asyncio.ensure_future(log_in(store, worker, institution))
    dialog = open_dialog(qtbot, LoginDialog)
    assert dialog.username.text() == "admin"
    dialog.password.setText("wrong")
    dialog.accept()
    qtbot.waitUntil(lambda: "不正确" in dialog.error_label.text(), timeout=10_000)
    dialog.password.setText("secret-12")
    dialog.accept()
    qtbot.waitUntil(login.done, timeout=10_000)
    assert login.result().username == "admin"
    worker.shutdown()


def test_first_run_can_open_demo_data(qtbot, loop, store):
    worker = Worker()
    task = asyncio.ensure_future(choose_institution(store, worker, interactive=True))
    dialog = open_dialog(qtbot, FirstRunDialog)
    qtbot.mouseClick(dialog.demoButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(task.done, timeout=60_000)
    institution = task.result()
    assert institution.name == list_institutions(store)[0].name
    login = asyncio.ensure_future(log_in(store, worker, institution))
    dialog = open_dialog(qtbot, LoginDialog)
    hint = dialog.findChild(QLabel, "demoAccount")
    assert hint is not None and "admin" in hint.text() and "demo1234" in hint.text()
    dialog.username.setText("admin")
    dialog.password.setText("demo1234")
    dialog.accept()
    qtbot.waitUntil(login.done, timeout=10_000)
    assert login.result().role == "admin"
    worker.shutdown()


def test_first_run_can_join_an_institution_of_the_central_server(qtbot, loop, store, tmp_path):
    from tests.sync.conftest import ServerProcess

    server = ServerProcess(f"sqlite:///{tmp_path / 'server.db'}", tmp_path / "server.log")
    server.start()
    try:
        server.institution("南山敬老院")
        worker = Worker()
        task = asyncio.ensure_future(choose_institution(store, worker, interactive=True))
        dialog = open_dialog(qtbot, FirstRunDialog)
        qtbot.mouseClick(dialog.enrolButton, Qt.MouseButton.LeftButton)
        assert "服务器地址" in dialog.errorLabel.text() and "注册码" in dialog.errorLabel.text()
        dialog.serverUrl.setText(server.url.removeprefix("http://"))
        dialog.enrolCode.setText("AAAA-BBBB-CCCC-DDDD")
        qtbot.mouseClick(dialog.enrolButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "注册失败" in dialog.errorLabel.text(), timeout=10_000)
        assert "注册码错误" in dialog.errorLabel.text() and not task.done()
        dialog.enrolCode.setText(server.code(institution="南山敬老院").lower())
        qtbot.mouseClick(dialog.enrolButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(task.done, timeout=20_000)
        assert task.result().name == "南山敬老院"
        worker.shutdown()
    finally:
        server.stop()


def test_no_institution_opens_without_a_login_once_the_database_has_users(qtbot, loop, store):
    """Login cannot be bypassed: not by choosing an institution that has no accounts, not
    by disabling every account of one."""
    from PySide6.QtWidgets import QMessageBox

    from mzdesk.core.permissions import Actor
    from mzdesk.core.vocab import InstitutionKind
    from mzdesk.services.institutions import InstitutionData, create_institution
    from mzdesk.services.users import NewUser, set_up_institution

    worker = Worker()
    setup = Actor.setup()
    set_up_institution(
        store,
        setup,
        InstitutionData(name="有账号的院", kind=InstitutionKind.NURSING_HOME),
        NewUser("admin", "院长", "admin-pass"),
    )
    bare = create_institution(
        store, setup, InstitutionData(name="没有账号的院", kind=InstitutionKind.NURSING_HOME)
    )
    login = asyncio.ensure_future(log_in(store, worker, bare))
    box = open_dialog(qtbot, QMessageBox)
    assert "没有可以登录的账号" in box.text()
    box.close()
    qtbot.waitUntil(login.done, timeout=10_000)
    assert login.result() is False  # the app ends; no window without a login
    worker.shutdown()


def test_first_run_can_open_a_childrens_home_demo(qtbot, loop, store):
    """The welcome dialog offers two demos; the children's one is a children's welfare home
    with children on their paths, and the same demo login opens it."""
    from mzdesk.core.vocab import InstitutionKind
    from mzdesk.services.children import running_notices

    worker = Worker()
    task = asyncio.ensure_future(choose_institution(store, worker, interactive=True))
    dialog = open_dialog(qtbot, FirstRunDialog)
    assert dialog.demoButton.text() == "养老院演示数据"
    assert dialog.childrenDemoButton.text() == "儿童福利院演示数据"
    qtbot.mouseClick(dialog.childrenDemoButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(task.done, timeout=120_000)
    institution = task.result()
    assert institution.kind is InstitutionKind.CHILDREN_HOME
    with store.read() as session:
        assert running_notices(session, [institution.id], dt.date.today())
    login = asyncio.ensure_future(log_in(store, worker, institution))
    dialog = open_dialog(qtbot, LoginDialog)
    hint = dialog.findChild(QLabel, "demoAccount")
    assert hint is not None and "admin" in hint.text() and "demo1234" in hint.text()
    dialog.username.setText("admin")
    dialog.password.setText("demo1234")
    dialog.accept()
    qtbot.waitUntil(login.done, timeout=10_000)
    assert login.result().role == "admin"
    worker.shutdown()
