"""At start, a database that fails its check (store/backup/restoring.check_at_start): a dialog
that names the newest good backup and offers to restore it, instead of a traceback.

Called before the main window exists (modal ``exec`` is fine there). The key is the one the
login unwrapped; without one (a database that needs no login) it is read from the slot file,
and for a locked one the user name and password are asked here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from mzdesk.core.errors import MzdeskError
from mzdesk.gui.runtime.i18n import tr
from mzdesk.services.backups import (
    BackupInfo,
    kind_label,
    newest_good_backup,
    restore_damaged,
    settings_of_path,
)
from mzdesk.store.engine import Locked, key_without_login, unlock


class DamagedDialog(QMessageBox):
    def __init__(
        self, db_path: Path, backup: BackupInfo | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(tr("数据库已损坏"))
        self.setText(tr("数据库文件 {file} 已损坏，无法打开。").format(file=db_path.name))
        self.restore_button = None
        if backup is None:
            folder = settings_of_path(db_path).folder
            self.setInformativeText(
                tr("没有找到能打开的备份（备份文件夹：{folder}）。请联系技术支持。").format(
                    folder=folder
                )
            )
            self.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
            return
        date = backup.local_time.strftime("%Y-%m-%d %H:%M")
        self.setInformativeText(
            tr(
                "最近一份完好的备份是 {date} 的（{kind}）。恢复它吗？{date} 以后录入的内容会丢失；"
                "损坏的文件会移到旁边保留，不会删除。"
            ).format(date=date, kind=kind_label(backup.kind))
        )
        self.restore_button = self.addButton(tr("恢复"), QMessageBox.ButtonRole.AcceptRole)
        self.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button)


def _key(db_path: Path, parent: QWidget | None) -> bytes | None:
    try:
        return key_without_login(db_path)
    except Locked:
        pass
    username, ok = QInputDialog.getText(parent, tr("登录"), tr("用户名"))
    if not ok:
        return None
    password, ok = QInputDialog.getText(parent, tr("登录"), tr("密码"), QLineEdit.EchoMode.Password)
    if not ok:
        return None
    try:
        return unlock(db_path, username, password)[0]
    except MzdeskError as error:
        QMessageBox.warning(parent, tr("登录"), str(error))
        return None


def offer_restore(db_path: Path, key: bytes | None = None, parent: QWidget | None = None) -> bool:
    """Offer the newest good backup of the damaged database; True once it is restored (the
    caller opens the database again), False when the user quits or none can be restored."""
    key = key if key is not None else _key(db_path, parent)
    if key is None:
        return False
    backup = newest_good_backup(db_path, key)
    dialog = DamagedDialog(db_path, backup, parent)
    dialog.exec()
    if backup is None or dialog.clickedButton() is not dialog.restore_button:
        return False
    try:
        restore_damaged(db_path, backup, key)
    except MzdeskError as error:
        QMessageBox.critical(parent, tr("恢复备份"), str(error))
        return False
    return True
