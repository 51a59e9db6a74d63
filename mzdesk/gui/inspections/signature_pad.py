"""A signature pad: strokes drawn with the mouse, a pen on a tablet, or a finger, kept as
lines and saved as a PNG (transparent background, dark ink) for ``services.attachments``."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.palette import BORDER, GREY

INK = QColor("#10203a")
PEN_WIDTH = 2.6
SCALE = 2  # the PNG is drawn at twice the widget's size, so a printed signature stays sharp


class SignaturePad(QWidget):
    """``changed`` after every stroke and after ``clear()``; ``is_empty()``; ``png()``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[list[QPointF]] = []
        self._drawing = False
        self.setMinimumSize(320, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(tr("在框内签名（鼠标、手写笔或手指）"))

    # -- strokes -------------------------------------------------------------------------------
    def begin(self, point: QPointF) -> None:
        self.strokes.append([point])
        self._drawing = True
        self.update()

    def extend(self, point: QPointF) -> None:
        if self._drawing and self.strokes:
            self.strokes[-1].append(point)
            self.update()

    def end(self, point: QPointF | None = None) -> None:
        if not self._drawing:
            return
        if point is not None:
            self.extend(point)
        self._drawing = False
        self.changed.emit()

    def clear(self) -> None:
        self.strokes.clear()
        self._drawing = False
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return not any(len(s) > 1 for s in self.strokes)

    # -- input: mouse, tablet pen, touch -----------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.end(event.position())

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self.begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self.extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self.end(event.position())
        event.accept()  # no synthesized mouse events: the stroke is drawn once

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                point = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self.begin(point)
                elif kind == QEvent.Type.TouchUpdate:
                    self.extend(point)
                else:
                    self.end(point)
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            self.end()
            return True
        return super().event(event)

    # -- drawing -----------------------------------------------------------------------------
    def _draw_strokes(self, painter: QPainter) -> None:
        pen = QPen(INK, PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self.strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
            else:
                painter.drawPolyline(QPolygonF(stroke))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor(BORDER), 1))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        baseline = self.height() - 28
        painter.setPen(QPen(QColor(GREY), 1, Qt.PenStyle.DashLine))
        painter.drawLine(16, baseline, self.width() - 16, baseline)
        if self.is_empty():
            painter.drawText(20, baseline - 8, tr("请在此签名"))
        self._draw_strokes(painter)
        painter.end()

    def image(self) -> QImage:
        """The strokes alone, on a transparent background, at ``SCALE`` times the size."""
        image = QImage(self.width() * SCALE, self.height() * SCALE, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(SCALE, SCALE)
        self._draw_strokes(painter)
        painter.end()
        return image

    def png(self) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.image().save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes; the binding refuses them
        buffer.close()
        return bytes(data.data())
