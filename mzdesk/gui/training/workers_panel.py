"""护理员: the list of workers (search by name or pinyin initials; leavers on a toggle) and
the buttons that start the flows (the page runs them)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.identifiers import mask_id_number
from mzdesk.core.vocab import WorkerStatus
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.training.attendance_picker import matches
from mzdesk.gui.widgets.flow import FlowLayout
from mzdesk.gui.widgets.palette import GREY
from mzdesk.gui.widgets.table import make_table
from mzdesk.services.views import WorkerView


class WorkersPanel(QWidget):
    open_worker = Signal(object)  # the worker's id (double click, Enter, 查看)
    add_clicked = Signal()
    leave_clicked = Signal(object)
    edit_clicked = Signal(object)
    rejoin_clicked = Signal(object)

    def __init__(
        self, can_edit: bool, parent: QWidget | None = None, *, children: bool = False
    ) -> None:
        super().__init__(parent)
        self.for_children = children  # a children's home: its care workers are 保育员
        self.all: list[WorkerView] = []
        self.shown: list[WorkerView] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.bar = bar = FlowLayout()  # the panel's buttons (the page adds 导入/导出 here)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜索：姓名、拼音或身份证号尾号"))
        self.search.setToolTip(
            tr("按姓名（张三）、拼音（zhangsan、zhang san、zhangs、zs）或身份证号后几位查找。")
        )
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 3)
        self.show_left = QCheckBox(tr("显示离职人员"))
        bar.addWidget(self.show_left)
        self.add_button = QPushButton(tr("新增保育员") if children else tr("新增护理员"), self)
        self.open_button = QPushButton(tr("查看"))
        self.edit_button = QPushButton(tr("编辑"), self)
        self.leave_button = QPushButton(tr("离职"), self)
        self.rejoin_button = QPushButton(tr("撤销离职"), self)
        self.rejoin_button.setToolTip(tr("离职登记有误时使用：恢复为在职，清除离职日期"))
        edits = (self.add_button, self.edit_button, self.leave_button, self.rejoin_button)
        for button in (self.add_button, self.open_button, *edits[1:]):
            bar.addWidget(button)
        for button in edits:
            button.setVisible(can_edit)  # read-only users get no edit actions
        self.count = QLabel()
        bar.addWidget(self.count)
        layout.addLayout(bar)
        # kept in pinyin order (as read); rows map to ``shown`` one to one
        self.table = make_table(
            [
                tr("姓名"),
                tr("岗位"),
                tr("技能等级"),
                tr("入职日期"),
                tr("身份证号"),
                tr("状态"),
                tr("离职日期"),
            ],
        )
        layout.addWidget(self.table, 1)
        self.search.textChanged.connect(self.apply_filter)
        self.show_left.toggled.connect(self.apply_filter)
        self.table.doubleClicked.connect(lambda _i: self._emit(self.open_worker))
        self.table.activated.connect(lambda _i: self._emit(self.open_worker))
        self.open_button.clicked.connect(lambda: self._emit(self.open_worker))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit_clicked))
        self.leave_button.clicked.connect(lambda: self._emit(self.leave_clicked))
        self.rejoin_button.clicked.connect(lambda: self._emit(self.rejoin_clicked))
        self.add_button.clicked.connect(self.add_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def show_workers(self, workers: Sequence[WorkerView]) -> None:
        kept = self.selected()
        self.all = list(workers)
        self.apply_filter()
        if kept is not None:
            self.select(kept.id)

    def apply_filter(self) -> None:
        text = self.search.text()
        left = self.show_left.isChecked()
        self.shown = [
            w for w in self.all if (left or w.status is WorkerStatus.ACTIVE) and matches(w, text)
        ]
        grey = QColor(GREY)
        sized = bool(self.table.rows_model.rows)
        self.table.rows_model.set_rows(
            [
                (
                    w.name,
                    w.occupation.label,
                    w.skill_level.label,
                    w.hired_on.isoformat(),
                    _masked(w.id_number),
                    w.status.label,
                    w.left_on.isoformat() if w.left_on else "",
                )
                for w in self.shown
            ],
            [grey if w.status is WorkerStatus.LEFT else None for w in self.shown],
        )
        if not sized:  # once: later reloads and searches keep the widths (no re-measuring)
            self.table.resizeColumnsToContents()
        today = dt.date.today()
        active = [w for w in self.all if w.status is WorkerStatus.ACTIVE]
        # the rates above count care workers employed today (stats/training/staff.py): say
        # how many of the list those are, so the two numbers never seem to disagree
        care = sum(w.occupation.is_care_worker and w.hired_on <= today for w in active)
        count = (
            tr("在职人员 {n} 人，其中保育员 {care} 人")
            if self.for_children
            else tr("在职人员 {n} 人，其中护理员 {care} 人")
        )
        self.count.setText(count.format(n=len(active), care=care))
        self._update_buttons()

    def selected(self) -> WorkerView | None:
        row = self.table.selected_row()
        return self.shown[row] if row is not None and row < len(self.shown) else None

    def select(self, worker_id: uuid.UUID) -> bool:
        for row, worker in enumerate(self.shown):
            if worker.id == worker_id:
                self.table.selectRow(row)
                return True
        return False

    def _emit(self, signal: SignalInstance) -> None:
        worker = self.selected()
        if worker is not None:
            signal.emit(worker.id)

    def _update_buttons(self) -> None:
        worker = self.selected()
        self.open_button.setEnabled(worker is not None)
        self.edit_button.setEnabled(worker is not None)
        self.leave_button.setEnabled(worker is not None and worker.status is WorkerStatus.ACTIVE)
        self.rejoin_button.setEnabled(worker is not None and worker.status is WorkerStatus.LEFT)


def _masked(id_number: str | None) -> str:
    """The list shows the ID number with the birth date hidden (as the residents' list)."""
    return mask_id_number(id_number) if id_number else ""
