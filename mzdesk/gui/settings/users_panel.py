"""设置 › 用户: the institution's accounts, for a user whose role may manage users.

Every action opens a dialog whose submit runs one service of ``mzdesk.services.users`` as the
logged-in user (``ctx.change``); the services refuse what the role may not do and keep the
institution's last active administrator.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.settings.user_dialogs import (
    ActiveDialog,
    AddUserDialog,
    PasswordDialog,
    RoleDialog,
    refusal_at,
)
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.labels import heading
from mzdesk.gui.widgets.palette import GREY
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.users import (
    add_user,
    reset_password,
    set_user_active,
    set_user_role,
    users_of,
)
from mzdesk.services.views import UserView

COLUMN_WIDTHS = (160, 160, 120)  # px at least: 用户名, 姓名, 角色 (状态 takes the rest)


class UsersPanel(QWidget):
    dialog_opened = Signal(QWidget)  # tests and screenshots follow the dialogs it opens

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.users: list[UserView] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(tr("用户")))
        actions = QHBoxLayout()
        self.add_button = QPushButton(tr("添加用户"))
        self.active_button = QPushButton(tr("停用"))
        self.password_button = QPushButton(tr("重置密码"))
        self.role_button = QPushButton(tr("修改角色"))
        for button in (
            self.add_button,
            self.active_button,
            self.password_button,
            self.role_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.table = make_table([tr("用户名"), tr("姓名"), tr("角色"), tr("状态")])
        self.table.setMaximumWidth(720)
        layout.addWidget(self.table, 1)

        self.add_button.clicked.connect(self.start_add)
        self.active_button.clicked.connect(self.start_active)
        self.password_button.clicked.connect(self.start_reset_password)
        self.role_button.clicked.connect(self.start_role)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.rows_model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    @async_slot()
    async def refresh(self) -> None:
        ctx = self.ctx
        self.users = await ctx.worker.read(
            users_of, ctx.store, ctx.institution.id, include_disabled=True
        )
        self.table.show_rows(
            [
                [u.username, u.display_name, u.role_label, tr("正常") if u.active else tr("已停用")]
                for u in self.users
            ],
            [None if u.active else QColor(GREY) for u in self.users],
        )
        for column, least in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, max(least, self.table.columnWidth(column)))

    def selected(self) -> UserView | None:
        row = self.table.selected_row()
        return self.users[row] if row is not None and row < len(self.users) else None

    def select(self, username: str) -> bool:
        for i, user in enumerate(self.users):
            if user.username == username:
                self.table.selectRow(i)
                return True
        return False

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.active_button, self.password_button, self.role_button):
            button.setEnabled(user is not None)
        self.active_button.setText(
            tr("启用") if user is not None and not user.active else tr("停用")
        )

    def _show(self, dialog: FormDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_opened.emit(dialog)

    # -- actions ---------------------------------------------------------------------------
    def start_add(self) -> None:
        ctx = self.ctx
        dialog = AddUserDialog(self)

        async def submit() -> None:
            await ctx.change(add_user, ctx.institution.id, dialog.new_user())

        dialog.submit = submit
        self._show(dialog)

    def start_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = ActiveDialog(user, self)
        ctx = self.ctx

        async def submit() -> None:
            await ctx.change(set_user_active, user.id, not user.active)

        dialog.submit = submit
        self._show(dialog)

    def start_reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        title = tr("重置密码：{name}（{user}）").format(name=user.display_name, user=user.username)
        dialog = PasswordDialog(title, own=False, parent=self)
        ctx = self.ctx

        async def submit() -> None:
            await ctx.change(
                reset_password, user.id, dialog.password.text(), dialog.password_again.text()
            )

        dialog.submit = submit
        self._show(dialog)

    def start_role(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = RoleDialog(user, self)
        ctx = self.ctx

        async def submit() -> None:
            await ctx.change(set_user_role, user.id, dialog.chosen())

        dialog.submit = refusal_at("role", submit)
        self._show(dialog)
