"""培训要求: the institution's training matrix, one line per occupation and training — what
counts (category, words in the topic), how often (every N months, or once), or hours per
year, and whether it is due before the first day of work."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import FieldProblem
from mzdesk.core.labels import field_label
from mzdesk.core.vocab import Occupation, TrainingCategory
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.inputs import fill_vocab, select_vocab, vocab_value
from mzdesk.gui.widgets.labels import note
from mzdesk.gui.widgets.table import ROW_HEIGHT
from mzdesk.services.training import RequirementData, RequirementView

OCCUPATION, NAME, CATEGORY, TOPIC, MONTHS, HOURS, BEFORE = range(7)
PROBLEM_BACKGROUND = QColor("#fdecea")


class RequirementsDialog(FormDialog):
    record_table = "training_requirements"

    def __init__(
        self,
        lines: Sequence[RequirementView],
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("培训要求（本机构）"))
        self.resize(1040, 560)
        layout = QVBoxLayout(self)
        defaults = any(line.is_default for line in lines)
        layout.addWidget(
            note(
                tr(
                    "每行一项要求：按类别和主题关键词计入合格的培训，“间隔月数”留 0 表示只需一次；"
                    "按学时计的行只填“每年学时”。"
                )
                + (tr("当前为系统默认要求，保存后成为本机构的要求。") if defaults else "")
            )
        )
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                field_label("occupation"),
                tr("名称"),
                field_label("category"),
                field_label("topic_contains"),
                tr("间隔月数（0=一次）"),
                tr("每年学时（0=不按学时）"),
                field_label("before_start"),
            ]
        )
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT + 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        bar = QHBoxLayout()
        self.add_button = QPushButton(tr("添加一行"))
        self.remove_button = QPushButton(tr("删除所选行"))
        self.up_button = QPushButton(tr("上移"))
        self.down_button = QPushButton(tr("下移"))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.ids: list[uuid.UUID | None] = []
        for line in lines:
            self.add_line(line)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(BEFORE, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button.clicked.connect(lambda: self.add_line())
        self.remove_button.clicked.connect(self.remove_line)
        self.up_button.clicked.connect(lambda: self.move_line(-1))
        self.down_button.clicked.connect(lambda: self.move_line(1))
        layout.addWidget(self.make_error_label())
        buttons = self.make_buttons(tr("保存培训要求"))
        layout.addWidget(buttons)
        if read_only:  # a read-only user sees the requirements and changes nothing
            self.setWindowTitle(tr("培训要求（本机构，只读）"))
            self.table.setEnabled(False)
            for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
                button.hide()
            self.ok_button.hide()

    # -- lines --------------------------------------------------------------------------------
    def add_line(self, line: RequirementData | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.ids.append(line.id if line else None)
        occupation = QComboBox()
        fill_vocab(occupation, Occupation, empty=None)
        select_vocab(occupation, line.occupation if line else Occupation.CARE_WORKER)
        name = QLineEdit(line.name if line else "")
        category = QComboBox()
        fill_vocab(category, TrainingCategory, empty=tr("任意类别"))
        select_vocab(category, line.category if line else None)
        topic = QLineEdit((line.topic_contains or "") if line else "")
        months = QSpinBox()
        months.setRange(0, 120)
        months.setValue((line.interval_months or 0) if line else 12)
        hours = QDoubleSpinBox()
        hours.setDecimals(1)
        hours.setRange(0, 500)
        hours.setValue(float(line.hours_per_year or 0) if line else 0)
        before = QCheckBox()
        before.setChecked(line.before_start if line else False)
        for column, widget in enumerate((occupation, name, category, topic, months, hours, before)):
            self.table.setCellWidget(row, column, widget)

    def _widgets(self, row: int) -> list[QWidget]:
        return [self.table.cellWidget(row, column) for column in range(7)]

    def line(self, row: int) -> RequirementData:
        occupation, name, category, topic, months, hours, before = self._widgets(row)
        assert isinstance(occupation, QComboBox) and isinstance(category, QComboBox)
        assert isinstance(name, QLineEdit) and isinstance(topic, QLineEdit)
        assert isinstance(months, QSpinBox) and isinstance(hours, QDoubleSpinBox)
        assert isinstance(before, QCheckBox)
        per_year = Decimal(str(round(hours.value(), 1)))
        return RequirementData(
            occupation=vocab_value(occupation, Occupation) or Occupation.CARE_WORKER,
            name=name.text(),
            category=vocab_value(category, TrainingCategory),
            topic_contains=topic.text().strip() or None,
            interval_months=months.value() or None,
            hours_per_year=per_year or None,
            before_start=before.isChecked(),
            sort_order=row,
            id=self.ids[row],
        )

    def lines(self) -> list[RequirementData]:
        return [self.line(row) for row in range(self.table.rowCount())]

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            del self.ids[row]

    def move_line(self, step: int) -> None:
        row = self.table.currentRow()
        other = row + step
        if row < 0 or not 0 <= other < self.table.rowCount():
            return
        lines = self.lines()
        lines[row], lines[other] = lines[other], lines[row]
        self.table.setRowCount(0)
        self.ids = []
        for line in lines:
            self.add_line(line)
        self.table.selectRow(other)

    # -- problems -----------------------------------------------------------------------------
    def show_problems(self, problems: Sequence[FieldProblem]) -> None:
        """Each problem names its line (第3行); that line is marked too."""
        for row in range(self.table.rowCount()):
            for widget in self._widgets(row):
                widget.setStyleSheet("")
        marked = []
        for problem in problems:
            line = problem.params.get("row")
            if isinstance(line, int) and 1 <= line <= self.table.rowCount():
                marked.append(line - 1)
                for widget in self._widgets(line - 1):
                    widget.setStyleSheet(f"background: {PROBLEM_BACKGROUND.name()};")
        if marked:
            self.table.scrollTo(self.table.model().index(min(marked), NAME))
        self.error_label.setText("\n".join(problem.message for problem in problems))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
