"""养育记录: every arrangement of a child's upbringing (group or unit, schooling,
rehabilitation, medical care), newest first, with who recorded it and when. None is ever
overwritten: a change is a new arrangement from a day on (养育安排 in the 儿童档案)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from mzdesk.gui.residents.record_rows import local_time
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.labels import note
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.children import UpbringingView, upbringing_history

WIDEST = 240  # the free-text columns; the whole text is in the tooltip


def history_rows(history: list[UpbringingView]) -> list[list[str]]:
    return [
        [
            h.effective_on.isoformat(),
            h.arrangement.label,
            h.group_name or "",
            h.school_stage.label,
            h.school_name or "",
            h.rehabilitation or "",
            h.medical or "",
            h.note or "",
            h.recorded_by or tr("其他设备"),
            local_time(h.recorded_at) if h.recorded_at else "",
        ]
        for h in history
    ]


class UpbringingHistoryDialog(QDialog):
    """Read-only; filled by :meth:`load` (on the worker)."""

    def __init__(self, ctx: AppContext, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("养育记录：{name}").format(name=name))
        self.resize(1000, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr(
                    "「{name}」的每一次养育安排（最新在前）。调整安排时登记新的一条，"
                    "以前的安排保留。"
                ).format(name=name)
            )
        )
        self.table = make_table(
            [
                tr("起始日期"),
                tr("养育方式"),
                tr("小组/单元"),
                tr("就学情况"),
                tr("学校"),
                tr("康复"),
                tr("医疗"),
                tr("备注"),
                tr("记录人"),
                tr("记录时间"),
            ]
        )
        layout.addWidget(self.table, 1)
        self.empty = QLabel(tr("尚未登记养育安排。"))
        self.empty.hide()
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    async def load(self, resident_id: uuid.UUID) -> None:
        history = await self.ctx.worker.read(upbringing_history, self.ctx.store, resident_id)
        rows = history_rows(history)
        self.table.show_rows(rows, tooltip_columns=(5, 6, 7))
        for column in (5, 6, 7):
            if self.table.columnWidth(column) > WIDEST:
                self.table.setColumnWidth(column, WIDEST)
        self.empty.setVisible(not rows)
