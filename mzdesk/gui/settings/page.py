"""设置."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mzdesk import __version__
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.errors import log_file
from mzdesk.gui.runtime.i18n import tr


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        form = QFormLayout()
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
        form.addRow(tr("机构"), QLabel(ctx.institution.name))
        form.addRow(tr("版本"), QLabel(__version__))
        logs = QPushButton(tr("打开日志文件夹"))
        logs.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file().parent)))
        )
        form.addRow(tr("日志"), logs)
        layout.addLayout(form)
        layout.addStretch(1)

    def _language_changed(self) -> None:
        QSettings().setValue("language", self.language.currentData())
        self.restart_note.setText(tr("重新启动程序后生效。"))
