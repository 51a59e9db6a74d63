"""The children's part of the 统计 page (儿童福利, issue 16): shown when the scope holds a
children's home. The figures as of the page's day, placements and leaving over a period of its
own; a sentence, the numbers, the breakdowns, a chart by category, the running 寻亲公告 (past
their deadline in red) and, for a region or all, every children's home side by side; exported
to .xlsx and printed (PDF preview) as the page shows them (reports/children_report.py).

Figures only: no child's name, no birth or foster family — a notice is shown by its home and
dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import os_error_text
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.stats.charts import BarsView
from mzdesk.gui.widgets.files import ask_save_path
from mzdesk.gui.widgets.inputs import from_qdate, setup_date
from mzdesk.gui.widgets.pdf_preview import PdfPreview, private_pdf_path, show_pdf_preview
from mzdesk.gui.widgets.table import ROW_HEIGHT, TableView, make_table
from mzdesk.reports.children_rows import (
    headline,
    home_headers,
    home_rows,
    notice_headers,
    notice_rows,
    report_title,
    sections,
    sentence,
)
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.children import ChildFigures, children_statistics
from mzdesk.stats.children_homes import HomeChildren, children_homes, children_side_by_side
from mzdesk.store.engine import Store

RED = QColor("#b3261e")
# what the panel shows: the page refreshes when one of these changes
TABLES = frozenset(
    {"child_intakes", "family_notices", "child_assessments", "child_upbringing"}
    | {"child_placements", "placement_visits"}
)


@dataclass(frozen=True)
class ChildrenView:
    figures: ChildFigures
    area: str  # how titles name the scope: the home, 区划3702, or "" for all
    homes: list[HomeChildren] = field(default_factory=list)  # a region or all: every home


def load_children(
    store: Store, scope: Scope, area: str, period: tuple[dt.date, dt.date]
) -> ChildrenView | None:
    """The figures of ``scope`` (on a reader thread), each home's too for a region or all;
    None when the scope holds no children's home (one query: a nursing home's page)."""
    if not children_homes(store, scope):
        return None
    figures = children_statistics(store, scope, period)
    many = scope.institution_id is None
    return ChildrenView(figures, area, children_side_by_side(store, scope, period) if many else [])


class ChildrenPanel(QFrame):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ChildrenView | None = None
        self.preview: PdfPreview | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        title = QLabel(tr("儿童福利"))
        title.setStyleSheet("font-weight: bold; color: #1f3b5a;")
        bar.addWidget(title)
        self.start = QDateEdit()
        self.end = QDateEdit()
        today = dt.date.today()
        setup_date(self.start, dt.date(today.year, 1, 1))
        setup_date(self.end, today)
        bar.addWidget(QLabel(tr("安置与离院统计期")))
        bar.addWidget(self.start)
        bar.addWidget(QLabel(tr("至")))
        bar.addWidget(self.end)
        bar.addStretch(1)
        self.xlsx_button = QPushButton(tr("导出Excel"), self)
        self.pdf_button = QPushButton(tr("打印PDF"), self)
        bar.addWidget(self.xlsx_button)
        bar.addWidget(self.pdf_button)
        layout.addLayout(bar)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setStyleSheet("font-size: 15px; font-weight: bold; color: #1f3b5a;")
        layout.addWidget(self.sentence)
        # the numbers, the breakdowns and the notices side by side; the chart below them gets
        # the panel's width (the English category names are long)
        grid = QGridLayout()
        self.numbers = make_table([tr("指标"), tr("数值")], right_aligned=(1,))
        self.groups = make_table([tr("分组"), tr("项目"), tr("人数")], right_aligned=(2,))
        for table in (self.numbers, self.groups):
            table.setMinimumHeight(300)
        self.notices = make_table([])  # headers: the report's, when shown
        self.homes = make_table([], right_aligned=tuple(range(2, 12)))
        self.notices_heading = QLabel(tr("寻亲公告（公告中的；已过公告期的标红）"), self)
        self.homes_heading = QLabel(tr("各儿童福利机构"), self)
        for heading in (self.notices_heading, self.homes_heading):
            heading.setStyleSheet("font-weight: bold; color: #1f3b5a;")
            heading.setWordWrap(True)
        for table in (self.numbers, self.groups, self.notices, self.homes):
            # as wide as their columns: a stretched last column only ever widened the table
            table.horizontalHeader().setStretchLastSection(False)
        side = QVBoxLayout()
        side.addWidget(self.notices_heading)
        side.addWidget(self.notices)
        side.addStretch(1)
        grid.addWidget(self.numbers, 0, 0)
        grid.addWidget(self.groups, 0, 1)
        grid.addLayout(side, 0, 2)
        grid.setColumnStretch(2, 1)
        self.category_view = BarsView(tr("在院儿童（按类别）"), percent=False)
        grid.addWidget(self.category_view, 1, 0, 1, 3)
        layout.addLayout(grid)
        layout.addWidget(self.homes_heading)
        layout.addWidget(self.homes)
        self.message = QLabel()
        self.message.setStyleSheet("color: #566;")
        layout.addWidget(self.message)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.pdf_button.clicked.connect(self.print_pdf)

    def period(self) -> tuple[dt.date, dt.date]:
        """The period chosen; a start after the end is read as the end's day alone."""
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        return (min(start, end), end)

    def show_view(self, view: ChildrenView) -> None:
        self.view, f = view, view.figures
        self.sentence.setText(sentence(f, view.area))
        self.numbers.show_rows([(label, str(n)) for label, n in headline(f)])
        _fit_width(self.numbers)
        self.groups.show_rows(
            [
                (section if i == 0 else "", label, str(n))
                for section, rows in sections(f)
                for i, (label, n) in enumerate(rows)
            ]
        )
        _fit_width(self.groups)
        self.category_view.show_bars(list(f.by_category), list(f.by_category.values()))
        notices = notice_rows(f)
        self.notices.rows_model.headers = notice_headers()
        self.notices.show_rows(
            [row for row, _past in notices], [RED if past else None for _row, past in notices]
        )
        rows = home_rows(view.homes, f)
        self.homes.rows_model.headers = home_headers()
        self.homes.show_rows([[str(v) for v in row] for row in rows])
        self.homes.setVisible(bool(rows))
        self.homes_heading.setVisible(bool(rows))
        for table, most in ((self.notices, 8), (self.homes, 12)):
            _fit_height(table, most)
        self.message.setText(
            tr(
                "统计日期 {day}；安置与离院：{start} 至 {end}。只有数字，不含儿童姓名与家庭信息。"
            ).format(
                day=f.as_of.isoformat(), start=f.period[0].isoformat(), end=f.period[1].isoformat()
            )
        )

    def _title(self) -> str:
        return report_title(self.view.area if self.view else "")

    def _stem(self) -> str:
        day = self.view.figures.as_of.isoformat() if self.view else ""
        return tr("儿童统计") + f"-{day}"

    def export_xlsx(self) -> None:
        self._ask_path(tr("导出Excel"), "xlsx", self._write_xlsx)

    def _ask_path(self, caption: str, suffix: str, then: Callable[[str], object]) -> None:
        if self.view is None:
            return
        suggested = Path.home() / f"{self._stem()}.{suffix}"
        ask_save_path(self, caption, suggested, f"*.{suffix}", suffix, then)

    @async_slot(str)
    async def _write_xlsx(self, path: str) -> None:
        # late: reportlab and openpyxl load when first used
        from mzdesk.reports.children_report import write_children_xlsx

        view = self.view
        if view is None:
            return
        try:
            await self.ctx.worker.read(
                write_children_xlsx, Path(path), self._title(), view.figures, view.homes
            )
        except OSError as error:
            self.message.setText(tr("无法导出：") + os_error_text(error))
            return
        self.message.setText(tr("已导出到 {path}").format(path=path))

    @async_slot()
    async def print_pdf(self) -> None:
        """The report in the preview (打印… / 另存为…), never only a file."""
        # late: reportlab and openpyxl load when first used
        from mzdesk.reports.children_report import write_children_pdf

        view = self.view
        if view is None:
            return
        source = tr("民政桌面 mzdesk 本机数据库 {db}").format(db=self.ctx.db_path)
        path = private_pdf_path(self._stem())  # 0600, deleted on close
        try:
            await self.ctx.worker.read(
                write_children_pdf,
                path,
                self._title(),
                view.figures,
                view.homes,
                area=view.area,
                source=source,
            )
        except OSError as error:
            self.message.setText(tr("无法生成 PDF：") + os_error_text(error))
            return
        self.preview = show_pdf_preview(path, self._title(), self.window(), temporary=True)


def _fit_width(table: TableView) -> None:
    """As wide as its columns (the counts were cut behind a scroll bar)."""
    bar = table.verticalScrollBar()
    width = table.horizontalHeader().length() + 2 * table.frameWidth()
    table.setFixedWidth(width + bar.sizeHint().width() + 2)  # the rest goes to the notices


def _fit_height(table: TableView, most: int) -> None:
    """As tall as its rows (one at least), up to ``most`` rows (then it scrolls)."""
    rows = min(max(table.rows_model.rowCount(), 1), most)
    header = table.horizontalHeader().sizeHint().height()
    scroll = table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(header + rows * ROW_HEIGHT + 2 * table.frameWidth() + scroll)
