"""护理员与培训 and 安全检查: what is recorded, with overdue hazards impossible to miss."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from mzdesk.core.vocab import HazardLevel
from mzdesk.gui.context import AppContext
from mzdesk.gui.runtime import async_slot
from mzdesk.gui.widgets import QT_TR_NOOP, tr
from mzdesk.services.inspections import list_inspections, open_hazards
from mzdesk.services.workers import list_trainings, list_workers


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([tr(h) for h in headers])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def _fill(
    table: QTableWidget, rows: Sequence[Sequence[str]], colours: Sequence[QColor | None] = ()
) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if r < len(colours) and colours[r] is not None:
                item.setForeground(colours[r])  # type: ignore[arg-type]
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 16px; font-weight: bold; margin-top: 6px;")
    return label


class WorkersPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(_heading(tr("在职人员")))
        self.workers = _table(
            [QT_TR_NOOP("姓名"), QT_TR_NOOP("岗位"), QT_TR_NOOP("技能等级"), QT_TR_NOOP("入职日期")]
        )
        layout.addWidget(self.workers, 1)
        layout.addWidget(_heading(tr("培训记录")))
        self.trainings = _table(
            [
                QT_TR_NOOP("培训主题"),
                QT_TR_NOOP("类别"),
                QT_TR_NOOP("日期"),
                QT_TR_NOOP("学时"),
                QT_TR_NOOP("参训"),
                QT_TR_NOOP("合格"),
            ]
        )
        layout.addWidget(self.trainings, 1)
        note = QLabel(
            tr(
                "护理员与培训可用“mzdesk import workers”导入；培训登记、证书打印与岗前培训率统计将在后续版本提供。"
            )
        )
        note.setStyleSheet("color: #667;")
        note.setWordWrap(True)
        layout.addWidget(note)
        ctx.worker.changed.connect(self.refresh)

    @async_slot()
    async def refresh(self) -> None:
        workers = await self.ctx.worker.read(list_workers, self.ctx.store, self.ctx.institution.id)
        trainings = await self.ctx.worker.read(
            list_trainings, self.ctx.store, self.ctx.institution.id
        )
        _fill(
            self.workers,
            [
                (w.name, w.occupation.label, w.skill_level.label, w.hired_on.isoformat())
                for w in workers
            ],
        )
        _fill(
            self.trainings,
            [
                (
                    t.topic,
                    t.category.label,
                    t.start_date.isoformat()
                    + ("" if t.end_date == t.start_date else f" – {t.end_date.isoformat()}"),
                    f"{t.hours}",
                    str(t.attendees),
                    str(t.passed),
                )
                for t in trainings
            ],
        )


class InspectionsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.alert = QLabel()
        self.alert.setWordWrap(True)
        layout.addWidget(self.alert)
        layout.addWidget(_heading(tr("未销号隐患")))
        self.hazards = _table(
            [
                QT_TR_NOOP("隐患"),
                QT_TR_NOOP("级别"),
                QT_TR_NOOP("状态"),
                QT_TR_NOOP("发现日期"),
                QT_TR_NOOP("整改期限"),
                QT_TR_NOOP("责任人"),
            ]
        )
        layout.addWidget(self.hazards, 1)
        layout.addWidget(_heading(tr("检查记录")))
        self.inspections = _table(
            [
                QT_TR_NOOP("检查表"),
                QT_TR_NOOP("版本"),
                QT_TR_NOOP("日期"),
                QT_TR_NOOP("类型"),
                QT_TR_NOOP("检查人"),
                QT_TR_NOOP("不合格项"),
                QT_TR_NOOP("状态"),
            ]
        )
        layout.addWidget(self.inspections, 1)
        ctx.worker.changed.connect(self.refresh)

    @async_slot()
    async def refresh(self) -> None:
        hazards = await self.ctx.worker.read(open_hazards, self.ctx.store, self.ctx.institution.id)
        inspections = await self.ctx.worker.read(
            list_inspections, self.ctx.store, self.ctx.institution.id
        )
        today = dt.date.today()
        overdue = [h for h in hazards if h.overdue(today)]
        red, orange = QColor("#b3261e"), QColor("#b26a00")
        _fill(
            self.hazards,
            [
                (
                    h.description,
                    h.level.label,
                    h.status.label + (tr("（已超期）") if h.overdue(today) else ""),
                    h.found_on.isoformat(),
                    h.deadline.isoformat(),
                    h.responsible_person or "",
                )
                for h in hazards
            ],
            [
                red if h.overdue(today) else orange if h.level is HazardLevel.MAJOR else None
                for h in hazards
            ],
        )
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
        _fill(
            self.inspections,
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
