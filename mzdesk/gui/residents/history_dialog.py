"""A resident's record: what happened in date order (admission and bed, leaves, bed
transfers, assessments, discharge), and who changed the record, when, and each field from
what to what (newest first). An administrator corrects a wrong date from here (更正日期).

One table row per changed field (fixed row heights, the one table idiom); the time, the user,
the record and the action are written on an entry's first row only, so entries read as
blocks. ID numbers are masked; a user who may see them ticks 显示完整身份证号 (audited).
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.permissions import Permission
from mzdesk.gui.residents.correction_dialog import CorrectionDialog
from mzdesk.gui.residents.record_rows import event_rows, history_rows
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.labels import heading, note
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.history import reveal_id_numbers
from mzdesk.services.resident_record import ResidentRecord, resident_record


class HistoryDialog(FormDialog):
    """Read-only, with Close; 更正日期 for those who may correct dates."""

    def __init__(
        self, ctx: AppContext, record: ResidentRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record = record
        self.resident_id = record.resident.id
        self.revealed = False
        self.setWindowTitle(tr("档案与历史：{name}").format(name=record.resident.name))
        self.resize(920, 600)
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(heading(tr("经历（按日期）")))
        self.events = make_table([tr("日期"), tr("事件"), tr("详情")])
        top_layout.addWidget(self.events, 1)
        split.addWidget(top)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        title = QHBoxLayout()
        title.addWidget(heading(tr("修改历史")))
        title.addStretch(1)
        self.full_ids = QCheckBox(tr("显示完整身份证号"))
        self.full_ids.setVisible(ctx.can(Permission.IDS_REVEAL))
        self.full_ids.toggled.connect(self._reveal)
        title.addWidget(self.full_ids)
        bottom_layout.addLayout(title)
        bottom_layout.addWidget(
            note(
                tr(
                    "「{name}」的档案及其联系人、外出、住床与评估记录的每一次修改（最新在前）。"
                ).format(name=record.resident.name)
            )
        )
        self.table = make_table(
            [tr("时间"), tr("用户"), tr("记录"), tr("操作"), tr("字段"), tr("原值"), tr("新值")]
        )
        bottom_layout.addWidget(self.table, 1)
        self.empty = QLabel(tr("暂无记录。"))
        bottom_layout.addWidget(self.empty)
        split.addWidget(bottom)
        split.setSizes([220, 380])
        layout.addWidget(split, 1)
        layout.addWidget(self.make_error_label())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.correct_button = QPushButton(tr("更正日期…"))
        self.correct_button.clicked.connect(self.start_correction)
        buttons.addButton(self.correct_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.correct_button.setVisible(ctx.can(Permission.RECORDS_CORRECT))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.show_record(record)

    def show_record(self, record: ResidentRecord) -> None:
        self.record = record
        self.events.show_rows(event_rows(record.events))
        rows = history_rows(record.history, self.resident_id, revealed=self.revealed)
        self.table.show_rows(rows, tooltip_columns=(5, 6))
        for column, most in ((5, 220), (6, 220)):
            if self.table.columnWidth(column) > most:
                self.table.setColumnWidth(column, most)
        self.empty.setVisible(not rows)

    @async_slot()
    async def _reveal(self, on: bool) -> None:
        if on:  # each look is written to the audit trail
            await self.ctx.change(reveal_id_numbers, [self.resident_id])
        self.revealed = on
        await self.reload()

    async def reload(self) -> None:
        self.show_record(
            await self.ctx.worker.read(resident_record, self.ctx.store, self.resident_id)
        )

    def start_correction(self) -> None:
        dialog = CorrectionDialog(self.ctx, self.record, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._corrected)
        dialog.open()
        self.correction = dialog  # tests and screenshots find it here

    @async_slot()
    async def _corrected(self) -> None:
        await self.reload()

    @classmethod
    async def load(
        cls, ctx: AppContext, resident_id: uuid.UUID, parent: QWidget | None = None
    ) -> HistoryDialog:
        """Read the resident's record and history on the worker, then build the dialog."""
        return cls(ctx, await ctx.worker.read(resident_record, ctx.store, resident_id), parent)
