"""设置: language, where the data lives, my account, and the institution's users."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mzdesk import __version__
from mzdesk.core.permissions import Permission
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.errors import log_file
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.settings.backups_panel import BackupsPanel
from mzdesk.gui.settings.security_panel import SecurityPanel
from mzdesk.gui.settings.user_dialogs import PasswordDialog
from mzdesk.gui.settings.users_panel import UsersPanel
from mzdesk.gui.widgets.labels import heading
from mzdesk.gui.widgets.table_menu import TableMenuButton
from mzdesk.services.tables.columns import Kind
from mzdesk.services.users import change_own_password


class SettingsPage(QWidget):
    tables = frozenset({"users", "institutions"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # the settings scroll: the backups, security and users panels together are taller than
        # a 700 px screen
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(content)
        outer.addWidget(scroller)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 20)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        settings = QSettings()
        current = str(settings.value("language", "zh"))
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.language.currentIndexChanged.connect(self._language_changed)
        form.addRow(tr("界面语言"), self.language)
        self.restart_note = QLabel("")
        self.restart_note.setStyleSheet("color: #b26a00;")
        form.addRow("", self.restart_note)
        form.addRow(tr("数据库文件"), QLabel(str(ctx.db_path)))
        # the institutions roster (名称, 统一社会信用代码, 区划, 地址 …) in and out of Excel
        institution = QHBoxLayout()
        institution.addWidget(QLabel(ctx.institution.name))
        self.institutions_io = TableMenuButton(ctx, [Kind.INSTITUTIONS])
        institution.addWidget(self.institutions_io)
        institution.addStretch(1)
        form.addRow(tr("机构"), institution)
        form.addRow(tr("版本"), QLabel(__version__))
        logs = QPushButton(tr("打开日志文件夹"))
        logs.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file().parent)))
        )
        form.addRow(tr("日志"), logs)
        layout.addLayout(form)

        # 我的账号: every user, read-only ones included, may change their own password.
        self.own_password_button = QPushButton(tr("修改我的密码"))
        self.own_password_button.clicked.connect(self.start_own_password)
        if ctx.user is not None:
            layout.addWidget(heading(tr("我的账号")))
            account = QHBoxLayout()
            account.addWidget(
                QLabel(
                    tr("{name}（{user}），角色：{role}").format(
                        name=ctx.user.display_name, user=ctx.user.username, role=ctx.user.role_label
                    )
                )
            )
            account.addWidget(self.own_password_button)
            account.addStretch(1)
            layout.addLayout(account)

        self.backups = BackupsPanel(ctx)  # 备份 (backups_panel.py); a restore closes the window
        self.backups.restored.connect(lambda: self.window().close())
        layout.addWidget(self.backups, 1)

        self.users: UsersPanel | None = None
        self.security: SecurityPanel | None = None
        if ctx.can(Permission.USERS_MANAGE):
            self.security = SecurityPanel(ctx)
            layout.addWidget(self.security)
            self.users = UsersPanel(ctx)
            layout.addWidget(self.users, 1)
        else:
            layout.addStretch(1)

    @async_slot()
    async def refresh(self) -> None:
        if self.security is not None:
            await self.security.refresh()
        await self.backups.refresh()
        if self.users is not None:
            await self.users.refresh()

    def _language_changed(self) -> None:
        QSettings().setValue("language", self.language.currentData())
        self.restart_note.setText(tr("重新启动程序后生效。"))

    def start_own_password(self) -> None:
        ctx = self.ctx
        dialog = PasswordDialog(tr("修改我的密码"), own=True, parent=self)

        async def submit() -> None:
            await ctx.change(
                change_own_password,
                dialog.current(),
                dialog.password.text(),
                dialog.password_again.text(),
            )

        dialog.submit = submit
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
