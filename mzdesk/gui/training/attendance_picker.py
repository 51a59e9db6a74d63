"""Attendance marked fast: tick many workers at once (all, by occupation, by a name filter),
each 合格 unless changed, each credited the session's hours unless changed."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.pinyin import initials, spellings
from mzdesk.core.vocab import Occupation, TrainingResult
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.inputs import fill_vocab, select_vocab, vocab_value
from mzdesk.gui.widgets.table import ROW_HEIGHT
from mzdesk.services.views import WorkerView
from mzdesk.services.workers import Attendee

MAX_HOURS = 500.0
NAME, OCCUPATION, RESULT, HOURS = range(4)


def hours_box(value: Decimal | float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setRange(0.0, MAX_HOURS)
    box.setValue(float(value))
    return box


def hours_follow_result(result: QComboBox, box: QDoubleSpinBox, session_hours: Decimal) -> None:
    """缺席 is credited no hours: choosing it sets the hours to 0 and locks them; choosing
    another result again gives back the session's hours."""

    def follow() -> None:
        absent = vocab_value(result, TrainingResult) is TrainingResult.ABSENT
        if absent:
            box.setValue(0.0)
        elif not box.isEnabled():
            box.setValue(float(session_hours))
        box.setEnabled(not absent)

    result.currentIndexChanged.connect(lambda _i: follow())
    follow()


def matches(worker: WorkerView, text: str) -> bool:
    """A name filter like the residents': characters of the name, its pinyin initials, its
    full pinyin or a mix (cshl, ceshi, ceshih)."""
    typed = "".join(text.split()).lower()
    if not typed:
        return True
    if typed.isascii() and typed.isalpha():
        options = [*initials(worker.name).split(), *spellings(worker.name)]
        return any(option.startswith(typed) for option in options)
    return typed in worker.name or (worker.id_number or "").lower().endswith(typed)


class AttendancePicker(QWidget):
    """One row per active worker: a tick, the result and the hours credited."""

    changed = Signal()  # a tick or a result changed

    def __init__(
        self, workers: Sequence[WorkerView], hours: Decimal, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workers = list(workers)
        self.session_hours = hours
        self._own_hours: set[int] = set()  # rows whose hours were changed by hand
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        tools = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(tr("筛选：姓名或拼音"))
        self.filter.setClearButtonEnabled(True)
        tools.addWidget(self.filter, 2)
        self.select_all = QPushButton(tr("全选"))
        self.select_none = QPushButton(tr("全不选"))
        self.occupation = QComboBox()
        fill_vocab(self.occupation, Occupation, empty=None)
        self.select_occupation = QPushButton(tr("选中该岗位"))
        for widget in (self.select_all, self.select_none, self.occupation, self.select_occupation):
            tools.addWidget(widget)
        layout.addLayout(tools)
        self.table = QTableWidget(len(self.workers), 4)
        self.table.setHorizontalHeaderLabels(
            [tr("姓名"), tr("岗位"), tr("考核结果"), tr("计入学时")]
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT + 4)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.results: list[QComboBox] = []
        self.hours: list[QDoubleSpinBox] = []
        for row, worker in enumerate(self.workers):
            item = QTableWidgetItem(worker.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(row, NAME, item)
            occupation = QTableWidgetItem(worker.occupation.label)
            occupation.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, OCCUPATION, occupation)
            result = QComboBox()
            fill_vocab(result, TrainingResult, empty=None)
            select_vocab(result, TrainingResult.PASSED)
            result.currentIndexChanged.connect(lambda _i: self._count())
            self.table.setCellWidget(row, RESULT, result)
            self.results.append(result)
            box = hours_box(hours)
            hours_follow_result(result, box, hours)
            box.valueChanged.connect(lambda _v, row=row: self._own_hours.add(row))
            self.table.setCellWidget(row, HOURS, box)
            self.hours.append(box)
        self.table.resizeColumnToContents(OCCUPATION)
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        self.filter.textChanged.connect(self.apply_filter)
        self.select_all.clicked.connect(lambda: self.tick(self._shown_rows(), True))
        self.select_none.clicked.connect(lambda: self.tick(range(len(self.workers)), False))
        self.select_occupation.clicked.connect(self._tick_occupation)
        self.table.itemChanged.connect(lambda _item: self._count())
        self._count()

    def _name(self, row: int) -> QTableWidgetItem:
        item = self.table.item(row, NAME)
        assert item is not None  # every row has its name cell
        return item

    # -- choosing ---------------------------------------------------------------------------
    def _shown_rows(self) -> list[int]:
        return [r for r in range(len(self.workers)) if not self.table.isRowHidden(r)]

    def apply_filter(self, text: str) -> None:
        for row, worker in enumerate(self.workers):
            self.table.setRowHidden(row, not matches(worker, text))

    def tick(self, rows: Sequence[int] | range, on: bool = True) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.table.blockSignals(True)
        for row in rows:
            self._name(row).setCheckState(state)
        self.table.blockSignals(False)
        self._count()

    def _tick_occupation(self) -> None:
        wanted = vocab_value(self.occupation, Occupation)
        self.tick([r for r, w in enumerate(self.workers) if w.occupation is wanted], True)

    def tick_worker(self, worker_id: uuid.UUID, on: bool = True) -> None:
        self.tick([r for r, w in enumerate(self.workers) if w.id == worker_id], on)

    def set_result(self, worker_id: uuid.UUID, result: TrainingResult) -> None:
        for row, worker in enumerate(self.workers):
            if worker.id == worker_id:
                select_vocab(self.results[row], result)

    def set_session_hours(self, hours: Decimal) -> None:
        """The session's hours changed: rows not changed by hand follow them."""
        self.session_hours = hours
        for row, box in enumerate(self.hours):
            if row not in self._own_hours:
                box.blockSignals(True)
                box.setValue(float(hours))
                box.blockSignals(False)

    def ticked(self) -> list[int]:
        return [
            r
            for r in range(len(self.workers))
            if self._name(r).checkState() == Qt.CheckState.Checked
        ]

    def _count(self) -> None:
        self.changed.emit()
        rows = self.ticked()
        failed = sum(
            vocab_value(self.results[r], TrainingResult) is not TrainingResult.PASSED for r in rows
        )
        self.count.setText(
            tr("已选 {n} 人（共 {total} 人在职），其中未合格 {failed} 人").format(
                n=len(rows), total=len(self.workers), failed=failed
            )
        )

    def attendees(self) -> list[Attendee]:
        """The ticked workers; hours only where they differ from the session's."""
        chosen = []
        for row in self.ticked():
            hours = Decimal(str(round(self.hours[row].value(), 1)))
            result = vocab_value(self.results[row], TrainingResult) or TrainingResult.PASSED
            own = hours != self.session_hours
            chosen.append(Attendee(self.workers[row].id, result, hours if own else None))
        return chosen
