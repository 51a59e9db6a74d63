"""A bed tile of the bed board: its colours, its two lines of text, and how it is drawn."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen

from mzdesk.core.vocab import BedStatus, BedType
from mzdesk.gui.runtime.i18n import tr
from mzdesk.services.bed_board import BoardBed

STATUS_COLOURS = {
    BedStatus.FREE: ("#e3f4e4", "#2e7d32"),
    BedStatus.OCCUPIED: ("#e3edf9", "#1f5fa8"),
    BedStatus.RESERVED: ("#fff3dc", "#b26a00"),
    BedStatus.OUT_OF_SERVICE: ("#eceff1", "#78909c"),
}
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
    return f"{bed.label}\n{bed.bed_type.label} · {bed.status.label}"


def draw_tile(
    painter: QPainter,
    metrics: QFontMetrics,
    entry: BoardBed,
    rect: QRect,
    emphasised: bool,
    focused: bool,
) -> None:
    background, border = STATUS_COLOURS[entry.bed.status]
    painter.setPen(QPen(QColor(border), 2 if emphasised else 1))
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
