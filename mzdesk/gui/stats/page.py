"""统计: the figures a bureau publishes, for this institution, a region or all, as of a date;
as a sentence, a table and charts; exported to .xlsx and a printable PDF."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mzdesk.core.errors import os_error_text
from mzdesk.core.i18n import current_language
from mzdesk.core.vocab import BedType
from mzdesk.gui.runtime.context import AppContext
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.runtime.tasks import async_slot
from mzdesk.gui.stats.charts import BLUE, GREEN, BarsView, TrendView
from mzdesk.gui.stats.children_panel import TABLES, ChildrenPanel, ChildrenView, load_children
from mzdesk.gui.stats.districts import (
    district_completer,
    region_prefix,
    set_districts,
    unknown_region,
)
from mzdesk.gui.stats.hazards_panel import HazardsPanel
from mzdesk.gui.stats.homes_panel import HomesPanel
from mzdesk.gui.stats.training_panel import TrainingPanel
from mzdesk.gui.widgets.files import ask_save_path
from mzdesk.gui.widgets.flow import FlowLayout
from mzdesk.gui.widgets.inputs import from_qdate, setup_date
from mzdesk.gui.widgets.pdf_preview import PdfPreview, private_pdf_path, show_pdf_preview
from mzdesk.gui.widgets.table import make_table
from mzdesk.reports.children_rows import area_name
from mzdesk.services.institutions import list_institutions
from mzdesk.stats.beds.asof import Scope
from mzdesk.stats.beds.figures import BedStatistics, bed_statistics
from mzdesk.stats.beds.homes import HomeFigures, homes_side_by_side
from mzdesk.stats.beds.occupancy import (
    GroupOccupancy,
    MonthPoint,
    monthly_trend,
    occupancy_by_group,
)
from mzdesk.stats.beds.snapshots import Snapshots, save_snapshots
from mzdesk.stats.hazards import HazardFigures, hazard_statistics
from mzdesk.stats.training import TrainingFigures, training_statistics
from mzdesk.store.engine import Store

MAX_GROUPS_SHOWN = 16


@dataclass(frozen=True)
class StatsView:
    scope: Scope
    title: str
    figures: BedStatistics
    groups: list[GroupOccupancy]
    trend: list[MonthPoint]
    unsaved: list[Snapshots]  # figures computed afresh, to keep for next time
    training: TrainingFigures
    hazards: HazardFigures
    homes: list[HomeFigures] = field(default_factory=list)  # a region or all: every home
    children: ChildrenView | None = None  # the children's figures (shown with a children's home)


def load_view(
    ctx: AppContext,
    scope: Scope,
    title: str,
    period: tuple[dt.date, dt.date] | None = None,
    children_period: tuple[dt.date, dt.date] | None = None,
) -> StatsView:
    """All the page shows, computed on a reader thread; the snapshots it computed are saved
    afterwards on the one writer (``save_all``). The hazards are counted over ``period``, the
    children's placements and leaving over ``children_period`` (each by default from
    1 January of the scope's day to the day)."""
    unsaved: list[Snapshots] = []
    start, end = period or (dt.date(scope.day.year, 1, 1), scope.day)
    area = area_name(title if scope.institution_id else None, scope.region_prefix)
    return StatsView(
        scope,
        title,
        bed_statistics(ctx.store, scope, keep=unsaved.append),
        occupancy_by_group(ctx.store, scope, keep=unsaved.append),
        monthly_trend(ctx.store, scope),
        unsaved,
        training_statistics(ctx.store, scope),
        hazard_statistics(ctx.store, scope, start, end),
        []
        if scope.institution_id is not None
        else homes_side_by_side(ctx.store, scope, keep=unsaved.append),
        load_children(ctx.store, scope, area, children_period or (start, end)),
    )


def save_all(store: Store, unsaved: list[Snapshots]) -> None:
    for snapshots in unsaved:
        save_snapshots(store, snapshots)


