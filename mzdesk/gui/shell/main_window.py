"""The main window: navigation, pages, status bar."""

from __future__ import annotations

import asyncio
import importlib
import uuid
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from mzdesk.core.vocab import InstitutionKind
from mzdesk.gui.forms.ui_main_window import Ui_MainWindow
from mzdesk.gui.home.page import HomePage
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import QT_TR_NOOP, tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.shell.refresh import PageRefresher
from mzdesk.gui.sync.page import SyncPage
from mzdesk.gui.sync.text import failure_text, status_line
from mzdesk.gui.widgets.labels import ElidedLabel
from mzdesk.gui.widgets.palette import NAVIGATION
from mzdesk.services.institutions import list_institutions
from mzdesk.services.users import users_of
from mzdesk.services.views import BedView

if TYPE_CHECKING:  # imported when first shown (their charts, PDF viewers, forms …)
    from mzdesk.gui.beds.page import BedsPage
    from mzdesk.gui.inspections.page import InspectionsPage
    from mzdesk.gui.residents.page import ResidentsPage
    from mzdesk.gui.settings.page import SettingsPage
    from mzdesk.gui.stats.page import StatsPage
    from mzdesk.gui.training.page import WorkersPage

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
# a children's home's own words (domain.md): its care workers are 育婴员/保育员
CHILDREN_PAGE_NAMES = {"workers": QT_TR_NOOP("保育员与培训")}


# each page's module and class, imported when the page is first built
PAGES = {
    "home": "mzdesk.gui.home.page:HomePage",
    "residents": "mzdesk.gui.residents.page:ResidentsPage",
    "beds": "mzdesk.gui.beds.page:BedsPage",
    "workers": "mzdesk.gui.training.page:WorkersPage",
    "inspections": "mzdesk.gui.inspections.page:InspectionsPage",
    "stats": "mzdesk.gui.stats.page:StatsPage",
    "sync": "mzdesk.gui.sync.page:SyncPage",
    "settings": "mzdesk.gui.settings.page:SettingsPage",
}
# built with the window: 首页 is shown first, 同步 feeds the status bar (and syncs on its
# schedule); the others the first time they are shown or used
AT_START = ("home", "sync")


