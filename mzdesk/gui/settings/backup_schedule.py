"""The app's automatic backups: a little after start (once the window is up and idle) and
then every hour it asks for the daily backup (made when the newest daily or manual one is a
day old and the database changed since the newest backup), and when the app closes, one if
the database changed — which includes the day's backup when the app closed before its check
(that one is made when the database changed since the newest backup, whatever its age).

The first check waits ``FIRST_CHECK_MS``: the backup copies and verifies the whole database on
the writer thread (seconds on a city's database), and the start-up (the first window, its
figures, the first writes) must not wait for it.

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
FIRST_CHECK_MS = 20 * 1000  # after start: the window is up, its first figures loaded


class BackupSchedule(QObject):
    def __init__(
        self, ctx: AppContext, window: QWidget, *, first_check_ms: int = FIRST_CHECK_MS
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.checked = False  # the first check has run (made a backup or found none due)
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.setInterval(first_check_ms)
        self.first.timeout.connect(self.check)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Called when the main window is shown: the first check a little later, off the
        start path, then every hour."""
        self.first.start()
        self.timer.start()

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
        finally:
            self.checked = True
        if made is not None:
            log.info("daily backup made (%d bytes)", made.size)

    def on_close(self) -> None:
        """When the window has closed (blocking: the database is about to close). A backup
        when the database changed since the newest one: the day's too, if its check never
        ran."""
        self.first.stop()
        self.timer.stop()
        backup_on_close(self.ctx.store)
