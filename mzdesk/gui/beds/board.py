"""The bed board drawn as one widget: every bed a painted tile, laid out by building, floor
and room (rooms in rows of six, a room's beds under its name).

A home of 500 beds was 500 buttons: a new bed meant building its floor's widgets again.
Here the board is a list of entries and a list of rectangles computed from it: a change
merges the few entries it touched, lays the board out again in plain Python (well under a
millisecond per hundred beds) and repaints what is visible. Mouse, keyboard (arrows, Enter,
the menu key) and tooltips work on the painted tiles.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import groupby

from PySide6.QtCore import QEvent, QLine, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QScrollArea, QToolTip, QWidget

from mzdesk.gui.beds.tiles import draw_tile, tile_tooltip
from mzdesk.gui.runtime.i18n import tr
from mzdesk.services.bed_board import BoardBed

ROOMS_PER_ROW = 6

MARGIN = 8
FLOOR_LABEL_WIDTH = 48
TILE = QSize(112, 48)
ROOM_GAP = 14  # between two rooms of a row
BED_GAP = 6  # between two beds of a room, and below a row of rooms
ROOM_LABEL_HEIGHT = 20
TITLE_HEIGHT = 34
FLOOR_PADDING = 8


@dataclass(frozen=True)
class Label:
    rect: QRect
    text: str
    kind: str  # building | floor | room


def _place(entry: BoardBed) -> tuple[object, ...]:
    bed = entry.bed
    return (entry.order, bed.building, bed.floor, bed.room)


class BedBoard(QWidget):
    """The board. ``entries`` are in board order; ``tiles`` the rectangle of each."""

    clicked = Signal(object)  # BoardBed
    menu_requested = Signal(object, QPoint)  # BoardBed, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bedBoard")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("床位一览"))
        self.entries: list[BoardBed] = []
        self.tiles: list[QRect] = []
        self.labels: list[Label] = []
        self.rules: list[QLine] = []
        self.index: dict[uuid.UUID, int] = {}
        self.layouts = 0  # how many times the board was laid out (a refresh may not need to)
        self.hovered: int | None = None
        self.current: int | None = None
        self._size = QSize(0, 0)
        self._title_font = QFont(self.font())
        self._title_font.setPixelSize(16)
        self._title_font.setBold(True)
        self._tile_font = QFont(self.font())
        self._tile_font.setPixelSize(12)
        # a tile's picture by (entry, emphasised, focused): drawn once, painted many times
        self._pictures: dict[tuple[BoardBed, bool, bool], QPixmap] = {}

    # ---- contents

    def show_entries(self, entries: Iterable[BoardBed]) -> None:
        """Show these beds (in board order), replacing what is shown."""
        current = self._current_id()
        self.entries = list(entries)
        self._lay_out(current)

    def merge(self, entries: Iterable[BoardBed], gone: Collection[uuid.UUID] = ()) -> bool:
        """Put the beds a change touched in their places and drop ``gone`` ones. Beds that
        stay where they were are repainted alone; a new, moved or removed bed lays the board
        out again. Returns whether the board was laid out again."""
        entries = list(entries)
        moved = [
            e
            for e in entries
            if e.bed.id not in self.index or _place(self.entries[self.index[e.bed.id]]) != _place(e)
        ]
        removed = [bed_id for bed_id in gone if bed_id in self.index]
        if not moved and not removed:
            for entry in entries:
                i = self.index[entry.bed.id]
                if self.entries[i] != entry:
                    self.entries[i] = entry
                    self.update(self.tiles[i].adjusted(-2, -2, 2, 2))
            if len(self._pictures) > 3 * len(self.entries) + 16:  # pictures of old states
                shown = set(self.entries)
                self._pictures = {k: p for k, p in self._pictures.items() if k[0] in shown}
            return False
        current = self._current_id()
        touched = {e.bed.id for e in entries} | set(removed)
        kept = [e for e in self.entries if e.bed.id not in touched]
        self.entries = sorted(kept + entries, key=lambda e: e.order)
        self._lay_out(current)
        return True

    def tile_rect(self, bed_id: uuid.UUID) -> QRect:
        return QRect(self.tiles[self.index[bed_id]])

    def tile_at(self, point: QPoint) -> int | None:
        for i, rect in enumerate(self.tiles):
            if rect.contains(point):
                return i
        return None

    def _current_id(self) -> uuid.UUID | None:
        return self.entries[self.current].bed.id if self.current is not None else None

    def _lay_out(self, current: uuid.UUID | None) -> None:
        """Rectangles for every title, floor, room and bed, from the entries' order."""
        self.layouts += 1
        tiles: list[QRect] = []
        labels: list[Label] = []
        rules: list[QLine] = []
        width = MARGIN * 2 + FLOOR_LABEL_WIDTH + ROOMS_PER_ROW * (TILE.width() + ROOM_GAP)
        y = MARGIN
        for building, in_building in groupby(self.entries, key=lambda e: e.bed.building):
            labels.append(
                Label(QRect(MARGIN, y, width - 2 * MARGIN, TITLE_HEIGHT), building, "building")
            )
            y += TITLE_HEIGHT
            for floor, on_floor in groupby(in_building, key=lambda e: e.bed.floor):
                rules.append(QLine(MARGIN, y, width - MARGIN, y))
                y += FLOOR_PADDING
                labels.append(
                    Label(QRect(MARGIN, y, FLOOR_LABEL_WIDTH, ROOM_LABEL_HEIGHT), floor, "floor")
                )
                rooms = [
                    (room, list(beds)) for room, beds in groupby(on_floor, lambda e: e.bed.room)
                ]
                for start in range(0, len(rooms), ROOMS_PER_ROW):
                    row = rooms[start : start + ROOMS_PER_ROW]
                    for column, (room, beds) in enumerate(row):
                        x = MARGIN + FLOOR_LABEL_WIDTH + column * (TILE.width() + ROOM_GAP)
                        room_text = tr("{room}室").format(room=room)
                        labels.append(
                            Label(QRect(x, y, TILE.width(), ROOM_LABEL_HEIGHT), room_text, "room")
                        )
                        for k in range(len(beds)):
                            top = y + ROOM_LABEL_HEIGHT + k * (TILE.height() + BED_GAP)
                            tiles.append(QRect(QPoint(x, top), TILE))
                    deepest = max(len(beds) for _, beds in row)
                    y += ROOM_LABEL_HEIGHT + deepest * (TILE.height() + BED_GAP) + BED_GAP
        self.tiles, self.labels, self.rules = tiles, labels, rules
        shown = set(self.entries)
        self._pictures = {key: p for key, p in self._pictures.items() if key[0] in shown}
        self.index = {e.bed.id: i for i, e in enumerate(self.entries)}
        self.current = self.index.get(current) if current is not None else None
        self.hovered = None
        self._size = QSize(width, y + MARGIN if self.entries else 0)
        self.setMinimumSize(self._size)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return self._size

    # ---- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        area = event.rect()
        painter = QPainter(self)  # tiles bring their own antialiasing (their pictures)
        painter.setPen(QPen(QColor("#d8dee6"), 1))
        for rule in self.rules:
            if area.top() - 1 <= rule.y1() <= area.bottom() + 1:
                painter.drawLine(rule)
        painter.setPen(QColor("#222"))
        for label in self.labels:
            if label.rect.intersects(area):
                painter.setFont(self._title_font if label.kind == "building" else self.font())
                painter.drawText(
                    label.rect,
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    label.text,
                )
        painter.setFont(self._tile_font)
        metrics = QFontMetrics(self._tile_font)
        for i, rect in enumerate(self.tiles):
            if rect.intersects(area):
                self._paint_tile(painter, metrics, i, rect)
        painter.end()

    def _paint_tile(self, painter: QPainter, metrics: QFontMetrics, i: int, rect: QRect) -> None:
        """A tile from its cached picture: text layout is most of a tile's cost, and a
        repaint after a change would otherwise lay out every visible tile's text again."""
        entry = self.entries[i]
        key = (entry, i in (self.hovered, self.current), i == self.current and self.hasFocus())
        picture = self._pictures.get(key)
        if picture is None:
            ratio = self.devicePixelRatioF()
            picture = QPixmap(TILE * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            tile = QPainter(picture)
            tile.setRenderHint(QPainter.RenderHint.Antialiasing)
            tile.setFont(self._tile_font)
            draw_tile(tile, metrics, entry, QRect(QPoint(0, 0), TILE), key[1], key[2])
            tile.end()
            self._pictures[key] = picture
        painter.drawPixmap(rect.topLeft(), picture)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.PaletteChange,
            QEvent.Type.StyleChange,
            QEvent.Type.LanguageChange,
        ):
            self._pictures.clear()
        super().changeEvent(event)

    # ---- mouse and keyboard

    def _set_hovered(self, i: int | None) -> None:
        if i == self.hovered:
            return
        for old in (self.hovered, i):
            if old is not None:
                self.update(self.tiles[old].adjusted(-2, -2, 2, 2))
        self.hovered = i

    def _set_current(self, i: int | None) -> None:
        previous, self.current = self.current, i
        for index in (previous, i):
            if index is not None:
                self.update(self.tiles[index].adjusted(-2, -2, 2, 2))
        if i is not None:
            self._ensure_visible(self.tiles[i])

    def _ensure_visible(self, rect: QRect) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            centre = rect.center()
            parent.ensureVisible(centre.x(), centre.y(), rect.width(), rect.height())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hovered(self.tile_at(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hovered(None)
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        i = self.tile_at(event.position().toPoint())
        if event.button() is Qt.MouseButton.LeftButton and i is not None:
            self._set_current(i)
            self.clicked.emit(self.entries[i])
            return
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() is QContextMenuEvent.Reason.Mouse:
            i = self.tile_at(event.pos())
        else:
            i = self.current
        if i is None:
            event.ignore()
            return
        self._set_current(i)
        self.menu_requested.emit(self.entries[i], self.mapToGlobal(self.tiles[i].center()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if not self.tiles:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.current is not None:
                self.clicked.emit(self.entries[self.current])
            return
        menu_key = key is Qt.Key.Key_Menu or (
            key is Qt.Key.Key_F10 and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        if menu_key:  # handled here, so the platform sends no context menu event as well
            if self.current is not None:
                i = self.current
                self.menu_requested.emit(self.entries[i], self.mapToGlobal(self.tiles[i].center()))
            return
        step = self._step(key)
        if step is None:
            super().keyPressEvent(event)
            return
        self._set_current(step)

    def _step(self, key: Qt.Key) -> int | None:
        """The tile an arrow key (or Home/End) moves to from the current one."""
        last = len(self.tiles) - 1
        if key is Qt.Key.Key_Home:
            return 0
        if key is Qt.Key.Key_End:
            return last
        if key not in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            return None
        if self.current is None:
            return 0
        here = self.tiles[self.current]
        if key is Qt.Key.Key_Left:
            return max(self.current - 1, 0)
        if key is Qt.Key.Key_Right:
            return min(self.current + 1, last)
        below = key is Qt.Key.Key_Down
        candidates = [
            i
            for i, rect in enumerate(self.tiles)
            if (rect.top() > here.top() if below else rect.top() < here.top())
        ]
        if not candidates:
            return self.current
        return min(
            candidates,
            key=lambda i: (  # the same column first, then the nearest
                abs(self.tiles[i].left() - here.left()),
                abs(self.tiles[i].top() - here.top()),
            ),
        )

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.current is None and self.tiles:
            self.current = 0
        if self.current is not None:
            self.update(self.tiles[self.current].adjusted(-2, -2, 2, 2))
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self.current is not None:
            self.update(self.tiles[self.current].adjusted(-2, -2, 2, 2))
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() is QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            i = self.tile_at(event.pos())
            if i is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(
                    event.globalPos(), tile_tooltip(self.entries[i]), self, self.tiles[i]
                )
            return True
        return super().event(event)