class MainWindow(QMainWindow, Ui_MainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setupUi(self)
        self.ctx = ctx
        self.closed: asyncio.Future[None] = asyncio.get_event_loop().create_future()
        self._show_title()
        self._built: dict[str, QWidget] = {}
        stand_ins = [QWidget() for _ in PAGE_KEYS]  # each page's place until it is built
        children = ctx.institution.kind is InstitutionKind.CHILDREN_HOME
        for key, name, stand_in in zip(PAGE_KEYS, PAGE_NAMES, stand_ins, strict=True):
            self.navigation.addItem(tr(CHILDREN_PAGE_NAMES.get(key, name) if children else name))
            self.pages.addWidget(stand_in)
        self.navigation.setStyleSheet(NAVIGATION)
        self.fit_navigation()
        # the 同步 page feeds the status bar (always shown): it follows every change
        self.refresher = PageRefresher(stand_ins)
        ctx.worker.changed.connect(self.refresher.changed)
        self.navigation.currentRowChanged.connect(self.show_page)
        for i in range(len(PAGE_KEYS)):
            QShortcut(
                QKeySequence(f"Ctrl+{i + 1}"), self, lambda i=i: self.navigation.setCurrentRow(i)
            )

        self.db_label = ElidedLabel(tr("数据库：{path}").format(path=ctx.db_path))
        self.user_label = QLabel(
            tr("用户：{name}").format(name=ctx.user.display_name)
            if ctx.user
            else tr("用户：未登录")
        )
        self.sync_label = ElidedLabel()
        for label in (self.db_label, self.user_label, self.sync_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusbar.addPermanentWidget(label)
        ctx.worker.progress_parent = self
        for key in AT_START:
            self.page(key)
        self.navigation.setCurrentRow(0)

    def page(self, key: str) -> QWidget:
        """The page, built the first time it is asked for (shown, or used by a shortcut)."""
        page = self._built.get(key)
        if page is None:
            page = self._build(key)
        return page

    def _build(self, key: str) -> QWidget:
        index = PAGE_KEYS.index(key)
        module, _, name = PAGES[key].partition(":")
        page: QWidget = getattr(importlib.import_module(module), name)(self.ctx)
        self._built[key] = page
        stand_in = self.refresher.pages[index]
        current = self.pages.currentWidget()
        self.pages.removeWidget(stand_in)
        stand_in.deleteLater()
        self.pages.insertWidget(index, page)
        self.pages.setCurrentWidget(page if current is None or current is stand_in else current)
        self.refresher.replace(index, page, always=key == "sync")
        self._connect(key)
        return page

    def _connect(self, key: str) -> None:
        """What the window follows of a page, connected when the page is built."""
        if key == "sync":
            self.sync.enrol.enrolled.connect(self.follow_institution)
            self.sync.enrol.enrolled_offline.connect(self.follow_institution)
            # The 同步 page reloads its state on every change and says so; the status bar
            # shows what it loaded rather than reading the same figures again.
            self.sync.state_changed.connect(self.show_status)
        elif key == "beds":
            self.beds.open_resident.connect(self._open_resident)
            self.beds.admit_into.connect(self._admit_into)
        elif key == "home":
            self.home.start_check.connect(self._start_check)

    @property
    def home(self) -> HomePage:
        return cast("HomePage", self.page("home"))

    @property
    def residents(self) -> ResidentsPage:
        return cast("ResidentsPage", self.page("residents"))

    @property
    def beds(self) -> BedsPage:
        return cast("BedsPage", self.page("beds"))

    @property
    def workers(self) -> WorkersPage:
        return cast("WorkersPage", self.page("workers"))

    @property
    def inspections(self) -> InspectionsPage:
        return cast("InspectionsPage", self.page("inspections"))

    @property
    def stats(self) -> StatsPage:
        return cast("StatsPage", self.page("stats"))

    @property
    def sync(self) -> SyncPage:
        return cast("SyncPage", self.page("sync"))

    @property
    def settings(self) -> SettingsPage:
        return cast("SettingsPage", self.page("settings"))

    def _show_title(self) -> None:
        self.setWindowTitle(tr("民政桌面 — {name}").format(name=self.ctx.institution.name))

    @async_slot()
    async def follow_institution(self) -> None:
        """An enrolment may have re-keyed this site's institution to the server's id (see
        ``sync.device.adopt_institution``): find it again by its new id, with the logged-in
        user, and show everything afresh — else every page would show an id that is gone."""
        ctx = self.ctx
        institutions = await ctx.worker.read(list_institutions, ctx.store)
        if any(i.id == ctx.institution.id for i in institutions):
            return
        same_name = [i for i in institutions if i.name == ctx.institution.name]
        found = same_name if len(same_name) == 1 else institutions
        if len(found) != 1:
            return
        ctx.institution = found[0]
        if ctx.user is not None:
            users = await ctx.worker.read(
                users_of, ctx.store, ctx.institution.id, include_disabled=True
            )
            ctx.user = next((u for u in users if u.id == ctx.user.id), ctx.user)
        self._show_title()
        await _settle(self.refresher.invalidate())

    def fit_navigation(self) -> None:
        """As wide as its longest label (English ones are longer), never scrolling sideways."""
        self.navigation.ensurePolished()
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setTextElideMode(Qt.TextElideMode.ElideRight)
        frame = 2 * self.navigation.frameWidth()
        width = max(self.navigation.sizeHintForColumn(0) + frame, 150)
        self.navigation.setFixedWidth(min(width, 280))

    def show_page(self, index: int) -> asyncio.Future[Any] | None:
        """Show a page (built the first time); it refreshes only if a change it shows happened
        while hidden (or it was never loaded)."""
        self.page(PAGE_KEYS[index])
        self.pages.setCurrentIndex(index)
        return self.refresher.shown(index)

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
        if self.residents.for_children:  # a child on the bed board: its record
            await self.residents.open_child_record(resident_id)
        else:
            await self.residents.open_resident(resident_id)

    def _admit_into(self, bed: BedView) -> None:
        self.navigation.setCurrentRow(PAGE_KEYS.index("residents"))
        self.residents.start_admission(bed)

    def _start_check(self, schedule_id: uuid.UUID, draft_id: uuid.UUID | None) -> None:
        self.navigation.setCurrentRow(PAGE_KEYS.index("inspections"))
        self.inspections.start_scheduled(schedule_id, draft_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.shutdown()
        if not self.closed.done():
            self.closed.set_result(None)
        super().closeEvent(event)


async def _settle(refresh: asyncio.Future[Any] | None) -> None:
    if refresh is not None:
        await refresh
