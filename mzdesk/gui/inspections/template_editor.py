"""编辑检查表草稿: a home's draft version — its title, standard, default days to rectify, and
its items (add, remove, reorder; change section, text, severity, clause, what to look at).

Saving checks the draft with the same schema as a template file, so a problem reads as it
would for a file: 第3项（编号 03）的「检查内容」不能为空.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.checklists import Template
from mzdesk.core.labels import field_label
from mzdesk.core.vocab import InstitutionKind
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.dialog import FormDialog
from mzdesk.gui.widgets.labels import note
from mzdesk.gui.widgets.table import ROW_HEIGHT
from mzdesk.services.checklist_editing import Draft, DraftItem, draft_of, next_item_code

CODE, SECTION, TEXT, SEVERITY, CLAUSE, UNVERIFIED, LOOK_AT = range(7)
COLUMNS = 7


class TemplateEditor(FormDialog):
    record_table = "home_checklists"

    def __init__(self, template: Template, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template = template
        # what the editor does not show, kept per item code: the item's own standard and kinds
        self._extras: dict[str, tuple[str | None, tuple[InstitutionKind, ...]]] = {}
        draft = draft_of(template)
        self.setWindowTitle(
            tr("编辑检查表草稿 — {title} {version}").format(
                title=template.title, version=template.version
            )
        )
        self.resize(1180, 640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(draft.title)
        self.standard = QLineEdit(draft.standard)
        self.rectify_days = QSpinBox()
        self.rectify_days.setRange(1, 365)
        self.rectify_days.setValue(draft.rectify_days)
        self.rectify_days.setSuffix(tr(" 天"))
        form.addRow(field_label("title"), self.title)
        form.addRow(field_label("standard"), self.standard)
        form.addRow(field_label("rectify_days"), self.rectify_days)
        layout.addLayout(form)
        self.fields = {"title": self.title, "standard": self.standard}
        layout.addWidget(
            note(
                tr(
                    "每行一项。条款读不到或未核对时勾选“未核实”；重大隐患项发现后按重大隐患处理。"
                    "保存的是草稿，发布后才能用于检查，发布后不再修改。"
                )
            )
        )
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                tr("编号"),
                field_label("section"),
                field_label("text"),
                field_label("severity"),
                field_label("clause"),
                tr("未核实"),
                field_label("look_at"),
            ]
        )
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT + 6)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.table, 1)
        bar = QHBoxLayout()
        self.add_button = QPushButton(tr("添加检查项"))
        self.remove_button = QPushButton(tr("删除所选项"))
        self.up_button = QPushButton(tr("上移"))
        self.down_button = QPushButton(tr("下移"))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        for item in draft.items:
            self.add_item(item)
        header = self.table.horizontalHeader()
        self.table.setColumnWidth(CODE, 56)
        self.table.setColumnWidth(SECTION, 150)
        self.table.setColumnWidth(SEVERITY, 100)
        self.table.setColumnWidth(CLAUSE, 80)
        self.table.setColumnWidth(UNVERIFIED, 90)
        self.table.setColumnWidth(LOOK_AT, 260)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.add_button.clicked.connect(lambda: self.add_item(select=True))
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        layout.addWidget(self.make_error_label())
        layout.addWidget(self.make_buttons(tr("保存草稿")))

    # -- rows ---------------------------------------------------------------------------------
    def codes(self) -> list[str]:
        return [self._code(row).text() for row in range(self.table.rowCount())]

    def _code(self, row: int) -> QLabel:
        label = self.table.cellWidget(row, CODE)
        assert isinstance(label, QLabel)
        return label

    def add_item(self, item: DraftItem | None = None, *, select: bool = False) -> None:
        """A row for ``item``, or a new item (the next code, the section of the row above)."""
        row = self.table.rowCount()
        if item is None:
            above = self.item(row - 1).section if row else ""
            item = DraftItem(next_item_code(self.codes()), above, "", clause_unverified=True)
        self.table.insertRow(row)
        severity = QComboBox()
        severity.addItem(tr("一般"), False)
        severity.addItem(tr("重大隐患"), True)
        severity.setCurrentIndex(1 if item.major_hazard else 0)
        unverified = QCheckBox()
        unverified.setChecked(item.clause_unverified or not item.clause)
        widgets: list[QWidget] = [
            QLabel(item.code),
            QLineEdit(item.section),
            QLineEdit(item.text),
            severity,
            QLineEdit(item.clause or ""),
            unverified,
            QLineEdit(item.look_at or ""),
        ]
        for column, widget in enumerate(widgets):
            if isinstance(widget, QLineEdit):
                widget.setCursorPosition(0)  # show the beginning of a long text
            self.table.setCellWidget(row, column, widget)
        self._extras[item.code] = (item.standard, item.applies_to)
        if select:
            self.table.selectRow(row)
            text = self.table.cellWidget(row, TEXT)
            text.setFocus()

    def item(self, row: int) -> DraftItem:
        cells = [self.table.cellWidget(row, column) for column in range(COLUMNS)]
        code, section, text, severity, clause, unverified, look_at = cells
        assert isinstance(code, QLabel) and isinstance(severity, QComboBox)
        assert isinstance(section, QLineEdit) and isinstance(text, QLineEdit)
        assert isinstance(clause, QLineEdit) and isinstance(look_at, QLineEdit)
        assert isinstance(unverified, QCheckBox)
        standard, applies_to = self._extras.get(code.text(), (None, ()))
        return DraftItem(
            code=code.text(),
            section=section.text(),
            text=text.text(),
            clause=clause.text().strip() or None,
            clause_unverified=unverified.isChecked(),
            major_hazard=bool(severity.currentData()),
            look_at=look_at.text().strip() or None,
            standard=standard,
            applies_to=applies_to,
        )

    def items(self) -> tuple[DraftItem, ...]:
        return tuple(self.item(row) for row in range(self.table.rowCount()))

    def remove_item(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_item(self, step: int) -> None:
        """Move the selected item up or down (rebuilding the two rows from their values)."""
        row = self.table.currentRow()
        other = row + step
        if row < 0 or not 0 <= other < self.table.rowCount():
            return
        items = list(self.items())
        items[row], items[other] = items[other], items[row]
        self.table.setRowCount(0)
        for item in items:
            self.add_item(item)
        self.table.selectRow(other)

    def draft(self) -> Draft:
        return Draft(
            self.title.text(), self.standard.text(), self.rectify_days.value(), self.items()
        )
