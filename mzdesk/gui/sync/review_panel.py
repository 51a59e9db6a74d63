"""The review on the 同步 page: conflicts to decide, and changes the server sent back."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.labels import action_label, field_label
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.sync.text import (
    local_time,
    readable_value,
    reason_text,
    record_text,
)
from mzdesk.gui.widgets.labels import heading, note
from mzdesk.gui.widgets.palette import RED
from mzdesk.gui.widgets.table import TableView, make_table
from mzdesk.sync.display import ConflictRow, QuarantineRow

MAX_COLUMN = 420  # px; a longer reason or value wraps


def fit_height(table: TableView) -> None:
    """Columns as wide as their text up to a limit (longer text wraps); no taller than its
    rows, so a list of two does not fill the page (a long one scrolls)."""
    for column in range(table.model().columnCount()):
        if table.columnWidth(column) > MAX_COLUMN:
            table.setColumnWidth(column, MAX_COLUMN)
    rows = table.verticalHeader().defaultSectionSize() * table.model().rowCount()
    table.setMaximumHeight(
        table.horizontalHeader().sizeHint().height()
        + rows
        + table.horizontalScrollBar().sizeHint().height()
        + 2 * table.frameWidth()
        + 2
    )


class ReviewPanel(QWidget):
    """``resolve_requested(conflict id, "applied" | "overwritten")``; ``fix_requested`` for
    the selected change."""

    resolve_requested = Signal(object, str)
    fix_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[QuarantineRow] = []
        self.conflicts_heading = heading(tr("待审核的冲突"))
        self.conflicts_note = note()
        self.conflicts = make_table(
            [tr("记录"), tr("字段"), tr("已采用的值"), tr("被覆盖的值"), tr("处理")],
            lines=2,
            wrap=True,
        )
        self.quarantine_heading = heading(tr("被服务器退回的修改"))
        self.quarantine_note = note()
        self.quarantine = make_table(
            [tr("记录"), tr("操作"), tr("退回原因"), tr("修改时间")], lines=2, wrap=True
        )
        self.quarantine.selectionModel().selectionChanged.connect(self._selection_changed)
        self.quarantine.doubleClicked.connect(lambda _index: self.fix_requested.emit())
        self.fix_button = QPushButton(tr("查看并修正…"))
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(lambda: self.fix_requested.emit())
        fix_row = QHBoxLayout()
        fix_row.addWidget(self.fix_button)
        fix_row.addStretch(1)
        review = QVBoxLayout(self)
        review.setContentsMargins(0, 0, 0, 0)
        review.addWidget(self.conflicts_heading)
        review.addWidget(self.conflicts_note)
        review.addWidget(self.conflicts, 10)
        review.addWidget(self.quarantine_heading)
        review.addWidget(self.quarantine_note)
        review.addWidget(self.quarantine, 10)
        review.addLayout(fix_row)
        review.addStretch(1)  # short lists stay short (see _fit)

    def show_rows(self, conflicts: list[ConflictRow], quarantined: list[QuarantineRow]) -> None:
        self.rows = quarantined
        self._fill_conflicts(conflicts)
        self._fill_quarantine(quarantined)

    def _fill_conflicts(self, rows: list[ConflictRow]) -> None:
        self.conflicts_heading.setText(tr("待审核的冲突（{n} 条）").format(n=len(rows)))
        self.conflicts.setVisible(bool(rows))
        self.conflicts_note.setText(
            tr(
                "两台电脑改了同一项内容时，服务器采用后到的修改，先到的值保留在这里。"
                "请确认应当保留哪一个；处理结果在下次同步时发送到服务器。"
            )
            if rows
            else tr("没有需要审核的冲突。")
        )
        self.conflicts.show_rows(
            [
                [
                    record_text(row.conflict.table, row.record),
                    field_label(row.conflict.field, row.conflict.table),
                    self._side(row.conflict.table, row.conflict.field, row.conflict.applied),
                    self._side(row.conflict.table, row.conflict.field, row.conflict.overwritten),
                    "",
                ]
                for row in rows
            ]
        )
        for r, row in enumerate(rows):
            c = row.conflict
            actions = QWidget()
            box = QHBoxLayout(actions)
            box.setContentsMargins(4, 2, 4, 2)
            keep = QPushButton(tr("保留已采用的值"))
            other = QPushButton(tr("改用被覆盖的值"))
            keep.setObjectName(f"keep-{c.id}")
            other.setObjectName(f"other-{c.id}")
            keep.clicked.connect(lambda _=False, i=c.id: self.resolve_requested.emit(i, "applied"))
            other.clicked.connect(
                lambda _=False, i=c.id: self.resolve_requested.emit(i, "overwritten")
            )
            box.addWidget(keep)
            box.addWidget(other)
            self.conflicts.setIndexWidget(self.conflicts.model().index(r, 4), actions)
        fit_height(self.conflicts)

    def _side(self, table: str, field: str, side: dict[str, Any]) -> str:
        value = readable_value(table, field, side.get("value"))
        who = tr("{device} · {time}").format(
            device=side.get("device_name") or tr("未知设备"), time=local_time(side.get("at"))
        )
        return f"{value}\n{who}"

    def _fill_quarantine(self, rows: list[QuarantineRow]) -> None:
        self.quarantine_heading.setText(tr("被服务器退回的修改（{n} 条）").format(n=len(rows)))
        self.quarantine.setVisible(bool(rows))
        self.fix_button.setVisible(bool(rows))
        self.quarantine_note.setText(
            tr("这些修改没有被服务器接受，仍保存在本机。选中一条，改正后重新发送。")
            if rows
            else tr("没有被退回的修改。")
        )
        self.quarantine.show_rows(
            [
                [
                    record_text(row.change.table, row.record),
                    action_label(row.change.op),
                    reason_text(row.change),
                    local_time(row.change.created_at),
                ]
                for row in rows
            ],
            [QColor(RED)] * len(rows),
            colour_columns=(2,),
            tooltip_columns=(2,),
        )
        fit_height(self.quarantine)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.fix_button.setEnabled(bool(self.quarantine.selectionModel().selectedRows()))

    def selected_change(self) -> QuarantineRow | None:
        rows = self.quarantine.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]
