"""隐患台账: every hazard of the home, filtered by status, level and overdue, overdue rows in
red; a hazard opens on its own page; 复查 follows up the selected hazard's inspection; the
ledger imports and exports through the shared 导入/导出 menu."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.permissions import Permission
from mzdesk.core.vocab import HazardLevel, HazardStatus
from mzdesk.gui.inspections.follow_up import FollowUpDialog
from mzdesk.gui.inspections.hazard_dialog import HazardDialog, status_text
from mzdesk.gui.inspections.hazard_settings import DeadlineSettingsDialog
from mzdesk.gui.inspections.new_hazard import NewHazardDialog
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.flow import FlowLayout
from mzdesk.gui.widgets.inputs import fill_vocab, vocab_value
from mzdesk.gui.widgets.palette import ORANGE, RED
from mzdesk.gui.widgets.table import make_table
from mzdesk.gui.widgets.table_menu import TableMenuButton
from mzdesk.services.hazards import HazardFilter, HazardRow, list_hazards
from mzdesk.services.tables.columns import Kind

# what the panel shows: the page refreshes it when a change touches one of these
TABLES = frozenset({"hazards", "hazard_events", "hazard_follow_ups", "attachments"})
OPEN_STATUSES = "open"  # the status filter's first choice: every status but 已销号


class HazardsPanel(QWidget):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fixed_today = today  # tests fix the day; the app reads the clock each time
        self.rows: list[HazardRow] = []
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = FlowLayout()
        self.status = QComboBox()
        fill_vocab(self.status, HazardStatus, empty=tr("全部状态"))
        self.status.insertItem(0, tr("未销号"), OPEN_STATUSES)
        self.status.setCurrentIndex(0)
        self.level = QComboBox()
        fill_vocab(self.level, HazardLevel, empty=tr("全部等级"))
        self.overdue = QCheckBox(tr("只看超期"))
        self.new_button = QPushButton(tr("登记隐患…"), self)
        self.new_button.setVisible(ctx.can(Permission.INSPECTIONS_EDIT))
        self.open_button = QPushButton(tr("打开"))
        self.follow_up_button = QPushButton(tr("复查…"), self)
        self.follow_up_button.setToolTip(tr("对所选隐患所在的检查进行复查：只带入未销号的隐患"))
        self.follow_up_button.setVisible(ctx.can(Permission.INSPECTIONS_EDIT))
        self.settings_button = QPushButton(tr("整改期限设置…"), self)
        self.settings_button.setVisible(ctx.can(Permission.INSPECTIONS_EDIT))
        self.io = TableMenuButton(ctx, [Kind.HAZARDS])
        for widget in (self.status, self.level, self.overdue):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.count = QLabel()
        for button in (
            self.count,
            self.new_button,
            self.open_button,
            self.follow_up_button,
            self.settings_button,
            self.io,
        ):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.table = make_table(
            [
                tr("隐患描述"),
                tr("等级"),
                tr("状态"),
                tr("发现日期"),
                tr("整改期限"),
                tr("责任人"),
                tr("复查"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.level.currentIndexChanged.connect(lambda _i: self.refresh())
        self.overdue.toggled.connect(lambda _c: self.refresh())
        self.open_button.clicked.connect(self._open)
        self.follow_up_button.clicked.connect(self._follow_up)
        self.settings_button.clicked.connect(self.open_settings)
        self.new_button.clicked.connect(self.open_new)
        self.table.doubleClicked.connect(lambda _i: self._open())
        self.table.activated.connect(lambda _i: self._open())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    @property
    def today(self) -> dt.date:
        """Overdue is judged on the day shown (an app left open past midnight moves on)."""
        return self.fixed_today or dt.date.today()

    def wanted(self) -> HazardFilter:
        chosen = self.status.currentData()
        return HazardFilter(
            status=vocab_value(self.status, HazardStatus) if chosen != OPEN_STATUSES else None,
            level=vocab_value(self.level, HazardLevel),
            overdue_only=self.overdue.isChecked(),
            open_only=chosen == OPEN_STATUSES,
        )

    @async_slot()
    async def refresh(self) -> None:
        rows = await self.ctx.worker.read(
            list_hazards, self.ctx.store, self.ctx.institution.id, self.wanted(), today=self.today
        )
        self.show_hazards(rows)

    def show_hazards(self, rows: Sequence[HazardRow]) -> None:
        kept = self.selected()
        self.rows = list(rows)
        red, orange = QColor(RED), QColor(ORANGE)

        def colour(h: HazardRow) -> QColor | None:
            if h.overdue:
                return red
            major_open = h.level is HazardLevel.MAJOR and h.status is not HazardStatus.CLOSED
            return orange if major_open else None

        self.table.show_rows(
            [
                (
                    h.description,
                    h.level.label,
                    status_text(h),
                    str(h.found_on),
                    str(h.deadline) + (tr("（已延期）") if h.extended else ""),
                    h.responsible_person or "",
                    f"{h.rechecked_by} {h.rechecked_on}" if h.rechecked_on else "",
                )
                for h in self.rows
            ],
            [colour(h) for h in self.rows],
            tooltip_columns=(0,),
        )
        overdue = sum(h.overdue for h in self.rows)
        text = tr("共 {n} 项").format(n=len(self.rows))
        if overdue:
            text += tr("，{n} 项超期").format(n=overdue)
        self.count.setText(text)
        self.count.setStyleSheet(f"color: {RED}; font-weight: bold;" if overdue else "")
        if kept is not None:
            self.select(kept)
        self._update_buttons()

    def selected(self) -> uuid.UUID | None:
        row = self.table.selected_row()
        return self.rows[row].id if row is not None and row < len(self.rows) else None

    def select(self, hazard_id: uuid.UUID) -> bool:
        for row, hazard in enumerate(self.rows):
            if hazard.id == hazard_id:
                self.table.selectRow(row)
                return True
        return False

    def _selected_row(self) -> HazardRow | None:
        row = self.table.selected_row()
        return self.rows[row] if row is not None and row < len(self.rows) else None

    def _open(self) -> HazardDialog | None:
        hazard_id = self.selected()
        if hazard_id is None:
            return None
        dialog = HazardDialog(self.ctx, hazard_id, self.window(), today=self.today)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
        self.dialog = dialog
        return dialog

    def _follow_up(self) -> FollowUpDialog | None:
        row = self._selected_row()
        if row is None or row.inspection_id is None:
            return None
        dialog = FollowUpDialog(self.ctx, row.inspection_id, self.window(), today=self.today)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
        self.dialog = dialog
        return dialog

    def open_new(self) -> NewHazardDialog:
        dialog = NewHazardDialog(self.ctx, self.window(), today=self.today)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
        self.dialog = dialog
        return dialog

    def open_settings(self) -> DeadlineSettingsDialog:
        dialog = DeadlineSettingsDialog(self.ctx, self.window())
        dialog.open()
        self.dialog = dialog
        return dialog

    def _update_buttons(self) -> None:
        row = self._selected_row()
        self.open_button.setEnabled(row is not None)
        self.follow_up_button.setEnabled(row is not None and row.inspection_id is not None)
