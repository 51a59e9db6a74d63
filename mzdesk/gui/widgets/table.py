"""Tables (temporary home of the list pages' QTableWidget helpers)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem

from mzdesk.gui.runtime.i18n import tr


def make_table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([tr(h) for h in headers])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def fill_table(
    table: QTableWidget, rows: Sequence[Sequence[str]], colours: Sequence[QColor | None] = ()
) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if r < len(colours) and colours[r] is not None:
                item.setForeground(colours[r])  # type: ignore[arg-type]
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-size: 16px; font-weight: bold; margin-top: 6px;")
    return label
