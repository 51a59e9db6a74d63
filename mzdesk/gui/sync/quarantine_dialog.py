"""修正被退回的修改: a change the server sent back, its reason, its fields to correct, and
重新发送."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.labels import action_label, field_label
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.sync.text import edit_text, local_time, record_text
from mzdesk.gui.widgets.dialog import FormDialog, Refusal
from mzdesk.gui.widgets.labels import note
from mzdesk.gui.widgets.palette import RED
from mzdesk.sync.display import QuarantineRow, check_value, parse_value


class QuarantineDialog(FormDialog):
    """A change the server sent back: its reason, its fields to correct, and 重新发送."""

    def __init__(self, row: QuarantineRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        change = row.change
        self.setWindowTitle(tr("修正被退回的修改"))
        self.resize(560, 460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(tr("记录"), QLabel(record_text(change.table, row.record)))
        form.addRow(tr("操作"), QLabel(action_label(change.op)))
        form.addRow(tr("修改时间"), QLabel(local_time(change.created_at)))
        reason = note(change.error, RED)
        form.addRow(tr("退回原因"), reason)
        layout.addLayout(form)
        layout.addWidget(
            note(tr("改正下面的值后点“重新发送”。文字照原样填写；数字、是否等其他值按 JSON 填写。"))
        )
        self.keys = list(change.data)
        self.table = QTableWidget(len(self.keys), 2)
        self.table.setHorizontalHeaderLabels([tr("字段"), tr("值")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, key in enumerate(self.keys):
            name = QTableWidgetItem(field_label(key, change.table))
            name.setToolTip(key)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, name)
            self.table.setItem(r, 1, QTableWidgetItem(edit_text(change.data[key])))
        self.table.resizeColumnToContents(0)
        layout.addWidget(self.table, 1)
        self.error = self.make_error_label()
        layout.addWidget(self.error)
        self.buttons = self.make_buttons(tr("重新发送"))
        self.resend_button = self.ok_button
        layout.addWidget(self.buttons)
        self.data: dict[str, Any] | None = None

    def corrections(self) -> dict[str, Any] | None:
        """The fields whose value was changed, parsed back to JSON and checked against the
        column; ``ValueError`` names the first field that does not fit."""
        change = self.row.change
        data: dict[str, Any] = {}
        for r, key in enumerate(self.keys):
            item = self.table.item(r, 1)
            text = item.text() if item is not None else ""
            if text == edit_text(change.data[key]):
                continue
            value = parse_value(change.table, key, text)
            try:
                check_value(change.table, key, value)
            except ValueError as error:
                self._mark(r)
                # the column's own complaint is English: the field's label says enough
                raise ValueError(
                    tr("{field}：这个值不符合要求（格式或长度）").format(
                        field=field_label(key, change.table)
                    )
                ) from error
            data[key] = value
        return data or None

    def _mark(self, row: int) -> None:
        item = self.table.item(row, 1)
        if item is not None:
            item.setBackground(QColor("#fdecea"))

    def check(self) -> None:
        """The corrections are read and checked before anything is sent (``self.data``)."""
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 1)
            if item is not None:
                item.setData(Qt.ItemDataRole.BackgroundRole, None)
        try:
            self.data = self.corrections()
        except ValueError as error:
            raise Refusal(str(error)) from error
