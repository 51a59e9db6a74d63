"""设置 → 安全 (administrators): who can open the encrypted database on this computer (user
names with a key slot; no key material), when the recovery sheet was last printed (a
reminder until it is), and 打印恢复单. A password change (我的账号, 重置密码) re-wraps the key
in the services; nothing here touches keys."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.labels import heading
from mzdesk.gui.widgets.palette import ERROR_TEXT, MUTED, ORANGE
from mzdesk.gui.widgets.recovery_sheet import RecoverySheetPreview, show_recovery_sheet
from mzdesk.services.security import KeyStatus, key_status


class SecurityPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: RecoverySheetPreview | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(tr("安全")))
        self.holders = QLabel("…")
        self.holders.setObjectName("keyHolders")
        self.holders.setWordWrap(True)
        layout.addWidget(self.holders)
        row = QHBoxLayout()
        self.recovery = QLabel("…")
        self.recovery.setObjectName("recoveryStatus")
        self.recovery.setWordWrap(True)
        self.print_button = QPushButton(tr("打印恢复单"))
        self.print_button.clicked.connect(self.print_sheet)
        row.addWidget(self.recovery, 1)
        row.addWidget(self.print_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_TEXT)
        self.message.hide()
        layout.addWidget(self.message)

    @async_slot()
    async def refresh(self) -> None:
        status: KeyStatus = await self.ctx.worker.read(key_status, self.ctx.store, self.ctx.actor)
        self.show_status(status)

    def show_status(self, status: KeyStatus) -> None:
        if status.open:
            names = tr("尚无账号保护（新数据库）。")
        elif status.holders:
            names = tr("、").join(
                tr("{name}（{user}）").format(name=h.display_name, user=h.username)
                for h in status.holders
            )
        else:
            names = tr("无")
        self.holders.setText(tr("可以在本电脑上打开数据库的账号：") + names)
        if status.recovery_printed is not None:
            self.recovery.setText(
                tr("恢复单上次打印：{date}").format(date=status.recovery_printed.isoformat())
            )
            self.recovery.setStyleSheet(f"color: {MUTED};")
        else:
            self.recovery.setText(
                tr("尚未打印恢复单。如果所有密码都遗失了，只有恢复单能打开这些数据，请打印并锁好。")
            )
            self.recovery.setStyleSheet(f"color: {ORANGE};")

    @async_slot()
    async def print_sheet(self) -> None:
        self.message.hide()
        try:
            self.preview = await show_recovery_sheet(
                self.ctx.store, self.ctx.worker, self.ctx.actor, self, self.refresh
            )
        except OSError as error:
            self.message.setText(tr("无法生成恢复单：") + str(error.strerror or error))
            self.message.show()
