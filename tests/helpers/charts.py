"""What a QtCharts chart shows of its labels, read off its graphics scene: an axis label Qt
shortened to "...", a label running out of the area it is clipped to (cut), two labels on top
of each other, or a value label written inside its bar but wider than the bar (white text on
the white background past the bar's edge: "84.6" reads "34.6")."""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarSeries,
    QChartView,
    QHorizontalBarSeries,
)
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsTextItem

SLACK = 1.0  # pixels


def _texts(view: QChartView) -> list[QGraphicsTextItem]:
    return [
        item
        for item in view.scene().items()
        if isinstance(item, QGraphicsTextItem) and item.isVisible() and item.toPlainText()
    ]


def _inside(inner: QRectF, outer: QRectF) -> bool:
    return outer.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(inner)


def _bar_spans(view: QChartView) -> list[tuple[float, float, QRectF]]:
    """(value, category, the bar's rectangle in scene coordinates) for each bar whose value
    label is written inside the bar."""
    chart = view.chart()
    spans = []
    for series in chart.series():
        if not isinstance(series, QAbstractBarSeries):
            continue
        if series.labelsPosition() == QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd:
            continue
        half = series.barWidth() / 2
        for bar_set in series.barSets():
            for i in range(bar_set.count()):
                value = bar_set.at(i)
                if isinstance(series, QHorizontalBarSeries):
                    a, b = QPointF(0, i - half), QPointF(value, i + half)
                elif isinstance(series, QBarSeries):
                    a, b = QPointF(i - half, 0), QPointF(i + half, value)
                else:
                    continue
                rect = QRectF(
                    chart.mapToScene(chart.mapToPosition(a, series)),
                    chart.mapToScene(chart.mapToPosition(b, series)),
                ).normalized()
                spans.append((value, float(i), rect))
    return spans


def label_problems(view: QChartView) -> list[str]:
    """Every problem with the labels ``view`` shows, as readable lines (empty: all fine)."""
    problems = []
    items = _texts(view)
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    for item in items:
        text = item.toPlainText()
        rect = item.sceneBoundingRect()
        if "..." in text or "…" in text:
            problems.append(f"shortened: {text!r}")
        if not _inside(rect, visible):
            problems.append(f"outside the chart: {text!r}")
        if item.isClipped() and not _inside(item.boundingRect(), item.clipPath().boundingRect()):
            problems.append(f"cut by its area: {text!r}")
    for n, item in enumerate(items):
        for other in items[n + 1 :]:
            overlap = item.sceneBoundingRect().intersected(other.sceneBoundingRect())
            if overlap.width() > 2 and overlap.height() > 2:
                problems.append(
                    f"on top of each other: {item.toPlainText()!r}, {other.toPlainText()!r}"
                )
    spans = _bar_spans(view)
    for item in items:
        rect = item.sceneBoundingRect()
        centre = rect.center()
        for _value, _i, bar in spans:
            if (
                bar.top() - SLACK <= centre.y() <= bar.bottom() + SLACK
                and (bar.left() - SLACK <= centre.x() <= bar.right() + SLACK)
                and not _inside(rect, bar)
            ):
                problems.append(f"wider than its bar: {item.toPlainText()!r}")
    return problems
