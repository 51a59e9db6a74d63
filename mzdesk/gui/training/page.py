"""护理员与培训: the two rates on top with the names behind any gap, then the workers, the
training sessions and the training matrix, each on a tab. Every write goes through the one
writer (``ctx.change``); the page reloads from the shell's "changed" signal."""

from __future__ import annotations

import asyncio
import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from mzdesk.core.changes import Changes
from mzdesk.core.permissions import Permission
from mzdesk.core.vocab import InstitutionKind
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.training.matrix_panel import MatrixPanel
from mzdesk.gui.training.rates_panel import RatesPanel
from mzdesk.gui.training.requirements_dialog import RequirementsDialog
from mzdesk.gui.training.session_dialog import SessionDialog
from mzdesk.gui.training.session_page import SessionPage
from mzdesk.gui.training.sessions_panel import SessionsPanel
from mzdesk.gui.training.worker_dialog import LeaveDialog, WorkerDialog
from mzdesk.gui.training.worker_page import WorkerPage
from mzdesk.gui.training.workers_panel import WorkersPanel
from mzdesk.gui.widgets.table_menu import TableMenuButton
from mzdesk.services.tables.columns import Kind
from mzdesk.services.training import (
    set_training_requirements,
    training_requirements,
    update_worker,
    worker_detail,
    worker_rejoined,
)
from mzdesk.services.views import WorkerView
from mzdesk.services.workers import (
    WorkerData,
    list_trainings,
    list_workers,
    record_training_session,
    register_care_worker,
    worker_left,
)
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.training import training_matrix, training_statistics

# What each part of the page shows: a change to these tables reloads it.
PARTS: dict[str, frozenset[str]] = {
    "rates": frozenset(
        {"care_workers", "worker_certificates", "training_sessions", "training_attendance"}
    ),
    "workers": frozenset({"care_workers"}),
    "sessions": frozenset({"training_sessions", "training_attendance"}),
    "matrix": frozenset(
        {"care_workers", "training_sessions", "training_attendance", "training_requirements"}
    ),
}
TAB_PARTS = ["workers", "sessions", "matrix"]  # the tabs, in order


