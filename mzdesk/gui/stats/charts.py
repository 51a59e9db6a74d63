"""The charts of the 统计 page (QtCharts), drawn so every label reads whole at any window
size, as good chart libraries do it:

- bars lie horizontally, the names left of them written out (a long home's name is
  shortened: the beginning all names share dropped, then the district before the name,
  then the middle as "…" — the full name in the tooltip of its bar);
- each value is written after its bar in dark text, and the value axis keeps room for the
  longest value after the longest bar;
- the months of the trend are labelled every 1, 2, 3, 4 or 6 months, as many as fit.

Qt's own shortening ("..." for a label with too little room) never happens: the test
``tests/gui/stats/test_chart_labels.py`` reads every label off the chart's scene."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import QWidget

BLUE = "#1f5fa8"
GREEN = "#2e7d32"
VALUE_TEXT = "#1f3b5a"
NAME_SHARE = 0.32  # of the chart's width for the names (Qt gives an axis at most 40%)
LINE = 32  # pixels a bar's line needs (Qt gives a name plot height / (names + 1) − padding)
REST = 92  # title, value axis and margins
GAP = 14  # pixels between two labels of an axis, and Qt's padding either side
# the beginning of a name that says where: 青岛市, 崂山区, 沙子口街道, 城阳镇 …
PLACE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:自治区|自治州|省|市|区|县|旗|街道|镇|乡)")


def new_chart(title: str, parent: QWidget | None = None) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTitle(title)
    chart.legend().setVisible(False)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return chart, view


def _common_start(names: Sequence[str]) -> str:
    first, last = min(names), max(names)  # what these two share, all share
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def _places(text: str) -> int:
    """How many characters at the start of ``text`` say where (青岛市崂山区 …)."""
    n = 0
    while match := PLACE.match(text[n:]):
        n += len(match[0])
    return n


def shorten(names: Sequence[str], metrics: QFontMetrics, room: int) -> list[str]:
    """``names`` as they fit in ``room`` pixels, each different from the others."""
    if all(metrics.horizontalAdvance(n) <= room for n in names):
        return list(names)
    shared = _places(_common_start(names)) if len(names) > 1 else 0
    shown = []
    for name in names:
        short = name[shared:]
        while metrics.horizontalAdvance(short) > room and (match := PLACE.match(short)):
            if len(short) - len(match[0]) < 4:
                break
            short = short[len(match[0]) :]
        shown.append(metrics.elidedText(short, Qt.TextElideMode.ElideMiddle, room))
    seen: dict[str, int] = {}
    for i, text in enumerate(shown):  # categories must differ: 2nd, 3rd … of a kind numbered
        seen[text] = seen.get(text, 0) + 1
        if seen[text] > 1:
            shown[i] = f"{text}·{seen[text]}"
    return shown


def _nice_step(top: float, ticks: int = 5) -> float:
    """A round step giving at most ``ticks`` ticks after 0 up to ``top``."""
    raw = max(top, 1) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return float(next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw))


class BarsView(QChartView):
    """Horizontal bars with names and values; ``full_names`` maps a shortened name shown to
    the name it stands for, and hovering a bar puts its full name and value in the tooltip."""

    def __init__(self, title: str, *, percent: bool, parent: QWidget | None = None) -> None:
        chart, _ = new_chart(title)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.percent = percent
        self.names: list[str] = []
        self.values: list[float] = []
        self.full_names: dict[str, str] = {}
        self.bars: QBarSet | None = None
        self.value_axis: QValueAxis | None = None
        self._room = 0
        self._fitting = False  # a new range moves the plot area, which would fit again …
        chart.plotAreaChanged.connect(lambda _area: self._fit_values())

    def show_bars(self, names: Sequence[str], values: Sequence[float]) -> None:
        self.names = list(names)
        self.values = [round(float(v), 1) for v in values]
        self.setMinimumHeight(max(220, LINE * len(self.names) + REST))
        self._room = 0
        self._draw()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.names and self._name_room() != self._room:
            self._draw()

    def _name_room(self) -> int:
        return max(60, int(self.width() * NAME_SHARE))

    def _draw(self) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self._room = self._name_room()
        shown = shorten(self.names, QFontMetrics(chart.font()), self._room)
        self.full_names = {s: n for s, n in zip(shown, self.names, strict=True) if s != n}
        bars = QBarSet("")
        bars.append(self.values[::-1])  # Qt draws the first at the bottom
        bars.setColor(QColor(BLUE))
        bars.setLabelColor(QColor(VALUE_TEXT))
        bars.hovered.connect(self._hovered)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value%" if self.percent else "@value")
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(shown[::-1])
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        axis = QValueAxis()
        axis.setLabelFormat("%d%%" if self.percent else "%d")
        axis.setTickType(QValueAxis.TickType.TicksDynamic)
        axis.setTickAnchor(0)
        axis.setTickInterval(self._step())
        axis.setRange(0, self._top() * 1.2)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        self.bars, self.value_axis = bars, axis
        self._fit_values()

    def _step(self) -> float:
        """A round tick interval giving the value labels room (at most five ticks, fewer
        on a narrow chart)."""
        width = self.chart().plotArea().width() or self.width() * (1 - NAME_SHARE)
        label = QFontMetrics(self.chart().font()).horizontalAdvance("100%") + GAP
        ticks = max(1, min(5, int(width // label) - 1))
        step = _nice_step(self._top(), ticks)
        if not self.percent:  # counts: whole numbers (a step of 0.2 wrote "0 0 0 0 0 1")
            return max(step, 1.0)
        return max(step, 20.0) if ticks >= 5 else step

    def _top(self) -> float:
        return 100.0 if self.percent else max([*self.values, 1.0])

    def _fit_values(self) -> None:
        """Room after the longest bar for its value (the axis runs on past the top). Not
        re-entered: the new range's tick labels move the plot area, whose signal would call
        this again — at some widths back and forth until the stack overflowed (a crash)."""
        if self._fitting:
            return
        self._fitting = True
        try:
            self._fit_values_once()
        finally:
            self._fitting = False

    def _fit_values_once(self) -> None:
        axis, bars = self.value_axis, self.bars
        if axis is None or bars is None:
            return
        width = self.chart().plotArea().width()
        metrics = QFontMetrics(bars.labelFont())
        label = max(
            (
                metrics.horizontalAdvance(f"{v:g}" + ("%" if self.percent else ""))
                for v in self.values
            ),
            default=0,
        )
        if width <= label + 12:
            return
        top = self._top() * width / (width - label - 12)
        if abs(axis.max() - top) > top * 0.005:
            axis.setRange(0, top)
        step = self._step()
        if step != axis.tickInterval():
            axis.setTickInterval(step)

    def _hovered(self, over: bool, index: int) -> None:
        if not over or not 0 <= index < len(self.names):
            self.setToolTip("")
            return
        index = len(self.names) - 1 - index  # drawn from the bottom
        value = f"{self.values[index]:g}" + ("%" if self.percent else "")
        self.setToolTip(f"{self.names[index]}：{value}")


class TrendView(QChartView):
    """Lines by month; the months labelled every 1, 2, 3, 4 or 6 months, as many as fit."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        chart, _ = new_chart(title)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        chart.legend().setVisible(True)
        self.months: list[str] = []
        self.step = 0
        self.month_axis: QCategoryAxis | None = None

    def show_lines(
        self, months: Sequence[str], lines: Sequence[tuple[str, str, list[float]]]
    ) -> None:
        """``lines``: (name, colour, one value a month)."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.months = list(months)
        self.month_axis = QCategoryAxis()
        self.month_axis.setLabelsPosition(
            QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue
        )
        self.month_axis.setRange(-0.5, max(len(self.months) - 0.5, 0.5))
        self.month_axis.setStartValue(-12)  # the first label's category begins off the chart
        y = QValueAxis()
        y.setRange(0, 100)
        y.setLabelFormat("%d")
        chart.addAxis(self.month_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        for name, colour, values in lines:
            series = QLineSeries()
            series.setName(name)
            series.setColor(QColor(colour))
            for i, value in enumerate(values):
                series.append(float(i), value)
            chart.addSeries(series)
            series.attachAxis(self.month_axis)
            series.attachAxis(y)
        self.step = 0
        self._label_months()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._label_months()

    def _label_months(self) -> None:
        axis = self.month_axis
        if axis is None or not self.months:
            return
        metrics = QFontMetrics(axis.labelsFont())
        widest = max(metrics.horizontalAdvance(m) for m in self.months) + GAP
        plot = self.chart().plotArea().width() or self.width() * 0.8
        # Qt gives each label of the axis its width / (labels + 1)
        step = next(
            (s for s in (1, 2, 3, 4, 6) if plot / (math.ceil(len(self.months) / s) + 1) >= widest),
            12,
        )
        # half a label's room left of the first month (not under the value axis's "0")
        n = len(self.months)
        margin = max(0.5, widest / 2 / (plot / n))
        if abs(axis.min() + margin) > 0.05:
            axis.setRange(-margin, n - 1 + margin)
        if step == self.step:
            return
        self.step = step
        for label in axis.categoriesLabels():
            axis.remove(label)
        for i in range(0, len(self.months), step):
            axis.append(self.months[i], i)
