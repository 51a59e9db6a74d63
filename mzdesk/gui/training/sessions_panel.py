"""培训记录: the sessions, newest first, and the buttons that start a new one or open one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.workers import TrainingSummary


def dates_text(start: object, end: object) -> str:
    return f"{start}" if start == end else f"{start} – {end}"


class SessionsPanel(QWidget):
    open_session = Signal(object)  # the session's id
    new_clicked = Signal()

    def __init__(self, can_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions: list[TrainingSummary] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.bar = bar = QHBoxLayout()  # the panel's buttons (the lead adds 导入/导出 here)
        self.new_button = QPushButton(tr("新建培训（批量签到）"), self)
        self.new_button.setVisible(can_edit)
        self.open_button = QPushButton(tr("打开") if not can_edit else tr("打开/修改"))
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addStretch(1)
        self.count = QLabel()
        bar.addWidget(self.count)
        layout.addLayout(bar)
        # newest first, as read; rows map to ``sessions`` one to one
        self.table = make_table(
            [tr("日期"), tr("培训主题"), tr("类别"), tr("学时"), tr("参训"), tr("合格")],
            right_aligned=(3, 4, 5),
        )
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.new_button.clicked.connect(self.new_clicked)
        self.open_button.clicked.connect(self._open)
        self.table.doubleClicked.connect(lambda _i: self._open())
        self.table.activated.connect(lambda _i: self._open())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def show_sessions(self, sessions: Sequence[TrainingSummary]) -> None:
        kept = self.selected()
        self.sessions = list(sessions)
        self.table.show_rows(
            [
                (
                    dates_text(s.start_date, s.end_date),
                    s.topic,
                    s.category.label,
                    f"{s.hours}",
                    str(s.attendees),
                    str(s.passed),
                )
                for s in self.sessions
            ],
            tooltip_columns=(1,),
        )
        self.count.setText(tr("共 {n} 次培训").format(n=len(self.sessions)))
        if kept is not None:
            self.select(kept)
        self._update_buttons()

    def selected(self) -> uuid.UUID | None:
        row = self.table.selected_row()
        return self.sessions[row].id if row is not None and row < len(self.sessions) else None

    def select(self, session_id: uuid.UUID) -> bool:
        for row, session in enumerate(self.sessions):
            if session.id == session_id:
                self.table.selectRow(row)
                return True
        return False

    def _open(self) -> None:
        session_id = self.selected()
        if session_id is not None:
            self.open_session.emit(session_id)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected() is not None)
