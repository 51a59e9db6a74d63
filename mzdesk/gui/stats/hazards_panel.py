"""The hazard part of the 统计 page (隐患整改): a period of its own, the counts and the
closure rate for it, and the same counts by level, checklist section and month."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDateEdit, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.inputs import from_qdate, setup_date
from mzdesk.gui.widgets.table import make_table
from mzdesk.stats.hazards import HazardFigures

LABEL_WIDTH = 230  # a long checklist section is cut (its full name in the tooltip)
STYLE = "font-size: 15px; font-weight: bold; color: %s; padding-right: 16px;"


class HazardsPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(230)
        self.setMaximumHeight(260)
        row = QHBoxLayout(self)
        left = QVBoxLayout()
        bar = QHBoxLayout()
        title = QLabel(tr("隐患整改"))
        title.setStyleSheet("font-weight: bold; color: #1f3b5a;")
        bar.addWidget(title)
        self.start = QDateEdit()
        self.end = QDateEdit()
        today = dt.date.today()
        setup_date(self.start, dt.date(today.year, 1, 1))
        setup_date(self.end, today)
        bar.addWidget(QLabel(tr("统计期")))
        bar.addWidget(self.start)
        bar.addWidget(QLabel(tr("至")))
        bar.addWidget(self.end)
        bar.addStretch(1)
        left.addLayout(bar)
        self.found = QLabel()
        self.rate = QLabel()
        self.open = QLabel()
        for label in (self.found, self.rate, self.open):
            left.addWidget(label)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        left.addWidget(self.detail)
        left.addStretch(1)
        row.addLayout(left)
        columns = [tr("发现"), tr("销号"), tr("期内销号"), tr("期末未销号"), tr("其中超期")]
        self.groups = make_table(
            [tr("分组"), *columns, tr("整改销号率")], right_aligned=(1, 2, 3, 4, 5, 6)
        )
        self.months = make_table(
            [tr("月份"), *columns, tr("整改销号率")], right_aligned=(1, 2, 3, 4, 5, 6)
        )
        row.addWidget(self.groups, 3)
        row.addWidget(self.months, 2)

    def period(self) -> tuple[dt.date, dt.date]:
        """The period chosen; a start after the end is read as the end's day alone."""
        start, end = from_qdate(self.start.date()), from_qdate(self.end.date())
        return (min(start, end), end)

    def show_figures(self, f: HazardFigures) -> None:
        # late: reportlab and openpyxl load when first used
        from mzdesk.reports.hazard_report import count_cells, month_rows

        self.found.setText(
            tr("发现 {found} 项，已销号 {closed} 项").format(found=f.found, closed=f.closed)
        )
        self.found.setStyleSheet(STYLE % "#1f3b5a")
        rate = f.closure_rate
        self.rate.setText(tr("整改销号率 {pct}").format(pct=rate.pct))
        self.rate.setStyleSheet(
            STYLE % ("#2e7d32" if rate.numerator == rate.denominator else "#b26a00")
        )
        self.open.setText(
            tr("期末未销号 {open} 项，其中超期 {overdue} 项").format(
                open=f.open_at_end, overdue=f.overdue_at_end
            )
        )
        self.open.setStyleSheet(STYLE % ("#b3261e" if f.overdue_at_end else "#1f3b5a"))
        self.detail.setText(
            tr("{start} 至 {end}，期内销号 {closed} 项（不论何时发现）。").format(
                start=f.start.isoformat(), end=f.end.isoformat(), closed=f.closed_in_period
            )
        )
        self.groups.show_rows(
            [
                *((tr("等级：") + level.label, *count_cells(c)) for level, c in f.by_level.items()),
                *((tr("类别：") + name, *count_cells(c)) for name, c in f.by_section.items()),
            ],
            tooltip_columns=(0,),
        )
        self.groups.setColumnWidth(0, min(self.groups.columnWidth(0), LABEL_WIDTH))
        self.months.show_rows(month_rows(f))
