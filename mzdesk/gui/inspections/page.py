"""安全检查: inspections and open hazards, with overdue hazards impossible to miss."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from mzdesk.gui.inspections.draw import open_draws
from mzdesk.gui.inspections.hazards import TABLES as HAZARD_TABLES
from mzdesk.gui.inspections.hazards import HazardsPanel
from mzdesk.gui.inspections.printing import PrintBar
from mzdesk.gui.inspections.templates import checklists_button
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.labels import heading
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.inspections import list_inspections, open_hazards


class InspectionsPage(QWidget):
    # what the page shows: the shell refreshes it when a change touches one of these
    tables = frozenset({"inspections", "inspection_results", "checklist_templates"}) | HAZARD_TABLES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.alert = QLabel()
        self.alert.setWordWrap(True)
        layout.addWidget(self.alert)
        layout.addWidget(checklists_button(ctx, self), 0, Qt.AlignmentFlag.AlignRight)
        self.draw_button = QPushButton(tr("双随机抽取…"))  # gui/inspections/draw.py
        self.draw_button.clicked.connect(lambda: open_draws(self.ctx, self))
        layout.addWidget(self.draw_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(heading(tr("隐患台账")))
        self.hazards = HazardsPanel(ctx)
        layout.addWidget(self.hazards, 1)
        layout.addWidget(heading(tr("检查记录")))
        self.inspections = make_table(
            [
                tr("检查表"),
                tr("版本"),
                tr("日期"),
                tr("类型"),
                tr("检查人"),
                tr("不合格项"),
                tr("状态"),
            ]
        )
        layout.addWidget(self.inspections, 1)
        self.shown: list[uuid.UUID] = []  # the inspections listed, in the table's order
        self.printing = PrintBar(ctx, self.selected_inspection)
        layout.addWidget(self.printing)

    def selected_inspection(self) -> uuid.UUID | None:
        row = self.inspections.selected_row()
        return self.shown[row] if row is not None and row < len(self.shown) else None

    @async_slot()
    async def refresh(self) -> None:
        hazards = await self.ctx.worker.read(open_hazards, self.ctx.store, self.ctx.institution.id)
        inspections = await self.ctx.worker.read(
            list_inspections, self.ctx.store, self.ctx.institution.id
        )
        today = dt.date.today()
        overdue = [h for h in hazards if h.overdue(today)]
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
        self.shown = [i.id for i in inspections]
        self.inspections.show_rows(
            [
                (
                    i.title,
                    i.version,
                    i.inspected_on.isoformat(),
                    i.inspection_type.label,
                    i.inspectors,
                    str(i.failed),
                    i.status.label,
                )
                for i in inspections
            ],
        )
