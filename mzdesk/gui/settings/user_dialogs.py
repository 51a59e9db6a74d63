"""The dialogs of 设置 › 用户 and 修改我的密码.

Each is a :class:`FormDialog` built in code; the page gives it a ``submit`` that calls one
service of ``mzdesk.services.users`` through ``ctx.change``. The services do every check
(short password, the two entries differ, wrong current password, the last administrator),
and their problems come back here marked at the field they name.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from mzdesk.core.errors import FieldProblem, StateError, ValidationError
from mzdesk.core.labels import field_label
from mzdesk.core.permissions import roles
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog, Submit
from mzdesk.services.users import MIN_PASSWORD, NewUser
from mzdesk.services.views import UserView


def _password_input() -> QLineEdit:
    line = QLineEdit()
    line.setEchoMode(QLineEdit.EchoMode.Password)
    line.setPlaceholderText(tr("至少 {n} 位").format(n=MIN_PASSWORD))
    return line


def fill_roles(combo: QComboBox, current: str | None = None) -> None:
    """The roles of roles.json by label; the item data is the role's code."""
    combo.clear()
    for role in roles().values():
        combo.addItem(role.label, role.code)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))


class AccountDialog(FormDialog):
    """A form of labelled inputs, each registered under the service's field name."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.form = QFormLayout(self)

    def add_field(self, key: str, label: str, widget: QWidget) -> None:
        self.form.addRow(label, widget)
        self.fields[key] = widget
        self.labels[key] = label

    def finish(self, ok_text: str | None = None) -> None:
        self.form.addRow(self.make_error_label())
        self.form.addRow(self.make_buttons(ok_text))


class AddUserDialog(AccountDialog):
    """添加用户: user name, 姓名, role, password typed twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("添加用户"), parent)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        fill_roles(self.role, "staff")
        self.password = _password_input()
        self.password_again = _password_input()
        self.add_field("username", field_label("username", "users"), self.username)
        self.add_field("display_name", field_label("display_name", "users"), self.display_name)
        self.add_field("role", field_label("role", "users"), self.role)
        self.add_field("password", field_label("password", "users"), self.password)
        self.add_field("password_again", tr("再次输入密码"), self.password_again)
        self.finish(tr("添加"))

    def new_user(self) -> NewUser:
        return NewUser(
            self.username.text(),
            self.display_name.text(),
            self.password.text(),
            str(self.role.currentData()),
            self.password_again.text(),
        )


class PasswordDialog(AccountDialog):
    """重置密码 (an administrator for a user) or 修改我的密码 (``own``: the current password
    first). The service names the second entry ``password_again``."""

    def __init__(self, title: str, *, own: bool, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.current_password: QLineEdit | None = None
        if own:
            self.current_password = QLineEdit()
            self.current_password.setEchoMode(QLineEdit.EchoMode.Password)
            self.add_field("current_password", tr("原密码"), self.current_password)
        self.password = _password_input()
        self.password_again = _password_input()
        self.add_field("password", tr("新密码"), self.password)
        self.add_field("password_again", tr("再次输入新密码"), self.password_again)
        self.finish()

    def current(self) -> str:
        return self.current_password.text() if self.current_password is not None else ""


class RoleDialog(AccountDialog):
    """修改角色; refusing to demote the last administrator is shown at the role."""

    def __init__(self, user: UserView, parent: QWidget | None = None) -> None:
        super().__init__(tr("修改角色：{name}").format(name=user.display_name), parent)
        self.role = QComboBox()
        fill_roles(self.role, user.role)
        self.add_field("role", field_label("role", "users"), self.role)
        self.finish()

    def chosen(self) -> str:
        return str(self.role.currentData())


class ActiveDialog(AccountDialog):
    """停用/启用, confirmed; a refusal (the last administrator, oneself) stays in view."""

    def __init__(self, user: UserView, parent: QWidget | None = None) -> None:
        title = tr("停用用户") if user.active else tr("启用用户")
        super().__init__(title, parent)
        question = (
            tr("停用「{name}」（{user}）？停用后不能登录，其操作记录保留。")
            if user.active
            else tr("启用「{name}」（{user}）？启用后可以登录。")
        )
        text = QLabel(question.format(name=user.display_name, user=user.username))
        text.setWordWrap(True)
        self.form.addRow(text)
        self.finish(tr("停用") if user.active else tr("启用"))


def refusal_at(field: str, submit: Submit) -> Submit:
    """Show a :class:`StateError` of ``submit`` at ``field`` (the last administrator's role)."""

    async def run() -> None:
        try:
            await submit()
        except StateError as error:
            raise ValidationError([FieldProblem(field, error.code, error.params)]) from error

    return run
