"""恢复密钥 step of the first run: right after the administrator is created, the app offers
the recovery sheet. 稍后 leaves it for later (设置 → 安全 keeps reminding until it is
printed)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mzdesk.core.permissions import Actor
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.runtime.worker import Worker
from mzdesk.gui.widgets.dialog import wait_for
from mzdesk.gui.widgets.labels import heading
from mzdesk.gui.widgets.palette import ERROR_TEXT
from mzdesk.gui.widgets.recovery_sheet import RecoverySheetPreview, show_recovery_sheet
from mzdesk.store.engine import Store


class RecoveryStepDialog(QDialog):
    """Explains the recovery sheet; 打印恢复单 or 稍后."""

    def __init__(
        self, store: Store, worker: Worker, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.worker = worker
        self.actor = actor
        self.preview: RecoverySheetPreview | None = None
        self.printed = False
        self.setWindowTitle(tr("恢复密钥"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("打印恢复单")))
        text = QLabel(
            tr(
                "本电脑上的数据已加密，只有用账号密码才能打开。"
                "如果所有密码都遗失了，只有恢复单能打开这些数据。"
                "请现在打印恢复单，锁在柜子里。"
            )
        )
        text.setObjectName("recoveryExplanation")
        text.setWordWrap(True)
        layout.addWidget(text)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_TEXT)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.later_button = QPushButton(tr("稍后"))
        self.print_button = QPushButton(tr("打印恢复单"))
        self.print_button.setDefault(True)
        buttons.addWidget(self.later_button)
        buttons.addWidget(self.print_button)
        layout.addLayout(buttons)
        self.later_button.clicked.connect(self.reject)
        self.print_button.clicked.connect(self.show_sheet)

    @async_slot()
    async def show_sheet(self) -> None:
        self.print_button.setEnabled(False)
        try:
            self.preview = await show_recovery_sheet(self.store, self.worker, self.actor, self)
        except OSError as error:
            self.message.setText(tr("无法生成恢复单：") + str(error.strerror or error))
            self.print_button.setEnabled(True)
            return
        preview = self.preview
        preview.finished.connect(lambda _code: self._preview_closed(preview.printed))

    def _preview_closed(self, printed: bool) -> None:
        self.preview = None
        self.print_button.setEnabled(True)
        if printed:
            self.printed = True
            self.accept()


async def offer_recovery_sheet(store: Store, worker: Worker, actor: Actor) -> bool:
    """Show the step; True when the sheet was printed (or saved)."""
    step = RecoveryStepDialog(store, worker, actor)
    await wait_for(step)
    return step.printed
