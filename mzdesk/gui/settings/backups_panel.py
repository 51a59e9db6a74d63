"""设置 › 备份: the database's backups (date, kind, size, verified), 立即备份, 恢复…, and where
backups are kept and how many (administrators).

The work runs on the GUI's worker (a backup or a restore of a large database takes seconds:
the worker shows its busy cursor and progress dialog). A restore closes the database: the
window closes afterwards and the app is opened again on the restored data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import MzdeskError
from mzdesk.core.permissions import Permission
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.files import ask_folder
from mzdesk.gui.widgets.labels import heading
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.backups import (
    BackupInfo,
    BackupSettings,
    Keep,
    back_up,
    backups_of,
    change_settings,
    kind_label,
    restore_backup,
    settings_of,
    size_text,
)


def when(info: BackupInfo) -> str:
    return info.local_time.strftime("%Y-%m-%d %H:%M")


def checked_text(info: BackupInfo) -> str:
    """Every listed backup passed its check when it was made; which one it was."""
    return tr("已核对（完整检查）") if info.check == "integrity_check" else tr("已核对（快速检查）")


class RestoreConfirm(QMessageBox):
    """Names the backup's date and what is lost; the default button is 取消."""

    def __init__(self, info: BackupInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(tr("恢复备份"))
        self.setText(
            tr("用 {date} 的备份（{kind}）替换当前数据库？").format(
                date=when(info), kind=kind_label(info.kind)
            )
        )
        self.setInformativeText(
            tr(
                "{date} 以后录入和修改的所有内容都会丢失。恢复前会先备份当前数据库；"
                "恢复后程序会关闭，请重新打开。"
            ).format(date=when(info))
        )
        self.restore_button = self.addButton(tr("恢复"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = self.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(cancel)


class BackupsPanel(QWidget):
    dialog_opened = Signal(QWidget)  # tests and screenshots follow the dialogs it opens
    restored = Signal()  # the database was replaced: the window closes

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.backups: list[BackupInfo] = []
        self.settings: BackupSettings | None = None
        self.manage = ctx.can(Permission.BACKUPS_MANAGE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(tr("备份")))
        actions = QHBoxLayout()
        self.backup_button = QPushButton(tr("立即备份"))
        self.restore_button = QPushButton(tr("恢复…"))
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        self.status = QLabel("")
        actions.addWidget(self.status, 1)
        layout.addLayout(actions)
        self.table = make_table([tr("日期"), tr("类型"), tr("大小"), tr("核对")], right_aligned=[2])
        self.table.setMaximumWidth(720)
        self.table.setMinimumHeight(140)
        layout.addWidget(self.table, 1)

        where = QHBoxLayout()
        self.folder = QLabel("")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton(tr("更改文件夹…"))
        where.addWidget(QLabel(tr("备份文件夹")))
        where.addWidget(self.folder)
        where.addWidget(self.folder_button)
        where.addStretch(1)
        layout.addLayout(where)
        keep = QHBoxLayout()
        keep.addWidget(QLabel(tr("保留")))
        self.daily, self.weekly, self.monthly = QSpinBox(), QSpinBox(), QSpinBox()
        for label, box in (
            (tr("每日"), self.daily),
            (tr("每周"), self.weekly),
            (tr("每月"), self.monthly),
        ):
            box.setRange(0, 365)
            keep.addWidget(QLabel(label))
            keep.addWidget(box)
        self.save_button = QPushButton(tr("保存备份设置"))
        keep.addWidget(self.save_button)
        keep.addStretch(1)
        layout.addLayout(keep)
        for widget in (self.folder_button, self.daily, self.weekly, self.monthly, self.save_button):
            widget.setEnabled(self.manage)
        self.restore_button.setVisible(self.manage)

        self.backup_button.clicked.connect(self.start_backup)
        self.restore_button.clicked.connect(self.start_restore)
        self.folder_button.clicked.connect(self.choose_folder)
        self.save_button.clicked.connect(self.save_settings)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.rows_model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    @async_slot()
    async def refresh(self) -> None:
        ctx = self.ctx
        self.backups = await ctx.worker.read(backups_of, ctx.store)
        self.settings = settings = await ctx.worker.read(settings_of, ctx.store)
        self.table.show_rows(
            [
                [when(b), kind_label(b.kind), size_text(b.size), checked_text(b)]
                for b in self.backups
            ]
        )
        for column, least in enumerate((140, 160, 90)):
            self.table.setColumnWidth(column, max(least, self.table.columnWidth(column)))
        self.folder.setText(str(settings.folder))
        self.daily.setValue(settings.keep.daily)
        self.weekly.setValue(settings.keep.weekly)
        self.monthly.setValue(settings.keep.monthly)

    def selected(self) -> BackupInfo | None:
        row = self.table.selected_row()
        return self.backups[row] if row is not None and row < len(self.backups) else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.manage and self.selected() is not None)

    @async_slot()
    async def start_backup(self) -> None:
        self.status.setText(tr("正在备份并核对…"))
        self.backup_button.setEnabled(False)
        try:
            info = await self.ctx.worker.write(back_up, self.ctx.store)
        except MzdeskError as error:
            self.status.setText(str(error))
            return
        finally:
            self.backup_button.setEnabled(True)
        self.status.setText(
            tr("已备份并核对：{date}，{size}").format(date=when(info), size=size_text(info.size))
        )
        await self.refresh()

    def start_restore(self) -> None:
        info = self.selected()
        if info is None:
            return
        confirm = RestoreConfirm(info, self)
        confirm.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        confirm.buttonClicked.connect(
            lambda button: self.restore(info) if button is confirm.restore_button else None
        )
        confirm.open()
        self.dialog_opened.emit(confirm)

    @async_slot()
    async def restore(self, info: BackupInfo) -> None:
        ctx = self.ctx
        self.status.setText(tr("正在恢复…"))
        try:
            await ctx.worker.write(restore_backup, ctx.store, ctx.actor, info)
        except MzdeskError as error:
            self.status.setText(str(error))
            return
        self.status.setText(tr("已恢复 {date} 的备份，请重新打开程序。").format(date=when(info)))
        self.restored.emit()

    def choose_folder(self) -> None:
        # not the blocking static dialog: open(), in the app's language (widgets/files.py)
        ask_folder(self, tr("备份文件夹"), self.folder.text(), self.folder.setText)

    @async_slot()
    async def save_settings(self) -> None:
        settings = BackupSettings(
            Path(self.folder.text()),
            Keep(
                self.daily.value(),
                self.weekly.value(),
                self.monthly.value(),
                self.settings.keep.before if self.settings is not None else Keep().before,
            ),
        )
        await self.ctx.change(change_settings, settings)
        self.status.setText(tr("备份设置已保存"))
        await self.refresh()
