"""设置 › 用户 and 修改我的密码, driven through the widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from mzdesk.gui.settings.user_dialogs import (
    ActiveDialog,
    AddUserDialog,
    PasswordDialog,
    RoleDialog,
)
from mzdesk.services.users import authenticate, find_user
from tests.gui.conftest import closed, open_dialog


def settings_of(qtbot, window):
    window.navigation.setCurrentRow(7)
    page = window.settings
    assert page.users is not None
    qtbot.waitUntil(lambda: page.users.table.rows_model.rowCount() > 0, timeout=10_000)
    return page


def submit(qtbot, dialog) -> None:
    dialog.accept()  # what OK does


def choose(qtbot, page, username: str) -> None:
    qtbot.waitUntil(lambda: page.users.select(username), timeout=10_000)


def test_an_administrator_adds_disables_resets_and_changes_a_role(qtbot, window):
    ctx = window.ctx
    page = settings_of(qtbot, window)
    users = page.users

    # 添加用户: the problems first, at their fields, then a good one
    qtbot.mouseClick(users.add_button, Qt.MouseButton.LeftButton)
    add = open_dialog(qtbot, AddUserDialog)
    assert [add.role.itemText(i) for i in range(add.role.count())] == [
        "管理员",
        "业务人员",
        "检查员",
        "只读",
        "民政局",
    ]
    add.username.setText("zhao")
    add.display_name.setText("赵会计")
    add.role.setCurrentIndex(add.role.findText("只读"))
    add.password.setText("short")
    add.password_again.setText("short")
    submit(qtbot, add)
    qtbot.waitUntil(lambda: "密码至少8位" in add.error_label.text(), timeout=10_000)
    assert add.isVisible() and add.password.styleSheet()
    add.password.setText("long-enough-1")
    add.password_again.setText("long-enough-2")
    submit(qtbot, add)
    qtbot.waitUntil(lambda: "两次输入的密码不一致" in add.error_label.text(), timeout=10_000)
    assert add.password_again.styleSheet()
    assert "再次输入密码" in add.error_label.text()
    add.password_again.setText("long-enough-1")
    submit(qtbot, add)
    closed(qtbot, add)
    added = find_user(ctx.store, ctx.institution.id, "zhao")
    assert (added.display_name, added.role, added.active) == ("赵会计", "readonly", True)
    qtbot.waitUntil(lambda: users.select("zhao"), timeout=10_000)
    row = users.table.selected_row()
    assert [users.table.rows_model.text(row, c) for c in range(4)] == [
        "zhao",
        "赵会计",
        "只读",
        "正常",
    ]

    # 修改角色
    qtbot.mouseClick(users.role_button, Qt.MouseButton.LeftButton)
    role = open_dialog(qtbot, RoleDialog)
    role.role.setCurrentIndex(role.role.findText("检查员"))
    submit(qtbot, role)
    closed(qtbot, role)
    assert find_user(ctx.store, ctx.institution.id, "zhao").role == "inspector"

    # 重置密码
    choose(qtbot, page, "zhao")
    qtbot.mouseClick(users.password_button, Qt.MouseButton.LeftButton)
    reset = open_dialog(qtbot, PasswordDialog)
    assert reset.current_password is None  # an administrator needs no old password
    reset.password.setText("brand-new-pass")
    reset.password_again.setText("brand-new-pass")
    submit(qtbot, reset)
    closed(qtbot, reset)
    assert authenticate(ctx.store, ctx.institution.id, "zhao", "brand-new-pass").username == "zhao"

    # 停用, then 启用 again
    choose(qtbot, page, "zhao")
    assert users.active_button.text() == "停用"
    qtbot.mouseClick(users.active_button, Qt.MouseButton.LeftButton)
    disable = open_dialog(qtbot, ActiveDialog)
    submit(qtbot, disable)
    closed(qtbot, disable)
    assert not find_user(ctx.store, ctx.institution.id, "zhao").active
    qtbot.waitUntil(lambda: users.select("zhao") and users.active_button.text() == "启用")
    row = users.table.selected_row()
    assert users.table.rows_model.text(row, 3) == "已停用"


def test_the_last_administrator_is_kept_and_the_refusal_shows_in_the_dialog(qtbot, window):
    ctx = window.ctx
    page = settings_of(qtbot, window)
    assert ctx.user is not None and ctx.user.role == "admin"
    choose(qtbot, page, ctx.user.username)

    qtbot.mouseClick(page.users.role_button, Qt.MouseButton.LeftButton)
    role = open_dialog(qtbot, RoleDialog)
    role.role.setCurrentIndex(role.role.findText("业务人员"))
    submit(qtbot, role)
    qtbot.waitUntil(lambda: "至少要保留一名启用的管理员" in role.error_label.text(), timeout=10_000)
    assert role.isVisible() and role.role.styleSheet()  # marked at the role
    assert role.error_label.text().startswith("角色：")
    role.reject()
    closed(qtbot, role)

    choose(qtbot, page, ctx.user.username)
    qtbot.mouseClick(page.users.active_button, Qt.MouseButton.LeftButton)
    disable = open_dialog(qtbot, ActiveDialog)
    submit(qtbot, disable)
    qtbot.waitUntil(lambda: "不能停用自己的账号" in disable.error_label.text(), timeout=10_000)
    disable.reject()
    closed(qtbot, disable)
    assert find_user(ctx.store, ctx.institution.id, ctx.user.username).role == "admin"


def test_a_read_only_user_sees_no_user_management_but_changes_their_password(qtbot, window_as):
    window = window_as("readonly")
    ctx = window.ctx
    window.navigation.setCurrentRow(7)
    page = window.settings
    assert page.users is None
    assert page.own_password_button.isVisible()

    qtbot.mouseClick(page.own_password_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, PasswordDialog)
    assert dialog.current_password is not None
    dialog.current_password.setText("not-my-password")
    dialog.password.setText("my-new-password")
    dialog.password_again.setText("my-new-password")
    submit(qtbot, dialog)
    qtbot.waitUntil(lambda: "原密码不正确" in dialog.error_label.text(), timeout=10_000)
    assert dialog.current_password.styleSheet()
    assert dialog.error_label.text().startswith("原密码：")
    dialog.current_password.setText("password-1")
    submit(qtbot, dialog)
    closed(qtbot, dialog)
    assert ctx.user is not None
    assert authenticate(ctx.store, ctx.institution.id, ctx.user.username, "my-new-password")


def test_the_settings_page_renders(qtbot, window, tmp_path: Path):
    page = settings_of(qtbot, window)
    path = tmp_path / "settings.png"  # look at it: pytest --basetemp=DIR keeps it
    assert window.grab().save(str(path))
    assert path.stat().st_size > 0
    qtbot.mouseClick(page.users.add_button, Qt.MouseButton.LeftButton)
    add = open_dialog(qtbot, AddUserDialog)
    add.password.setText("x")
    submit(qtbot, add)
    qtbot.waitUntil(lambda: bool(add.error_label.text()), timeout=10_000)
    assert add.grab().save(str(tmp_path / "add-user.png"))
    add.reject()
    closed(qtbot, add)
