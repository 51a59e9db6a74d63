"""同步: enrolment with the central server, sync now and every few minutes (as an asyncio task
under qasync, so the window never waits on the network), USB bundles, conflict review and
the changes the server sent back."""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.changes import Changes
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.sync.bundle_actions import BundleActions
from mzdesk.gui.sync.enrol_form import EnrolForm
from mzdesk.gui.sync.quarantine_dialog import QuarantineDialog
from mzdesk.gui.sync.review_panel import ReviewPanel
from mzdesk.gui.sync.text import (
    CLOCK_RED_SECONDS,
    clock_text,
    failure_text,
    files_pending,
    local_time,
    report_text,
)
from mzdesk.gui.widgets.dialog import Refusal
from mzdesk.gui.widgets.labels import note
from mzdesk.gui.widgets.palette import GREEN, ORANGE, RED
from mzdesk.sync import review, schedule
from mzdesk.sync.client import SyncClient, SyncFailure, SyncReport
from mzdesk.sync.display import SyncReview, load_review
from mzdesk.sync.status import sync_status
from mzdesk.sync.transport import invalid_url

log = logging.getLogger("mzdesk.gui")

# once shortly after the window opens, at a random moment within a window (a morning burst
# of desktops is spread), then about every five minutes, each wait drawn afresh
AUTO_SYNC_FIRST_MS = round(schedule.FIRST_MIN_S * 1000)
AUTO_SYNC_WINDOW_MS = round(schedule.FIRST_WINDOW_S * 1000)
AUTO_SYNC_INTERVAL_MS = round(schedule.INTERVAL_S * 1000)