class WorkersPage(QWidget):
    dialog_opened = Signal(QWidget)  # tests and screenshots follow the dialogs a flow opens
    # what the page shows: the shell refreshes it when a change touches one of these
    tables = frozenset().union(*PARTS.values())

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.can(Permission.WORKERS_EDIT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        children = ctx.institution.kind is InstitutionKind.CHILDREN_HOME  # 育婴员/保育员
        self.rates = RatesPanel(children=children)
        layout.addWidget(self.rates)
        self.tabs = QTabWidget()
        self.workers = WorkersPanel(self.can_edit, children=children)
        self.sessions = SessionsPanel(self.can_edit)
        self.matrix = MatrixPanel(self.can_edit)
        # Excel in and out: workers and their certificates beside the list, ledgers beside
        # the sessions (the bars end with a count label; the button goes before it)
        self.workers_io = TableMenuButton(ctx, [Kind.WORKERS, Kind.CERTIFICATES])
        self.workers.bar.insertWidget(self.workers.bar.count() - 1, self.workers_io)
        self.sessions_io = TableMenuButton(ctx, [Kind.TRAINING])
        self.sessions.bar.insertWidget(self.sessions.bar.count() - 1, self.sessions_io)
        for io in (self.workers_io, self.sessions_io):
            io.message.connect(self.say)
        self.tabs.addTab(self.workers, tr("保育员") if children else tr("护理员"))
        self.tabs.addTab(self.sessions, tr("培训记录"))
        self.tabs.addTab(self.matrix, tr("培训矩阵"))
        layout.addWidget(self.tabs, 1)
        self.rates.open_worker.connect(self.open_worker)
        self.matrix.open_worker.connect(self.open_worker)
        self.matrix.edit_requirements.connect(self.start_requirements)
        self.workers.add_clicked.connect(self.start_add_worker)
        self.workers.leave_clicked.connect(self.start_leave)
        self.workers.rejoin_clicked.connect(self.start_rejoin)
        self.workers.open_worker.connect(self.open_worker)
        self.workers.edit_clicked.connect(lambda worker_id: self._edit_from_list(worker_id))
        self.sessions.new_clicked.connect(self.start_new_session)
        self.sessions.open_session.connect(self.open_session)
        self.loaded: asyncio.Future[None] | None = None
        self.dirty: set[str] = set(PARTS)  # parts not shown since they changed
        self.tabs.currentChanged.connect(self._tab_shown)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)

    def say(self, text: str) -> None:
        """A line in the main window's status bar (an export or a template written)."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)

    def focus_search(self) -> None:
        """Ctrl+F: the workers' search, as on the residents page."""
        self.tabs.setCurrentWidget(self.workers)
        self.workers.search.setFocus()
        self.workers.search.selectAll()

    # -- loading: the rates on top and the visible tab; a hidden tab when it is shown --------
    def _tab_part(self) -> str:
        return TAB_PARTS[self.tabs.currentIndex()]

    def refresh(self) -> asyncio.Future[None]:
        """Everything may have changed (first showing, a page shown after missed changes)."""
        self.dirty = set(PARTS)
        return self._load_shown()

    def refresh_changed(self, changes: Changes) -> asyncio.Future[None] | None:
        """While shown: reload only the parts whose tables the change touched (an attendee's
        result is no change to the workers' list) and, of the tabs, only the visible one."""
        self.dirty |= {part for part, tables in PARTS.items() if changes.touches(tables)}
        if not {"rates", self._tab_part()} & self.dirty:
            return None
        return self._load_shown()

    def _tab_shown(self) -> None:
        if self._tab_part() in self.dirty:
            self._load_shown()

    def _load_shown(self) -> asyncio.Future[None]:
        parts = [part for part in ("rates", self._tab_part()) if part in self.dirty]
        self.dirty -= set(parts)
        self.loaded = self._load(parts)
        return self.loaded

    @async_slot()
    async def _load(self, parts: list[str]) -> None:
        """Read on the reader threads, then show (the GUI thread only shows)."""
        ctx = self.ctx
        institution_id = ctx.institution.id
        if "rates" in parts:
            scope = Scope(institution_id=institution_id)
            self.rates.show_figures(await ctx.worker.read(training_statistics, ctx.store, scope))
        if "workers" in parts:
            workers = await ctx.worker.read(
                list_workers, ctx.store, institution_id, include_left=True
            )
            self.workers.show_workers(workers)
        if "sessions" in parts:
            self.sessions.show_sessions(
                await ctx.worker.read(list_trainings, ctx.store, institution_id)
            )
        if "matrix" in parts:
            self.matrix.show_matrix(
                await ctx.worker.read(training_matrix, ctx.store, institution_id)
            )

    def _show(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # type: ignore[attr-defined]
        self.dialog_opened.emit(dialog)

    # -- workers ------------------------------------------------------------------------------
    def start_add_worker(self) -> None:
        ctx = self.ctx
        dialog = WorkerDialog(ctx.institution.id, ctx.institution.kind, parent=self)

        async def submit() -> None:
            added = await ctx.change(register_care_worker, dialog.worker_data())
            await self.refresh()
            self.tabs.setCurrentWidget(self.workers)
            self.workers.select(added.id)

        dialog.submit = submit
        self._show(dialog)

    @async_slot(object)
    async def open_worker(self, worker_id: uuid.UUID) -> None:
        """The worker's page: particulars, certificates, training history, hours per year."""
        page = await WorkerPage.load(
            self.ctx, worker_id, self.can_edit, self._show, self.edit_worker, self
        )
        page.open_session.connect(self.open_session)
        self._show(page)

    @async_slot(object)
    async def _edit_from_list(self, worker_id: uuid.UUID) -> None:
        await self.edit_worker(worker_id, self)

    async def edit_worker(self, worker_id: uuid.UUID, parent: QWidget) -> None:
        ctx = self.ctx
        detail = await ctx.worker.read(worker_detail, ctx.store, worker_id)
        dialog = WorkerDialog(
            ctx.institution.id, ctx.institution.kind, worker_data(detail.worker), parent=parent
        )

        async def submit() -> None:
            await ctx.change(update_worker, worker_id, dialog.worker_data())
            if isinstance(parent, WorkerPage):
                await parent.reload()

        dialog.submit = submit
        self._show(dialog)

    def start_leave(self, worker_id: uuid.UUID) -> None:
        worker = next((w for w in self.workers.all if w.id == worker_id), None)
        if worker is None:
            return
        dialog = LeaveDialog(worker.name, parent=self)

        async def submit() -> None:
            await self.ctx.change(worker_left, worker_id, dialog.chosen_date())

        dialog.submit = submit
        self._show(dialog)

    def start_rejoin(self, worker_id: uuid.UUID) -> None:
        """撤销离职: a leave entered in error; asked first."""
        worker = next((w for w in self.workers.all if w.id == worker_id), None)
        if worker is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("撤销离职"),
            tr("「{name}」的离职登记有误？撤销后恢复为在职，离职日期清除，记入修改历史。").format(
                name=worker.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.finished.connect(lambda code: self._rejoin(code, worker_id))
        self._show(box)

    @async_slot()
    async def _rejoin(self, code: int, worker_id: uuid.UUID) -> None:
        if code == QMessageBox.StandardButton.Yes.value:
            await self.ctx.change(worker_rejoined, worker_id)

    # -- sessions -----------------------------------------------------------------------------
    @async_slot()
    async def start_new_session(self) -> None:
        ctx = self.ctx
        active = await ctx.worker.read(list_workers, ctx.store, ctx.institution.id)
        dialog = SessionDialog(ctx.institution.id, active, parent=self)

        async def submit() -> None:
            session_id = await ctx.change(record_training_session, dialog.training_data())
            await self.refresh()
            self.tabs.setCurrentWidget(self.sessions)
            self.sessions.select(session_id)

        dialog.submit = submit
        self._show(dialog)

    # -- the training matrix's requirements ----------------------------------------------------
    @async_slot()
    async def start_requirements(self) -> None:
        ctx = self.ctx
        lines = await ctx.worker.read(training_requirements, ctx.store, ctx.institution.id)
        dialog = RequirementsDialog(lines, read_only=not self.can_edit, parent=self)

        async def submit() -> None:
            await ctx.change(set_training_requirements, ctx.institution.id, dialog.lines())

        if self.can_edit:
            dialog.submit = submit
        self._show(dialog)

    @async_slot()
    async def open_session(self, session_id: uuid.UUID, parent: QWidget | None = None) -> None:
        """A session: its fields, its attendees, results and hours changed afterwards."""
        page = await SessionPage.load(
            self.ctx, session_id, self.can_edit, self._show, parent or self
        )
        self._show(page)


def worker_data(worker: WorkerView) -> WorkerData:
    """A worker's particulars as the edit form and ``update_worker`` take them."""
    return WorkerData(
        institution_id=worker.institution_id,
        name=worker.name,
        occupation=worker.occupation,
        hired_on=worker.hired_on,
        id_number=worker.id_number,
        gender=worker.gender,
        birth_date=worker.birth_date,
        phone=worker.phone,
        skill_level=worker.skill_level,
        note=worker.note,
        left_on=worker.left_on,
    )
