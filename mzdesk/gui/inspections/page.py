"""安全检查: the inspections (filters; open one — a draft to carry on, a finished one read-only
with 更正), new inspections, the home's schedules, and the open hazards with overdue ones
impossible to miss. Every write goes through the one writer (``ctx.change``)."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.changes import Changes
from mzdesk.core.permissions import Permission
from mzdesk.core.vocab import InspectionState, InspectionType
from mzdesk.gui.inspections.amend_dialog import AmendDialog
from mzdesk.gui.inspections.draw import open_draws
from mzdesk.gui.inspections.hazards import TABLES as HAZARD_TABLES
from mzdesk.gui.inspections.hazards import HazardsPanel
from mzdesk.gui.inspections.inspecting import InspectingDialog
from mzdesk.gui.inspections.printing import PrintBar
from mzdesk.gui.inspections.schedules_dialog import manage_schedules
from mzdesk.gui.inspections.sign_dialog import SignDialog
from mzdesk.gui.inspections.start_dialog import StartDialog
from mzdesk.gui.inspections.templates import checklists_button
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.dialog import wait_for
from mzdesk.gui.widgets.flow import FlowLayout
from mzdesk.gui.widgets.inputs import fill_vocab, from_qdate, vocab_value
from mzdesk.gui.widgets.labels import heading
from mzdesk.gui.widgets.palette import ORANGE
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.hazards import HazardFilter, list_hazards
from mzdesk.services.inspecting.finish import amend_inspection, finish_inspection
from mzdesk.services.inspecting.flow import discard_draft, start_draft
from mzdesk.services.inspecting.listing import InspectionFilter, InspectionRow, inspection_rows
from mzdesk.services.inspecting.schedules import ScheduleView, list_schedules
from mzdesk.services.inspecting.templates import available_checklists

NO_DATE = QDate(2000, 1, 1)  # a date filter at its minimum reads 不限
STATE_COLOURS = {InspectionState.DRAFT: QColor(ORANGE), InspectionState.AMENDED: QColor("#6a3fa0")}


def _date_filter() -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(tr("不限"))
    edit.setDate(NO_DATE)
    return edit


class InspectionsPage(QWidget):
    dialog_opened = Signal(QWidget)  # tests and screenshots follow the dialogs a flow opens
    # what the page shows: the shell refreshes it when a change touches one of these
    tables = (
        frozenset(
            {
                "inspections",
                "inspection_results",
                "inspection_amendments",
                "inspection_schedules",
                "checklist_templates",
            }
        )
        | HAZARD_TABLES
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.can(Permission.INSPECTIONS_EDIT)
        self.rows: list[InspectionRow] = []
        self._asked = 0  # list loads asked for; only the latest is shown
        self.open_dialogs: dict[uuid.UUID, InspectingDialog] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.alert = QLabel()
        self.alert.setWordWrap(True)
        layout.addWidget(self.alert)
        bar = FlowLayout()  # wraps on a narrow screen (one line asked for 1125 px)
        self.new_button = QPushButton(tr("新建检查…"))
        self.new_button.setEnabled(self.can_edit)
        self.new_button.clicked.connect(self.start_new)
        self.open_button = QPushButton(tr("打开"))
        self.open_button.clicked.connect(self._open_selected)
        self.discard_button = QPushButton(tr("删除草稿…"))
        self.discard_button.setEnabled(self.can_edit)
        self.discard_button.clicked.connect(self.discard_selected)
        self.schedules_button = QPushButton(tr("检查计划…"))
        self.schedules_button.clicked.connect(self.show_schedules)
        self.draw_button = QPushButton(tr("双随机抽取…"))
        self.draw_button.clicked.connect(lambda: open_draws(self.ctx, self))
        for button in (
            self.new_button,
            self.open_button,
            self.discard_button,
            self.schedules_button,
            checklists_button(ctx, self),  # part A: 检查表 (templates, a home's versions)
            self.draw_button,  # 双随机 draws: gui/inspections/draw.py
        ):
            bar.addWidget(button)
        bar.addSpacing(24)
        self.state = QComboBox()
        fill_vocab(self.state, InspectionState, empty=tr("全部状态"))
        self.kind = QComboBox()
        fill_vocab(self.kind, InspectionType, empty=tr("全部类型"))
        self.date_from, self.date_to = _date_filter(), _date_filter()
        for label, widget in (
            ("", self.state),
            ("", self.kind),
            (tr("日期从"), self.date_from),
            (tr("到"), self.date_to),
        ):
            if label:
                bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        for combo in (self.state, self.kind):
            combo.currentIndexChanged.connect(self._load_inspections)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._load_inspections)
        bar.addStretch(1)
        self.count = QLabel()
        bar.addWidget(self.count)
        layout.addLayout(bar)
        layout.addWidget(heading(tr("检查记录")))
        self.inspections = make_table(
            [
                tr("日期"),
                tr("类型"),
                tr("检查表"),
                tr("版本"),
                tr("检查人"),
                tr("状态"),
                tr("已检查"),
                tr("不合格项"),
            ],
            right_aligned=(6, 7),
        )
        self.inspections.doubleClicked.connect(self._open_selected)
        layout.addWidget(self.inspections, 2)
        self.printing = PrintBar(ctx, self.selected_inspection)  # part E: 打印报告 / 整改通知书
        layout.addWidget(self.printing)
        layout.addWidget(heading(tr("隐患台账")))
        self.hazards = HazardsPanel(ctx)  # part D
        layout.addWidget(self.hazards, 2)

    @property
    def shown(self) -> list[uuid.UUID]:
        """The inspections listed, in the table's order."""
        return [r.id for r in self.rows]

    def selected_inspection(self) -> uuid.UUID | None:
        row = self.inspections.selected_row()
        return self.rows[row].id if row is not None and row < len(self.rows) else None

    def _show(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open() if hasattr(dialog, "open") else dialog.show()
        self.dialog_opened.emit(dialog)

    # -- loading -------------------------------------------------------------------------------
    @async_slot()
    async def refresh(self) -> None:
        await self._load_hazards()
        await self._load_inspections()

    def refresh_changed(self, changes: Changes) -> asyncio.Future[None] | None:
        """While shown: an answer typed in an inspecting screen reloads the list alone."""
        if changes.touches(HAZARD_TABLES):
            return self.refresh()
        return self._load_inspections()

    def filters(self) -> InspectionFilter:
        def date(edit: QDateEdit) -> dt.date | None:
            return None if edit.date() == NO_DATE else from_qdate(edit.date())

        return InspectionFilter(
            vocab_value(self.state, InspectionState),
            vocab_value(self.kind, InspectionType),
            date(self.date_from),
            date(self.date_to),
        )

    @async_slot()
    async def _load_inspections(self) -> None:
        ctx = self.ctx
        self._asked += 1
        asked = self._asked
        rows = await ctx.worker.read(inspection_rows, ctx.store, ctx.institution.id, self.filters())
        if asked != self._asked:
            return  # the filters changed meanwhile: a newer answer is on its way
        self.rows = rows
        self.inspections.show_rows(
            [
                (
                    r.inspected_on.isoformat(),
                    r.inspection_type.label,
                    r.title,
                    r.version,
                    r.inspectors,
                    r.state.label,
                    str(r.answered),
                    str(r.failed),
                )
                for r in rows
            ],
            [STATE_COLOURS.get(r.state) for r in rows],
            colour_columns=[5],
        )
        self.count.setText(tr("共 {n} 次检查").format(n=len(rows)))

    async def _load_hazards(self) -> None:
        overdue = await self.ctx.worker.read(
            list_hazards,
            self.ctx.store,
            self.ctx.institution.id,
            HazardFilter(overdue_only=True),
        )
        self.hazards.refresh()
        if overdue:
            self.alert.setText(
                tr("⚠ 有 {n} 项隐患已超过整改期限，请尽快整改并复查销号。").format(n=len(overdue))
            )
            self.alert.setStyleSheet(
                "background: #fdecea; color: #b3261e; padding: 8px; font-size: 14px;"
                " border-radius: 4px;"
            )
        else:
            self.alert.setText(tr("没有超期未整改的隐患。"))
            self.alert.setStyleSheet(
                "background: #e3f4e4; color: #2e7d32; padding: 8px; border-radius: 4px;"
            )

    # -- starting and opening ----------------------------------------------------------------------
    def start_new(self) -> None:
        self.start(None)

    @async_slot(object)
    async def start(self, schedule: ScheduleView | None) -> None:
        ctx = self.ctx
        me = ctx.user.display_name if ctx.user is not None else ""
        choices = await ctx.worker.read(
            available_checklists, ctx.store, ctx.institution.id, ctx.institution.kind
        )
        dialog = StartDialog(
            ctx.institution.id,
            choices,
            inspectors=me,
            template_id=schedule.template_id if schedule else None,
            inspection_type=schedule.inspection_type if schedule else None,
            schedule_id=schedule.id if schedule else None,
            parent=self,
        )

        async def submit() -> None:
            inspection_id = await ctx.change(start_draft, dialog.data())
            await self.open_inspection(inspection_id)

        dialog.submit = submit
        self._show(dialog)

    @async_slot(object, object)
    async def start_scheduled(self, schedule_id: uuid.UUID, draft_id: uuid.UUID | None) -> None:
        """From 首页: carry on with this period's draft, or start one from the schedule."""
        if draft_id is not None:
            await self.open_inspection(draft_id)
            return
        schedules = await self.ctx.worker.read(
            list_schedules, self.ctx.store, self.ctx.institution.id
        )
        found = next((s for s in schedules if s.id == schedule_id), None)
        if found is not None:
            await self.start(found)

    def _open_selected(self) -> None:
        row = self.inspections.selected_row()
        if row is not None and row < len(self.rows):
            self.open_inspection(self.rows[row].id)

    @async_slot()
    async def discard_selected(self) -> None:
        """A draft started by mistake, asked first; a finished one is corrected instead."""
        row = self.inspections.selected_row()
        if row is None or row >= len(self.rows):
            return
        chosen = self.rows[row]
        if chosen.state is not InspectionState.DRAFT:
            self.count.setText(tr("只能删除草稿；已完成的检查请打开后“更正…”。"))
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("删除草稿"),
            tr("删除 {date} 的检查草稿（{title}，已填 {n} 项）？").format(
                date=chosen.inspected_on.isoformat(), title=chosen.title, n=chosen.answered
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        self.dialog_opened.emit(box)
        if await wait_for(box) == QMessageBox.StandardButton.Yes.value:
            shown = self.open_dialogs.pop(chosen.id, None)
            if shown is not None:
                shown.close()
            await self.ctx.change(discard_draft, chosen.id)

    @async_slot(object)
    async def open_inspection(self, inspection_id: uuid.UUID) -> None:
        shown = self.open_dialogs.get(inspection_id)
        if shown is not None:
            shown.raise_()
            shown.activateWindow()
            return
        dialog = await InspectingDialog.load(self.ctx, inspection_id, self)
        dialog.finish_requested.connect(lambda: self._finish(dialog))
        dialog.amend_requested.connect(lambda: self._amend(dialog))
        dialog.finished.connect(lambda _: self.open_dialogs.pop(inspection_id, None))
        self.open_dialogs[inspection_id] = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.tree.setFocus()
        self.dialog_opened.emit(dialog)

    # -- finishing and correcting --------------------------------------------------------------------
    @async_slot()
    async def _finish(self, inspecting: InspectingDialog) -> None:
        await inspecting.settled()  # every answer written before anyone signs
        failed = sum(1 for r in inspecting.results.values() if r.value == "fail")
        dialog = SignDialog(inspecting.detail.inspectors, failed, parent=inspecting)

        async def submit() -> None:
            hazards = await self.ctx.change(
                finish_inspection,
                inspecting.detail.id,
                dialog.signatures(),
                summary=dialog.conclusion(),
            )
            await inspecting.reload()
            inspecting.say(
                tr("检查已完成并签名，已登记 {n} 项隐患。").format(n=len(hazards))
                if hazards
                else tr("检查已完成并签名。")
            )

        dialog.submit = submit
        self._show(dialog)

    def _amend(self, inspecting: InspectingDialog) -> None:
        dialog = AmendDialog(inspecting.detail, parent=inspecting)

        async def submit() -> None:
            await self.ctx.change(
                amend_inspection,
                inspecting.detail.id,
                dialog.corrections(),
                dialog.reason.text(),
            )
            await inspecting.reload()

        dialog.submit = submit
        self._show(dialog)

    # -- schedules ------------------------------------------------------------------------------------
    @async_slot()
    async def show_schedules(self) -> None:
        await manage_schedules(self.ctx, self, self._show, self.dialog_opened.emit)
