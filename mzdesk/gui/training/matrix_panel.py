"""培训矩阵: the institution's requirements as columns, the workers employed today as rows,
each cell current / expiring soon / expired / missing / to do — in words and colour, never
colour alone — and "who needs what next", soonest due first."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.training import CellStatus
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.labels import heading
from mzdesk.gui.widgets.table import make_table, setup_view
from mzdesk.stats.training import MatrixCell, Need, TrainingMatrix, needs_next

Index = QModelIndex | QPersistentModelIndex
# background, text: light fills so the words stay readable
STATUS_COLOURS: dict[CellStatus, tuple[str, str]] = {
    CellStatus.CURRENT: ("#e3f2e5", "#1b5e20"),
    CellStatus.EXPIRING: ("#fff1d6", "#8a4b00"),
    CellStatus.EXPIRED: ("#fbdcd9", "#9b1c13"),
    CellStatus.MISSING: ("#f6c6c1", "#7f0d06"),
    CellStatus.PENDING: ("#e7eef7", "#1f3b5a"),
}
FIXED = 2  # 姓名, 岗位


def cell_text(cell: MatrixCell | None) -> str:
    """What a cell says: its status in words, then the date or the hours that matter."""
    if cell is None:
        return "—"  # not required of this occupation
    if cell.hours_required is not None:
        done = cell.hours_done or 0
        return tr("{status} {done}/{required}学时").format(
            status=cell.status.label, done=done, required=cell.hours_required
        )
    if cell.status is CellStatus.CURRENT:
        if cell.due is None:
            return tr("{status}（{done}完成）").format(
                status=cell.status.label, done=_date(cell.last_done)
            )
        return tr("{status} 至{due}").format(status=cell.status.label, due=_date(cell.due))
    if cell.status in (CellStatus.EXPIRED, CellStatus.MISSING):
        return tr("{status} 应于{due}").format(status=cell.status.label, due=_date(cell.due))
    return tr("{status} {due}前").format(status=cell.status.label, due=_date(cell.due))


def sample_cells() -> list[MatrixCell]:
    """A cell of every kind with the longest dates and hours: what a column must hold."""
    day, hours = dt.date(2026, 12, 31), Decimal("100.0")
    cells = []
    for status in CellStatus:
        cells.append(MatrixCell("", status, day, day))
        cells.append(MatrixCell("", status, None, day))
        cells.append(MatrixCell("", status, day, None, hours, hours))
    return cells


def need_text(need: Need) -> str:
    if need.hours_short is not None:
        return tr("还差 {hours} 学时").format(hours=need.hours_short)
    if need.status is CellStatus.EXPIRED:
        return tr("已过期，需重新培训")
    if need.status is CellStatus.MISSING:
        return tr("从未完成")
    if need.status is CellStatus.EXPIRING:
        return tr("即将到期，需复训")
    return tr("尚未到期")


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


class MatrixModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.matrix: TrainingMatrix | None = None

    def set_matrix(self, matrix: TrainingMatrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def cell(self, row: int, column: int) -> MatrixCell | None:
        assert self.matrix is not None and column >= FIXED
        return self.matrix.rows[row].cells.get(self.matrix.columns[column - FIXED])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else FIXED + len(self.matrix.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return tr("姓名")
        if section == 1:
            return tr("岗位")
        return self.matrix.columns[section - FIXED] if self.matrix else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.matrix is None:
            return None
        r, c = index.row(), index.column()
        row = self.matrix.rows[r]
        if c < FIXED:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.name if c == 0 else row.occupation.label
            return None
        cell = self.cell(r, c)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(STATUS_COLOURS[cell.status][0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATUS_COLOURS[cell.status][1])
        if role == Qt.ItemDataRole.ToolTipRole and cell.last_done is not None:
            return tr("最近一次合格：{date}").format(date=_date(cell.last_done))
        return None


class MatrixPanel(QWidget):
    open_worker = Signal(object)  # a worker's id (a name in the matrix or the list)
    edit_requirements = Signal()

    def __init__(self, can_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.needs: list[Need] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.summary = QLabel()
        bar.addWidget(self.summary)
        bar.addStretch(1)
        for status, (background, text) in STATUS_COLOURS.items():
            legend = QLabel(status.label)
            legend.setStyleSheet(f"background: {background}; color: {text}; padding: 2px 8px;")
            bar.addWidget(legend)
        self.requirements_button = QPushButton(
            tr("修改培训要求") if can_edit else tr("查看培训要求")
        )
        bar.addWidget(self.requirements_button)
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = MatrixModel()
        self.table = setup_view(QTableView())
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(False)
        splitter.addWidget(self.table)
        below = QWidget()
        box = QVBoxLayout(below)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(heading(tr("谁需要什么（按到期日）")))
        self.next = make_table(
            [tr("到期日"), tr("姓名"), tr("岗位"), tr("培训要求"), tr("状态"), tr("说明")]
        )
        box.addWidget(self.next, 1)
        splitter.addWidget(below)
        splitter.setSizes([360, 240])
        layout.addWidget(splitter, 1)
        self.requirements_button.clicked.connect(self.edit_requirements)
        self.table.doubleClicked.connect(
            lambda index: (
                self._open(self.model.matrix.rows[index.row()].worker_id)
                if self.model.matrix
                else None
            )
        )
        self.next.doubleClicked.connect(lambda index: self._open(self.needs[index.row()].worker_id))

    def _open(self, worker_id: uuid.UUID) -> None:
        self.open_worker.emit(worker_id)

    def show_matrix(self, matrix: TrainingMatrix) -> None:
        self.model.set_matrix(matrix)
        # Widths from the text a cell can hold at most, not by measuring every cell (a large
        # staff would keep the GUI thread busy on each reload); names by their own length.
        metrics = self.table.fontMetrics()
        widest = max(metrics.horizontalAdvance(cell_text(c)) for c in sample_cells()) + 16
        for column, name in enumerate(matrix.columns, start=FIXED):
            self.table.setColumnWidth(column, max(widest, metrics.horizontalAdvance(name) + 16))
        for column in range(FIXED):
            self.table.resizeColumnToContents(column)
        self.needs = needs_next(matrix)
        sized = bool(self.next.rows_model.rows)
        self.next.rows_model.set_rows(
            [
                (
                    _date(n.due),
                    n.name,
                    n.occupation.label,
                    n.requirement,
                    n.status.label,
                    need_text(n),
                )
                for n in self.needs
            ],
            [QColor(STATUS_COLOURS[n.status][1]) for n in self.needs],
            colour_columns=(0, 4),
        )
        if not sized:  # once: the columns keep their widths on later reloads
            self.next.resizeColumnsToContents()
        overdue = sum(n.status in (CellStatus.EXPIRED, CellStatus.MISSING) for n in self.needs)
        text = tr("{date}：{n} 名在职人员，{overdue} 项缺失或过期，{total} 项待办").format(
            date=_date(matrix.as_of), n=len(matrix.rows), overdue=overdue, total=len(self.needs)
        )
        if matrix.using_defaults:
            text += tr("（使用系统默认要求）")
        self.summary.setText(text)
