"""The app's automatic backups: at start and then every hour it asks for the daily backup
(made when the newest daily or manual one is a day old and the database changed since the
newest backup), and when the app closes, one if the database changed.

A failed daily backup is told to the user (a dialog: backups that silently stop are the
failure that matters); one on close is logged, as nobody is left to tell."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from mzdesk.core.errors import MzdeskError, loggable
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.services.backups import backup_daily, backup_on_close

log = logging.getLogger("mzdesk.gui.backups")
CHECK_EVERY_MS = 60 * 60 * 1000


class BackupSchedule(QObject):
    def __init__(self, ctx: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()
        self.check()

    @async_slot()
    async def check(self) -> None:
        ctx = self.ctx
        try:
            made = await ctx.worker.write_quietly(backup_daily, ctx.store)
        except MzdeskError as error:
            log.warning("daily backup failed: %s", loggable(error))
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                tr("备份"),
                tr("今天的自动备份没有做成。"),
                parent=self.window,
            )
            box.setInformativeText(str(error))
            box.open()
            return
        if made is not None:
            log.info("daily backup made (%d bytes)", made.size)

    def on_close(self) -> None:
        """When the window has closed (blocking: the database is about to close)."""
        self.timer.stop()
        backup_on_close(self.ctx.store)
