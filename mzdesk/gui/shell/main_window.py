"""The main window: navigation, pages, status bar."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from mzdesk.gui.beds.page import BedsPage
from mzdesk.gui.forms.ui_main_window import Ui_MainWindow
from mzdesk.gui.home.page import HomePage
from mzdesk.gui.inspections.page import InspectionsPage
from mzdesk.gui.residents.page import ResidentsPage
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import QT_TR_NOOP, tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.settings.page import SettingsPage
from mzdesk.gui.stats.page import StatsPage
from mzdesk.gui.sync.page import SyncPage
from mzdesk.gui.sync.text import failure_text, status_line
from mzdesk.gui.training.page import WorkersPage
from mzdesk.gui.widgets.palette import NAVIGATION
from mzdesk.services.views import BedView

PAGE_NAMES = [
    QT_TR_NOOP("首页"),
    QT_TR_NOOP("住户"),
    QT_TR_NOOP("床位"),
    QT_TR_NOOP("护理员与培训"),
    QT_TR_NOOP("安全检查"),
    QT_TR_NOOP("统计"),
    QT_TR_NOOP("同步"),
    QT_TR_NOOP("设置"),
]
PAGE_KEYS = ["home", "residents", "beds", "workers", "inspections", "stats", "sync", "settings"]


class MainWindow(QMainWindow, Ui_MainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setupUi(self)
        self.ctx = ctx
        self.closed: asyncio.Future[None] = asyncio.get_event_loop().create_future()
        self.setWindowTitle(tr("民政桌面 — {name}").format(name=ctx.institution.name))
        self.home = HomePage(ctx)
        self.residents = ResidentsPage(ctx)
        self.beds = BedsPage(ctx)
        self.workers = WorkersPage(ctx)
        self.inspections = InspectionsPage(ctx)
        self.stats = StatsPage(ctx)
        self.sync = SyncPage(ctx)
        self.settings = SettingsPage(ctx)
        self.page_widgets: list[QWidget] = [
            self.home,
            self.residents,
            self.beds,
            self.workers,
            self.inspections,
            self.stats,
            self.sync,
            self.settings,
        ]
        for name, page in zip(PAGE_NAMES, self.page_widgets, strict=True):
            self.navigation.addItem(tr(name))
            self.pages.addWidget(page)
        self.navigation.setStyleSheet(NAVIGATION)
        self.navigation.currentRowChanged.connect(self.show_page)
        for i in range(len(self.page_widgets)):
            QShortcut(
                QKeySequence(f"Ctrl+{i + 1}"), self, lambda i=i: self.navigation.setCurrentRow(i)
            )
        self.beds.open_resident.connect(self._open_resident)
        self.beds.admit_into.connect(self._admit_into)

        self.db_label = QLabel(tr("数据库：{path}").format(path=ctx.db_path))
        self.user_label = QLabel(
            tr("用户：{name}").format(name=ctx.user.display_name)
            if ctx.user
            else tr("用户：未登录")
        )
        self.sync_label = QLabel()
        for label in (self.db_label, self.user_label, self.sync_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusbar.addPermanentWidget(label)
        ctx.worker.progress_parent = self
        # The 同步 page reloads its state on every change and says so; the status bar shows
        # what it loaded rather than reading the same figures again.
        self.sync.state_changed.connect(self.show_status)
        self.navigation.setCurrentRow(0)

    def page(self, key: str) -> QWidget:
        return self.page_widgets[PAGE_KEYS.index(key)]

    def show_page(self, index: int) -> asyncio.Task[None] | None:
        self.pages.setCurrentIndex(index)
        refresh: Callable[[], Awaitable[None]] | None = getattr(
            self.page_widgets[index], "refresh", None
        )
        return refresh() if refresh is not None else None  # type: ignore[return-value]

    @async_slot()
    async def refresh_status(self) -> None:
        await self.sync.refresh()

    def show_status(self) -> None:
        if self.sync.view is None:
            return
        status = self.sync.view.status
        text, colour = status_line(status, self.sync.failure, self.sync.syncing)
        self.sync_label.setText(text)
        self.sync_label.setStyleSheet(f"color: {colour};" if colour else "")
        failure = self.sync.failure
        self.sync_label.setToolTip(
            failure_text(failure) if failure is not None else status["last_error"] or ""
        )

    @async_slot(object)
    async def _open_resident(self, resident_id: uuid.UUID) -> None:
        self.navigation.setCurrentRow(PAGE_KEYS.index("residents"))
        await self.residents.open_resident(resident_id)

    def _admit_into(self, bed: BedView) -> None:
        self.navigation.setCurrentRow(PAGE_KEYS.index("residents"))
        self.residents.start_admission(bed)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.shutdown()
        if not self.closed.done():
            self.closed.set_result(None)
        super().closeEvent(event)
