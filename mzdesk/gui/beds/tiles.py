"""A bed tile of the bed board: its colours, its two lines of text, and how it is drawn."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from mzdesk.core.vocab import BedStatus, BedType
from mzdesk.gui.runtime.i18n import tr
from mzdesk.gui.widgets.palette import MUTED
from mzdesk.services.bed_board import BoardBed

STATUS_COLOURS = {
    BedStatus.FREE: ("#e3f4e4", "#2e7d32"),
    BedStatus.OCCUPIED: ("#e3edf9", "#1f5fa8"),
    BedStatus.RESERVED: ("#fff3dc", "#b26a00"),
    BedStatus.OUT_OF_SERVICE: ("#eceff1", "#78909c"),
}
# a bed whose resident is on leave: still taken (not free to admit into), but empty tonight —
# its own colour and a dashed border, so it is told apart without colour too
ON_LEAVE_COLOURS = ("#f3edf9", "#6a4c93")
TYPE_MARKS = {BedType.SELF_CARE: "自", BedType.NURSING: "护", BedType.DEMENTIA: "认"}


def tile_text(entry: BoardBed) -> tuple[str, str]:
    """A tile's two lines: the bed and its type, then who is in it (or its status)."""
    bed = entry.bed
    who = entry.resident_name or bed.status.label
    if entry.on_leave:
        who += tr("（外出）")
    return f"{bed.number}  [{TYPE_MARKS[bed.bed_type]}]", who


def tile_tooltip(entry: BoardBed) -> str:
    bed = entry.bed
    status = bed.status.label
    if entry.on_leave:
        status = tr("{status}，住户外出中").format(status=status)
    return f"{bed.label}\n{bed.bed_type.label} · {status}"


def tile_colours(entry: BoardBed) -> tuple[str, str, bool]:
    """Background, border, and whether the border is dashed."""
    if entry.on_leave:
        return (*ON_LEAVE_COLOURS, True)
    return (*STATUS_COLOURS[entry.bed.status], False)


def swatch(background: str, border: str, dashed: bool, size: int = 14) -> QPixmap:
    """The legend's sample of a tile's look: a small square, not a button-like chip."""
    picture = QPixmap(size, size)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    pen = QPen(QColor(border), 1.5, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    if dashed:
        pen.setDashPattern([2, 1.5])
    painter.setPen(pen)
    painter.setBrush(QColor(background))
    painter.drawRect(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return picture


def draw_tile(
    painter: QPainter,
    metrics: QFontMetrics,
    entry: BoardBed,
    rect: QRect,
    emphasised: bool,
    focused: bool,
) -> None:
    background, border, dashed = tile_colours(entry)
    pen = QPen(QColor(border), 2 if emphasised else 1)
    if dashed:
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([5, 3])
    painter.setPen(pen)
    painter.setBrush(QColor(background))
    painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 5, 5)
    if focused:
        painter.setPen(QPen(QColor(border), 1, Qt.PenStyle.DotLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(4, 4, -4, -4), 3, 3)
    painter.setPen(QColor("#222"))
    text_width = rect.width() - 8
    for line, text in enumerate(tile_text(entry)):
        line_rect = QRect(rect.left() + 4, rect.top() + 5 + line * 19, text_width, 18)
        painter.drawText(
            line_rect,
            Qt.AlignmentFlag.AlignCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, text_width),
        )


def legend() -> QWidget:
    """What the tiles' looks mean — a swatch beside plain text for each — then the type marks."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(4)
    looks = [(status.label, (*colours, False)) for status, colours in STATUS_COLOURS.items()]
    looks.insert(2, (tr("外出中"), (*ON_LEAVE_COLOURS, True)))  # after 在住, which it is a kind of
    for text, (background, border, dashed) in looks:
        sample = QLabel()
        sample.setPixmap(swatch(background, border, dashed))
        row.addWidget(sample)
        row.addWidget(QLabel(text))
        row.addSpacing(10)
    marks = QLabel("  ".join(f"[{m}] {t.label}" for t, m in TYPE_MARKS.items()))
    marks.setStyleSheet(f"color: {MUTED};")
    row.addWidget(marks)
    return box