class StatsPage(QWidget):
    # what the page shows: the shell refreshes it when a change touches one of these
    tables = frozenset(
        {"beds", "bed_history", "bed_stays", "residents", "institutions", "buildings", "floors"}
        | {"care_workers", "worker_certificates", "training_sessions", "training_attendance"}
        | {"hazards", "inspection_results"}
        | TABLES
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: StatsView | None = None
        self.preview: PdfPreview | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        bar = FlowLayout()  # wraps on a narrow screen
        self.institution = QComboBox()
        self.institution.setMinimumWidth(220)
        bar.addWidget(QLabel(tr("机构")))
        bar.addWidget(self.institution)
        self.region = QLineEdit()
        self.region.setPlaceholderText(tr("区划名称或代码，如 崂山区、3702"))
        self.region.setMaximumWidth(190)
        self.region.setCompleter(district_completer(self.region))  # names and codes
        bar.addWidget(QLabel(tr("区划")))
        bar.addWidget(self.region)
        self.as_of = QDateEdit()
        setup_date(self.as_of)
        bar.addWidget(QLabel(tr("统计日期")))
        bar.addWidget(self.as_of)
        self.refresh_button = QPushButton(tr("统计"))
        self.xlsx_button = QPushButton(tr("导出 Excel"))
        self.pdf_button = QPushButton(tr("打印报表（PDF）"))
        for button in (self.refresh_button, self.xlsx_button, self.pdf_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        # the figures scroll under the bar: beds, training and hazards need more than a
        # laptop screen's height without squeezing the charts
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 4, 0)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(content)
        layout.addWidget(self.scroller, 1)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setStyleSheet(
            "font-size: 17px; font-weight: bold; color: #1f3b5a; padding: 6px 0;"
        )
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.addWidget(self.sentence)
        grid = QGridLayout()
        self.table = make_table(
            [tr("指标"), tr("数值"), tr("分子"), tr("分母")], right_aligned=(1, 2, 3)
        )
        self.table.setMinimumWidth(380)
        grid.addWidget(self.table, 0, 0, 2, 1)
        self.type_view = BarsView(tr("按类型的床位数"), percent=False)
        self.group_view = BarsView(tr("入住率"), percent=True)
        self.trend_view = TrendView(tr("月度趋势：入住率与护理型床位占比（%）"))
        self.type_chart = self.type_view.chart()
        self.group_chart = self.group_view.chart()
        self.trend_chart = self.trend_view.chart()
        # the occupancy of each floor or home gets the page's width: its names need room
        grid.addWidget(self.type_view, 0, 1)
        grid.addWidget(self.trend_view, 1, 1)
        grid.addWidget(self.group_view, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        body.addLayout(grid, 1)
        self.homes = HomesPanel(ctx)
        self.homes.open_home.connect(self.open_home)
        self.homes.hide()
        body.addWidget(self.homes)
        self.training = TrainingPanel()
        body.addWidget(self.training)
        self.hazards = HazardsPanel()
        body.addWidget(self.hazards)
        self.children_panel = ChildrenPanel(ctx, content)
        self.children_panel.hide()
        body.addWidget(self.children_panel)
        self.message = QLabel()
        self.message.setStyleSheet("color: #566;")
        layout.addWidget(self.message)
        self.refresh_button.clicked.connect(self.refresh)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.pdf_button.clicked.connect(self.export_pdf)
        self._institutions_loaded = False

    def scope(self) -> tuple[Scope, str]:
        data = self.institution.currentData()
        institution_id = uuid.UUID(data) if isinstance(data, str) and data else None
        region = region_prefix(self.region.text())
        day = from_qdate(self.as_of.date())
        if institution_id is not None:
            return Scope(institution_id, None, day), self.institution.currentText()
        return Scope(None, region, day), (
            tr("区划{code}").format(code=region) if region else tr("全部机构")
        )

    @async_slot()
    async def refresh(self) -> None:
        if (
            not self._institutions_loaded
            or self.institution.findData(str(self.ctx.institution.id)) < 0
        ):
            institutions = await self.ctx.worker.read(list_institutions, self.ctx.store)
            self.institution.clear()
            self.institution.addItem(tr("全部机构"), None)
            for institution in institutions:
                self.institution.addItem(
                    institution.name, str(institution.id)
                )  # as text: see widgets
            self.institution.setCurrentIndex(
                max(0, self.institution.findData(str(self.ctx.institution.id)))
            )
            self._institutions_loaded = True
            set_districts(self.region.completer(), [i.region_code for i in institutions])
        scope, name = self.scope()
        unknown = unknown_region(scope.region_prefix)
        if unknown:  # say so, rather than show the figures of no institution
            self.view = None
            self.sentence.setText(unknown)
            self.table.show_rows([])
            for bars in (self.type_view, self.group_view):
                bars.show_bars([], [])  # nor the last scope's, as if they were this one's
            self.trend_view.show_lines([], [])
            for panel in (self.homes, self.training, self.hazards, self.children_panel):
                panel.hide()
            self.message.setText(unknown)
            return
        period = self.hazards.period()
        self.view = await self.ctx.worker.read(
            load_view, self.ctx, scope, name, period, self.children_panel.period()
        )
        self.show_view(self.view)
        if any(s.fresh for s in self.view.unsaved):
            await self.ctx.worker.write_quietly(save_all, self.ctx.store, self.view.unsaved)

    def _fit_table(self) -> None:
        """As wide as its four columns (分子 and 分母 were cut behind a scroll bar), within reason."""
        self.table.resizeColumnsToContents()
        bar = self.table.verticalScrollBar()
        width = self.table.horizontalHeader().length() + 2 * self.table.frameWidth()
        width += bar.sizeHint().width() if bar.isVisible() else 0
        self.table.setMinimumWidth(max(380, min(width + 2, 560)))

    def open_home(self, institution_id: uuid.UUID) -> None:
        """One home's figures, from the homes side by side (a double-click)."""
        index = self.institution.findData(str(institution_id))
        if index >= 0:
            self.institution.setCurrentIndex(index)
            self.refresh()

    def show_view(self, view: StatsView) -> None:
        # late: reportlab and openpyxl load when first used
        from mzdesk.reports.bed_report import metric_rows

        f = view.figures
        area = "" if view.scope.institution_id else (view.title if view.scope.region_prefix else "")
        language = current_language()  # the core's: the app's English screens say it in English
        end = "." if language == "en" else "。"
        self.sentence.setText(f.sentence(area, language) + end)
        self.table.show_rows(metric_rows(f, language))
        self._fit_table()
        self.type_view.show_bars(
            [t.label for t in BedType], [f.beds_by_type.get(t, 0) for t in BedType]
        )
        shown = view.groups[:MAX_GROUPS_SHOWN]
        title = tr("入住率（按楼层）") if view.scope.institution_id else tr("入住率（按机构）")
        if len(view.groups) > len(shown):
            title += tr("，前 {shown} 组（共 {total} 组，全部见报表）").format(
                shown=len(shown), total=len(view.groups)
            )
        self.group_chart.setTitle(title)
        self.group_view.show_bars(
            [g.group for g in shown], [g.occupancy.value * 100 for g in shown]
        )
        self.trend_view.show_lines(
            [p.month for p in view.trend],
            [
                (tr("入住率"), BLUE, [p.occupancy.value * 100 for p in view.trend]),
                (tr("护理型床位占比"), GREEN, [p.nursing_share.value * 100 for p in view.trend]),
            ],
        )
        self.homes.setVisible(view.scope.institution_id is None)
        self.training.show()
        self.hazards.show()
        self.homes.show_homes(view.homes, f.as_of, view.title)
        self.training.show_figures(view.training)
        self.hazards.show_figures(view.hazards)
        children = view.children
        # a nursing home alone, or a region without a children's home: no children's part
        self.children_panel.setVisible(children is not None)
        if children is not None:
            self.children_panel.show_view(children)
        self.message.setText(
            tr("统计日期 {date}；床位数含停用床位，入住率 = 入住床位 / 在用床位。").format(
                date=f.as_of.isoformat()
            )
        )

    def _report_title(self) -> str:
        return tr("{area}床位统计报表").format(area=self.view.title + " " if self.view else "")

    def export_xlsx(self) -> None:
        self._ask_path(tr("导出 Excel"), "xlsx", self._write_xlsx)

    def _ask_path(self, caption: str, suffix: str, then: Callable[[str], object]) -> None:
        if self.view is None:
            return
        suggested = Path.home() / f"床位统计-{self.view.figures.as_of.isoformat()}.{suffix}"
        ask_save_path(self, caption, suggested, f"*.{suffix}", suffix, then)

    @async_slot(str)
    async def _write_xlsx(self, path: str) -> None:
        # late: reportlab and openpyxl load when first used
        from mzdesk.reports.bed_report import write_xlsx

        view = self.view
        if view is None:
            return
        await self.ctx.worker.read(
            write_xlsx,
            Path(path),
            self._report_title(),
            view.figures,
            view.groups,
            view.trend,
            view.training,
            view.hazards,
        )
        self.message.setText(tr("已导出到 {path}").format(path=path))

    @async_slot()
    async def export_pdf(self) -> None:
        """The report as a PDF in the preview (打印… / 另存为…), never only a file."""
        # late: reportlab and openpyxl load when first used
        from mzdesk.reports.bed_report import write_pdf

        view = self.view
        if view is None:
            return
        source = tr("民政桌面 mzdesk 本机数据库 {db}").format(db=self.ctx.db_path)
        path = private_pdf_path(f"床位统计-{view.figures.as_of.isoformat()}")
        try:
            await self.ctx.worker.read(
                write_pdf,
                path,
                self._report_title(),
                view.figures,
                view.groups,
                view.trend,
                source=source,
                printed=dt.date.today(),
                training=view.training,
                hazards=view.hazards,
            )
        except OSError as error:
            self.message.setText(tr("无法生成 PDF：") + os_error_text(error))
            return
        self.preview = show_pdf_preview(path, self._report_title(), self.window(), temporary=True)
