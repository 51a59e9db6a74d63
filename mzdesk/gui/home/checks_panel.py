"""首页's 今日检查: each recurring check of the home — due today (开始 / 继续), done, or missed
on earlier days, weeks or months — with a click to start it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mzdesk.core.i18n import text
from mzdesk.core.vocab import ScheduleFrequency
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.palette import GREEN, RED
from mzdesk.stats.schedules import ScheduledCheck

SHOWN_MISSED = 5


def period_text(frequency: ScheduleFrequency, start: dt.date) -> str:
    if frequency is ScheduleFrequency.MONTHLY:
        return start.strftime("%Y-%m")
    if frequency is ScheduleFrequency.WEEKLY:
        return tr("{date}当周").format(date=start.isoformat())
    return start.isoformat()


def missed_text(check: ScheduledCheck) -> str:
    if not check.missed:
        return ""
    shown = text("list.separator").join(
        period_text(check.frequency, d) for d in check.missed[:SHOWN_MISSED]
    )
    more = len(check.missed) - SHOWN_MISSED
    return tr("漏检 {n} 次：{periods}").format(n=len(check.missed), periods=shown) + (
        tr(" 等") if more > 0 else ""
    )


class ChecksPanel(QFrame):
    start_check = Signal(object, object)  # schedule id, this period's draft id (or None)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checks")
        self.setStyleSheet(
            "#checks { background: white; border: 1px solid #d8dee6; border-radius: 8px; }"
        )
        layout = QVBoxLayout(self)
        title = QLabel(tr("今日检查"))
        title.setStyleSheet("color: #566; font-size: 13px;")
        layout.addWidget(title)
        self.grid = QGridLayout()
        layout.addLayout(self.grid)
        self.empty = QLabel(tr("没有检查计划（在“安全检查”页的“检查计划…”中设置）"))
        self.empty.setStyleSheet("color: #667;")
        layout.addWidget(self.empty)
        self.buttons: dict[uuid.UUID, QPushButton] = {}

    def show_checks(self, checks: Sequence[ScheduledCheck]) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = {}
        self.empty.setVisible(not checks)
        for row, check in enumerate(checks):
            name = QLabel(f"{check.name}（{check.frequency.label}）")
            name.setStyleSheet("font-size: 14px; font-weight: bold;")
            if check.due:
                state = QLabel(tr("草稿未完成") if check.draft_id else tr("待检查"))
                state.setStyleSheet(f"color: {RED}; font-weight: bold;")
            else:
                state = QLabel(tr("已完成"))
                state.setStyleSheet(f"color: {GREEN};")
            missed = QLabel(missed_text(check))
            missed.setStyleSheet(f"color: {RED};")
            missed.setWordWrap(True)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(state, row, 1)
            self.grid.addWidget(missed, row, 2)
            if check.due:
                button = QPushButton(tr("继续检查") if check.draft_id else tr("开始检查"))
                button.clicked.connect(
                    lambda _=False, c=check: self.start_check.emit(c.schedule_id, c.draft_id)
                )
                self.buttons[check.schedule_id] = button
                self.grid.addWidget(button, row, 3)
        self.grid.setColumnStretch(2, 1)
