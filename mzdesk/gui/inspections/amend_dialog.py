"""更正: change the results or notes of a finished inspection's items and say why. Only the
items changed here are recorded (old and new), with who and when; the original stays."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.vocab import ItemResult
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog, Refusal
from mzdesk.gui.widgets.inputs import fill_vocab, select_vocab, vocab_value
from mzdesk.gui.widgets.labels import note
from mzdesk.services.inspecting.detail import InspectionDetail
from mzdesk.services.inspecting.finish import ItemCorrection


class AmendDialog(FormDialog):
    record_table = "inspection_amendments"

    def __init__(self, detail: InspectionDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("更正检查记录"))
        self.detail = detail
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr(
                    "原记录保持不变；更正作为新记录保存（更正项的原结果与新结果、原因、更正人和时间）。"
                )
                + "\n"
                + tr(
                    "不合格项改为合格或不适用：其未销号的隐患以“更正撤销”销号；"
                    "改为不合格：为该项新开隐患，整改期限自更正之日起算。"
                )
            )
        )
        self.table = QTableWidget(len(detail.items), 4)
        self.table.setHorizontalHeaderLabels([tr("编号"), tr("检查项"), tr("结果"), tr("备注")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(3, 220)
        self.rows: list[tuple[uuid.UUID, QComboBox, QLineEdit]] = []
        for row, item in enumerate(detail.items):
            result, note_text = detail.current(item.id)
            self.table.setItem(row, 0, QTableWidgetItem(item.code))
            self.table.setItem(row, 1, QTableWidgetItem(item.text))
            combo = QComboBox()
            fill_vocab(combo, ItemResult, empty=None)
            select_vocab(combo, result)
            edit = QLineEdit(note_text or "")
            self.table.setCellWidget(row, 2, combo)
            self.table.setCellWidget(row, 3, edit)
            self.rows.append((item.id, combo, edit))
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("例如：现场复核，原记录误判"))
        form.addRow(tr("更正原因"), self.reason)
        layout.addLayout(form)
        self.fields = {"reason": self.reason, "changes": self.table}
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons(tr("保存更正")))
        self.resize(900, 640)

    def corrections(self) -> list[ItemCorrection]:
        """The items whose result or note differs from what they read as now."""
        changed = []
        for item_id, combo, edit in self.rows:
            result = vocab_value(combo, ItemResult)
            note_text = edit.text().strip() or None
            if result is None:
                continue
            if (result, note_text) != self.detail.current(item_id):
                changed.append(ItemCorrection(item_id, result, note_text))
        return changed

    def check(self) -> None:
        if not self.corrections():
            raise Refusal(tr("没有更改任何检查项的结果或备注。"))
        if not self.reason.text().strip():
            raise Refusal(tr("请填写更正原因。"))
