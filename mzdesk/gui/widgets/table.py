"""The one table idiom: a ``QTableView`` over a ``QAbstractTableModel``.

Big lists (住户) bring their own model that filters, sorts and pages in SQL; short lists use
:class:`RowsModel`, rows of text that sort themselves. Either way the view is set up by
:func:`setup_view`: whole-row single selection, no editing, fixed row heights (no per-row
measuring), sorting by the model's own ``sort()`` (never a QSortFilterProxyModel, which would
call Python ``data()`` for every comparison).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ROW_HEIGHT = 26  # px for one line of text
Index = QModelIndex | QPersistentModelIndex
View = TypeVar("View", bound=QTableView)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def setup_view(view: View, *, lines: int = 1, sortable: bool = False, wrap: bool = False) -> View:
    """The settings every table shares; ``lines`` of text per row."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(wrap)
    view.setSortingEnabled(sortable)
    vertical = view.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(ROW_HEIGHT * lines)
    vertical.hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


def make_table(
    headers: Sequence[str],
    *,
    right_aligned: Sequence[int] = (),
    lines: int = 1,
    sortable: bool = False,
    wrap: bool = False,
) -> TableView:
    """A view over a fresh :class:`RowsModel` (headers already translated)."""
    view = TableView(RowsModel(headers, right_aligned=right_aligned))
    return setup_view(view, lines=lines, sortable=sortable, wrap=wrap)


class RowsModel(QAbstractTableModel):
    """Rows of text, each with an optional colour and tooltips; sorts by its own ``sort()``."""

    def __init__(self, headers: Sequence[str], *, right_aligned: Sequence[int] = ()) -> None:
        super().__init__()
        self.headers = list(headers)
        self.right_aligned = set(right_aligned)
        self.rows: list[list[str]] = []
        self.colours: list[QColor | None] = []
        self.tooltips: dict[tuple[int, int], str] = {}
        self.colour_columns: set[int] | None = None

    def set_rows(
        self,
        rows: Sequence[Sequence[str]],
        colours: Sequence[QColor | None] = (),
        *,
        colour_columns: Sequence[int] | None = None,
        tooltip_columns: Sequence[int] = (),
    ) -> None:
        """Replace the rows; ``colours[r]`` colours row r's text (in ``colour_columns`` only,
        when given); ``tooltip_columns`` show their whole text on hover (text cut off)."""
        self.beginResetModel()
        self.colour_columns = None if colour_columns is None else set(colour_columns)
        self.rows = [list(row) for row in rows]
        self.colours = [*colours, *[None] * (len(rows) - len(colours))]
        self.tooltips = {(r, c): row[c] for r, row in enumerate(self.rows) for c in tooltip_columns}
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        return self.rows[row][column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r, c = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[r][c] if c < len(self.rows[r]) else ""
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.colour_columns is None or c in self.colour_columns:
                return self.colours[r]
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltips.get((r, c))
        if role == Qt.ItemDataRole.TextAlignmentRole and c in self.right_aligned:
            return _RIGHT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        order_ = sorted(
            range(len(self.rows)),
            key=lambda r: self.rows[r][column],
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.rows = [self.rows[r] for r in order_]
        self.colours = [self.colours[r] for r in order_]
        self.layoutChanged.emit()


class TableView(QTableView):
    """A view whose model is a :class:`RowsModel` (typed access for its users)."""

    def __init__(self, model: RowsModel) -> None:
        super().__init__()
        self.rows_model = model
        self.setModel(model)

    def show_rows(
        self,
        rows: Sequence[Sequence[str]],
        colours: Sequence[QColor | None] = (),
        *,
        colour_columns: Sequence[int] | None = None,
        tooltip_columns: Sequence[int] = (),
    ) -> None:
        """New rows, then columns as wide as their text."""
        self.rows_model.set_rows(
            rows, colours, colour_columns=colour_columns, tooltip_columns=tooltip_columns
        )
        self.resizeColumnsToContents()

    def selected_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None
