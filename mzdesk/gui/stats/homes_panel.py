"""统计 → 各机构: every home in scope side by side (beds, nursing-bed share, occupancy,
residents), sortable by any column, with a totals row equal to the headline figures; a
double-click opens that home's figures; exported (.xlsx) and printed (PDF preview) whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.widgets.files import ask_save_path
from mzdesk.gui.widgets.pdf_preview import private_pdf_path, show_pdf_preview
from mzdesk.gui.widgets.table import setup_view
from mzdesk.stats.beds.homes import HomeFigures, totals

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def headers() -> list[str]:
    """The columns' titles in the language shown (asked for when shown, not at import)."""
    return [tr("机构"), tr("区划代码"), tr("类型"), tr("床位"), tr("护理型床位"),
            tr("护理型床位占比"), tr("在用床位"), tr("入住床位"), tr("入住率"), tr("在住人数")]  # fmt: skip


# (what the cell shows, what it sorts by), in the order of headers()
COLUMNS: list[tuple[Callable[[HomeFigures], str], Callable[[HomeFigures], Any]]] = [
    (lambda h: h.name, lambda h: h.name),
    (lambda h: h.region_code, lambda h: h.region_code),
    (lambda h: h.kind.label if h.kind else "", lambda h: h.kind.value if h.kind else ""),
    (lambda h: str(h.beds), lambda h: h.beds),
    (lambda h: str(h.nursing_beds), lambda h: h.nursing_beds),
    (lambda h: h.nursing_share.pct, lambda h: h.nursing_share.value),
    (lambda h: str(h.in_service), lambda h: h.in_service),
    (lambda h: str(h.occupied), lambda h: h.occupied),
    (lambda h: h.occupancy.pct, lambda h: h.occupancy.value),
    (lambda h: str(h.residents), lambda h: h.residents),
]


class HomesModel(QAbstractTableModel):
    """The homes; sorts by the column's value (numbers as numbers), not by its text."""

    def __init__(self) -> None:
        super().__init__()
        self.homes: list[HomeFigures] = []

    def set_homes(self, homes: list[HomeFigures]) -> None:
        self.beginResetModel()
        self.homes = list(homes)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.homes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        home, column = self.homes[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[column][0](home)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 3:
            return RIGHT
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.homes.sort(key=COLUMNS[column][1], reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


def totals_line(homes: list[HomeFigures]) -> str:
    t = totals(homes)
    return tr(
        "合计 {n} 家：床位 {beds} 张，护理型床位 {nursing} 张（{share}），在用 {in_service} 张，"
        "入住 {occupied} 张（入住率 {rate}），在住 {residents} 人"
    ).format(
        n=len(homes),
        beds=t.beds,
        nursing=t.nursing_beds,
        share=t.nursing_share.pct,
        in_service=t.in_service,
        occupied=t.occupied,
        rate=t.occupancy.pct,
        residents=t.residents,
    )


class HomesPanel(QWidget):
    open_home = Signal(object)  # the institution's id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title = ""
        self.as_of = dt.date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        heading = QLabel(tr("各机构（点列标题排序，双击查看该机构）"))
        heading.setStyleSheet("font-weight: bold; color: #1f3b5a;")
        bar.addWidget(heading)
        bar.addStretch(1)
        self.xlsx_button = QPushButton(tr("导出各机构 Excel"))
        self.pdf_button = QPushButton(tr("打印各机构"))
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)
        layout.addLayout(bar)
        self.model = HomesModel()
        self.table = setup_view(QTableView(), sortable=True)
        self.table.setModel(self.model)
        self.table.setMinimumHeight(220)
        layout.addWidget(self.table)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setStyleSheet("color: #1f3b5a;")
        layout.addWidget(self.totals)
        self.table.doubleClicked.connect(self._opened)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.pdf_button.clicked.connect(self.print_pdf)

    def show_homes(self, homes: list[HomeFigures], as_of: dt.date, title: str) -> None:
        self.title, self.as_of = title, as_of
        self.model.set_homes(homes)
        self.table.resizeColumnsToContents()
        self.totals.setText(totals_line(homes))

    def _opened(self, index: QModelIndex) -> None:
        self.open_home.emit(self.model.homes[index.row()].institution_id)

    def _report_title(self) -> str:
        return tr("{area}各机构床位统计").format(area=self.title + " " if self.title else "")

    def export_xlsx(self) -> None:
        suggested = Path.home() / f"各机构床位-{self.as_of.isoformat()}.xlsx"
        ask_save_path(self, tr("导出各机构 Excel"), suggested, "*.xlsx", "xlsx", self._write_xlsx)

    @async_slot(str)
    async def _write_xlsx(self, path: str) -> None:
        # late: reportlab and openpyxl load when first used
        from mzdesk.reports.homes_report import write_homes_xlsx

        homes = list(self.model.homes)
        await self.ctx.worker.read(
            write_homes_xlsx, Path(path), self._report_title(), self.as_of, homes
        )
        self.totals.setText(tr("已导出到 {path}").format(path=path) + "\n" + totals_line(homes))

    @async_slot()
    async def print_pdf(self) -> None:
        # late: reportlab and openpyxl load when first used
        from mzdesk.reports.homes_report import write_homes_pdf

        path = private_pdf_path(f"各机构床位-{self.as_of.isoformat()}")  # 0600, deleted on close
        source = tr("民政桌面 mzdesk 本机数据库 {db}").format(db=self.ctx.db_path)
        await self.ctx.worker.read(
            write_homes_pdf,
            path,
            self._report_title(),
            self.as_of,
            list(self.model.homes),
            source=source,
        )
        self.preview = show_pdf_preview(path, self._report_title(), self, temporary=True)