class SyncPage(BundleActions):
    """同步. ``state_changed`` tells the status bar that a sync started or ended, or that the
    page loaded fresh figures (``view``)."""

    state_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: SyncReview | None = None
        self.failure: SyncFailure | None = None
        self.syncing = False
        self._again = False
        self._sync_task: asyncio.Future[Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)

        self.enrol = EnrolForm(ctx)
        self.enrol.setMaximumWidth(760)
        self.enrol.enrol_button.clicked.connect(self.enrol_now)
        self.enrol.enrolled.connect(self._enrolled)
        self.enrol.enrolled_offline.connect(self._enrolled_offline)
        self.enrol.hide()
        layout.addWidget(self.enrol)
        self.local_note = note(
            tr(
                "所有修改都已安全保存在本机数据库中，并记录在待同步队列里，不会丢失；"
                "注册到中心服务器后会自动发送。没有网络的机构可以用U盘同步包交换数据。"
            )
        )
        self.local_note.hide()
        layout.addWidget(self.local_note)

        self.overview = QGroupBox(tr("同步状态"))
        form = QFormLayout(self.overview)
        self.server = QLabel()
        self.device = QLabel()
        self.last_sync = QLabel()
        self.pending = QLabel()
        self.conflict_count = QLabel()
        self.quarantine_count = QLabel()
        for label in (self.server, self.device):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(tr("服务器"), self.server)
        form.addRow(tr("本机"), self.device)
        form.addRow(tr("上次成功同步"), self.last_sync)
        form.addRow(tr("待发送的修改"), self.pending)
        form.addRow(tr("待审核的冲突"), self.conflict_count)
        form.addRow(tr("被服务器退回的修改"), self.quarantine_count)
        self.clock = note(colour=ORANGE)
        form.addRow(self.clock)
        self.message = note()
        self.message.hide()
        form.addRow(self.message)
        buttons = QHBoxLayout()
        self.sync_button = QPushButton(tr("立即同步"))
        self.export_button = QPushButton(tr("导出U盘同步包…"))
        self.import_button = QPushButton(tr("导入U盘同步包…"))
        self.reenrol_button = QPushButton(tr("重新注册…"))
        for button in (
            self.sync_button,
            self.export_button,
            self.import_button,
            self.reenrol_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.sync_button.clicked.connect(self.sync_now)
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button.clicked.connect(self.import_bundle)
        self.reenrol_button.clicked.connect(self._show_enrol)
        self.overview.hide()
        layout.addWidget(self.overview)

        self.review = ReviewPanel()
        self.review.resolve_requested.connect(self.resolve)
        self.review.fix_requested.connect(self.fix_selected)
        # the review's parts, as the page's own (tests and screenshots reach them here)
        self.conflicts, self.quarantine = self.review.conflicts, self.review.quarantine
        self.conflicts_note = self.review.conflicts_note
        self.quarantine_note = self.review.quarantine_note
        self.fix_button = self.review.fix_button
        self.review.hide()
        layout.addWidget(self.review, 1)
        self.filler = QWidget()
        layout.addWidget(self.filler, 1)

        self.first_timer = QTimer(self)
        self.first_timer.setSingleShot(True)
        self.first_timer.timeout.connect(self.auto_sync)
        self.first_timer.start(
            round(
                1000
                * schedule.first_delay_s(
                    minimum_s=AUTO_SYNC_FIRST_MS / 1000, window_s=AUTO_SYNC_WINDOW_MS / 1000
                )
            )
        )
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)  # re-armed with a fresh random wait each time
        self.timer.timeout.connect(self._tick)
        self._arm()

    # ------------------------------------------------------------ showing

    @async_slot()
    async def refresh(self) -> None:
        self.show_view(await self.ctx.worker.read(load_review, self.ctx.store))
        self.state_changed.emit()

    @async_slot(object)
    async def refresh_changed(self, changes: Changes) -> None:
        """After any change: the whole page while it is shown; otherwise only the figures the
        status bar shows (pending changes, last sync), which is one small read."""
        if self.isVisible() or self.view is None:
            await self.refresh()
            return
        status = await self.ctx.worker.read(sync_status, self.ctx.store)
        self.view = replace(self.view, status=status)
        self.state_changed.emit()

    def show_view(self, view: SyncReview) -> None:
        self.view = view
        status = view.status
        enrolled = bool(status["enrolled"])
        if not enrolled:
            self.enrol.show()
        self.enrol.cancel_button.setVisible(enrolled)
        self.local_note.setVisible(not enrolled)
        self.overview.setVisible(enrolled)
        self.review.setVisible(enrolled)
        self.filler.setVisible(not enrolled)
        if not enrolled:
            self.local_note.setText(
                tr(
                    "本机尚未注册到中心服务器，{n} 条修改待同步。所有修改都已安全保存在本机"
                    "数据库中，并记录在待同步队列里，不会丢失；注册后会自动发送。"
                ).format(n=status["pending"])
            )
            return
        self.server.setText(str(status["server"] or tr("（仅用U盘同步）")))
        number = str(status["device_id"])[:8]
        self.device.setText(
            tr("{name}（设备号 {number}）").format(name=view.device_name, number=number)
            if view.device_name
            else tr("设备号 {number}").format(number=number)
        )
        self.last_sync.setText(local_time(status["last_sync"]) or tr("从未成功同步"))
        files = files_pending(status)
        self.pending.setText(
            tr("{n} 条").format(n=status["pending"]) + (f"；{files}" if files else "")
        )
        self._count(self.conflict_count, status["conflicts"])
        self._count(self.quarantine_count, status["quarantined"])
        offset = status["clock_offset_s"]
        if status["clock_warning"] and offset is not None:
            self.clock.setText("⚠ " + clock_text(offset))
            colour = RED if abs(offset) >= CLOCK_RED_SECONDS else ORANGE
            self.clock.setStyleSheet(f"color: {colour}; font-size: 13px;")
            self.clock.show()
        else:
            self.clock.hide()
        if not self.syncing and self.failure is None and status["last_error"]:
            self._say(tr("上次同步未完成：{message}").format(message=status["last_error"]), RED)
        self.review.show_rows(view.conflicts, view.quarantined)

    def _count(self, label: QLabel, n: int) -> None:
        label.setText(tr("{n} 条").format(n=n))
        label.setStyleSheet(f"color: {ORANGE}; font-weight: bold;" if n else "")

    def _say(self, text: str, colour: str = "#445") -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message.setStyleSheet(f"color: {colour}; font-size: 13px;")

    def _show_enrol(self) -> None:
        if self.view is not None and self.view.status["server"]:
            self.enrol.server.setText(str(self.view.status["server"]))
        self.enrol.show()
        self.enrol.code.setFocus()

    def _set_busy(self, busy: bool) -> None:
        for button in (
            self.sync_button,
            self.export_button,
            self.import_button,
            self.reenrol_button,
            self.enrol.enrol_button,
        ):
            button.setEnabled(not busy)
        if busy:
            self._say(tr("正在同步…"))

    # ------------------------------------------------------------ enrolment and sync

    def enrol_now(self) -> None:
        if not self.syncing:
            self.enrol.enrol_now()

    @async_slot()
    async def _enrolled(self) -> None:
        self.failure = None
        await self.run_sync(manual=True)

    def _enrolled_offline(self, items: int) -> None:
        self._say(
            tr("已用离线注册文件注册，收到 {n} 条记录。之后请用U盘同步包与中心交换数据。").format(
                n=items
            ),
            GREEN,
        )
        self.state_changed.emit()

    @async_slot()
    async def sync_now(self) -> None:
        await self.run_sync(manual=True)

    def _arm(self) -> None:
        self.timer.start(
            round(1000 * schedule.next_delay_s(interval_s=AUTO_SYNC_INTERVAL_MS / 1000))
        )

    def _tick(self) -> None:
        self._arm()
        self.auto_sync()

    @async_slot()
    async def auto_sync(self) -> None:
        """The timer's sync: quiet when not enrolled or already syncing; failures are shown
        on the page and in the status bar, never in a popup."""
        if self.syncing:
            return
        status = await self.ctx.worker.read(sync_status, self.ctx.store)
        if status["enrolled"] and status["server"]:
            await self.run_sync(manual=False)

    async def run_sync(self, *, manual: bool) -> SyncReport | None:
        """One sync at a time; a request while one runs (a resend) runs once more after it."""
        if self.syncing:
            self._again = self._again or manual
            return None
        self.syncing = True
        self._sync_task = asyncio.current_task()
        self._set_busy(True)
        self.state_changed.emit()
        report: SyncReport | None = None
        try:
            # its database work on the one writer: serialised with the user's changes, and
            # the rows it pulls reach the pages through the worker's ``changed``
            report = await SyncClient(
                self.ctx.store, self.ctx.actor, run_blocking=self.ctx.worker.write_quietly
            ).sync()
        except SyncFailure as failure:
            self.failure = failure
        except (ValueError, KeyError, invalid_url()) as error:  # a server talking nonsense
            log.exception("sync failed")
            self.failure = SyncFailure("server_error", str(error))
        finally:
            self.syncing = False
            self._sync_task = None
            self._set_busy(False)
        if report is not None:
            self.failure = None
            self._say(report_text(report), GREEN)
        elif self.failure is not None:
            self._say(tr("同步失败：") + failure_text(self.failure), RED)
        # The page reloads and then tells the status bar (``refresh`` emits state_changed);
        # the pages showing rows that arrived were told by the worker.
        await self.refresh()
        if self._again:
            self._again = False
            return await self.run_sync(manual=True)
        return report

    def shutdown(self) -> None:
        """The window is closing: no new syncs; one in flight stops (it resumes next time)."""
        self.first_timer.stop()
        self.timer.stop()
        if self._sync_task is not None and not self._sync_task.done():
            self._sync_task.cancel()

    # ------------------------------------------------------------ conflicts and quarantine

    @async_slot(object, str)
    async def resolve(self, conflict_id: uuid.UUID, choice: str) -> None:
        await self.ctx.change(review.resolve_conflict, conflict_id, choice)
        self._say(tr("冲突已处理，结果将在下次同步时发送到服务器。"), GREEN)
        await self.refresh()

    def fix_selected(self) -> QuarantineDialog | None:
        row = self.review.selected_change()
        if row is None:
            return None
        dialog = QuarantineDialog(row, self)
        seq = row.change.seq

        async def submit() -> None:
            try:
                await self.ctx.change(review.resend, seq, dialog.data)
            except (ValueError, LookupError) as error:
                raise Refusal(tr("无法重新发送：{error}").format(error=error)) from error
            self._say(tr("已重新放入发送队列。"), GREEN)
            if self.view is not None and self.view.status["server"]:
                await self.run_sync(manual=True)
            else:
                await self.refresh()

        dialog.submit = submit
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
