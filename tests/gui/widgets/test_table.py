"""The one table idiom: fixed row heights, whole-row single selection, the model's own sort."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from mzdesk.gui.widgets.table import ROW_HEIGHT, make_table


def test_a_table_sorts_in_its_model_with_fixed_rows(qtbot):
    table = make_table(["名称", "数量"], right_aligned=(1,), sortable=True)
    qtbot.addWidget(table)
    red = QColor("#b3261e")
    table.show_rows([["乙", "2"], ["甲", "10"]], [red, None], colour_columns=(0,))
    model = table.rows_model
    assert table.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert table.verticalHeader().defaultSectionSize() == ROW_HEIGHT
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.model() is model  # no proxy in between
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == red
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is None
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [model.text(r, 0) for r in range(2)] == ["甲", "乙"]
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) == red  # colour follows
